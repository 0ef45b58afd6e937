import QTGeometry
import QTModel

/// Hard constraints on siting (seed 001: "严守生态保护红线和永久基本农田控制线"), modelled: the district's
/// red line and basic-farmland maps are not public (reference/places.csv: NOT FOUND).
///
/// Rules:
/// - Ecological protection red line: the river (water parcels of the river, RiverModel) and a 200 m belt of
///   land along it (the riverside wetland and dike protection zone), as one feature per bank block.
/// - Permanent basic farmland: the cropland parcels of the central Jiangdong fields (义蓬, 新湾, 河庄 and
///   前进 outside the manufacturing platforms), dissolved; the seeds say only that it must be kept, so every
///   such cropland parcel is taken as basic farmland (`coverage_rule`).
/// - Hazardous-chemical sites: points inside the manufacturing platforms whose industries handle chemicals
///   (临江高科园: new materials; 前进智造园: automobiles and parts; 钱塘芯谷: semiconductors; 医药港:
///   biomedicine), placed at the industrial parcel nearest each platform's centre and then every fourth
///   industrial parcel in platform order. Names say they are modelled.
struct ConstraintModel {
    static let riverBeltMeters = 200.0
    static let farmlandSubdistricts: Set<String> = ["yipeng", "xinwan", "hezhuang", "qianjin"]
    static let chemicalPlatforms: [(park: String, industry: String, count: Int)] = [
        ("linjiang-hitech", "new materials (chemicals)", 3), ("qianjin-smart", "automobile coatings and parts", 1),
        ("chip-valley", "semiconductor gases and chemicals", 1), ("medical-port", "pharmaceutical chemicals", 1),
    ]

    static func run(_ state: ModelState) throws {
        let frame = state.frame
        guard let water = state.water, let land = state.land else { throw ModelError("constraints need the river step") }
        var features: [Feature] = []

        // Red line: river + land belt, split by block.
        let belt = try frame.polygonal(try water.buffer(riverBeltMeters).intersection(land))
        let redLine = try frame.context.union(of: [water, belt])
        for block in ["Xiasha", "Jiangdong"] {
            let members = state.subdistricts.filter { SubdistrictModel.block(of: $0.id) == block }.map(\.geometry)
            let piece = try frame.polygonal(try redLine.intersection(try frame.context.union(of: members)))
            print(String(format: "red line, %@ bank: %.1f km²", block, try frame.areaKm2(piece)))
            features.append(Feature(id: .string("red-line-\(block.lowercased())"), geometry: try frame.wgs(piece), properties: [
                "id": .string("red-line-\(block.lowercased())"), "kind": "ecological_red_line",
                "name": .string(block == "Xiasha" ? "钱塘江生态保护红线(下沙段)" : "钱塘江生态保护红线(江东段)"),
                "name_en": .string("Qiantang River ecological red line (\(block) bank)"),
                "rule": .string("river water and a \(Int(riverBeltMeters)) m land belt along it"),
                "source": "modelled", "accuracy_m": 500,
            ]))
        }

        // Basic farmland.
        let manufacturing = try PreparedGeometry(try frame.context.union(of: state.parks.filter(\.manufacturing).map(\.geometry)))
        var fields: [NativeGeometry] = []
        for parcel in state.parcels where parcel.landUse == .cropland && farmlandSubdistricts.contains(parcel.subdistrict) {
            if try manufacturing.intersects(parcel.geometry) { continue }
            fields.append(parcel.geometry)
        }
        // Unary, not coverage, union: grid cells clipped by the land edge are not exactly noded to each other.
        let farmland = try frame.polygonal(try frame.context.union(of: fields))
        let farmlandKm2 = try frame.areaKm2(farmland)
        print(String(format: "basic farmland: %.1f km² (%.0f 亩) from %d cropland parcels", farmlandKm2, farmlandKm2 * 1500, fields.count))
        features.append(Feature(id: "basic-farmland-jiangdong", geometry: try frame.wgs(farmland), properties: [
            "id": "basic-farmland-jiangdong", "kind": "basic_farmland", "name": "江东永久基本农田",
            "name_en": "Permanent basic farmland, central Jiangdong fields",
            "rule": "cropland parcels of 义蓬, 新湾, 河庄 and 前进 outside the manufacturing platforms",
            "source": "modelled", "accuracy_m": 600,
        ]))

        // Hazardous sites.
        var number = 0
        for (parkId, industry, count) in chemicalPlatforms {
            guard let park = state.parks.first(where: { $0.id == parkId }) else { continue }
            let centre = try park.geometry.centroid()
            let prepared = try PreparedGeometry(park.geometry)
            var candidates: [(Double, NativeGeometry)] = []
            for parcel in state.parcels where parcel.landUse == .industrial {
                let at = try parcel.geometry.pointOnSurface()
                if try prepared.contains(at) { candidates.append((try at.distance(to: centre), at)) }
            }
            candidates.sort { $0.0 < $1.0 }
            for k in 0..<count where k * 4 < candidates.count {
                number += 1
                let id = String(format: "hazardous-site-%02d", number)
                features.append(Feature(id: .string(id), geometry: try frame.wgs(candidates[k * 4].1), properties: [
                    "id": .string(id), "kind": "hazardous_site", "name": .string("危化品企业(模拟)\(number)"),
                    "name_en": .string("Hazardous-chemical site \(number) (modelled)"), "industry": .string(industry),
                    "platform": .string(parkId), "source": "modelled", "accuracy_m": 1000,
                ]))
            }
        }
        print("hazardous sites: \(number)")
        try frame.write(features, layer: .constraints)
    }
}
