import Foundation
import Testing

/// `qtplan indicators`' life-circle rows on Tests/Fixtures/districts/lifecircle-small: the coverage-small
/// district (see CoverageCommandTests) with a kindergarten, a childcare centre, an elderly day-care centre,
/// a small sports ground, a culture station (文化活动站) and a park of 5,000 m² (a point: the district has no parks
/// layer) all within a few metres of one another on the 30.302° street near pop-w1, and a second day-care centre
/// by pop-e2.
///
/// Worked by hand: pop-w1 (1,000, w) walks 66.5 m to the street and at most 19 + 33 m more to each of the
/// six (under 2 minutes): it is inside the 5-minute circle of gb50180, whose required (▲) services are the
/// kindergarten, elderly day care, small sports ground, culture station and a park of ≥ 0.4 ha (childcare is △,
/// measured but not combined). pop-e2 (500, e) reaches its day-care centre in 78 m but no kindergarten within
/// 5 minutes (17.7 minutes). No other resident reaches any of them within 5 minutes. So the combined 5-minute
/// share is 1,000 of 4,000 (25%; w 1,000 of 1,500, e 0 of 2,500), while elderly day care alone reaches 1,500.
/// Nobody reaches a primary school, a middle school or a health centre: the 10- and 15-minute circles are 0%.
@Suite struct LifeCircleIndicatorTests {
    static let district = CLI.fixture("lifecircle-small")

    static func rows(_ arguments: [String], district: String = LifeCircleIndicatorTests.district) throws -> [[[String: Any]]] {
        let result = try CLI.run(["indicators", "--district", district, "--format", "json"] + arguments)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let json = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let scopes = try #require(json["scopes"] as? [[String: Any]])
        return scopes.map { $0["indicators"] as? [[String: Any]] ?? [] }
    }

    static func row(_ rows: [[String: Any]], _ id: String) -> [String: Any] {
        rows.first { $0["id"] as? String == id } ?? [:]
    }

    @Test func combinedSharesMatchTheHandWorkedCase() throws {
        let scopes = try Self.rows([])
        #expect(scopes.count == 3) // district, w, e
        let five = Self.row(scopes[0], "life_circle_5min")
        #expect(five["value"] as? Double == 25 && five["amount"] as? Double == 1000 && five["base"] as? Double == 4000)
        #expect(five["status"] as? String == "no_target")
        #expect(
            (five["reason"] as? String)?.contains(
                "gb50180 service set: residents reaching every one of kindergarten, elderly_daycare, sports_ground_small, culture_station, park_5min") == true)
        #expect(abs((Self.row(scopes[1], "life_circle_5min")["value"] as? Double ?? 0) - 66.6667) < 1e-3)
        #expect(Self.row(scopes[2], "life_circle_5min")["value"] as? Double == 0)
        // The plan's 15分钟公共服务圈 is measured over qiantang-plan's set (no health centre here), whatever --standard says.
        let fifteen = Self.row(scopes[0], "life_circle_15min")
        #expect(fifteen["value"] as? Double == 0 && fifteen["status"] as? String == "not_met" && fifteen["shortfall"] as? Int == 4000)
        #expect(
            (fifteen["reason"] as? String)?.hasPrefix(
                "qiantang-plan service set: residents reaching every one of kindergarten, childcare, community_health_centre") == true)
        #expect(fifteen["needs"] as? String == "needs 4,000 more residents covered")
        #expect(Self.row(scopes[0], "life_circle_10min")["value"] as? Double == 0)
        // The combined share is not the share of any one service: elderly day care alone reaches 1,500.
        let daycare = try CLI.run(["coverage", "--district", Self.district, "--type", "elderly_daycare", "--format", "json"])
        let service = try #require(JSONSerialization.jsonObject(with: Data(daycare.stdout.utf8)) as? [[String: Any]])
        #expect(service.first?["covered"] as? Double == 1500)
    }

    @Test func theProfileDecidesTheCircles() throws {
        let scopes = try Self.rows(["--standard", "qiantang-plan"])
        let ten = Self.row(scopes[0], "life_circle_10min")
        #expect(ten["status"] as? String == "not_computed" && ten["reason"] as? String == "qiantang-plan has no 10-minute life-circle services")
        let fifteen = Self.row(scopes[0], "life_circle_15min")
        #expect(fifteen["value"] as? Double == 0) // no health centre, care home or culture centre in the district
        let result = try CLI.run(["indicators", "--district", Self.district, "--standard", "qiantang-plan"])
        #expect(result.stdout.contains("Life circles: residents reaching every required (▲) life-circle service of the circle, walking (qiantang-plan profile"))
        let unknown = try CLI.run(["indicators", "--district", Self.district, "--standard", "nope"])
        #expect(unknown.status == 64 && unknown.stderr.contains("no profile 'nope'"), "\(unknown.stderr)")
    }

    @Test func withoutANetworkOrWhenAskedTheRowsAreNotComputed() throws {
        let noNetwork = try Self.rows([], district: CLI.fixture("indicators-small"))
        let row = Self.row(noNetwork[0], "life_circle_15min")
        #expect(row["status"] as? String == "not_computed")
        #expect(row["reason"] as? String == "not computed: network: layer not in the district (coverage needs it)")
        let skipped = try Self.rows(["--no-life-circles"])
        #expect(
            Self.row(skipped[0], "life_circle_5min")["reason"] as? String
                == "not computed here: qtplan coverage --all gives each service's share")
    }
}
