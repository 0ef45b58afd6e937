import Foundation
import QTTestSupport
import Testing

/// PostGIS as a district and as a destination, against a throwaway PostgreSQL 15 + PostGIS 3 server
/// (``QTTestSupport/TestDatabase``): the tables read back by the server itself (psql), the district read back by
/// qtplan giving the folder's report and figures, writes all-or-nothing, passwords never shown.
@Suite("PostGIS in and out", .serialized)
struct PostGISCommandTests {
    /// The bundled district exported to a fresh database's schema `qt` (one export per test process).
    static let exported: Result<TestDatabase, Error> = Result {
        let database = try TestDatabase.database("export")
        let result = try CLI.run(["export", "--all", "-o", database.connection, "--schema", "qt"])
        guard result.status == 0 else { throw TestDatabaseError(message: "export failed: \(result.stderr)") }
        return database
    }

    @Test("export --all to a schema: every layer a table the server counts as GDAL read the files, SRID 4326, a one-row manifest")
    func exportWritesTables() throws {
        let database = try Self.exported.get()
        let counts = try database.rows(
            """
            SELECT 'boundary', count(*) FROM qt.boundary UNION ALL SELECT 'facilities', count(*) FROM qt.facilities
            UNION ALL SELECT 'landuse', count(*) FROM qt.landuse UNION ALL SELECT 'network', count(*) FROM qt.network
            UNION ALL SELECT 'district', count(*) FROM qt.district
            """)
        // The counts GDAL's ogrinfo reads in the bundled files, independently of qtplan.
        var expected = ["district": "1"]
        for layer in ["boundary", "facilities", "landuse", "network"] {
            let path = CLI.root.appendingPathComponent("geodata/qiantang/\(layer).geojson").path
            expected[layer] = try ExportCommandTests.ogrLayers(path)[layer].map { "\($0.count)" }
        }
        #expect(expected["facilities"] != nil && expected["network"] != nil)
        #expect(Dictionary(uniqueKeysWithValues: counts.map { ($0[0], $0[1]) }) == expected)
        let srids = try database.rows("SELECT DISTINCT srid FROM geometry_columns WHERE f_table_schema = 'qt'")
        #expect(srids == [["4326"]])
        let name = try database.rows("SELECT manifest->>'name', manifest->'layers'->'landuse'->>'file' FROM qt.district")
        #expect(name == [["钱塘区", "landuse"]])
        // A property kept its name and value: the first facility's id as the GeoJSON file has it.
        let ids = try database.rows("SELECT count(DISTINCT id) FROM qt.facilities")
        #expect(ids == [[expected["facilities"] ?? ""]])
    }

    @Test("validate --district PG: gives the folder's report; info the folder's figures")
    func validateAndInfoAgree() throws {
        let database = try Self.exported.get()
        for command in ["validate", "info"] {
            let folder = try CLI.run([command])
            let table = try CLI.run([command, "--district", database.connection, "--schema", "qt"])
            #expect(folder.status == 0 && table.status == 0, "\(table.stderr)")
            #expect(table.stdout == folder.stdout)
            #expect(table.stderr == folder.stderr)
        }
        let json = try CLI.run(["validate", "--district", database.connection + " schema=qt", "--format", "json"])
        #expect(json.stdout == (try CLI.run(["validate", "--format", "json"])).stdout)
    }

    @Test("a table in EPSG:4549 is transformed on load: the same areas as the WGS84 tables")
    func anySRIDIsTransformed() throws {
        let database = try Self.exported.get()
        try database.sql(
            """
            DROP SCHEMA IF EXISTS metric CASCADE; CREATE SCHEMA metric;
            CREATE TABLE metric.district AS SELECT * FROM qt.district;
            CREATE TABLE metric.boundary AS SELECT * FROM qt.boundary;
            ALTER TABLE metric.boundary ALTER COLUMN geom TYPE geometry(Polygon, 4549) USING ST_Transform(geom, 4549);
            CREATE TABLE metric.subdistricts AS SELECT * FROM qt.subdistricts;
            UPDATE metric.district SET manifest = json_build_object('name', manifest->'name', 'name_en', manifest->'name_en',
                'official_area_km2', manifest->'official_area_km2', 'metric_crs', manifest->'metric_crs', 'residents', manifest->'residents',
                'layers', json_build_object('boundary', json_build_object('file', 'boundary'), 'subdistricts', json_build_object('file', 'subdistricts')));
            """)
        let declared = try database.rows("SELECT type, srid FROM geometry_columns WHERE f_table_schema = 'metric' AND f_table_name = 'boundary'")
        #expect(declared == [["POLYGON", "4549"]])
        let info = try CLI.run(["info", "--district", database.connection, "--schema", "metric"])
        #expect(info.status == 0, "\(info.stderr)")
        let folder = try CLI.run(["info", "--lang", "en"]) // (the bundled manifest says zh)
        // (the label column's width follows the longest label of each table: compared with spaces collapsed)
        let area = { (text: String) in
            text.split(separator: "\n").filter { $0.hasPrefix("Boundary area") || $0.hasPrefix("Planar area") }
                .map { $0.split(separator: " ").joined(separator: " ") }
        }
        #expect(area(info.stdout) == area(folder.stdout))
        #expect(!area(folder.stdout).isEmpty)
    }

