import Foundation
import QTGeometry
import QTModel
import Testing

@testable import QTAnalysis

/// Coverage of the bundled district checked against independent computations: brute-force nearest
/// distances for radius mode, the triangle inequality for network modes, and the sums.
@Suite(.serialized) struct CoverageBundledTests {
    static let standardsPath = IndicatorFixtures.root.appendingPathComponent("geodata/standards/life-circles.json").path

    static func inputs(_ services: [CoverageService]) throws -> CoverageInputs {
        let district = try DistrictLoader().load(directory: IndicatorFixtures.bundled).district
        let standards = try LifeCircleStandards.load(path: standardsPath)
        return try Coverage.prepare(district, services: services, standards: standards, options: CoverageOptions())
    }

    static func services(mode: CoverageMode?) throws -> [CoverageService] {
        let profile = try LifeCircleStandards.load(path: standardsPath).profile("gb50180")
        return profile.rules.map { profile.service($0, mode: mode) }
    }

    @Test func radiusEqualsBruteForceAndSumsAddUp() async throws {
        let services = try Self.services(mode: .radius)
        let inputs = try Self.inputs(services)
        let results = try await Coverage.measure(services, in: inputs)
        #expect(results.count == 23)
        let d = inputs.demand
        #expect(d.population.reduce(0, +) == 793_000)
        for r in results {
            let supply = inputs.supplies[r.service.supply]!
            #expect(supply.facilityCount == r.facilities && r.facilities > 0, "\(r.service.label)")
            var covered = 0.0
            for i in 0..<d.count {
                var nearest = Double.infinity
                for k in 0..<supply.count {
                    nearest = min(
                        nearest, ((d.xs[i] - supply.xs[k]) * (d.xs[i] - supply.xs[k]) + (d.ys[i] - supply.ys[k]) * (d.ys[i] - supply.ys[k])).squareRoot())
                }
                if nearest <= r.service.distance { covered += d.population[i] }
            }
            #expect(r.total.covered == covered, "\(r.service.label): \(r.total.covered) vs brute force \(covered)")
            #expect(r.total.share >= 0 && r.total.share <= 1)
            #expect(r.bySubdistrict.count == 7)
            #expect(r.bySubdistrict.map(\.population).reduce(0, +) == r.total.population)
            #expect(r.bySubdistrict.map(\.covered).reduce(0, +) == r.total.covered)
            for s in r.bySubdistrict { #expect(s.share >= 0 && s.share <= 1 && s.covered <= s.population) }
        }
    }

    @Test func networkTimesAreNeverShorterThanTheStraightLine() async throws {
        let walk = try Self.services(mode: nil)
        let radius = walk.map { s -> CoverageService in
            var r = s
            r.mode = .radius
            r.distance = 1e6 // nearest facility anywhere
            return r
        }
        let inputs = try Self.inputs(walk + radius)
        let results = try await Coverage.measure(walk + radius, in: inputs)
        let speed = CoverageOptions().walkSpeed
        for (w, r) in zip(results.prefix(walk.count), results.suffix(radius.count)) {
            #expect(w.total.share >= 0 && w.total.share <= 1)
            #expect(w.bySubdistrict.map(\.covered).reduce(0, +) == w.total.covered)
            guard w.service.mode == .walk else { continue } // drive times are not walking distances
            // gb50180 walks distances: reach is in metres (a timed walk's seconds × the speed are metres too).
            #expect(w.service.effectiveMeasure == .distance)
            let metres = w.service.effectiveMeasure == .distance ? 1 : speed
            var violations = 0
            for i in 0..<w.reach.count where w.reach[i].isFinite && w.reach[i] * metres < r.reach[i] - 1e-6 { violations += 1 }
            #expect(violations == 0, "\(w.service.label): \(violations) residents closer by network than by straight line")
            // Residents reached on foot within the circle are within its walking distance as the crow flies.
            for i in 0..<w.reach.count where w.covered[i] { #expect(r.reach[i] <= w.service.distance + 1e-6) }
        }
        // Fire stations are timed from the station over the drive network.
        let fire = try #require(results.first { $0.service.supply.type == "fire_station" })
        #expect(fire.service.mode == .drive && fire.service.direction == .fromFacility && fire.total.covered > 0)
    }

    /// Issue 15: at equal distance the streets can never cover more than the straight line. For every rule of
    /// gb50180 walked (its own distance) and every sub-district, the residents within the distance along the
    /// streets are at most those within the distance + 1 m as the crow flies (1 m for snapping and rounding).
    @Test func networkShareNeverExceedsRadiusShareAtEqualDistance() async throws {
        let walked = try Self.services(mode: .walk).filter { $0.mode == .walk }
        #expect(walked.count == 22 && walked.allSatisfy { $0.effectiveMeasure == .distance })
        let radius = walked.map { s -> CoverageService in
            var r = s
            r.mode = .radius
            r.distance = s.distance + 1
            r.distanceRural = s.distanceRural.map { $0 + 1 }
            return r
        }
        let inputs = try Self.inputs(walked + radius)
        let results = try await Coverage.measure(walked + radius, in: inputs)
        for (w, r) in zip(results.prefix(walked.count), results.suffix(radius.count)) {
            #expect(w.total.covered <= r.total.covered, "\(w.service.label): network \(w.total.covered) > radius \(r.total.covered)")
            for (a, b) in zip(w.bySubdistrict, r.bySubdistrict) {
                #expect(a.covered <= b.covered, "\(w.service.label) in \(a.name): network \(a.covered) > radius \(b.covered)")
            }
            // Resident by resident, not only in sum.
            for i in 0..<w.covered.count where w.covered[i] { #expect(r.covered[i], "\(w.service.label): \(inputs.demand.ids[i])") }
        }
    }

    /// The timed walk of the same rules (--measure time) reaches the 375/750/1,125 m of 4.5 km/h: the primary-school
    /// share then exceeds the 500 m straight-line share, which is why gb50180 measures distance (issue 15).
    @Test func timedWalkReachesFurtherThanTheStandardsDistance() async throws {
        let profile = try LifeCircleStandards.load(path: Self.standardsPath).profile("gb50180")
        let rule = try #require(profile.rules.first { $0.label == "primary_school" })
        let timed = profile.service(rule, measure: .time), walked = profile.service(rule), radius = profile.service(rule, mode: .radius)
        let inputs = try Self.inputs([timed, walked, radius])
        let (t, w, r) = (try Coverage.measure(timed, in: inputs), try Coverage.measure(walked, in: inputs), try Coverage.measure(radius, in: inputs))
        #expect(w.total.covered <= r.total.covered && w.total.covered <= t.total.covered)
        // Every resident the 500 m walk covers, the 10-minute walk (750 m) covers too.
        for i in 0..<w.covered.count where w.covered[i] { #expect(t.covered[i]) }
    }

    @Test func ruralResidentsGetTheLongerCircle() async throws {
        let profile = try LifeCircleStandards.load(path: Self.standardsPath).profile("qiantang-plan")
        let rule = try #require(profile.rules.first { $0.supply.type == "elderly_daycare" })
        let service = profile.service(rule)
        #expect(service.minutes == 15 && service.minutesRural == 20)
        let inputs = try Self.inputs([service])
        let r = try Coverage.measure(service, in: inputs)
        var expected = 0.0
        for i in 0..<inputs.demand.count where r.reach[i] <= (inputs.demand.urban[i] ? 900 : 1200) { expected += inputs.demand.population[i] }
        #expect(r.total.covered == expected)
        #expect(inputs.demand.urban.contains(false), "the bundled district has rural residents")
    }
}

@Suite struct LifeCircleStandardsTests {
    @Test func bundledProfiles() throws {
        let standards = try LifeCircleStandards.load(path: CoverageBundledTests.standardsPath)
        #expect(standards.defaultProfile == "gb50180" && standards.walkSpeedKmh == 4.5 && standards.accessDistance == 100)
        let gb = try standards.profile()
        #expect([5.0, 10, 15].map(gb.distance(forMinutes:)) == [300, 500, 1000])
        #expect(abs(gb.distance(forMinutes: 20) - 1333.333) < 0.001) // the 15-minute circle's pace
        let circle = Dictionary(gb.rules.map { ($0.label, $0.minutes) }, uniquingKeysWith: { a, _ in a })
        #expect(circle["middle_school"] == 15 && circle["primary_school"] == 10 && circle["kindergarten"] == 5)
        #expect(circle["elderly_daycare"] == 5 && circle["wet_market"] == 10 && circle["community_health_centre"] == 15)
        let plan = try standards.profile("qiantang-plan")
        #expect(plan.rules.first { $0.supply.type == "kindergarten" }?.minutes == 15)
        // Issue 15: GB 50180 defines its circles by distance, the plan by minutes; each service names its group.
        #expect(gb.measure == .distance && plan.measure == .time)
        let group = Dictionary(gb.rules.map { ($0.label, $0.targetGroup) }, uniquingKeysWith: { a, _ in a })
        #expect(group["kindergarten"] == .aged3to5 && group["childcare"] == .aged0to2 && group["primary_school"] == .aged6to11)
        #expect(group["middle_school"] == .aged12to14 && group["elderly_daycare"] == .aged60Plus && group["wet_market"] == .all)
        #expect(gb.rules.first { $0.label == "kindergarten" }?.capacity == .places)
        #expect(TargetGroup.bands.compactMap(\.shareKey).sorted() == PopulationAgeBands.shareKeys.sorted())
        #expect(throws: StandardsError.unknownProfile(path: standards.path, name: "nope", known: ["gb50180", "qiantang-plan"])) {
            try standards.profile("nope")
        }
    }

    @Test func brokenFilesNameTheField() {
        func message(_ text: String) -> String {
            do { _ = try LifeCircleStandards.parse(data: Data(text.utf8), path: "s.json"); return "parsed" } catch { return error.description }
        }
        let head = #""walk_speed_kmh": 4.5, "drive_speed_kmh": {}, "access_m": 100, "default_profile": "p""#
        func profile(_ service: String) -> String {
            "{\(head), \"profiles\": [{\"name\": \"p\", \"title\": \"t\", \"source\": {\"document\": \"d\"}, \"circles\": [], \"services\": [\(service)]}]}"
        }
        #expect(
            message(profile(#"{"type": "school", "minutes": 5, "where": "x"}"#)).hasPrefix(
                "s.json: field 'profiles[0].services[0].type': unknown facility type 'school'"))
        #expect(
            message(profile(#"{"type": "kindergarten", "minutes": -5, "where": "x"}"#))
                == "s.json: field 'profiles[0].services[0].minutes': expected a number > 0, found -5.0")
        #expect(
            message(profile(#"{"type": "kindergarten", "minutes": 5, "mode": "fly", "where": "x"}"#))
                == "s.json: field 'profiles[0].services[0].mode': expected radius, walk or drive, found 'fly'")
        #expect(message(profile(#"{"type": "kindergarten", "minutes": 5}"#)) == "s.json: field 'profiles[0].services[0].where': missing")
        #expect(
            message(profile(#"{"type": "kindergarten", "minutes": 5, "where": "x", "target_group": "toddlers"}"#))
                .hasPrefix(
                    "s.json: field 'profiles[0].services[0].target_group': expected one of all, aged_0_2, aged_3_5, aged_6_11, aged_12_14, aged_60_plus, found 'toddlers'"
                ))
        #expect(
            message(profile(#"{"type": "kindergarten", "minutes": 5, "where": "x", "capacity": "seats"}"#))
                == "s.json: field 'profiles[0].services[0].capacity': expected places, beds or physicians, found 'seats'")
        #expect(
            message(
                "{\(head), \"profiles\": [{\"name\": \"p\", \"title\": \"t\", \"source\": {\"document\": \"d\"}, \"measure\": \"steps\", \"circles\": [], \"services\": []}]}"
            )
                == "s.json: field 'profiles[0].measure': expected distance or time, found 'steps'")
        #expect(
            message(profile(#"{"type": "kindergarten", "minutes": 5, "where": "x"}, {"type": "kindergarten", "minutes": 10, "where": "y"}"#))
                .contains("'kindergarten' appears twice"))
        #expect(
            message("{\(head.replacingOccurrences(of: "4.5", with: "45")), \"profiles\": []}")
                == "s.json: field 'walk_speed_kmh': 45.0 km/h is not a walking speed (expected at most 20)")
        #expect(message("[1]").hasPrefix("s.json: expected an object, found"))
    }
}
