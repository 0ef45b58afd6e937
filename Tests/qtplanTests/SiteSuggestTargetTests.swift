import Foundation
import Testing

/// `qtplan site-suggest` weighs the service's target group and, for fire stations, the hazardous sites (issue 15), on
/// Tests/Fixtures/districts/coverage-ages (see CoverageTargetCommandTests for its residents, bands and sites).
///
/// Worked by hand, kindergartens walked 300 m (kg-1 already covers pop-w1):
/// - near-e1 (120.3175, 30.3079) reaches pop-e1: 2,000 residents, 60 children of 3–5 (0.03);
/// - near-w2 (120.3065, 30.3075) reaches pop-w2 (166 m to its street + about 55 m): 500 residents, 100 children (0.2).
/// By residents near-e1 wins (2,000 > 500); by children near-w2 (100 > 60).
/// Fire stations: fire-1 reaches haz-east but not haz-west; west-station, 450 m east of haz-west on the 30.302° street
/// (beyond the 300 m siting rule), reaches it and pop-w1 within 5 minutes' drive.
@Suite struct SiteSuggestTargetTests {
    static let district = CLI.fixture("coverage-ages")

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let r = try CLI.run(["site-suggest", "--district", district, "--count", "1", "--format", "json"] + arguments)
        #expect(r.status == 0, "\(r.stderr)")
        return try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    @Test func theTargetGroupDecidesUnlessAllResidentsAreAskedFor() throws {
        let candidates = CLI.fixture("coverage-ages/plans/kindergarten-candidates.geojson")
        let children = try Self.json(["--type", "kindergarten", "--candidates", candidates])
        let picks = try #require(children["picks"] as? [[String: Any]])
        #expect(picks.first?["id"] as? String == "near-w2" && picks.first?["gain"] as? Double == 100, "\(picks)")
        #expect(children["weighted_by"] as? String == "aged_3_5" && children["population"] as? Double == 220)
        #expect(children["existing_covered"] as? Double == 50)
        let everyone = try Self.json(["--type", "kindergarten", "--candidates", candidates, "--all-residents"])
        let first = try #require((everyone["picks"] as? [[String: Any]])?.first)
        #expect(first["id"] as? String == "near-e1" && first["gain"] as? Double == 2000 && everyone["weighted_by"] as? String == "all")
    }

    @Test func fireStationsCountHazardousSitesBesideResidents() throws {
        let candidates = CLI.fixture("coverage-ages/plans/fire-candidates.geojson")
        let r = try Self.json(["--type", "fire_station", "--candidates", candidates])
        #expect(r["hazardous_sites"] as? Int == 2 && r["hazardous_sites_existing"] as? Int == 1, "\(r)")
        let picks = try #require(r["picks"] as? [[String: Any]])
        #expect(picks.first?["id"] as? String == "west-station" && r["hazardous_sites_reached"] as? Int == 2, "\(r)")
        #expect(picks.first?["gain"] as? Double == 1000) // residents only: pop-w1
        let table = try CLI.run(["site-suggest", "--district", Self.district, "--count", "1", "--type", "fire_station", "--candidates", candidates])
        #expect(table.stdout.contains("2 sites in the constraints layer; 1 reached by an existing station, 2 with the picks"), "\(table.stdout)")
    }
}
