import CGDAL
import Foundation
import QTGeometry
import QTProjection

/// Writes layers of features to a GeoPackage, Shapefile, FlatGeobuf or CSV file through GDAL's drivers, in a
/// chosen CRS.
///
/// Features come in WGS84 longitude/latitude and are transformed by PROJ (``QTProjection/Transformer``) before
/// GDAL sees them; the file declares the CRS (a GeoPackage's `gpkg_spatial_ref_sys`, a Shapefile's or CSV's
/// `.prj`, FlatGeobuf's header). Every property becomes a field (see ``FieldSchema``); text is UTF-8,
/// and a Shapefile says so in its `.cpg`. Per format:
/// - GeoPackage: one table per layer, each with its R-tree spatial index, written in one transaction;
/// - Shapefile: one geometry family per file, so a layer mixing families is split into `NAME_points`,
///   `NAME_multipoints`, `NAME_lines` and `NAME_polygons` (a warning says so); GeometryCollections are refused;
///   GDAL shortens field names to 10 characters and strings to 254 bytes, and its warnings are returned;
/// - FlatGeobuf: one layer per file, with its spatial index;
/// - CSV: the geometry as WKT in the first column (`WKT`), the field types in a `.csvt` and the CRS in a `.prj`
///   beside it (GDAL's sidecars; a CSV from elsewhere without them needs the manifest's `crs`).
///
/// GeoJSON is not written here: qtplan's own ``QTGeometry/GeoJSONWriter`` writes it (RFC 7946, 7 decimals).
/// The writer writes where it is told and nothing else; ``StagedOutput`` makes the result appear atomically.
///
/// A writer holds no GDAL handle between calls; each ``write(_:to:)`` opens and closes its own dataset, GEOS
/// context and PROJ transformer, so one writer value can be used from any task.
public struct VectorWriter: Sendable {
    /// The format (any writable one but GeoJSON).
    public var format: VectorFormat
    /// The CRS written: coordinates are transformed to it and the file declares it.
    public var crs: CRS
    /// Whether a GeoPackage gets its R-tree spatial index (the default). Filling it took 60% of the time of
    /// writing a district of a million ways; a file read whole (a built district folder) can do without.
    public var spatialIndex = true

    /// Creates a writer.
    /// - Throws: ``FormatsError/unknownFormat(path:detail:)`` for GeoJSON and DXF, which this writer does not write.
    public init(format: VectorFormat, crs: CRS = .wgs84) throws {
        guard format.isWritable, format != .geojson else {
            throw FormatsError.unknownFormat(path: "", detail: "\(format) is not written through GDAL")
        }
        self.format = format
        self.crs = crs
    }

    /// Writes `layers` to the file `path` (which must not exist yet; its folder must). A GeoPackage holds all
    /// of them; the single-layer formats take exactly one (a Shapefile may become several files, see above).
    /// - Returns: GDAL's warnings and qtplan's own (a split Shapefile layer), one line each.
    /// - Throws: ``FormatsError`` naming `path`: a CRS GDAL cannot declare, a geometry the format cannot hold,
    ///   or the GDAL function that failed.
    public func write(_ layers: [VectorLayer], to path: String) throws -> [String] {
        guard format.holdsManyLayers || layers.count == 1 else {
            throw FormatsError.unsupported(path: path, detail: "a \(format) file holds one layer, not \(layers.count)")
        }
        let context = try GeometryContext()
        let transformer = crs == .wgs84 ? nil : try Transformer(from: .wgs84, to: crs)
        let reference = try SpatialReference(crs, path: path)
        let (notes, gdalWarnings) = try GDALCall.collectingWarnings { () throws -> [String] in
            // A Shapefile dataset is its folder: each layer becomes NAME.shp there, named after the file.
            let url = URL(fileURLWithPath: path)
            let dataset = try OutputDataset(path: format == .shp ? url.deletingLastPathComponent().path : path, format: format)
            dataset.spatialIndex = spatialIndex
            var notes: [String] = []
            for var layer in layers {
                if format == .shp { layer.name = url.deletingPathExtension().lastPathComponent }
                for (name, features) in try parts(of: layer, path: path) {
                    if name != layer.name {
                        notes.append(
                            "\(path): layer '\(layer.name)' mixes geometry kinds; its \(features.count) "
                                + "\(name.split(separator: "_").last ?? "") written as \(name).shp")
                    }
                    try dataset.writeLayer(
                        name: name, features: features, reference: reference, context: context,
                        transformer: transformer)
                }
            }
            try dataset.close()
            return notes
        }
        return notes + gdalWarnings.map { "\(path): GDAL: \($0)" }
    }

