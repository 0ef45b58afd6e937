import Foundation
import Testing

/// Issue 15 part 2 through the binary: parks reached at their edge, GB 50180's ▲/△ in coverage's output, and the
/// seeds' kindergarten and fire-station indicators, on the hand-worked fixtures of `TierIndicatorTests` and
/// `ParkCoverageTests` (Tests/Fixtures/districts/tiers-small) and `LifeCircleIndicatorTests` (lifecircle-small).
@Suite struct TiersCommandTests {
    static func json(_ arguments: [String]) throws -> Any {
        let result = try CLI.run(arguments)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    /// Every operating park of tiers-small within 300 m as the crow flies of a resident's point, measured to its
    /// edge: pop-1 (600) 144 m from park-big, pop-3 (1,000) 222 m from park-small; pop-2 (400) 466 m → 1,600.
    @Test func parksAreReachedAtTheirEdgeByTheCommand() throws {
        let rows = try #require(
            try Self.json([
                "coverage", "--district", CLI.fixture("tiers-small"), "--type", "park",
                "--mode", "radius", "--minutes", "5", "--format", "json"
            ]) as? [[String: Any]])
        let park = try #require(rows.first)
        #expect(park["facilities"] as? Int == 2)
        #expect(park["covered"] as? Double == 1_600 && park["population"] as? Double == 2_000)
    }

    @Test func requiredAndShouldServicesAreSaid() throws {
        let district = CLI.fixture("lifecircle-small")
        let text = try CLI.run(["coverage", "--district", district, "--all"])
        #expect(text.status == 0, "stderr: \(text.stderr)")
        #expect(text.stdout.contains("Should (△)       childcare, community_health_station: provided where needed (GB 50180 appendix B △)"))
        let rows = try #require(try Self.json(["coverage", "--district", district, "--all", "--format", "json"]) as? [[String: Any]])
        func row(_ label: String) -> [String: Any] { rows.first { $0["label"] as? String == label } ?? [:] }
        #expect(row("childcare")["required"] as? Bool == false && row("kindergarten")["required"] as? Bool == true)
        #expect(row("community_health_station")["level"] as? [String] == ["station", "centre"])
        #expect(row("park_5min")["min_area_m2"] as? Double == 4_000)
    }

    @Test func kindergartenAndFireStationIndicators() throws {
        let document = try #require(
            try Self.json([
                "indicators", "--district", CLI.fixture("tiers-small"), "--no-life-circles",
                "--format", "json"
            ]) as? [String: Any])
        let scopes = try #require(document["scopes"] as? [[String: Any]])
        let rows = try #require(scopes.first?["indicators"] as? [[String: Any]])
        func row(_ id: String) -> [String: Any] { rows.first { $0["id"] as? String == id } ?? [:] }
        #expect(row("kindergarten_public_share")["value"] as? Double == 70 && row("kindergarten_public_share")["shortfall"] as? Int == 15)
        #expect(row("kindergarten_inclusive_share")["status"] as? String == "met")
        #expect(row("subdistricts_with_fire_rescue_station")["value"] as? Double == 50)
        #expect(row("subdistricts_with_fire_rescue_station")["needs"] as? String == "needs 1 more sub-district fire and rescue station")
        // tiers-small has no land-use layer: the green rows say why.
        #expect(row("park_green_share")["status"] as? String == "not_computed")
    }
}
