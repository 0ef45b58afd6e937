import CGEOS

extension NativeGeometry {
    /// The most vertices GEOS simplifies in one call: longer lines and rings are simplified in sections of this
    /// many vertices (sharing their end vertices, which Douglas-Peucker keeps).
    ///
    /// GEOS's Douglas-Peucker (`GEOSSimplify_r`, and `GEOSTopologyPreserveSimplify_r` beneath it) splits at the
    /// farthest vertex and recurses; on a zig-zag, whose vertices are all equally far, it splits off one vertex
    /// at a time: n levels of recursion (160 bytes each in GEOS 3.11.1) and n²/2 distances. A 250,000-vertex
    /// zig-zag boundary (the default vertex limit) crossed by a parcel overflowed validate's 8 MB thread stack
    /// (a segmentation fault after 52 s), and in `report` ran over four minutes first (issue 19). In sections of
    /// 1,000 the recursion stays under 160 kB and the work under 1,000 distances per vertex.
    public static let simplifySectionVertices = 1_000

    /// A simplified geometry: no vertex moves more than `tolerance`. With `preserveTopology` (the default)
    /// rings stay valid and do not cross (`GEOSTopologyPreserveSimplify_r`); otherwise plain Douglas-Peucker
    /// (`GEOSSimplify_r`), which may collapse or invalidate polygons.
    ///
    /// A line or ring of more than ``simplifySectionVertices`` vertices is simplified section by section (each
    /// section as a line, its end vertices kept), so the tolerance holds everywhere, but with `preserveTopology`
    /// the guarantee that parts do not cross holds within a section, not between sections; a ring left with
    /// fewer than four vertices is kept as it was. Points pass through unchanged.
    public func simplify(tolerance: Double, preserveTopology: Bool = true) throws -> NativeGeometry {
        guard GEOSGetNumCoordinates_r(context.handle, pointer) > Self.simplifySectionVertices else {
            return try simplifyWhole(tolerance: tolerance, preserveTopology: preserveTopology)
        }
        let sections = SectionSimplifier(context: context, tolerance: tolerance, preserveTopology: preserveTopology)
        return try context.make(try sections.simplify(try value()))
    }

    /// One GEOS call on the whole geometry.
    func simplifyWhole(tolerance: Double, preserveTopology: Bool) throws -> NativeGeometry {
        if preserveTopology {
            return try context.callGeometry("GEOSTopologyPreserveSimplify_r") {
                GEOSTopologyPreserveSimplify_r($0, pointer, tolerance)
            }
        }
        return try context.callGeometry("GEOSSimplify_r") { GEOSSimplify_r($0, pointer, tolerance) }
    }
}

/// Simplifies a geometry value line by line and ring by ring, each in sections of at most
/// ``NativeGeometry/simplifySectionVertices`` vertices, through GEOS.
private struct SectionSimplifier {
    let context: GeometryContext
    let tolerance: Double
    let preserveTopology: Bool

    /// Every line and ring of `geometry` simplified in sections; a ring (a closed path) left with fewer than
    /// four vertices is kept as it was.
    func simplify(_ geometry: Geometry) throws -> Geometry {
        try geometry.mapPaths { path in
            let simplified = try simplify(path)
            let ring = path.count >= 4 && path.first == path.last
            return ring && simplified.count < 4 ? path : simplified
        }
    }

    /// The coordinates of a line (or a ring, whose first and last vertex are kept) simplified in sections.
    private func simplify(_ coordinates: [Coordinate]) throws -> [Coordinate] {
        let size = NativeGeometry.simplifySectionVertices
        guard coordinates.count > 2 else { return coordinates }
        var result: [Coordinate] = []
        var start = 0
        while start < coordinates.count - 1 {
            let end = min(start + size - 1, coordinates.count - 1)
            let section = try context.make(.lineString(LineString(Array(coordinates[start...end]))))
            guard case .lineString(let simplified) = try section.simplifyWhole(tolerance: tolerance, preserveTopology: preserveTopology).value()
            else { throw GeometryError.geos(function: "GEOSSimplify_r", message: "a line section did not simplify to a line") }
            // A section of one repeated position may come back empty: its end vertices stand for it.
            let kept = simplified.coordinates.count >= 2 ? simplified.coordinates : [coordinates[start], coordinates[end]]
            result.append(contentsOf: result.isEmpty ? kept[...] : kept.dropFirst())
            start = end
        }
        return result
    }
}
