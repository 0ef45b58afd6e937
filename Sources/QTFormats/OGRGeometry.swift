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

    /// A new OGR geometry (owned by the caller) for `geometry`, through GEOS's WKB.
    /// The corresponding GDAL function is `OGR_G_CreateFromWkbEx`.
    static func make(_ geometry: Geometry, context: GeometryContext) throws -> OGRGeometryH {
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
