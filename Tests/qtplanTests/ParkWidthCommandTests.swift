import Foundation
import Testing

/// `coverage` on Tests/Fixtures/districts/park-widths (worked by hand in QTAnalysisTests' ParkWidthTests): park-wide
/// (100 m × 500 m, 5 ha, west: 20,000 residents) and park-strip (40 m × 1,250 m, 5 ha, east: 10,000 residents).
/// GB 50180 table 4.0.4: the strip is too narrow for the 15-minute (80 m) and 10-minute (50 m) tiers; green area per
/// resident 50,000 / 30,000 = 1.67 m² (15 and 10 minutes; west 2.50, east 0.00), 100,000 / 30,000 = 3.33 m²
/// (5 minutes; west 2.50, east 5.00).
@Suite struct ParkWidthCommandTests {
    static let district = CLI.fixture("park-widths")

    @Test("coverage prints each park tier's green area per resident against table 4.0.4 and the parks too narrow")
    func greenPerResidentInTheTable() throws {
        let args = ["coverage", "--district", Self.district, "--type", "park", "--mode", "radius", "--by", "subdistrict"]
        let en = try CLI.run(args + ["--lang", "en"])
        #expect(en.status == 0, "\(en.stderr)")
        let rows = en.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        #expect(rows.first { $0.first == "park_15min" }?[5] == "1", "\(en.stdout)") // facilities: the wide park only
        #expect(rows.first { $0.first == "park_5min" }?[5] == "2")
        for line in [
            "Green per resident  park_15min: 1.67 m² per resident (GB 50180 table 4.0.4: ≥ 2.0), below; 西街道 2.50, 东街道 0.00",
            "Green per resident  park_10min: 1.67 m² per resident (GB 50180 table 4.0.4: ≥ 1.0), met; 西街道 2.50, 东街道 0.00",
            "Green per resident  park_5min: 3.33 m² per resident (GB 50180 table 4.0.4: ≥ 1.0), met; 西街道 2.50, 东街道 5.00",
            "Too narrow          park_15min 1 parks under 80 m; park_10min 1 parks under 50 m"
        ] {
            #expect(en.stdout.contains(line), "\(line)\n\(en.stdout)")
        }
        let zh = try CLI.run(args + ["--lang", "zh"])
        #expect(zh.stdout.contains("人均公园绿地  居住区公园（≥5公顷）：1.67平方米/人（GB 50180 表4.0.4：≥ 2.0），未达标；西街道 2.50，东街道 0.00"), "\(zh.stdout)")
        #expect(zh.stdout.contains("宽度不足") && !zh.stdout.contains("Too narrow"))
        // JSON: the figures for programs, per sub-district too.
        let json = try CLI.run(args + ["--format", "json"])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let fifteen = try #require(list.first { $0["label"] as? String == "park_15min" })
        #expect(fifteen["min_width_m"] as? Double == 80 && fifteen["green_per_resident_target_m2"] as? Double == 2)
        #expect(fifteen["green_per_resident_m2"] as? Double == 1.667 && fifteen["parks_too_narrow"] as? [String] == ["park-strip"])
        let parts = try #require(fifteen["by_subdistrict"] as? [[String: Any]])
        #expect(parts.map { $0["green_per_resident_m2"] as? Double } == [2.5, 0])
    }
}
