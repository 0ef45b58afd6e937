import QTGeometry
import QTModel

/// Land-use parcels tiling the boundary, modelled: no land-use data was found (reference/places.csv: NOT
/// FOUND for 耕地, 建成区, 永久基本农田).
///
/// Rules, in order of precedence:
/// 1. River water (RiverModel) is cut by sub-district into `water` parcels.
/// 2. 金沙湖: a 0.31 km² lake (places.csv: 464 亩) and its 0.65 km² park (places.csv) around the reference point.
/// 3. The rest of the land is cut by a 600 m grid in EPSG:4549; cells whose centre lies in an urban zone are
///    split into four 300 m blocks. Each piece of land in a cell is one parcel, so parcels tile the land.
/// 4. A parcel's class is drawn (seeded) from the mix of the zone its representative point lies in:
///    manufacturing platforms (mostly industrial, 20% not yet developed), the Xiasha Higher Education Park
///    (education: public service), the urban zones (Xiasha south of 30.355°N; the integration start-up
///    area; the Jiangdong town centres), the partly built integration core and Jianghai City, and the rural
///    rest (cropland first, ponds, orchards and nurseries, villages).
/// The mixes are stated below; the run prints the totals to check against the seeds: urban built-up land
/// near 124 km² (seed 002) and cropland of at least 60 km² (room for seed 001's 90,000 亩 of grain-growing area, 粮食生产面积, by 2025).
struct LandUseModel {
    typealias Mix = [(LandUseClass, Double)]

    static let urbanMix: Mix = [(.residential, 0.44), (.commercial, 0.12), (.publicService, 0.10),
                                (.greenSpace, 0.12), (.transport, 0.11), (.utilities, 0.03), (.industrial, 0.04),
                                (.reserved, 0.04)]
    static let manufacturingMix: Mix = [(.industrial, 0.70), (.warehouse, 0.07), (.utilities, 0.03),
                                        (.reserved, 0.12), (.cropland, 0.08)]
    static let campusMix: Mix = [(.publicService, 0.85), (.greenSpace, 0.10), (.residential, 0.05)]
    static let partlyBuiltMix: Mix = [(.reserved, 0.35), (.cropland, 0.30), (.commercial, 0.10),
                                      (.residential, 0.10), (.greenSpace, 0.08), (.transport, 0.07)]
    static let ruralMix: Mix = [(.cropland, 0.50), (.water, 0.12), (.orchard, 0.09), (.ruralResidential, 0.09),
                                (.forest, 0.05), (.wetland, 0.05), (.grassland, 0.05), (.reserved, 0.05)]

    /// Jiangdong town centres (longitude, latitude, radius in m): stations and sub-district seats.
    static let towns: [(String, Double, Double, Double)] = [
        ("义蓬", 120.483, 30.276, 1_100), ("河庄", 120.452, 30.301, 900), ("新湾", 120.537, 30.297, 800),
        ("前进", 120.585, 30.262, 700), ("临江", 120.625, 30.300, 700),
    ]
    /// 下沙高教园区 (places.csv: the mean of 14 campus points, WGS84; 10.91 km²).
    static let campus = (lon: 120.368911, lat: 30.316475, km2: 10.91)
    /// 金沙湖 (places.csv, converted from GCJ-02): lake 464 亩 ≈ 0.31 km², park about 0.65 km².
    static let jinsha = (lon: 120.314614, lat: 30.311961, lakeKm2: 0.31, parkKm2: 0.65)

