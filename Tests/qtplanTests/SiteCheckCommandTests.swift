import Foundation
import Testing

/// `qtplan site-check` on Tests/Fixtures/districts/siting-small (described in
/// Tests/QTAnalysisTests/Siting/SitingFixtures.swift), through the built binary: stdout, stderr, exit codes.
///
/// Plans in the fixture's `plans/` folder: `mixed.geojson` has kg-a (a kindergarten at pop-a2's centre on
/// residential land: every rule holds but, walking, nobody new is inside its 5-minute circle, a warning),
/// kg-farm (in the basic farmland: fails) and fire-new (on public-service land, 350 m from the hazardous
/// site, 182 m from the primary school: passes); `passing.geojson` has kg-a and fire-new.
@Suite struct SiteCheckCommandTests {
    static let district = CLI.fixture("siting-small")
    static func plan(_ name: String) -> String { CLI.fixture("siting-small/plans/\(name)") }

    static func run(_ arguments: [String]) throws -> CLIResult {
        try CLI.run(["site-check", "--district", district] + arguments)
    }

    static func json(_ result: CLIResult) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test func oneSiteThatPassesExitsZero() throws {
        let r = try Self.run(["--type", "kindergarten", "--at", "120.3045,30.3050", "--mode", "radius"])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Site site: kindergarten at 120.3045000,30.3050000: PASS (0 failed, 0 warned, 12 rules)"))
        #expect(r.stdout.contains("Result    every site passes\n"))
    }

