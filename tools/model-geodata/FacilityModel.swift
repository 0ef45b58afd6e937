import QTGeometry
import QTModel

/// One facility of the `facilities` layer: a point at its main entrance, in metres.
struct ModelFacility {
    let id: String
    let type: FacilityType
    let name: String
    let point: Coordinate
    let subdistrict: String
    var properties: [String: JSONValue]
}

/// Public-service facilities, points at their main entrances: named ones where the seeds and the reference
/// put them, the rest modelled by planning rules. No facility list with coordinates exists for Qiantang
/// (reference/README.md: "Hospital, fire-station and park POI lists with coordinates" NOT FOUND).
///
/// Placement is never tuned to make a coverage figure come out high or low: coverage is an outcome the
/// analyses compute. The counts follow the provision rules below and the places follow the population;
/// nothing here looks at walking distances or service areas.
///
/// Rules:
/// 1. Named facilities (`named`): the 14 university campuses at their Baidu points (WGS84 columns of
///    reference/qiantang_universities_baidu.csv, ~100 m); hospitals, sports and culture venues, parks, malls
///    and the six community health centres of seed 001 on the permitted parcel nearest a stated anchor (a
///    station, a town centre or an assumed point, each given in `anchorReason`), with `source` the seed or
///    reference file and an honest `accuracy_m` (1,000–2,000 m where the anchor is assumed).
/// 2. Provision (`provisions`), by the modelled population of each sub-district (PopulationModel), after
///    GB 50180-2018's life circles as summarised in the district brief (15-minute: 50–100 k residents;
///    10-minute: 15–25 k; 5-minute: 5–12 k): one per 75,000 (the middle of the 15-minute range) for
///    community health centres, elderly care homes (养老院), culture centres (文化活动中心) and large sports
///    grounds; one per 50,000 for middle schools (the lower end: one 初中 per 15-minute circle); one per
///    25,000 for primary schools and medium sports grounds (the upper end of the 10-minute range); one per
///    20,000 for wet markets (菜市场, 10-minute); one per 10,000 for kindergartens, small sports grounds and
///    culture stations (文化活动站, 5-minute); childcare centres (托育) one per 40,000 (no GB 50180 level;
///    seed 001 wants 托班 in kindergartens, so stand-alone centres are fewer); malls (商业综合体) one per
///    100,000 (seed 001's "六个一": one commercial service centre per town cluster); elderly day-care centres
///    100 in all, shared by population (seed 000: 累计投用居家养老服务设施100家, 2022 — one per ~7,900
///    residents, inside the 5-minute range); one fire station per sub-district (seed 001 专栏 17: one
///    街道综合应急消防救援站 per sub-district, ≥ 20 staff). Every sub-district gets at least one of each.
///    Named facilities of the same type (and size class) count towards their sub-district's number.
/// 3. Placement: the sub-district's population features are split into k population-weighted clusters
///    (k-means++ seeded from `ModelState.seed`, then Lloyd iterations, on feature centroids weighted by
///    residents); named facilities take the clusters whose centres are nearest them; each other cluster
///    gets one facility, sited by `FacilitySiting` near the cluster's centre on a permitted parcel of that
///    sub-district (`permitted`: never water, cropland or industrial land for schools, kindergartens,
///    childcare or elderly care). Parks are the green-space parcels of ≥ 0.4 ha outside the campuses, each
///    with its entrance facing the nearest population feature.
/// 4. Capacities, calibrated to the 2020 column of seed 001's table 2 (the starting point, not the 2025
///    target): childcare places 1.8 per 1,000 residents; licensed physicians 3.9 per 1,000 (hospitals
///    0.6 per bed, community health centres the rest, by population served: they stand for their service
///    stations and village clinics, which the layer does not list); sports ground area 2.1 m² per resident
///    (GB 50180's size-class areas scaled by one factor, since the 2020 figure counts every sports ground in
///    the census — school and campus fields, fitness paths — which the layer does not list one by one);
///    3 graded general hospitals. Elderly-care beds have no 2020 figure: 30 per 1,000 aged 60+ is chosen,
///    below the 2025 target of 40. School places come from assumed cohort shares of the population served
///    (ages 3–5 3.0%, 6–11 6.0%, 12–14 3.0%), in whole classes, clamped to the usual school sizes.
struct FacilityModel {
    // MARK: - Sources

    static let seed000 = "seed:000_17494778adbcf408.txt"
    static let seed001 = "seed:001_2693ffcf47e220f5.txt"
    static let seed002 = "seed:002_b544defbb9dd6eba.txt"
    static let seed004 = "seed:004_90b6ce3d720759e3.txt"
    static let places = "reference:places.csv"
    static let universitiesSource = "reference:qiantang_universities_baidu"

    // MARK: - Permitted land (rank 0 preferred; see FacilitySiting)

    static func permitted(_ type: FacilityType) -> [LandUseClass: Int] {
        switch type {
        case .childcare, .kindergarten, .primarySchool, .middleSchool, .elderlyDaycare, .elderlyCareHome:
            [.publicService: 0, .residential: 1, .ruralResidential: 2]
        case .communityHealthCentre:
            [.publicService: 0, .residential: 1, .commercial: 1, .ruralResidential: 2]
        case .hospital:
            [.publicService: 0, .commercial: 1, .residential: 2]
        case .sportsGround:
            [.publicService: 0, .greenSpace: 0, .residential: 1, .ruralResidential: 2, .reserved: 2]
        case .cultureFacility:
            [.publicService: 0, .commercial: 1, .residential: 1, .greenSpace: 1, .ruralResidential: 2]
        case .fireStation:
            [.utilities: 0, .publicService: 0, .transport: 1, .industrial: 1, .warehouse: 1, .reserved: 2,
             .residential: 2, .ruralResidential: 2]
        case .wetMarket:
            [.commercial: 0, .publicService: 1, .residential: 1, .ruralResidential: 2]
        case .mall:
            [.commercial: 0, .reserved: 1, .residential: 2, .ruralResidential: 3]
        case .park:
            [.greenSpace: 0, .wetland: 0, .grassland: 1, .forest: 1]
        case .university:
            [.publicService: 0]
        }
    }

