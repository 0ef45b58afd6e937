import Foundation
import QTFormats
import QTModel
import QTText

/// Writes a command's tabular results to a schema of a PostGIS database (`--results PG:… --schema S`), keyed by
/// the run, so that a run can be found and repeated:
///
/// - `qtplan_runs`: one row per run (``RunRecord``): `run_id`, `command`, `qtplan_version`, `started_at`,
///   `district`, `inputs_sha256`, `options` (JSON array of the arguments), `job_id`.
/// - `<command>_results` (`coverage_results`, `landuse_results`, `indicators_results`, `compare_results`):
///   `run_id`, `job_id`, then the columns of the command's CSV (``QTText/ResultRows``), numbers as `double
///   precision`, text as `text`, an empty cell `NULL`.
///
/// Both are created on first use. A table that exists with other columns (another layout, such as landuse `--by
/// class` and `--by subdistrict`, or a table someone else made) is refused: nothing is written, exit 73, and the
/// message names the columns; write those results to another schema. Runs accumulate; a run of a batch job first
/// deletes that job's earlier rows of the same command, so that a rerun replaces them. Everything is one
/// transaction (an interrupted run leaves the tables as they were), under a transaction-scoped advisory lock on
/// the schema, so that concurrent writers (batch workers) never race to create a table.
public enum ResultsOutput {
    /// The runs table's columns and their SQL types, in order.
    static let runColumns: [PlainTable.Column] = [
        .init("run_id", "text"), .init("command", "text"), .init("qtplan_version", "text"), .init("started_at", "timestamp with time zone"),
        .init("district", "text"), .init("inputs_sha256", "text"), .init("options", "jsonb"), .init("job_id", "bigint")
    ]

    /// The name of the results table of `command`.
    public static func tableName(_ command: String) -> String { "\(command)_results" }

    /// Writes `rows` for `run` to the schema `destination` names (`PG:… schema=…`).
    /// - Returns: the location written, for messages (password redacted).
    /// - Throws: ``PlanError`` `usage` for a destination that is not a `PG:` location; `cannotWrite` for a server that
    ///   cannot be reached or refuses, or a table of another layout.
    @discardableResult
    public static func write(_ rows: ResultRows, run: RunRecord, to destination: String) throws -> String {
        try write([(rows, run)], to: destination)
    }

    /// Writes several runs' rows in one transaction (a batch job's analyses: all of them or none).
    @discardableResult
    public static func write(_ runs: [(rows: ResultRows, run: RunRecord)], to destination: String) throws -> String {
        guard PostGISLocation.names(destination) else {
            throw PlanError(.usage, "\(setting: .results) \(destination): results go to a database: give PG:dbname=… (with --schema)")
        }
        let location = try DatabaseOutput.location(destination)
        do {
            let database = try PostGISWriter(location: location).connect()
            do {
                try database.begin()
                try database.createSchema()
                try database.execute("SELECT pg_advisory_xact_lock(hashtext(\(PostGISDatabase.literal("qtplan results \(location.schema)"))))")
                try ensure(PlainTable(name: "qtplan_runs", columns: runColumns, rows: []), in: database)
                for (rows, run) in runs { try insert(rows, run: run, into: database) }
                try database.commit()
            } catch {
                database.rollback()
                throw error
            }
        } catch let error as FormatsError {
            throw PlanError(.cannotWrite, "\(location): cannot write the results: \(PostGISLocation.redact(error.detail))")
        }
        return location.description
    }

    /// Inserts one run's record and rows (replacing its batch job's earlier ones), inside the open transaction.
    static func insert(_ rows: ResultRows, run: RunRecord, into database: PostGISDatabase) throws {
        let table = tableName(run.command)
        let resultColumns =
            [PlainTable.Column("run_id", "text"), .init("job_id", "bigint")]
            + rows.columns.map { PlainTable.Column($0.name, $0.kind == .number ? "double precision" : "text") }
        try ensure(PlainTable(name: table, columns: resultColumns, rows: []), in: database)
        if let job = run.jobID {
            try database.execute("DELETE FROM \(database.qualified(table)) WHERE job_id = \(job)")
            try database.execute(
                "DELETE FROM \(database.qualified("qtplan_runs")) WHERE job_id = \(job) AND command = \(PostGISDatabase.literal(run.command))")
        }
        try database.writeTable(PlainTable(name: "qtplan_runs", columns: runColumns, rows: [runRow(run)]), create: false)
        let job = run.jobID.map(String.init)
        try database.writeTable(
            PlainTable(name: table, columns: resultColumns, rows: rows.rows.map { [run.id, job] + $0.map { $0.isEmpty ? nil : $0 } }),
            create: false)
    }

    /// Creates `table` (no rows) when the schema has none of that name; refuses one of another layout.
    static func ensure(_ table: PlainTable, in database: PostGISDatabase) throws {
        let present = try database.columns(of: table.name)
        if present.isEmpty {
            try database.writeTable(table)
            return
        }
        let wanted = table.columns.map { "\($0.name) \($0.type)" }
        let found = present.map { "\($0.name) \($0.type)" }
        guard wanted == found else {
            throw FormatsError.cannotWrite(
                path: "\(database.location)",
                detail: "table \(table.name) exists with another layout (\(found.joined(separator: ", "))); these results need "
                    + "(\(wanted.joined(separator: ", "))): write them to another schema (--schema), or drop the table")
        }
    }

    /// The runs table's row of `run`.
    static func runRow(_ run: RunRecord) -> [String?] {
        let options = JSONNode.array(run.options.map { JSONNode.string($0) }, .compact).text
        let started = ISO8601DateFormatter().string(from: run.startedAt)
        return [
            run.id, run.command, run.version, started, run.district, run.inputsSHA256, options, run.jobID.map(String.init)
        ]
    }
}