    /// The layers a layer becomes: itself, or for a Shapefile one per geometry family present.
    private func parts(of layer: VectorLayer, path: String) throws -> [(String, [Feature])] {
        guard format == .shp else { return [(layer.name, layer.features.features)] }
        var families: [String: [Feature]] = [:]
        for (index, feature) in layer.features.features.enumerated() {
            let family: String
            switch feature.geometry?.kind {
            case nil: family = ""
            case .point?: family = "points"
            case .multiPoint?: family = "multipoints"
            case .lineString?, .linearRing?, .multiLineString?: family = "lines"
            case .polygon?, .multiPolygon?: family = "polygons"
            case .geometryCollection?:
                throw FormatsError.unsupported(
                    path: path,
                    detail: "layer '\(layer.name)' feature \(index): a "
                        + "GeometryCollection cannot be written to a Shapefile; use gpkg, fgb or geojson")
            }
            families[family, default: []].append(feature)
        }
        let named = families.filter { !$0.key.isEmpty }
        // Features without geometry go with the first family (a Shapefile holds null shapes of any type).
        guard named.count > 1 else { return [(layer.name, layer.features.features)] }
        var out = named.sorted { $0.key < $1.key }.map { ("\(layer.name)_\($0.key)", $0.value) }
        if let none = families[""] { out[0].1 += none }
        return out
    }
}

/// A dataset being written: created by the format's driver, closed (and so flushed) exactly once.
/// The corresponding GDAL functions are `GDALGetDriverByName`, `GDALCreate` and `GDALClose`.
final class OutputDataset {
    private var handle: GDALDatasetH?
    /// Whether a GeoPackage's layers get their R-tree.
    var spatialIndex = true
    let path: String
    let format: VectorFormat

    init(path: String, format: VectorFormat) throws {
        self.path = path
        self.format = format
        guard let name = format.driverName else {
            throw FormatsError.unknownFormat(path: path, detail: "\(format) is not written through GDAL")
        }
        let driver = try GDALCall.handle("GDALGetDriverByName") { GDALGetDriverByName(name) }
        handle = try GDALCall.handle("GDALCreate") { GDALCreate(driver, path, 0, 0, 0, GDT_Unknown, nil) }
    }

    deinit { if let handle { GDALClose(handle) } }

    /// Closes the dataset, writing what GDAL still holds. The corresponding GDAL function is `GDALClose`
    /// (GDAL 3.6's returns nothing: a failure shows as the last error).
    func close() throws {
        guard let handle else { return }
        self.handle = nil
        CPLErrorReset()
        GDALClose(handle)
        if CPLGetLastErrorType().rawValue >= CE_Failure.rawValue { throw GDALCall.error("GDALClose") }
    }

    /// The layer creation options of each format.
    private var layerOptions: [String] {
        switch format {
        case .gpkg: [spatialIndex ? "SPATIAL_INDEX=YES" : "SPATIAL_INDEX=NO", "GEOMETRY_NAME=geom", "FID=fid"]
        case .shp: ["ENCODING=UTF-8"]
        case .fgb: ["SPATIAL_INDEX=YES"]
        // The .csvt sidecar keeps the field types (quoting cannot: GDAL 3.6 quotes integers too), and GDAL
        // writes the CRS beside it in a .prj.
        case .csv: ["GEOMETRY=AS_WKT", "CREATE_CSVT=YES", "LINEFORMAT=LF"]
        case .geojson, .dxf: []
        }
    }

