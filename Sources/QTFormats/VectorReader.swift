import CGDAL
import Foundation
import QTGeometry
import QTProjection

/// Reads one layer of a GeoPackage, Shapefile, FlatGeobuf, CSV or DXF file through GDAL, into features in
/// WGS84 longitude/latitude.
///
/// - **CRS**: the file's own (a GeoPackage's, a Shapefile's or CSV's `.prj`, FlatGeobuf's header); for a file
///   that carries none (a DXF, a Shapefile or CSV without `.prj`) the caller's ``assumedCRS``; with neither the read is
///   refused, because a guess would put the data in the wrong place. GCJ-02 can only be assumed, never read
///   from a file. Coordinates are taken longitude (easting) first, as files store them, and transformed by PROJ.
/// - **Fields** become properties: integers and reals numbers, booleans `true`/`false`, JSON strings values,
///   null fields `null`; dates their text.
/// - **Text** must be UTF-8 once GDAL has recoded it from the file's code page. A Shapefile whose `.cpg`
///   names the wrong code page shows up as bytes that are not UTF-8 (GBK behind a `.cpg` saying UTF-8, or
///   no `.cpg` at all), or as Chinese read as Latin-1 ("Ç®ÌÁÇø" for 钱塘区, behind a `.cpg` saying 1252; a
///   DXF whose `$DWGCODEPAGE` is wrong alike); both are refused with the field and feature named and the
///   remedy (``encoding``, e.g. `GBK`), unless an encoding is given.
/// - **Geometry**: curves are made linear, heights dropped (the model is 2-D), each said once in the warnings.
/// - **CSV**: the geometry from a `WKT` (or `geometry`, `geom`) column, or points from `lon`/`lat` (`x`/`y`)
///   columns; field types from a `.csvt` beside it, otherwise quoted cells stay text and unquoted ones become
///   numbers when every value of the column is one; empty cells are null.
public struct VectorReader: Sendable {
    /// The CRS of a file that carries none (a DXF, a Shapefile or CSV without `.prj`).
    public var assumedCRS: CRS?
    /// The code page of a Shapefile's text when its `.cpg` is missing or wrong (GDAL's `ENCODING` open option:
    /// `GBK`, `CP936`, `UTF-8`, …).
    public var encoding: String?

    /// Creates a reader.
    public init(assumedCRS: CRS? = nil, encoding: String? = nil) {
        self.assumedCRS = assumedCRS
        self.encoding = encoding
    }

    /// The names of the layers in the file at `path`.
    /// - Throws: ``FormatsError`` when the file is missing or GDAL cannot open it.
    public func layerNames(at path: String) throws -> [String] {
        try withEncoding(for: path) { try InputDataset(path: path, options: openOptions(for: path)).layerNames }
    }

    /// Reads the layer `layer` of the file at `path`; without a name, the file's only layer, or the one named
    /// `preferred` when the file has several (a GeoPackage holding a whole district).
    /// - Throws: ``FormatsError`` naming the file (and the feature and field where one is at fault).
    public func read(path: String, layer: String? = nil, preferred: String? = nil) throws -> VectorReadResult {
        try withEncoding(for: path) {
            try read(
                path: path, dataset: try InputDataset(path: path, options: openOptions(for: path)),
                layer: layer, preferred: preferred)
        }
    }

    /// The rows of a table without geometry (a CSV of census figures), every cell as text exactly as written
    /// (GDAL's CSV driver without type detection: zone ids such as `001` keep their zeros); empty cells absent.
    /// - Throws: ``FormatsError`` naming the file (and the row and column of text that is not UTF-8).
    public func readTable(path: String) throws -> [[String: String]] {
        let dataset = try InputDataset(path: path, options: ["AUTODETECT_TYPE=NO", "EMPTY_STRING_AS_NULL=YES", "KEEP_GEOM_COLUMNS=YES"])
        guard let name = dataset.layerNames.first else { throw FormatsError.invalidData(path: path, detail: "the file holds no table") }
        let rows = try dataset.read(layer: name, assumedCRS: assumedCRS ?? .wgs84, checkMisreadText: false).features.features
        return rows.map { row in row.properties.compactMapValues { $0.stringValue } }
    }

