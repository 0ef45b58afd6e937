import Foundation
import QTFormats
import QTGeometry
import QTModel
import QTProjection

/// Outputs to a schema of a PostGIS database (`PG:dbname=… host=… schema=…`): layers as tables, plain tables
/// beside them, all in one transaction (``QTFormats/PostGISWriter``): a failed or interrupted run leaves the
/// previous tables as they were. Tables that exist already are refused unless
/// ``OutputSettings/replaceTables``. Messages name the database with its password redacted.
public enum DatabaseOutput {
    /// Writes `layers` and `tables` to the schema `destination` names, in `crs`.
    /// - Throws: ``PlanError`` `cannotWrite` (exit 73): the database cannot be reached, a table exists already,
    ///   or the server refused the write (its message); `usage` for a connection string that does not parse.
    public static func write(
        _ layers: [VectorLayer], tables: [PlainTable] = [], to destination: String, crs: CRS = .wgs84,
        what: String, settings: OutputSettings,
        beforeCommit: (PostGISDatabase) throws -> Void = { _ in }
    ) throws {
        let location = try self.location(destination)
        if case .gcj02 = crs {
            throw PlanError(.usage, "\(setting: .outputCRS) GCJ02: no table can declare GCJ-02; write WGS84 or a projected CRS")
        }
        let writer = PostGISWriter(location: location, crs: crs, replace: settings.replaceTables)
        do {
            if !settings.replaceTables {
                let clashing = try writer.existing(layers.map(\.name) + tables.map(\.name))
                if !clashing.isEmpty {
                    throw PlanError(
                        .cannotWrite,
                        "\(location): cannot write \(what): \(clashing.count == 1 ? "table" : "tables") "
                            + "\(clashing.joined(separator: ", ")) \(clashing.count == 1 ? "exists" : "exist") already "
                            + "(\(setting: .overwriteInputs) replaces \(clashing.count == 1 ? "it" : "them"))")
                }
            }
            try writer.write(layers, tables: tables, beforeCommit: beforeCommit)
        } catch let error as FormatsError {
            throw PlanError(.cannotWrite, "\(location): cannot write \(what): \(PostGISLocation.redact(error.detail))")
        }
    }

    /// The location a destination string names.
    /// - Throws: ``PlanError`` `usage` when it does not parse.
    public static func location(_ destination: String) throws -> PostGISLocation {
        do {
            return try PostGISLocation(destination)
        } catch let error as FormatsError {
            throw PlanError(.usage, "\(PostGISLocation.redact(destination)): \(error.detail)")
        }
    }

    /// The manifest of `district` as the `district` table of a schema holds it: one row, one JSON column
    /// `manifest`, each layer's entry naming its table (named after the layer) and nothing about files (a table
    /// says its own SRID and text is UTF-8).
    public static func manifestTable(of district: District, layers: [LayerName]) throws -> PlainTable {
        var manifest = district.manifest
        manifest.layers = Dictionary(uniqueKeysWithValues: layers.map { ($0.rawValue, LayerEntry(file: $0.rawValue)) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(manifest)
        return PlainTable(name: "district", columns: [.init("manifest", "json")], rows: [[String(decoding: data, as: UTF8.self)]])
    }
}