    // MARK: - Provision (rule 2)

    struct Provision {
        let type: FacilityType
        let sizeClass: String?
        /// Residents per facility; nil for the special quotas (fire stations, elderly day care).
        let residentsPer: Double?
        let nameZh: String
        let nameEn: String
        let rule: String
    }

    static let provisions: [Provision] = [
        Provision(type: .fireStation, sizeClass: nil, residentsPer: nil, nameZh: "街道综合应急消防救援站",
                  nameEn: "Sub-district emergency and fire rescue station",
                  rule: "one per sub-district (seed 001 专栏 17), near the population-weighted centre"),
        Provision(type: .communityHealthCentre, sizeClass: nil, residentsPer: 75_000, nameZh: "社区卫生服务中心",
                  nameEn: "Community health centre", rule: "one per 75,000 residents (GB 50180 15-minute circle, 50–100 k)"),
        Provision(type: .elderlyCareHome, sizeClass: nil, residentsPer: 75_000, nameZh: "养老院",
                  nameEn: "Elderly care home", rule: "one per 75,000 residents (GB 50180 15-minute circle)"),
        Provision(type: .middleSchool, sizeClass: nil, residentsPer: 50_000, nameZh: "初中",
                  nameEn: "Middle school", rule: "one per 50,000 residents (GB 50180 15-minute circle, lower end)"),
        Provision(type: .primarySchool, sizeClass: nil, residentsPer: 25_000, nameZh: "小学",
                  nameEn: "Primary school", rule: "one per 25,000 residents (GB 50180 10-minute circle, upper end)"),
        Provision(type: .kindergarten, sizeClass: nil, residentsPer: 10_000, nameZh: "幼儿园",
                  nameEn: "Kindergarten", rule: "one per 10,000 residents (GB 50180 5-minute circle, 5–12 k)"),
        Provision(type: .childcare, sizeClass: nil, residentsPer: 40_000, nameZh: "托育机构",
                  nameEn: "Childcare centre", rule: "one per 40,000 residents (stand-alone 托育; seed 001 adds 托班 in kindergartens)"),
        Provision(type: .elderlyDaycare, sizeClass: nil, residentsPer: nil, nameZh: "老年人日间照料中心",
                  nameEn: "Elderly day-care centre", rule: "100 in the district by population (seed 000: 居家养老服务设施100家, 2022)"),
        Provision(type: .sportsGround, sizeClass: "large", residentsPer: 75_000, nameZh: "大型多功能运动场地",
                  nameEn: "Large sports ground", rule: "one per 75,000 residents (GB 50180 15-minute circle)"),
        Provision(type: .sportsGround, sizeClass: "medium", residentsPer: 25_000, nameZh: "中型多功能运动场地",
                  nameEn: "Medium sports ground", rule: "one per 25,000 residents (GB 50180 10-minute circle)"),
        Provision(type: .sportsGround, sizeClass: "small", residentsPer: 10_000, nameZh: "小型多功能运动场地",
                  nameEn: "Small sports ground", rule: "one per 10,000 residents (GB 50180 5-minute circle)"),
        Provision(type: .cultureFacility, sizeClass: "centre", residentsPer: 75_000, nameZh: "文化活动中心",
                  nameEn: "Culture centre", rule: "one per 75,000 residents (GB 50180 15-minute circle)"),
        Provision(type: .cultureFacility, sizeClass: "station", residentsPer: 10_000, nameZh: "文化活动站",
                  nameEn: "Culture station", rule: "one per 10,000 residents (GB 50180 5-minute circle)"),
        Provision(type: .wetMarket, sizeClass: nil, residentsPer: 20_000, nameZh: "菜市场",
                  nameEn: "Wet market", rule: "one per 20,000 residents (GB 50180 10-minute circle, 15–25 k)"),
        Provision(type: .mall, sizeClass: nil, residentsPer: 100_000, nameZh: "商业综合体",
                  nameEn: "Mall", rule: "one per 100,000 residents (seed 001: one commercial service centre per cluster)"),
    ]

    static let elderlyDaycareTotal = 100

    // MARK: - Capacities (rule 4)

    /// Seed 001 table 2, 2020 column.
    static let childcarePlacesPer1000 = 1.8
    static let physiciansPer1000 = 3.9
    static let sportsM2PerResident = 2.1
    /// Chosen (no 2020 figure); the 2025 target is 40.
    static let elderlyBedsPer1000Aged = 30.0
    static let physiciansPerHospitalBed = 0.6
    /// GB 50180-2018 appendix B land areas of multi-purpose sports grounds, midpoints (m²): large
    /// 3,150–5,620, medium 1,310–2,460, small 770–1,310. Scaled by one factor to the 2020 total.
    static let sportsBaseArea: [String: Double] = ["large": 4_385, "medium": 1_885, "small": 1_040]
    /// GB 50180-2018 appendix B floor areas: 文化活动中心 3,000–6,000 m², 文化活动站 250–1,200 m² (about midpoints).
    static let cultureArea: [String: Double] = ["centre": 4_500, "station": 700]
    /// Cohort shares of residents (assumed for a district with mean age 32.5), class sizes and school sizes.
    static let schoolRules: [FacilityType: (share: Double, classSize: Int, minClasses: Int, maxClasses: Int)] = [
        .kindergarten: (0.03, 30, 9, 18), .primarySchool: (0.06, 45, 30, 50), .middleSchool: (0.03, 50, 30, 40),
    ]