    private func read(path: String, dataset: InputDataset, layer: String?, preferred: String?) throws -> VectorReadResult {
        let names = dataset.layerNames
        let name: String
        if let layer {
            guard names.contains(layer) else {
                throw FormatsError.invalidData(path: path, detail: "no layer '\(layer)' (the file has: \(names.joined(separator: ", ")))")
            }
            name = layer
        } else if names.count == 1 {
            name = names[0]
        } else if let preferred, names.contains(preferred) {
            name = preferred
        } else {
            throw FormatsError.invalidData(
                path: path,
                detail: names.isEmpty
                    ? "the file holds no layer"
                    : "the file holds \(names.count) layers (\(names.joined(separator: ", "))): name one")
        }
        // Text of a Shapefile or DXF whose code page was guessed is checked for Chinese read as Latin-1; with
        // an encoding given, the user has said what it is.
        let format = VectorFormat(path: path)
        return try dataset.read(layer: name, assumedCRS: assumedCRS, checkMisreadText: encoding == nil && (format == .shp || format == .dxf))
    }

    /// The open options: CSV's geometry columns and type detection, a Shapefile's code page.
    private func openOptions(for path: String) -> [String] {
        switch VectorFormat(path: path) {
        case .csv?:
            [
                "GEOM_POSSIBLE_NAMES=WKT,wkt,geometry,geom,the_geom", "X_POSSIBLE_NAMES=lon,lng,longitude,x",
                "Y_POSSIBLE_NAMES=lat,latitude,y", "KEEP_GEOM_COLUMNS=NO", "AUTODETECT_TYPE=YES",
                "QUOTED_FIELDS_AS_STRING=YES", "EMPTY_STRING_AS_NULL=YES"
            ]
        case .shp?: encoding.map { ["ENCODING=\($0)"] } ?? []
        default: []
        }
    }

    /// Runs `body` with GDAL's DXF code page set for this thread when an ``encoding`` is given (the DXF driver
    /// has no open option for it, only the `DXF_ENCODING` configuration option, set thread-locally here so
    /// that no other task sees it). The corresponding GDAL function is `CPLSetThreadLocalConfigOption`.
    private func withEncoding<T>(for path: String, _ body: () throws -> T) rethrows -> T {
        guard VectorFormat(path: path) == .dxf, let encoding else { return try body() }
        GDALRuntime.ensure()
        CPLSetThreadLocalConfigOption("DXF_ENCODING", encoding)
        defer { CPLSetThreadLocalConfigOption("DXF_ENCODING", nil) }
        return try body()
    }
}

/// A dataset opened for reading, closed in `deinit`.
/// The corresponding GDAL functions are `GDALOpenEx` and `GDALClose`.
final class InputDataset {
    private let handle: GDALDatasetH
    let path: String
    let format: VectorFormat

