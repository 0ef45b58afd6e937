import Foundation
import QTGeometry
import QTModel

/// One feature of the `population` layer: a residential parcel, or a piece of one (see `PopulationModel`).
struct PopulationCell {
    let id: String
    /// The land-use parcel it lies on.
    let parcel: String
    /// In EPSG:4549 metres.
    let geometry: NativeGeometry
    /// The centroid, in metres (what FacilityModel clusters).
    let centre: Coordinate
    let subdistrict: String
    /// True on `residential` (城镇住宅用地), false on `rural_residential` (农村宅基地).
    let urban: Bool
    var population: Int
    let aged60PlusShare: Double
    /// The future-community pilot it belongs to, and why, or nil.
    var futureCommunity: (name: String, basis: String)?
}

/// Residents on residential land, modelled: no census distribution below the district exists
/// (reference/places.csv: "No 7th-census population by sub-district", no age structure).
///
/// Rules:
/// 1. Features. One feature per `residential` and `rural_residential` parcel of the land-use layer. Parcels
///    are ≤ 300 m blocks in urban zones and ≤ 600 m cells elsewhere; a `rural_residential` parcel more than
///    250 m across (bounding box), and a `residential` parcel more than 300 m across (one outside the urban
///    300 m blocks), is split by an even grid over its bounding box into ⌈w / 250⌉ × ⌈h / 250⌉ cells (a 600 m
///    cell gives 3 × 3 cells of 200 m). So every feature is a whole urban residential block of ≤ 300 m or a
///    piece of at most 250 m. The features keep the parcel's sub-district (`subdistrict`). Pieces are drawn
///    2 cm inside their parcel, so that the 7-decimal rounding of GeoJSON never puts one off its parcel.
/// 2. District total: the manifest's residents (793,000: seed 000, 2022).
/// 3. Sub-district totals (`targets`): 下沙 220,000 (places.csv, 2024); 河庄 103,000 and 前进 50,000
///    (places.csv); 白杨 220,000: places.csv gives 总人口约47万 (2019), but the district's 14 campuses have
///    about 250,000 students and staff (places.csv, 2023), who are not counted as residents here, so
///    470,000 − 250,000 = 220,000. 义蓬, 新湾 and 临江 have no published figure: they share the rest
///    (793,000 − 593,000 = 200,000) in proportion to their density-weighted residential land (rule 4).
/// 4. Within a sub-district residents are spread in proportion to area × density weight: urban residential
///    land 4, rural homesteads 1. Why 4: urban blocks in Xiasha and the Jiangdong town centres are high-rise
///    estates (plot ratio about 2.0–2.5), village homesteads are 2–3-storey houses on plots of ≤ 125 m² with
///    yards and lanes (plot ratio about 0.5–0.6), and floor area per person is similar, so urban residential
///    land holds about four times as many people per m².
/// 5. Integers: sub-district shares and then feature shares are rounded by the largest-remainder method,
///    so the features add up to the district total exactly.
/// 6. Aged 60+: no district age structure exists (places.csv: mean age 32.5 in 2023; Hangzhou city-wide
///    18.4% aged 60+ in 2022). Urban features get 11% (young in-migrant workers and families in the
///    high-rise estates), rural ones 20% (villages keep the older 户籍 population). The district share that
///    results is printed; it must stay well under the city's 18.4%, as the young mean age implies.
/// 6a. Children's age bands (`aged_0_2_share`, `aged_3_5_share`, `aged_6_11_share`, `aged_12_14_share`: who
///    childcare, kindergartens, primary and middle schools serve): no age structure below the city is published.
///    Hangzhou's 7th census (2020) counts 1,553,544 residents aged 0–14 of 11,936,010 (13.02%; 杭州市第七次全国人口
///    普查公报, 年龄构成); the bulletin gives no single years, so the 15 years share it evenly (0.868% a year):
///    0–2 and 3–5 and 12–14 get 3 years each (2.60%), 6–11 six years (5.21%). Every feature gets the city's
///    shares, urban and rural alike (no figure separates them). Modelled, like rule 6.
/// 7. Future communities: seed 001 counts 3 pilots in 2020 (≥ 10 by 2025) and seed 000 says 8 were created
///    by 2022, but the seeds name only one, 云帆 (seed 001: 云帆未来社区顺利开工建设; seed 002: 全省首批未来社区
///    试点). Its location is not in the seeds or the reference: it is assumed to be the urban residential
///    blocks nearest to metro 云水 station, as many as make up about 50 ha (the lower end of the 50–100 ha
///    planning unit of Zhejiang's future-community pilots). Those features get `future_community: true` and a
///    `future_community_basis` saying "assumed"; every other feature is false. Unnamed pilots are not guessed.
struct PopulationModel {
    /// Published sub-district figures (places.csv), as used.
    static let targets: [(id: String, residents: Int, basis: String)] = [
        ("xiasha", 220_000, "reference:places.csv 下沙街道 常住人口22万 (2024-10)"),
        ("baiyang", 220_000, "reference:places.csv 白杨街道 总人口约47万 (2019) less ~250,000 students and staff of the 14 campuses (places.csv, 2023)"),
        ("hezhuang", 103_000, "reference:places.csv 河庄街道 10.3万人口"),
        ("qianjin", 50_000, "reference:places.csv 前进街道 近5万 (c. 2019)"),
    ]
    /// Density weight per m² of parcel (rule 4).
    static let urbanDensityWeight = 4.0
    static let ruralDensityWeight = 1.0
    /// Aged 60+ shares (rule 6).
    static let urbanAged60Share = 0.11
    static let ruralAged60Share = 0.20
    /// Children's bands (rule 6a): Hangzhou's 2020 census share aged 0–14, spread evenly over the 15 years.
    static let hangzhouAged0to14Share = 1_553_544.0 / 11_936_010.0
    static let childBands: [(key: String, years: Double)] = [
        ("aged_0_2_share", 3), ("aged_3_5_share", 3), ("aged_6_11_share", 6), ("aged_12_14_share", 3),
    ]
    /// A band's share, rounded to 4 decimals (as written).
    static func childShare(years: Double) -> Double { (hangzhouAged0to14Share * years / 15 * 1e4).rounded() / 1e4 }
    /// Largest piece of a split parcel (rule 1), and the size above which residential parcels are split.
    static let ruralCellMeters = 250.0
    static let urbanBlockMeters = 300.0
    /// Pieces of split parcels are drawn this far inside their parcel (GeoJSON rounding is about 1 cm).
    static let pieceInsetMeters = 0.02
    /// 云帆 (rule 7): metro 云水 station, WGS84 (reference/qiantang_metro_stations.csv).
    static let yunfan = (name: "云帆未来社区", lon: 120.377194, lat: 30.305168, areaM2: 500_000.0)

