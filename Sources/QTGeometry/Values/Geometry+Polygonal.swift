/// The polygonal part of a geometry: what area measures and overlays of polygons keep when GEOS's overlay or
/// make-valid hands back lines and points beside the polygons.
extension Geometry {
    /// The non-empty polygons of the geometry, multi-polygons and collections flattened, in order; empty for
    /// points and lines.
    public var polygons: [Polygon] {
        switch self {
        case .polygon(let p): p.rings.isEmpty ? [] : [p]
        case .multiPolygon(let m): m.polygons.filter { !$0.rings.isEmpty }
        case .geometryCollection(let c): c.geometries.flatMap(\.polygons)
        default: []
        }
    }

    /// Only the polygonal part: a polygon when there is exactly one, otherwise a multi-polygon (empty when the
    /// geometry holds no polygon).
    public var polygonalPart: Geometry {
        let polygons = self.polygons
        return polygons.count == 1 ? .polygon(polygons[0]) : .multiPolygon(MultiPolygon(polygons))
    }
}

extension NativeGeometry {
    /// Only the polygonal part of the geometry (see ``Geometry/polygonalPart``), in the same context; the
    /// geometry itself when it is a polygon or multi-polygon already.
    ///
    /// - Throws: ``GeometryError`` when GEOS fails to read or make the geometry.
    public func polygonalPart() throws -> NativeGeometry {
        switch try kind() {
        case .polygon, .multiPolygon: return self
        default: return try context.make(try value().polygonalPart)
        }
    }
}
