import Foundation
import QTFormats
import QTGeometry

/// A loaded district: its manifest and the features of each layer present, as Sendable values in WGS84.
public struct District: Sendable {
    /// The folder it was loaded from, or its database schema (`PG:dbname=… schema=…`, password redacted).
    public var directory: String
    /// The manifest.
    public var manifest: DistrictManifest
    /// The features of every layer present, by layer.
    public var layers: [LayerName: FeatureCollection]

    /// Creates a district from loaded parts.
    public init(directory: String, manifest: DistrictManifest, layers: [LayerName: FeatureCollection]) {
        self.directory = directory
        self.manifest = manifest
        self.layers = layers
    }

    /// The features of a layer (empty when the layer is absent).
    public func features(_ layer: LayerName) -> [Feature] {
        layers[layer]?.features ?? []
    }

    /// The file of a layer as the manifest names it, joined to the district folder and standardised, for
    /// messages (`…/landuse.geojson: feature 3 'p1': …`).
    public func file(of layer: LayerName) -> String {
        if PostGISLocation.names(directory) { return "\(directory) table \(manifest.layers[layer.rawValue]?.file ?? layer.rawValue)" }
        let name = manifest.layers[layer.rawValue]?.file ?? "\(layer.rawValue).geojson"
        return (DistrictLoader.layerPath(directory: directory, file: name) as NSString).standardizingPath
    }

    /// The path of a layer's file, as the manifest names it (relative to the district folder, or absolute);
    /// `nil` when the manifest has no such layer. Messages about a layer's features name this file.
    public func layerFile(_ layer: LayerName) -> String? {
        manifest.layers[layer.rawValue].map { entry in
            PostGISLocation.names(directory) ? "\(directory) table \(entry.file)" : DistrictLoader.layerPath(directory: directory, file: entry.file)
        }
    }

    /// The boundary as one geometry: the polygons of every boundary feature, as a multi-polygon.
    public var boundary: Geometry {
        var polygons: [Polygon] = []
        for feature in features(.boundary) {
            switch feature.geometry {
            case .polygon(let p)?: polygons.append(p)
            case .multiPolygon(let m)?: polygons.append(contentsOf: m.polygons)
            default: break
            }
        }
        return .multiPolygon(MultiPolygon(polygons))
    }
}

/// What loading found that is worth saying but not fatal.
public typealias LoadWarning = FileWarning

/// Something worth saying about a file that does not stop the work (loading a district, building one): one line,
/// naming the file.
public struct FileWarning: Hashable, Sendable, CustomStringConvertible {
    /// The file concerned.
    public var path: String
    /// What is odd about it.
    public var message: String

    /// Creates a warning.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
