import Foundation
import QTTestSupport
import Testing

/// No output replaces an input of its run (issue 19, class 1): every command that writes a file goes through one
/// guard that compares real paths, links and inodes, Shapefile members and replaced folders. Each case runs in a
/// copy of a fixture district and checks the exit code (73), that the line names the output and the input, and
/// that the input is unchanged byte for byte. Before the guard, all but `export` wrote over the input, exit 0.
@Suite struct OutputGuardTests {
    /// A copy of siting-small (boundary, facilities, landuse, network, population, subdistricts) in a scratch folder.
    static func district() throws -> (root: String, district: String) {
        let root = try Tool.temporaryFolder("guard")
        let district = root + "/d"
        try FileManager.default.copyItem(atPath: CLI.fixture("siting-small"), toPath: district)
        return (root, district)
    }

    /// Runs `arguments`, expects the refusal (the last line of stderr: a `validate` prints its findings first)
    /// naming `output` and `input`, and `input` unchanged.
    func expectRefused(_ arguments: [String], output: String, input: String) throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: input))
        let result = try CLI.run(arguments)
        #expect(result.status == 73, "\(arguments.prefix(2)): \(result.stderr)")
        let last = result.stderr.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasPrefix("qtplan: error: \(output): would overwrite "), "\(result.stderr)")
        #expect(last.contains(": would overwrite \(input), ") && last.contains("an input of this run"), "\(last)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == before, "\(input) changed")
    }

    @Test("every writing command refuses to write over a layer of its district, named directly")
    func everyCommandIsGuarded() throws {
        let (root, d) = try Self.district()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try expectRefused(
            ["validate", "--district", d, "--problems", d + "/boundary.geojson"], output: d + "/boundary.geojson",
            input: d + "/boundary.geojson")
        try expectRefused(
            ["landuse", "--district", d, "--gaps", d + "/landuse.geojson"], output: d + "/landuse.geojson",
            input: d + "/landuse.geojson")
        try expectRefused(
            ["coverage", "--district", d, "--type", "kindergarten", "--areas", d + "/facilities.geojson"],
            output: d + "/facilities.geojson", input: d + "/facilities.geojson")
        try expectRefused(
            ["coverage", "--district", d, "--type", "kindergarten", "--gaps", d + "/population.geojson"],
            output: d + "/population.geojson", input: d + "/population.geojson")
        try expectRefused(
            ["isochrone", "--district", d, "--facility", "kg-1", "--minutes", "5", "-o", d + "/network.geojson"],
            output: d + "/network.geojson", input: d + "/network.geojson")
        try expectRefused(
            [
                "site-suggest", "--district", d, "--type", "middle_school", "--mode", "radius", "--count", "1",
                "-o", d + "/subdistricts.geojson"
            ], output: d + "/subdistricts.geojson", input: d + "/subdistricts.geojson")
        try FileManager.default.createSymbolicLink(atPath: root + "/report.html", withDestinationPath: d + "/population.geojson")
        try expectRefused(["report", "--district", d, "-o", root + "/report.html"], output: root + "/report.html", input: d + "/population.geojson")
        try FileManager.default.createSymbolicLink(atPath: root + "/map.svg", withDestinationPath: d + "/district.json")
        try expectRefused(
            ["map", "--district", d, "--layers", "boundary", "-o", root + "/map.svg"], output: root + "/map.svg",
            input: d + "/district.json")
        try expectRefused(
            ["export", "--district", d, "--layer", "boundary", "-o", d + "/landuse.geojson"], output: d + "/landuse.geojson",
            input: d + "/landuse.geojson")
    }

    @Test("the files given to a command are inputs too: candidates, plan, standards, targets")
    func optionFilesAreGuarded() throws {
        let (root, d) = try Self.district()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let candidates = d + "/plans/candidates.geojson"
        try expectRefused(
            [
                "site-suggest", "--district", d, "--type", "middle_school", "--mode", "radius", "--count", "1",
                "--candidates", candidates, "-o", candidates
            ], output: candidates, input: candidates)
        let targets = root + "/targets.json"
        try FileManager.default.copyItem(atPath: CLI.root.path + "/geodata/standards/targets.json", toPath: targets)
        try expectRefused(["landuse", "--district", d, "--targets", targets, "--gaps", targets], output: targets, input: targets)
        let standards = root + "/life-circles.json"
        try FileManager.default.copyItem(atPath: CLI.root.path + "/geodata/standards/life-circles.json", toPath: standards)
        try expectRefused(
            ["coverage", "--district", d, "--type", "kindergarten", "--standards", standards, "--areas", standards],
            output: standards, input: standards)
    }

    @Test("the same file reached another way: `..`, a symbolic link, a linked folder, a hard link")
    func pathsAreResolved() throws {
        let (root, d) = try Self.district()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let boundary = d + "/boundary.geojson"
        let dotted = root + "/d/../d/./boundary.geojson"
        try expectRefused(["validate", "--district", d, "--problems", dotted], output: dotted, input: boundary)
        try FileManager.default.createSymbolicLink(atPath: root + "/link.geojson", withDestinationPath: boundary)
        try expectRefused(["validate", "--district", d, "--problems", root + "/link.geojson"], output: root + "/link.geojson", input: boundary)
        try FileManager.default.createSymbolicLink(atPath: root + "/same", withDestinationPath: d)
        try expectRefused(
            ["validate", "--district", d, "--problems", root + "/same/boundary.geojson"],
            output: root + "/same/boundary.geojson", input: boundary)
        #expect(link(boundary, root + "/hard.geojson") == 0)
        try expectRefused(["validate", "--district", d, "--problems", root + "/hard.geojson"], output: root + "/hard.geojson", input: boundary)
        // The district read through a link to its folder: its files are the same files.
        try expectRefused(
            ["landuse", "--district", root + "/same", "--gaps", d + "/landuse.geojson"], output: d + "/landuse.geojson",
            input: root + "/same/landuse.geojson")
    }

    @Test("a layer is all its files: a Shapefile's members, a CSV's .prj and .csvt; an output Shapefile's members too")
    func layerMembers() throws {
        let (root, d) = try Self.district()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(try CLI.run(["export", "--district", d, "--layer", "landuse", "-o", d + "/parcels.csv"]).status == 0)
        #expect(try CLI.run(["export", "--district", d, "--layer", "population", "-o", d + "/people.shp"]).status == 0)
        let manifestPath = d + "/district.json"
        var manifest = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: manifestPath))) as? [String: Any])
        var layers = try #require(manifest["layers"] as? [String: Any])
        layers["landuse"] = ["file": "parcels.csv"]
        layers["population"] = ["file": "people.shp"]
        manifest["layers"] = layers
        try JSONSerialization.data(withJSONObject: manifest).write(to: URL(fileURLWithPath: manifestPath))
        let info = try CLI.run(["info", "--district", d])
        #expect(info.status == 0, "\(info.stderr)")
        // A Shapefile written beside the CSV would replace the .prj GDAL reads the CSV's CRS from.
        try expectRefused(["landuse", "--district", d, "--gaps", d + "/parcels.shp"], output: d + "/parcels.shp", input: d + "/parcels.prj")
        // An input Shapefile reached through a linked folder: its .shp and, through it, its members.
        try FileManager.default.createSymbolicLink(atPath: root + "/alias", withDestinationPath: d)
        try expectRefused(
            ["landuse", "--district", d, "--gaps", root + "/alias/people.shp"], output: root + "/alias/people.shp",
            input: d + "/people.shp")
        // Nothing of a refused output is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: d).filter { $0.hasPrefix(".qtplan-") }.isEmpty)
    }

    @Test("a folder replaced whole (district build --force) may not hold an input")
    func replacedFolderHoldingAnInput() throws {
        let root = try Tool.temporaryFolder("guard-build")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/district"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let extract = folder + "/extract.osm"
        try FileManager.default.copyItem(atPath: CLI.root.path + "/Tests/Fixtures/bad/osm-output-exists/extract.osm", toPath: extract)
        let before = try Data(contentsOf: URL(fileURLWithPath: extract))
        let result = try CLI.run(["district", "build", "-o", folder, "--force", "--boundary", "osm:relation/920", "--osm", extract])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(
            result.stderr == "qtplan: error: \(folder): replacing this folder would remove \(extract), the OpenStreetMap extract, "
                + "an input of this run; refusing to replace it (write to another folder)\n", "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: extract)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["extract.osm"])
    }

    @Test("outputs beside the inputs are written; export --force still replaces a layer on purpose")
    func legitimateOutputsPass() throws {
        let (root, d) = try Self.district()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let gaps = try CLI.run(["landuse", "--district", d, "--gaps", d + "/gaps.geojson"])
        #expect(gaps.status == 0, "\(gaps.stderr)")
        #expect(FileManager.default.fileExists(atPath: d + "/gaps.geojson"))
        let forced = try CLI.run(["export", "--district", d, "--layer", "boundary", "-o", d + "/boundary.geojson", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
    }
}
