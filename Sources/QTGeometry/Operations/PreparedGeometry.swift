import CGEOS

/// A geometry indexed for many repeated predicate tests against it (for example "which of 100,000
/// points lie in this sub-district?").
///
/// Owns its `GEOSPreparedGeometry*` (freed with `GEOSPreparedGeom_destroy_r`) and keeps its source geometry
/// alive, since GEOS's prepared geometry points into it. The corresponding GEOS function is `GEOSPrepare_r`.
public final class PreparedGeometry {
    /// The geometry that was prepared.
    public let source: NativeGeometry
    private let pointer: OpaquePointer
    private var context: GeometryContext { source.context }

    /// Prepares `source` for repeated predicates.
    public init(_ source: NativeGeometry) throws {
        self.source = source
        self.pointer = try source.context.callPointer("GEOSPrepare_r") { GEOSPrepare_r($0, source.pointer) }
    }

    deinit { GEOSPreparedGeom_destroy_r(context.handle, pointer) }

    /// Whether `other` lies in the prepared geometry. The GEOS function is `GEOSPreparedContains_r`.
    public func contains(_ other: NativeGeometry) throws -> Bool {
        try context.callPredicate("GEOSPreparedContains_r") { GEOSPreparedContains_r($0, pointer, other.pointer) }
    }

    /// Whether the prepared geometry contains the point at `x`, `y`. GEOS 3.11 has no
    /// `GEOSPreparedContainsXY_r` (added in 3.12), so a temporary point is made for `GEOSPreparedContains_r`.
    public func contains(x: Double, y: Double) throws -> Bool {
        try contains(try context.makePoint(x: x, y: y))
    }

    /// Whether `other` lies in the prepared geometry, boundary excluded. The GEOS function is `GEOSPreparedContainsProperly_r`.
    public func containsProperly(_ other: NativeGeometry) throws -> Bool {
        try context.callPredicate("GEOSPreparedContainsProperly_r") { GEOSPreparedContainsProperly_r($0, pointer, other.pointer) }
    }

    /// Whether no point of `other` lies outside. The corresponding GEOS function is `GEOSPreparedCovers_r`.
    public func covers(_ other: NativeGeometry) throws -> Bool {
        try context.callPredicate("GEOSPreparedCovers_r") { GEOSPreparedCovers_r($0, pointer, other.pointer) }
    }

    /// Whether they share any point. The corresponding GEOS function is `GEOSPreparedIntersects_r`.
    public func intersects(_ other: NativeGeometry) throws -> Bool {
        try context.callPredicate("GEOSPreparedIntersects_r") { GEOSPreparedIntersects_r($0, pointer, other.pointer) }
    }

    /// Whether the prepared geometry lies in `other`. The corresponding GEOS function is `GEOSPreparedWithin_r`.
    public func within(_ other: NativeGeometry) throws -> Bool {
        try context.callPredicate("GEOSPreparedWithin_r") { GEOSPreparedWithin_r($0, pointer, other.pointer) }
    }

    /// The smallest planar distance to `other` (0 when they intersect), from the prepared geometry's facet
    /// index: logarithmic in its vertices, where `NativeGeometry.distance(to:)` visits every segment.
    /// The corresponding GEOS function is `GEOSPreparedDistance_r`.
    public func distance(to other: NativeGeometry) throws -> Double {
        try context.callMeasure("GEOSPreparedDistance_r") { GEOSPreparedDistance_r($0, pointer, other.pointer, $1) }
    }

    /// Whether `other` lies within `distance`. The corresponding GEOS function is `GEOSPreparedDistanceWithin_r`.
    public func isWithinDistance(_ distance: Double, of other: NativeGeometry) throws -> Bool {
        try context.callPredicate("GEOSPreparedDistanceWithin_r") {
            GEOSPreparedDistanceWithin_r($0, pointer, other.pointer, distance)
        }
    }
}

@available(*, unavailable)
extension PreparedGeometry: Sendable {}