    static func run(_ state: ModelState) throws {
        let frame = state.frame
        guard let water = state.water, let land = state.land else { throw ModelError("land use needs the river step") }
        var rng = SeededGenerator(seed: state.seed &+ 4)
        var parcels: [Parcel] = []

        // 1. River water, by sub-district.
        for s in state.subdistricts {
            let piece = try frame.polygonal(try water.intersection(s.geometry))
            if try piece.isEmpty() { continue }
            parcels.append(Parcel(id: "river-\(s.id)", landUse: .water, geometry: piece, subdistrict: s.id,
                                  rule: "river water on the \(s.name) bank"))
        }

        // 2. 金沙湖 and its park.
        let jinshaCentre = try frame.context.make(.point(Point(try frame.metric(jinsha.lon, jinsha.lat))))
        let lake = try IndustrialParkModel.disc(around: jinshaCentre, areaM2: jinsha.lakeKm2 * 1e6, within: land, frame: frame)
        let lakeAndPark = try IndustrialParkModel.disc(around: jinshaCentre, areaM2: (jinsha.lakeKm2 + jinsha.parkKm2) * 1e6,
                                                       within: land, frame: frame)
        let park = try frame.polygonal(try lakeAndPark.difference(lake))
        parcels.append(Parcel(id: "jinsha-lake", landUse: .water, geometry: lake, subdistrict: try state.subdistrict(of: lake),
                              rule: "金沙湖 lake (places.csv: 464 亩)"))
        parcels.append(Parcel(id: "jinsha-park", landUse: .greenSpace, geometry: park, subdistrict: try state.subdistrict(of: park),
                              rule: "金沙湖 park (places.csv)"))
        let rest = try frame.polygonal(try land.difference(lakeAndPark))

        // Zones.
        let campusZone = try IndustrialParkModel.disc(
            around: try frame.context.make(.point(Point(try frame.metric(campus.lon, campus.lat)))),
            areaM2: campus.km2 * 1e6, within: rest, frame: frame)
        let xiashaUrban = try frame.metricPolygon([(120.25, 30.2), (120.405, 30.2), (120.405, 30.285), (120.412, 30.30),
                                                   (120.42, 30.325), (120.425, 30.355), (120.25, 30.355)])
        var urbanParts = [xiashaUrban]
        for town in towns {
            urbanParts.append(try frame.context.make(.point(Point(try frame.metric(town.1, town.2)))).buffer(town.3))
        }
        let manufacturing = state.parks.filter(\.manufacturing).map(\.geometry)
        let startup = state.parks.first { $0.id == "integration-startup" }?.geometry
        if let startup { urbanParts.append(startup) }
        let partlyBuilt = state.parks.filter { ["integration-core", "jianghai-city"].contains($0.id) }.map(\.geometry)
        let urban = try PreparedGeometry(try frame.context.union(of: urbanParts))
        let manufacturingZone = try PreparedGeometry(try frame.context.union(of: manufacturing))
        let partlyBuiltZone = try PreparedGeometry(try frame.context.union(of: partlyBuilt))
        let campusPrepared = try PreparedGeometry(campusZone)

        // 3–4. The grid.
        guard let box = try rest.envelope() else { throw ModelError("no land left for parcels") }
        let restPrepared = try PreparedGeometry(rest)
        let size = 600.0
        let x0 = (box.minX / size).rounded(.down) * size, y0 = (box.minY / size).rounded(.down) * size
        var counter = 0
        var row = 0
        while y0 + Double(row) * size < box.maxY {
            var column = 0
            while x0 + Double(column) * size < box.maxX {
                let cell = Envelope(minX: x0 + Double(column) * size, minY: y0 + Double(row) * size,
                                    maxX: x0 + Double(column + 1) * size, maxY: y0 + Double(row + 1) * size)
                column += 1
                let centre = try frame.context.makePoint(x: (cell.minX + cell.maxX) / 2, y: (cell.minY + cell.maxY) / 2)
                let rectangle = try frame.context.makeRectangle(cell)
                guard try restPrepared.intersects(rectangle) else { continue }
                let blocks = try urban.contains(centre) ? quarters(cell) : [cell]
                for block in blocks {
                    let piece = try frame.polygonal(try frame.context.makeRectangle(block).intersection(rest))
                    if try piece.isEmpty() || piece.area() < 1 { continue }
                    let at = try piece.pointOnSurface()
                    let (mix, zone): (Mix, String) =
                        try manufacturingZone.contains(at) ? (manufacturingMix, "manufacturing platform")
                        : try campusPrepared.contains(at) ? (campusMix, "higher education park")
                        : try urban.contains(at) ? (urbanMix, "urban zone")
                        : try partlyBuiltZone.contains(at) ? (partlyBuiltMix, "partly built planning area")
                        : (ruralMix, "rural")
                    counter += 1
                    parcels.append(Parcel(id: String(format: "parcel-%05d", counter), landUse: draw(mix, &rng),
                                          geometry: piece, subdistrict: try state.subdistrict(of: piece),
                                          rule: zone))
                }
            }
            row += 1
        }
        state.parcels = parcels
        try report(parcels, frame: frame)
        state.pendingParcels = parcels.map { p in
            PendingFeature(geometry: p.geometry, properties: [
                "id": .string(p.id), "class": .string(p.landUse.rawValue), "code": .string(p.landUse.nationalCode),
                "name": .string(p.landUse.chineseName), "subdistrict": .string(p.subdistrict),
                "rule": .string(p.rule), "source": "modelled", "accuracy_m": 300,
            ])
        }
    }

    static func quarters(_ e: Envelope) -> [Envelope] {
        let mx = (e.minX + e.maxX) / 2, my = (e.minY + e.maxY) / 2
        return [Envelope(minX: e.minX, minY: e.minY, maxX: mx, maxY: my), Envelope(minX: mx, minY: e.minY, maxX: e.maxX, maxY: my),
                Envelope(minX: e.minX, minY: my, maxX: mx, maxY: e.maxY), Envelope(minX: mx, minY: my, maxX: e.maxX, maxY: e.maxY)]
    }

    static func draw(_ mix: Mix, _ rng: inout SeededGenerator) -> LandUseClass {
        var u = rng.unit() * mix.reduce(0) { $0 + $1.1 }
        for (landUse, weight) in mix {
            if u < weight { return landUse }
            u -= weight
        }
        return mix[mix.count - 1].0
    }

    /// Prints the totals a reviewer checks against the seeds.
    static func report(_ parcels: [Parcel], frame: ModelFrame) throws {
        var byClass: [LandUseClass: Double] = [:]
        for p in parcels { byClass[p.landUse, default: 0] += try p.geometry.area() / 1e6 }
        for c in LandUseClass.allCases where byClass[c] != nil {
            print(String(format: "landuse %@: %.1f km²", c.rawValue, byClass[c] ?? 0))
        }
        let urban = LandUseClass.allCases.filter(\.isUrbanConstruction).reduce(0) { $0 + (byClass[$1] ?? 0) }
        print(String(format: "landuse: %d parcels; urban built-up %.1f km² (seed 002: 124 by 2025); cropland %.1f km² = %.0f 亩 (seed 001: grain-growing area 90,000 亩 by 2025)",
                     parcels.count, urban, byClass[.cropland] ?? 0, (byClass[.cropland] ?? 0) * 1500))
    }
}
