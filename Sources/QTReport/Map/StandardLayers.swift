import QTGeometry
import QTModel
import QTProjection
import QTText

/// The district's layers as map layers, with the house styles: what `qtplan map --layers` and the report draw.
///
/// A layer may be narrowed by a value (`facilities:community_health_centre`, `transit:metro_station`,
/// `landuse:industrial`): features whose `type`, `kind`, `class` or `road_class` is that value.
public enum StandardLayers {
    /// Whether `feature` is kept by a layer's narrowing value: its `type`, `kind`, `class` or `road_class`.
    public static func matches(_ feature: Feature, filter: String) -> Bool {
        ["type", "kind", "class", "road_class"].contains { feature.properties[$0]?.stringValue == filter }
    }

    /// The map layer of `layer` in `district`, narrowed to `filter` when given, its titles in `language`: the
    /// bilingual titles as they are in English, their Chinese part in Chinese (``QTText/ChromeWord/pick(_:_:)``),
    /// and facility types and filter values by their Chinese `names` (the standards file's) in Chinese.
    /// - Returns: `nil` when the district has no such layer.
    public static func layer(
        _ layer: LayerName, filter: String? = nil, in district: District, language: Language = .en, names: [String: Wording] = [:]
    ) -> MapLayer? {
        guard let collection = district.layers[layer] else { return nil }
        var features = collection.features
        if let filter { features = features.filter { matches($0, filter: filter) } }
        // A filter names a type (the standards file's name) or a transit kind (ChromeWord).
        let kinds: [String: ChromeWord] = [
            "metro_line": .metroLine, "metro_station": .metroStation, "rail_line": .railLine, "rail_station": .railStation, "bus_stop": .busStop
        ]
        let suffix = filter.map { language == .zh ? "：\(names[$0]?.zh ?? kinds[$0]?.text(.zh) ?? $0)" : ": \($0)" } ?? ""
        let t = { (text: String) in ChromeWord.pick(text, language) }
        // A feature's status (operating, planned…) and type as a hover text says them: in Chinese by ChromeWord and
        // the standards file's names, in English as written.
        let status: @Sendable (MapFeature) -> String? = { f in
            guard language == .zh, let s = f.string("status") else { return f.string("status") }
            switch s {
            case "operating": return ChromeWord.statusOperating.text(.zh)
            case "under_construction": return ChromeWord.statusUnderConstruction.text(.zh)
            case "planned": return ChromeWord.statusPlanned.text(.zh)
            default: return s
            }
        }
        let type: @Sendable (MapFeature) -> String? = { f in
            guard language == .zh, let type = f.string("type") else { return f.string("type") }
            return names[type]?.zh ?? type
        }
        switch layer {
        case .boundary:
            return MapLayer(
                id: "boundary", title: t("区界 District boundary"), features: features,
                style: MapStyle(stroke: "#1a1a1a", strokeWidth: 2))
        case .subdistricts:
            return MapLayer(
                id: "subdistricts", title: t("街道 Sub-districts"), features: features,
                style: MapStyle(stroke: "#555", strokeWidth: 1, dash: "5 3"),
                label: { $0.string("name") }, tooltip: { f in [f.string("name"), f.string("name_en")].compactMap { $0 }.joined(separator: " ") })
        case .industrialParks:
            return MapLayer(
                id: "industrial_parks", title: t("产业平台 Industrial platforms") + suffix, features: features,
                style: MapStyle(fill: "#9575cd", fillOpacity: 0.18, stroke: "#5e35b1", strokeWidth: 1),
                tooltip: { $0.string("name") })
        case .landuse:
            return MapLayer(
                id: "landuse", title: t("用地 Land use") + suffix, features: features,
                classes: landUseClasses(present: Set(features.compactMap { $0.properties["class"]?.stringValue }), language: language))
        case .parks:
            return MapLayer(
                id: "parks", title: t("公园 Parks") + suffix, features: features,
                style: MapStyle(fill: "#66bb6a", fillOpacity: 0.35, stroke: "#2e7d32", strokeWidth: 0.8),
                tooltip: { f in [f.string("name"), f.number("area_m2").map { "\(NumberText.grouped(Int($0))) m²" }].compactMap { $0 }.joined(separator: " · ") }
            )
        case .population:
            return MapLayer(
                id: "population", title: t("常住人口 Residents per piece") + suffix, features: features,
                classes: headCountClasses(key: "population"),
                tooltip: { f in ChromeWord.pick("\(NumberText.grouped(Int(f.number("population") ?? 0))) 人 residents", language) })
        case .network:
            return MapLayer(
                id: "network", title: t("道路 Streets") + suffix, features: features,
                classes: [
                    MapClass(title: t("高速、快速路 Expressway"), style: MapStyle(stroke: "#e07b39", strokeWidth: 2.2)) { $0.string("road_class") == "expressway" },
                    MapClass(title: t("主干路 Arterial"), style: MapStyle(stroke: "#f0a35e", strokeWidth: 1.4)) { $0.string("road_class") == "arterial" },
                    MapClass(title: t("次干路 Secondary"), style: MapStyle(stroke: "#b0b0b0", strokeWidth: 0.9)) { $0.string("road_class") == "secondary" },
                    MapClass(title: t("支路、村道 Local, village"), style: MapStyle(stroke: "#cfcfcf", strokeWidth: 0.5)) { _ in true }
                ])
        case .transit:
            return MapLayer(
                id: "transit", title: t("轨道与公交 Transit") + suffix, features: features,
                classes: [
                    MapClass(title: t("地铁1号线 Line 1"), style: MapStyle(stroke: "#d7261e", strokeWidth: 2.5)) {
                        $0.string("kind") == "metro_line" && $0.string("line") == "1"
                    },
                    MapClass(title: t("地铁7号线 Line 7"), style: MapStyle(stroke: "#f39800", strokeWidth: 2.5)) {
                        $0.string("kind") == "metro_line" && $0.string("line") == "7"
                    },
                    MapClass(title: t("地铁8号线 Line 8"), style: MapStyle(stroke: "#0a8f5b", strokeWidth: 2.5)) {
                        $0.string("kind") == "metro_line" && $0.string("line") == "8"
                    },
                    MapClass(title: t("城际、铁路 Rail (planned)"), style: MapStyle(stroke: "#555", strokeWidth: 2, dash: "6 3")) {
                        $0.string("kind") == "rail_line"
                    },
                    MapClass(title: t("地铁站 Metro station"), style: MapStyle(fill: "#fff", stroke: "#222", strokeWidth: 1.4, radius: 3.5)) {
                        $0.string("kind") == "metro_station"
                    },
                    MapClass(title: t("铁路站 Rail station"), style: MapStyle(fill: "#555", stroke: "#fff", strokeWidth: 1, radius: 4)) {
                        $0.string("kind") == "rail_station"
                    },
                    MapClass(title: t("公交站 Bus stop"), style: MapStyle(fill: "#3f7fbf", radius: 1.2)) { $0.string("kind") == "bus_stop" }
                ], tooltip: { f in f.string("kind") == "bus_stop" ? nil : [f.string("name"), status(f)].compactMap { $0 }.joined(separator: " · ") })
        case .facilities:
            let types = Set(features.compactMap { $0.properties["type"]?.stringValue })
            return MapLayer(
                id: "facilities", title: t("公共服务设施 Facilities") + suffix, features: features,
                classes: facilityClasses(present: types, language: language, names: names),
                tooltip: { f in [f.string("name"), type(f), status(f)].compactMap { $0 }.joined(separator: " · ") })
        case .constraints:
            return MapLayer(
                id: "constraints", title: t("管控要素 Constraints") + suffix, features: features,
                classes: [
                    MapClass(title: t("生态保护红线 Ecological red line"), style: MapStyle(fill: "#e53935", fillOpacity: 0.25, stroke: "#c62828", strokeWidth: 1)) {
                        $0.string("kind") == "ecological_red_line"
                    },
                    MapClass(title: t("永久基本农田 Basic farmland"), style: MapStyle(fill: "#9ccc65", fillOpacity: 0.35, stroke: "#558b2f", strokeWidth: 0.8)) {
                        $0.string("kind") == "basic_farmland"
                    },
                    MapClass(title: t("危化品企业 Hazardous site"), style: MapStyle(fill: "#b71c1c", stroke: "#fff", strokeWidth: 1, radius: 4)) {
                        $0.string("kind") == "hazardous_site"
                    }
                ], tooltip: { $0.string("name") })
        }
    }

