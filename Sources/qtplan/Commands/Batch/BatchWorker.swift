import ArgumentParser
import Foundation
import QTFormats
import QTModel
import QTPlan
import QTText

/// One worker process of a batch: claims districts one at a time and runs every analysis on each, in-process.
struct BatchWorker {
    /// The job table.
    let table: JobTable
    /// Where results go (the job table's schema).
    let results: String
    /// The analyses.
    let analyses: [BatchAnalysis]

    /// This worker's name in the job table: `host:pid`.
    static var name: String { "\(ProcessInfo.processInfo.hostName):\(getpid())" }

    /// Claims and runs jobs until none is waiting. A job others hold is left to them; while one is held the
    /// worker waits (a second a time) rather than ending, so that the job of a worker that dies is run again.
    func run() async throws {
        while true {
            if let claim = try table.claim(worker: Self.name) {
                let (error, loadSeconds) = await runJob(claim)
                if let error { Diagnostics.warning("job \(claim.id) (\(PostGISLocation.redact(claim.district))) failed: \(error)") }
                try claim.finish(error: error, loadSeconds: loadSeconds)
                continue
            }
            let status = try table.status()
            if status.waiting + status.running == 0 { return }
            try await Task.sleep(nanoseconds: 1_000_000_000)
        }
    }

    /// Runs every analysis on the claimed district and writes the results; returns the failure's one line, if any,
    /// and the seconds spent loading the district.
    private func runJob(_ claim: JobTable.Claim) async -> (error: String?, loadSeconds: Double?) {
        var loadSeconds: Double?
        do {
            let start = Date()
            let district = try DistrictLoader().load(directory: claim.district).district
            loadSeconds = Date().timeIntervalSince(start)
            var written: [(rows: ResultRows, run: RunRecord)] = []
            for analysis in analyses {
                let command = try analysis.parsed(district: claim.district)
                let rows = try await command.resultRows(on: district)
                let source = PostGISLocation.names(claim.district) ? claim.district : nil
                let record = RunRecord(
                    command: analysis.command, version: Version.qtplan, district: claim.district,
                    inputsSHA256: try RunChecksum.of(command.inputs, database: source),
                    options: [analysis.command] + analysis.arguments, jobID: claim.id)
                written.append((rows, record))
            }
            try ResultsOutput.write(written, to: results) // every analysis of the job, or none
            return (nil, loadSeconds)
        } catch {
            return (Self.line(error), loadSeconds)
        }
    }

    /// An error as the one line a command would print for it.
    static func line(_ error: Error) -> String {
        let message = (error as? SettingNamingError)?.message(.commandLine) ?? "\(error)"
        return message.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// Without a database: runs the folders of slot `i/n` (every n-th, from the i-th) and writes one results file
    /// per folder, `output/<folder name>.json`: `{"district", "runs": [{"command", "columns", "rows"}]}` with the
    /// rows as the CSV's cells (numbers as JSON numbers). A folder that fails is said on stderr and ends this
    /// process with exit 1 after the others.
    static func runFolders(_ folders: [String], slot: String, analyses: [BatchAnalysis], output: String) async throws {
        let parts = slot.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 2, parts[1] > 0, (0..<parts[1]).contains(parts[0]) else { throw PlanError(.usage, "--slot \(slot): i/n") }
        var failed = false
        for (index, folder) in folders.enumerated() where index % parts[1] == parts[0] {
            do {
                let district = try DistrictLoader().load(directory: folder).district
                var runs: [JSONNode] = []
                for analysis in analyses {
                    let rows = try await analysis.parsed(district: folder).resultRows(on: district)
                    runs.append(json(command: ([analysis.command] + analysis.arguments).joined(separator: " "), rows))
                }
                let document = JSONNode.object([JSONMember("district", .string(folder)), JSONMember("runs", .array(runs, .lines))], .lines)
                let path = (output as NSString).appendingPathComponent(BatchFolders.fileName(folder))
                var inputs = RunInputs()
                inputs.add(districtFolder: folder)
                try AtomicOutput.write(
                    Data((document.text + "\n").utf8), to: path, what: "the results of \(folder)",
                    settings: InterruptCleanup.outputs(reading: inputs))
            } catch {
                failed = true
                Diagnostics.error("\(folder): \(line(error))")
            }
        }
        if failed { throw ExitCode(1) }
    }

    /// One run's rows as JSON: its columns and its rows, numbers as numbers and empty cells as null.
    static func json(command: String, _ rows: ResultRows) -> JSONNode {
        let cells = rows.rows.map { row in
            JSONNode.array(
                zip(row, rows.columns).map { cell, column in
                    cell.isEmpty ? .null : column.kind == .number && CSVText.isPlainNumber(cell) ? .number(cell) : .string(cell)
                }, .compact)
        }
        return .object(
            [
                JSONMember("command", .string(command)), JSONMember("columns", .array(rows.columns.map { .string($0.name) }, .compact)),
                JSONMember("rows", .array(cells, .lines))
            ], .lines)
    }
}
