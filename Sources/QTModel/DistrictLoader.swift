import Foundation
import QTGeometry

/// Loads a district folder: `district.json` and the GeoJSON layers it names.
///
/// Missing optional layers are fine; a missing boundary, a missing named file, or a malformed manifest or
/// layer stops the load with a ``DistrictError`` naming the file (and the feature, for bad features).
/// Unknown manifest keys and unknown layer names are reported as warnings.
public struct DistrictLoader: Sendable {
    /// The manifest's file name inside a district folder.
    public static let manifestName = "district.json"

    /// Creates a loader.
    public init() {}

    /// Loads the district in `directory`.
    /// - Returns: the district and any warnings.
    /// - Throws: ``DistrictError``.
    public func load(directory: String) throws -> (district: District, warnings: [LoadWarning]) {
        let manifestPath = (directory as NSString).appendingPathComponent(Self.manifestName)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DistrictError.missingFile(path: directory, what: "district folder")
        }
        let (manifest, warnings) = try readManifest(at: manifestPath)
        var allWarnings = warnings
        var layers: [LayerName: FeatureCollection] = [:]
        for (key, entry) in manifest.layers.sorted(by: { $0.key < $1.key }) {
            guard let layer = LayerName(rawValue: key) else {
                allWarnings.append(LoadWarning(path: manifestPath, message: "unknown layer '\(key)' ignored"))
                continue
            }
            let path = (directory as NSString).appendingPathComponent(entry.file)
            layers[layer] = try readLayer(at: path, entry: entry)
        }
        guard layers[.boundary] != nil else {
            throw DistrictError.invalidData(path: manifestPath, detail: "layers: no 'boundary' layer (it is required)")
        }
        return (District(directory: directory, manifest: manifest, layers: layers), allWarnings)
    }

    /// Reads and checks a manifest.
    func readManifest(at path: String) throws -> (DistrictManifest, [LoadWarning]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DistrictError.missingFile(path: path, what: "district manifest")
        }
        let manifest: DistrictManifest
        do {
            manifest = try JSONDecoder().decode(DistrictManifest.self, from: data)
        } catch let error as DecodingError {
            throw DistrictError.invalidData(path: path, detail: Self.describe(error))
        } catch {
            throw DistrictError.invalidData(path: path, detail: "not valid JSON")
        }
        guard manifest.officialAreaKm2.isFinite, manifest.officialAreaKm2 > 0 else {
            throw DistrictError.invalidData(path: path, detail: "official_area_km2 must be a positive number")
        }
        guard manifest.residents >= 0 else {
            throw DistrictError.invalidData(path: path, detail: "residents must not be negative")
        }
        var warnings: [LoadWarning] = []
        if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
            let known = Set(DistrictManifest.CodingKeys.allCases.map(\.rawValue))
            for key in object.keys.sorted() where !known.contains(key) {
                warnings.append(LoadWarning(path: path, message: "unknown key '\(key)' ignored"))
            }
        }
        return (manifest, warnings)
    }

    /// Reads one GeoJSON layer.
    func readLayer(at path: String, entry: LayerEntry) throws -> FeatureCollection {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DistrictError.missingFile(path: path, what: "layer file")
        }
        if let crs = entry.crs, !["EPSG:4326", "OGC:CRS84", "WGS84"].contains(crs.uppercased()) {
            throw DistrictError.invalidData(
                path: path, detail: "crs \(crs): GeoJSON layers must be WGS84 longitude/latitude (RFC 7946)")
        }
        do {
            return try GeoJSONReader().read(data: data)
        } catch {
            throw DistrictError.invalidData(path: path, detail: "\(error)")
        }
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
        case is Double.Type, is Int.Type: "a number"
        case is Bool.Type: "true or false"
        default: "an object"
        }
    }
}