    /// Land-use classes in the colours of China's land-use survey maps (第三次全国国土调查 style), listed
    /// only when present.
    static func landUseClasses(present: Set<String>, language: Language = .en) -> [MapClass] {
        let colours: [LandUseClass: String] = [
            .cropland: "#f5f0b8", .orchard: "#d9e88f", .forest: "#69a85c", .grassland: "#b6d98b", .wetland: "#7fc7c4",
            .residential: "#f7c66d", .ruralResidential: "#e8b48b", .publicService: "#f08bb4", .commercial: "#ef5b5b",
            .industrial: "#b48ac6", .warehouse: "#9c7fb3", .transport: "#bdbdbd", .utilities: "#7d9ec0",
            .greenSpace: "#4fb36b", .special: "#8d6e63", .reserved: "#e0e0e0", .water: "#8ec9ee",
            .unclassified: "#d7ccc8"
        ]
        return LandUseClass.allCases.filter { present.contains($0.rawValue) }.map { c in
            MapClass(
                title: language == .zh ? c.chineseName : "\(c.chineseName) \(c.rawValue.replacingOccurrences(of: "_", with: " "))",
                style: MapStyle(fill: colours[c] ?? "#ddd", stroke: "#ffffff", strokeWidth: 0.2)
            ) { $0.string("class") == c.rawValue }
        }
    }

