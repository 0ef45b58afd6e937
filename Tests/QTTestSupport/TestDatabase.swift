import Foundation

/// A throwaway PostgreSQL 15 cluster with PostGIS and pgRouting, for the tests that need a real server.
///
/// The cluster is made once per test process, on first use: `initdb` in a fresh folder under `/tmp` (as the
/// `postgres` user when the tests run as root, since PostgreSQL refuses to run as root), started by `pg_ctl`
/// listening on a Unix socket in that folder only (`listen_addresses=''`: no TCP port is opened, so two test
/// processes never collide), trust authentication for local connections. When the process exits the server is
/// stopped (`pg_ctl stop -m immediate`) and the folder removed. Each caller gets a database of its own,
/// ``database(_:)``, with the `postgis` and `pgrouting` extensions created.
///
/// The server's programs come from Debian's `postgresql-15` (`/usr/lib/postgresql/15/bin`), installed by
/// `tools/setup.sh`; `psql` from `postgresql-client-15`. Nothing is skipped when they are missing: the first
/// test that asks for a database fails with the reason.
public final class TestDatabase: Sendable {
    /// The cluster's folder: its data directory and its socket live here.
    public let folder: String
    /// The folder holding the socket (libpq's `host`).
    public let socketFolder: String
    /// The port, which names the socket file (`.s.PGSQL.PORT`).
    public let port: Int
    /// The database of this handle.
    public let name: String

    /// The cluster of this test process, started on first use.
    public static let cluster: Result<TestCluster, TestDatabaseError> = Result { try TestCluster.start() }
        .mapError { $0 as? TestDatabaseError ?? TestDatabaseError(message: "\($0)") }

    init(cluster: TestCluster, name: String) {
        folder = cluster.folder
        socketFolder = cluster.folder
        port = cluster.port
        self.name = name
    }

    /// A new database named `label_N` in the shared cluster, with PostGIS and pgRouting.
    /// - Throws: ``TestDatabaseError`` when the cluster could not be started or the database made.
    public static func database(_ label: String) throws -> TestDatabase {
        let cluster = try cluster.get()
        let name = "\(label.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "_" })_\(UUID().uuidString.prefix(8).lowercased())"
        try cluster.psql(database: "postgres", "CREATE DATABASE \(name)")
        let database = TestDatabase(cluster: cluster, name: name)
        try database.sql("CREATE EXTENSION postgis; CREATE EXTENSION pgrouting;")
        return database
    }

    /// The connection string GDAL takes, `PG:dbname=… host=… port=… user=postgres`.
    public var connection: String { "PG:dbname=\(name) \(server)" }

    /// The server's part of a connection string, `host=… port=… user=postgres`.
    public var server: String { "host=\(socketFolder) port=\(port) user=postgres" }

    /// Runs SQL with `psql` (unaligned, tuples only, `|` between columns, stopping at the first error); returns
    /// its output.
    @discardableResult
    public func sql(_ statements: String) throws -> String {
        try TestCluster(folder: folder, port: port).psql(database: name, statements)
    }

    /// Starts `statements` in a session of its own that stays open while they run (such as a transaction holding
    /// a lock, ended by `pg_sleep`), named `name` in `pg_stat_activity.application_name`, and returns once it has
    /// reached its `pg_sleep` (so what it holds is held); the caller terminates it and waits for it.
    public func hold(_ statements: String, name application: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = ["-X", "-q", "-h", socketFolder, "-p", "\(port)", "-U", "postgres", "-d", name, "-c", statements]
        process.environment = ["PGAPPNAME": application, "PATH": "/usr/bin:/bin"]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try Polling.wait("the holding session \(application)") {
            try rows("SELECT count(*) FROM pg_stat_activity WHERE application_name = '\(application)' AND query LIKE '%pg_sleep%'") == [["1"]]
        }
        return process
    }

    /// The rows of a query, each split into its columns.
    public func rows(_ query: String) throws -> [[String]] {
        try sql(query).split(separator: "\n", omittingEmptySubsequences: true).map {
            $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        }
    }
}

/// Waiting for something another process or session does, without guessing its timing.
public enum Polling {
    /// Polls `condition` every 0.1 s for up to a minute; throws naming `what` when it never holds.
    public static func wait(_ what: String, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if try condition() { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw TestDatabaseError(message: "waited a minute for \(what)")
    }
}

/// What went wrong starting the cluster or running SQL.
public struct TestDatabaseError: Error, CustomStringConvertible, Sendable {
    /// The step and the program's output.
    public var message: String
    public var description: String { message }
    /// An error saying `message`.
    public init(message: String) { self.message = message }
}

/// The server of this test process: its folder and port, and how to run its programs.
public struct TestCluster: Sendable {
    /// The cluster's folder (data directory `data/`, socket, log).
    public let folder: String
    /// The port naming the socket.
    public let port: Int

