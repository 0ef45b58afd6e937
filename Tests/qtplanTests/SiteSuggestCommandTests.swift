import Foundation
import Testing

/// `qtplan site-suggest` on Tests/Fixtures/districts/siting-small with `plans/candidates.geojson` (worked in
/// Tests/QTAnalysisTests/Siting/SiteSuggestTests.swift): middle schools, radius mode (1,000 m). c2, between
/// the two clusters, reaches 3,500 residents; c3 then adds pop-n's 500; c4 stands in the farmland.
@Suite struct SiteSuggestCommandTests {
    static let district = CLI.fixture("siting-small")
    static let candidates = CLI.fixture("siting-small/plans/candidates.geojson")

    static func run(_ arguments: [String]) throws -> CLIResult {
        try CLI.run(["site-suggest", "--district", district, "--type", "middle_school", "--mode", "radius"] + arguments)
    }

    @Test func picksWithMarginalGainsAndRunningShare() throws {
        let r = try Self.run(["--count", "2", "--candidates", Self.candidates, "--format", "json"])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        let result = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let picks = try #require(result["picks"] as? [[String: Any]])
        #expect(picks.map { $0["id"] as? String } == ["c2", "c3"])
        #expect(picks.map { $0["gain"] as? Double } == [3500, 500])
        #expect(picks.map { $0["share_after"] as? Double } == [0.875, 1])
        #expect(result["candidates"] as? Int == 4 && result["passing"] as? Int == 3 && result["covered"] as? Double == 4000)
        let rejections = try #require(result["rejections"] as? [[String: Any]])
        #expect(rejections.compactMap { $0["rule"] as? String } == ["basic_farmland", "not_on_cropland", "landuse_compatibility"])
    }

    @Test func tableAndGeoJSONFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qtplan-site-suggest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("picks.geojson").path
        let r = try Self.run(["--count", "1", "--candidates", Self.candidates, "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines[0].hasPrefix("rank  site") && lines[1] == "   1  c2    120.3095000,30.3040000  3,500    3,500  87.5%  ")
        #expect(r.stdout.contains("Candidates   4 from the candidates file; 3 pass site-check"))
        let doc = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
        let features = try #require(doc["features"] as? [[String: Any]])
        let props = try #require(features.first?["properties"] as? [String: Any])
        #expect(features.count == 1 && props["id"] as? String == "c2" && props["gain"] as? Double == 3500 && props["rank"] as? Double == 1)
        #expect(props["by_subdistrict"] as? [String: Double] == ["w": 2000, "e": 1500])
    }

    @Test func targetShareAndItsWarning() throws {
        let r = try Self.run(["--target-share", "0.8", "--candidates", Self.candidates, "--format", "json"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("\"target_reached\": true") && r.stdout.contains("\"id\": \"c2\"") && !r.stdout.contains("\"id\": \"c3\""))
        let grid = try Self.run(["--target-share", "1", "--grid", "200"])
        #expect(grid.status == 0 && grid.stderr.contains("qtplan: warning: the target share 100.0% is not reached"), "\(grid.stderr)")
    }

    @Test func runsAreByteForByteTheSame() throws {
        let grid = ["--count", "3", "--grid", "100", "--format", "json"]
        let first = try Self.run(grid), second = try Self.run(grid)
        #expect(first.status == 0 && first.stdout == second.stdout && !first.stdout.isEmpty)
        let check = ["site-check", "--district", Self.district, "--sites", CLI.fixture("siting-small/plans/mixed.geojson"), "--format", "geojson"]
        #expect(try CLI.run(check).stdout == CLI.run(check).stdout)
    }

    @Test func errorsNeverExitOne() throws {
        let cases: [([String], Int32, String)] = [
            (["--candidates", Self.candidates], 64, "give --count K or --target-share S"),
            (["--count", "0"], 64, "--count must be between 1 and 1000"),
            (["--target-share", "80"], 64, "a share, not a percentage"),
            (["--count", "1", "--grid", "1"], 64, "--grid must be between"),
            (["--count", "1", "--candidates", "/nowhere/c.geojson"], 66, "/nowhere/c.geojson: candidates file not found"),
            (["--count", "1", "--candidates", CLI.fixture("siting-small/plans/mixed.geojson")], 65, "is not the requested 'middle_school'"),
            (["--count", "1", "--candidates", Self.candidates, "-o", "/nowhere/out.geojson"], 73, "/nowhere/out.geojson: cannot write")
        ]
        for (arguments, status, message) in cases {
            let r = try Self.run(arguments)
            #expect(r.status == status, "\(arguments): \(r.stderr)")
            #expect(r.stderr.contains(message), "\(arguments): \(r.stderr)")
        }
        let hospital = try CLI.run(["site-suggest", "--district", Self.district, "--type", "hospital", "--count", "1"])
        #expect(hospital.status == 64 && hospital.stderr.contains("no circle for 'hospital'; give --minutes"))
    }
}
