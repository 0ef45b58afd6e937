import Foundation
import QTFormats
import QTGeometry
import QTProjection
import QTText

/// Loads a district folder: `district.json` and the layers it names, GeoJSON or any format of
/// ``QTFormats/VectorFormat`` (GeoPackage, Shapefile, FlatGeobuf, CSV, DXF) read through GDAL and transformed
/// to WGS84 from the file's CRS or the manifest's `crs`.
///
/// Missing optional layers are fine; a missing boundary, a missing named file, or a malformed manifest or
/// layer stops the load with a ``DistrictError`` naming the file (and the feature, for bad features).
/// Unknown manifest keys and unknown layer names, altitudes dropped from 3-D positions and optional layers
/// without features are reported as warnings.
///
/// What is refused before any analysis sees it (the hardening policy, README "Hardening"):
/// - a layer file larger than ``maximumLayerBytes``, before it is read;
/// - a file that is empty, not UTF-8, not JSON, or not RFC 7946 GeoJSON (see ``QTGeometry/GeoJSONReader``);
/// - a position outside longitude −180…180 or latitude −90…90, with the likely cause named: swapped axes
///   (latitude first) or projected coordinates in metres;
/// - a boundary layer without a non-empty Polygon or MultiPolygon;
/// - a manifest field of the wrong JSON type, and a `metric_crs` PROJ does not know or that is not in metres.
public struct DistrictLoader: Sendable {
    /// The manifest's file name inside a district folder.
    public static let manifestName = "district.json"

    /// The default limit on a layer file's size: 512 MiB. Reading GeoJSON takes about 25 times the file's size
    /// in memory (Foundation's JSON objects, then qtplan's values: a 52 MB network layer took 1.3 GB), so a
    /// 512 MiB layer needs about 13 GB, which a 24 GB machine can give. Raise it with `--max-layer-bytes`.
    public static let defaultMaximumLayerBytes = 512 << 20

    /// Layer files (and the manifest) larger than this many bytes are refused before they are read.
    public var maximumLayerBytes: Int

    /// Creates a loader.
    /// - Parameter maximumLayerBytes: the size limit of one layer file, ``defaultMaximumLayerBytes`` unless given.
    public init(maximumLayerBytes: Int = DistrictLoader.defaultMaximumLayerBytes) {
        self.maximumLayerBytes = maximumLayerBytes
    }

