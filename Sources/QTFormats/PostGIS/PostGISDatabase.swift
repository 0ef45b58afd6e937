import CGDAL
import Foundation
import QTGeometry
import QTProjection

/// A connection to a PostgreSQL/PostGIS database through GDAL's PostgreSQL driver (which Debian's GDAL has),
/// on one schema: SQL statements and queries, transactions, and the schema's tables read as layers.
///
/// The connection is one GDAL dataset, opened in `init` and closed in `deinit` (closing it ends the session:
/// a transaction not committed is rolled back by the server, and row locks are released). It belongs to the
/// task that made it. The corresponding GDAL functions are `GDALOpenEx` (with the open options `ACTIVE_SCHEMA`
/// and `SCHEMAS`), `GDALDatasetExecuteSQL`, `GDALDatasetReleaseResultSet`, `GDALDatasetStartTransaction`,
/// `GDALDatasetCommitTransaction`, `GDALDatasetRollbackTransaction` and `GDALClose`.
public final class PostGISDatabase {
    let handle: GDALDatasetH
    /// Where it is connected.
    public let location: PostGISLocation
    private var inTransaction = false

    /// Connects to `location`'s database, for reading or (`update`) writing.
    /// - Throws: ``FormatsError/unreachable(target:message:)`` with the server's (or libpq's) message, one line,
    ///   any password redacted.
    public init(_ location: PostGISLocation, update: Bool = false) throws {
        self.location = location
        GDALRuntime.ensure()
        let flags = UInt32(GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY) | GDAL_OF_VERBOSE_ERROR)
        let options = ["ACTIVE_SCHEMA=\(location.schema)", "SCHEMAS=\(location.schema)"]
        CPLErrorReset()
        let opened = CStringList(["PostgreSQL"]).withConstPointer { drivers in
            CStringList(options).withConstPointer { open in
                GDALOpenEx(location.connection, flags, drivers, open, nil)
            }
        }
        guard let opened else {
            throw FormatsError.unreachable(target: location.description, message: Self.serverMessage())
        }
        handle = opened
    }

    deinit {
        if inTransaction { GDALDatasetRollbackTransaction(handle) }
        GDALClose(handle)
    }

    /// GDAL's last message as one line: the server's words, without GDAL's `PQconnectdb failed.` preamble, any
    /// password redacted.
    static func serverMessage() -> String {
        var text = CPLGetLastErrorMsg().map { String(cString: $0) } ?? ""
        for preamble in ["PQconnectdb failed.", "PQconnectdb failed:"] where text.hasPrefix(preamble) {
            text = String(text.dropFirst(preamble.count))
        }
        let words = text.split(whereSeparator: { $0 == "\n" || $0 == " " || $0 == "\t" }).joined(separator: " ")
        return words.isEmpty ? "the connection failed without a message" : PostGISLocation.redact(words)
    }

    /// Runs SQL that returns no rows (DDL, INSERT, UPDATE, DELETE).
    /// - Throws: ``FormatsError/gdal(function:message:)`` with the server's message.
    public func execute(_ sql: String) throws {
        CPLErrorReset()
        let result = GDALDatasetExecuteSQL(handle, sql, nil, nil)
        if let result { GDALDatasetReleaseResultSet(handle, result) }
        if CPLGetLastErrorType().rawValue >= CE_Failure.rawValue {
            throw FormatsError.gdal(function: "GDALDatasetExecuteSQL", message: Self.serverMessage())
        }
    }

    /// Runs a query; returns its rows, each column's value as text (`nil` for NULL).
    /// - Throws: ``FormatsError/gdal(function:message:)`` with the server's message.
    public func query(_ sql: String) throws -> [[String?]] {
        CPLErrorReset()
        let result = GDALDatasetExecuteSQL(handle, sql, nil, nil)
        if CPLGetLastErrorType().rawValue >= CE_Failure.rawValue {
            if let result { GDALDatasetReleaseResultSet(handle, result) }
            throw FormatsError.gdal(function: "GDALDatasetExecuteSQL", message: Self.serverMessage())
        }
        guard let result else { return [] }
        defer { GDALDatasetReleaseResultSet(handle, result) }
        let columns = OGR_FD_GetFieldCount(OGR_L_GetLayerDefn(result))
        var rows: [[String?]] = []
        OGR_L_ResetReading(result)
        while let feature = OGR_L_GetNextFeature(result) {
            defer { OGR_F_Destroy(feature) }
            rows.append(
                (0..<columns).map { i in
                    guard OGR_F_IsFieldSetAndNotNull(feature, i) != 0 else { return nil }
                    return OGR_F_GetFieldAsString(feature, i).map { String(cString: $0) }
                })
        }
        return rows
    }

    /// Starts a transaction: what follows is committed together by ``commit()`` or not at all.
    public func begin() throws {
        try GDALCall.ogr("GDALDatasetStartTransaction") { GDALDatasetStartTransaction(handle, 0) }
        inTransaction = true
    }

    /// Commits the transaction.
    public func commit() throws {
        inTransaction = false
        CPLErrorReset()
        let status = GDALDatasetCommitTransaction(handle)
        guard status == OGRERR_NONE else {
            throw FormatsError.gdal(function: "GDALDatasetCommitTransaction", message: Self.serverMessage())
        }
    }

    /// Rolls the transaction back (nothing of it stays).
    public func rollback() {
        guard inTransaction else { return }
        inTransaction = false
        GDALDatasetRollbackTransaction(handle)
    }

    /// The schema's own name, quoted for SQL.
    var quotedSchema: String { SQLText.identifier(location.schema) }

    /// `"schema"."name"`, quoted for SQL.
    public func qualified(_ table: String) -> String { SQLText.table(location.schema, table) }

    /// A string quoted as an SQL literal.
    public static func literal(_ text: String) -> String { SQLText.literal(text) }

    /// An identifier quoted for SQL.
    public static func identifier(_ text: String) -> String { SQLText.identifier(text) }

    /// Whether the schema exists.
    public func schemaExists() throws -> Bool {
        try !query("SELECT 1 FROM pg_namespace WHERE nspname = \(SQLText.literal(location.schema))").isEmpty
    }

    /// The tables (and views) of the schema, by name, with their geometry columns as PostGIS declares them.
    public func tables() throws -> [String: PostGISTable] {
        let schema = SQLText.literal(location.schema)
        var out: [String: PostGISTable] = [:]
        for row in try query("SELECT table_name FROM information_schema.tables WHERE table_schema = \(schema)") {
            if let name = row[0] { out[name] = PostGISTable(name: name, geometryColumns: []) }
        }
        let columns = try query(
            "SELECT f_table_name, f_geometry_column, type, srid, 'geometry' FROM geometry_columns "
                + "WHERE f_table_schema = \(schema) UNION ALL SELECT f_table_name, f_geography_column, type, srid, 'geography' "
                + "FROM geography_columns WHERE f_table_schema = \(schema) ORDER BY 1, 2")
        for row in columns {
            guard let name = row[0], let column = row[1] else { continue }
            out[name, default: PostGISTable(name: name, geometryColumns: [])].geometryColumns.append(
                PostGISTable.GeometryColumn(
                    name: column, type: (row[2] ?? "GEOMETRY").uppercased(), srid: Int(row[3] ?? "") ?? 0,
                    geography: row[4] == "geography"))
        }
        return out
    }

    /// The names of the columns of a table, in order, with their SQL types.
    public func columns(of table: String) throws -> [(name: String, type: String)] {
        try query(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = "
                + "\(SQLText.literal(location.schema)) AND table_name = \(SQLText.literal(table)) ORDER BY ordinal_position"
        )
        .map { ($0[0] ?? "", $0[1] ?? "") }
    }

    /// Reads a table of the schema as a layer, its geometries transformed to WGS84 from the table's SRID (or
    /// `assumedCRS` for SRID 0).
    /// - Throws: ``FormatsError/invalidData(path:detail:)`` naming the table: one GDAL does not see as a layer,
    ///   a CRS that cannot be read, a geometry that cannot be converted.
    public func read(table: String, assumedCRS: CRS? = nil) throws -> VectorReadResult {
        let path = "\(location) table \(table)"
        CPLErrorReset()
        guard let layer = GDALDatasetGetLayerByName(handle, table) else {
            throw FormatsError.invalidData(path: path, detail: "GDAL cannot read it as a layer: \(Self.serverMessage())")
        }
        return try InputDataset.read(layer: layer, name: table, path: path, format: nil, assumedCRS: assumedCRS, checkMisreadText: false)
    }

    /// Whether the table, read through GDAL, has a spatial reference PROJ could use (GDAL drops an SRID it
    /// cannot make one of, with a warning).
    public func tableHasCRS(_ table: String) -> Bool {
        guard let layer = GDALDatasetGetLayerByName(handle, table) else { return false }
        return OGR_L_GetSpatialRef(layer) != nil
    }
}

@available(*, unavailable)
extension PostGISDatabase: Sendable {}

/// A table of a schema and its geometry columns.
public struct PostGISTable: Sendable, Hashable {
    /// A geometry (or geography) column as PostGIS declares it.
    public struct GeometryColumn: Sendable, Hashable {
        /// The column's name.
        public var name: String
        /// The declared type: `POLYGON`, `MULTIPOLYGON`, `POINT`, `GEOMETRY` (any), ….
        public var type: String
        /// The declared SRID (0 for none).
        public var srid: Int
        /// Whether it is a `geography` column.
        public var geography: Bool
    }

    /// The table's name.
    public var name: String
    /// Its geometry columns (none for a plain table).
    public var geometryColumns: [GeometryColumn]
}