    static func run(_ state: ModelState) throws {
        let frame = state.frame
        let manifestURL = URL(fileURLWithPath: (frame.outputDirectory as NSString).appendingPathComponent(DistrictLoader.manifestName))
        let residents = try JSONDecoder().decode(DistrictManifest.self, from: Data(contentsOf: manifestURL)).residents
        guard !state.parcels.isEmpty else { throw ModelError("population needs the land-use parcels") }

        // 1. Features.
        var cells: [PopulationCell] = []
        for parcel in state.parcels where parcel.landUse == .residential || parcel.landUse == .ruralResidential {
            let urban = parcel.landUse == .residential
            guard let box = try parcel.geometry.envelope() else { continue }
            let across = max(box.maxX - box.minX, box.maxY - box.minY)
            let split = urban ? across > urbanBlockMeters + 0.5 : across > ruralCellMeters
            var pieces: [(String, NativeGeometry)] = []
            if split {
                let columns = Int(((box.maxX - box.minX) / ruralCellMeters).rounded(.up))
                let rows = Int(((box.maxY - box.minY) / ruralCellMeters).rounded(.up))
                let w = (box.maxX - box.minX) / Double(columns), h = (box.maxY - box.minY) / Double(rows)
                for r in 0..<rows {
                    for c in 0..<columns {
                        let rectangle = try frame.context.makeRectangle(Envelope(
                            minX: box.minX + Double(c) * w, minY: box.minY + Double(r) * h,
                            maxX: c == columns - 1 ? box.maxX : box.minX + Double(c + 1) * w,
                            maxY: r == rows - 1 ? box.maxY : box.minY + Double(r + 1) * h))
                        // 2 cm inside the parcel, so that rounding to 7 decimals (about 1 cm) never puts a
                        // piece's new corners off its parcel.
                        let piece = try frame.polygonal(try frame.polygonal(try rectangle.intersection(parcel.geometry))
                            .buffer(-pieceInsetMeters, style: BufferStyle(join: .mitre)))
                        if try piece.isEmpty() || piece.area() < 1 { continue }
                        pieces.append(("\(parcel.id)-\(r)\(c)", piece))
                    }
                }
            } else {
                pieces = [(parcel.id, parcel.geometry)]
            }
            for (suffix, piece) in pieces {
                let centre = try coordinate(of: try piece.centroid())
                cells.append(PopulationCell(id: "pop-\(suffix)", parcel: parcel.id, geometry: piece, centre: centre,
                                            subdistrict: parcel.subdistrict, urban: urban, population: 0,
                                            aged60PlusShare: urban ? urbanAged60Share : ruralAged60Share,
                                            futureCommunity: nil))
            }
        }

        // 3–4. Sub-district totals and density weights.
        let weights = try cells.map { try $0.geometry.area() * ($0.urban ? urbanDensityWeight : ruralDensityWeight) }
        var totals: [String: Int] = [:]
        for t in targets { totals[t.id] = t.residents }
        let others = state.subdistricts.map(\.id).filter { totals[$0] == nil }
        let rest = residents - targets.reduce(0) { $0 + $1.residents }
        guard rest >= 0 else { throw ModelError("the published sub-district figures exceed the district's residents") }
        let otherWeights = others.map { id in zip(cells, weights).filter { $0.0.subdistrict == id }.reduce(0) { $0 + $1.1 } }
        for (id, share) in zip(others, largestRemainder(otherWeights, total: rest)) { totals[id] = share }

        // 5. Integers within each sub-district.
        for s in state.subdistricts {
            let members = cells.indices.filter { cells[$0].subdistrict == s.id }
            let total = totals[s.id] ?? 0
            if members.isEmpty {
                if total > 0 { throw ModelError("sub-district \(s.id) has residents but no residential land") }
                continue
            }
            for (i, n) in zip(members, largestRemainder(members.map { weights[$0] }, total: total)) { cells[i].population = n }
        }

        // 7. 云帆.
        let stationAt = try frame.metric(yunfan.lon, yunfan.lat)
        let station = try frame.context.makePoint(x: stationAt.x, y: stationAt.y)
        let basis = "assumed: seeds 001 and 002 name 云帆 (the province's first pilot batch) without a location; placed on the urban residential blocks nearest to metro 云水 station (reference/qiantang_metro_stations.csv), about 50 ha"
        let parcelsById = Dictionary(state.parcels.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var nearest: [(distance: Double, index: Int, area: Double)] = []
        for i in cells.indices where cells[i].urban {
            guard let parcel = parcelsById[cells[i].parcel] else { continue }
            nearest.append((try parcel.geometry.distance(to: station), i, try parcel.geometry.area()))
        }
        var pilotArea = 0.0
        for candidate in nearest.sorted(by: { ($0.distance, $0.index) < ($1.distance, $1.index) }) where pilotArea < yunfan.areaM2 {
            cells[candidate.index].futureCommunity = (yunfan.name, basis)
            pilotArea += candidate.area
        }

        state.population = cells
        try report(cells, state: state, residents: residents)
        try frame.write(try cells.map { cell in
            var properties: [String: JSONValue] = [
                "id": .string(cell.id), "population": .number(Double(cell.population)),
                "aged_60_plus_share": .number(cell.aged60PlusShare), "urban": .bool(cell.urban),
                "future_community": .bool(cell.futureCommunity != nil), "subdistrict": .string(cell.subdistrict),
                "parcel": .string(cell.parcel), "source": "modelled", "accuracy_m": 300,
                "rule": .string(cell.urban
                    ? "urban residential block; density weight \(Int(urbanDensityWeight)) per m²"
                    : "rural homestead land (≤ \(Int(ruralCellMeters)) m piece); density weight \(Int(ruralDensityWeight)) per m²"),
            ]
            for band in childBands { properties[band.key] = .number(childShare(years: band.years)) }
            if let pilot = cell.futureCommunity {
                properties["future_community_name"] = .string(pilot.name)
                properties["future_community_basis"] = .string(pilot.basis)
            }
            return Feature(id: .string(cell.id), geometry: try frame.wgs(cell.geometry), properties: properties)
        }, layer: .population)
    }

    /// Splits `total` in proportion to `weights` into integers that add up to `total` (Hamilton's
    /// largest-remainder method; ties go to the earlier index). All-zero weights split evenly.
    static func largestRemainder(_ weights: [Double], total: Int) -> [Int] {
        if weights.isEmpty { return [] }
        let sum = weights.reduce(0, +)
        let shares = sum > 0 ? weights.map { $0 / sum * Double(total) } : weights.map { _ in Double(total) / Double(weights.count) }
        var result = shares.map { Int($0.rounded(.down)) }
        let left = total - result.reduce(0, +)
        let order = shares.indices.sorted { a, b in
            let ra = shares[a] - shares[a].rounded(.down), rb = shares[b] - shares[b].rounded(.down)
            return ra != rb ? ra > rb : a < b
        }
        for i in order.prefix(max(left, 0)) { result[i] += 1 }
        return result
    }

    /// The coordinate of a point geometry.
    static func coordinate(of point: NativeGeometry) throws -> Coordinate {
        guard case .point(let p) = try point.value(), let c = p.coordinate else { throw ModelError("expected a point") }
        return c
    }

    /// Prints the checks: totals by sub-district against their targets, urban and aged shares, 云帆.
    static func report(_ cells: [PopulationCell], state: ModelState, residents: Int) throws {
        let total = cells.reduce(0) { $0 + $1.population }
        for s in state.subdistricts {
            let members = cells.filter { $0.subdistrict == s.id }
            let n = members.reduce(0) { $0 + $1.population }
            let urban = members.filter(\.urban).reduce(0) { $0 + $1.population }
            let target = targets.first { $0.id == s.id }.map { String($0.residents) } ?? "rest, by residential land"
            print(String(format: "population %@ %@: %d (target %@), %.0f%% urban, %d features", s.id, s.name, n,
                         target, n > 0 ? Double(urban) / Double(n) * 100 : 0, members.count))
        }
        let urban = cells.filter(\.urban).reduce(0) { $0 + $1.population }
        let aged = cells.reduce(0.0) { $0 + Double($1.population) * $1.aged60PlusShare }
        print(String(format: "population: %d residents (manifest %d) in %d features; %.1f%% on urban residential land (2020 urbanisation rate 88%%, a different measure); aged 60+ %.1f%% (Hangzhou city 18.4%%, 2022)",
                     total, residents, cells.count, Double(urban) / Double(max(total, 1)) * 100, aged / Double(max(total, 1)) * 100))
        print("population: children's bands " + childBands.map { "\($0.key) \(childShare(years: $0.years))" }.joined(separator: ", ")
              + " (Hangzhou 2020 census, 0–14 13.02%, spread evenly over the years)")
        let pilot = cells.filter { $0.futureCommunity != nil }
        print("population: future community 云帆 (assumed location): \(pilot.count) features, \(pilot.reduce(0) { $0 + $1.population }) residents")
    }
}