    // MARK: - Named facilities (rule 1)

    struct Named {
        let id: String
        let type: FacilityType
        let name: String
        let nameEn: String
        /// WGS84 anchor.
        let anchor: (Double, Double)
        let anchorReason: String
        let source: String
        let accuracy: Double
        var sizeClass: String? = nil
        var status: Status = .operating
        var parcel: String? = nil
        /// Classes that replace the type's `permitted` ones, where the source says what land it is on.
        var classes: [LandUseClass: Int]? = nil
        var attributes: [String: JSONValue] = [:]
    }

    /// WGS84 points used as anchors (reference/qiantang_metro_stations.csv, places.csv, LandUseModel).
    static let xiashaXi = (120.30803, 30.312309), wenze = (120.345495, 30.31238), gaosha = (120.33087, 30.311768)
    static let jinshaStation = (120.321197, 30.311613), jinshaLake = (120.314614, 30.311961)
    static let xiashaJiangbin = (120.377133, 30.289045), qingliuZhong = (120.487435, 30.301197)
    static let yipengStation = (120.48282, 30.276277), qianjinTown = (120.585, 30.262), linjiangTown = (120.625, 30.300)
    /// Assumed points: north of the university town; the south Xiasha riverside (东部湾); the Jiangdong
    /// riverside north of 江海之城; the Xinwan riverside.
    static let universityNorth = (120.365, 30.345), dongbuwan = (120.345, 30.282)
    static let jianghaiRiverside = (120.47, 30.355), xinwanRiverside = (120.56, 30.36)

