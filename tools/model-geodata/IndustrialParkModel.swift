import QTGeometry

/// The nine industrial platforms of the 14th Five-Year Plan (seed 001, 专栏 8) and two named planning areas,
/// modelled: no boundaries were found (reference/places.csv: NOT FOUND for most).
///
/// Rules: each is a disc around a stated centre, clipped to land (never the river), grown or shrunk until
/// its area matches its stated size within 1%. Sizes: 江海之城 11.46 km² (seed 003) and 产城融合启动区
/// 6.24 km² (seed 001) are published; 杭州综保区 2.01 km² (places.csv); the "万亩千亿" platforms of seed 001
/// (医药港, and 前进智造园 with two of them) at 10,000 亩 = 6.67 km² each; the rest are assumptions stated
/// per platform (`area_basis`). Centres follow where the seeds and the reference put them.
struct IndustrialParkModel {
    struct Park {
        let id: String
        let name: String
        let nameEn: String
        let kind: String  // platform | planning_area
        let industries: String
        let manufacturing: Bool
        let centre: (Double, Double)
        let centreReason: String
        let areaKm2: Double
        let areaBasis: String
        let source: String
    }

    static let parks = [
        Park(id: "science-city", name: "钱塘科学城", nameEn: "Qiantang Science City", kind: "platform",
             industries: "life and health; digital economy; smart manufacturing; research institutes",
             manufacturing: false, centre: (120.368, 30.318),
             centreReason: "seed 001: built on 高教园 and the high-tech zone; centred on the Xiasha Higher Education Park",
             areaKm2: 15, areaBasis: "assumed (larger than the 10.91 km² 高教园 it integrates)",
             source: "seed:001_2693ffcf47e220f5.txt"),
        Park(id: "integration-core", name: "钱塘产城融合核心区", nameEn: "Industry-City Integration Core", kind: "platform",
             industries: "services; headquarters economy; finance; urban manufacturing",
             manufacturing: false, centre: (120.492, 30.305),
             centreReason: "seed 001: Jiangdong's main centre 东沙湖/江东新城, around 青六中路",
             areaKm2: 12, areaBasis: "assumed", source: "seed:001_2693ffcf47e220f5.txt"),
        Park(id: "beauty-cloud-city", name: "杭州美丽云城", nameEn: "Beautiful Cloud City", kind: "platform",
             industries: "beauty economy; traditional to urban and smart manufacturing",
             manufacturing: true, centre: (120.505, 30.268),
             centreReason: "assumed: the 义蓬 manufacturing area south of the core", areaKm2: 5,
             areaBasis: "assumed", source: "seed:001_2693ffcf47e220f5.txt"),
        Park(id: "medical-port", name: "杭州医药港小镇", nameEn: "Hangzhou Medical Port Town", kind: "platform",
             industries: "biomedicine; medical devices; digital health; health food",
             manufacturing: true, centre: (120.352, 30.285),
             centreReason: "seed 001: relies on the 金沙湖 business district; placed in south Xiasha",
             areaKm2: 6.67, areaBasis: "seed 001: a 万亩千亿 platform (10,000 亩 = 6.67 km²)",
             source: "seed:001_2693ffcf47e220f5.txt"),
        Park(id: "dachuang-town", name: "杭州大创小镇", nameEn: "Dachuang Town", kind: "platform",
             industries: "start-ups; talent; headquarters economy", manufacturing: false,
             centre: (120.385, 30.325), centreReason: "places.csv: within 白杨街道, beside the universities",
             areaKm2: 3, areaBasis: "assumed (a 特色小镇 is typically about 3 km²)",
             source: "seed:001_2693ffcf47e220f5.txt"),
        Park(id: "bonded-zone", name: "杭州综保区", nameEn: "Hangzhou Comprehensive Bonded Zone", kind: "platform",
             industries: "cross-border e-commerce; bonded logistics and processing", manufacturing: true,
             centre: (120.355, 30.345), centreReason: "assumed: north Xiasha, the former export processing zone",
             areaKm2: 2.01, areaBasis: "reference:places.csv (2.01 km², planned, 2025)",
             source: "reference:places.csv"),
        Park(id: "chip-valley", name: "钱塘芯谷", nameEn: "Qiantang Chip Valley", kind: "platform",
             industries: "semiconductors; integrated circuits", manufacturing: true,
             centre: (120.545, 30.33), centreReason: "assumed: central Jiangdong (新湾), near the HSR hub",
             areaKm2: 6.67, areaBasis: "assumed: a 千亿 platform, sized like a 万亩 one",
             source: "seed:001_2693ffcf47e220f5.txt"),
        Park(id: "linjiang-hitech", name: "临江高科园", nameEn: "Linjiang Hi-tech Park", kind: "platform",
             industries: "new materials", manufacturing: true,
             centre: (120.645, 30.315), centreReason: "named after 临江; the reclaimed east of Jiangdong",
             areaKm2: 20, areaBasis: "assumed: a 千亿 new-materials platform on the reclaimed land",
             source: "seed:001_2693ffcf47e220f5.txt"),
        Park(id: "qianjin-smart", name: "前进智造园", nameEn: "Qianjin Smart Manufacturing Park", kind: "platform",
             industries: "aerospace; automobiles and parts; robots", manufacturing: true,
             centre: (120.605, 30.253), centreReason: "named after 前进; places.csv: Ford, Geely and 西子航空 in 前进",
             areaKm2: 13.33, areaBasis: "seed 001: two 万亩千亿 platforms (2 × 6.67 km²)",
             source: "seed:001_2693ffcf47e220f5.txt"),
        Park(id: "jianghai-city", name: "江海之城", nameEn: "Jianghai City", kind: "planning_area",
             industries: "world-class headquarters cluster", manufacturing: false,
             centre: (120.47, 30.335), centreReason: "assumed: the Jiangdong riverside north of the core",
             areaKm2: 11.46, areaBasis: "seed 003: 11.46 平方公里", source: "seed:003_cc134e975cd5438b.txt"),
        Park(id: "integration-startup", name: "产城融合启动区", nameEn: "Industry-City Integration Start-up Area",
             kind: "planning_area", industries: "the first phase of the integration core", manufacturing: false,
             centre: (120.492, 30.305), centreReason: "seed 001: the start-up area of the integration core (same centre)",
             areaKm2: 6.24, areaBasis: "seed 001: 6.24 平方公里 by 2025", source: "seed:001_2693ffcf47e220f5.txt"),
    ]

