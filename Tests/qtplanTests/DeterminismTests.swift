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
        // Coverage measures services in parallel tasks; the rows must still come in the same order.
        ["coverage", "--format", "json", "--all", "--by", "subdistrict", "--district", "{fixtures}/districts/coverage-small"],
        ["coverage", "--format", "csv", "--type", "metro_station,bus_stop", "--mode", "radius", "--by", "subdistrict"],
        ["isochrone", "--district", "{fixtures}/districts/coverage-small", "--at", "120.3025,30.3021", "--minutes", "2,4,6"],
        ["transform", "--from", "WGS84", "--to", "EPSG:4549", "--format", "json", "120.35,30.30", "120.3,30.31"]
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

    /// Files written by --problems, --gaps, --areas and -o: byte-identical across runs (each run writes to its
    /// own folder; stdout may name the file, so the folder is replaced before comparing). GeoJSON, FlatGeobuf,
    /// CSV (with its .csvt and .prj), SVG and HTML always; a GeoPackage with `SOURCE_DATE_EPOCH` set, which every
    /// run here has (without it a GeoPackage records the time it was written, `gpkg_contents.last_change`).
    @Test(arguments: [
        ["validate", "--district", "{fixtures}/districts/broken-overlap", "--problems", "{out}/problems.geojson"],
        ["landuse", "--district", "{fixtures}/districts/landuse-gaps", "--by", "class", "--gaps", "{out}/gaps.geojson"],
        [
            "coverage", "--district", "{fixtures}/districts/coverage-small", "--all", "--areas", "{out}/areas.geojson",
            "--gaps", "{out}/gaps.geojson"
        ],
        [
            "coverage", "--district", "{fixtures}/districts/coverage-small", "--type", "kindergarten", "--mode", "radius",
            "--areas", "{out}/areas.geojson", "--dissolve"
        ],
        [
            "isochrone", "--district", "{fixtures}/districts/coverage-small", "--at", "120.3025,30.3021", "--minutes", "2,4,6",
            "--mode", "drive", "-o", "{out}/bands.geojson"
        ],
        ["export", "--layer", "facilities,subdistricts", "-o", "{out}/layers.gpkg", "--crs", "EPSG:4549"],
        ["export", "--layer", "facilities", "-o", "{out}/facilities.fgb"],
        ["export", "--layer", "facilities", "-o", "{out}/facilities.csv", "--crs", "EPSG:4549"],
        ["map", "--coverage", "kindergarten", "-o", "{out}/map.svg"],
        ["report", "-o", "{out}/report.html"]
    ])
    func twoRunsWriteTheSameFiles(_ arguments: [String]) throws {
        let fixtures = CLI.root.appendingPathComponent("Tests/Fixtures").path
        var outputs: [(stdout: String, files: [String: Data])] = []
        for _ in 0..<2 {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qtplan-determinism-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let expanded = arguments.map {
                $0.replacingOccurrences(of: "{fixtures}", with: fixtures).replacingOccurrences(of: "{out}", with: folder.path)
            }
            let result = try CLI.run(expanded, environment: ["SOURCE_DATE_EPOCH": "1764547200"])
            #expect(result.status == 0 || (arguments[0] == "validate" && result.status == 65), "stderr: \(result.stderr)")
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
            }
            #expect(!files.isEmpty && files.values.allSatisfy { !$0.isEmpty }, "no output file: \(result.stderr)")
            outputs.append((result.stdout.replacingOccurrences(of: folder.path, with: "{out}"), files))
        }
        #expect(outputs[0].stdout == outputs[1].stdout)
        #expect(outputs[0].files == outputs[1].files)
    }
}