    static let named: [Named] = [
        // Hospitals (seed 001: 邵逸夫分院、省中分院等现有三甲医院; 市第九人民医院（市一医院钱塘院区）).
        Named(id: "hospital-srrsh-qiantang", type: .hospital, name: "浙大邵逸夫医院钱塘院区（下沙院区）",
              nameEn: "Sir Run Run Shaw Hospital, Qiantang (Xiasha) campus", anchor: xiashaXi,
              anchorReason: "assumed: west Xiasha at metro 下沙西 (places.csv: on 下沙路 at 七格路; the junction is not located)",
              source: seed000, accuracy: 1500,
              attributes: ["grade": "三级甲等", "general": true, "graded": true, "beds": 1200,
                           "beds_basis": "places.csv: 1,200 beds planned for the 下沙医院 site (2009; link unverified)"]),
        Named(id: "hospital-tcm-xiasha", type: .hospital, name: "浙江省中医院下沙院区",
              nameEn: "Zhejiang Provincial Hospital of TCM, Xiasha campus", anchor: wenze,
              anchorReason: "assumed: central Xiasha at metro 文泽路 (places.csv: 9号大街9号; the address is not located)",
              source: seed001, accuracy: 1500,
              attributes: ["grade": "三级甲等", "general": true, "graded": true, "beds": 800, "beds_basis": "assumed"]),
        Named(id: "hospital-ninth-peoples", type: .hospital, name: "杭州市第九人民医院（市一医院钱塘院区）",
              nameEn: "Hangzhou Ninth People's Hospital (Hangzhou First Hospital, Qiantang campus)", anchor: qingliuZhong,
              anchorReason: "assumed: the Jiangdong main centre at metro 青六中路 (seed 001: the eastern medical centre; the former 大江东医院, seed 002)",
              source: seed001, accuracy: 1500,
              attributes: ["grade": "unknown", "general": true, "graded": true, "beds": 800, "beds_basis": "assumed",
                           "grade_basis": "seed 001 table 2 counts 3 graded general hospitals in 2020; taken to be the three named ones"]),
        Named(id: "hospital-women-children-planned", type: .hospital, name: "钱塘区妇幼专科医院（规划）",
              nameEn: "Women's and children's hospital (planned)", anchor: gaosha,
              anchorReason: "assumed: seed 001 plans it in the Xiasha block; placed near metro 高沙路",
              source: seed001, accuracy: 2000, status: .planned,
              attributes: ["grade": "unknown", "general": false, "graded": false, "beds": 0, "beds_basis": "planned; size not published"]),
        // Community health centres (seed 001: 下沙沿江、大学城北、金沙湖、义蓬街道、前进街道、临江街道).
        Named(id: "chc-xiasha-yanjiang", type: .communityHealthCentre, name: "下沙沿江社区卫生服务中心",
              nameEn: "Xiasha Riverside community health centre", anchor: xiashaJiangbin,
              anchorReason: "assumed: the Xiasha riverside at metro 下沙江滨", source: seed001, accuracy: 1000),
        Named(id: "chc-university-north", type: .communityHealthCentre, name: "大学城北社区卫生服务中心",
              nameEn: "University Town North community health centre", anchor: universityNorth,
              anchorReason: "assumed: north of the 下沙高教园 (大学城北)", source: seed001, accuracy: 1500),
        Named(id: "chc-jinshahu", type: .communityHealthCentre, name: "金沙湖社区卫生服务中心",
              nameEn: "Jinsha Lake community health centre", anchor: jinshaStation,
              anchorReason: "assumed: metro 金沙湖", source: seed001, accuracy: 1000),
        Named(id: "chc-yipeng", type: .communityHealthCentre, name: "义蓬街道社区卫生服务中心",
              nameEn: "Yipeng community health centre", anchor: yipengStation,
              anchorReason: "assumed: metro 义蓬 (the town centre)", source: seed001, accuracy: 1000),
        Named(id: "chc-qianjin", type: .communityHealthCentre, name: "前进街道社区卫生服务中心",
              nameEn: "Qianjin community health centre", anchor: qianjinTown,
              anchorReason: "assumed: the 前进 town centre (LandUseModel.towns); seed 003 reports it operating",
              source: seed001, accuracy: 1000),
        Named(id: "chc-linjiang", type: .communityHealthCentre, name: "临江街道社区卫生服务中心",
              nameEn: "Linjiang community health centre", anchor: linjiangTown,
              anchorReason: "assumed: the 临江 town centre (LandUseModel.towns)", source: seed001, accuracy: 1000),
        // Sports (seed 001 专栏: 建成投用钱塘轮滑中心、大学城北体育中心、下沙文体中心).
        Named(id: "sports-roller-centre", type: .sportsGround, name: "钱塘轮滑中心（杭州亚运会轮滑馆）",
              nameEn: "Qiantang Roller Sports Centre", anchor: dongbuwan,
              anchorReason: "assumed: the south Xiasha riverside (places.csv: 东部湾体育公园 on the river, no coordinate)",
              source: places, accuracy: 2000, sizeClass: "large",
              attributes: ["area_m2": 36_000, "area_basis": "places.csv: 36,000 m² floor area"]),
        Named(id: "sports-university-north", type: .sportsGround, name: "大学城北体育中心",
              nameEn: "University Town North Sports Centre", anchor: universityNorth,
              anchorReason: "assumed: north of the 下沙高教园 (大学城北)", source: seed001, accuracy: 1500, sizeClass: "large"),
        Named(id: "sports-xiasha-culture-sports", type: .sportsGround, name: "下沙文体中心",
              nameEn: "Xiasha Culture and Sports Centre (sports)", anchor: jinshaStation,
              anchorReason: "assumed: east of 金沙湖 (places.csv: the 下沙街道 office is in the 开发区文化中心 on 海达南路); may be the same complex as 钱塘文体中心",
              source: seed001, accuracy: 1500, sizeClass: "large"),
        // Culture (seeds 000, 002: 大剧院, 钱塘文体中心).
        Named(id: "culture-grand-theatre", type: .cultureFacility, name: "钱塘大剧院", nameEn: "Qiantang Grand Theatre",
              anchor: jinshaLake, anchorReason: "assumed: the 金沙湖 core (seed 001: Xiasha's core and city living room)",
              source: seed000, accuracy: 1500, sizeClass: "district",
              attributes: ["area_m2": 30_000, "area_basis": "assumed"]),
        Named(id: "culture-qiantang-culture-sports", type: .cultureFacility, name: "钱塘文体中心",
              nameEn: "Qiantang Culture and Sports Centre (culture)", anchor: jinshaStation,
              anchorReason: "assumed: east of 金沙湖, with 下沙文体中心 (seed 002 lists it with the nearly finished Xiasha venues)",
              source: seed000, accuracy: 1500, sizeClass: "district",
              attributes: ["area_m2": 30_000, "area_basis": "assumed"]),
        // Parks (seed 000: 金沙湖景观公园、亚运主题公园; seed 001 专栏 16: 钱塘艺术湾、钱塘生态湿地公园).
        Named(id: "park-jinshahu", type: .park, name: "金沙湖景观公园", nameEn: "Jinsha Lake Park", anchor: jinshaStation,
              anchorReason: "the 金沙湖 park parcel of the land-use layer (places.csv lake point); entrance towards metro 金沙湖",
              source: seed000, accuracy: 300, sizeClass: "large", parcel: "jinsha-park"),
        Named(id: "park-asian-games", type: .park, name: "亚运主题公园", nameEn: "Asian Games Theme Park", anchor: dongbuwan,
              anchorReason: "assumed: beside the roller venue on the south Xiasha riverside (东部湾体育公园, seed 001)",
              source: seed000, accuracy: 2000, sizeClass: "large"),
        Named(id: "park-wetland", type: .park, name: "钱塘生态湿地公园", nameEn: "Qiantang Ecological Wetland Park",
              anchor: jianghaiRiverside,
              anchorReason: "assumed: the Jiangdong riverside north of 江海之城 (seed 001: along the river protection belt; seed 002: 江海湿地 on the east bank)",
              source: seed001, accuracy: 2000, sizeClass: "large", classes: [.wetland: 0, .greenSpace: 1, .grassland: 1]),
        Named(id: "park-art-bay", type: .park, name: "钱塘艺术湾", nameEn: "Qiantang Art Bay", anchor: xinwanRiverside,
              anchorReason: "assumed: the Jiangdong riverside in 新湾 (seed 001: from the 永农 plot north to the river, on farmland; 永农 is not located)",
              source: seed001, accuracy: 2000, sizeClass: "large",
              classes: [.cropland: 0, .greenSpace: 0, .orchard: 1, .grassland: 1]),
        // Malls (seed 001: 金沙天街、金沙印象城、银泰百货; seed 004: 龙湖江东天街 opened 2022-09).
        Named(id: "mall-jinsha-tianjie", type: .mall, name: "金沙天街", nameEn: "Jinsha Paradise Walk", anchor: jinshaStation,
              anchorReason: "assumed: metro 金沙湖 (the 金沙湖 business district)", source: seed001, accuracy: 1000),
        Named(id: "mall-jinsha-yinxiang", type: .mall, name: "金沙印象城", nameEn: "Jinsha InCity", anchor: jinshaLake,
              anchorReason: "assumed: the 金沙湖 business district", source: seed001, accuracy: 1000),
        Named(id: "mall-yintai", type: .mall, name: "银泰百货（下沙）", nameEn: "Intime department store (Xiasha)", anchor: gaosha,
              anchorReason: "assumed: metro 高沙路 (seed 001 names it with the 金沙湖 malls)", source: seed001, accuracy: 1500),
        Named(id: "mall-jiangdong-tianjie", type: .mall, name: "龙湖江东天街", nameEn: "Longfor Jiangdong Paradise Walk",
              anchor: qingliuZhong, anchorReason: "assumed: the Jiangdong main centre at metro 青六中路 (seed 004: opened 2022-09-19)",
              source: seed004, accuracy: 1500),
    ]