    static func run(_ state: ModelState) throws {
        let frame = state.frame
        guard let land = state.land else { throw ModelError("industrial parks need the land from the river step") }
        var features: [Feature] = []
        for park in parks {
            let centre = try frame.context.make(.point(Point(try frame.metric(park.centre.0, park.centre.1))))
            let geometry = try disc(around: centre, areaM2: park.areaKm2 * 1e6, within: land, frame: frame)
            let km2 = try frame.areaKm2(geometry)
            print(String(format: "park %@: %.2f km² (stated %.2f)", park.nameEn, km2, park.areaKm2))
            state.parks.append((park.id, park.manufacturing, geometry))
            features.append(Feature(id: .string(park.id), geometry: try frame.wgs(geometry), properties: [
                "id": .string(park.id), "name": .string(park.name), "name_en": .string(park.nameEn),
                "kind": .string(park.kind), "industries": .string(park.industries),
                "area_km2_stated": .number(park.areaKm2), "area_basis": .string(park.areaBasis),
                "centre_reason": .string(park.centreReason), "basis": .string(park.source),
                "source": "modelled", "accuracy_m": 1500,
            ]))
        }
        try frame.write(features, layer: .industrialParks)
    }

    /// A disc around `centre`, clipped to `within`, with the given area (bisection on the radius, 0.5%).
    static func disc(around centre: NativeGeometry, areaM2: Double, within: NativeGeometry, frame: ModelFrame) throws -> NativeGeometry {
        var low = 0.0, high = 20_000.0
        var best = centre
        for _ in 0..<40 {
            let radius = (low + high) / 2
            let candidate = try frame.polygonal(try centre.buffer(radius, style: BufferStyle(quadrantSegments: 16)).intersection(within))
            let area = try candidate.area()
            best = candidate
            if abs(area - areaM2) / areaM2 < 0.005 { break }
            if area < areaM2 { low = radius } else { high = radius }
        }
        return best
    }
}