    /// One colour per facility type, listed only when present.
    static func facilityClasses(present: Set<String>, language: Language = .en, names: [String: Wording] = [:]) -> [MapClass] {
        let colours: [FacilityType: String] = [
            .childcare: "#ffb74d", .kindergarten: "#ff9800", .primarySchool: "#1e88e5", .middleSchool: "#0d47a1",
            .university: "#5c6bc0", .communityHealthCentre: "#e53935", .hospital: "#b71c1c", .elderlyDaycare: "#8e24aa",
            .elderlyCareHome: "#6a1b9a", .sportsGround: "#43a047", .cultureFacility: "#00897b", .fireStation: "#ff1744",
            .park: "#2e7d32", .wetMarket: "#795548", .mall: "#546e7a"
        ]
        return FacilityType.allCases.filter { present.contains($0.rawValue) }.map { t in
            MapClass(
                title: language == .zh ? names[t.rawValue]?.zh ?? t.rawValue : t.rawValue.replacingOccurrences(of: "_", with: " "),
                style: MapStyle(fill: colours[t] ?? "#333", stroke: "#fff", strokeWidth: 0.8, radius: 3.2)
            ) { $0.string("type") == t.rawValue }
        }
    }

    /// Head-count classes (1–100, …, over 2,000 residents) in a yellow-to-red ramp (ColorBrewer YlOrRd).
    public static func headCountClasses(key: String) -> [MapClass] {
        let breaks: [(Double, Double, String, String)] = [
            (0, 100, "≤ 100", "#ffffb2"), (100, 300, "101–300", "#fecc5c"), (300, 800, "301–800", "#fd8d3c"),
            (800, 2000, "801–2,000", "#f03b20"), (2000, .infinity, "> 2,000", "#bd0026")
        ]
        return breaks.map { low, high, title, colour in
            MapClass(title: "\(title) 人", style: MapStyle(fill: colour, fillOpacity: 0.85, stroke: "#7a0019", strokeWidth: 0.3)) { f in
                let n = f.number(key) ?? 0
                return n > low && n <= high || (low == 0 && n <= high)
            }
        }
    }

    /// A coverage map's two layers: the service areas (translucent) and the residents left out, shaded by
    /// head-count (the population polygons of `qtplan coverage --gaps`); `label` is the service as printed.
    public static func coverage(areas: [Feature], gaps: [Feature], label: String, language: Language = .en) -> [MapLayer] {
        let zh = language == .zh
        return [
            MapLayer(
                id: "service_areas", title: zh ? "服务范围：\(label)" : "服务范围 Service area: \(label)", features: areas,
                style: MapStyle(fill: "#2e7d32", fillOpacity: 0.2, stroke: "#2e7d32", strokeWidth: 0.8)),
            MapLayer(
                id: "gaps", title: ChromeWord.pick("未覆盖居民 Residents left out", language), features: gaps,
                classes: headCountClasses(key: "population"),
                tooltip: { f in
                    var parts = ["\(NumberText.grouped(Int(f.number("population") ?? 0))) " + ChromeWord.pick("人 not covered", language)]
                    if let s = f.string("subdistrict_name") ?? f.string("subdistrict") { parts.append(s) }
                    if let m = f.number("nearest_minutes") { parts.append("nearest \(NumberText.compact(m)) min") }
                    if let m = f.number("nearest_m") { parts.append("nearest \(NumberText.grouped(Int(m))) m") }
                    return parts.joined(separator: " · ")
                })
        ]
    }

    /// The smallest water parcel an orientation layer draws, m² (geodesic): the river and the largest lakes, not
    /// ponds and fish farms (the bundled district's rural water parcels are about 0.36 km² each).
    public static let orientationWaterMinimumSquareMetres = 1_000_000.0

    /// The layers a map is read by, drawn beneath the rest: the river and large water bodies (the land-use layer's `water`
    /// parcels of at least ``orientationWaterMinimumSquareMetres``, geodesic area by PROJ) and the main roads (the
    /// network's `expressway` and `arterial` edges). Either is left out when the district has no such features.
    public static func orientation(in district: District, language: Language = .en) -> [MapLayer] {
        var out: [MapLayer] = []
        let water = district.features(.landuse).filter { f in
            guard f.properties["class"]?.stringValue == LandUseClass.water.rawValue, let g = f.geometry else { return false }
            return ((try? Geodesic.wgs84.area(of: g)) ?? 0) >= orientationWaterMinimumSquareMetres
        }
        if !water.isEmpty {
            out.append(
                MapLayer(
                    id: "orientation_water", title: ChromeWord.water.text(language), features: water,
                    style: MapStyle(fill: "#a9d3f0", stroke: "#7fb8e0", strokeWidth: 0.4)))
        }
        let roads = district.features(.network).filter {
            ["expressway", "arterial"].contains($0.properties["road_class"]?.stringValue ?? "")
        }
        if !roads.isEmpty {
            out.append(
                MapLayer(
                    id: "orientation_roads", title: ChromeWord.mainRoads.text(language), features: roads,
                    style: MapStyle(stroke: "#b8a48a", strokeWidth: 1.1)))
        }
        return out
    }
}
