import Foundation
import QTFormats
import QTGeometry
import QTModel
import QTProjection
import QTText

/// What `export` is asked: which layers, where, in which format and CRS.
public struct ExportRequest: Sendable, Hashable {
    /// The layers, in the district's layer order.
    public var layers: [LayerName]
    /// The output file, or a folder for one file per layer.
    public var destination: String
    /// Whether ``destination`` is a folder.
    public var asFolder: Bool
    /// The format written.
    public var format: VectorFormat
    /// The CRS written.
    public var crs: CRS
    /// Allow overwriting the district's own input files.
    public var overwriteInputs: Bool
    /// Leave out the layers the district lacks (`--all`: optional layers such as parks may be absent) instead of
    /// refusing them.
    public var presentOnly: Bool

    /// A request.
    public init(
        layers: [LayerName], destination: String, asFolder: Bool, format: VectorFormat, crs: CRS = .wgs84,
        overwriteInputs: Bool = false, presentOnly: Bool = false
    ) {
        self.layers = layers
        self.destination = destination
        self.asFolder = asFolder
        self.format = format
        self.crs = crs
        self.overwriteInputs = overwriteInputs
        self.presentOnly = presentOnly
    }

    /// Whether `path` names a folder: an existing one, a path ending in `/`, or a name without extension (never
    /// a database, `PG:…`).
    public static func isFolder(_ path: String) -> Bool {
        if PostGISLocation.names(path) { return false }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) { return isDirectory.boolValue }
        return path.hasSuffix("/") || URL(fileURLWithPath: path).pathExtension.isEmpty
    }
}

/// What an export wrote.
public struct ExportResult: Sendable {
    /// One entry per layer: its name, its features and the file it went to.
    public var written: [(layer: String, features: Int, file: String)]
    /// The CRS written.
    public var crs: CRS
    /// The format written.
    public var format: VectorFormat
    /// GDAL's warnings (shortened Shapefile field names, …).
    public var warnings: [String]
}

/// `export`: a district's layers as GeoJSON, GeoPackage, Shapefile, FlatGeobuf or CSV, written atomically.
public enum ExportJob {
    /// Checks what the format can take before the district is read.
    public static func check(_ request: ExportRequest) throws {
        // With presentOnly the layers are counted once the district is read (run checks again).
        try FeatureFiles.check(
            format: request.format, crs: request.crs,
            layerCount: request.asFolder || request.presentOnly ? 1 : request.layers.count,
            path: request.destination, setting: .output)
    }

    /// `collection` with each feature's sub-district named, for the attribute tables of GeoPackage, Shapefile,
    /// FlatGeobuf and CSV exports: a feature whose `subdistrict` is the id of a feature
    /// of the sub-district layer gets that feature's `name` as `subdistrict_name` (the Chinese name in the bundled
    /// district), unless it has one. Other features are unchanged.
    static func namingSubdistricts(_ collection: FeatureCollection, in district: District) -> FeatureCollection {
        var names: [String: String] = [:]
        for zone in district.features(.subdistricts) {
            if let id = zone.properties["id"]?.stringValue ?? zone.id?.stringValue, let name = zone.properties["name"]?.stringValue { names[id] = name }
        }
        guard !names.isEmpty else { return collection }
        var out = collection
        for i in out.features.indices {
            guard out.features[i].properties["subdistrict_name"] == nil,
                let id = out.features[i].properties["subdistrict"]?.stringValue, let name = names[id]
            else { continue }
            out.features[i].properties["subdistrict_name"] = .string(name)
        }
        return out
    }

    /// Writes the layers of `district`.
    /// - Throws: ``PlanError``: `missingInput` for a layer the district lacks, `cannotWrite` for an input file that
    ///   would be overwritten (without ``ExportRequest/overwriteInputs``) or a failed write.
    public static func run(_ request: ExportRequest, on district: District, settings: OutputSettings) throws -> ExportResult {
        let layers = try request.layers.filter { !request.presentOnly || district.layers[$0] != nil }.map { name -> VectorLayer in
            guard let collection = district.layers[name] else {
                throw PlanError(.missingInput, "\(district.directory): the district has no '\(name.rawValue)' layer")
            }
            // GeoJSON is the district's own format, written as the district has it (a round trip is byte-identical);
            // the attribute tables of the other formats name each feature's sub-district.
            let named = request.format == .geojson ? collection : Self.namingSubdistricts(collection, in: district)
            return VectorLayer(name: name.rawValue, features: named)
        }
        if PostGISLocation.names(request.destination) {
            try FeatureFiles.check(format: .gpkg, crs: request.crs, layerCount: layers.count, path: request.destination, setting: .output)
            // Every layer (--all) makes a district a schema can be loaded as: its manifest goes beside them.
            let tables =
                request.presentOnly
                ? [try DatabaseOutput.manifestTable(of: district, layers: layers.compactMap { LayerName(rawValue: $0.name) })] : []
            try DatabaseOutput.write(layers, tables: tables, to: request.destination, crs: request.crs, what: "the export", settings: settings)
            let location = try DatabaseOutput.location(request.destination)
            return ExportResult(
                written: layers.map { ($0.name, $0.features.features.count, "\(location) table \($0.name)") }
                    + tables.map { ($0.name, $0.rows.count, "\(location) table \($0.name)") },
                crs: request.crs, format: .gpkg, warnings: [])
        }
        if !request.asFolder {
            try FeatureFiles.check(format: request.format, crs: request.crs, layerCount: layers.count, path: request.destination, setting: .output)
        }
        let destinations =
            request.asFolder
            ? layers.map { (request.destination as NSString).appendingPathComponent("\($0.name).\(request.format.fileExtension)") }
            : [request.destination]
        var settings = settings
        if !request.overwriteInputs {
            var inputs = RunInputs()
            inputs.add(district)
            inputs.override = .overwriteInputs
            settings = settings.guarding(inputs)
        }
        // Refused before anything is written; AtomicOutput checks again on the files staged.
        for destination in destinations {
            try AtomicOutput.check(destination, isFolder: false, settings: settings)
        }
        let warnings: [String]
        if request.asFolder {
            warnings = try FeatureFiles.writeFolder(
                layers, to: request.destination, format: request.format, crs: request.crs,
                what: "the export", settings: settings)
        } else {
            warnings = try FeatureFiles.write(
                layers, to: request.destination, crs: request.crs, what: "the export", setting: .output,
                settings: settings)
        }
        let files = request.asFolder ? destinations : Array(repeating: request.destination, count: layers.count)
        return ExportResult(
            written: zip(layers, files).map { ($0.name, $0.features.features.count, $1) }, crs: request.crs,
            format: request.format, warnings: warnings)
    }
}

extension ExportResult {
    /// What was written, for people.
    public var table: String {
        var rows: [(String, String)] = written.map { entry in
            (entry.layer, "\(NumberText.grouped(entry.features)) feature\(entry.features == 1 ? "" : "s") → \(entry.file)")
        }
        rows.append(("CRS", "\(crs)\(format == .geojson ? " (RFC 7946)" : "")"))
        return TextColumns.labelled(rows)
    }
}
