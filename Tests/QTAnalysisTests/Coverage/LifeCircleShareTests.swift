import Foundation
import QTGeometry
import QTModel
import Testing

@testable import QTAnalysis

/// The combined life-circle share: residents reaching every service of a circle, by hand and against a
/// brute-force search on the bundled district.
@Suite(.serialized) struct LifeCircleShareTests {
    /// Four resident locations (100, 200, 300, 400 residents; sub-districts a, a, b, none) and a profile
    /// whose 15-minute circle has two rules (and a third rule outside the circle).
    static let demand = DemandSet(
        ids: ["p1", "p2", "p3", "p4"], xs: [0, 0, 0, 0], ys: [0, 0, 0, 0],
        population: [100, 200, 300, 400], subdistrict: [0, 0, 1, -1],
        urban: [true, true, true, true], subdistricts: ["a", "b"],
        subdistrictNames: ["甲", "乙"], featureIndex: [0, 1, 2, 3])

    static func rule(_ label: String, _ minutes: Double, inCircle: Bool = true) -> LifeCircleRule {
        LifeCircleRule(
            label: label, supply: SupplySelector(type: label), minutes: minutes, mode: .walk,
            direction: .toFacility, source: "test", inLifeCircle: inCircle)
    }

    static let profile = LifeCircleProfile(
        name: "test", title: "test", source: "test", circles: [],
        rules: [rule("school", 15), rule("clinic", 15), rule("fire", 15, inCircle: false), rule("kindergarten", 5)])

    static func result(_ label: String, _ covered: [Bool]) -> CoverageResult {
        let service = profile.service(profile.rules.first { $0.label == label }!)
        return CoverageResult(
            service: service, facilities: 1, facilitiesOffNetwork: 0, residentsOffNetwork: 0,
            total: CoverageCount(id: "", name: "", population: 0, covered: 0), bySubdistrict: [],
            reach: covered.map { $0 ? 1 : .infinity }, covered: covered)
    }

    /// school reaches p1, p2, p4; clinic p1, p3, p4; fire nobody (outside the circle, so it does not matter):
    /// every service of the circle reaches p1 and p4 = 500 of 1,000; sub-district a: p1 = 100 of 300; b: 0 of
    /// 300. Not the smaller of the two shares (600 and 800) nor their product.
    @Test func residentsReachingEveryServiceByHand() throws {
        let results = [
            Self.result("school", [true, true, false, true]), Self.result("clinic", [true, false, true, true]),
            Self.result("fire", [false, false, false, false]), Self.result("kindergarten", [true, true, true, true])
        ]
        let share = try #require(try LifeCircleShare.combined(minutes: 15, profile: Self.profile, results: results, demand: Self.demand))
        #expect(share.services == ["school", "clinic"])
        #expect(share.total.population == 1000 && share.total.covered == 500 && share.total.share == 0.5)
        #expect(share.bySubdistrict.map(\.id) == ["a", "b"])
        #expect(share.bySubdistrict.map(\.covered) == [100, 0] && share.bySubdistrict.map(\.population) == [300, 300])
        let five = try #require(try LifeCircleShare.combined(minutes: 5, profile: Self.profile, results: results, demand: Self.demand))
        #expect(five.total.covered == 1000)
        #expect(try LifeCircleShare.combined(minutes: 10, profile: Self.profile, results: results, demand: Self.demand) == nil)
    }

    @Test func aMissingResultIsAnError() throws {
        #expect(throws: CoverageError.self) {
            _ = try LifeCircleShare.combined(
                minutes: 15, profile: Self.profile, results: [Self.result("school", [true, true, true, true])],
                demand: Self.demand)
        }
    }

    /// The bundled district in radius mode: for each resident location, a brute-force nearest search over
    /// every facility of each rule of the circle; the combined share counts those within every rule's distance.
    @Test func bundledRadiusCirclesEqualBruteForce() async throws {
        let district = try DistrictLoader().load(directory: IndicatorFixtures.bundled).district
        let standards = try LifeCircleStandards.load(path: CoverageBundledTests.standardsPath)
        let profile = try standards.profile("gb50180")
        let shares = try await LifeCircleShare.measure(
            district, profile: profile, standards: standards,
            options: CoverageOptions(), mode: .radius)
        #expect(shares.map(\.minutes) == [5, 10, 15])
        let services = profile.rules.map { profile.service($0, mode: .radius) }
        let inputs = try Coverage.prepare(district, services: services, standards: standards, options: CoverageOptions())
        let d = inputs.demand
        for share in shares {
            let rules = profile.lifeCircleRules(minutes: share.minutes)
            #expect(share.services == rules.map(\.label))
            #expect(!share.services.contains("fire_station") && !share.services.contains("bus_stop"))
            var covered = 0.0, bySub = [Double](repeating: 0, count: d.subdistricts.count)
            for i in 0..<d.count {
                let everywhere = rules.allSatisfy { rule in
                    let service = profile.service(rule, mode: .radius)
                    let supply = inputs.supplies[service.supply]!
                    return (0..<supply.count).contains { k in
                        ((d.xs[i] - supply.xs[k]) * (d.xs[i] - supply.xs[k]) + (d.ys[i] - supply.ys[k]) * (d.ys[i] - supply.ys[k])).squareRoot()
                            <= service.distance
                    }
                }
                if everywhere {
                    covered += d.population[i]
                    if d.subdistrict[i] >= 0 { bySub[Int(d.subdistrict[i])] += d.population[i] }
                }
            }
            #expect(share.total.covered == covered, "\(share.minutes) min")
            #expect(share.total.population == 793_000)
            #expect(share.bySubdistrict.map(\.covered) == bySub)
            #expect(share.bySubdistrict.map(\.covered).reduce(0, +) == share.total.covered)
        }
    }
}
