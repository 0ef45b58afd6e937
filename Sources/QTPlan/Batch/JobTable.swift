import Foundation
import QTFormats

/// The job table of `qtplan batch --jobs PG:…`: one row per district to analyse, in the table `qtplan_jobs` of
/// a schema, shared by every worker on every machine pointed at that database.
///
/// Columns: `id` (bigserial key), `district` (a folder's path, or a `PG:` location with its schema), `status`
/// (`waiting`, `done` or `failed`), `error` (the failure's one line), `attempts` (runs committed, done or failed),
/// `worker` (`host:pid` of the last run), `started_at`, `finished_at`, `load_seconds` (of that time, reading the
/// district).
///
/// **Claims** are row locks: ``claim(worker:)`` opens a transaction and takes the first waiting job `FOR UPDATE
/// SKIP LOCKED`, so two workers never take the same job and neither waits for the other. The job is marked done
/// or failed in that same transaction (``Claim/finish(error:)``), after its results are committed. A worker that
/// dies (even by `kill -9`) ends its connection; the server then rolls its transaction back and releases the
/// lock, and the job, still `waiting`, is claimed again by another worker. Nothing else marks a job as taken.
public struct JobTable: Sendable {
    /// The table's name.
    public static let name = "qtplan_jobs"

    /// The columns and their types, as the server reports them (`information_schema.columns.data_type`).
    static let layout: [(name: String, type: String)] = [
        ("id", "bigint"), ("district", "text"), ("status", "text"), ("error", "text"), ("attempts", "integer"),
        ("worker", "text"), ("started_at", "timestamp with time zone"), ("finished_at", "timestamp with time zone"),
        ("load_seconds", "double precision")
    ]

    /// Where the table is (`PG:… schema=…`).
    public var location: PostGISLocation

    /// The job table at `destination` (a `PG:` string naming its schema).
    /// - Throws: ``PlanError`` `usage` when `destination` is not a `PG:` location.
    public init(_ destination: String) throws {
        guard PostGISLocation.names(destination) else {
            throw PlanError(.usage, "--jobs \(PostGISLocation.redact(destination)): the job table is in a database: give PG:dbname=…")
        }
        location = try DatabaseOutput.location(destination)
    }

    /// Counts of jobs by state.
    public struct Status: Sendable, Hashable {
        /// Jobs done.
        public var done = 0
        /// Jobs failed (their error is in the table).
        public var failed = 0
        /// Jobs a worker is running now (claimed: their row is locked).
        public var running = 0
        /// Jobs no worker has claimed yet.
        public var waiting = 0
        /// Every job.
        public var total: Int { done + failed + running + waiting }

        /// Counts.
        public init(done: Int = 0, failed: Int = 0, running: Int = 0, waiting: Int = 0) {
            self.done = done
            self.failed = failed
            self.running = running
            self.waiting = waiting
        }
    }

    /// Adds `districts` as waiting jobs, creating the table (and schema) when there is none; returns their ids.
    /// - Throws: ``PlanError`` `cannotWrite` when the server refuses; `badData` for a table of another layout.
    @discardableResult
    public func add(_ districts: [String]) throws -> [Int64] {
        try withDatabase(update: true) { database in
            try database.begin()
            try database.createSchema()
            try database.execute("SELECT pg_advisory_xact_lock(hashtext(\(PostGISDatabase.literal("qtplan jobs \(location.schema)"))))")
            try ensureTable(database)
            var ids: [Int64] = []
            for district in districts {
                let rows = try database.query(
                    "INSERT INTO \(database.qualified(Self.name)) (district) VALUES (\(PostGISDatabase.literal(district))) RETURNING id")
                ids += rows.compactMap { $0.first.flatMap { $0 }.flatMap { Int64($0) } }
            }
            try database.commit()
            return ids
        }
    }

    /// Sets failed jobs waiting again (their error kept until they run); returns how many.
    @discardableResult
    public func retryFailed() throws -> Int {
        try withDatabase(update: true) { database in
            try checkTable(database)
            let rows = try database.query(
                "WITH r AS (UPDATE \(database.qualified(Self.name)) SET status = 'waiting' WHERE status = 'failed' RETURNING 1) SELECT count(*) FROM r")
            return Int(rows.first?.first.flatMap { $0 } ?? "0") ?? 0
        }
    }

    /// How many jobs are done, failed, running and waiting.
    public func status() throws -> Status {
        try withDatabase(update: false) { database in
            try checkTable(database)
            let table = database.qualified(Self.name)
            // Waiting rows that a worker holds are running: they are the ones a lock-skipping read cannot see.
            let rows = try database.query(
                """
                SELECT (SELECT count(*) FROM \(table) WHERE status = 'done') AS done,
                (SELECT count(*) FROM \(table) WHERE status = 'failed') AS failed,
                (SELECT count(*) FROM \(table) WHERE status = 'waiting') AS waiting,
                (SELECT count(*) FROM (SELECT 1 FROM \(table) WHERE status = 'waiting' FOR KEY SHARE SKIP LOCKED) f) AS free
                """)
            let n = (rows.first ?? []).map { Int($0 ?? "0") ?? 0 }
            guard n.count == 4 else { return Status() }
            return Status(done: n[0], failed: n[1], running: n[2] - n[3], waiting: n[3])
        }
    }

