import Foundation
import QTTestSupport
import Testing

/// `qtplan batch` against a throwaway PostGIS server: jobs claimed by worker processes, results keyed by job and
/// equal to the single command's CSV, failures recorded and the batch going on, a rerun replacing a job's results,
/// a worker killed with SIGKILL in the middle of a job losing nothing; and folders without a database.
@Suite("qtplan batch", .serialized)
struct BatchCommandTests {
    static let small = CLI.fixture("coverage-small")
    static let run = "coverage --type kindergarten,primary_school --mode radius"

    /// The CSV cells `qtplan coverage` prints for `district` with the batch's analysis.
    static func coverageCSV(_ district: String) throws -> [[String]] {
        let result = try CLI.run(["coverage", "--district", district, "--type", "kindergarten,primary_school", "--mode", "radius", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Copies of the small coverage fixture under a temporary folder: `count` good ones and a broken one last.
    static func districts(_ count: Int) throws -> (folder: String, paths: [String]) {
        let folder = try Tool.temporaryFolder("batch")
        var paths: [String] = []
        for i in 0..<count {
            let path = folder + "/d\(i)"
            try FileManager.default.copyItem(atPath: small, toPath: path)
            paths.append(path)
        }
        let broken = folder + "/broken"
        try FileManager.default.createDirectory(atPath: broken, withIntermediateDirectories: false)
        try "{\"name\": ".write(toFile: broken + "/district.json", atomically: true, encoding: .utf8)
        return (folder, paths + [broken])
    }

    @Test("two workers: every job done once or failed with its line, results keyed by job equal to the command's CSV")
    func workersRunTheJobs() throws {
        let database = try TestDatabase.database("batch")
        let (folder, paths) = try Self.districts(4)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let added = try CLI.run(["batch", "--jobs", database.connection, "--schema", "b", "--add"] + paths)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("added 5 jobs"))
        let result = try CLI.run(["batch", "--jobs", database.connection, "--schema", "b", "--run", Self.run, "--workers", "2"])
        #expect(result.status == 1, "one job fails: \(result.stderr)")
        #expect(result.stdout.contains("jobs: 4 done, 1 failed, 0 running, 0 waiting"), "\(result.stdout)")
        #expect(result.stdout.contains("failed 5 \(paths[4]): \(paths[4])/district.json: invalid JSON"), "\(result.stdout)")
        let jobs = try database.rows("SELECT id, status, attempts FROM b.qtplan_jobs ORDER BY id")
        #expect(jobs == [["1", "done", "1"], ["2", "done", "1"], ["3", "done", "1"], ["4", "done", "1"], ["5", "failed", "1"]])
        // Both workers took jobs.
        #expect(try database.rows("SELECT count(DISTINCT worker) FROM b.qtplan_jobs")[0][0] == "2")
        let expected = try Self.coverageCSV(Self.small)
        for job in 1...4 {
            let stored = try database.rows(
                "SELECT profile, label, type, mode, measure, minutes, minutes_rural, distance_m, subdistrict, population, covered, share, "
                    + "target_group, target_population, target_covered, target_share FROM b.coverage_results WHERE job_id = \(job) ORDER BY ctid")
            #expect(stored.count == expected.count, "job \(job)")
            for (row, line) in zip(stored, expected) {
                #expect(zip(row, line).allSatisfy(Self.sameCell), "\(row) vs \(line)")
            }
        }
        #expect(try database.rows("SELECT count(*) FROM b.coverage_results WHERE job_id = 5") == [["0"]])
        // A rerun of a done job replaces its results; a repaired failed job runs after --retry-failed.
        try database.sql("UPDATE b.qtplan_jobs SET status = 'waiting' WHERE id = 2")
        try FileManager.default.removeItem(atPath: paths[4])
        try FileManager.default.copyItem(atPath: Self.small, toPath: paths[4])
        let again = try CLI.run(["batch", "--jobs", database.connection, "--schema", "b", "--run", Self.run, "--retry-failed"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("jobs: 5 done, 0 failed"), "\(again.stdout)")
        let perJob = try database.rows("SELECT job_id, count(*) FROM b.coverage_results GROUP BY 1 ORDER BY 1")
        #expect(perJob == (1...5).map { ["\($0)", "\(expected.count)"] })
        #expect(try database.rows("SELECT count(*), count(DISTINCT job_id) FROM b.qtplan_runs") == [["5", "5"]])
        let status = try CLI.run(["batch", "--jobs", database.connection, "--schema", "b", "--status"])
        #expect(status.stdout.hasPrefix("jobs: 5 done, 0 failed, 0 running, 0 waiting"), "\(status.stdout)")
    }

    @Test("a worker killed with SIGKILL in the middle of a job loses nothing: the job runs again and is done once")
    func killedWorkerLosesNothing() throws {
        let database = try TestDatabase.database("killed")
        let (folder, paths) = try Self.districts(2)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try CLI.run(["batch", "--jobs", database.connection, "--schema", "k", "--add"] + paths.prefix(2)).status == 0)
        // Made certain rather than timed: another session holds the advisory lock results writers take, so the
        // worker claims job 1, computes it and then waits to write its results. It is killed there.
        let holder = try database.hold("SELECT pg_advisory_lock(hashtext('qtplan results k')); SELECT pg_sleep(300);", name: "holder")
        defer {
            holder.terminate()
            holder.waitUntilExit() // a Process never waited for is never released (LeakSanitizer)
        }
        let worker = Process()
        worker.executableURL = CLI.binary
        worker.arguments = ["batch", "--jobs", database.connection + " schema=k", "--run", Self.run, "--worker"]
        worker.standardOutput = FileHandle.nullDevice
        worker.standardError = FileHandle.nullDevice
        try worker.run()
        try Polling.wait("the worker to wait for the results lock") {
            guard worker.isRunning else { throw TestDatabaseError(message: "the worker ended (\(worker.terminationStatus)) first") }
            return try database.rows(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND application_name <> 'holder'"
            ) == [["1"]]
        }
        // Job 1 is claimed: a lock-skipping read does not see it.
        #expect(try database.rows("SELECT id FROM k.qtplan_jobs WHERE status = 'waiting' ORDER BY id FOR UPDATE SKIP LOCKED") == [["2"]])
        kill(worker.processIdentifier, SIGKILL)
        worker.waitUntilExit()
        try database.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'holder'")
        try Polling.wait("the dead worker's connections to end") {
            try database.rows("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()") == [["0"]]
        }
        #expect(try database.rows("SELECT id, status, attempts FROM k.qtplan_jobs ORDER BY id") == [["1", "waiting", "0"], ["2", "waiting", "0"]])
        #expect(try database.rows("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'k' AND table_name = 'coverage_results'") == [["0"]])
        let rerun = try CLI.run(["batch", "--jobs", database.connection, "--schema", "k", "--run", Self.run])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(try database.rows("SELECT id, status, attempts FROM k.qtplan_jobs ORDER BY id") == [["1", "done", "1"], ["2", "done", "1"]])
        #expect(try database.rows("SELECT job_id, count(DISTINCT run_id) FROM k.coverage_results GROUP BY 1 ORDER BY 1") == [["1", "1"], ["2", "1"]])
    }

    @Test("folders without a database: one results file per district, its rows the command's CSV; a broken folder exits 1")
    func foldersWithoutADatabase() throws {
        let (folder, paths) = try Self.districts(2)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = folder + "/out"
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: false)
        let result = try CLI.run(["batch"] + paths + ["--run", Self.run, "-o", output, "--workers", "2"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(paths[2]): \(paths[2])/district.json: invalid JSON"), "\(result.stderr)")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: output)) == ["d0.json", "d1.json"])
        let expected = try Self.coverageCSV(Self.small)
        let data = try Data(contentsOf: URL(fileURLWithPath: output + "/d1.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["district"] as? String == paths[1])
        let runs = try #require(object["runs"] as? [[String: Any]])
        #expect(runs.count == 1 && runs[0]["command"] as? String == Self.run)
        let rows = try #require(runs[0]["rows"] as? [[Any]])
        #expect(rows.count == expected.count)
        for (row, line) in zip(rows, expected) {
            let cells = row.map { cell -> String in
                if cell is NSNull { return "" }
                if let text = cell as? String { return text }
                return "\(cell)"
            }
            #expect(zip(cells, line).allSatisfy(Self.sameCell), "\(cells) vs \(line)")
        }
    }

    /// Two cells agree: equal text, or equal numbers (the server prints `0.5` for the CSV's `0.500000`).
    static func sameCell(_ pair: (String, String)) -> Bool {
        pair.0 == pair.1 || (Double(pair.0) != nil && Double(pair.0) == Double(pair.1))
    }
}