    @Test func warningsArePrintedAndStillExitZero() throws {
        let r = try Self.run(["--type", "kindergarten", "--at", "120.3045,30.3050"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("WARN (0 failed, 1 warned, 12 rules)"))
        #expect(r.stdout.contains("warn     coverage_gain            0 residents newly inside the 300 m walk circle (0 inside)"))
        #expect(r.stdout.contains("every site passes (1 with warnings)"))
    }

    @Test func aFailedRuleExitsOneWithItsClause() throws {
        let r = try Self.run(["--type", "kindergarten", "--at", "120.3080,30.3075"])
        #expect(r.status == 1 && r.stderr.isEmpty, "\(r.stderr)")
        #expect(r.stdout.contains("FAIL (4 failed"))
        #expect(r.stdout.contains("fail     basic_farmland           inside farmland-1 (basic_farmland)"))
        #expect(r.stdout.contains("↳ 中华人民共和国土地管理法 (2019), 第三十五条"))
        #expect(r.stdout.contains("Result    1 of 1 sites fail (exit 1)"))
    }

    @Test func aPlanWithMixedVerdicts() throws {
        let r = try Self.run(["--sites", Self.plan("mixed.geojson"), "--format", "json"])
        #expect(r.status == 1, "\(r.stderr)")
        let report = try Self.json(r)
        #expect(report["verdict"] as? String == "fail" && report["profile"] as? String == "gb50180")
        let sites = try #require(report["sites"] as? [[String: Any]])
        #expect(sites.map { $0["id"] as? String } == ["kg-a", "kg-farm", "fire-new"])
        #expect(sites.map { $0["verdict"] as? String } == ["warn", "fail", "pass"])
        let farm = try #require(sites[1]["rules"] as? [[String: Any]])
        let failed = farm.filter { $0["verdict"] as? String == "fail" }.compactMap { $0["rule"] as? String }
        #expect(failed == ["basic_farmland", "not_on_cropland", "landuse_compatibility", "school_from_railway"])
        let rail = try #require(farm.first { $0["rule"] as? String == "school_from_railway" })
        // 0.0023° of latitude south of the railway: 255.0 m on the ellipsoid.
        #expect(abs((rail["value"] as? Double ?? 0) - 255.0) < 0.6 && rail["limit_value"] as? Double == 300 && rail["unit"] as? String == "m")
        let fire = try #require(sites[2]["rules"] as? [[String: Any]])
        let gain = try #require(fire.first { $0["rule"] as? String == "coverage_gain" })
        let parts = try #require(gain["by_subdistrict"] as? [[String: Any]])
        #expect(parts.compactMap { $0["residents"] as? Double }.reduce(0, +) == gain["value"] as? Double)
    }

    @Test func aPlanThatPassesWithWarningsExitsZero() throws {
        let r = try Self.run(["--sites", Self.plan("passing.geojson")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Site kg-a: kindergarten") && r.stdout.contains("Site fire-new: fire_station"))
    }

    @Test func geoJSONCarriesTheVerdicts() throws {
        let r = try Self.run(["--sites", Self.plan("mixed.geojson"), "--format", "geojson"])
        #expect(r.status == 1)
        let doc = try Self.json(r)
        let features = try #require(doc["features"] as? [[String: Any]])
        let props = features.compactMap { $0["properties"] as? [String: Any] }
        #expect(props.map { $0["verdict"] as? String } == ["warn", "fail", "pass"])
        #expect(props[1]["failed"] as? [String] == ["basic_farmland", "not_on_cropland", "landuse_compatibility", "school_from_railway"])
        let geometry = try #require(features[1]["geometry"] as? [String: Any])
        #expect(geometry["coordinates"] as? [Double] == [120.308, 30.3075])
    }

    @Test func gcj02InputIsConvertedFirst() throws {
        let shift = try CLI.run(["transform", "--from", "WGS84", "--to", "GCJ02", "120.3045,30.3050"])
        let gcj = shift.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let r = try Self.run(["--type", "kindergarten", "--at", gcj, "--input-crs", "GCJ02", "--mode", "radius", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let site = try #require((try Self.json(r)["sites"] as? [[String: Any]])?.first)
        #expect(abs((site["lon"] as? Double ?? 0) - 120.3045) < 1e-6 && abs((site["lat"] as? Double ?? 0) - 30.3050) < 1e-6)
    }

    @Test func errorsNeverExitOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qtplan-site-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let badRules = folder.appendingPathComponent("rules.json").path
        try Data("{\"rules\": [{\"id\": \"x\"}]}".utf8).write(to: URL(fileURLWithPath: badRules))
        let cases: [([String], Int32, String)] = [
            (["--at", "120.3,30.3"], 64, "--at needs --type T"),
            (["--type", "castle", "--at", "120.3,30.3"], 64, "unknown facility type 'castle'"),
            (["--type", "park", "--at", "120.3,30.3", "--sites", Self.plan("mixed.geojson")], 64, "give --type T --at LON,LAT, or --sites FILE"),
            (["--type", "park", "--at", "30.3"], 64, "--at: expected LON,LAT"),
            (["--type", "park", "--at", "30.3,120.3"], 64, "is not longitude,latitude"),
            (["--type", "park", "--at", "120.3,30.3", "--input-crs", "Mars"], 64, "--input-crs Mars"),
            (["--type", "park", "--at", "120.3,30.3", "--standard", "nope"], 64, "no profile 'nope'"),
            (["--type", "park", "--at", "120.3,30.3", "--minutes", "0"], 64, "--minutes must be"),
            (["--sites", "/nowhere/plan.geojson"], 66, "/nowhere/plan.geojson: sites file not found"),
            (["--type", "park", "--at", "120.3,30.3", "--rules", "/nowhere/rules.json"], 66, "siting rules file not found"),
            (["--type", "park", "--at", "120.3,30.3", "--rules", badRules], 65, "field 'rules[0].title': missing"),
            (["--sites", Self.plan("no-type.geojson")], 65, "feature 0 'x': no 'type' property"),
            (["--sites", Self.plan("unknown-type.geojson")], 65, "unknown facility type 'castle'"),
            (["--sites", Self.plan("line.geojson")], 65, "expected a Point geometry")
        ]
        for (arguments, status, message) in cases {
            let r = try Self.run(arguments)
            #expect(r.status == status, "\(arguments): \(r.stderr)")
            #expect(r.stderr.contains(message), "\(arguments): \(r.stderr)")
            #expect(r.stdout.isEmpty, "\(arguments)")
            if status != 64 { #expect(r.stderr.split(separator: "\n").count == 1, "\(arguments): \(r.stderr)") }
        }
        let missing = try CLI.run(["site-check", "--district", "/nowhere", "--type", "park", "--at", "120.3,30.3"])
        #expect(missing.status == 66 && missing.stderr == "qtplan: error: /nowhere: district folder not found\n")
    }
}
