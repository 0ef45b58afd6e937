/// The controlled vocabularies of the district layers. A value outside these is reported by
/// `qtplan validate` as an unknown type or class.

/// Land-use classes, after the national classification for spatial planning (国土空间调查、规划、用途管制
/// 用地用海分类指南, 2023), first-level codes except where a second level matters to planners, and
/// ``unclassified``: a plan parcel whose own code no code table knows, kept (`--unmapped-as unclassified`) with that
/// code in `plan_code`. It is no class of the classification: it has no national code, is neither construction land
/// nor urban construction land, and no indicator counts it as any real class.
public enum LandUseClass: String, CaseIterable, Sendable, Codable {
    case cropland, orchard, forest, grassland, wetland
    case residential
    case ruralResidential = "rural_residential"
    case publicService = "public_service"
    case commercial, industrial, warehouse, transport, utilities
    case greenSpace = "green_space"
    case special, reserved, water
    /// A plan parcel whose code no table maps: its area is counted, under this row only.
    case unclassified

    /// What the ``unclassified`` class writes in a feature's `code`: it has no national code.
    public static let noNationalCode = "—"

    /// The national code (一级类, or 二级类 for the residential split; ``noNationalCode`` for ``unclassified``).
    public var nationalCode: String {
        switch self {
        case .cropland: "01"
        case .orchard: "02"
        case .forest: "03"
        case .grassland: "04"
        case .wetland: "05"
        case .residential: "0701"
        case .ruralResidential: "0703"
        case .publicService: "08"
        case .commercial: "09"
        case .industrial: "10"
        case .warehouse: "11"
        case .transport: "12"
        case .utilities: "13"
        case .greenSpace: "14"
        case .special: "15"
        case .reserved: "16"
        case .water: "17"
        case .unclassified: Self.noNationalCode
        }
    }

    /// The Chinese name of the class.
    public var chineseName: String {
        switch self {
        case .cropland: "耕地"
        case .orchard: "园地"
        case .forest: "林地"
        case .grassland: "草地"
        case .wetland: "湿地"
        case .residential: "城镇住宅用地"
        case .ruralResidential: "农村宅基地"
        case .publicService: "公共管理与公共服务用地"
        case .commercial: "商业服务业用地"
        case .industrial: "工矿用地"
        case .warehouse: "仓储用地"
        case .transport: "交通运输用地"
        case .utilities: "公用设施用地"
        case .greenSpace: "绿地与开敞空间用地"
        case .special: "特殊用地"
        case .reserved: "留白用地"
        case .water: "陆地水域"
        case .unclassified: "未分类"
        }
    }

    /// Whether the class is urban construction land (城镇建设用地), what the seeds' "built-up area" (建成区)
    /// counts: everything built except rural homesteads (0703) and land left blank for later (16 留白).
    public var isUrbanConstruction: Bool {
        switch self {
        case .residential, .publicService, .commercial, .industrial, .warehouse, .transport, .utilities,
            .greenSpace, .special:
            true
        default: false
        }
    }

    /// Whether the class counts as construction (建设用地) land of any kind.
    public var isBuiltUp: Bool {
        switch self {
        case .cropland, .orchard, .forest, .grassland, .wetland, .water, .unclassified: false
        default: true
        }
    }
}

/// Facility types. A facility is a point at its main entrance.
public enum FacilityType: String, CaseIterable, Sendable, Codable {
    case childcare, kindergarten
    case primarySchool = "primary_school"
    case middleSchool = "middle_school"
    case university
    case communityHealthCentre = "community_health_centre"
    case hospital
    case elderlyDaycare = "elderly_daycare"
    case elderlyCareHome = "elderly_care_home"
    case sportsGround = "sports_ground"
    case cultureFacility = "culture_facility"
    case fireStation = "fire_station"
    case park
    case wetMarket = "wet_market"
    case mall
}

/// Kinds of transit feature.
public enum TransitKind: String, CaseIterable, Sendable, Codable {
    case metroStation = "metro_station"
    case metroLine = "metro_line"
    case railStation = "rail_station"
    case railLine = "rail_line"
    case busStop = "bus_stop"
}

/// Kinds of constraint feature: what siting must keep away from.
public enum ConstraintKind: String, CaseIterable, Sendable, Codable {
    case ecologicalRedLine = "ecological_red_line"
    case basicFarmland = "basic_farmland"
    case hazardousSite = "hazardous_site"
}

/// Road classes of the street network.
public enum RoadClass: String, CaseIterable, Sendable, Codable {
    case expressway, arterial, secondary, local, village, path
}

/// Where a planned or built thing stands.
public enum Status: String, CaseIterable, Sendable, Codable {
    case operating
    case underConstruction = "under_construction"
    case planned
}
