import CGEOS

/// Binary spatial predicates (DE-9IM). Both geometries must come from the same context.
extension NativeGeometry {
    /// Whether the geometries share any point. The corresponding GEOS function is `GEOSIntersects_r`.
    public func intersects(_ other: NativeGeometry) throws -> Bool {
        try context.callPredicate("GEOSIntersects_r") { GEOSIntersects_r($0, pointer, other.pointer) }
    }

    /// Whether `other` lies in this geometry with at least one interior point in common.
    /// The corresponding GEOS function is `GEOSContains_r`.
    public func contains(_ other: NativeGeometry) throws -> Bool {
        try context.callPredicate("GEOSContains_r") { GEOSContains_r($0, pointer, other.pointer) }
    }

    /// Whether this geometry lies in `other`. The corresponding GEOS function is `GEOSWithin_r`.
    public func within(_ other: NativeGeometry) throws -> Bool {
        try context.callPredicate("GEOSWithin_r") { GEOSWithin_r($0, pointer, other.pointer) }
    }

    /// Whether no point of `other` lies outside this geometry (boundary included).
    /// The corresponding GEOS function is `GEOSCovers_r`.
    public func covers(_ other: NativeGeometry) throws -> Bool {
        try context.callPredicate("GEOSCovers_r") { GEOSCovers_r($0, pointer, other.pointer) }
    }

    /// Whether no point of this geometry lies outside `other`. The corresponding GEOS function is `GEOSCoveredBy_r`.
    public func coveredBy(_ other: NativeGeometry) throws -> Bool {
        try context.callPredicate("GEOSCoveredBy_r") { GEOSCoveredBy_r($0, pointer, other.pointer) }
    }

    /// Whether the geometries share no point. The corresponding GEOS function is `GEOSDisjoint_r`.
    public func disjoint(_ other: NativeGeometry) throws -> Bool {
        try context.callPredicate("GEOSDisjoint_r") { GEOSDisjoint_r($0, pointer, other.pointer) }
    }

    /// Whether the geometries touch at their boundaries only. The corresponding GEOS function is `GEOSTouches_r`.
    public func touches(_ other: NativeGeometry) throws -> Bool {
        try context.callPredicate("GEOSTouches_r") { GEOSTouches_r($0, pointer, other.pointer) }
    }

    /// Whether the geometries overlap (same dimension, neither contains the other).
    /// The corresponding GEOS function is `GEOSOverlaps_r`.
    public func overlaps(_ other: NativeGeometry) throws -> Bool {
        try context.callPredicate("GEOSOverlaps_r") { GEOSOverlaps_r($0, pointer, other.pointer) }
    }

    /// Whether the geometries are topologically equal. The corresponding GEOS function is `GEOSEquals_r`.
    public func topologicallyEquals(_ other: NativeGeometry) throws -> Bool {
        try context.callPredicate("GEOSEquals_r") { GEOSEquals_r($0, pointer, other.pointer) }
    }

    /// Whether the geometries lie within `distance` of each other (in the coordinates' units), computed
    /// without the full distance where possible. The corresponding GEOS function is `GEOSDistanceWithin_r`.
    public func isWithinDistance(_ distance: Double, of other: NativeGeometry) throws -> Bool {
        try context.callPredicate("GEOSDistanceWithin_r") { GEOSDistanceWithin_r($0, pointer, other.pointer, distance) }
    }
}
