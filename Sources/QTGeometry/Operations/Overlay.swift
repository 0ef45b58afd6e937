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

    /// The union of many geometries, handing them to GEOS instead of copying them: members that nothing
    /// else references are moved into the collection (GEOS frees them), others are cloned. `members` is
    /// empty afterwards. Use it on hot paths where the inputs are not needed again.
    /// The corresponding GEOS functions are `GEOSGeom_createCollection_r` and `GEOSUnaryUnion_r`.
    public func union(taking members: inout [NativeGeometry]) throws -> NativeGeometry {
        var pointers: [OpaquePointer?] = []
        pointers.reserveCapacity(members.count)
        for index in members.indices {
            guard members[index].context === self else {
                pointers.forEach { GEOSGeom_destroy_r(handle, $0) }
                members.removeAll()
                throw GeometryError.invalidInput("member \(index) belongs to another GeometryContext")
            }
            if isKnownUniquelyReferenced(&members[index]) {
                pointers.append(members[index].surrenderOwnership())
            } else {
                clearError()
                guard let copy = GEOSGeom_clone_r(handle, members[index].pointer) else {
                    pointers.forEach { GEOSGeom_destroy_r(handle, $0) }
                    members.removeAll()
                    throw error("GEOSGeom_clone_r")
                }
                pointers.append(copy)
            }
        }
        members.removeAll()
        return try NativeGeometry(context: self, pointer: collect(.geometryCollection, taking: &pointers)).unaryUnion()
    }

    /// The union of non-overlapping polygons. The corresponding GEOS function is `GEOSCoverageUnion_r`.
    public func coverageUnion(of polygons: [NativeGeometry]) throws -> NativeGeometry {
        try makeCollection(.geometryCollection, of: polygons).coverageUnion()
    }
}
