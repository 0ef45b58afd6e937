import CGDAL
import QTGeometry

/// Moves geometries between qtplan's values and OGR through Well-Known Binary, which GEOS writes and reads
/// (QTGeometry) and OGR reads and writes: no coordinate is handled by hand on either side.
enum OGRGeometry {
    /// The OGR geometry type declared for a layer holding `kinds`: the one kind when there is one, otherwise
    /// `wkbUnknown` (any geometry; GeoPackage's `GEOMETRY`).
    static func layerType(for kinds: Set<GeometryKind>) -> OGRwkbGeometryType {
        guard kinds.count == 1, let kind = kinds.first else { return wkbUnknown }
        switch kind {
        case .point: return wkbPoint
        case .lineString, .linearRing: return wkbLineString
        case .polygon: return wkbPolygon
        case .multiPoint: return wkbMultiPoint
        case .multiLineString: return wkbMultiLineString
        case .multiPolygon: return wkbMultiPolygon
        case .geometryCollection: return wkbGeometryCollection
        }
    }

    /// A new OGR geometry (owned by the caller) for `geometry`: built through OGR's geometry API from the
    /// coordinates (points, lines, polygons with closed rings of 4 or more positions, and collections of
    /// them), else through GEOS's WKB, whose checks then name what is wrong (an open or too short ring).
    /// The corresponding GDAL functions are `OGR_G_CreateGeometry`, `OGR_G_SetPoint_2D`, `OGR_G_SetPoints`,
    /// `OGR_G_AddGeometryDirectly` and `OGR_G_CreateFromWkbEx`.
    static func make(_ geometry: Geometry, context: GeometryContext) throws -> OGRGeometryH {
        if direct(geometry), let made = build(geometry) { return made }
        return try viaWKB(geometry, context: context)
    }

    /// Whether OGR's API can build `geometry` as GEOS would accept it: finite coordinates, lines of 2 or more
    /// positions (or none), closed rings of 4 or more.
    private static func direct(_ geometry: Geometry) -> Bool {
        func finite(_ cs: [Coordinate]) -> Bool { cs.allSatisfy(\.isFinite) }
        func ring(_ cs: [Coordinate]) -> Bool { cs.count >= 4 && cs.first == cs.last && finite(cs) }
        func polygon(_ p: Polygon) -> Bool { p.rings.allSatisfy(ring) }
        func line(_ l: LineString) -> Bool { (l.coordinates.isEmpty || l.coordinates.count >= 2) && finite(l.coordinates) }
        switch geometry {
        case .point(let p): return p.coordinate?.isFinite ?? true
        case .lineString(let l): return line(l)
        case .polygon(let p): return polygon(p)
        case .multiPoint(let m): return m.points.allSatisfy { $0.coordinate?.isFinite ?? true }
        case .multiLineString(let m): return m.lineStrings.allSatisfy(line)
        case .multiPolygon(let m): return m.polygons.allSatisfy(polygon)
        case .geometryCollection(let g): return g.geometries.allSatisfy(direct)
        }
    }

