import QTGeometry
import QTProjection

/// A named layer of features: what is written to, or was read from, one layer (table) of a file.
public struct VectorLayer: Hashable, Sendable {
    /// The layer's name: a GeoPackage table, a Shapefile's file stem.
    public var name: String
    /// The features, geometries in WGS84 longitude/latitude.
    public var features: FeatureCollection

    /// Creates a layer.
    public init(name: String, features: FeatureCollection) {
        self.name = name
        self.features = features
    }
}

/// What ``VectorReader`` read from one layer of a file.
public struct VectorReadResult: Hashable, Sendable {
    /// The layer's name in the file.
    public var layerName: String
    /// The features, geometries transformed to WGS84 longitude/latitude.
    public var features: FeatureCollection
    /// The CRS the coordinates were in: the file's own, or the one the caller gave for a file without one.
    public var sourceCRS: CRS
    /// Things worth saying that did not stop the read (heights dropped, curves made linear, GDAL's warnings),
    /// one line each, without the file's path (the caller has it).
    public var warnings: [String]

    /// Creates a result.
    public init(layerName: String, features: FeatureCollection, sourceCRS: CRS, warnings: [String]) {
        self.layerName = layerName
        self.features = features
        self.sourceCRS = sourceCRS
        self.warnings = warnings
    }
}