    /// The 14 campuses: name and WGS84 point (reference/qiantang_universities_baidu.csv, lon_wgs84/lat_wgs84,
    /// converted there from Baidu BD-09).
    static let universities: [(name: String, lon: Double, lat: Double, note: String?)] = [
        ("浙江经贸职业技术学院", 120.378211, 30.318796, nil),
        ("杭州师范大学", 120.389599, 30.31797,
         "Baidu labels this POI 余杭区 (the main 仓前 campus); the point lies in the 下沙高教园 beside 钱江学院, taken as the 下沙 campus"),
        ("浙江财经大学(下沙校区)", 120.390667, 30.324109, nil),
        ("浙江工商大学", 120.384577, 30.310933, nil),
        ("浙江理工大学(下沙校区)", 120.350241, 30.314544, nil),
        ("中国计量大学", 120.371462, 30.322036, nil),
        ("浙江育英职业技术学院", 120.347162, 30.307068, nil),
        ("浙江警官职业学院(下沙校区)", 120.355438, 30.313531, nil),
        ("浙江经济职业技术学院", 120.374451, 30.311191, nil),
        ("杭州职业技术学院", 120.348682, 30.323028, nil),
        ("杭州师范大学(钱江学院)", 120.384263, 30.315609, nil),
        ("杭州电子科技大学(下沙校区)", 120.342627, 30.313334, nil),
        ("浙江金融职业学院", 120.378565, 30.321985, nil),
        ("浙江水利水电学院", 120.368808, 30.31652, nil),
    ]

    // MARK: - Run

    /// A facility being built, with what its capacity depends on.
    struct Draft {
        var facility: ModelFacility
        var served: Double
        var servedAged: Double
    }

