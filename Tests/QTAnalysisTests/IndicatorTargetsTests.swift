import Foundation
import QTAnalysis
import Testing

@Suite struct IndicatorTargetsTests {
    /// The bundled file: every indicator once, with the plan's 2025 figures (seed 001 table 2 and text).
    @Test func bundledTargetsAreThePlans() throws {
        let targets = try IndicatorTargets.load(path: IndicatorFixtures.targetsPath)
        #expect(targets.year == 2025)
        #expect(Set(targets.indicators.map(\.id)) == Set(IndicatorID.allCases))
        let expected: [IndicatorID: Double?] = [
            .sportsGroundAreaPerResident: 2.4, .cultureAreaPer10000: 5_000, .childcarePlacesPer1000: 3.5,
            .physiciansPer1000: 5.0, .generalHospitals: 4, .elderlyCareBedsPer1000Elderly: 40,
            .futureCommunities: 10, .railStationsBusWithin50m: nil, .railStationsBusWithin150m: 100
        ]
        for (id, target) in expected { #expect(targets[id]?.target == target, "\(id)") }
        #expect(targets[.childcarePlacesPer1000]?.baseline2020 == 1.8)
        #expect(targets.indicators.allSatisfy { !$0.source.seed.isEmpty && !$0.source.location.isEmpty })
        #expect(targets[.childcarePlacesPer1000]?.source.wording?.contains("每千人拥有3岁以下婴幼儿托位数") == true)
    }

    @Test(arguments: [
        ("negative-target.json", "field 'indicators[2].target': expected a number ≥ 0 or null, found -3.5"),
        ("unknown-id.json", "field 'indicators[1].id': unknown indicator 'culture_per_person'"),
        ("missing-seed.json", "field 'indicators[0].source.seed': missing"),
        ("not-json.json", "invalid JSON")
    ])
    func badFilesNameTheFileAndField(file: String, message: String) throws {
        let path = IndicatorFixtures.fixture("indicators-bad-targets") + "/" + file
        let error = try #require(
            #expect(throws: IndicatorTargetsError.self) {
                _ = try IndicatorTargets.load(path: path)
            })
        guard case .invalid = error else { Issue.record("\(error)"); return }
        #expect(error.description.hasPrefix(path + ": "))
        #expect(error.description.contains(message), "\(error.description)")
        #expect(!error.description.contains("\n"))
    }

    @Test func missingFile() {
        #expect(throws: IndicatorTargetsError.missingFile(path: "/nowhere/targets.json")) {
            try IndicatorTargets.load(path: "/nowhere/targets.json")
        }
    }

    @Test func inlineErrors() {
        func error(_ text: String) -> String {
            do {
                _ = try IndicatorTargets.parse(data: Data(text.utf8), path: "t.json")
                return "loaded"
            } catch { return error.description }
        }
        #expect(error("[]") == "t.json: expected a JSON object at the top level")
        #expect(error(#"{"indicators": []}"#) == "t.json: field 'year': missing")
        #expect(error(#"{"year": 2025}"#) == "t.json: field 'indicators': missing")
        let entry = #"{"id": "general_hospitals", "name": "h", "unit": "hospitals", "target": 4, "source": {"seed": "001", "where": "table 2"}}"#
        #expect(
            error(#"{"year": 2025, "indicators": [\#(entry), \#(entry)]}"#)
                == "t.json: field 'indicators[1].id': 'general_hospitals' appears twice")
        let share = #"{"id": "rail_stations_bus_within_150m", "name": "s", "unit": "% of stations", "target": 120, "source": {"seed": "001", "where": "text"}}"#
        #expect(error(#"{"year": 2025, "indicators": [\#(share)]}"#).contains("a share cannot exceed 100%"))
        let noTarget = #"{"id": "general_hospitals", "name": "h", "unit": "hospitals", "source": {"seed": "001", "where": "t"}}"#
        #expect(error(#"{"year": 2025, "indicators": [\#(noTarget)]}"#).hasPrefix("t.json: field 'indicators[0].target': missing"))
        #expect(error(#"{"year": 2025, "indicators": [\#(entry)]}"#) == "loaded")
    }
}