    /// The failed jobs: id, district and error line.
    public func failures() throws -> [(id: Int64, district: String, error: String)] {
        try withDatabase(update: false) { database in
            try checkTable(database)
            return try database.query(
                "SELECT id, district, coalesce(error, '') FROM \(database.qualified(Self.name)) WHERE status = 'failed' ORDER BY id"
            ).map { (Int64($0[0] ?? "") ?? 0, $0[1] ?? "", $0[2] ?? "") }
        }
    }

    /// Claims the first waiting job no other worker holds; `nil` when there is none free now. The claim holds
    /// its own connection (and the row lock) until ``Claim/finish(error:)`` or until it is released.
    public func claim(worker: String) throws -> Claim? {
        let database = try connect(update: true)
        do {
            try checkTable(database)
            try database.begin()
            let rows = try database.query(
                "SELECT id, district FROM \(database.qualified(Self.name)) WHERE status = 'waiting' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED")
            guard let row = rows.first, let id = row[0].flatMap({ Int64($0) }), let district = row[1] else {
                database.rollback()
                return nil
            }
            try database.execute(
                "UPDATE \(database.qualified(Self.name)) SET worker = \(PostGISDatabase.literal(worker)), started_at = clock_timestamp() WHERE id = \(id)")
            return Claim(id: id, district: district, database: database)
        } catch let error as FormatsError {
            throw PlanError(.cannotWrite, "\(location) table \(Self.name): cannot claim a job: \(PostGISLocation.redact(error.detail))")
        }
    }

    /// A job a worker holds: its row locked in an open transaction on a connection of its own.
    public final class Claim {
        /// The job's id, which its results carry (`job_id`).
        public let id: Int64
        /// The district to analyse.
        public let district: String
        private let database: PostGISDatabase

        init(id: Int64, district: String, database: PostGISDatabase) {
            self.id = id
            self.district = district
            self.database = database
        }

        /// Marks the job done (`error` nil) or failed with its one-line error, records the seconds spent reading
        /// the district, and commits (releasing the lock).
        /// - Throws: ``PlanError`` `cannotWrite` when the server refuses (the job then stays waiting).
        public func finish(error: String?, loadSeconds: Double? = nil) throws {
            let table = database.qualified(JobTable.name)
            do {
                try database.execute(
                    "UPDATE \(table) SET status = \(error == nil ? "'done'" : "'failed'"), error = "
                        + (error.map(PostGISDatabase.literal) ?? "NULL") + ", attempts = attempts + 1, finished_at = clock_timestamp(), load_seconds = "
                        + (loadSeconds.map { String($0) } ?? "NULL") + " WHERE id = \(id)")
                try database.commit()
            } catch let failure as FormatsError {
                database.rollback()
                throw PlanError(.cannotWrite, "\(database.location) table \(JobTable.name): job \(id): \(PostGISLocation.redact(failure.detail))")
            }
        }
    }

    /// Creates the table when the schema has none; checks its layout otherwise.
    func ensureTable(_ database: PostGISDatabase) throws {
        if try database.columns(of: Self.name).isEmpty {
            try database.execute(
                "CREATE TABLE \(database.qualified(Self.name)) (id bigserial PRIMARY KEY, district text NOT NULL, "
                    + "status text NOT NULL DEFAULT 'waiting', error text, attempts integer NOT NULL DEFAULT 0, worker text, "
                    + "started_at timestamptz, finished_at timestamptz, load_seconds double precision)")
        } else {
            try checkTable(database)
        }
    }

    /// Refuses a missing job table, or one whose columns are not the ones qtplan made (someone changed it).
    func checkTable(_ database: PostGISDatabase) throws {
        let found = try database.columns(of: Self.name)
        guard !found.isEmpty else {
            throw PlanError(.missingInput, "\(location): no job table \(Self.name) (add districts with --add)")
        }
        guard found.map({ "\($0.name) \($0.type)" }) == Self.layout.map({ "\($0.name) \($0.type)" }) else {
            throw PlanError(
                .badData,
                "\(location) table \(Self.name): not the layout qtplan made (\(found.map { "\($0.name) \($0.type)" }.joined(separator: ", "))); "
                    + "it needs \(Self.layout.map { "\($0.name) \($0.type)" }.joined(separator: ", "))")
        }
    }

    /// A connection; one that fails is a job table that cannot be reached (exit 66).
    func connect(update: Bool) throws -> PostGISDatabase {
        do {
            return try PostGISDatabase(location, update: update)
        } catch let error as FormatsError {
            throw PlanError(.missingInput, "\(location): \(PostGISLocation.redact(error.detail))")
        }
    }

    /// Runs `body` on a new connection, the server's errors as ``PlanError`` `cannotWrite`.
    func withDatabase<T>(update: Bool, _ body: (PostGISDatabase) throws -> T) throws -> T {
        let database = try connect(update: update)
        do {
            return try body(database)
        } catch let error as FormatsError {
            database.rollback()
            throw PlanError(.cannotWrite, "\(location) table \(Self.name): \(PostGISLocation.redact(error.detail))")
        } catch {
            database.rollback()
            throw error
        }
    }
}
