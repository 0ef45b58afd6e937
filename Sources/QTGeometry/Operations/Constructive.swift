import CGEOS

/// The shape of a buffer's line ends. Raw values are GEOS's `GEOSBufCapStyles`.
public enum BufferCapStyle: Int32, Sendable, CaseIterable {
    /// Half circles (`GEOSBUF_CAP_ROUND`).
    case round = 1
    /// Cut off at the line end (`GEOSBUF_CAP_FLAT`).
    case flat = 2
    /// Squares extending past the line end (`GEOSBUF_CAP_SQUARE`).
    case square = 3
}

/// The shape of a buffer's corners. Raw values are GEOS's `GEOSBufJoinStyles`.
public enum BufferJoinStyle: Int32, Sendable, CaseIterable {
    /// Arcs (`GEOSBUF_JOIN_ROUND`).
    case round = 1
    /// Sharp corners up to the mitre limit (`GEOSBUF_JOIN_MITRE`).
    case mitre = 2
    /// Cut corners (`GEOSBUF_JOIN_BEVEL`).
    case bevel = 3
}

/// How a buffer is drawn.
public struct BufferStyle: Hashable, Sendable {
    /// Segments used to approximate a quarter circle (GEOS's default is 8).
    public var quadrantSegments: Int32
    /// Line-end shape.
    public var cap: BufferCapStyle
    /// Corner shape.
    public var join: BufferJoinStyle
    /// For mitre joins, the largest ratio of corner distance to buffer width.
    public var mitreLimit: Double

    /// Creates a style; the defaults are GEOS's (8 segments, round caps and joins, mitre limit 5).
    public init(
        quadrantSegments: Int32 = 8, cap: BufferCapStyle = .round, join: BufferJoinStyle = .round,
        mitreLimit: Double = 5
    ) {
        self.quadrantSegments = quadrantSegments
        self.cap = cap
        self.join = join
        self.mitreLimit = mitreLimit
    }
}

/// How ``NativeGeometry/makeValid(method:)`` repairs a geometry.
public enum MakeValidMethod: Sendable {
    /// Keeps every edge of the input (GEOS's original algorithm, `GEOS_MAKE_VALID_LINEWORK`).
    case linework
    /// Rebuilds polygons from their rings, dropping collapsed parts (`GEOS_MAKE_VALID_STRUCTURE`).
    case structure
}

extension NativeGeometry {
    /// The area within `distance` of the geometry (negative shrinks polygons).
    /// The corresponding GEOS function is `GEOSBufferWithStyle_r`.
    /// - Throws: ``GeometryError/invalidInput(_:)`` for a NaN or infinite distance or mitre limit, which
    ///   GEOS 3.11.1 does not refuse (it crashes on a NaN distance).
    public func buffer(_ distance: Double, style: BufferStyle = BufferStyle()) throws -> NativeGeometry {
        guard distance.isFinite, style.mitreLimit.isFinite else {
            throw GeometryError.invalidInput("buffer distance \(distance) and mitre limit \(style.mitreLimit) must be finite")
        }
        return try context.callGeometry("GEOSBufferWithStyle_r") {
            GEOSBufferWithStyle_r(
                $0, pointer, distance, style.quadrantSegments, style.cap.rawValue,
                style.join.rawValue, style.mitreLimit)
        }
    }

    /// The largest circle inside a polygonal geometry, as a line from its centre to the nearest point of the
    /// boundary: the line's length is the circle's radius, to within `tolerance` (shorter, never longer). Of a
    /// MultiPolygon, the largest circle in any part. The corresponding GEOS function is
    /// `GEOSMaximumInscribedCircle_r`.
    /// - Throws: ``GeometryError/invalidInput(_:)`` for a tolerance that is not a positive number; GEOS's error
    ///   for a geometry that is not polygonal.
    public func maximumInscribedCircle(tolerance: Double) throws -> NativeGeometry {
        guard tolerance.isFinite, tolerance > 0 else {
            throw GeometryError.invalidInput("inscribed-circle tolerance \(tolerance) must be a positive number")
        }
        return try context.callGeometry("GEOSMaximumInscribedCircle_r") { GEOSMaximumInscribedCircle_r($0, pointer, tolerance) }
    }

    /// The width of a polygonal geometry: the diameter of its largest inscribed circle
    /// (``maximumInscribedCircle(tolerance:)``), to within 2 × `tolerance` below. A 100 m × 500 m rectangle is 100 m
    /// wide; 0 for an empty geometry. The corresponding GEOS function is `GEOSMaximumInscribedCircle_r`.
    public func inscribedWidth(tolerance: Double = 0.01) throws -> Double {
        if try isEmpty() { return 0 }
        return 2 * (try maximumInscribedCircle(tolerance: tolerance).length())
    }

    /// The centre of mass (an empty point for an empty geometry). The GEOS function is `GEOSGetCentroid_r`.
    public func centroid() throws -> NativeGeometry {
        try context.callGeometry("GEOSGetCentroid_r") { GEOSGetCentroid_r($0, pointer) }
    }