    /// Where Debian puts PostgreSQL 15's server programs.
    static let binaries = "/usr/lib/postgresql/15/bin"

    /// Whether this process runs as root, so that the server runs as `postgres`.
    static var asRoot: Bool { getuid() == 0 }

    /// Makes and starts the cluster, and arranges for it to be stopped and removed at exit.
    static func start() throws -> TestCluster {
        guard FileManager.default.isExecutableFile(atPath: "\(binaries)/initdb") else {
            throw TestDatabaseError(
                message: "\(binaries)/initdb not found: install postgresql-15, postgresql-15-postgis-3 and "
                    + "postgresql-15-pgrouting (tools/setup.sh --deps-only)")
        }
        let folder = "/tmp/qtplan-pg-\(getpid())-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let cluster = TestCluster(folder: folder, port: 5432)
        if asRoot { try run("/bin/chown", ["postgres:postgres", folder]) }
        try cluster.server("initdb", ["-D", "\(folder)/data", "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"])
        try cluster.server(
            "pg_ctl",
            [
                "-D", "\(folder)/data", "-l", "\(folder)/server.log", "-w", "-t", "60", "start", "-o",
                "-k \(folder) -c listen_addresses='' -p \(cluster.port) -F -c max_connections=60"
            ])
        registerStop(folder)
        return cluster
    }

    /// Stops the server and removes its folder when the process exits.
    private static func registerStop(_ folder: String) {
        stopFolder.withLock { $0 = folder }
        atexit {
            guard let folder = TestCluster.stopFolder.withLock({ $0 }) else { return }
            // system(3), not Foundation's Process: the runtime is shutting down.
            let command = "\(TestCluster.binaries)/pg_ctl -D \(folder)/data -m immediate -w stop >/dev/null 2>&1"
            _ = system(TestCluster.asRoot ? "su postgres -s /bin/sh -c '\(command)'; rm -rf '\(folder)'" : "\(command); rm -rf '\(folder)'")
        }
    }

    /// The folder the exit handler removes (set once, when the cluster starts).
    static let stopFolder = LockedValue<String?>(nil)

    /// Runs a server program, as `postgres` when this process is root.
    func server(_ program: String, _ arguments: [String]) throws {
        let path = "\(Self.binaries)/\(program)"
        if Self.asRoot {
            let quoted = ([path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
            try Self.run("/bin/su", ["postgres", "-s", "/bin/sh", "-c", quoted])
        } else {
            try Self.run(path, arguments)
        }
    }

    /// Runs SQL in `database` with psql as `postgres`; returns psql's output.
    @discardableResult
    func psql(database: String, _ statements: String) throws -> String {
        try Self.run(
            "/usr/bin/psql",
            [
                "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", folder, "-p", "\(port)", "-U", "postgres",
                "-d", database, "-c", statements
            ])
    }

    /// Runs a program; returns its stdout, or throws with its stderr when it fails. Started with posix_spawn and
    /// waited for with waitpid, its output in files, not pipes: the server `pg_ctl start` leaves running
    /// inherits them and would keep a pipe open for ever (and Foundation's Process did not see `su` exit when
    /// run from a static initialiser).
    @discardableResult
    static func run(_ path: String, _ arguments: [String]) throws -> String {
        let base = "/tmp/qtplan-pg-run-\(UUID().uuidString)"
        let outputPath = base + ".out", errorsPath = base + ".err"
        defer {
            unlink(outputPath)
            unlink(errorsPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errorsPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard spawned == 0 else { throw TestDatabaseError(message: "cannot run \(path): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exited = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        guard exited == 0 else {
            let stderr = Tool.text(ofFile: errorsPath)
            throw TestDatabaseError(message: "\(path) \(arguments.prefix(3).joined(separator: " ")) … exited \(exited): \(stderr)")
        }
        return Tool.text(ofFile: outputPath)
    }
}

/// A value behind a lock, for the one thing the exit handler must read.
public final class LockedValue<Value: Sendable>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    /// A locked `value`.
    public init(_ value: Value) { self.value = value }

    /// Runs `body` with the value, under the lock.
    public func withLock<T>(_ body: (inout Value) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
