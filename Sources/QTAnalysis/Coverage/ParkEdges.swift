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
/// - Which parks count: ``SupplySelector/minimumArea`` against `area_m2` (GB 50180 §4.0.4's 5, 1 and 0.4 ha);
///   `status` operating or none unless planned ones are asked for. Every point carries its park's id, and
///   ``SupplySet/facilityCount`` counts parks, not points.
public enum ParkEdges {
    /// The largest distance between two consecutive points of an outline, metres.
    public static let spacing = 10.0

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
        for (i, f) in district.features(.parks).enumerated() {
            guard selector.admits(f, includePlanned: includePlanned) else { continue }
            let id = f.properties["id"]?.stringValue ?? "#\(i + 1)"
            let feature = "\(i) '\(id)'"
            guard let geometry = f.geometry, geometry.kind == .polygon || geometry.kind == .multiPolygon, !geometry.isEmpty else {
                throw CoverageError.invalidFeature(layer: file, id: feature, detail: "expected a Polygon or MultiPolygon (the park's area)")
            }
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
                let outline = try context.make(try toMetric.transform(geometry.densified(step: 0.0001))).boundaryLine()
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
        return set
    }
}
