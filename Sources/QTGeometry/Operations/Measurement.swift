import CGEOS

/// Planar measurement in the geometry's own units (use a metric CRS, such as EPSG:4549, for metres).
/// For ellipsoidal measures on longitude/latitude, see `Geodesic` in QTProjection.
extension NativeGeometry {
    /// The planar area; 0 for points and lines. The corresponding GEOS function is `GEOSArea_r`.
    public func area() throws -> Double {
        try context.callMeasure("GEOSArea_r") { GEOSArea_r($0, pointer, $1) }
    }

    /// The planar length of lines, or the perimeter of polygons. The corresponding GEOS function is `GEOSLength_r`.
    public func length() throws -> Double {
        try context.callMeasure("GEOSLength_r") { GEOSLength_r($0, pointer, $1) }
    }

    /// The smallest planar distance to `other`. The corresponding GEOS function is `GEOSDistance_r`.
    public func distance(to other: NativeGeometry) throws -> Double {
        try context.callMeasure("GEOSDistance_r") { GEOSDistance_r($0, pointer, other.pointer, $1) }
    }
}

extension NativeGeometry {
    /// The discrete Hausdorff distance to `other`: the largest distance from a vertex of either geometry to
    /// the other. Use it to say how far a simplified or derived geometry strays from its source.
    /// The corresponding GEOS function is `GEOSHausdorffDistance_r`.
    public func hausdorffDistance(to other: NativeGeometry) throws -> Double {
        try context.callMeasure("GEOSHausdorffDistance_r") { GEOSHausdorffDistance_r($0, pointer, other.pointer, $1) }
    }
}
