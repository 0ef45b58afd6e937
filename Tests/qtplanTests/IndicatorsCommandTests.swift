import Foundation
import Testing

/// The CLI over the worked example of QTAnalysisTests/IndicatorCalculatorTests (indicators-small): residents
/// 2,000; sports 4,000 m² → 2.0 m² per resident, 800 m² missing; physicians 9 → 4.5 per 1,000, 1 missing;
/// stations s1 39.9 m and s2 399.1 m from their nearest bus stops.
@Suite struct IndicatorsCommandTests {
    static var targets: String { CLI.root.appendingPathComponent("geodata/standards/targets.json").path }

    @Test func jsonOfTheWorkedExample() throws {
        let result = try CLI.run(["indicators", "--district", CLI.fixture("indicators-small"), "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.isEmpty)
        let json = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["residents"] as? Int == 2_000)
        #expect(json["modelled"] as? Bool == true)
        #expect(json["modelled_layers"] as? [String] == ["population", "transit"])
        let scopes = try #require(json["scopes"] as? [[String: Any]])
        #expect(scopes.map { $0["name"] as? String } == ["指标区", "西街道", "东街道"])
        let rows = try #require(scopes[0]["indicators"] as? [[String: Any]])
        let sports = try #require(rows.first { $0["id"] as? String == "sports_ground_area_per_resident" })
        #expect(sports["value"] as? Double == 2.0 && sports["shortfall"] as? Int == 800 && sports["met"] as? Bool == false)
        #expect(sports["needs"] as? String == "needs 800 m² more sports ground")
        #expect((sports["source"] as? [String: Any])?["seed"] as? String == "001_2693ffcf47e220f5.txt")
        let childcare = try #require(rows.first { $0["id"] as? String == "childcare_places_per_1000" })
        #expect(childcare["met"] as? Bool == true && childcare["shortfall"] as? Int == 0)
        let circle = try #require(rows.first { $0["id"] as? String == "life_circle_15min" })
        #expect(circle["status"] as? String == "not_computed" && circle["value"] is NSNull)
        let stations = try #require(json["stations"] as? [[String: Any]])
        #expect(stations.map { $0["distance_m"] as? Double } == [39.9, 399.1])
    }

    @Test func tableSaysWhatIsMissingAndThatInputsAreModelled() throws {
        let result = try CLI.run(["indicators", "--district", CLI.fixture("indicators-small")])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        for text in [
            "needs 800 m² more sports ground", "needs 300 m² more public cultural facility floor area",
            "needs 1 more licensed physician\n", "needs 3 more graded general hospitals",
            "needs 2 more elderly-care beds", "needs 8 more future communities",
            "needs 1 more station with a bus stop within 150 m", "district level only",
            "not computed: network: layer not in the district (coverage needs it)", "Not counted (not operating): 规划体育场",
            "二站 399 m", "Modelled inputs: population (3 of 3 features modelled), transit (1 of 8"
        ] {
            #expect(result.stdout.contains(text), "\(text)")
        }
    }

    @Test func csvHasOneLinePerScopeAndIndicator() throws {
        let result = try CLI.run(["indicators", "--district", CLI.fixture("indicators-small"), "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "scope_id,scope_name,indicator,unit,target,value,status,shortfall,shortfall_unit,amount,base,reason,modelled")
        #expect(lines.count == 1 + 3 * 18)
        #expect(lines.contains(",指标区,sports_ground_area_per_resident,m² per resident,2.4000,2.0000,not_met,800,m²,4000.00,2000.00,,true"))
    }

    @Test(arguments: [
        ("negative-target.json", "indicators[2].target"), ("unknown-id.json", "indicators[1].id"),
        ("not-json.json", "invalid JSON")
    ])
    func badTargetsFileExits65(file: String, field: String) throws {
        let path = CLI.fixture("indicators-bad-targets") + "/" + file
        let result = try CLI.run(["indicators", "--district", CLI.fixture("indicators-small"), "--targets", path])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("qtplan: error: \(path): "))
        #expect(result.stderr.contains(field))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func missingTargetsFileExits66() throws {
        let result = try CLI.run(["indicators", "--district", CLI.fixture("indicators-small"), "--targets", "/nowhere/t.json"])
        #expect(result.status == 66)
        #expect(result.stderr == "qtplan: error: /nowhere/t.json: targets file not found\n")
    }

    @Test func bundledDistrict() throws {
        let result = try CLI.run(["indicators", "--targets", Self.targets, "--lang", "en"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        // Hand-worked in QTAnalysisTests/IndicatorBundledTests: 2.4 × 793,000 − 1,665,300; 5.0 × 793 − 3,093.
        #expect(result.stdout.contains("needs 237,900 m² more sports ground"))
        #expect(result.stdout.contains("needs 872 more licensed physicians"))
        #expect(result.stdout.contains("these values describe the model, not a survey"))
        // The bundled manifest says "lang": "zh": the same shortfalls in the targets file's needs_zh.
        let zh = try CLI.run(["indicators", "--targets", Self.targets])
        #expect(zh.stdout.contains("还需体育场地237,900平方米") && zh.stdout.contains("还需执业（助理）医师872人"), "\(zh.stdout.prefix(600))")
    }

    @Test("--year 2025 gives every indicator at the plan's 1,000,000 residents beside today's; a year without one is 64")
    func indicatorsAtThePlansPopulation() throws {
        let result = try CLI.run(["indicators", "--year", "2025", "--no-life-circles", "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        // 1,665,300 m² of sports ground: 2.10 m² each today, 1.67 at 1,000,000; 2.4 × 1,000,000 − 1,665,300 = 734,700 m².
        #expect(result.stdout.contains("value at 1,000,000"))
        #expect(result.stdout.contains("needs 237,900 m² more sports ground                        1.67"))
        #expect(result.stdout.contains("needs 734,700 m² more sports ground"))
        #expect(result.stdout.contains("Calibrated to the 2020 baseline: sports ground area per resident"))
        let json = try CLI.run(["indicators", "--year", "2025", "--no-life-circles", "--format", "json"])
        #expect(json.stdout.contains("\"at_plan_population\": {\"value\": 1.6653, \"status\": \"not_met\", \"shortfall\": 734700"))
        let wrong = try CLI.run(["indicators", "--year", "2030", "--no-life-circles"])
        #expect(wrong.status == 64 && wrong.stderr.contains("no plan population for 2030 (the targets file's plan_population is for 2025)"))
    }
}
