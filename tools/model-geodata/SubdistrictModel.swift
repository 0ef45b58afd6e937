import QTGeometry

/// The seven sub-districts (街道), modelled: no public boundaries exist.
///
/// Rules:
/// 1. The river neck is split along its middle (the Metro Line 8 tunnel's midpoint) into the Xiasha block
///    (下沙, 白杨) and the Jiangdong block (河庄, 义蓬, 新湾, 前进, 临江); river water goes with the bank it
///    lies on.
/// 2. Each block is divided by a power diagram around a seed per sub-district placed from known geography
///    (stations, the district seat, the parks named after them), with weights tuned until each cell has its
///    published area, scaled to the block's measured area.
/// 3. Published areas (see `Subdistrict.publishedAreaKm2`): 下沙 70.7, 白杨 54.9, 河庄 87.8, 临江 44.1 +
///    105 km² of entrusted land (assigned to 临江's cell, the reclaimed east), 前进 42.66; 义蓬 and 新湾 were
///    not found and share the remainder of the Jiangdong block equally.
struct SubdistrictModel {
    struct Subdistrict {
        let id: String
        let name: String
        let nameEn: String
        let block: String
        /// Seed (longitude, latitude) and why it is there.
        let seed: (Double, Double)
        let seedReason: String
        /// The published area, km², or nil when none was found.
        let publishedAreaKm2: Double?
        let areaSource: String
    }

    static let xiasha = [
        Subdistrict(id: "baiyang", name: "白杨街道", nameEn: "Baiyang", block: "Xiasha",
                    seed: (120.372, 30.338), seedReason: "north of the Xiasha block: 下沙高教园 and 大学城北",
                    publishedAreaKm2: 54.9, areaSource: "reference:places.csv (白杨街道 概况, 2019)"),
        Subdistrict(id: "xiasha", name: "下沙街道", nameEn: "Xiasha", block: "Xiasha",
                    seed: (120.318, 30.292), seedReason: "south-west of the block: 金沙湖, the office on 海达南路, the riverside",
                    publishedAreaKm2: 70.7, areaSource: "reference:places.csv (下沙街道, Baike-derived; also given as 50 or 85.9)"),
    ]

    static let jiangdong = [
        Subdistrict(id: "hezhuang", name: "河庄街道", nameEn: "Hezhuang", block: "Jiangdong",
                    seed: (120.452, 30.312), seedReason: "north-west of Jiangdong: 桥头堡 and 河庄路 stations, the district seat on 青六北路",
                    publishedAreaKm2: 87.8, areaSource: "reference:places.csv (河庄街道基本资料)"),
        Subdistrict(id: "yipeng", name: "义蓬街道", nameEn: "Yipeng", block: "Jiangdong",
                    seed: (120.490, 30.260), seedReason: "south-west of Jiangdong: 义蓬 and 新镇路 stations",
                    publishedAreaKm2: nil, areaSource: "not found; shares the block's remainder with 新湾"),
        Subdistrict(id: "xinwan", name: "新湾街道", nameEn: "Xinwan", block: "Jiangdong",
                    seed: (120.548, 30.290), seedReason: "centre of Jiangdong: 新湾路 station, the HSR hub",
                    publishedAreaKm2: nil, areaSource: "not found; shares the block's remainder with 义蓬"),
        Subdistrict(id: "qianjin", name: "前进街道", nameEn: "Qianjin", block: "Jiangdong",
                    seed: (120.600, 30.250), seedReason: "south-east of Jiangdong: 前进智造园 (automobiles, aerospace)",
                    publishedAreaKm2: 42.66, areaSource: "reference:places.csv (前进街道, c. 2019)"),
        Subdistrict(id: "linjiang", name: "临江街道", nameEn: "Linjiang", block: "Jiangdong",
                    seed: (120.665, 30.325), seedReason: "east of Jiangdong: 临江高科园 on the reclaimed land",
                    publishedAreaKm2: 44.1 + 105,
                    areaSource: "reference:places.csv (临江街道, district government 2024: 44.1 km² plus 105 km² entrusted)"),
    ]

    /// The line between the blocks, through the middle of the river neck (longitude, latitude), extended
    /// beyond the district so that it cuts the boundary cleanly.
    /// It leaves the neck at the boundary vertex where the two blocks' outlines meet (120.4091589,
    /// 30.3205674) and runs north through the notch outside the district.
    static let blockDivider: [(Double, Double)] = [(120.405, 30.15), (120.405, 30.285), (120.412, 30.300),
                                                    (120.4091589, 30.3205674), (120.407, 30.34), (120.405, 30.45)]

    /// The block ("Xiasha" or "Jiangdong") of a sub-district id.
    static func block(of id: String) -> String? {
        (xiasha + jiangdong).first { $0.id == id }?.block
    }

    /// Models the sub-districts into the state and writes the `subdistricts` layer.
    static func run(_ state: ModelState) throws {
        let frame = state.frame
        for (s, cell, error) in try model(frame) {
            let km2 = try frame.areaKm2(cell)
            let waterKm2 = try state.water.map { try frame.areaKm2(try frame.polygonal(try cell.intersection($0))) } ?? 0
            print(String(format: "subdistrict %@ %@: %.1f km² (%.1f km² water), target error %+.2f%%",
                         s.nameEn, s.name, km2, waterKm2, error * 100))
            state.subdistricts.append((s.id, s.name, cell))
            var properties: [String: JSONValue] = [
                "id": .string(s.id), "name": .string(s.name), "name_en": .string(s.nameEn),
                "block": .string(s.block), "source": "modelled", "accuracy_m": 1000,
                "area_source": .string(s.areaSource), "seed_reason": .string(s.seedReason),
            ]
            if let published = s.publishedAreaKm2 { properties["published_area_km2"] = .number(published) }
            state.pendingSubdistricts.append(PendingFeature(geometry: cell, properties: properties))
        }
    }

    /// The cells, in metres, in the order xiasha + jiangdong, and their relative area errors.
    static func model(_ frame: ModelFrame) throws -> [(Subdistrict, NativeGeometry, Double)] {
        let westOfDivider = try frame.metricPolygon([(120.1, 30.15)] + blockDivider + [(120.1, 30.45)])
        let xiashaBlock = try frame.polygonal(try frame.boundary.intersection(westOfDivider))
        let jiangdongBlock = try frame.polygonal(try frame.boundary.difference(xiashaBlock))
        var result: [(Subdistrict, NativeGeometry, Double)] = []
        for (block, members) in [(xiashaBlock, xiasha), (jiangdongBlock, jiangdong)] {
            let known = members.compactMap(\.publishedAreaKm2).reduce(0, +)
            let unknownCount = Double(members.filter { $0.publishedAreaKm2 == nil }.count)
            let blockKm2 = try block.area() / 1e6
            let share = unknownCount > 0 ? max(blockKm2 - known, 0) / unknownCount : 0
            let targets = members.map { ($0.publishedAreaKm2 ?? share) * 1e6 }
            let seeds = try members.map { try frame.metric($0.seed.0, $0.seed.1) }
            let solved = try PowerDiagram(frame: frame, region: block, sites: seeds, targets: targets).solve()
            for (i, member) in members.enumerated() { result.append((member, solved.cells[i], solved.errors[i])) }
        }
        return result
    }
}