    init(path: String, options: [String]) throws {
        guard FileManager.default.fileExists(atPath: path) else { throw FormatsError.missingFile(path: path) }
        guard let format = VectorFormat(path: path), format != .geojson else {
            throw FormatsError.unknownFormat(path: path, detail: "not a format read through GDAL (\(VectorFormat.readableList))")
        }
        if format == .shp { try Self.requireDBF(path: path) }
        let driver = format.driverName.map { CStringList([$0]) } ?? CStringList([])
        self.path = path
        self.format = format
        do {
            handle = try driver.withConstPointer { drivers in
                try CStringList(options).withConstPointer { open in
                    try GDALCall.handle("GDALOpenEx") {
                        GDALOpenEx(path, UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR), drivers, open, nil)
                    }
                }
            }
        } catch let FormatsError.gdal(_, message) {
            throw FormatsError.invalidData(path: path, detail: "GDAL cannot read it as \(format): \(message)")
        }
    }

    deinit { GDALClose(handle) }

    /// A Shapefile without its `.dbf` opens in GDAL with every attribute gone (ids, types, sources): refused.
    static func requireDBF(path: String) throws {
        let stem = (path as NSString).deletingPathExtension
        guard !["dbf", "DBF", "Dbf"].contains(where: { FileManager.default.fileExists(atPath: "\(stem).\($0)") }) else { return }
        throw FormatsError.invalidData(
            path: path,
            detail: "the Shapefile has no .dbf beside it (\((stem as NSString).lastPathComponent).dbf): "
                + "without it every attribute (id, type, source) would be lost; copy the .dbf with the .shp")
    }

    /// Refuses a layer read only in part: GDAL reported an error during the read loop (a truncated FlatGeobuf,
    /// `.shp` or `.dbf`, a CSV line over GDAL's limit), or fewer or more features were read than the file
    /// declares. `OGR_L_GetNextFeature` returns `NULL` at the end of a layer and on a damaged file alike.
    static func checkComplete(
        path: String, format: VectorFormat?, read: Int, declared: Int,
        failures: [(feature: Int, message: String)]
    ) throws {
        if let first = failures.first {
            let others = failures.count > 1 ? " (and \(failures.count - 1) more GDAL errors)" : ""
            throw FormatsError.invalidData(
                path: path,
                detail: "damaged at feature \(first.feature) (\(read) of the layer's "
                    + "features read in all): GDAL: \(first.message)\(others); the file is cut short or corrupt, re-export it")
        }
        if declared >= 0 && declared != read {
            throw FormatsError.invalidData(
                path: path,
                detail: "damaged: the \(format.map { "\($0)" } ?? "table") declares \(declared) features, "
                    + "\(read) could be read (reading stopped at feature \(read)); the file is cut short or corrupt, re-export it")
        }
    }

    /// The layers' names, in file order.
    var layerNames: [String] {
        (0..<GDALDatasetGetLayerCount(handle)).compactMap { i in
            GDALDatasetGetLayer(handle, i).flatMap { OGR_L_GetName($0) }.map { String(cString: $0) }
        }
    }

    /// Reads the layer `name`, transforming coordinates from the file's CRS (or `assumedCRS`) to WGS84.
    func read(layer name: String, assumedCRS: CRS?, checkMisreadText: Bool) throws -> VectorReadResult {
        let layer = try GDALCall.handle("GDALDatasetGetLayerByName") { GDALDatasetGetLayerByName(handle, name) }
        return try Self.read(
            layer: layer, name: name, path: path, format: format, assumedCRS: assumedCRS, checkMisreadText: checkMisreadText)
    }

    /// Reads an open layer (of a file in `format`, or of a database table when `format` is `nil`; `path` names it
    /// in messages), transforming coordinates from its CRS (or `assumedCRS`) to WGS84.
    static func read(
        layer: OGRLayerH, name: String, path: String, format: VectorFormat?, assumedCRS: CRS?, checkMisreadText: Bool
    ) throws -> VectorReadResult {
        let crs: CRS
        if let reference = OGR_L_GetSpatialRef(layer) {
            do {
                crs = try SpatialReference.crs(of: reference)
            } catch {
                throw FormatsError.invalidData(
                    path: path,
                    detail: "the CRS the file declares cannot be read (\(error)): "
                        + "the file is damaged, or its CRS is one GDAL cannot express; re-export it with an EPSG code")
            }
        } else if let assumedCRS {
            crs = assumedCRS
        } else {
            throw FormatsError.invalidData(
                path: path,
                detail: "the file says no CRS (a CSV, a DXF or a Shapefile "
                    + "without .prj): give it in the district manifest's layer entry (\"crs\": \"EPSG:4549\", \"GCJ02\", …)")
        }
        let transformer = crs == .wgs84 ? nil : try Transformer(from: crs, to: .wgs84)
        let context = try GeometryContext()
        let definition = try GDALCall.handle("OGR_L_GetLayerDefn") { OGR_L_GetLayerDefn(layer) }
        let fields = (0..<OGR_FD_GetFieldCount(definition)).map { i -> InputField in
            let field = OGR_FD_GetFieldDefn(definition, i)
            return InputField(
                name: field.flatMap { OGR_Fld_GetNameRef($0) }.map { String(cString: $0) } ?? "field\(i)",
                type: field.map { OGR_Fld_GetType($0) } ?? OFTString,
                subtype: field.map { OGR_Fld_GetSubType($0) } ?? OFSTNone)
        }
        let latin1Guess = checkMisreadText
        var features: [Feature] = []
        var warnings: [String] = []
        var droppedZ = 0, madeLinear = 0
        // The count the file declares where reading it is cheap (a FlatGeobuf header, a GeoPackage's
        // gpkg_ogr_contents; -1 when it declares none). A Shapefile's is not used: its records marked deleted in
        // the .dbf are counted there but never read, so a sound file would differ.
        let declared = format == .fgb || format == .gpkg ? Int(OGR_L_GetFeatureCount(layer, 0)) : -1
        // Features with the same fields set share one key array.
        var maker = PropertyMapMaker(fields: fields.map(\.name))
        let (_, gdalWarnings) = try GDALCall.collectingDiagnostics { (sink: GDALWarningSink) throws -> Void in
            OGR_L_ResetReading(layer)
            var index = 0
            sink.feature = 0
            while let handle = OGR_L_GetNextFeature(layer) {
                defer { OGR_F_Destroy(handle); index += 1; sink.feature = index }
                var values = [JSONValue?](repeating: nil, count: fields.count)
                var unset = 0
                for (i, field) in fields.enumerated() {
                    guard OGR_F_IsFieldSet(handle, Int32(i)) != 0 else { unset += 1; continue }
                    values[i] = try field.value(
                        of: handle, index: Int32(i), feature: index, path: path,
                        latin1Guess: latin1Guess)
                }
                // Without a maker (two fields of one name, as Swift compares them) the later one's value is kept.
                let properties =
                    maker?.make(values)
                    ?? PropertyMap(
                        keys: zip(fields, values).filter { $0.1 != nil }.map(\.0.name), values: values.compactMap { $0 })
                // A CSV row with fewer cells than the header: GDAL leaves the missing ones unset (an empty cell is
                // set, to null) and reports nothing, so a file cut inside its last row, or an unclosed quote that
                // swallowed the rows after it, would read as a shorter layer.
                if format == .csv && unset > 0 {
                    throw FormatsError.invalidData(
                        path: path,
                        detail: "damaged: feature \(index) (row \(index + 2)) has "
                            + "\(fields.count - unset) of the header's \(fields.count) cells: the file is cut short, or a quote "
                            + "is not closed")
                }
                var geometry: Geometry?
                if let borrowed = OGR_F_GetGeometryRef(handle) {
                    do {
                        let read = try OGRGeometry.value(of: borrowed, context: context)
                        if read.hadZ { droppedZ += 1 }
                        if read.hadCurves { madeLinear += 1 }
                        geometry = try transformer.map { try $0.transform(read.geometry) } ?? read.geometry
                    } catch {
                        throw FormatsError.invalidData(path: path, detail: "feature \(index): geometry: \(error)")
                    }
                }
                features.append(Feature(geometry: geometry, properties: properties))
            }
            try Self.checkComplete(path: path, format: format, read: index, declared: declared, failures: sink.failures)
        }
        if droppedZ > 0 { warnings.append("heights dropped from \(droppedZ) features (the model is 2-D)") }
        if madeLinear > 0 { warnings.append("curves of \(madeLinear) features made linear") }
        warnings += gdalWarnings.map { "GDAL: \($0)" }
        return VectorReadResult(
            layerName: name, features: FeatureCollection(features: features), sourceCRS: crs,
            warnings: warnings)
    }
}

