import Foundation
import Testing

/// `qtplan coverage` measures, target groups and capacity (issue 15) on Tests/Fixtures/districts/coverage-ages:
/// coverage-small (see CoverageCommandTests for the streets and the hand-worked walks) with a kindergarten age
/// band and places.
///
/// Worked by hand. aged_3_5_share: w1 0.05 of 1,000 = 50 children, w2 0.2 of 500 = 100, e1 0.03 of 2,000 = 60,
/// e2 0.02 of 500 = 10: 220 children, 150 in w and 70 in e. kg-1 (60 places, operating) is 78 m along the
/// streets from w1 (inside 300 m), far from the rest; kg-2 (90 places, planned) is 55 m from e1 as the crow flies.
/// - Walking 300 m: w1 covered: target 50 of 220 = 22.727 %; all residents 1,000 of 4,000 = 25 %.
/// - 2SFCA, walking 300 m: kg-1's ratio 60 ÷ 50 = 1.2 places a child, reaching w1 only: district
///   50 × 1.2 ÷ 220 × 1,000 = 272.727 places per 1,000 children; w 60 ÷ 150 × 1,000 = 400; e 0.
/// - Hazardous sites (constraints layer): haz-east stands at pop-e1, which the fire station reaches by road in
///   5 minutes; haz-west at pop-w1, 5.4 minutes away (CoverageCommandTests) and 1,618 m as the crow flies
///   (beyond the 1,493 m of radius mode): 1 of 2 reached either way.
/// - 2SFCA, radius 300 m with planned facilities: kg-1 1.2 for w1, kg-2 90 ÷ 60 = 1.5 for e1: district
///   (60 + 90) ÷ 220 × 1,000 = 681.818; e 90 ÷ 70 × 1,000 = 1,285.714.
@Suite struct CoverageTargetCommandTests {
    static let district = CLI.fixture("coverage-ages")

    static func json(_ arguments: [String], district: String = district) throws -> [[String: Any]] {
        let result = try CLI.run(["coverage", "--district", district, "--format", "json"] + arguments)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }

    static func part(_ row: [String: Any], _ id: String) -> [String: Any] {
        (row["by_subdistrict"] as? [[String: Any]] ?? []).first { $0["subdistrict"] as? String == id } ?? [:]
    }

    @Test func targetGroupSharesAreWeightedByTheAgeBand() throws {
        let kg = try #require(try Self.json(["--type", "kindergarten"]).first)
        #expect(kg["target_group"] as? String == "aged_3_5" && kg["share"] as? Double == 0.25)
        #expect(kg["target_population"] as? Double == 220 && kg["target_covered"] as? Double == 50)
        #expect(abs((kg["target_share"] as? Double ?? 0) - 50.0 / 220) < 1e-6)
        #expect(Self.part(kg, "w")["target_population"] as? Double == 150 && Self.part(kg, "e")["target_covered"] as? Double == 0)
        // A service for all residents: the target is everyone.
        let fire = try #require(try Self.json(["--type", "fire_station"]).first)
        #expect(fire["target_group"] as? String == "all" && fire["target_population"] as? Double == 4000)
        // The same district without the band: unknown, said in the table.
        let plain = try #require(try Self.json(["--type", "kindergarten"], district: CLI.fixture("coverage-small")).first)
        #expect(plain["target_population"] is NSNull && plain["target_share"] is NSNull && plain["share"] as? Double == 0.25)
        let table = try CLI.run(["coverage", "--district", CLI.fixture("coverage-small"), "--type", "kindergarten"])
        #expect(table.stdout.contains("unknown") && table.stdout.contains("does not give aged_3_5_share"), "\(table.stdout)")
    }

    @Test func fireStationsReportTheHazardousSitesTheyReach() throws {
        for mode in ["drive", "radius"] {
            let fire = try #require(try Self.json(["--type", "fire_station", "--mode", mode]).first)
            #expect(fire["hazardous_sites"] as? Int == 2 && fire["hazardous_sites_reached"] as? Int == 1, "\(mode)")
            #expect(fire["covered"] as? Double == 3000) // the residents' figure is unchanged by the sites
        }
        let kg = try #require(try Self.json(["--type", "kindergarten"]).first)
        #expect(kg["hazardous_sites"] is NSNull)
        let table = try CLI.run(["coverage", "--district", Self.district, "--type", "fire_station"])
        #expect(table.stdout.contains("fire_station reaches 1 of 2 within 5 min"), "\(table.stdout)")
    }

