import Foundation
import Testing

/// The same inputs give byte-identical outputs, so that a plan's results can be diffed in review.
@Suite struct DeterminismTests {
    @Test(arguments: [
        ["validate", "--format", "json"],
        ["validate", "--format", "json", "--district", "{fixtures}/districts/broken-overlap"],
        ["landuse", "--format", "json"],
        ["landuse", "--format", "json", "--by", "class,subdistrict", "--district", "{fixtures}/districts/landuse-split"],
        ["indicators", "--format", "json"],
        ["info", "--format", "json"],
    ])
    func twoRunsGiveTheSameBytes(_ arguments: [String]) throws {
        let fixtures = CLI.root.appendingPathComponent("Tests/Fixtures").path
        let expanded = arguments.map { $0.replacingOccurrences(of: "{fixtures}", with: fixtures) }
        let first = try CLI.run(expanded)
        let second = try CLI.run(expanded)
        #expect(first.status == second.status)
        #expect(!first.stdout.isEmpty)
        #expect(first.stdout == second.stdout)
        #expect(first.stderr == second.stderr)
    }

    /// Files written twice are byte-identical: GeoJSON, FlatGeobuf, CSV, SVG and HTML always; a GeoPackage with
    /// `SOURCE_DATE_EPOCH` set (without it GeoPackage records the time it was written, `gpkg_contents.last_change`).
    @Test(arguments: [
        ["export", "--layer", "facilities,subdistricts", "-o", "{out}.gpkg", "--crs", "EPSG:4549"],
        ["export", "--layer", "facilities", "-o", "{out}.fgb"],
        ["export", "--layer", "facilities", "-o", "{out}.csv", "--crs", "EPSG:4549"],
        ["coverage", "--type", "community_health_centre", "--areas", "{out}.geojson", "--dissolve"],
        ["map", "--coverage", "kindergarten", "-o", "{out}.svg"],
        ["report", "-o", "{out}.html"],
    ])
    func filesWrittenTwiceAreTheSame(_ arguments: [String]) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qtplan-determinism-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var outputs: [Data] = []
        for run in ["a", "b"] {
            let expanded = arguments.map { $0.replacingOccurrences(of: "{out}", with: "\(folder)/\(run)") }
            let result = try CLI.run(expanded, environment: ["SOURCE_DATE_EPOCH": "1764547200"])
            #expect(result.status == 0, "\(result.stderr)")
            let written = try #require(expanded.first { $0.hasPrefix(folder) })
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: written)))
        }
        #expect(!outputs[0].isEmpty && outputs[0] == outputs[1])
    }
}
