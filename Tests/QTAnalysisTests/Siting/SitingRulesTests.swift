import Foundation
import QTModel
import Testing

@testable import QTAnalysis

/// The rules file: the bundled one and what a broken one says.
@Suite struct SitingRulesTests {
    @Test func theBundledRulesCoverTheIssue() throws {
        let rules = try SitingFixtures.rules()
        #expect(
            rules.rules.map(\.id) == [
                "inside_district", "not_on_water", "ecological_red_line", "basic_farmland", "not_on_cropland",
                "landuse_compatibility", "fire_from_crowded_exits", "fire_from_hazardous", "fire_district_area",
                "school_from_railway", "school_from_major_roads", "service_radius", "spacing",
                "duplicate_coverage", "coverage_gain"
            ])
        #expect(rules.rules.allSatisfy { !$0.document.isEmpty && !$0.clause.isEmpty })
        let fire = try #require(rules.rules.first { $0.id == "fire_from_crowded_exits" })
        #expect(fire.failBelow == 50 && fire.applies(to: "fire_station") && !fire.applies(to: "kindergarten"))
        #expect(rules.rules.first { $0.id == "fire_from_hazardous" }?.failBelow == 300)
        let roads = try #require(rules.rules.first { $0.id == "school_from_major_roads" })
        #expect(roads.failBelow == 80 && roads.clause.contains("GB 50099-2011") == false && roads.document.contains("GB 50099-2011"))
        #expect(rules.rules.first { $0.id == "school_from_railway" }?.clause.hasPrefix("§4.1.6") == true)
        // No school or elderly care on industrial land.
        for type in ["primary_school", "middle_school", "kindergarten", "elderly_daycare", "elderly_care_home"] {
            #expect(!rules.allowedClasses(for: type).contains(.industrial), "\(type)")
        }
        #expect(rules.allowedClasses(for: "fire_station").contains(.utilities) && rules.candidateGridMetres == 200)
    }

    static func parse(_ text: String) -> String? {
        do { _ = try SitingRules.parse(data: Data(text.utf8), path: "r.json"); return nil } catch { return error.description }
    }

    static let clause = "\"document\": \"D\", \"clause\": \"C\""

    @Test func brokenRulesNameTheField() {
        #expect(Self.parse("[]") == "r.json: expected an object, found an array")
        #expect(Self.parse("{\"rules\": []}") == "r.json: field 'rules': expected at least one rule")
        #expect(
            Self.parse("{\"rules\": [{\"id\": \"a\", \"title\": \"t\", \"kind\": \"teleport\", \"types\": [\"*\"], \(Self.clause)}]}")?
                .hasPrefix("r.json: field 'rules[0].kind': unknown kind 'teleport'") == true)
        #expect(
            Self.parse(
                "{\"rules\": [{\"id\": \"a\", \"title\": \"t\", \"kind\": \"landuse_class\", \"classes\": [\"lava\"], \"types\": [\"*\"], \(Self.clause)}]}")?
                .hasPrefix("r.json: field 'rules[0].classes[0]': unknown land-use class 'lava'") == true)
        #expect(
            Self.parse("{\"rules\": [{\"id\": \"a\", \"title\": \"t\", \"kind\": \"inside_boundary\", \"types\": [\"castle\"], \(Self.clause)}]}")?
                .hasPrefix("r.json: field 'rules[0].types[0]': unknown facility type 'castle'") == true)
        #expect(
            Self.parse(
                "{\"rules\": [{\"id\": \"a\", \"title\": \"t\", \"kind\": \"distance_from\", \"types\": [\"*\"], \"from\": [{\"layer\": \"network\", \"road_classes\": [\"expressway\"]}], \(Self.clause)}]}"
            )
                == "r.json: field 'rules[0]': a distance_from rule needs fail_below_m or warn_below_m")
        #expect(
            Self.parse(
                "{\"rules\": [{\"id\": \"a\", \"title\": \"t\", \"kind\": \"distance_from\", \"types\": [\"*\"], \"fail_below_m\": -5, \"from\": [{\"layer\": \"network\"}], \(Self.clause)}]}"
            )
                == "r.json: field 'rules[0].fail_below_m': expected a number ≥ 0, found -5.0")
        #expect(
            Self.parse("{\"rules\": [{\"id\": \"a\", \"title\": \"t\", \"kind\": \"inside_boundary\", \"types\": [\"*\"], \"document\": \"D\"}]}")
                == "r.json: field 'rules[0].clause': missing")
        let twice = "{\"id\": \"a\", \"title\": \"t\", \"kind\": \"inside_boundary\", \"types\": [\"*\"], \(Self.clause)}"
        #expect(Self.parse("{\"rules\": [\(twice), \(twice)]}") == "r.json: field 'rules[1].id': 'a' appears twice")
        #expect(
            Self.parse(
                "{\"rules\": [{\"id\": \"a\", \"title\": \"t\", \"kind\": \"landuse_compatibility\", \"types\": [\"*\"], \"allowed\": {\"park\": [\"green_space\"]}, \"conditional\": {\"park\": [\"green_space\"]}, \(Self.clause)}]}"
            )
                == "r.json: field 'rules[0].conditional.park': 'green_space' is also in allowed.park")
        #expect(Self.parse("{\"rules\": [")?.hasPrefix("r.json: invalid JSON") == true)
        #expect(throws: SitingError.missingFile(path: "/nowhere/rules.json", what: "siting rules file")) { try SitingRules.load(path: "/nowhere/rules.json") }
    }
}
