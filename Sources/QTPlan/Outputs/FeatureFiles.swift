import Foundation
import QTFormats
import QTGeometry
import QTModel
import QTProjection

/// Writes layers of features to the format a path's extension names: GeoJSON by qtplan's own writer (RFC 7946:
/// WGS84, counter-clockwise exteriors, 7 decimals), GeoPackage, Shapefile, FlatGeobuf and CSV through GDAL
/// (``QTFormats/VectorWriter``), always atomically (``AtomicOutput``); text in CSV files is neutralised against
/// spreadsheet formulas (``CSVLayers``).
///
/// A destination `PG:dbname=… schema=…` is a schema of a PostGIS database instead: each layer a table, written in
/// one transaction (``DatabaseOutput``).
///
/// Every feature output goes through here: exports, service areas and gaps, land-use gaps, validation problems,
/// isochrones, suggested sites. Each names the output by the ``QTModel/RequestSetting`` that chose its path.
/// Errors: ``PlanError`` `usage` for an extension that names no writable format, a GeoJSON asked for in another
/// CRS than WGS84, or several layers for a single-layer file; `cannotWrite` when the file cannot be written.
public enum FeatureFiles {
    /// The format of an output path, from its extension.
    public static func format(of path: String, setting: RequestSetting) throws(PlanError) -> VectorFormat {
        if PostGISLocation.names(path) { return .gpkg } // tables of a schema: many layers, any CRS, as a GeoPackage holds them
        guard let format = VectorFormat(path: path), format.isWritable else {
            let ext = URL(fileURLWithPath: path).pathExtension
            let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            throw PlanError(
                .usage,
                "\(setting: setting) \(path): " + (ext.isEmpty ? "no extension" : "unknown extension '.\(ext)'")
                    + "; write one of \(VectorFormat.writableList) (e.g. \(stem).gpkg)")
        }
        return format
    }

    /// Checks what a format can take before anything is computed or written.
    public static func check(format: VectorFormat, crs: CRS, layerCount: Int, path: String, setting: RequestSetting) throws(PlanError) {
        if format == .geojson && crs != .wgs84 {
            throw PlanError(
                .usage,
                "\(setting: setting) \(path): GeoJSON is always WGS84 longitude/latitude (RFC 7946); "
                    + "for \(crs) write .gpkg, .shp, .fgb or .csv")
        }
        if crs.isChineseOffset {
            throw PlanError(
                .usage,
                "\(setting: .outputCRS) \(crs): no file can declare GCJ-02 or BD-09 (they are obfuscations of "
                    + "WGS84 that PROJ and GDAL do not know); write WGS84 or a projected CRS such as EPSG:4549")
        }
        if layerCount > 1 && !format.holdsManyLayers {
            throw PlanError(
                .usage,
                "\(setting: setting) \(path): a \(format) file holds one layer, not \(layerCount); "
                    + "write a .gpkg, or give a folder for one file per layer")
        }
    }

    /// Writes `layers` to the file `path` in the format of its extension, in `crs`; returns GDAL's warnings.
    @discardableResult
    public static func write(
        _ layers: [VectorLayer], to path: String, crs: CRS = .wgs84, what: String,
        setting: RequestSetting, settings: OutputSettings
    ) throws -> [String] {
        if PostGISLocation.names(path) {
            try DatabaseOutput.write(layers, to: path, crs: crs, what: what, settings: settings)
            return []
        }
        let format = try format(of: path, setting: setting)
        try check(format: format, crs: crs, layerCount: layers.count, path: path, setting: setting)
        var warnings: [String] = []
        try AtomicOutput.stage(path, isFolder: false, what: what, settings: settings) { staged in
            warnings = try write(layers, format: format, crs: crs, as: URL(fileURLWithPath: path).lastPathComponent, into: staged)
        }
        return warnings
    }

    /// Writes one feature collection as the layer `layer` of the file `path`; returns GDAL's warnings.
    @discardableResult
    public static func write(
        _ features: [Feature], layer: String, to path: String, what: String, setting: RequestSetting,
        settings: OutputSettings
    ) throws -> [String] {
        try write(
            [VectorLayer(name: layer, features: FeatureCollection(features: features))], to: path, what: what,
            setting: setting, settings: settings)
    }

    /// Writes each layer to its own file `LAYER.EXT` in the folder `path` (created if missing); returns GDAL's
    /// warnings.
    @discardableResult
    public static func writeFolder(
        _ layers: [VectorLayer], to path: String, format: VectorFormat, crs: CRS, what: String,
        settings: OutputSettings
    ) throws -> [String] {
        try check(format: format, crs: crs, layerCount: 1, path: path, setting: .output)
        var warnings: [String] = []
        try AtomicOutput.stage(path, isFolder: true, what: what, settings: settings) { staged in
            for layer in layers {
                warnings += try write([layer], format: format, crs: crs, as: "\(layer.name).\(format.fileExtension)", into: staged)
            }
        }
        return warnings
    }

    /// Writes into a staging folder; returns GDAL's warnings, named by the destination.
    private static func write(_ layers: [VectorLayer], format: VectorFormat, crs: CRS, as name: String, into staged: StagedOutput) throws -> [String] {
        if format == .geojson {
            try staged.write(GeoJSONWriter().data(layers.first?.features ?? FeatureCollection()), as: name)
            return []
        }
        let layers = format == .csv ? CSVLayers.neutralised(layers) : layers
        let warnings = try VectorWriter(format: format, crs: crs).write(layers, to: staged.stagedPath(name))
        // The staging folder is an implementation detail: name the destination's folder in what users read.
        let folder = staged.isFolder ? staged.destination : (staged.destination as NSString).deletingLastPathComponent
        return condensed(warnings).map { $0.replacingOccurrences(of: staged.stagingFolder, with: folder) }
    }

    /// GDAL's one warning per shortened Shapefile field name, made one line per file:
    /// "fields renamed to fit the Shapefile's 10 characters: subdistrict → subdistric, …".
    public static func condensed(_ warnings: [String]) -> [String] {
        let marker = ": GDAL: Normalized/laundered field name: '"
        var renamed: [String: [String]] = [:]
        var order: [String] = []
        var out: [String] = []
        for warning in warnings {
            guard let range = warning.range(of: marker) else { out.append(warning); continue }
            let file = String(warning[..<range.lowerBound])
            let names = warning[range.upperBound...].split(separator: "'")
            guard names.count >= 3 else { out.append(warning); continue }
            if renamed[file] == nil { order.append(file) }
            renamed[file, default: []].append("\(names[0]) → \(names[2])")
        }
        return order.map { "\($0): fields renamed to fit a Shapefile's 10 characters: \(renamed[$0, default: []].joined(separator: ", "))" } + out
    }
}