@available(*, unavailable)
extension InputDataset: Sendable {}

/// One field of a layer being read, and how its values become JSON values.
struct InputField {
    var name: String
    var type: OGRFieldType
    var subtype: OGRFieldSubType

    /// The value of this field (at `index`) of a feature. The corresponding GDAL functions are
    /// `OGR_F_IsFieldNull` and `OGR_F_GetFieldAs…`.
    func value(of feature: OGRFeatureH, index: Int32, feature number: Int, path: String, latin1Guess: Bool) throws -> JSONValue {
        if OGR_F_IsFieldNull(feature, index) != 0 { return .null }
        switch type {
        case OFTInteger where subtype == OFSTBoolean: return .bool(OGR_F_GetFieldAsInteger(feature, index) != 0)
        case OFTInteger, OFTInteger64: return .number(Double(OGR_F_GetFieldAsInteger64(feature, index)))
        case OFTReal: return .number(OGR_F_GetFieldAsDouble(feature, index))
        case OFTIntegerList, OFTInteger64List:
            var count: Int32 = 0
            guard let values = OGR_F_GetFieldAsInteger64List(feature, index, &count) else { return .array([]) }
            return .array((0..<Int(count)).map { .number(Double(values[$0])) })
        case OFTRealList:
            var count: Int32 = 0
            guard let values = OGR_F_GetFieldAsDoubleList(feature, index, &count) else { return .array([]) }
            return .array((0..<Int(count)).map { .number(values[$0]) })
        case OFTBinary:
            return .null
        default:
            let text = try string(OGR_F_GetFieldAsString(feature, index), feature: number, path: path, latin1Guess: latin1Guess)
            if subtype == OFSTJSON, let parsed = try? JSONValue(parsing: text) { return parsed }
            return .string(text)
        }
    }

