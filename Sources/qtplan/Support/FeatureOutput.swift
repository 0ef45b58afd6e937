import ArgumentParser
import Foundation
import QTFormats
import QTGeometry
import QTProjection

/// Writes layers of features to the format a path's extension names: GeoJSON by qtplan's own writer
/// (RFC 7946: WGS84, counter-clockwise exteriors, 7 decimals), GeoPackage, Shapefile, FlatGeobuf and CSV
/// through GDAL (``QTFormats/VectorWriter``), always atomically (``AtomicFile/stage(_:isFolder:what:_:)``).
///
/// Every feature output of the CLI goes through here: `export`, `coverage --areas/--gaps`, `landuse --gaps`,
/// `validate --problems`, `isochrone -o`, `site-suggest -o`. Exit codes: 64 for an extension that names no
/// writable format, a GeoJSON asked for in another CRS than WGS84, or several layers for a single-layer file;
/// 73 when the file cannot be written.
enum FeatureOutput {
    /// The format of an output path, from its extension.
    /// - Throws: ``CLIFailure`` (64) naming the option and the formats written.
    static func format(of path: String, option: String) throws -> VectorFormat {
        guard let format = VectorFormat(path: path), format.isWritable else {
            let ext = URL(fileURLWithPath: path).pathExtension
            throw CLIFailure(status: .usage, message: "\(option) \(path): " + (ext.isEmpty ? "no extension" : "unknown extension '.\(ext)'")
                + "; write one of \(VectorFormat.writableList) (e.g. \(URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent).gpkg)")
        }
        return format
    }

    /// For a command's `validate()`: the same check as ``format(of:option:)``, as argument-parser's usage error.
    static func validate(_ path: String?, option: String) throws {
        guard let path else { return }
        do {
            _ = try format(of: path, option: option)
        } catch let failure as CLIFailure {
            throw ValidationError(failure.message)
        }
    }

    /// Checks what a format can take before anything is computed or written.
    static func check(format: VectorFormat, crs: CRS, layerCount: Int, path: String, option: String) throws {
        if format == .geojson && crs != .wgs84 {
            throw CLIFailure(status: .usage, message: "\(option) \(path): GeoJSON is always WGS84 longitude/latitude (RFC 7946); "
                + "for \(crs) write .gpkg, .shp, .fgb or .csv")
        }
        if case .gcj02 = crs {
            throw CLIFailure(status: .usage, message: "--crs GCJ02: no file can declare GCJ-02 (it is an obfuscation of WGS84 "
                + "that PROJ and GDAL do not know); write WGS84 or a projected CRS such as EPSG:4549")
        }
        if layerCount > 1 && !format.holdsManyLayers {
            throw CLIFailure(status: .usage, message: "\(option) \(path): a \(format) file holds one layer, not \(layerCount); "
                + "write a .gpkg, or give a folder for one file per layer")
        }
    }

    /// Writes `layers` to the file `path` in the format of its extension, in `crs`.
    static func write(_ layers: [VectorLayer], to path: String, crs: CRS = .wgs84, what: String, option: String) throws {
        let format = try format(of: path, option: option)
        try check(format: format, crs: crs, layerCount: layers.count, path: path, option: option)
        try AtomicFile.stage(path, isFolder: false, what: what) { staged in
            try write(layers, format: format, crs: crs, as: URL(fileURLWithPath: path).lastPathComponent, into: staged)
        }
    }

    /// Writes one feature collection as the layer `layer` of the file `path`.
    static func write(_ features: [Feature], layer: String, to path: String, what: String, option: String) throws {
        try write([VectorLayer(name: layer, features: FeatureCollection(features: features))], to: path, what: what, option: option)
    }

    /// Writes each layer to its own file `LAYER.EXT` in the folder `path` (created if missing).
    static func writeFolder(_ layers: [VectorLayer], to path: String, format: VectorFormat, crs: CRS, what: String) throws {
        try check(format: format, crs: crs, layerCount: 1, path: path, option: "-o")
        try AtomicFile.stage(path, isFolder: true, what: what) { staged in
            for layer in layers {
                try write([layer], format: format, crs: crs, as: "\(layer.name).\(format.fileExtension)", into: staged)
            }
        }
    }

    /// Writes into a staging folder; GDAL's warnings go to stderr.
    private static func write(_ layers: [VectorLayer], format: VectorFormat, crs: CRS, as name: String, into staged: StagedOutput) throws {
        if format == .geojson {
            try staged.write(GeoJSONWriter().data(layers.first?.features ?? FeatureCollection()), as: name)
            return
        }
        let warnings = try VectorWriter(format: format, crs: crs).write(layers, to: staged.stagedPath(name))
        // The staging folder is an implementation detail: name the destination's folder in what users read.
        let folder = staged.isFolder ? staged.destination : (staged.destination as NSString).deletingLastPathComponent
        for warning in condensed(warnings) {
            Diagnostics.warning(warning.replacingOccurrences(of: staged.stagingFolder, with: folder))
        }
    }

    /// GDAL's one warning per shortened Shapefile field name, made one line per file:
    /// "fields renamed to fit the Shapefile's 10 characters: subdistrict → subdistric, …".
    static func condensed(_ warnings: [String]) -> [String] {
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
