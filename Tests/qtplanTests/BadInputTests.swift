import Foundation
import QTTestSupport
import Testing

/// The bad-input corpus (Tests/Fixtures/bad): every case runs the built binary and must give its documented
/// exit code and a one-line message containing the expected fragment, never a crash, a hang or a stack trace.
///
/// `Tests/Fixtures/bad/cases.json` lists the cases: `name` (its folder), `args` (with `{bad}` standing for
/// the corpus folder), `status`, `stderr` (a fragment of stderr, `{bad}` expanded; empty: stderr must be
/// empty), and optionally `stdin` (a file of the case folder fed as standard input), `seconds` (a time
/// limit, for fuzzing regressions that used to hang) and `note`.
struct BadInputCase: Sendable, CustomTestStringConvertible {
    var name: String
    var args: [String]
    var status: Int32
    var stderr: String
    var stdin: String?
    var seconds: Double?
    /// A file of the case folder run with psql in a fresh database of the test cluster before the case;
    /// `{pg}` in the arguments then stands for that database (`PG:dbname=… host=… port=… user=postgres`) and
    /// `{pgserver}` for the server's part of it (`host=… port=… user=postgres`).
    var sql: String?
    /// Text stderr must not contain (a password).
    var absent: String?

    var testDescription: String { name }

    static let folder = CLI.root.appendingPathComponent("Tests/Fixtures/bad")

    /// The entries of cases.json, well-formed or not (a malformed one must fail a test, not vanish).
    static func entries() -> [[String: Any]] {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("cases.json").path),
            let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        else { return [] }
        return list
    }

    static let entryCount = entries().count

    static let all: [BadInputCase] = {
        entries().compactMap { item in
            guard let name = item["name"] as? String, let args = item["args"] as? [String],
                let status = item["status"] as? Int, let stderr = item["stderr"] as? String
            else { return nil }
            return BadInputCase(
                name: name, args: args, status: Int32(status), stderr: stderr, stdin: item["stdin"] as? String,
                seconds: item["seconds"] as? Double, sql: item["sql"] as? String, absent: item["absent"] as? String)
        }
    }()

    func expand(_ text: String) -> String { text.replacingOccurrences(of: "{bad}", with: Self.folder.path) }
}

@Suite struct BadInputTests {
    @Test func theCorpusHasAtLeastSixtyCasesEachWithItsFolder() throws {
        #expect(BadInputCase.all.count >= 60)
        #expect(BadInputCase.all.count == BadInputCase.entryCount, "a case in cases.json lacks name, args, status or stderr")
        #expect(Set(BadInputCase.all.map(\.name)).count == BadInputCase.all.count, "case names repeat")
        for item in BadInputCase.all {
            var isDirectory: ObjCBool = false
            let path = BadInputCase.folder.appendingPathComponent(item.name).path
            #expect(
                FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue,
                "no folder for \(item.name)")
        }
    }

    @Test(arguments: BadInputCase.all)
    func badInputGivesItsExitCodeAndMessage(_ item: BadInputCase) throws {
        var stdin = ""
        if let file = item.stdin {
            stdin = try String(
                contentsOf: BadInputCase.folder.appendingPathComponent(item.name).appendingPathComponent(file),
                encoding: .utf8)
        }
        var args = item.args.map(item.expand)
        if let file = item.sql {
            let database = try TestDatabase.database("bad")
            try database.sql(
                try String(
                    contentsOf: BadInputCase.folder.appendingPathComponent(item.name).appendingPathComponent(file),
                    encoding: .utf8))
            args = args.map {
                $0.replacingOccurrences(of: "{pg}", with: database.connection)
                    .replacingOccurrences(of: "{pgserver}", with: database.server)
            }
        }
        let start = Date()
        let result = try CLI.run(args, stdin: stdin)
        if let absent = item.absent { #expect(!result.stderr.contains(absent) && !result.stdout.contains(absent)) }
        if let seconds = item.seconds {
            // A fuzzing regression that used to hang: it must answer within its time (generous for debug builds).
            // Under a sanitizer the binary runs several times slower: tools/sanitize.sh sets
            // QTPLAN_TEST_TIME_SCALE (4), which stretches these limits and nothing else.
            let scale = ProcessInfo.processInfo.environment["QTPLAN_TEST_TIME_SCALE"].flatMap(Double.init).map { max(1, $0) } ?? 1
            #expect(Date().timeIntervalSince(start) < seconds * scale, "took \(Date().timeIntervalSince(start)) s")
        }
        #expect(result.status == item.status, "stderr: \(result.stderr)")
        if item.stderr.isEmpty {
            #expect(result.stderr.isEmpty, "stderr: \(result.stderr)") // ("".contains("") is false)
        } else {
            #expect(result.stderr.contains(item.expand(item.stderr)), "stderr: \(result.stderr)")
        }
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        if item.status == 64 {
            // Usage errors are argument-parser's: "Error: …" then the usage lines.
            #expect(lines.first?.hasPrefix("Error: ") == true || lines.first?.hasPrefix("qtplan: error: ") == true)
        } else {
            // Every diagnostic is one line of its own, and nothing else reaches stderr.
            for line in lines {
                #expect(line.hasPrefix("qtplan: error: ") || line.hasPrefix("qtplan: warning: "), "stray stderr line: \(line)")
            }
        }
        if item.status != 0 && item.status != 64 {
            #expect(lines.contains { $0.hasPrefix("qtplan: error: ") }, "an exit \(item.status) without an error line")
        }
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump"))
    }
}

@Suite struct LayerSizeLimitTests {
    /// A generated sparse layer of 3 GiB (no disk used): refused from its size, quickly, with exit 65; the
    /// limit is raised with --max-layer-bytes (here lowered, to show the flag reaches the loader).
    @Test func anOversizedLayerIsRefusedBeforeParsing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qtplan-limit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = """
            {"name": "方块区", "name_en": "Square", "official_area_km2": 1.1, "metric_crs": "EPSG:4549", "residents": 0,
             "layers": {"boundary": {"file": "boundary.geojson"}}}
            """
        try Data(manifest.utf8).write(to: folder.appendingPathComponent("district.json"))
        let layer = folder.appendingPathComponent("boundary.geojson")
        _ = FileManager.default.createFile(atPath: layer.path, contents: nil)
        let handle = try FileHandle(forWritingTo: layer)
        try handle.truncate(atOffset: 3 << 30)
        try handle.close()

        let start = Date()
        for command in ["info", "validate", "landuse", "indicators"] {
            let result = try CLI.run([command, "--district", folder.path])
            #expect(result.status == 65, "\(command): \(result.stderr)")
            #expect(
                result.stderr.contains(
                    "\(layer.path): 3,221,225,472 bytes, over the limit of 100,663,296 bytes "
                        + "(--max-layer-bytes)"), "\(command): \(result.stderr)")
        }
        #expect(Date().timeIntervalSince(start) < 30)

        let lowered = try CLI.run(["info", "--district", CLI.fixture("square"), "--max-layer-bytes", "100"])
        #expect(lowered.status == 65)
        #expect(lowered.stderr.contains("district.json: 201 bytes, over the limit of 100 bytes (--max-layer-bytes)"))
        let zero = try CLI.run(["info", "--district", CLI.fixture("square"), "--max-layer-bytes", "0"])
        #expect(zero.status == 64)
        #expect(zero.stderr.contains("--max-layer-bytes must be a positive number of bytes"))
    }
}