    /// Loads the district in `directory`.
    /// - Returns: the district and any warnings.
    /// - Throws: ``DistrictError``.
    public func load(directory: String) throws -> (district: District, warnings: [LoadWarning]) {
        let manifestPath = (directory as NSString).appendingPathComponent(Self.manifestName)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw DistrictError.missingFile(path: directory, what: "district folder")
        }
        guard isDirectory.boolValue else {
            throw DistrictError.unreadable(path: directory, detail: "is a file, not a district folder (a folder holding "
                                           + "\(Self.manifestName) and its layers)")
        }
        let (manifest, warnings) = try readManifest(at: manifestPath)
        var allWarnings = warnings
        var layers: [LayerName: FeatureCollection] = [:]
        for (key, entry) in manifest.layers.sorted(by: { $0.key < $1.key }) {
            guard let layer = LayerName(rawValue: key) else {
                allWarnings.append(LoadWarning(path: manifestPath, message: "unknown layer '\(key)' ignored"))
                continue
            }
            let path = Self.layerPath(directory: directory, file: entry.file)
            let (collection, layerWarnings) = try readLayer(at: path, entry: entry, layer: layer)
            allWarnings += layerWarnings
            if collection.features.isEmpty && layer != .boundary {
                allWarnings.append(LoadWarning(path: path, message: "no features: the \(key) layer is empty"))
            }
            layers[layer] = collection
        }
        guard let boundary = layers[.boundary] else {
            throw DistrictError.invalidData(path: manifestPath, detail: "layers: no 'boundary' layer (it is required)")
        }
        let hasArea = boundary.features.contains { feature in
            switch feature.geometry {
            case .polygon(let p)?: !p.rings.isEmpty
            case .multiPolygon(let m)?: m.polygons.contains { !$0.rings.isEmpty }
            default: false
            }
        }
        if !hasArea {
            let path = Self.layerPath(directory: directory, file: manifest.layers["boundary"]?.file ?? "")
            let detail = boundary.features.isEmpty ? "no features" : "no feature has a non-empty polygon"
            throw DistrictError.invalidData(path: path, detail: "\(detail): the boundary layer needs at least one Polygon "
                                            + "or MultiPolygon")
        }
        return (District(directory: directory, manifest: manifest, layers: layers), allWarnings)
    }

    /// A layer's path: `file` relative to the district folder, or as it is when absolute.
    public static func layerPath(directory: String, file: String) -> String {
        file.hasPrefix("/") ? file : (directory as NSString).appendingPathComponent(file)
    }

    /// Reads a file that must exist, refusing folders, unreadable files and files over the size limit.
    func contents(of path: String, what: String) throws -> Data {
        let size = try checkedSize(of: path, what: what)
        // Checked before reading: FileManager.contents(atPath:) leaks its 4 kB read buffer on an empty file
        // (swift-foundation, FoundationEssentials readBytesFromFile; found by LeakSanitizer).
        if size == 0 { throw DistrictError.invalidData(path: path, detail: "the file is empty (0 bytes)") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DistrictError.unreadable(path: path, detail: "\(what) cannot be read (permissions?)")
        }
        if data.isEmpty { throw DistrictError.invalidData(path: path, detail: "the file is empty (0 bytes)") }
        return data
    }

    /// The size of a file that must exist, refusing folders and files over the size limit.
    func checkedSize(of path: String, what: String) throws -> Int {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DistrictError.missingFile(path: path, what: what)
        }
        if isDirectory.boolValue { throw DistrictError.unreadable(path: path, detail: "\(what) is a folder, not a file") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        if size > maximumLayerBytes {
            throw DistrictError.invalidData(path: path, detail: "\(NumberText.grouped(size)) bytes, over the limit of "
                + "\(NumberText.grouped(maximumLayerBytes)) bytes (\(setting: .maximumLayerBytes)); reading GeoJSON takes about 25 times "
                + "the file's size in memory: raise the limit only if the machine has it, or split the layer")
        }
        return size
    }

    /// Reads and checks a manifest.
    func readManifest(at path: String) throws -> (DistrictManifest, [LoadWarning]) {
        let data = try contents(of: path, what: "district manifest")
        let json: JSONValue
        do {
            json = try JSONValue(parsing: data)
        } catch {
            throw DistrictError.invalidData(path: path, detail: SettingText(error.description))
        }
        guard case .object(let object) = json else {
            throw DistrictError.invalidData(path: path, detail: "expected an object at the top level, found \(json.typeDescription)")
        }
        if let problem = Self.manifestTypeProblem(object) {
            throw DistrictError.invalidData(path: path, detail: SettingText(problem))
        }
        let manifest: DistrictManifest
        do {
            manifest = try JSONDecoder().decode(DistrictManifest.self, from: data)
        } catch let error as DecodingError {
            throw DistrictError.invalidData(path: path, detail: SettingText(Self.describe(error)))
        } catch {
            throw DistrictError.invalidData(path: path, detail: "not valid JSON")
        }
        guard manifest.officialAreaKm2.isFinite, manifest.officialAreaKm2 > 0 else {
            throw DistrictError.invalidData(path: path, detail: "official_area_km2 must be a positive number")
        }
        guard manifest.residents >= 0 else {
            throw DistrictError.invalidData(path: path, detail: "residents must not be negative")
        }
        try Self.checkMetricCRS(manifest.metricCRS, path: path)
        var warnings: [LoadWarning] = []
        let known = Set(DistrictManifest.CodingKeys.allCases.map(\.rawValue))
        for key in object.keys.sorted() where !known.contains(key) {
            warnings.append(LoadWarning(path: path, message: "unknown key '\(key)' ignored"))
        }
        return (manifest, warnings)
    }

    /// The manifest's metric CRS must be one PROJ knows and in linear units: planar areas are taken in it.
    static func checkMetricCRS(_ name: String, path: String) throws {
        let transformer: Transformer
        do {
            transformer = try Transformer(from: .wgs84, to: try CRS(parsing: name))
        } catch {
            throw DistrictError.invalidData(path: path, detail: "metric_crs '\(name)' is not a CRS PROJ knows (\(error)); "
                + "use EPSG:n or a PROJ string of a projected CRS in metres")
        }
        if transformer.targetIsAngular {
            throw DistrictError.invalidData(path: path, detail: "metric_crs '\(name)' is in degrees, not metres; "
                + "use a projected CRS (Qiantang: EPSG:4549)")
        }
    }

    /// The first manifest field of the wrong JSON type (or missing), described for people; `nil` when every
    /// field has its type. Checked on the parsed JSON so that the message can say what was found.
    static func manifestTypeProblem(_ object: [String: JSONValue]) -> String? {
        enum Kind { case string, number, wholeNumber, object, bool }
        func expected(_ kind: Kind) -> String {
            switch kind {
            case .string: "a string"
            case .number: "a number"
            case .wholeNumber: "a whole number"
            case .object: "an object"
            case .bool: "true or false"
            }
        }
        func found(_ value: JSONValue) -> String {
            if case .number(let d) = value { return ValidationText.plain(d) }
            return value.typeDescription
        }
        func matches(_ value: JSONValue, _ kind: Kind) -> Bool {
            switch kind {
            case .string: value.stringValue != nil
            case .number: value.doubleValue != nil
            case .wholeNumber: value.doubleValue.map { $0.rounded() == $0 && abs($0) < 9e15 } ?? false
            case .object: value.objectValue != nil
            case .bool: value.boolValue != nil
            }
        }
        func check(_ value: JSONValue?, _ name: String, _ kind: Kind, required: Bool) -> String? {
            guard let value else { return required ? "missing field '\(name)'" : nil }
            if !required && value == .null { return nil }
            return matches(value, kind) ? nil : "field '\(name)': expected \(expected(kind)), found \(found(value))"
        }
        let fields: [(String, Kind, Bool)] = [
            ("name", .string, true), ("name_en", .string, true), ("admin_code", .string, false),
            ("official_area_km2", .number, true), ("metric_crs", .string, true), ("residents", .wholeNumber, true),
            ("residents_source", .string, false), ("layers", .object, true), ("network_components", .object, false),
            ("network_components_reason", .string, false), ("network_min_largest_share", .object, false),
            ("landuse_tiles_boundary", .bool, false), ("build", .object, false),
        ]
        for (name, kind, required) in fields {
            if let problem = check(object[name], name, kind, required: required) { return problem }
        }
        for (key, entry) in (object["layers"]?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
            if let problem = check(entry, "layers.\(key)", .object, required: true) { return problem }
            if let problem = check(entry["file"], "layers.\(key).file", .string, required: true) {
                return problem.hasPrefix("missing") ? "missing field 'file' in field 'layers.\(key)'" : problem
            }
            for field in ["crs", "layer", "encoding"] {
                if let problem = check(entry[field], "layers.\(key).\(field)", .string, required: false) { return problem }
            }
        }
        for (key, count) in (object["network_components"]?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
            if let problem = check(count, "network_components.\(key)", .wholeNumber, required: true) { return problem }
        }
        for (key, share) in (object["network_min_largest_share"]?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
            if let problem = check(share, "network_min_largest_share.\(key)", .number, required: true) { return problem }
            if let d = share.doubleValue, !(0...1).contains(d) {
                return "field 'network_min_largest_share.\(key)': expected a share from 0 to 1, found \(ValidationText.plain(d))"
            }
        }
        return nil
    }

    /// Reads one file as a layer would be read from a manifest entry (GeoJSON by qtplan's reader, any other
    /// format through GDAL in the file's CRS or `entry.crs`, transformed to WGS84), with the same checks: for a
    /// boundary given on the command line, say.
    /// - Throws: ``DistrictError``.
    public func readFile(at path: String, entry: LayerEntry, as layer: LayerName) throws -> (FeatureCollection, [LoadWarning]) {
        try readLayer(at: path, entry: entry, layer: layer)
    }

    /// Reads one layer, GeoJSON by qtplan's reader or any other format through GDAL (transformed to WGS84),
    /// and checks that its positions are longitude/latitude.
    func readLayer(at path: String, entry: LayerEntry, layer: LayerName) throws -> (FeatureCollection, [LoadWarning]) {
        let format = VectorFormat(path: path) ?? .geojson
        let (collection, warnings) = format == .geojson ? try readGeoJSON(at: path, entry: entry)
            : try readThroughGDAL(at: path, entry: entry, layer: layer)
        for (index, feature) in collection.features.enumerated() {
            guard let geometry = feature.geometry, let problem = CoordinateRange.problem(in: geometry) else { continue }
            let id = (feature.properties["id"]?.stringValue ?? feature.id?.stringValue).map { " '\($0)'" } ?? ""
            throw DistrictError.invalidData(path: path, detail: "feature \(index)\(id): \(problem)")
        }
        return (collection, warnings)
    }

    /// A GeoJSON layer, by qtplan's own reader.
    private func readGeoJSON(at path: String, entry: LayerEntry) throws -> (FeatureCollection, [LoadWarning]) {
        let data = try contents(of: path, what: "layer file")
        if let crs = entry.crs, !["EPSG:4326", "OGC:CRS84", "WGS84"].contains(crs.uppercased()) {
            throw DistrictError.invalidData(
                path: path, detail: "crs \(crs): GeoJSON layers must be WGS84 longitude/latitude (RFC 7946)")
        }
        let result: GeoJSONReadResult
        do {
            result = try GeoJSONReader().readWithDiagnostics(data: data)
        } catch {
            throw DistrictError.invalidData(path: path, detail: "\(error)")
        }
        return (result.collection, result.warnings.map { LoadWarning(path: path, message: $0.description + " (the model is 2-D)") })
    }

    /// A layer in any other format GDAL reads: its own CRS or the manifest's, transformed to WGS84. For layers
    /// of polygons, closed lines (a DXF's closed polylines) become polygons, with a warning.
    private func readThroughGDAL(at path: String, entry: LayerEntry, layer: LayerName) throws -> (FeatureCollection, [LoadWarning]) {
        _ = try checkedSize(of: path, what: "layer file")
        let assumed: CRS?
        do {
            assumed = try entry.crs.map(CRS.init(parsing:))
        } catch {
            throw DistrictError.invalidData(path: path, detail: "crs '\(entry.crs ?? "")': \(error)")
        }
        let result: VectorReadResult
        do {
            result = try VectorReader(assumedCRS: assumed, encoding: entry.encoding)
                .read(path: path, layer: entry.layer, preferred: layer.rawValue)
        } catch let error as FormatsError {
            if case .missingFile = error { throw DistrictError.missingFile(path: path, what: "layer file") }
            throw DistrictError.invalidData(path: path, detail: SettingText(error.detail))
        } catch {
            throw DistrictError.invalidData(path: path, detail: "\(error)")
        }
        var warnings = result.warnings.map { LoadWarning(path: path, message: $0) }
        if entry.crs != nil, VectorFormat(path: path)?.carriesCRS == true, result.sourceCRS != assumed {
            warnings.append(LoadWarning(path: path, message: "crs \(entry.crs ?? ""): ignored, the file says its own (\(Self.short(result.sourceCRS)))"))
        }
        var collection = result.features
        if LayerSchema.geometryKinds(layer, Feature(geometry: nil)) == LayerSchema.polygonal {
            var closed = 0
            for i in collection.features.indices {
                guard case .lineString(let line)? = collection.features[i].geometry, line.coordinates.count >= 4,
                      line.coordinates.first == line.coordinates.last else { continue }
                collection.features[i].geometry = .polygon(Polygon(exterior: line.coordinates))
                closed += 1
            }
            if closed > 0 { warnings.append(LoadWarning(path: path, message: "\(closed) closed lines read as polygons")) }
        }
        return (collection, warnings)
    }

    /// A CRS for a message: `EPSG:n`, or the first words of a WKT definition.
    private static func short(_ crs: CRS) -> String {
        let text = crs.description
        guard text.count > 60 else { return text }
        return String(text.prefix { $0 != "," }) + "…"
    }

    /// One line for a decoding error: the field path and what was wrong with it.
    static func describe(_ error: DecodingError) -> String {
        func field(_ path: [CodingKey]) -> String {
            path.isEmpty ? "top level" : "field '" + path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
                .joined(separator: ".").replacingOccurrences(of: ".[", with: "[") + "'"
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = context.codingPath.isEmpty ? "" : " in " + field(context.codingPath)
            return "missing field '\(key.stringValue)'\(parent)"
        case .typeMismatch(let type, let context):
            return "\(field(context.codingPath)): expected \(Self.typeName(type))"
        case .valueNotFound(let type, let context):
            return "\(field(context.codingPath)): expected \(Self.typeName(type)), found null"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "\(field(context.codingPath)): invalid value"
        @unknown default:
            return "invalid manifest"
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Double.Type: "a number"
        case is Int.Type: "a whole number"
        case is Bool.Type: "true or false"
        default: "an object"
        }
    }
}

