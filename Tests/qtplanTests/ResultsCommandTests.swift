import Foundation
import QTTestSupport
import Testing

/// `--results PG:…`: tabular results written to a throwaway PostGIS server, read back by the server itself (psql):
/// the same figures as the CSV the command prints, a run record that identifies the run (its inputs' checksum
/// computed here with coreutils' `sha256sum`), runs that accumulate, a table of another layout refused with
/// nothing written, and no password recorded.
@Suite("Results to PostGIS", .serialized)
struct ResultsCommandTests {
    /// CSV text as rows of cells (the outputs compared hold no quoted commas: checked).
    static func csv(_ text: String) -> [[String]] {
        text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// The rows of `table` without its key columns, in the order written, cells as psql prints them (NULL empty).
    static func stored(_ database: TestDatabase, _ query: String) throws -> [[String]] {
        try database.rows(query)
    }

    /// Two cells agree: equal text, or equal numbers (the server prints `0.5` for the CSV's `0.500000`).
    static func same(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        guard let x = Double(a), let y = Double(b) else { return false }
        return x == y
    }

    @Test("coverage --results: every CSV cell in coverage_results, and a run record with version, checksum and options")
    func coverageRowsAndRun() throws {
        let database = try TestDatabase.database("results")
        let arguments = ["coverage", "--type", "primary_school,kindergarten", "--mode", "radius", "--format", "csv"]
        let result = try CLI.run(arguments + ["--results", database.connection, "--schema", "r"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("\""))
        let printed = Self.csv(result.stdout)
        let header = try #require(printed.first)
        #expect(result.stderr.contains("\(printed.count - 1) rows"), "\(result.stderr)")
        let columns = header.map { "\"\($0)\"" }.joined(separator: ", ")
        let stored = try database.rows("SELECT \(columns) FROM r.coverage_results ORDER BY ctid")
        #expect(stored.count == printed.count - 1)
        for (row, line) in zip(stored, printed.dropFirst()) {
            #expect(row.count == line.count)
            for (cell, printedCell) in zip(row, line) { #expect(Self.same(cell, printedCell), "\(cell) vs \(printedCell) in \(line)") }
        }
        // Numbers are numbers in the table: the district's share as the server sums it.
        let types = try database.rows(
            "SELECT data_type FROM information_schema.columns WHERE table_schema = 'r' AND table_name = 'coverage_results' AND column_name = 'share'")
        #expect(types == [["double precision"]])

        let runs = try database.rows("SELECT run_id, command, qtplan_version, inputs_sha256, options::text, job_id FROM r.qtplan_runs")
        #expect(runs.count == 1)
        let run = try #require(runs.first)
        #expect(try database.rows("SELECT DISTINCT run_id FROM r.coverage_results") == [[run[0]]])
        #expect(run[1] == "coverage")
        let version = try CLI.run(["--version"]).stdout
        #expect(version.hasPrefix("qtplan \(run[2]) "), "\(version) vs \(run[2])")
        #expect(run[4].contains("\"--type\", \"primary_school,kindergarten\""), "\(run[4])")
        #expect(run[5].isEmpty)
        #expect(run[3] == (try Self.bundledChecksum()), "the run's checksum")
    }

    /// The checksum ``QTPlan/RunChecksum`` defines, computed with `sha256sum`: one line per file the run read (the
    /// bundled manifest, every layer it names, the bundled standards file), its role, a tab, its SHA-256; sorted;
    /// the SHA-256 of those lines.
    static func bundledChecksum() throws -> String {
        let folder = CLI.root.appendingPathComponent("geodata/qiantang").path
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/district.json"))) as? [String: Any]
        let layers = try #require(manifest?["layers"] as? [String: [String: Any]])
        var files = [("the district's manifest", folder + "/district.json")]
        for (name, entry) in layers { files.append(("the district's layer '\(name)'", folder + "/" + (entry["file"] as? String ?? ""))) }
        files.append(("the standards file", CLI.root.appendingPathComponent("geodata/standards/life-circles.json").path))
        var lines: [String] = []
        for (role, path) in files {
            let hashed = try Tool.run("sha256sum", [path])
            lines.append("\(role)\t\(hashed.output.prefix(64))")
        }
        let text = lines.sorted().joined(separator: "\n") + "\n"
        let list = try Tool.temporaryFolder("checksum") + "/lines.txt"
        try text.write(toFile: list, atomically: true, encoding: .utf8)
        return String(try Tool.run("sha256sum", [list]).output.prefix(64))
    }

    @Test("a second run adds a run: two run ids, each with its own rows, the same checksum")
    func runsAccumulate() throws {
        let database = try TestDatabase.database("again")
        for _ in 0..<2 {
            let result = try CLI.run(["landuse", "--by", "class", "--results", database.connection, "--schema", "s"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let runs = try database.rows("SELECT count(DISTINCT run_id), count(DISTINCT inputs_sha256), count(*) FROM s.qtplan_runs")
        #expect(runs == [["2", "1", "2"]])
        let perRun = try database.rows("SELECT count(*) FROM s.landuse_results GROUP BY run_id")
        #expect(perRun.count == 2 && perRun[0] == perRun[1])
    }

    @Test("a results table of another layout is refused (exit 73) and nothing of the run is written")
    func otherLayoutRefused() throws {
        let database = try TestDatabase.database("layout")
        let first = try CLI.run(["landuse", "--by", "class", "--results", database.connection, "--schema", "l"])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try CLI.run(["landuse", "--by", "class,subdistrict", "--results", database.connection, "--schema", "l"])
        #expect(second.status == 73)
        #expect(
            second.stderr.contains("cannot write the results: table landuse_results exists with another layout (run_id text, job_id bigint, class text,"),
            "\(second.stderr)")
        #expect(second.stderr.split(separator: "\n").count == 1, "\(second.stderr)")
        #expect(try database.rows("SELECT count(*) FROM l.qtplan_runs") == [["1"]])
    }

    @Test("indicators and compare write their CSV rows too; a password is recorded nowhere")
    func indicatorsCompareAndPasswords() throws {
        let database = try TestDatabase.database("more")
        let secret = database.connection + " password=hunter2"
        let indicators = try CLI.run(["indicators", "--format", "csv", "--results", secret, "--schema", "m"])
        #expect(indicators.status == 0, "\(indicators.stderr)")
        #expect(!indicators.stderr.contains("hunter2"))
        let indicatorRows = Self.csv(indicators.stdout).count - 1
        #expect(try database.rows("SELECT count(*) FROM m.indicators_results") == [["\(indicatorRows)"]])
        let folder = try Tool.temporaryFolder("results-plan")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let planFile = try ScenarioCommandTests.plan(
            folder, "close.geojson", name: "close",
            [ScenarioCommandTests.feature(["layer": "facilities", "action": "close", "id": "kindergarten-baiyang-1"])])
        let compare = try CLI.run([
            "compare", "--plan", planFile, "--type", "kindergarten", "--mode", "radius", "--format", "csv",
            "--results", secret, "--schema", "m"
        ])
        #expect(compare.status == 0 || compare.status == 1, "\(compare.stderr)")
        #expect(try database.rows("SELECT count(*) FROM m.compare_results") == [["\(Self.csv(compare.stdout).count - 1)"]])
        let recorded = try database.rows("SELECT options::text || district FROM m.qtplan_runs")
        #expect(recorded.count == 2)
        #expect(!recorded.joined().joined().contains("hunter2"))
        #expect(recorded.joined().joined().contains("password=***"))
    }
}
