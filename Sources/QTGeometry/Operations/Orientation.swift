import CGEOS

extension GeometryContext {
    /// Whether a closed ring runs counter-clockwise (positive signed area in x/y).
    /// The corresponding GEOS function is `GEOSCoordSeq_isCCW_r`.
    public func isCounterClockwise(_ ring: [Coordinate]) throws -> Bool {
        let line = try make(.lineString(LineString(ring)))
        let seq = try callPointer("GEOSGeom_getCoordSeq_r") { GEOSGeom_getCoordSeq_r($0, line.pointer) }
        var ccw: CChar = 0
        _ = try call("GEOSCoordSeq_isCCW_r", { GEOSCoordSeq_isCCW_r($0, seq, &ccw) }, failed: { $0 == 0 })
        return ccw == 1
    }

    /// The polygons of `geometry` with exterior rings counter-clockwise and holes clockwise, as RFC 7946
    /// §3.1.6 asks of GeoJSON. GEOS 3.11 has no orienting call (`GEOSOrientPolygons_r` arrived in 3.12), so the
    /// rings are reversed here, after GEOS decides each ring's orientation.
    public func orientedForGeoJSON(_ geometry: Geometry) throws -> Geometry {
        func orient(_ polygon: Polygon) throws -> Polygon {
            Polygon(
                rings: try polygon.rings.enumerated().map { index, ring in
                    guard ring.count >= 4 else { return ring }
                    let wantCCW = index == 0
                    return try isCounterClockwise(ring) == wantCCW ? ring : ring.reversed()
                })
        }
        switch geometry {
        case .polygon(let p): return .polygon(try orient(p))
        case .multiPolygon(let m): return .multiPolygon(MultiPolygon(try m.polygons.map(orient)))
        case .geometryCollection(let c):
            return .geometryCollection(GeometryCollection(try c.geometries.map(orientedForGeoJSON)))
        default: return geometry
        }
    }
}
