import Foundation
import QTTestSupport
import Testing

/// `qtplan export`, every file read back by GDAL's own ogrinfo (Debian's gdal-bin).
@Suite("qtplan export")
struct ExportCommandTests {
    static func temporaryFolder() throws -> String { try Tool.temporaryFolder("export") }

    /// Runs a program on PATH; returns its status and combined output.
    static func tool(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try Tool.run(program, arguments)
    }

    /// Layer name → (feature count, EPSG code) as ogrinfo reports them.
    static func ogrLayers(_ path: String) throws -> [String: (count: Int, epsg: Int?)] {
        let result = try tool("ogrinfo", ["-ro", "-al", "-so", path])
        #expect(result.status == 0, "\(result.output)")
        var out: [String: (count: Int, epsg: Int?)] = [:]
        for block in result.output.components(separatedBy: "Layer name: ").dropFirst() {
            let name = String(block.prefix { $0 != "\n" })
            let count = block.components(separatedBy: "Feature Count: ").dropFirst().first.flatMap { Int($0.prefix { $0.isNumber }) } ?? -1
            out[name] = (count, block.components(separatedBy: "ID[\"EPSG\",").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }.last)
        }
        return out
    }

    static let bundled = CLI.root.appendingPathComponent("geodata/qiantang").path

    @Test("--all to one GeoPackage in EPSG:4549: every layer a table, counts as GDAL reads the bundled GeoJSON")
    func allLayersToGeoPackage() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/qiantang.gpkg"
        let result = try CLI.run(["export", "--all", "-o", path, "--crs", "EPSG:4549"])
        #expect(result.status == 0, "\(result.stderr)")
        let count = try #require(try Self.ogrLayers("\(Self.bundled)/facilities.geojson").values.first?.count)
        let shown = count >= 1_000 ? "\(count / 1_000),\(String(format: "%03d", count % 1_000))" : "\(count)"
        #expect(result.stdout.contains("facilities        \(shown) features → \(path)"), "\(result.stdout)")
        let written = try Self.ogrLayers(path)
        #expect(written.count == Self.bundledLayerCount)
        for (name, layer) in written {
            // GDAL's GeoJSON driver counts the source file independently of qtplan's reader.
            let source = try Self.ogrLayers("\(Self.bundled)/\(name).geojson")
            #expect(layer.count == source.values.first?.count, "\(name)")
            #expect(layer.epsg == 4549, "\(name)")
        }
        let facilities = try Self.tool("ogrinfo", ["-ro", path, "-sql", "SELECT name FROM facilities WHERE id = 'chc-jinshahu'"])
        #expect(facilities.output.contains("name (String) = 金沙湖社区卫生服务中心"), "\(facilities.output)")
    }

    @Test("a folder of Shapefiles: UTF-8 .cpg, Chinese names, mixed layers split, renamed fields said once per file")
    func folderOfShapefiles() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/shp"
        let result = try CLI.run(["export", "--layer", "subdistricts,transit", "-o", out, "--format", "shp"])
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(files.contains("subdistricts.cpg") && files.contains("transit_points.shp") && files.contains("transit_lines.shp"), "\(files)")
        #expect(try String(contentsOfFile: out + "/subdistricts.cpg", encoding: .utf8).hasPrefix("UTF-8"))
        #expect(try Self.ogrLayers(out + "/subdistricts.shp")["subdistricts"]?.count == 7)
        #expect(try Self.ogrLayers(out + "/transit_lines.shp")["transit_lines"]?.count == 4)
        #expect(try Self.ogrLayers(out + "/transit_points.shp")["transit_points"]?.count == 712)
        let full = try Self.tool("ogrinfo", ["-ro", "-al", out + "/subdistricts.shp"]).output
        #expect(full.contains("= 白杨街道") && full.contains("= 临江街道"), "\(full.prefix(2000))")
        let renamed = result.stderr.split(separator: "\n").filter { $0.contains("fields renamed to fit a Shapefile's 10 characters") }
        #expect(renamed.count == 2, "\(result.stderr)") // one line per file with long names
    }

    @Test("FlatGeobuf and CSV: one layer each, read back with their CRS", arguments: ["fgb", "csv"])
    func singleLayerFormats(ext: String) throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/facilities.\(ext)"
        let result = try CLI.run(["export", "--layer", "facilities", "-o", path, "--crs", "EPSG:4549"])
        #expect(result.status == 0, "\(result.stderr)")
        let layers = try Self.ogrLayers(path)
        let facilities = try Self.ogrLayers("\(Self.bundled)/facilities.geojson").values.first?.count // GDAL's count of the source
        #expect(layers["facilities"]?.count == facilities && layers["facilities"]?.epsg == 4549)
        #expect(try Self.tool("ogrinfo", ["-ro", "-al", path]).output.contains("金沙湖社区卫生服务中心"))
    }

    @Test("a GeoJSON export reads back (by GDAL and by qtplan) with the same geometry and properties")
    func geojsonRoundTrip() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CLI.run(["export", "--layer", "facilities", "-o", folder + "/facilities.geojson"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            try Self.ogrLayers(folder + "/facilities.geojson").values.first?.count
                == Self.ogrLayers("\(Self.bundled)/facilities.geojson").values.first?.count)
        // The bundled file is written by the same writer from the same values: a round trip is byte-identical.
        let original = try Data(contentsOf: URL(fileURLWithPath: Self.bundled + "/facilities.geojson"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/facilities.geojson")) == original)
    }

    @Test("a district read back from the exported GeoPackage (in EPSG:4549) validates clean and measures the same")
    func districtFromGeoPackage() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let source = CLI.fixture("valid-full")
        #expect(try CLI.run(["export", "--all", "--district", source, "-o", folder + "/all.gpkg", "--crs", "EPSG:4549"]).status == 0)
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: source + "/district.json"))) as? [String: Any]
        var copy = try #require(manifest)
        let layers = (copy["layers"] as? [String: Any] ?? [:]).keys
        copy["layers"] = Dictionary(uniqueKeysWithValues: layers.map { ($0, ["file": "all.gpkg", "layer": $0]) })
        try JSONSerialization.data(withJSONObject: copy).write(to: URL(fileURLWithPath: folder + "/district.json"))
        let validate = try CLI.run(["validate", "--district", folder])
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        let original = try CLI.run(["info", "--district", source]).stdout
        let back = try CLI.run(["info", "--district", folder]).stdout
        // The same areas and counts; only nothing else differs (the layers' sources are the same values).
        #expect(back == original, "\(back)\n---\n\(original)")
    }

    @Test("refused, with nothing left behind: unknown extension (64), missing folder (73), a district input (73), GCJ-02 (64)")
    func refusals() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let unknown = try CLI.run(["export", "--layer", "facilities", "-o", folder + "/f.kml"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("-o \(folder)/f.kml: unknown extension '.kml'; write one of geojson, gpkg, shp, fgb, csv"), "\(unknown.stderr)")
        let missing = try CLI.run(["export", "--layer", "facilities", "-o", "/nonexistent-qtplan/f.gpkg"])
        #expect(missing.status == 73)
        #expect(missing.stderr == "qtplan: error: /nonexistent-qtplan/f.gpkg: cannot write the export: the folder /nonexistent-qtplan does not exist\n")
        let proc = try CLI.run(["export", "--layer", "facilities", "-o", "/proc/f.gpkg"])
        #expect(proc.status == 73, "\(proc.stderr)")
        let input = Self.bundled + "/facilities.geojson"
        let before = try Data(contentsOf: URL(fileURLWithPath: input))
        let overwrite = try CLI.run(["export", "--layer", "facilities", "-o", input])
        #expect(overwrite.status == 73)
        #expect(overwrite.stderr.contains("an input of this run") && overwrite.stderr.contains("--force"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == before)
        let gcj = try CLI.run(["export", "--layer", "facilities", "-o", folder + "/f.gpkg", "--crs", "GCJ02"])
        #expect(gcj.status == 64 && gcj.stderr.contains("no file can declare GCJ-02"), "\(gcj.stderr)")
        let several = try CLI.run(["export", "--all", "-o", folder + "/all.fgb"])
        #expect(several.status == 64 && several.stderr.contains("holds one layer, not \(Self.bundledLayerCount)"))
        let noLayer = try CLI.run(["export", "--layer", "network", "--district", CLI.fixture("square"), "-o", folder + "/n.gpkg"])
        #expect(noLayer.status == 66, "\(noLayer.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: "/proc").filter { $0.hasPrefix(".f.gpkg") }.isEmpty)
    }

    @Test("an output path that is a pipe (or a device such as /dev/null) is refused, not replaced by the rename")
    func devicesAreNotReplaced() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fifo = folder + "/pipe.geojson"
        #expect(mkfifo(fifo, 0o644) == 0)
        let result = try CLI.run(["export", "--layer", "boundary", "-o", fifo])
        #expect(result.status == 73)
        #expect(result.stderr.contains("\(fifo): cannot write the export: is a device, socket or pipe, not a file"), "\(result.stderr)")
        var status = stat()
        #expect(lstat(fifo, &status) == 0 && (status.st_mode & S_IFMT) == S_IFIFO) // still the pipe
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["pipe.geojson"])
    }

    @Test("--force lets an export replace a district's own file (in a copy of a fixture)")
    func forceOverwrites() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: CLI.fixture("square"), toPath: folder + "/square")
        let target = folder + "/square/boundary.geojson"
        let refused = try CLI.run(["export", "--layer", "boundary", "--district", folder + "/square", "-o", target])
        #expect(refused.status == 73)
        let forced = try CLI.run(["export", "--layer", "boundary", "--district", folder + "/square", "-o", target, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try CLI.run(["info", "--district", folder + "/square"]).status == 0)
    }

    /// The number of layers of the bundled district (its manifest's), each a table of an `--all` GeoPackage.
    static var bundledLayerCount: Int {
        let data = FileManager.default.contents(atPath: bundled + "/district.json") ?? Data()
        return ((try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["layers"] as? [String: Any])?.count ?? -1
    }

    /// Starts `qtplan ARGS` (through `prefix`, such as nohup), waits until a staging folder of an output appears
    /// in `folder` (or the process ends), then sends `signal`; returns the process, ended, and whether the signal
    /// was sent while the output was being written. Polling the folder, rather than sleeping a fraction of a
    /// timed run, lands the signal inside the writing however loaded the machine is.
    static func signalWhileWriting(_ arguments: [String], in folder: String, signal: Int32, prefix: [String] = []) throws
        -> (process: Process, duringWriting: Bool)
    {
        let process = Process()
        process.executableURL = prefix.isEmpty ? CLI.binary : URL(fileURLWithPath: prefix[0])
        process.arguments = Array(prefix.dropFirst()) + (prefix.isEmpty ? [] : [CLI.binary.path]) + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var duringWriting = false
        let deadline = Date().addingTimeInterval(600)
        while process.isRunning && Date() < deadline {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            if entries.contains(where: { $0.hasPrefix(".qtplan-") }) {
                duringWriting = kill(process.processIdentifier, signal) == 0
                break
            }
            usleep(2_000)
        }
        process.waitUntilExit()
        return (process, duringWriting)
    }

    @Test("Ctrl-C during an export: the previous file stays whole (or the new one is complete), no staging left")
    func interruptKeepsThePreviousOutput() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/qiantang.gpkg"
        #expect(try CLI.run(["export", "--layer", "boundary", "-o", path]).status == 0)
        let previous = try Data(contentsOf: URL(fileURLWithPath: path))
        // Before anything is staged (while the district loads): the default disposition ends the process.
        for delay in [0.05, 0.3] {
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = ["export", "--all", "-o", path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            process.interrupt() // SIGINT, as Ctrl-C sends
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal || process.terminationStatus == 130 {
                #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == previous, "interrupted after \(delay) s: the previous file changed")
            } else {
                Issue.record("an export of the whole district finished within \(delay) s: status \(process.terminationStatus)")
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["qiantang.gpkg"], "after \(delay) s")
        }
        // While it writes: as soon as the staging folder exists. A run that commits before the signal lands is
        // tried again (the file is then put back), at most five times.
        var interruptedWhileWriting = 0
        for _ in 0..<5 where interruptedWhileWriting == 0 {
            let (process, during) = try Self.signalWhileWriting(["export", "--all", "-o", path], in: folder, signal: SIGINT)
            let now = try Data(contentsOf: URL(fileURLWithPath: path))
            if process.terminationStatus == 130 {
                #expect(during)
                #expect(now == previous, "interrupted while writing: the previous file changed")
                interruptedWhileWriting += 1
            } else {
                #expect(process.terminationReason == .exit && process.terminationStatus == 0)
                #expect(try Self.ogrLayers(path).count == Self.bundledLayerCount, "finished before the signal: incomplete")
                try previous.write(to: URL(fileURLWithPath: path))
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["qiantang.gpkg"])
        }
        #expect(interruptedWhileWriting > 0, "no interrupt landed while the export was writing, in five tries")
    }

    @Test("nohup: an export outlives SIGHUP (the ignored signal stays ignored); without nohup SIGHUP ends it (129)")
    func nohupIgnoresHangUp() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/all.gpkg"
        let (kept, keptDuring) = try Self.signalWhileWriting(
            ["export", "--all", "-o", path], in: folder, signal: SIGHUP,
            prefix: ["/usr/bin/nohup"])
        #expect(keptDuring)
        #expect(kept.terminationReason == .exit && kept.terminationStatus == 0, "status \(kept.terminationStatus)")
        #expect(try Self.ogrLayers(path).count == Self.bundledLayerCount)
        var ended = false
        for _ in 0..<5 where !ended {
            let (process, during) = try Self.signalWhileWriting(["export", "--all", "-o", folder + "/again.gpkg"], in: folder, signal: SIGHUP)
            if during && process.terminationStatus == 129 { ended = true }
        }
        #expect(ended, "SIGHUP without nohup never ended an export while it was writing")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".qtplan-") }.isEmpty)
    }
}
