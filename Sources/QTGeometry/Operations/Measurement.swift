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