    /// Creates one layer with its fields and writes `features` into it.
    /// The corresponding GDAL functions are `GDALDatasetCreateLayer`, `OGR_Fld_Create`, `OGR_L_CreateField`,
    /// `OGR_F_Create`, `OGR_F_SetField…`, `OGR_F_SetGeometryDirectly`, `OGR_L_CreateFeature` and the dataset
    /// transaction functions.
    func writeLayer(
        name: String, features: [Feature], reference: SpatialReference, context: GeometryContext,
        transformer: Transformer?
    ) throws {
        guard let dataset = handle else { throw FormatsError.cannotWrite(path: path, detail: "the dataset is closed") }
        let kinds = Set(features.compactMap { $0.geometry?.kind })
        let layer = try CStringList(layerOptions).withPointer { options in
            try GDALCall.handle("GDALDatasetCreateLayer") {
                GDALDatasetCreateLayer(dataset, name, reference.handle, OGRGeometry.layerType(for: kinds), options)
            }
        }
        try Self.fill(
            layer, of: dataset, name: name, path: path, features: features, context: context, transformer: transformer,
            transaction: true)
    }

    /// Creates the fields of `features` in a new, empty `layer` of `dataset` and writes the features into it
    /// (transformed by `transformer`), inside a transaction of its own when `transaction` and the driver has them.
    static func fill(
        _ layer: OGRLayerH, of dataset: GDALDatasetH, name: String, path: String, features: [Feature],
        context: GeometryContext, transformer: Transformer?, transaction wanted: Bool
    ) throws {
        let schema = FieldSchema.infer(features)
        for field in schema {
            let definition = try GDALCall.handle("OGR_Fld_Create") { OGR_Fld_Create(field.name, field.kind.ogrType) }
            defer { OGR_Fld_Destroy(definition) }
            OGR_Fld_SetSubType(definition, field.kind.ogrSubtype)
            try GDALCall.ogr("OGR_L_CreateField") { OGR_L_CreateField(layer, definition, 1) }
        }
        let transaction = wanted && GDALDatasetStartTransaction(dataset, 0) == OGRERR_NONE
        let definition = try GDALCall.handle("OGR_L_GetLayerDefn") { OGR_L_GetLayerDefn(layer) }
        let json = GeoJSONWriter()
        for (index, feature) in features.enumerated() {
            let handle = try GDALCall.handle("OGR_F_Create") { OGR_F_Create(definition) }
            defer { OGR_F_Destroy(handle) }
            let properties = FieldSchema.properties(of: feature)
            for (i, field) in schema.enumerated() {
                guard let value = properties[field.name] else { continue }
                Self.set(value, kind: field.kind, field: Int32(i), of: handle, json: json)
            }
            if var geometry = feature.geometry {
                do {
                    if let transformer { geometry = try transformer.transform(geometry) }
                    let made = try OGRGeometry.make(geometry, context: context)
                    try GDALCall.ogr("OGR_F_SetGeometryDirectly") { OGR_F_SetGeometryDirectly(handle, made) } // takes `made`
                } catch {
                    throw FormatsError.unsupported(path: path, detail: "layer '\(name)' feature \(index): \(error)")
                }
            }
            try GDALCall.ogr("OGR_L_CreateFeature") { OGR_L_CreateFeature(layer, handle) }
        }
        if transaction { try GDALCall.ogr("GDALDatasetCommitTransaction") { GDALDatasetCommitTransaction(dataset) } }
    }

    /// Sets field `index` of `feature` to `value` stored as `kind`.
    private static func set(
        _ value: JSONValue, kind: FieldKind, field index: Int32, of feature: OGRFeatureH,
        json: GeoJSONWriter
    ) {
        switch (kind, value) {
        case (_, .null): OGR_F_SetFieldNull(feature, index)
        case (.integer, .number(let d)): OGR_F_SetFieldInteger64(feature, index, Int64(d))
        case (.real, .number(let d)): OGR_F_SetFieldDouble(feature, index, d)
        case (.boolean, .bool(let b)): OGR_F_SetFieldInteger(feature, index, b ? 1 : 0)
        case (.string, .string(let s)): OGR_F_SetFieldString(feature, index, s)
        default: OGR_F_SetFieldString(feature, index, json.string(value))
        }
    }
}

@available(*, unavailable)
extension OutputDataset: Sendable {}