    /// A point guaranteed to lie on the geometry. The corresponding GEOS function is `GEOSPointOnSurface_r`.
    public func pointOnSurface() throws -> NativeGeometry {
        try context.callGeometry("GEOSPointOnSurface_r") { GEOSPointOnSurface_r($0, pointer) }
    }

    /// The geometry with extra vertices inserted so that no segment is longer than `maximumSegmentLength`
    /// (in the coordinates' units); the shape is unchanged. Use it before projecting long straight edges,
    /// which a projection bends. The corresponding GEOS function is `GEOSDensify_r`.
    public func densified(maximumSegmentLength: Double) throws -> NativeGeometry {
        guard maximumSegmentLength.isFinite, maximumSegmentLength > 0 else {
            throw GeometryError.invalidInput("densify length \(maximumSegmentLength) must be a positive number")
        }
        return try context.callGeometry("GEOSDensify_r") { GEOSDensify_r($0, pointer, maximumSegmentLength) }
    }

    /// The topological boundary: a polygon's rings as lines, a line's end points.
    /// The corresponding GEOS function is `GEOSBoundary_r`.
    public func boundaryLine() throws -> NativeGeometry {
        try context.callGeometry("GEOSBoundary_r") { GEOSBoundary_r($0, pointer) }
    }

    /// The smallest convex polygon containing the geometry. The corresponding GEOS function is `GEOSConvexHull_r`.
    public func convexHull() throws -> NativeGeometry {
        try context.callGeometry("GEOSConvexHull_r") { GEOSConvexHull_r($0, pointer) }
    }

    /// A concave hull of the vertices. `ratio` runs from 0 (most concave) to 1 (the convex hull).
    /// The corresponding GEOS function is `GEOSConcaveHull_r`.
    public func concaveHull(ratio: Double, allowHoles: Bool = false) throws -> NativeGeometry {
        try context.callGeometry("GEOSConcaveHull_r") { GEOSConcaveHull_r($0, pointer, ratio, allowHoles ? 1 : 0) }
    }

    /// A valid geometry covering the same points (a bow-tie becomes two triangles).
    /// The corresponding GEOS functions are `GEOSMakeValid_r` and `GEOSMakeValidWithParams_r`.
    public func makeValid(method: MakeValidMethod = .linework) throws -> NativeGeometry {
        switch method {
        case .linework:
            return try context.callGeometry("GEOSMakeValid_r") { GEOSMakeValid_r($0, pointer) }
        case .structure:
            let params = try context.callPointer("GEOSMakeValidParams_create_r") { GEOSMakeValidParams_create_r($0) }
            defer { GEOSMakeValidParams_destroy_r(context.handle, params) }
            _ = try context.call(
                "GEOSMakeValidParams_setMethod_r",
                { GEOSMakeValidParams_setMethod_r($0, params, GEOS_MAKE_VALID_STRUCTURE) },
                failed: { $0 == 0 })
            return try context.callGeometry("GEOSMakeValidWithParams_r") { GEOSMakeValidWithParams_r($0, pointer, params) }
        }
    }

    /// The polygons enclosed by the geometry's lines, holes by even-odd nesting: the lines of an OpenStreetMap
    /// multipolygon's outer and inner ways become its polygons with their holes. Lines that close no ring are
    /// ignored; crossing lines should be noded first (``unaryUnion()``). The GEOS function is `GEOSBuildArea_r`.
    public func buildArea() throws -> NativeGeometry {
        try context.callGeometry("GEOSBuildArea_r") { GEOSBuildArea_r($0, pointer) }
    }

    /// The geometry in GEOS's normal form (ordered rings and members), for comparisons.
    /// The corresponding GEOS function is `GEOSNormalize_r`.
    public func normalized() throws -> NativeGeometry {
        let copy = try clone()
        _ = try context.call("GEOSNormalize_r", { GEOSNormalize_r($0, copy.pointer) }, failed: { $0 == -1 })
        return copy
    }
}

extension NativeGeometry {
    /// The geometry with its vertices and segments snapped to the vertices of `reference` within
    /// `tolerance`: vertices of `reference` lying on (or near) this geometry's segments are inserted into
    /// them. Use it to make neighbouring polygons share exactly the same vertices along common edges, so
    /// that rounding their coordinates later cannot open gaps or overlaps between them.
    /// The corresponding GEOS function is `GEOSSnap_r`.
    public func snapped(to reference: NativeGeometry, tolerance: Double) throws -> NativeGeometry {
        guard tolerance.isFinite, tolerance >= 0 else {
            throw GeometryError.invalidInput("snap tolerance \(tolerance) must be a finite non-negative number")
        }
        return try context.callGeometry("GEOSSnap_r") { GEOSSnap_r($0, pointer, reference.pointer, tolerance) }
    }
}