    @Test func capacityWithinReachMatchesTheHandWorkedTwoStepCatchment() throws {
        let walk = try #require(try Self.json(["--type", "kindergarten", "--capacity"]).first)
        #expect(walk["capacity"] as? String == "places" && walk["capacity_total"] as? Double == 60)
        #expect(abs((walk["capacity_per_1000"] as? Double ?? 0) - 272.727) < 0.001)
        #expect(abs((Self.part(walk, "w")["capacity_per_1000"] as? Double ?? 0) - 400) < 0.001)
        #expect(Self.part(walk, "e")["capacity_per_1000"] as? Double == 0)
        let planned = try #require(try Self.json(["--type", "kindergarten", "--capacity", "--mode", "radius", "--include-planned"]).first)
        #expect(planned["capacity_total"] as? Double == 150 && planned["capacity_reaching"] as? Double == 150)
        #expect(abs((planned["capacity_per_1000"] as? Double ?? 0) - 681.818) < 0.001)
        #expect(abs((Self.part(planned, "e")["capacity_per_1000"] as? Double ?? 0) - 1285.714) < 0.001)
        // A service without a capacity in its rule: no figure; without --capacity: no keys.
        let fire = try #require(try Self.json(["--type", "fire_station", "--capacity"]).first)
        #expect(fire["capacity"] is NSNull && fire["capacity_per_1000"] is NSNull)
        #expect(try #require(try Self.json(["--type", "kindergarten"]).first)["capacity"] == nil)
    }

    @Test func measureIsPrintedAndDriveOnlyServicesAreNeverWalked() throws {
        let rows = try Self.json(["--all", "--mode", "walk"])
        let fire = try #require(rows.first { $0["type"] as? String == "fire_station" })
        #expect(fire["mode"] as? String == "drive" && fire["mode_from_profile"] as? Bool == true && fire["measure"] as? String == "time")
        #expect(
            rows.filter { $0["type"] as? String != "fire_station" }.allSatisfy { $0["mode"] as? String == "walk" && $0["measure"] as? String == "distance" })
        let table = try CLI.run(["coverage", "--district", Self.district, "--all", "--mode", "walk"])
        let line = try #require(table.stdout.split(separator: "\n").first { $0.hasPrefix("fire_station") })
        #expect(line.contains("drive (profile)") && line.contains("time") && line.contains("5 min"), "\(line)")
        #expect(table.stdout.contains("Measure") && table.stdout.contains("distance along the streets"))
        let csv = try CLI.run(["coverage", "--district", Self.district, "--type", "kindergarten", "--format", "csv"])
        #expect(
            csv.stdout.hasPrefix(
                "profile,label,type,mode,measure,minutes,minutes_rural,distance_m,subdistrict,population,covered,share,target_group,target_population,target_covered,target_share\n"
            ))
        #expect(csv.stdout.contains("gb50180,kindergarten,kindergarten,walk,distance,5,,300.0,,4000,1000,0.250000,aged_3_5,220,50,0.227273"), "\(csv.stdout)")
        // The plan's profile times its circles; --measure overrides either way.
        let plan = try #require(try Self.json(["--type", "kindergarten", "--standard", "qiantang-plan"]).first)
        #expect(plan["measure"] as? String == "time" && plan["distance_m"] is NSNull)
        let timed = try #require(try Self.json(["--type", "kindergarten", "--measure", "time"]).first)
        #expect(timed["measure"] as? String == "time" && timed["covered"] as? Double == 1000) // 78 m is 62 s: inside 5 minutes
    }

    @Test func contradictoryMeasuresAreUsageErrors() throws {
        for (arguments, message) in [
            (["--mode", "drive", "--measure", "distance"], "--measure distance: a drive is measured by time"),
            (["--mode", "radius", "--measure", "time"], "--measure time: --mode radius is a straight-line distance")
        ] {
            let result = try CLI.run(["coverage", "--district", Self.district, "--type", "kindergarten"] + arguments)
            #expect(result.status == 64 && result.stderr.contains(message) && result.stdout.isEmpty, "\(result.stderr)")
        }
    }
}