    static func run(_ state: ModelState) throws {
        let frame = state.frame
        guard !state.population.isEmpty else { throw ModelError("facilities need the population step") }
        let siting = try FacilitySiting(state: state)
        let residents = state.population.reduce(0) { $0 + $1.population }
        let subNames = Dictionary((SubdistrictModel.xiasha + SubdistrictModel.jiangdong).map { ($0.id, ($0.name, $0.nameEn)) },
                                  uniquingKeysWith: { a, _ in a })
        var drafts: [Draft] = []

        // 1. Universities, then the named facilities.
        for (i, u) in universities.enumerated() {
            let at = try frame.metric(u.lon, u.lat)
            siting.register(at)
            var properties: [String: JSONValue] = [
                "location_rule": "the Baidu POI point of the campus (WGS84 converted from BD-09)", "status": "operating",
            ]
            if let note = u.note { properties["note"] = .string(note) }
            let facility = ModelFacility(id: String(format: "university-%02d", i + 1), type: .university, name: u.name,
                                         point: at, subdistrict: try subdistrict(at, state),
                                         properties: properties.merging(common(source: universitiesSource,
                                                                                accuracy: u.note == nil ? 100 : 300),
                                                                         uniquingKeysWith: { a, _ in a }))
            drafts.append(Draft(facility: facility, served: 0, servedAged: 0))
        }
        for n in named {
            let target = try frame.metric(n.anchor.0, n.anchor.1)
            guard let site = try siting.site(near: target, classes: n.classes ?? permitted(n.type), subdistrict: nil, avoidRedLine: false,
                                             onlyParcel: n.parcel) else {
                throw ModelError("no parcel for \(n.name)")
            }
            var properties = n.attributes.merging(common(source: n.source, accuracy: n.accuracy), uniquingKeysWith: { a, _ in a })
            properties["name_en"] = .string(n.nameEn)
            properties["status"] = .string(n.status.rawValue)
            properties["location_rule"] = .string("\(n.anchorReason); on the nearest permitted parcel (\(site.parcel.landUse.rawValue), \(Int(site.distance.rounded())) m from the anchor)")
            if let size = n.sizeClass { properties[n.type == .cultureFacility ? "level" : "size_class"] = .string(size) }
            drafts.append(Draft(facility: ModelFacility(id: n.id, type: n.type, name: n.name, point: site.entrance,
                                                        subdistrict: try subdistrict(site.entrance, state), properties: properties),
                                served: 0, servedAged: 0))
        }

        // 2–3. Provision by sub-district, placed on population clusters.
        let populationBySub = Dictionary(grouping: state.population, by: \.subdistrict)
        let subIds = state.subdistricts.map(\.id)
        let subTotals = subIds.map { id in Double(populationBySub[id]?.reduce(0) { $0 + $1.population } ?? 0) }
        let daycareQuota = Dictionary(uniqueKeysWithValues: zip(subIds, PopulationModel.largestRemainder(subTotals, total: elderlyDaycareTotal).map { max($0, 1) }))
        for (p, provision) in provisions.enumerated() {
            for (s, sub) in subIds.enumerated() {
                let cells = (populationBySub[sub] ?? []).filter { $0.population > 0 }
                if cells.isEmpty { continue }
                let residentsHere = subTotals[s]
                var k: Int
                if provision.type == .fireStation { k = 1 }
                else if provision.type == .elderlyDaycare { k = daycareQuota[sub] ?? 1 }
                else { k = max(1, Int((residentsHere / (provision.residentsPer ?? 1)).rounded())) }
                let namedHere = drafts.indices.filter {
                    drafts[$0].facility.type == provision.type && drafts[$0].facility.subdistrict == sub
                        && drafts[$0].facility.properties["status"] == .string(Status.operating.rawValue)
                        && (provision.sizeClass == nil || drafts[$0].facility.properties["size_class"] == .string(provision.sizeClass!))
                }
                k = min(max(k, namedHere.count), cells.count)
                var rng = SeededGenerator(seed: state.seed &+ 7_000 &+ UInt64(p * 100 + s))
                let clusters = kMeans(cells.map { ($0.centre, Double($0.population)) }, k: k, rng: &rng)
                let served = clusters.members.map { $0.reduce(0.0) { $0 + Double(cells[$1].population) } }
                let servedAged = clusters.members.map { $0.reduce(0.0) { $0 + Double(cells[$1].population) * cells[$1].aged60PlusShare } }
                var free = Set(clusters.centres.indices)
                for d in namedHere {
                    let at = drafts[d].facility.point
                    guard let c = free.min(by: { dist(clusters.centres[$0], at) < dist(clusters.centres[$1], at) || (dist(clusters.centres[$0], at) == dist(clusters.centres[$1], at) && $0 < $1) }) else { break }
                    free.remove(c)
                    drafts[d].served = served[c]
                    drafts[d].servedAged = servedAged[c]
                    drafts[d].facility.properties["served_population"] = .number(served[c].rounded())
                }
                var number = 0
                for c in clusters.centres.indices where free.contains(c) {
                    number += 1
                    guard let site = try siting.site(near: clusters.centres[c], classes: permitted(provision.type),
                                                     subdistrict: sub, avoidRedLine: true) else {
                        throw ModelError("no permitted parcel for a \(provision.type.rawValue) in \(sub)")
                    }
                    let (zh, en) = subNames[sub] ?? (sub, sub)
                    let suffix = k > 1 ? " \(number)" : ""
                    var properties = common(source: "modelled", accuracy: 500)
                    properties["name_en"] = .string("\(provision.nameEn) (modelled), \(en)\(suffix)")
                    properties["status"] = .string(Status.operating.rawValue)
                    properties["provision_rule"] = .string(provision.rule)
                    properties["location_rule"] = .string("nearest permitted parcel (\(site.parcel.landUse.rawValue)) to the centre of population cluster \(c + 1) of \(k) in \(sub); \(Int(site.distance.rounded())) m from it")
                    properties["served_population"] = .number(served[c].rounded())
                    if let size = provision.sizeClass {
                        properties[provision.type == .cultureFacility ? "level" : "size_class"] = .string(size)
                    }
                    if provision.type == .fireStation {
                        properties["staff"] = 20
                        properties["basis"] = .string("seed 001 专栏 17: one 街道综合应急消防救援站 per sub-district with ≥ 20 staff")
                    }
                    let idPart = provision.sizeClass.map { "\(provision.type.rawValue)-\($0)" } ?? provision.type.rawValue
                    let facility = ModelFacility(id: "\(idPart)-\(sub)-\(number)".replacingOccurrences(of: "_", with: "-"),
                                                 type: provision.type, name: "\(zh)\(provision.nameZh)（模拟）\(suffix)",
                                                 point: site.entrance, subdistrict: sub, properties: properties)
                    drafts.append(Draft(facility: facility, served: served[c], servedAged: servedAged[c]))
                }
            }
        }

        // Parks: green space of ≥ 0.4 ha outside the campuses, entrance towards the nearest residents.
        var parkNumber = 0
        for (i, parcel) in state.parcels.enumerated() where parcel.landUse == .greenSpace && parcel.id != "jinsha-park"
            && parcel.rule != "higher education park" {
            let area = try parcel.geometry.area()
            if area < 4_000 { continue }
            let centre = try PopulationModel.coordinate(of: try parcel.geometry.centroid())
            guard let nearest = state.population.min(by: { dist($0.centre, centre) < dist($1.centre, centre) }),
                  let entrance = try siting.entrance(ofParcel: i, near: nearest.centre) else { continue }
            parkNumber += 1
            let sub = try subdistrict(entrance, state)
            var properties = common(source: "modelled", accuracy: 300)
            properties["name_en"] = .string("Park (modelled) \(parkNumber)")
            properties["status"] = "operating"
            properties["size_class"] = .string(area >= 50_000 ? "large" : area >= 10_000 ? "medium" : "small")
            properties["area_m2"] = .number(area.rounded())
            properties["location_rule"] = .string("green-space parcel \(parcel.id); entrance facing population feature \(nearest.id)")
            properties["parcel"] = .string(parcel.id)
            drafts.append(Draft(facility: ModelFacility(id: String(format: "park-%03d", parkNumber), type: .park,
                                                        name: "公园（模拟）\(parkNumber)", point: entrance, subdistrict: sub,
                                                        properties: properties), served: 0, servedAged: 0))
        }
        for d in drafts.indices where drafts[d].facility.type == .park && drafts[d].facility.properties["area_m2"] == nil {
            // Named parks: the area of the parcel they stand on is not theirs to claim, except 金沙湖's own parcel.
            if drafts[d].facility.id == "park-jinshahu", let p = state.parcels.first(where: { $0.id == "jinsha-park" }) {
                drafts[d].facility.properties["area_m2"] = .number(try p.geometry.area().rounded())
            }
        }

        // 4. Capacities.
        try assignCapacities(&drafts, residents: residents, state: state)

        // GB 50180's tiers the first model lacked, and kindergarten ownership: after everything else (FacilityTiers).
        try FacilityTiers.run(&drafts, state: state, siting: siting, subNames: subNames)

        state.facilities = drafts.map(\.facility)
        report(drafts.map(\.facility), residents: residents, state: state)
        try frame.write(try drafts.map { d in
            var properties = d.facility.properties
            properties["id"] = .string(d.facility.id)
            properties["name"] = .string(d.facility.name)
            properties["type"] = .string(d.facility.type.rawValue)
            properties["subdistrict"] = .string(d.facility.subdistrict)
            let wgs = try frame.toWGS.transform(d.facility.point)
            return Feature(id: .string(d.facility.id), geometry: .point(Point(wgs)), properties: properties)
        }, layer: .facilities)
    }

