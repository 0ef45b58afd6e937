import Foundation
import QTGeometry

/// The reference files this tool reads (see ../shared/reference/README.md).
struct ReferenceFiles {
    let directory: String

    /// The DataV district boundary: one feature, a GCJ-02 multi-polygon with 384 vertices.
    var boundaryName: String { "qiantang_330114_datav_gcj02.geojson" }

    func read(_ name: String) throws -> FeatureCollection {
        let path = (directory as NSString).appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DerivationError("\(path): not found (the reference data lives in ../shared/reference)")
        }
        return try GeoJSONReader().read(data: data)
    }
}

/// A failure of the derivation, with its reason.
struct DerivationError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Writes a layer as RFC 7946 GeoJSON with the project's writer (7 decimals, stable key order).
enum LayerFile {
    static func write(_ collection: FeatureCollection, to path: String) throws {
        let data = GeoJSONWriter().data(collection)
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
