import QTGeometry
import QTModel
import QTProjection

/// The `parks` layer: each park of the facilities layer as the area it covers (issue 15), so that GB 50180-2018
/// §4.0.4's park tiers (居住区公园 ≥ 5 ha / ≥ 1 ha / ≥ 0.4 ha) are read from areas and parks are reached at their edge.
/// The facility points stay as they were (same ids: a park is both).
///
/// Rules:
/// 1. A modelled park (`park-NNN`) is the green-space parcel it was made from (≥ 0.4 ha, FacilityModel), exactly.
/// 2. 金沙湖景观公园 is the 金沙湖 park parcel of the land-use layer (LandUseModel), exactly.
/// 3. 亚运主题公园 (东部湾体育公园, beside the roller venue): 杭州日报 (2022-03-23), quoting the city's planning bureau on the
///    park-city action plan, gives its green space as more than 90,000 m² (绿地空间超过9万平方米). It is modelled as the
///    parcel its point stands on clipped to a disc around its point (the entrance) holding 90,000 m², or the whole
///    parcel when that is smaller; accuracy 2,000 m like its point.
/// 4. 钱塘生态湿地公园 and 钱塘艺术湾: no area is published in the seeds or the reference; each is the parcel its point
///    stands on, whole (what the model has, said in `area_rule`); accuracy 2,000 m.
/// `area_m2` is the polygon's geodesic area on WGS84 (PROJ's geodesic, after the polygon is put back into WGS84), so
/// the layer's own figure is what validate and the analyses read. No park has known entrances: parks are reached at
/// their edge (the points' "entrances" are modelled, not surveyed).
enum ParkAreaModel {
    static let asianGamesArea = 90_000.0
    static let asianGamesBasis = "杭州日报 2022-03-23 (《杭州市区加快公园城市建设三年行动计划》印发): 东部湾体育公园 绿地空间超过9万平方米"

    static func run(_ state: ModelState) throws {
        let frame = state.frame
        let geodesic = Geodesic.wgs84
        var features: [Feature] = []
        for facility in state.facilities where facility.type == .park {
            let point = try frame.context.makePoint(x: facility.point.x, y: facility.point.y)
            let named = facility.properties["parcel"] == nil || facility.id == "park-jinshahu"
            let parcel: Parcel?
            if let id = facility.properties["parcel"]?.stringValue {
                parcel = state.parcels.first { $0.id == id }
            } else if facility.id == "park-jinshahu" {
                parcel = state.parcels.first { $0.id == "jinsha-park" }
            } else {
                parcel = try state.parcels.first { try $0.geometry.covers(point) }
            }
            guard let parcel else { throw ModelError("no parcel under park \(facility.id)") }
            var geometry = parcel.geometry
            var rule = "the green-space parcel \(parcel.id) it was made from"
            if facility.id == "park-jinshahu" { rule = "the 金沙湖 park parcel \(parcel.id) of the land-use layer" }
            if facility.id == "park-asian-games" {
                if try parcel.geometry.area() > asianGamesArea {
                    geometry = try IndustrialParkModel.disc(around: point, areaM2: asianGamesArea, within: parcel.geometry, frame: frame)
                    rule = "the parcel \(parcel.id) under its point clipped to a disc around the point holding 90,000 m² (\(asianGamesBasis))"
                } else {
                    rule = "the parcel \(parcel.id) under its point, whole: smaller than the published 90,000 m² (\(asianGamesBasis))"
                }
            } else if named && facility.id != "park-jinshahu" {
                rule = "the parcel \(parcel.id) (\(parcel.landUse.rawValue)) under its point, whole: no published area"
            }
            let wgs = try frame.wgs(geometry)
            let area = try geodesic.area(of: wgs)
            var properties: [String: JSONValue] = [
                "id": .string(facility.id), "name": .string(facility.name), "type": "park",
                "source": facility.properties["source"] ?? "modelled",
                "accuracy_m": facility.properties["accuracy_m"] ?? 300,
                "area_m2": .number(area.rounded()), "area_rule": .string(rule), "subdistrict": .string(facility.subdistrict),
                "facility": .string(facility.id),
            ]
            if let en = facility.properties["name_en"] { properties["name_en"] = en }
            if facility.id == "park-asian-games" { properties["published_green_area_m2"] = .number(asianGamesArea) }
            features.append(Feature(id: .string(facility.id), geometry: wgs, properties: properties))
        }
        let total = features.reduce(0.0) { $0 + ($1.properties["area_m2"]?.doubleValue ?? 0) }
        func count(_ least: Double) -> Int { features.filter { ($0.properties["area_m2"]?.doubleValue ?? 0) >= least }.count }
        print(String(format: "parks: %d polygons, %.2f km² in all; ≥ 5 ha: %d, ≥ 1 ha: %d, ≥ 0.4 ha: %d",
                     features.count, total / 1e6, count(50_000), count(10_000), count(4_000)))
        try frame.write(features, layer: .parks)
    }
}