    static func common(source: String, accuracy: Double) -> [String: JSONValue] {
        ["source": .string(source), "accuracy_m": .number(accuracy)]
    }

    static func subdistrict(_ c: Coordinate, _ state: ModelState) throws -> String {
        try state.subdistrict(of: try state.frame.context.makePoint(x: c.x, y: c.y))
    }

    static func dist(_ a: Coordinate, _ b: Coordinate) -> Double {
        ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
    }

    // MARK: - Capacities (rule 4)

    static func assignCapacities(_ drafts: inout [Draft], residents: Int, state: ModelState) throws {
        func indices(_ type: FacilityType) -> [Int] { drafts.indices.filter { drafts[$0].facility.type == type } }
        func set(_ i: Int, _ key: String, _ value: Double) { drafts[i].facility.properties[key] = .number(value) }

        // Schools: whole classes for the cohort of the population served, clamped to usual sizes.
        for (type, r) in schoolRules {
            for i in indices(type) {
                let classes = min(max(Int((drafts[i].served * r.share / Double(r.classSize)).rounded()), r.minClasses), r.maxClasses)
                set(i, "classes", Double(classes))
                set(i, "places", Double(classes * r.classSize))
            }
        }
        // Childcare: 1.8 places per 1,000 residents, by population served.
        let childcare = indices(.childcare)
        let childcarePlaces = Int((Double(residents) * childcarePlacesPer1000 / 1000).rounded())
        for (i, n) in zip(childcare, PopulationModel.largestRemainder(childcare.map { drafts[$0].served }, total: childcarePlaces)) {
            set(i, "places", Double(n))
        }
        // Physicians: hospitals 0.6 per bed, CHCs the rest of 3.9 per 1,000 by population served.
        var hospitalPhysicians = 0
        for i in indices(.hospital) {
            let beds = drafts[i].facility.properties["beds"]?.doubleValue ?? 0
            let physicians = Int((beds * physiciansPerHospitalBed).rounded())
            hospitalPhysicians += physicians
            set(i, "physicians", Double(physicians))
        }
        let chcs = indices(.communityHealthCentre)
        let physicians = Int((Double(residents) * physiciansPer1000 / 1000).rounded())
        for (i, n) in zip(chcs, PopulationModel.largestRemainder(chcs.map { drafts[$0].served }, total: physicians - hospitalPhysicians)) {
            set(i, "physicians", Double(n))
        }
        // Elderly-care beds: 30 per 1,000 aged 60+, by aged population served.
        let aged = state.population.reduce(0.0) { $0 + Double($1.population) * $1.aged60PlusShare }
        let homes = indices(.elderlyCareHome)
        let beds = Int((aged * elderlyBedsPer1000Aged / 1000).rounded())
        for (i, n) in zip(homes, PopulationModel.largestRemainder(homes.map { drafts[$0].servedAged }, total: beds)) {
            set(i, "beds", Double(n))
        }
        // Sports grounds: GB 50180 base areas by size class, scaled to 2.1 m² per resident; published areas kept.
        let grounds = indices(.sportsGround)
        let fixed = grounds.filter { drafts[$0].facility.properties["area_m2"] != nil }
        let scaled = grounds.filter { drafts[$0].facility.properties["area_m2"] == nil }
        let fixedArea = fixed.reduce(0.0) { $0 + (drafts[$1].facility.properties["area_m2"]?.doubleValue ?? 0) }
        let sportsTotal = Int((Double(residents) * sportsM2PerResident).rounded())
        let base = scaled.map { sportsBaseArea[drafts[$0].facility.properties["size_class"]?.stringValue ?? "small"] ?? 0 }
        let factor = (Double(sportsTotal) - fixedArea) / base.reduce(0, +)
        for (i, n) in zip(scaled, PopulationModel.largestRemainder(base, total: sportsTotal - Int(fixedArea))) {
            set(i, "area_m2", Double(n))
            drafts[i].facility.properties["area_basis"] = .string(String(format: "GB 50180-2018 size-class area × %.2f (scaled to 2.1 m² per resident, seed 001, 2020)", factor))
        }
        print(String(format: "facilities: sports ground areas scaled by %.2f from the GB 50180 midpoints", factor))
        // Culture: GB 50180 floor areas by level.
        for i in indices(.cultureFacility) where drafts[i].facility.properties["area_m2"] == nil {
            let level = drafts[i].facility.properties["level"]?.stringValue ?? "station"
            set(i, "area_m2", cultureArea[level] ?? 0)
            drafts[i].facility.properties["area_basis"] = .string("GB 50180-2018 appendix B (about the midpoint for a \(level))")
        }
    }

