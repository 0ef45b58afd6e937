import CGEOS

/// Set-theoretic overlay. Operands must come from the same context.
extension NativeGeometry {
    /// The points shared with `other`. The corresponding GEOS function is `GEOSIntersection_r`.
    public func intersection(_ other: NativeGeometry) throws -> NativeGeometry {
        try context.callGeometry("GEOSIntersection_r") { GEOSIntersection_r($0, pointer, other.pointer) }
    }

    /// The points of this geometry not in `other`. The corresponding GEOS function is `GEOSDifference_r`.
    public func difference(_ other: NativeGeometry) throws -> NativeGeometry {
        try context.callGeometry("GEOSDifference_r") { GEOSDifference_r($0, pointer, other.pointer) }
    }

    /// The points in exactly one of the two. The corresponding GEOS function is `GEOSSymDifference_r`.
    public func symmetricDifference(_ other: NativeGeometry) throws -> NativeGeometry {
        try context.callGeometry("GEOSSymDifference_r") { GEOSSymDifference_r($0, pointer, other.pointer) }
    }

    /// The points in either. The corresponding GEOS function is `GEOSUnion_r`.
    public func union(_ other: NativeGeometry) throws -> NativeGeometry {
        try context.callGeometry("GEOSUnion_r") { GEOSUnion_r($0, pointer, other.pointer) }
    }

    /// The union of this geometry's own members (dissolves a multi-polygon's overlaps).
    /// The corresponding GEOS function is `GEOSUnaryUnion_r`.
    public func unaryUnion() throws -> NativeGeometry {
        try context.callGeometry("GEOSUnaryUnion_r") { GEOSUnaryUnion_r($0, pointer) }
    }

    /// The union of polygons that do not overlap (a coverage, such as sub-districts or parcels); much faster
    /// than ``unaryUnion()`` but wrong for overlapping input. The corresponding GEOS function is
    /// `GEOSCoverageUnion_r`.
    public func coverageUnion() throws -> NativeGeometry {
        try context.callGeometry("GEOSCoverageUnion_r") { GEOSCoverageUnion_r($0, pointer) }
    }
}

extension GeometryContext {
    /// The union of many geometries in one cascaded pass (far faster than pairwise unions).
    /// Members are copied, and stay usable. The corresponding GEOS function is `GEOSUnaryUnion_r`.
    public func union(of members: [NativeGeometry]) throws -> NativeGeometry {
        try makeCollection(.geometryCollection, of: members).unaryUnion()
    }

    /// The union of non-overlapping polygons. The corresponding GEOS function is `GEOSCoverageUnion_r`.
    public func coverageUnion(of polygons: [NativeGeometry]) throws -> NativeGeometry {
        try makeCollection(.geometryCollection, of: polygons).coverageUnion()
    }
}
