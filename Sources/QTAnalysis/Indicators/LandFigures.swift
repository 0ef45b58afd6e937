import QTGeometry
import QTModel
import QTProjection

/// The land areas behind the seeds' green indicators (公园绿地占城镇建设用地比重, 绿化覆盖率), measured once by
/// the caller and handed to ``IndicatorCalculator/report(for:lifeCircles:land:)``. Areas are m², planar in the
/// district's metric CRS.
public struct LandFigures: Sendable, Hashable {
    /// Urban construction land (城镇建设用地, ``LandUseDerived/urbanConstructionArea``): the base of both shares.
    public var urbanConstructionArea: Double
    /// Green and open space land (class 14, ``LandUseDerived/greenSpaceArea``): the lower bound of green cover.
    public var greenSpaceArea: Double
    /// The area of the `parks` layer's polygons, unioned (a park drawn twice counts once); `nil` without a parks layer.
    public var parkArea: Double?

    /// Creates the figures from areas in m².
    public init(urbanConstructionArea: Double, greenSpaceArea: Double, parkArea: Double?) {
        self.urbanConstructionArea = urbanConstructionArea
        self.greenSpaceArea = greenSpaceArea
        self.parkArea = parkArea
    }

    /// The figures of `district`: land use measured planar by ``LandUse``, parks unioned by GEOS in the metric CRS.
    /// - Throws: ``LandUseError`` for a missing land-use layer or a parcel that cannot be used; ``CoverageError``
    ///   (`invalidFeature`) for a park without a polygon; PROJ and GEOS errors.
    public static func measure(_ district: District) throws -> LandFigures {
        let landUse = try LandUse.compute(
            district,
            options: LandUseOptions(
                grouping: LandUseGrouping(byClass: true, zone: nil),
                method: .planar))
        return LandFigures(
            urbanConstructionArea: landUse.derived.urbanConstructionArea,
            greenSpaceArea: landUse.derived.greenSpaceArea, parkArea: try parkArea(of: district))
    }

    /// The unioned planar area of the parks layer's polygons (edges densified every ~10 m before projecting),
    /// or `nil` when the district has no parks layer. Parks marked `outside: true`, and parks whose `status` is not
    /// `operating` (planned ones are not park green space yet), are left out.
    public static func parkArea(of district: District) throws -> Double? {
        guard let layer = district.layers[.parks] else { return nil }
        let context = try GeometryContext()
        let toMetric = try Transformer(from: .wgs84, to: try CRS(parsing: district.manifest.metricCRS))
        var parts: [NativeGeometry] = []
        for (i, f) in layer.features.enumerated()
        where f.properties["outside"]?.boolValue != true
            && (f.properties["status"]?.stringValue ?? "operating") == "operating"
        {
            guard let g = f.geometry, g.kind == .polygon || g.kind == .multiPolygon, !g.isEmpty else {
                let id = f.properties["id"]?.stringValue ?? "#\(i + 1)"
                throw CoverageError.invalidFeature(
                    layer: district.layerFile(.parks) ?? "parks", id: "\(i) '\(id)'",
                    detail: "expected a Polygon or MultiPolygon (the park's area)")
            }
            parts.append(try context.make(try toMetric.transform(g.densified(step: 0.0001))))
        }
        guard !parts.isEmpty else { return 0 }
        return try context.union(taking: &parts).area()
    }
}
