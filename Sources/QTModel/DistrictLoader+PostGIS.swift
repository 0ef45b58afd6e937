import Foundation
import QTFormats
import QTGeometry
import QTProjection

/// A district held in a schema of a PostGIS database (`PG:dbname=… host=… schema=…`): the manifest in a
/// `district` table of one row and one JSON column, `manifest`, holding what `district.json` holds; each layer a
/// table of the schema, named by the manifest's layer entry (`"file"`: the table, which `export --all` names
/// after the layer), in any SRID, transformed to WGS84 as files are (a table of SRID 0 takes the entry's `crs`).
extension DistrictLoader {
    /// Loads the district of a database schema. Errors name the connection with its password redacted:
    /// a connection that fails, a schema or table that is missing (`missingFile`/`unreadable`, exit 66); a
    /// manifest that is not one row of valid JSON, a table without geometry column, a geometry column of the
    /// wrong type, an SRID PROJ does not know (`invalidData`, exit 65).
    /// - Throws: ``DistrictError``.
    func load(database text: String) throws -> (district: District, warnings: [LoadWarning]) {
        let location: PostGISLocation
        do {
            location = try PostGISLocation(text)
        } catch let error as FormatsError {
            throw DistrictError.unreadable(path: PostGISLocation.redact(text), detail: error.detail)
        }
        let name = location.description
        let database: PostGISDatabase
        do {
            database = try PostGISDatabase(location)
        } catch let error as FormatsError {
            throw DistrictError.unreadable(path: name, detail: error.detail)
        }
        do {
            return try load(from: database, name: name)
        } catch let error as FormatsError {
            throw DistrictError.invalidData(path: name, detail: SettingText(error.detail))
        }
    }

    private func load(from database: PostGISDatabase, name: String) throws -> (district: District, warnings: [LoadWarning]) {
        guard try database.schemaExists() else {
            throw DistrictError.missingFile(path: name, what: "schema '\(database.location.schema)'")
        }
        let tables = try database.tables()
        guard tables["district"] != nil else {
            throw DistrictError.missingFile(path: "\(name) table district", what: "the manifest table (one row, a JSON column 'manifest')")
        }
        let rows: [[String?]]
        do {
            rows = try database.query("SELECT manifest::text FROM \(database.qualified("district"))")
        } catch let error as FormatsError {
            throw DistrictError.invalidData(path: "\(name) table district", detail: SettingText(error.detail))
        }
        guard rows.count == 1, let text = rows[0][0] else {
            throw DistrictError.invalidData(
                path: "\(name) table district",
                detail: rows.count == 1
                    ? "the manifest is NULL"
                    : "holds \(rows.count) rows; the manifest is one row")
        }
        let manifestPath = "\(name) table district"
        let (manifest, warnings) = try readManifest(data: Data(text.utf8), path: manifestPath)
        var allWarnings = warnings
        var layers: [LayerName: FeatureCollection] = [:]
        if manifest.layers["boundary"] == nil {
            throw DistrictError.invalidData(path: manifestPath, detail: "layers: no 'boundary' layer (it is required)")
        }
        for (key, entry) in manifest.layers.sorted(by: { $0.key < $1.key }) {
            guard let layer = LayerName(rawValue: key) else {
                allWarnings.append(LoadWarning(path: manifestPath, message: "unknown layer '\(key)' ignored"))
                continue
            }
            let path = "\(name) table \(entry.file)"
            guard let table = tables[entry.file] else { throw DistrictError.missingFile(path: path, what: "table") }
            let collection = try readTable(table, entry: entry, layer: layer, database: database, path: path)
            if collection.features.isEmpty && layer != .boundary {
                allWarnings.append(LoadWarning(path: path, message: "no features: the \(key) layer is empty"))
            }
            layers[layer] = collection
        }
        let boundary = layers[.boundary]?.features ?? []
        let hasArea = boundary.contains { feature in
            switch feature.geometry {
            case .polygon(let p)?: !p.rings.isEmpty
            case .multiPolygon(let m)?: m.polygons.contains { !$0.rings.isEmpty }
            default: false
            }
        }
        if !hasArea {
            throw DistrictError.invalidData(
                path: "\(name) table \(manifest.layers["boundary"]?.file ?? "boundary")",
                detail: "\(boundary.isEmpty ? "no features" : "no feature has a non-empty polygon"): "
                    + "the boundary layer needs at least one Polygon or MultiPolygon")
        }
        return (District(directory: name, manifest: manifest, layers: layers), allWarnings)
    }

    /// One table as a layer: its geometry column's declared type and SRID checked, then read through GDAL.
    private func readTable(
        _ table: PostGISTable, entry: LayerEntry, layer: LayerName, database: PostGISDatabase,
        path: String
    ) throws -> FeatureCollection {
        guard let column = table.geometryColumns.first else {
            throw DistrictError.invalidData(
                path: path,
                detail: "no geometry column: a layer's table needs a PostGIS geometry "
                    + "(or geography) column")
        }
        let declared = column.type.uppercased().replacingOccurrences(of: "ZM", with: "").trimmingCharacters(in: CharacterSet(charactersIn: "ZM"))
        if let allowed = Self.declaredTypes(layer), !allowed.contains(declared) {
            throw DistrictError.invalidData(
                path: path,
                detail: "geometry column '\(column.name)' is \(column.type); the \(layer.rawValue) "
                    + "layer needs \(allowed.filter { $0 != "GEOMETRY" }.joined(separator: " or ")) (or GEOMETRY)")
        }
        if column.srid != 0 && !database.tableHasCRS(table.name) {
            throw DistrictError.invalidData(
                path: path,
                detail: "SRID \(column.srid) of column '\(column.name)' is not a CRS PROJ "
                    + "knows; transform the table to a known SRID (ST_Transform, e.g. to 4326 or the district's metric CRS)")
        }
        let assumed = try Self.assumedCRS(of: entry, path: path)
        let result: VectorReadResult
        do {
            result = try database.read(table: table.name, assumedCRS: assumed)
        } catch let error as FormatsError {
            throw DistrictError.invalidData(
                path: path,
                detail: SettingText(
                    error.detail
                        .replacingOccurrences(of: "the file says no CRS (a CSV, a DXF or a Shapefile without .prj)", with: "SRID 0 (no CRS)")))
        }
        for (index, feature) in result.features.features.enumerated() {
            guard let geometry = feature.geometry, let problem = CoordinateRange.problem(in: geometry) else { continue }
            let id = (feature.properties["id"]?.stringValue ?? feature.id?.stringValue).map { " '\($0)'" } ?? ""
            throw DistrictError.invalidData(path: path, detail: "feature \(index)\(id): \(problem)")
        }
        return result.features
    }

    /// The declared geometry types (PostGIS's names) a layer's table may have; `nil` for layers mixing families.
    static func declaredTypes(_ layer: LayerName) -> [String]? {
        switch LayerSchema.geometryKinds(layer, Feature(geometry: nil)) {
        case LayerSchema.polygonal?: ["POLYGON", "MULTIPOLYGON", "GEOMETRY"]
        case [.point]?: ["POINT", "GEOMETRY"]
        case [.lineString]?: ["LINESTRING", "GEOMETRY"]
        default: nil
        }
    }
}