    // MARK: - Clustering

    /// Weighted k-means: k-means++ seeding (first centre drawn by weight, the next ones by weight × squared
    /// distance to the nearest chosen centre), then up to 100 Lloyd iterations. Returns the centres and the
    /// member indices of each cluster.
    static func kMeans(_ points: [(Coordinate, Double)], k: Int, rng: inout SeededGenerator) -> (centres: [Coordinate], members: [[Int]]) {
        guard k > 0, !points.isEmpty else { return ([], []) }
        func draw(_ weights: [Double]) -> Int {
            let total = weights.reduce(0, +)
            guard total > 0 else { return 0 }
            var u = rng.unit() * total
            for (i, w) in weights.enumerated() {
                if u < w { return i }
                u -= w
            }
            return weights.count - 1
        }
        var centres = [points[draw(points.map(\.1))].0]
        while centres.count < k {
            let weights = points.map { p in p.1 * (centres.map { dist($0, p.0) }.min() ?? 0).squared }
            centres.append(points[draw(weights)].0)
        }
        var assignment = [Int](repeating: -1, count: points.count)
        for _ in 0..<100 {
            var changed = false
            for (i, p) in points.enumerated() {
                let nearest = centres.indices.min { dist(centres[$0], p.0) < dist(centres[$1], p.0) } ?? 0
                if nearest != assignment[i] { assignment[i] = nearest; changed = true }
            }
            for c in centres.indices {
                let members = points.indices.filter { assignment[$0] == c }
                let w = members.reduce(0.0) { $0 + points[$1].1 }
                guard w > 0 else { continue }
                centres[c] = Coordinate(x: members.reduce(0.0) { $0 + points[$1].0.x * points[$1].1 } / w,
                                        y: members.reduce(0.0) { $0 + points[$1].0.y * points[$1].1 } / w)
            }
            if !changed { break }
        }
        return (centres, centres.indices.map { c in points.indices.filter { assignment[$0] == c } })
    }

    // MARK: - Report

    static func report(_ facilities: [ModelFacility], residents: Int, state: ModelState) {
        let r = Double(residents)
        for type in FacilityType.allCases {
            let all = facilities.filter { $0.type == type }
            let named = all.filter { $0.properties["source"]?.stringValue != "modelled" }.count
            print("facilities \(type.rawValue): \(all.count) (\(named) named)")
        }
        func sum(_ type: FacilityType, _ key: String, operatingOnly: Bool = true) -> Double {
            facilities.filter { $0.type == type && (!operatingOnly || $0.properties["status"]?.stringValue != "planned") }
                .reduce(0) { $0 + ($1.properties[key]?.doubleValue ?? 0) }
        }
        let aged = state.population.reduce(0.0) { $0 + Double($1.population) * $1.aged60PlusShare }
        let sports = sum(.sportsGround, "area_m2")
        let childcare = sum(.childcare, "places")
        let physicians = sum(.hospital, "physicians") + sum(.communityHealthCentre, "physicians")
        let general = facilities.filter {
            $0.type == .hospital && $0.properties["general"] == .bool(true) && $0.properties["graded"] == .bool(true)
                && $0.properties["status"]?.stringValue == "operating"
        }.count
        let elderlyBeds = sum(.elderlyCareHome, "beds")
        let culture = sum(.cultureFacility, "area_m2")
        print("facilities: \(facilities.count) in all")
        print(String(format: "facilities: sports ground area %.0f m² = %.3f m² per resident (seed 001, 2020: 2.1)", sports, sports / r))
        print(String(format: "facilities: childcare places %.0f = %.3f per 1,000 residents (2020: 1.8)", childcare, childcare / r * 1000))
        print(String(format: "facilities: licensed physicians %.0f = %.3f per 1,000 residents (2020: 3.9); hospital beds %.0f = %.2f per 1,000",
                     physicians, physicians / r * 1000, sum(.hospital, "beds"), sum(.hospital, "beds") / r * 1000))
        print("facilities: graded general hospitals \(general) (2020: 3)")
        print(String(format: "facilities: elderly-care beds %.0f for %.0f residents aged 60+ = %.1f per 1,000 (chosen 30; 2025 target 40)",
                     elderlyBeds, aged, elderlyBeds / aged * 1000))
        print(String(format: "facilities: public culture floor area %.0f m² = %.0f m² per 10,000 residents (no 2020 figure; 2025 target 5,000)",
                     culture, culture / r * 10_000))
        print(String(format: "facilities: kindergarten places %.0f, primary %.0f, middle %.0f (per 1,000 residents: %.1f, %.1f, %.1f)",
                     sum(.kindergarten, "places"), sum(.primarySchool, "places"), sum(.middleSchool, "places"),
                     sum(.kindergarten, "places") / r * 1000, sum(.primarySchool, "places") / r * 1000, sum(.middleSchool, "places") / r * 1000))
        let schools = facilities.filter { [.kindergarten, .primarySchool, .middleSchool].contains($0.type) }.count
        print("facilities: kindergartens and schools \(schools) (seed 000: 139 中小学、幼儿园 in use by 2022, a cross-check only)")
        for s in state.subdistricts {
            let here = facilities.filter { $0.subdistrict == s.id }
            let line = [FacilityType.kindergarten, .primarySchool, .middleSchool, .communityHealthCentre, .elderlyDaycare,
                        .elderlyCareHome, .sportsGround, .fireStation].map { t in "\(t.rawValue) \(here.filter { $0.type == t }.count)" }
            print("facilities \(s.id): \(here.count) — " + line.joined(separator: ", "))
        }
    }
}

private extension Double {
    var squared: Double { self * self }
}
