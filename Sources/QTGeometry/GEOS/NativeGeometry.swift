import CGEOS

/// A geometry owned by GEOS, tied to the ``GeometryContext`` that made it.
///
/// This class is the single owner of its `GEOSGeometry*` and frees it in `deinit`
/// (`GEOSGeom_destroy_r`). Where a GEOS call would take ownership (collections), qtplan passes clones, so a
/// `NativeGeometry` is always safe to use until it is released. It keeps its context alive, and like the
/// context it must stay on one task: convert it to a ``Geometry`` value with ``value()`` to hand it on.
public final class NativeGeometry {
    /// The context that made this geometry; every operation on it runs there.
    public let context: GeometryContext
    let pointer: OpaquePointer
    /// False once GEOS has taken the pointer over (see ``GeometryContext/union(taking:)``).
    private var ownsPointer = true

    init(context: GeometryContext, pointer: OpaquePointer) {
        self.context = context
        self.pointer = pointer
    }

    deinit { if ownsPointer { GEOSGeom_destroy_r(context.handle, pointer) } }

    /// Gives the pointer to a GEOS call that takes ownership. Only for a wrapper nothing else references:
    /// callers check `isKnownUniquelyReferenced` and drop their reference right after.
    func surrenderOwnership() -> OpaquePointer {
        ownsPointer = false
        return pointer
    }

    /// A deep copy owned by the caller. The corresponding GEOS function is `GEOSGeom_clone_r`.
    public func clone() throws -> NativeGeometry {
        try context.callGeometry("GEOSGeom_clone_r") { GEOSGeom_clone_r($0, pointer) }
    }

    /// The geometry's type. The corresponding GEOS function is `GEOSGeomTypeId_r`.
    public func kind() throws -> GeometryKind {
        let id = try context.call("GEOSGeomTypeId_r", { GEOSGeomTypeId_r($0, pointer) }, failed: { $0 < 0 })
        guard let kind = GeometryKind(rawValue: id) else {
            throw GeometryError.geos(function: "GEOSGeomTypeId_r", message: "unknown geometry type id \(id)")
        }
        return kind
    }

    /// Whether the geometry is empty. The corresponding GEOS function is `GEOSisEmpty_r`.
    public func isEmpty() throws -> Bool {
        try context.callPredicate("GEOSisEmpty_r") { GEOSisEmpty_r($0, pointer) }
    }

    /// The number of member geometries (1 for a non-collection). The GEOS function is `GEOSGetNumGeometries_r`.
    public func geometryCount() throws -> Int {
        Int(try context.call("GEOSGetNumGeometries_r", { GEOSGetNumGeometries_r($0, pointer) }, failed: { $0 < 0 }))
    }

    /// The bounding box, or `nil` when empty. The corresponding GEOS function is `GEOSGeom_getExtent_r`.
    public func envelope() throws -> Envelope? {
        if try isEmpty() { return nil }
        var minX = 0.0, minY = 0.0, maxX = 0.0, maxY = 0.0
        _ = try context.call(
            "GEOSGeom_getExtent_r", { GEOSGeom_getExtent_r($0, pointer, &minX, &minY, &maxX, &maxY) },
            failed: { $0 == 0 })
        return Envelope(minX: minX, minY: minY, maxX: maxX, maxY: maxY)
    }
}

/// Native geometries belong to one task, like their context.
@available(*, unavailable)
extension NativeGeometry: Sendable {}