    @Test("an existing table is refused without --force (exit 73, nothing written) and replaced with it")
    func forceReplaces() throws {
        let database = try TestDatabase.database("force")
        let first = try CLI.run(["export", "--layer", "boundary,subdistricts", "-o", database.connection, "--schema", "f"])
        #expect(first.status == 0, "\(first.stderr)")
        try database.sql("DELETE FROM f.subdistricts WHERE id IN (SELECT id FROM f.subdistricts LIMIT 3)")
        let again = try CLI.run(["export", "--layer", "subdistricts", "-o", database.connection, "--schema", "f"])
        #expect(again.status == 73)
        #expect(again.stderr.contains("table subdistricts exists already (--force replaces it)"), "\(again.stderr)")
        #expect(try database.rows("SELECT count(*) FROM f.subdistricts") == [["4"]])
        let forced = try CLI.run(["export", "--layer", "subdistricts", "-o", database.connection, "--schema", "f", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try database.rows("SELECT count(*) FROM f.subdistricts") == [["7"]])
    }

    @Test("an export killed with SIGKILL halfway leaves the previous tables as they were")
    func killedExportLeavesPreviousTables() throws {
        let database = try TestDatabase.database("kill")
        let first = try CLI.run(["export", "--layer", "boundary,network", "-o", database.connection, "--schema", "k"])
        #expect(first.status == 0, "\(first.stderr)")
        try database.sql("DELETE FROM k.network WHERE fid > 100; UPDATE k.boundary SET name = 'before'")
        // Halfway, made certain rather than timed: another session creates `k.district` and keeps its transaction
        // open. The replacing export drops the two tables, writes all ten layers, and then blocks creating the
        // manifest's `district` table, its last step before COMMIT, until that session ends. It is killed there.
        let holder = try database.hold("BEGIN; CREATE TABLE k.district (held int); SELECT pg_sleep(300);", name: "holder")
        defer {
            holder.terminate()
            holder.waitUntilExit() // a Process never waited for is never released (LeakSanitizer)
        }
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["export", "--all", "-o", database.connection, "--schema", "k", "--force"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try Polling.wait("the export to block on the held table") {
            guard process.isRunning else { throw TestDatabaseError(message: "the export ended (\(process.terminationStatus)) before it blocked") }
            return try database.rows(
                """
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND application_name <> 'holder'
                """) == [["1"]]
        }
        // It has written every layer by now: the new tables are there, in its transaction only.
        // (its new tables are visible to no other session, but their locks are: ten layers, two dropped tables)
        let held = try database.rows(
            """
            SELECT count(DISTINCT l.relation) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE a.datname = current_database() AND a.application_name <> 'holder' AND l.locktype = 'relation'
              AND l.mode = 'AccessExclusiveLock' AND l.granted
            """)
        #expect((held.first?.first).flatMap { Int($0) }.map { $0 >= 12 } == true, "exclusive locks held: \(held)")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        try database.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'holder'")
        // The server ends the dead connection's transaction as soon as it runs again: the old tables, and no new one.
        try Polling.wait("the export's connection to end") {
            try database.rows("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()") == [["0"]]
        }
        #expect(try database.rows("SELECT count(*), max(fid) FROM k.network") == [["100", "100"]])
        #expect(try database.rows("SELECT name FROM k.boundary") == [["before"]])
        #expect(try database.rows("SELECT table_name FROM information_schema.tables WHERE table_schema = 'k' ORDER BY 1") == [["boundary"], ["network"]])
    }

    @Test("feature outputs go to a schema: coverage --areas and --gaps, isochrone -o, validate --problems")
    func featureOutputs() throws {
        let database = try TestDatabase.database("outputs")
        let coverage = try CLI.run([
            "coverage", "--type", "primary_school", "--mode", "radius", "--areas", database.connection,
            "--gaps", database.connection, "--schema", "out"
        ])
        #expect(coverage.status == 0, "\(coverage.stderr)")
        let isochrone = try CLI.run(["isochrone", "--at", "120.35,30.30", "--minutes", "5,10", "-o", database.connection + " schema=iso"])
        #expect(isochrone.status == 0, "\(isochrone.stderr)")
        let rows = try database.rows(
            """
            SELECT f_table_schema, f_table_name FROM geometry_columns WHERE f_table_schema IN ('out', 'iso') ORDER BY 1, 2
            """)
        #expect(rows == [["iso", "isochrone"], ["out", "gaps"], ["out", "service_areas"]])
        #expect(try database.rows("SELECT count(*) FROM iso.isochrone") == [["2"]])
        let valid = try database.rows("SELECT bool_and(ST_IsValid(geom)) FROM out.service_areas")
        #expect(valid == [["t"]])
    }

    @Test("a password is never shown: not in errors of a source, of a destination, nor in what export prints")
    func passwordRedacted() throws {
        let database = try TestDatabase.database("secret")
        try database.sql("CREATE ROLE planner LOGIN PASSWORD 'opensesame'")
        let wrong = "PG:dbname=\(database.name) host=127.0.0.1 port=\(database.port) user=planner password=wrongpass"
        for args in [["info", "--district", wrong], ["export", "--layer", "boundary", "-o", wrong]] {
            let result = try CLI.run(args)
            #expect(result.status == (args[0] == "info" ? 66 : 73), "\(result.stderr)")
            #expect(!result.stderr.contains("wrongpass"))
            #expect(result.stderr.contains("password=***"), "\(result.stderr)")
        }
        // Over the Unix socket the cluster trusts local users: the password is accepted but must not be printed.
        let socket = "PG:dbname=\(database.name) \(database.server) password='open sesame'"
        let written = try CLI.run(["export", "--layer", "boundary", "-o", socket, "--schema", "s"])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(!written.stdout.contains("sesame") && written.stdout.contains("password=***"), "\(written.stdout)")
    }
}
