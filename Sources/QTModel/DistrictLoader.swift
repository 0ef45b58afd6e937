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

    /// The default limit on a layer file's size, and on the district's layers together: 96 MiB. Reading GeoJSON
    /// takes up to ``memoryPerByte`` times a file's size in memory (the worst case measured by
    /// `tools/limits/measure.sh`: properties holding arrays of one-element arrays, 27.5 times), so the layers of
    /// a district at the limit take at most about 2.7 GB, and every command stays under 4 GB with the analyses'
    /// own memory (docs/hardening.md, "Inputs"). Raise it with `--max-layer-bytes`.
    public static let defaultMaximumLayerBytes = 96 << 20

    /// How many times a GeoJSON file's size reading it takes in memory, at worst (measured by
    /// `tools/limits/measure.sh`); the size-limit message names it.
    public static let memoryPerByte = 28

    /// The default limit on one feature's vertices: 250,000. GEOS's operations on one feature (validity,
    /// make-valid, union, distance) grow with its vertices and cannot be interrupted: a boundary of a million
    /// vertices (27 MB, far under the byte limit) made `validate` run 8 minutes and reach 7.5 GB (issue 19).
    /// The bundled districts' largest feature has 2,949. Raise it with `--max-vertices`.
    public static let defaultMaximumVertices = 250_000

    /// Layer files (and the manifest) larger than this many bytes are refused before they are read, and so are
    /// a district's layers whose sizes add up to more.
    public var maximumLayerBytes: Int

    /// Features with more vertices than this are refused when their layer is read.
    public var maximumVertices: Int

    /// Whether every layer's file must resolve (symbolic links and `..` followed) inside the district folder:
    /// for a district folder from someone else, whose manifest could otherwise name any file the user can read.
    public var confine: Bool

    /// Creates a loader.
    /// - Parameters:
    ///   - maximumLayerBytes: the size limit of one layer file and of all of them, ``defaultMaximumLayerBytes``
    ///     unless given.
    ///   - maximumVertices: the vertex limit of one feature, ``defaultMaximumVertices`` unless given.
    ///   - confine: refuse layer files outside the district folder (off unless given).
    public init(
        maximumLayerBytes: Int = DistrictLoader.defaultMaximumLayerBytes,
        maximumVertices: Int = DistrictLoader.defaultMaximumVertices, confine: Bool = false
    ) {
        self.maximumLayerBytes = maximumLayerBytes
        self.maximumVertices = maximumVertices
        self.confine = confine
    }

    /// Loads the district in `directory`.
    /// - Returns: the district and any warnings.
    /// - Throws: ``DistrictError``.
    public func load(directory: String) throws -> (district: District, warnings: [LoadWarning]) {
        if PostGISLocation.names(directory) { return try load(database: directory) }
        let manifestPath = (directory as NSString).appendingPathComponent(Self.manifestName)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw DistrictError.missingFile(path: directory, what: "district folder")
        }
        guard isDirectory.boolValue else {
            throw DistrictError.unreadable(
                path: directory,
                detail: "is a file, not a district folder (a folder holding "
                    + "\(Self.manifestName) and its layers)")
        }
        let (manifest, warnings) = try readManifest(at: manifestPath)
        var allWarnings = warnings
        var layers: [LayerName: FeatureCollection] = [:]
        let known = manifest.layers.sorted(by: { $0.key < $1.key }).filter { key, _ in
            if LayerName(rawValue: key) != nil { return true }
            allWarnings.append(LoadWarning(path: manifestPath, message: "unknown layer '\(key)' ignored"))
            return false
        }
        // Every path is checked, and the sizes added up, before any layer is read.
        var total = 0
        for (key, entry) in known {
            let path = try checkedLayerPath(directory: directory, key: key, file: entry.file, manifestPath: manifestPath)
            total += try checkedSize(of: path, what: "layer file")
        }
        if total > maximumLayerBytes {
            throw DistrictError.invalidData(
                path: directory,
                detail:
                    "the layers add up to \(NumberText.grouped(total)) bytes, over the limit of \(NumberText.grouped(maximumLayerBytes)) bytes for a district's layers together (\(setting: .maximumLayerBytes)); reading GeoJSON takes up to \(Self.memoryPerByte) times the files' size in memory"
            )
        }
        for (key, entry) in known {
            guard let layer = LayerName(rawValue: key) else { continue }
            let path = Self.layerPath(directory: directory, file: entry.file)
            var (collection, layerWarnings) = try readLayer(at: path, entry: entry, layer: layer)
            if layer == .boundary { layerWarnings += try Self.repairBoundary(&collection, path: path) }
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
            throw DistrictError.invalidData(
                path: path,
                detail: "\(detail): the boundary layer needs at least one Polygon "
                    + "or MultiPolygon")
        }
        return (District(directory: directory, manifest: manifest, layers: layers), allWarnings)
    }

    /// Repairs invalid boundary polygons (a bow-tie, a ring crossing itself) with GEOS's make-valid, keeping the
    /// polygonal part, so that every command measures the repaired shape: a bow-tie's halves, whose signed
    /// areas cancel, measured 0 km² in `info` and the report. Each repair is one warning; a polygon make-valid
    /// leaves without area is refused. The file is never changed.
    static func repairBoundary(_ collection: inout FeatureCollection, path: String) throws -> [LoadWarning] {
        var warnings: [LoadWarning] = []
        var context: GeometryContext?
        for index in collection.features.indices {
            guard let geometry = collection.features[index].geometry, geometry.kind == .polygon || geometry.kind == .multiPolygon,
                !geometry.isEmpty
            else { continue }
            let feature = collection.features[index]
            let id = (feature.properties["id"]?.stringValue ?? feature.id?.stringValue).map { " '\($0)'" } ?? ""
            do {
                if context == nil { context = try GeometryContext() }
                let native = try context!.make(geometry)
                let report = try native.validity()
                if report.isValid { continue }
                let at = report.location.map { String(format: " at %.7f,%.7f", $0.x, $0.y) } ?? ""
                let problem = "invalid \(geometry.kind == .polygon ? "Polygon" : "MultiPolygon"): \(report.reason ?? "invalid")\(at)"
                let repaired = try context!.orientedForGeoJSON(try native.makeValid().polygonalPart().value())
                guard !repaired.isEmpty else {
                    throw DistrictError.invalidData(
                        path: path, detail: "feature \(index)\(id): \(problem), and make-valid leaves no area: the boundary cannot be measured; redraw it")
                }
                collection.features[index].geometry = repaired
                warnings.append(
                    LoadWarning(
                        path: path,
                        message: "feature \(index)\(id): \(problem): repaired with make-valid "
                            + "(its polygonal part, \(Self.parts(repaired))), and every command measures the repaired boundary; "
                            + "the file is unchanged"))
            } catch let error as DistrictError {
                throw error
            } catch {
                throw DistrictError.invalidData(path: path, detail: "feature \(index)\(id): the boundary cannot be checked: \(error)")
            }
        }
        return warnings
    }

    /// `1 polygon`, `2 polygons`.
    private static func parts(_ geometry: Geometry) -> String {
        var count = 0
        switch geometry {
        case .polygon: count = 1
        case .multiPolygon(let m): count = m.polygons.count
        default: count = 0
        }
        return count == 1 ? "1 polygon" : "\(count) polygons"
    }

    /// The path of a layer's `file`, refused when it holds a NUL character (the C library would read the file
    /// named by the part before it) and, with ``confine``, when it does not resolve inside the district folder.
    func checkedLayerPath(directory: String, key: String, file: String, manifestPath: String) throws -> String {
        if file.utf8.contains(0) {
            throw DistrictError.invalidData(path: manifestPath, detail: "layers.\(key).file: \(InputFile.Problem.nulInPath)")
        }
        let path = Self.layerPath(directory: directory, file: file)
        guard confine else { return path }
        guard let folder = Self.realPath(directory) else {
            throw DistrictError.missingFile(path: directory, what: "district folder")
        }
        guard let resolved = Self.realPath(path) else {
            throw DistrictError.missingFile(path: path, what: "layer file")
        }
        guard resolved.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") else {
            throw DistrictError.invalidData(
                path: manifestPath,
                detail:
                    "layers.\(key).file '\(file)' resolves to \(resolved), outside the district folder \(folder) (\(setting: .confine)): a district from someone else may name only its own files"
            )
        }
        return path
    }

    /// `realpath(3)` of a path: absolute, every symbolic link and `..` resolved; `nil` when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// A layer's path: `file` relative to the district folder, or as it is when absolute.
    public static func layerPath(directory: String, file: String) -> String {
        file.hasPrefix("/") ? file : (directory as NSString).appendingPathComponent(file)
    }

    /// Reads a file that must exist, refusing folders, FIFOs and devices, unreadable files, empty files and files
    /// over the size limit: measured on the opened descriptor (a symbolic link by its target) and read through it.
    func contents(of path: String, what: String) throws -> Data {
        do {
            return try InputFile.read(path, limit: maximumLayerBytes)
        } catch {
            throw Self.error(error, path: path, what: what, limit: maximumLayerBytes)
        }
    }

    /// The size of a file that must exist (through symbolic links), refusing folders, FIFOs and devices and files
    /// over the size limit: for layers GDAL opens by path.
    func checkedSize(of path: String, what: String) throws -> Int {
        do {
            return try InputFile.size(of: path, limit: maximumLayerBytes)
        } catch {
            throw Self.error(error, path: path, what: what, limit: maximumLayerBytes)
        }
    }

    /// A ``QTFormats/InputFile/Problem`` as the loader's error: a missing or unreadable file exits 66, the rest 65.
    static func error(_ problem: InputFile.Problem, path: String, what: String, limit: Int) -> DistrictError {
        switch problem {
        case .missing: return .missingFile(path: path, what: what)
        case .folder: return .unreadable(path: path, detail: "\(what) is a folder, not a file")
        case .unreadable(let reason): return .unreadable(path: path, detail: "\(what) cannot be read: \(reason)")
        case .tooLarge(let size, let limit):
            let remedy =
                "reading GeoJSON takes up to \(memoryPerByte) times the file's size in memory: raise the limit only "
                + "if the machine has it, or split the layer"
            return .invalidData(
                path: path,
                detail: "\(NumberText.grouped(size)) bytes, over the limit of \(NumberText.grouped(limit)) bytes (\(setting: .maximumLayerBytes)); \(remedy)")
        case .notRegular, .nulInPath, .empty, .changed: return .invalidData(path: path, detail: SettingText(problem.description))
        }
    }

    /// Reads and checks a manifest.
    func readManifest(at path: String) throws -> (DistrictManifest, [LoadWarning]) {
        try readManifest(data: try contents(of: path, what: "district manifest"), path: path)
    }

    /// Checks a manifest's text; `path` names where it came from.
    func readManifest(data: Data, path: String) throws -> (DistrictManifest, [LoadWarning]) {
        let json: JSONValue
        do {
            json = try JSONValue(parsingRefusingDuplicates: data)
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
            throw DistrictError.invalidData(
                path: path,
                detail: "metric_crs '\(name)' is not a CRS PROJ knows (\(error)); "
                    + "use EPSG:n or a PROJ string of a projected CRS in metres")
        }
        if transformer.targetIsAngular {
            throw DistrictError.invalidData(
                path: path,
                detail: "metric_crs '\(name)' is in degrees, not metres; "
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
            ("landuse_tiles_boundary", .bool, false), ("build", .object, false)
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
        var (collection, warnings) = try readLayer(at: path, entry: entry, layer: layer)
        if layer == .boundary { warnings += try Self.repairBoundary(&collection, path: path) }
        return (collection, warnings)
    }

    /// Reads one layer, GeoJSON by qtplan's reader or any other format through GDAL (transformed to WGS84),
    /// and checks that its positions are longitude/latitude.
    func readLayer(at path: String, entry: LayerEntry, layer: LayerName) throws -> (FeatureCollection, [LoadWarning]) {
        let format = VectorFormat(path: path) ?? .geojson
        let (collection, warnings) =
            format == .geojson
            ? try readGeoJSON(at: path, entry: entry)
            : try readThroughGDAL(at: path, entry: entry, layer: layer)
        for (index, feature) in collection.features.enumerated() {
            guard let geometry = feature.geometry else { continue }
            let id = (feature.properties["id"]?.stringValue ?? feature.id?.stringValue).map { " '\($0)'" } ?? ""
            if let problem = CoordinateRange.problem(in: geometry) {
                throw DistrictError.invalidData(path: path, detail: "feature \(index)\(id): \(problem)")
            }
            var vertices = 0
            geometry.forEachCoordinate { _ in vertices += 1 }
            if vertices > maximumVertices {
                throw DistrictError.invalidData(
                    path: path,
                    detail:
                        "feature \(index)\(id): \(NumberText.grouped(vertices)) vertices, over the limit of \(NumberText.grouped(maximumVertices)) for one feature (\(setting: .maximumVertices)); GEOS's work on a feature grows with its vertices and cannot be interrupted: simplify the feature, or raise the limit"
                )
            }
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
        let duplicates = result.duplicateKeys.map { duplicate in
            LoadWarning(path: path, message: "\(duplicate): the last value is used (as GDAL and Python use it); remove the other")
        }
        return (result.collection, result.warnings.map { LoadWarning(path: path, message: $0.description + " (the model is 2-D)") } + duplicates)
    }

    /// The CRS a layer entry states for a file or table that declares none (`"crs"`), parsed.
    static func assumedCRS(of entry: LayerEntry, path: String) throws -> CRS? {
        do {
            return try entry.crs.map(CRS.init(parsing:))
        } catch {
            throw DistrictError.invalidData(path: path, detail: "crs '\(entry.crs ?? "")': \(error)")
        }
    }

    /// A layer in any other format GDAL reads: its own CRS or the manifest's, transformed to WGS84. For layers
    /// of polygons, closed lines (a DXF's closed polylines) become polygons, with a warning.
    private func readThroughGDAL(at path: String, entry: LayerEntry, layer: LayerName) throws -> (FeatureCollection, [LoadWarning]) {
        _ = try checkedSize(of: path, what: "layer file")
        let assumed = try Self.assumedCRS(of: entry, path: path)
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
                    line.coordinates.first == line.coordinates.last
                else { continue }
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
            path.isEmpty
                ? "top level"
                : "field '"
                    + path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
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