    /// The OGR geometry of a `geometry` that ``direct(_:)`` accepts; `nil` if OGR refuses a step.
    private static func build(_ geometry: Geometry) -> OGRGeometryH? {
        func points(_ type: OGRwkbGeometryType, _ cs: [Coordinate]) -> OGRGeometryH? {
            guard let g = OGR_G_CreateGeometry(type) else { return nil }
            cs.withUnsafeBytes { raw in
                guard let base = raw.baseAddress else { return }
                let stride = Int32(MemoryLayout<Coordinate>.stride)
                let x = MemoryLayout<Coordinate>.offset(of: \Coordinate.x) ?? 0, y = MemoryLayout<Coordinate>.offset(of: \Coordinate.y) ?? 8
                OGR_G_SetPoints(g, Int32(cs.count), base + x, stride, base + y, stride, nil, 0)
            }
            return g
        }
        func polygon(_ p: Polygon) -> OGRGeometryH? {
            guard let g = OGR_G_CreateGeometry(wkbPolygon) else { return nil }
            for ring in p.rings {
                guard let r = points(wkbLinearRing, ring), OGR_G_AddGeometryDirectly(g, r) == OGRERR_NONE else {
                    OGR_G_DestroyGeometry(g)
                    return nil
                }
            }
            return g
        }
        func collection(_ type: OGRwkbGeometryType, _ parts: [Geometry]) -> OGRGeometryH? {
            guard let g = OGR_G_CreateGeometry(type) else { return nil }
            for part in parts {
                guard let made = build(part), OGR_G_AddGeometryDirectly(g, made) == OGRERR_NONE else {
                    OGR_G_DestroyGeometry(g)
                    return nil
                }
            }
            return g
        }
        switch geometry {
        case .point(let p):
            guard let g = OGR_G_CreateGeometry(wkbPoint) else { return nil }
            if let c = p.coordinate { OGR_G_SetPoint_2D(g, 0, c.x, c.y) }
            return g
        case .lineString(let l): return points(wkbLineString, l.coordinates)
        case .polygon(let p): return polygon(p)
        case .multiPoint(let m): return collection(wkbMultiPoint, m.points.map(Geometry.point))
        case .multiLineString(let m): return collection(wkbMultiLineString, m.lineStrings.map(Geometry.lineString))
        case .multiPolygon(let m): return collection(wkbMultiPolygon, m.polygons.map(Geometry.polygon))
        case .geometryCollection(let c): return collection(wkbGeometryCollection, c.geometries)
        }
    }

    /// A new OGR geometry for `geometry` through GEOS's WKB.
    private static func viaWKB(_ geometry: Geometry, context: GeometryContext) throws -> OGRGeometryH {
        let wkb = try context.make(geometry).wkb()
        var made: OGRGeometryH?
        try wkb.withUnsafeBytes { bytes in
            try GDALCall.ogr("OGR_G_CreateFromWkbEx") { OGR_G_CreateFromWkbEx(bytes.baseAddress, nil, &made, bytes.count) }
        }
        guard let made else { throw GDALCall.error("OGR_G_CreateFromWkbEx") }
        return made
    }

    /// The value of a borrowed OGR geometry, 2-D: curves (DXF arcs, GeoPackage curve types) are first made
    /// linear by GDAL, heights are dropped. `hadZ` and `hadCurves` report what was changed.
    /// The corresponding GDAL functions are `OGR_G_HasCurveGeometry`, `OGR_G_GetLinearGeometry`,
    /// `OGR_G_WkbSizeEx` and `OGR_G_ExportToIsoWkb`.
    static func value(of borrowed: OGRGeometryH, context: GeometryContext) throws -> (geometry: Geometry, hadZ: Bool, hadCurves: Bool) {
        var geometry = borrowed
        var linear: OGRGeometryH?
        defer { if let linear { OGR_G_DestroyGeometry(linear) } }
        let hadCurves = OGR_G_HasCurveGeometry(borrowed, 1) != 0
        if hadCurves {
            linear = try GDALCall.handle("OGR_G_GetLinearGeometry") { OGR_G_GetLinearGeometry(borrowed, 0, nil) }
            geometry = linear ?? borrowed
        }
        let hadZ = OGR_GT_HasZ(OGR_G_GetGeometryType(geometry)) != 0
        var bytes = [UInt8](repeating: 0, count: OGR_G_WkbSizeEx(geometry))
        try bytes.withUnsafeMutableBufferPointer { buffer in
            try GDALCall.ogr("OGR_G_ExportToIsoWkb") { OGR_G_ExportToIsoWkb(geometry, wkbNDR, buffer.baseAddress) }
        }
        return (try context.read(wkb: bytes).value(), hadZ, hadCurves)
    }
}