    /// A C string of GDAL's as UTF-8, refusing bytes that are not UTF-8 and GBK misread as Latin-1.
    private func string(_ pointer: UnsafePointer<CChar>?, feature: Int, path: String, latin1Guess: Bool) throws -> String {
        guard let pointer else { return "" }
        let remedy =
            "the file's code page (a Shapefile's .cpg, a DXF's $DWGCODEPAGE) is missing or wrong: give the "
            + "layer an \"encoding\" in the district manifest (GBK for most Chinese data, or UTF-8)"
        guard let text = String(validatingCString: pointer) else {
            throw FormatsError.invalidData(path: path, detail: "feature \(feature) field '\(name)': the text is not UTF-8; \(remedy)")
        }
        if latin1Guess, Self.looksLikeMisreadGBK(text) {
            throw FormatsError.invalidData(
                path: path,
                detail: "feature \(feature) field '\(name)': '\(text)' looks like "
                    + "Chinese text read as Latin-1; \(remedy)")
        }
        return text
    }

    /// Four letters of U+0080…U+00FF in a row: two Chinese characters of GBK (two bytes each, all ≥ 0x81) or
    /// UTF-8 (three bytes each) as they come out when read as Latin-1 or CP1252. Western text has such letters
    /// alone or in pairs ("ção"), almost never four together.
    static func looksLikeMisreadGBK(_ text: String) -> Bool {
        let cp1252Specials = Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".unicodeScalars) // what CP1252 makes of 0x80…0x9F
        var run = 0
        for scalar in text.unicodeScalars {
            run = (0x80...0xFF).contains(scalar.value) || cp1252Specials.contains(scalar) ? run + 1 : 0
            if run >= 4 { return true }
        }
        return false
    }
}