/// Whether positions can be WGS84 longitude/latitude, and if not, the likely reason.
enum CoordinateRange {
    /// A message for the first position outside longitude −180…180 or latitude −90…90, or `nil`.
    static func problem(in geometry: Geometry) -> String? {
        var bad: Coordinate?
        geometry.forEachCoordinate { c in
            if bad == nil, abs(c.x) > 180 || abs(c.y) > 90 { bad = c }
        }
        guard let c = bad else { return nil }
        let position = "position \(ValidationText.plain(c.x)), \(ValidationText.plain(c.y))"
        if abs(c.x) > 1_000 && abs(c.y) > 1_000 {
            return "\(position) looks like projected coordinates (metres), not longitude/latitude: GeoJSON layers must "
                + "be WGS84 longitude/latitude (RFC 7946); reproject it (qtplan transform --from EPSG:n --to WGS84)"
        }
        if abs(c.y) > 90 && abs(c.y) <= 180 && abs(c.x) <= 90 {
            return "\(position): latitude \(ValidationText.plain(c.y)) is outside -90…90; the axes look swapped "
                + "(latitude first): GeoJSON positions are longitude first (RFC 7946)"
        }
        if abs(c.x) > 180 {
            return "\(position): longitude \(ValidationText.plain(c.x)) is outside -180…180"
        }
        return "\(position): latitude \(ValidationText.plain(c.y)) is outside -90…90"
    }
}
