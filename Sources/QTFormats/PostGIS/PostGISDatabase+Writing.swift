import CGDAL
import Foundation
import QTGeometry
import QTProjection

/// A plain (non-spatial) table to write: its columns with their SQL types, and its rows.
public struct PlainTable: Sendable, Hashable {
    /// A column: its name and SQL type (`text`, `double precision`, `bigint`, `json`, `timestamptz`).
    public struct Column: Sendable, Hashable {
        /// The column's name.
        public var name: String
        /// Its SQL type.
        public var type: String
        /// A column.
        public init(_ name: String, _ type: String) {
            self.name = name
            self.type = type
        }
    }

    /// The table's name.
    public var name: String
    /// Its columns.
    public var columns: [Column]
    /// Its rows: one value per column, as text (cast to the column's type by the server), `nil` for NULL.
    public var rows: [[String?]]

    /// A table.
    public init(name: String, columns: [Column], rows: [[String?]]) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }
}

extension PostGISDatabase {
    /// Creates the schema when it does not exist yet.
    public func createSchema() throws {
        try execute("CREATE SCHEMA IF NOT EXISTS \(quotedSchema)")
    }

    /// Drops a table of the schema if it exists (in the current transaction, so a rollback brings it back).
    public func dropTable(_ name: String) throws {
        try execute("DROP TABLE IF EXISTS \(qualified(name)) CASCADE")
    }

    /// Writes `layer` as a new table of the schema (which must not hold one of that name): a `fid` key, a `geom`
    /// column with a GiST index in `crs`, and a column per property (names kept as they are). Runs inside the
    /// current transaction.
    /// - Throws: ``FormatsError`` naming the table and the server's message.
    public func writeLayer(_ layer: VectorLayer, crs: CRS = .wgs84) throws {
        let path = "\(location) table \(layer.name)"
        let context = try GeometryContext()
        let transformer = crs == .wgs84 ? nil : try Transformer(from: .wgs84, to: crs)
        let reference = try SpatialReference(crs, path: path)
        let kinds = Set(layer.features.features.compactMap { $0.geometry?.kind })
        let options = [
            "GEOMETRY_NAME=geom", "FID=fid", "LAUNDER=NO", "PRECISION=NO", "DIM=2", "SPATIAL_INDEX=GIST",
            "SCHEMA=\(location.schema)"
        ]
        CPLErrorReset()
        let created = CStringList(options).withPointer { list in
            GDALDatasetCreateLayer(handle, layer.name, reference.handle, OGRGeometry.layerType(for: kinds), list)
        }
        guard let created else {
            throw FormatsError.cannotWrite(path: path, detail: Self.serverMessage())
        }
        do {
            try OutputDataset.fill(
                created, of: handle, name: layer.name, path: path, features: layer.features.features,
                context: context, transformer: transformer, transaction: false)
            try GDALCall.ogr("OGR_L_SyncToDisk") { OGR_L_SyncToDisk(created) }
        } catch let error as FormatsError {
            if case .gdal = error { throw FormatsError.cannotWrite(path: path, detail: Self.serverMessage()) }
            throw error
        }
    }

    /// Creates `table` (when `create`) and inserts its rows, inside the current transaction.
    /// - Throws: ``FormatsError/cannotWrite(path:detail:)`` with the server's message.
    public func writeTable(_ table: PlainTable, create: Bool = true) throws {
        let name = qualified(table.name)
        do {
            if create {
                try execute(
                    "CREATE TABLE \(name) ("
                        + table.columns.map { "\(SQLText.identifier($0.name)) \($0.type)" }
                        .joined(separator: ", ") + ")")
            }
            let columns = table.columns.map { SQLText.identifier($0.name) }.joined(separator: ", ")
            for chunk in stride(from: 0, to: table.rows.count, by: 200) {
                let rows = table.rows[chunk..<min(chunk + 200, table.rows.count)].map { row in
                    "("
                        + zip(row, table.columns).map { value, column in
                            value.map { "\(SQLText.literal($0))::\(column.type)" } ?? "NULL"
                        }.joined(separator: ", ") + ")"
                }
                try execute("INSERT INTO \(name) (\(columns)) VALUES " + rows.joined(separator: ", "))
            }
        } catch let error as FormatsError {
            throw FormatsError.cannotWrite(path: "\(location) table \(table.name)", detail: error.detail)
        }
    }
}

/// Writes layers and plain tables to a schema of a PostGIS database in one transaction: a reader sees the
/// previous tables or all the new ones, never a part; a failed or interrupted write (the connection closed by
/// a killed process) leaves the previous tables as they were.
public struct PostGISWriter: Sendable {
    /// Where the tables go.
    public var location: PostGISLocation
    /// The CRS of the geometry columns.
    public var crs: CRS
    /// Whether tables of the same names are replaced (dropped in the same transaction); otherwise their
    /// presence is refused before anything is written.
    public var replace: Bool

    /// A writer.
    public init(location: PostGISLocation, crs: CRS = .wgs84, replace: Bool = false) {
        self.location = location
        self.crs = crs
        self.replace = replace
    }

    /// The tables of `names` that exist already in the schema.
    /// - Throws: ``FormatsError/cannotWrite(path:detail:)`` when the database cannot be reached.
    public func existing(_ names: [String]) throws -> [String] {
        let database = try connect()
        let present = try database.tables()
        return names.filter { present[$0] != nil }
    }

    /// Writes `layers` and `tables` (creating the schema if needed), runs `beforeCommit` on the same connection
    /// inside the transaction, and commits.
    /// - Throws: ``FormatsError/cannotWrite(path:detail:)`` with the server's message, or when a table exists
    ///   and ``replace`` is off; whatever `beforeCommit` throws. Nothing is committed then.
    public func write(
        _ layers: [VectorLayer], tables: [PlainTable] = [],
        beforeCommit: (PostGISDatabase) throws -> Void = { _ in }
    ) throws {
        let database = try connect()
        do {
            try database.begin()
            try database.createSchema()
            let names = layers.map(\.name) + tables.map(\.name)
            let present = try database.tables()
            let clashing = names.filter { present[$0] != nil }
            if !clashing.isEmpty && !replace {
                throw FormatsError.cannotWrite(
                    path: location.description,
                    detail: "\(clashing.count == 1 ? "table" : "tables") "
                        + "\(clashing.joined(separator: ", ")) \(clashing.count == 1 ? "exists" : "exist") already")
            }
            for name in clashing { try database.dropTable(name) }
            for layer in layers { try database.writeLayer(layer, crs: crs) }
            for table in tables { try database.writeTable(table) }
            try beforeCommit(database)
            try database.commit()
        } catch {
            database.rollback()
            throw error
        }
    }

    /// A connection for writing; one that fails is a destination that cannot be written.
    public func connect() throws -> PostGISDatabase {
        do {
            return try PostGISDatabase(location, update: true)
        } catch FormatsError.unreachable(_, let message) {
            throw FormatsError.cannotWrite(path: location.description, detail: "cannot connect: \(message)")
        }
    }
}
