import QTGeometry
import QTModel
import QTProjection

/// Parks as areas, reached at their edge (issue 15): the `parks` layer's polygons turned into the points the
/// coverage engine measures from, so that every mode (radius, walk, drive) measures a park exactly as it measures a
/// point facility, from more points.
///
/// - A park with `entrances` (an array of `[longitude, latitude]`, tagged entrances on the outline) is reached at
///   those points only.
/// - Any other park is reached anywhere on its outline: the outline (every ring, in the metric CRS) is densified by
///   GEOS to points at most ``spacing`` metres apart, and every vertex is a point of supply. A resident's distance to
///   the nearest of them exceeds the distance to the outline by at most √(d² + (s/2)²) − d (s the spacing): under
///   0.05 m at d = 300 m with s = 10 m. In network modes each point joins the street nearest it, as a facility does.
/// - A resident inside a park reaches it at its outline, not at distance 0 (residents live on residential land; a
///   point inside a park is rare and is then measured to the edge).
/// - Which parks count: ``SupplySelector/minimumArea`` against `area_m2` (GB 50180 §4.0.4's 5, 1 and 0.4 ha) and
///   ``SupplySelector/minimumWidth`` against the park's width (``width(of:)``: table 4.0.4's 80, 50 and 30 m), both;
///   `status` operating or none unless planned ones are asked for. Every point carries its park's id, and
///   ``SupplySet/facilityCount`` counts parks, not points.
/// - The parks' area inside each sub-district (``SupplySet/parkArea``, planar in the metric CRS, by GEOS's
///   intersection with the `subdistricts` layer, else with the boundary) gives the green area per resident.
public enum ParkEdges {
    /// The largest distance between two consecutive points of an outline, metres.
    public static let spacing = 10.0

    /// The tolerance of a park's width, metres: GEOS's inscribed circle is at most this much smaller in radius than
    /// the true one.
    public static let widthTolerance = 0.01

    /// A park's width in metres: the diameter of the largest circle inside its polygon (metric CRS), to within
    /// 2 × ``widthTolerance`` below. GB 50180's 最小宽度 is read as this: a park qualifies for a width of w where a
    /// circle of diameter w fits inside it (a 100 m × 500 m park is 100 m wide, a 40 m × 1,250 m strip 40 m).
    /// The corresponding GEOS function is `GEOSMaximumInscribedCircle_r`.
    public static func width(of metric: NativeGeometry) throws -> Double {
        try metric.inscribedWidth(tolerance: widthTolerance)
    }

    /// The points of the parks of `selector` in `district`'s `parks` layer (metric CRS).
    /// - Throws: ``CoverageError/invalidFeature(layer:id:detail:)`` for a park without a polygon or with malformed
    ///   `entrances`; PROJ and GEOS errors.
    public static func supply(
        _ selector: SupplySelector, in district: District, includePlanned: Bool,
        context: GeometryContext, toMetric: Transformer
    ) throws -> SupplySet {
        let file = district.layerFile(.parks) ?? "parks"
        var set = SupplySet(ids: [], names: [], xs: [], ys: [])
        var parks = 0
        // The areas the green area per resident is counted in: each sub-district, else the boundary.
        var zones: [(id: String, geometry: NativeGeometry)] = []
        for z in district.features(.subdistricts) {
            guard let id = z.properties["id"]?.stringValue, let g = z.geometry, !zones.contains(where: { $0.id == id }) else { continue }
            zones.append((id, try context.make(try toMetric.transform(g.densified(step: 0.0001)))))
        }
        let boundary = try district.features(.boundary).first?.geometry.map { try context.make(try toMetric.transform($0.densified(step: 0.0001))) }
        var areaBySubdistrict: [String: Double] = [:]
        var areaTotal = 0.0
        for (i, f) in district.features(.parks).enumerated() {
            guard selector.admits(f, includePlanned: includePlanned) else { continue }
            let id = f.properties["id"]?.stringValue ?? "#\(i + 1)"
            let feature = "\(i) '\(id)'"
            guard let geometry = f.geometry, geometry.kind == .polygon || geometry.kind == .multiPolygon, !geometry.isEmpty else {
                throw CoverageError.invalidFeature(layer: file, id: feature, detail: "expected a Polygon or MultiPolygon (the park's area)")
            }
            let metric = try context.make(try toMetric.transform(geometry.densified(step: 0.0001)))
            if let minimumWidth = selector.minimumWidth, try width(of: metric) < minimumWidth {
                set.narrowParks.append(id)
                continue
            }
            for zone in zones {
                let inside = try metric.intersection(zone.geometry).area()
                areaBySubdistrict[zone.id, default: 0] += inside
                areaTotal += inside
            }
            if zones.isEmpty { areaTotal += try boundary.map { try metric.intersection($0).area() } ?? metric.area() }
            var points: [Coordinate] = []
            if let entrances = f.properties["entrances"] {
                guard let list = entrances.arrayValue, !list.isEmpty else {
                    throw CoverageError.invalidFeature(layer: file, id: feature, detail: "'entrances' must be a non-empty array of [longitude, latitude]")
                }
                for e in list {
                    guard let pair = e.arrayValue, pair.count == 2, let x = pair[0].doubleValue, let y = pair[1].doubleValue,
                        x.isFinite, y.isFinite
                    else {
                        throw CoverageError.invalidFeature(layer: file, id: feature, detail: "'entrances' must be a non-empty array of [longitude, latitude]")
                    }
                    points.append(try toMetric.transform(Coordinate(x: x, y: y)))
                }
            } else {
                let outline = try metric.boundaryLine()
                try outline.densified(maximumSegmentLength: spacing).value().forEachCoordinate { points.append($0) }
            }
            let name = f.properties["name"]?.stringValue ?? id
            let outside = f.properties["outside"]?.boolValue == true
            for p in points {
                set.ids.append(id)
                set.names.append(name)
                set.xs.append(p.x)
                set.ys.append(p.y)
                set.outside.append(outside)
            }
            parks += 1
        }
        set.facilityCount = parks
        set.parkArea = (areaBySubdistrict, areaTotal)
        return set
    }
}
