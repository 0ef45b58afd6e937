import Foundation
import QTGeometry
import QTModel

/// The walkable and drivable street network (layer `network`, LineString edges), modelled: no street data
/// was found for the district (`../shared/reference/README.md`, "Not found"). Rules (NETWORK.md has them too):
///
/// 1. **Named roads.** The 19 arterials of "九纵十横" (seed 002) are polylines placed by the rules in
///    ``roads``: through the metro station named after the road where one exists (station positions:
///    reference/qiantang_metro_stations.csv, WGS84 columns), otherwise by a stated spacing or anchor. Names
///    decide the block: 文渊路, 文海北路, 云涛北路, 文津路, 20号大街, 银海街, 金沙大道 and 德胜快速路 are in
///    Xiasha (the 文-/号大街/-街 grid of the 高教园, 金沙湖, the 德胜快速路 that crosses to Jiangdong by the
///    江东大桥); 河庄大道, 青六路, 梅林大道, 新世纪大道, 青西三路, 江东大道, 江东一路, 江东三路, 义隆路, 向阳路,
///    红十五线 and 北一路 are in Jiangdong. Roads named after stations but not in the list (高沙路, 文泽路,
///    文海南路, 河庄路, 新湾路, 新镇路, 塘新线, 启成路, 江东二路) are secondary roads through their station,
///    running across the line that the station is on (E–W lines give N–S roads and the reverse). Every road
///    is clipped to its own block's land (the boundary minus the river), so no road runs on the river; a
///    block's land is the landmass lying mostly in its sub-districts (the cells leave a sliver of the
///    Jiangdong bank in a 白杨 cell; the landmass decides, since walkers cannot cross the river).
/// 2. **Expressways** (drive-only, two-way single lines, `oneway` false; 80 km/h): 德胜快速路 (Xiasha) and the
///    江东大桥; 钱塘快速路 (Xiasha) and the 钱塘过江隧道 through places.csv's point; 绕城高速 G2504 leaving by the
///    下沙大桥 south to Xiaoshan; 苏绍高速 S9 leaving by the 钱江隧道 north to Haining. These four crossings are
///    the only edges on the river (`crossing` = their name); the stubs that leave the district end at the
///    boundary. 德胜快速路–江东大道 is one 九纵十横 entry: its Xiasha half is the expressway, its Jiangdong
///    half (江东大道) a surface arterial; both carry `plan_name` "德胜快速路-江东大道".
/// 3. **Local streets and village roads**: axis-aligned grids in EPSG:4549, aligned on multiples of their
///    spacing, clipped to the land-use parcels of their zone (``grids``): 200 m in Xiasha's urban
///    construction land, 300 m in Jiangdong's, 400 m on industrial and warehouse land anywhere (local
///    streets), 1,000 m on rural land (cropland, orchard, forest, grassland, wetland, rural homesteads and
///    留白; village roads). Ponds and 金沙湖 get no streets. Green space is urban construction land and gets
///    local streets (park roads); no walk-only paths are modelled, so the `path` class is unused.
/// 4. **Noding.** The surface lines (arterial, secondary, local, village) are noded together by a GEOS
///    unary union; the expressways are noded separately among themselves (they meet at system interchanges),
///    so an expressway never connects to a street it crosses. They connect only at the interchanges in
///    ``interchanges``, where both are split at the crossing point. Each noded edge takes the class and name
///    of the line it came from (found with an STRtree; the higher class wins where two lines coincide).
/// 5. **Cleaning.** Edges under 1 m (noding artefacts next to a crossing) are contracted, merging their nodes;
///    dangling edges shorter than 20 m (clipping stubs) are dropped, repeatedly; then the drive
///    graph (every edge with `drive`) keeps its largest component and the walk graph (every edge with
///    `walk`) its largest component in each block, repeatedly until nothing changes; the fragments dropped
///    are printed. Walkers do not cross the river (the crossings are expressways; they take Metro Line 8),
///    so the walk graph has two components by design: `"walk_components_expected": 2` (Xiasha, Jiangdong).
/// 6. **Attributes**: `id`, `road_class`, `name` (named roads), `plan_name` and `basis` (九纵十横 roads),
///    `length_m` (planar EPSG:4549, 0.1 m), `walk`, `drive`, `oneway` (always false), `speed_kmh` by class
///    (``speeds``; walking speed is not an edge attribute: the coverage engine applies 4.5–5 km/h),
///    `crossing`, `block`, `rule`, `source` "modelled", `accuracy_m` (300 for roads through a station, up to
///    2,000 for unanchored ones; 150 for local streets, 300 for village roads: schematic).
struct NetworkModel {
    /// The walk graph's expected number of components: one per bank block.
    static let walkComponentsExpected = 2
    static let danglingMeters = 20.0
    /// Shorter edges are contracted: noding artefacts where a line passes within a metre of a crossing.
    static let minimumEdgeMeters = 1.0
    /// Interchange points snap to an existing node, or split an edge, within this distance.
    static let snapMeters = 0.5
    static let speeds: [RoadClass: Int] = [.expressway: 80, .arterial: 50, .secondary: 40, .local: 30, .village: 30]
    static let planBasis = "seed:002_b544defbb9dd6eba.txt 九纵十横"
    static let stationBasis = "reference:qiantang_metro_stations.csv"

    /// Where a road is clipped: its block's land, or (river crossings) the boundary.
    enum Block: String { case xiasha = "Xiasha", jiangdong = "Jiangdong", river }

    /// A modelled road: a polyline of longitude/latitude vertices, placed by `rule`.
    struct Road {
        let name: String
        let roadClass: RoadClass
        let block: Block
        let lonLat: [(Double, Double)]
        let rule: String
        let accuracy: Int
        var planName: String? = nil
        var crossing: String? = nil
        var basis: String? = nil
    }

    /// A street grid over the parcels of some land-use classes.
    struct Grid {
        let name: String
        let roadClass: RoadClass
        let spacing: Double
        let classes: Set<LandUseClass>
        /// Only parcels of this block ("Xiasha", "Jiangdong"), or every block.
        let block: String?
        let accuracy: Int
    }

    static let urbanNonIndustrial = Set(LandUseClass.allCases.filter(\.isUrbanConstruction)).subtracting([.industrial, .warehouse])
    static let grids = [
        Grid(name: "Xiasha urban 200 m grid", roadClass: .local, spacing: 200, classes: urbanNonIndustrial, block: "Xiasha", accuracy: 150),
        Grid(name: "Jiangdong urban 300 m grid", roadClass: .local, spacing: 300, classes: urbanNonIndustrial, block: "Jiangdong", accuracy: 150),
        Grid(name: "industrial 400 m grid", roadClass: .local, spacing: 400, classes: [.industrial, .warehouse], block: nil, accuracy: 150),
        Grid(name: "village 1000 m grid", roadClass: .village, spacing: 1000,
             classes: [.cropland, .orchard, .forest, .grassland, .wetland, .ruralResidential, .reserved], block: nil, accuracy: 300),
    ]

    // MARK: - Anchors

    /// Metro stations named after roads (reference/qiantang_metro_stations.csv, lon_wgs84, lat_wgs84).
    static let gaoshaLu = (120.33087, 30.311768), wenzeLu = (120.345495, 30.31238), wenhaiNanLu = (120.370463, 30.313265)
    static let xinzhenLu = (120.479788, 30.260786), yipeng = (120.48282, 30.276277), tangxinXian = (120.48592, 30.286898)
    static let qingliuZhongLu = (120.487435, 30.301197), qichengLu = (120.490023, 30.314383), jiangdongErLu = (120.49035, 30.326035)
    static let hezhuangLu = (120.452457, 30.301049), qingxiSanLu = (120.473249, 30.301279), cangbeiCun = (120.50335, 30.296296)
    static let fenglouCun = (120.517058, 30.296646), xinwanLu = (120.536205, 30.297199)
    /// 钱塘过江隧道's point (reference/places.csv; datum unknown, it lies on the river in the neck).
    static let tunnelPoint = (120.3977889, 30.2946222)
    /// Bridge and tunnel ends and expressway junctions, chosen on land near the banks (see ``roads``).
    static let bridgeWest = (120.393, 30.322), bridgeEast = (120.4425, 30.304)
    static let tunnelWest = (120.388, 30.300), tunnelEast = (120.4425, 30.2985)
    /// The tunnel passes north of the boundary's notch at the neck's south-east corner (120.434°E, 30.2999°N:
    /// outside the district) through this point on the river.
    static let tunnelBend = (120.432, 30.3012)
    static let ringJunction = (120.300, 30.300), s9North = (120.560, 30.370)
    /// Extents the straight roads are drawn over before clipping to their block.
    static let west = 120.27, xiashaEast = 120.42, jiangdongWest = 120.40, east = 120.75, south = 30.20, north = 30.45
    /// Ends that should meet another road overshoot it by about 10 m (0.00009°); the overshoot is a dangling
    /// stub under 20 m and is dropped, so the ends are noded without relying on exact T-junction arithmetic.
    static let overshoot = 0.00009

    static func mid(_ a: Double, _ b: Double) -> Double { (a + b) / 2 }
    static func northSouth(_ lon: Double) -> [(Double, Double)] { [(lon, south), (lon, north)] }
    static func eastWest(_ lat: Double, _ block: Block) -> [(Double, Double)] {
        block == .xiasha ? [(west, lat), (xiashaEast, lat)] : [(jiangdongWest, lat), (east, lat)]
    }

    /// The named roads and expressways, each with its rule.
    static var roads: [Road] {
        let wenjinLon = 120.390
        let jiangdongYiLat = mid(qichengLu.1, jiangdongErLu.1)
        let jiangdongSanLat = jiangdongErLu.1 + (jiangdongErLu.1 - jiangdongYiLat)
        let jinshaLat = LandUseModel.jinsha.lat - 0.0063
        let plan = planBasis
        return [
            // Xiasha, north–south.
            Road(name: "文渊路", roadClass: .arterial, block: .xiasha, lonLat: northSouth(mid(wenzeLu.0, wenhaiNanLu.0)),
                 rule: "no station or source places it: N–S midway between the 文泽路 and 文海南路 stations (the 文-named roads of the 高教园 grid)",
                 accuracy: 1000, planName: "文渊路", basis: plan),
            Road(name: "文海北路", roadClass: .arterial, block: .xiasha, lonLat: [wenhaiNanLu, (wenhaiNanLu.0, north)],
                 rule: "N–S through the 文海南路 station (Line 1 runs E–W there), north of the station where 文海南路 becomes 文海北路",
                 accuracy: 300, planName: "文海北路", basis: plan),
            Road(name: "云涛北路", roadClass: .arterial, block: .xiasha,
                 lonLat: [(mid(wenhaiNanLu.0, wenjinLon), wenhaiNanLu.1), (mid(wenhaiNanLu.0, wenjinLon), north)],
                 rule: "no anchor: N–S midway between 文海北路 and 文津路, north of Line 1 (a 北路, like 文海北路)",
                 accuracy: 1000, planName: "云涛北路", basis: plan),
            Road(name: "文津路", roadClass: .arterial, block: .xiasha, lonLat: northSouth(wenjinLon),
                 rule: "no anchor: N–S about 400 m inside the east bank (the neck's west edge at 120.394°E); seed 001 lists it after 文泽路 in the 八纵",
                 accuracy: 1000, planName: "文津路", basis: plan),
            Road(name: "文海南路", roadClass: .secondary, block: .xiasha, lonLat: [(wenhaiNanLu.0, south), wenhaiNanLu],
                 rule: "N–S through the 文海南路 station, south of it", accuracy: 300, basis: stationBasis),
            Road(name: "高沙路", roadClass: .secondary, block: .xiasha, lonLat: northSouth(gaoshaLu.0),
                 rule: "N–S through the 高沙路 station (Line 1 runs E–W there)", accuracy: 300, basis: stationBasis),
            Road(name: "文泽路", roadClass: .secondary, block: .xiasha, lonLat: northSouth(wenzeLu.0),
                 rule: "N–S through the 文泽路 station (Line 1 runs E–W there)", accuracy: 300, basis: stationBasis),
            // Xiasha, east–west.
            Road(name: "20号大街", roadClass: .arterial, block: .xiasha, lonLat: eastWest(30.345, .xiasha),
                 rule: "no anchor: E–W across the north of the block (大学城北) at 30.345°N", accuracy: 1000,
                 planName: "20号大街", basis: plan),
            Road(name: "银海街", roadClass: .arterial, block: .xiasha, lonLat: eastWest(30.285, .xiasha),
                 rule: "no anchor: E–W across the south of the block at 30.285°N, near the river; seed 001 has it crossing the canal to the west",
                 accuracy: 1000, planName: "银海街", basis: plan),
            Road(name: "金沙大道", roadClass: .arterial, block: .xiasha, lonLat: eastWest(jinshaLat, .xiasha),
                 rule: "named after 金沙湖: E–W about 700 m south of the lake's centre (LandUseModel.jinsha), clear of the lake and its park",
                 accuracy: 1000, planName: "金沙大道", basis: plan),
            // Xiasha expressways.
            Road(name: "德胜快速路", roadClass: .expressway, block: .xiasha, lonLat: [(west, bridgeWest.1), bridgeWest],
                 rule: "E–W at 30.322°N through the 高教园 to the 江东大桥's west end (places.csv: 高教2号路 and 11号路, Xiasha)",
                 accuracy: 1000, planName: "德胜快速路-江东大道", basis: plan),
            Road(name: "钱塘快速路", roadClass: .expressway, block: .xiasha, lonLat: [(west, tunnelWest.1), ringJunction, tunnelWest],
                 rule: "E–W at 30.300°N (艮山东路 from the city) to the 钱塘过江隧道's west portal",
                 accuracy: 1000, basis: "seed:001_2693ffcf47e220f5.txt 四横三纵两延 (钱塘快速路)"),
            Road(name: "绕城高速 G2504", roadClass: .expressway, block: .xiasha, lonLat: [(ringJunction.0, north), ringJunction],
                 rule: "no coordinates found: N–S at 120.300°E in the west of Xiasha, to the 下沙大桥",
                 accuracy: 1500, basis: "reference:places.csv (下沙大桥, G2504)"),
            // River crossings (clipped to the boundary only).
            Road(name: "江东大桥", roadClass: .expressway, block: .river, lonLat: [bridgeWest, bridgeEast],
                 rule: "德胜快速路's extension across the neck to the bridgehead (桥头堡) on 河庄大道, where 江东大道 begins",
                 accuracy: 500, crossing: "江东大桥", basis: "reference:places.csv (江东大桥, 2008, 8 lanes, urban expressway)"),
            Road(name: "钱塘过江隧道", roadClass: .expressway, block: .river, lonLat: [tunnelWest, tunnelPoint, tunnelBend, tunnelEast],
                 rule: "from the west portal through places.csv's point, north-east round the boundary's notch at the neck's south-east corner (outside the district), to 河庄大道 on the east bank",
                 accuracy: 500, crossing: "钱塘过江隧道", basis: "reference:places.csv (钱塘过江隧道, 2022, 6 lanes, part of 钱塘快速路)"),
            Road(name: "下沙大桥", roadClass: .expressway, block: .river, lonLat: [ringJunction, (ringJunction.0, south)],
                 rule: "G2504 south across the river to the boundary (Xiaoshan beyond); no coordinates found",
                 accuracy: 1500, crossing: "下沙大桥", basis: "reference:places.csv (下沙大桥, 2002, G2504, Xiasha to Xiaoshan)"),
            Road(name: "钱江隧道", roadClass: .expressway, block: .river, lonLat: [s9North, (s9North.0, north)],
                 rule: "S9 north under the river to the boundary (Haining beyond); no coordinates found",
                 accuracy: 2000, crossing: "钱江隧道", basis: "reference:places.csv (钱江隧道, 2014, S9, Jiangdong/临江 to Haining)"),
            // Jiangdong, north–south.
            Road(name: "河庄大道", roadClass: .arterial, block: .jiangdong,
                 lonLat: [(120.4425, south), tunnelEast, bridgeEast, (120.4425, north)],
                 rule: "no anchor: N–S at 120.4425°E, about 1 km west of the 河庄路 station and 550 m inside the neck's east bank; the bridge and tunnel land on it",
                 accuracy: 1000, planName: "河庄大道", basis: plan),
            Road(name: "青西三路", roadClass: .arterial, block: .jiangdong,
                 lonLat: [(qingxiSanLu.0, tangxinXian.1 - overshoot), (qingxiSanLu.0, jiangdongYiLat + overshoot)],
                 rule: "N–S through the 青西三路 station (Line 8 runs E–W there), from 塘新线 to 江东一路 as seed 001's project (青西三路（江东一路-塘新线）工程)",
                 accuracy: 300, planName: "青西三路", basis: plan),
            Road(name: "青六路", roadClass: .arterial, block: .jiangdong,
                 lonLat: [(xinzhenLu.0, south), xinzhenLu, yipeng, tangxinXian, qingliuZhongLu, qichengLu, jiangdongErLu, (jiangdongErLu.0, north)],
                 rule: "along Metro Line 7 (N–S), through its stations 新镇路 … 江东二路: the line's stations are named after the roads it crosses and 青六中路 after the road it follows",
                 accuracy: 300, planName: "青六路", basis: plan),
            Road(name: "梅林大道", roadClass: .arterial, block: .jiangdong, lonLat: northSouth(120.585),
                 rule: "east of the S9 ground road in seed 001's 八纵 order; N–S through the 前进 town centre (LandUseModel.towns)",
                 accuracy: 1000, planName: "梅林大道", basis: plan),
            Road(name: "新世纪大道", roadClass: .arterial, block: .jiangdong, lonLat: northSouth(120.625),
                 rule: "east of 梅林大道 in seed 001's 八纵 order; N–S through the 临江 town centre (LandUseModel.towns)",
                 accuracy: 1000, planName: "新世纪大道", basis: plan),
            Road(name: "河庄路", roadClass: .secondary, block: .jiangdong, lonLat: northSouth(hezhuangLu.0),
                 rule: "N–S through the 河庄路 station (Line 8 runs E–W there)", accuracy: 300, basis: stationBasis),
            Road(name: "新湾路", roadClass: .secondary, block: .jiangdong, lonLat: northSouth(xinwanLu.0),
                 rule: "N–S through the 新湾路 station (Line 8 runs E–W there)", accuracy: 300, basis: stationBasis),
            // Jiangdong, east–west.
            Road(name: "江东大道", roadClass: .arterial, block: .jiangdong,
                 lonLat: [bridgeEast, hezhuangLu, qingxiSanLu, qingliuZhongLu, cangbeiCun, fenglouCun, xinwanLu, (east, xinwanLu.1)],
                 rule: "from the 江东大桥's east end (the bridgehead, 桥头堡) east along Metro Line 8 through its stations 河庄路 … 新湾路, then due east",
                 accuracy: 300, planName: "德胜快速路-江东大道", basis: plan),
            Road(name: "江东一路", roadClass: .arterial, block: .jiangdong, lonLat: eastWest(jiangdongYiLat, .jiangdong),
                 rule: "E–W parallel to 江东二路, one spacing south of it; spacing = half the 启成路–江东二路 station gap (about 650 m)",
                 accuracy: 500, planName: "江东一路", basis: plan),
            Road(name: "江东三路", roadClass: .arterial, block: .jiangdong, lonLat: eastWest(jiangdongSanLat, .jiangdong),
                 rule: "E–W parallel to 江东二路, one spacing (about 650 m) north of it", accuracy: 500,
                 planName: "江东三路", basis: plan),
            Road(name: "义隆路", roadClass: .arterial, block: .jiangdong, lonLat: eastWest(yipeng.1, .jiangdong),
                 rule: "E–W through the 义蓬 station (义 as in 义蓬)", accuracy: 1000, planName: "义隆路", basis: plan),
            Road(name: "红十五线", roadClass: .arterial, block: .jiangdong, lonLat: eastWest(mid(xinzhenLu.1, yipeng.1), .jiangdong),
                 rule: "no anchor: E–W midway between the 新镇路 and 义蓬 stations, across the southern fields (seed 001 also lists it as an expressway and freight route)",
                 accuracy: 1500, planName: "红十五线", basis: plan),
            Road(name: "向阳路", roadClass: .arterial, block: .jiangdong, lonLat: eastWest(30.248, .jiangdong),
                 rule: "no anchor: E–W at 30.248°N, the southern edge (前进)", accuracy: 1500, planName: "向阳路", basis: plan),
            Road(name: "北一路", roadClass: .arterial, block: .jiangdong, lonLat: eastWest(30.350, .jiangdong),
                 rule: "no anchor: E–W at 30.350°N, the northern arterial (北), about 1 km inside the north bank", accuracy: 1500,
                 planName: "北一路", basis: plan),
            Road(name: "新镇路", roadClass: .secondary, block: .jiangdong, lonLat: eastWest(xinzhenLu.1, .jiangdong),
                 rule: "E–W through the 新镇路 station (Line 7 runs N–S there)", accuracy: 300, basis: stationBasis),
            Road(name: "塘新线", roadClass: .secondary, block: .jiangdong, lonLat: eastWest(tangxinXian.1, .jiangdong),
                 rule: "E–W through the 塘新线 station (Line 7 runs N–S there)", accuracy: 300, basis: stationBasis),
            Road(name: "启成路", roadClass: .secondary, block: .jiangdong, lonLat: eastWest(qichengLu.1, .jiangdong),
                 rule: "E–W through the 启成路 station (Line 7 runs N–S there)", accuracy: 300, basis: stationBasis),
            Road(name: "江东二路", roadClass: .secondary, block: .jiangdong, lonLat: eastWest(jiangdongErLu.1, .jiangdong),
                 rule: "E–W through the 江东二路 station (Line 7's northern end, N–S there)", accuracy: 300, basis: stationBasis),
            // Jiangdong expressway.
            Road(name: "苏绍高速 S9", roadClass: .expressway, block: .jiangdong, lonLat: [s9North, (s9North.0, south)],
                 rule: "no coordinates found: N–S at 120.560°E between 新湾 and 前进 (seed 001's 八纵 puts the 钱江通道 ground road between 青六路 and 梅林大道), from the 钱江隧道 to the southern boundary",
                 accuracy: 2000, basis: "reference:places.csv (钱江隧道, S9苏绍高速)"),
        ]
    }

    /// Where expressways meet streets (expressway, street): the only places they connect. Expressways meet
    /// each other wherever they cross (G2504 with 德胜快速路 and 钱塘快速路; the crossings with their roads).
    static let interchanges: [(expressway: String, road: String)] = [
        ("德胜快速路", "高沙路"), ("德胜快速路", "文渊路"), ("德胜快速路", "文津路"),
        ("钱塘快速路", "高沙路"), ("钱塘快速路", "文海南路"),
        ("绕城高速 G2504", "金沙大道"), ("绕城高速 G2504", "20号大街"),
        ("江东大桥", "江东大道"), ("钱塘过江隧道", "河庄大道"),
        ("苏绍高速 S9", "江东大道"), ("苏绍高速 S9", "红十五线"), ("苏绍高速 S9", "北一路"),
    ]

    // MARK: - The run

    /// What a noded edge came from.
    struct Source {
        let roadClass: RoadClass
        let name: String?
        let planName: String?
        let crossing: String?
        let basis: String?
        let rule: String
        let accuracy: Int
        var rank: Int { RoadClass.allCases.firstIndex(of: roadClass) ?? 99 }
        var walk: Bool { roadClass != .expressway }
        var drive: Bool { roadClass != .path }
    }

    struct Edge {
        var line: [Coordinate]
        let source: Int
        var length: Double { NetworkGraph.length(line) }
    }

    static func run(_ state: ModelState) throws {
        let started = Date()
        let frame = state.frame
        let context = frame.context
        guard let land = state.land, let water = state.water else { throw ModelError("the network needs the river step") }
        guard !state.parcels.isEmpty else { throw ModelError("the network needs the land-use step") }

        // Block land: each landmass (polygon of the land) goes to the block whose sub-district cells hold most
        // of it. (The cells follow the block divider through the neck, which leaves a sliver of the Jiangdong
        // bank in a Xiasha cell; the landmass decides, since walkers cannot cross the river.)
        let xiashaCells = try context.union(of: state.subdistricts.filter { SubdistrictModel.block(of: $0.id) == "Xiasha" }.map(\.geometry))
        var landmasses: [String: [Polygon]] = ["Xiasha": [], "Jiangdong": []]
        let landValue = try land.value()
        let polygons: [Polygon]
        switch landValue {
        case .polygon(let p): polygons = [p]
        case .multiPolygon(let m): polygons = m.polygons
        default: throw ModelError("the land is not polygonal")
        }
        for polygon in polygons {
            let g = try context.make(.polygon(polygon))
            let inXiasha = try frame.polygonal(try g.intersection(xiashaCells)).area()
            landmasses[inXiasha * 2 > (try g.area()) ? "Xiasha" : "Jiangdong", default: []].append(polygon)
        }
        var blockLand: [String: NativeGeometry] = [:]
        for (block, parts) in landmasses { blockLand[block] = try context.make(.multiPolygon(MultiPolygon(parts))) }
        let xiashaBlock = try PreparedGeometry(blockLand["Xiasha"]!)
        func parcelBlock(_ p: Parcel) throws -> String {
            try xiashaBlock.covers(try p.geometry.pointOnSurface()) ? "Xiasha" : "Jiangdong"
        }
        print(String(format: "network: landmasses: Xiasha %.1f km² (%d polygons), Jiangdong %.1f km² (%d polygons)",
                     try blockLand["Xiasha"]!.area() / 1e6, landmasses["Xiasha"]!.count,
                     try blockLand["Jiangdong"]!.area() / 1e6, landmasses["Jiangdong"]!.count))

        // 1–2. Named roads and expressways, clipped.
        var sources: [Source] = []
        var surfaceParts: [(source: Int, line: [Coordinate])] = []
        var expresswayParts: [(source: Int, line: [Coordinate])] = []
        var roadGeometry: [String: NativeGeometry] = [:]
        var busRoads: [(name: String, roadClass: RoadClass, accuracy: Int, parts: [[Coordinate]])] = []
        for road in roads {
            let raw = try context.make(.lineString(LineString(try road.lonLat.map { try frame.metric($0.0, $0.1) })))
            let clip: NativeGeometry
            switch road.block {
            case .xiasha: clip = blockLand["Xiasha"]!
            case .jiangdong: clip = blockLand["Jiangdong"]!
            case .river: clip = frame.boundary
            }
            let clipped = try raw.intersection(clip)
            let parts = NetworkGraph.lines(of: try clipped.value())
            guard !parts.isEmpty else { throw ModelError("road \(road.name) lies outside its block") }
            roadGeometry[road.name] = clipped
            sources.append(Source(roadClass: road.roadClass, name: road.name, planName: road.planName, crossing: road.crossing,
                                  basis: road.basis, rule: road.rule, accuracy: road.accuracy))
            let index = sources.count - 1
            for part in parts {
                if road.roadClass == .expressway { expresswayParts.append((index, part)) } else { surfaceParts.append((index, part)) }
            }
            if road.roadClass == .arterial || road.roadClass == .secondary {
                busRoads.append((road.name, road.roadClass, road.accuracy, orient(parts, along: try road.lonLat.map { try frame.metric($0.0, $0.1) })))
            }
        }

        // 3. Grids.
        for grid in grids {
            let members = try state.parcels.filter { parcel in
                guard grid.classes.contains(parcel.landUse) else { return false }
                guard let block = grid.block else { return true }
                return try parcelBlock(parcel) == block
            }.map(\.geometry)
            if members.isEmpty { continue }
            let zone = try frame.polygonal(try context.union(of: members))
            guard let box = try zone.envelope() else { continue }
            var lines: [LineString] = []
            let s = grid.spacing
            var x = (box.minX / s).rounded(.up) * s
            while x <= box.maxX {
                lines.append(LineString([Coordinate(x: x, y: box.minY - 1), Coordinate(x: x, y: box.maxY + 1)]))
                x += s
            }
            var y = (box.minY / s).rounded(.up) * s
            while y <= box.maxY {
                lines.append(LineString([Coordinate(x: box.minX - 1, y: y), Coordinate(x: box.maxX + 1, y: y)]))
                y += s
            }
            let clipped = try context.make(.multiLineString(MultiLineString(lines))).intersection(zone)
            sources.append(Source(roadClass: grid.roadClass, name: nil, planName: nil, crossing: nil, basis: nil,
                                  rule: "\(grid.name) over \(grid.classes.map(\.rawValue).sorted().joined(separator: ", ")) parcels",
                                  accuracy: grid.accuracy))
            let parts = NetworkGraph.lines(of: try clipped.value())
            for part in parts { surfaceParts.append((sources.count - 1, part)) }
            print(String(format: "network: %@: %d lines, %.0f km, over %.1f km²", grid.name, parts.count,
                         parts.reduce(0) { $0 + NetworkGraph.length($1) } / 1000, try zone.area() / 1e6))
        }

        // 4. Noding: surface and expressways separately.
        var surface = try node(surfaceParts, sources: sources, context: context)
        var expressway = try node(expresswayParts, sources: sources, context: context)
        print("network: noded \(surfaceParts.count) surface lines into \(surface.count) edges, "
            + "\(expresswayParts.count) expressway lines into \(expressway.count) edges")

        // Interchanges.
        for (exp, road) in interchanges {
            guard let a = roadGeometry[exp], let b = roadGeometry[road] else { throw ModelError("unknown interchange \(exp) × \(road)") }
            var points: [Coordinate] = []
            (try a.intersection(b).value()).forEachCoordinate { points.append($0) }
            guard !points.isEmpty else { throw ModelError("interchange \(exp) × \(road): the roads do not meet") }
            for p in points {
                let q = try connect(at: p, surface: &surface, expressway: &expressway)
                let wgs = try frame.toWGS.transform(q)
                print(String(format: "network: interchange %@ × %@ at %.5f, %.5f", exp, road, wgs.x, wgs.y))
            }
        }

        // 5. Cleaning. Noding leaves a few edges under 1 m where a line passes next to a crossing of two
        // others; they are contracted (their two nodes merged into one), so no edge is shorter than 1 m.
        var edges = surface + expressway
        var contracted = 0
        while let i = edges.firstIndex(where: { $0.length < minimumEdgeMeters }) {
            let tiny = edges.remove(at: i)
            let keep = tiny.line[0], gone = NetworkGraph.NodeKey(tiny.line[tiny.line.count - 1])
            if NetworkGraph.NodeKey(keep) == gone { continue }
            contracted += 1
            for j in edges.indices {
                if NetworkGraph.NodeKey(edges[j].line[0]) == gone { edges[j].line[0] = keep }
                if NetworkGraph.NodeKey(edges[j].line[edges[j].line.count - 1]) == gone { edges[j].line[edges[j].line.count - 1] = keep }
            }
        }
        print(String(format: "network: contracted %d edges under %.0f m (their nodes merged)", contracted, minimumEdgeMeters))
        var dangling = (count: 0, meters: 0.0)
        while true {
            var degree: [NetworkGraph.NodeKey: Int] = [:]
            for e in edges {
                degree[NetworkGraph.NodeKey(e.line[0]), default: 0] += 1
                degree[NetworkGraph.NodeKey(e.line[e.line.count - 1]), default: 0] += 1
            }
            let keep = edges.map { e in
                e.length >= danglingMeters || (degree[NetworkGraph.NodeKey(e.line[0])]! > 1 && degree[NetworkGraph.NodeKey(e.line[e.line.count - 1])]! > 1)
            }
            let dropped = zip(edges, keep).filter { !$0.1 }.map(\.0)
            if dropped.isEmpty { break }
            dangling.count += dropped.count
            dangling.meters += dropped.reduce(0) { $0 + $1.length }
            edges = zip(edges, keep).filter(\.1).map(\.0)
        }
        print(String(format: "network: dropped %d dangling stubs under %.0f m (%.2f km)", dangling.count, danglingMeters, dangling.meters / 1000))

        func blockOf(_ e: Edge) throws -> String {
            if sources[e.source].crossing != nil { return "river" }
            let m = NetworkGraph.point(along: e.line, at: e.length / 2)
            return try xiashaBlock.covers(try context.makePoint(x: m.x, y: m.y)) ? "Xiasha" : "Jiangdong"
        }
        var blocks = try edges.map(blockOf)
        var fragments: [String: (count: Int, meters: Double)] = [:]
        while true {
            var changed = false
            // Drive: the largest component (by length) of the drive edges; walk: the largest in each block.
            for mode in ["drive", "walk"] {
                let members = edges.indices.filter { mode == "drive" ? sources[edges[$0].source].drive : sources[edges[$0].source].walk }
                let drop = try smallComponents(of: members, edges: edges, groups: { mode == "drive" ? "all" : blocks[$0] })
                if drop.isEmpty { continue }
                changed = true
                for i in drop {
                    let source = sources[edges[i].source]
                    let key = "\(mode) graph: \(source.roadClass.rawValue)" + (source.name.map { " \($0)" } ?? "")
                    fragments[key, default: (0, 0)].count += 1
                    fragments[key, default: (0, 0)].meters += edges[i].length
                }
                edges = edges.indices.filter { !drop.contains($0) }.map { edges[$0] }
                blocks = blocks.indices.filter { !drop.contains($0) }.map { blocks[$0] }
            }
            if !changed { break }
        }
        let total = fragments.values.reduce((count: 0, meters: 0.0)) { ($0.count + $1.count, $0.meters + $1.meters) }
        print(String(format: "network: dropped %d edges (%.2f km) in fragments off the main graphs:", total.count, total.meters / 1000))
        for (key, f) in fragments.sorted(by: { $0.key < $1.key }) {
            print(String(format: "network:   off the main %@: %d edges, %.2f km", key, f.count, f.meters / 1000))
        }

        // Checks.
        let driveLabels = NetworkGraph.components(edges.filter { sources[$0.source].drive }.map(\.line))
        let walkLabels = NetworkGraph.components(edges.filter { sources[$0.source].walk }.map(\.line))
        let driveComponents = Set(driveLabels).count, walkComponents = Set(walkLabels).count
        print("network: drive graph \(driveComponents) component(s), walk graph \(walkComponents) component(s) "
            + "(walk_components_expected: \(walkComponentsExpected), Xiasha and Jiangdong)")
        guard driveComponents == 1, walkComponents == walkComponentsExpected else {
            throw ModelError("network components: drive \(driveComponents), walk \(walkComponents)")
        }
        let preparedWater = try PreparedGeometry(water)
        var wet = 0
        for e in edges where sources[e.source].walk {
            let g = try context.make(.lineString(LineString(e.line)))
            if try preparedWater.intersects(g), try g.intersection(water).length() > 1 { wet += 1 }
        }
        print("network: walk edges on the river (more than 1 m): \(wet)")
        guard wet == 0 else { throw ModelError("\(wet) walk edges run on the river") }

        // 6. Features.
        let order = edges.indices.sorted { a, b in
            let sa = sources[edges[a].source], sb = sources[edges[b].source]
            if sa.rank != sb.rank { return sa.rank < sb.rank }
            if (sa.name ?? "") != (sb.name ?? "") { return (sa.name ?? "") < (sb.name ?? "") }
            let ca = edges[a].line[0], cb = edges[b].line[0]
            return ca.x != cb.x ? ca.x < cb.x : ca.y < cb.y
        }
        var features: [Feature] = []
        var byClass: [RoadClass: (count: Int, meters: Double)] = [:]
        var stateEdges: [(roadClass: RoadClass, name: String?, line: [Coordinate])] = []
        for (n, i) in order.enumerated() {
            let e = edges[i], s = sources[e.source]
            let id = String(format: "edge-%05d", n + 1)
            let length = e.length
            var properties: [String: JSONValue] = [
                "id": .string(id), "road_class": .string(s.roadClass.rawValue),
                "length_m": .number((length * 10).rounded() / 10),
                "walk": .bool(s.walk), "drive": .bool(s.drive), "oneway": false,
                "block": .string(blocks[i]), "rule": .string(s.rule), "source": "modelled", "accuracy_m": .number(Double(s.accuracy)),
            ]
            if let speed = speeds[s.roadClass] { properties["speed_kmh"] = .number(Double(speed)) }
            if let name = s.name { properties["name"] = .string(name) }
            if let plan = s.planName { properties["plan_name"] = .string(plan) }
            if let crossing = s.crossing { properties["crossing"] = .string(crossing) }
            if let basis = s.basis { properties["basis"] = .string(basis) }
            let geometry = try frame.toWGS.transform(Geometry.lineString(LineString(e.line)))
            features.append(Feature(id: .string(id), geometry: geometry, properties: properties))
            byClass[s.roadClass, default: (0, 0)].count += 1
            byClass[s.roadClass, default: (0, 0)].meters += length
            stateEdges.append((s.roadClass, s.name, e.line))
        }
        for c in RoadClass.allCases {
            let v = byClass[c] ?? (0, 0)
            print(String(format: "network %@: %d edges, %.1f km", c.rawValue, v.count, v.meters / 1000))
        }
        let crossings = Dictionary(grouping: edges.filter { sources[$0.source].crossing != nil }, by: { sources[$0.source].crossing! })
        for (name, list) in crossings.sorted(by: { $0.key < $1.key }) {
            print(String(format: "network: crossing %@: %d edge(s), %.2f km, drive-only", name, list.count,
                         list.reduce(0) { $0 + $1.length } / 1000))
        }
        state.networkEdges = stateEdges
        state.busRoads = busRoads
        try frame.write(features, layer: .network)
        print(String(format: "network: %d edges in %.1f s", features.count, Date().timeIntervalSince(started)))
    }

    /// Nodes lines with a GEOS unary union and gives each resulting edge the source of the line it lies on
    /// (STRtree over the input parts; the highest class wins, then the nearest line).
    static func node(_ parts: [(source: Int, line: [Coordinate])], sources: [Source], context: GeometryContext) throws -> [Edge] {
        if parts.isEmpty { return [] }
        let geometries = try parts.map { try context.make(.lineString(LineString($0.line))) }
        let noded = NetworkGraph.lines(of: try context.union(of: geometries).value())
        let tree = try STRtree(context: context, geometries: geometries)
        return try noded.map { line in
            let m = NetworkGraph.point(along: line, at: NetworkGraph.length(line) / 2)
            let box = Envelope(minX: m.x - snapMeters, minY: m.y - snapMeters, maxX: m.x + snapMeters, maxY: m.y + snapMeters)
            var best: (rank: Int, distance: Double, source: Int)?
            for i in try tree.query(box) {
                let d = NetworkGraph.closest(on: parts[i].line, to: m).distance
                guard d <= snapMeters else { continue }
                let candidate = (rank: sources[parts[i].source].rank, distance: d, source: parts[i].source)
                if best == nil || candidate < best! { best = candidate }
            }
            guard let best else { throw ModelError("a noded edge near \(m) matches no input line") }
            return Edge(line: line, source: best.source)
        }
    }

    /// Connects an expressway to the streets at `p`: the street network gets a node there (an existing node
    /// within ``snapMeters`` or a split of the nearest street edge), and the expressway edge passing there is
    /// split at, or its end moved to, exactly that node. Returns the node.
    static func connect(at p: Coordinate, surface: inout [Edge], expressway: inout [Edge]) throws -> Coordinate {
        func nearest(_ edges: [Edge], _ p: Coordinate) -> (index: Int, segment: Int, point: Coordinate, distance: Double)? {
            var best: (Int, Int, Coordinate, Double)?
            for (i, e) in edges.enumerated() {
                let c = NetworkGraph.closest(on: e.line, to: p)
                if c.distance <= snapMeters, best == nil || c.distance < best!.3 { best = (i, c.segment, c.point, c.distance) }
            }
            return best
        }
        func endNear(_ edges: [Edge], _ p: Coordinate) -> Coordinate? {
            var best: (Coordinate, Double)?
            for e in edges {
                for end in [e.line[0], e.line[e.line.count - 1]] {
                    let d = NetworkGraph.distance(end, p)
                    if d <= snapMeters, best == nil || d < best!.1 { best = (end, d) }
                }
            }
            return best?.0
        }
        // The street node.
        let q: Coordinate
        if let end = endNear(surface, p) {
            q = end
        } else if let hit = nearest(surface, p) {
            let (a, b) = NetworkGraph.split(surface[hit.index].line, segment: hit.segment, at: hit.point)
            let source = surface[hit.index].source
            surface[hit.index] = Edge(line: a, source: source)
            surface.append(Edge(line: b, source: source))
            q = hit.point
        } else {
            throw ModelError("no street within \(snapMeters) m of the interchange at \(p)")
        }
        // The expressway joins it.
        var joined = false
        for i in expressway.indices {
            let last = expressway[i].line.count - 1
            if NetworkGraph.distance(expressway[i].line[0], q) <= snapMeters { expressway[i].line[0] = q; joined = true }
            if NetworkGraph.distance(expressway[i].line[last], q) <= snapMeters { expressway[i].line[last] = q; joined = true }
        }
        if !joined {
            guard let hit = nearest(expressway, q) else { throw ModelError("no expressway within \(snapMeters) m of the interchange at \(q)") }
            let (a, b) = NetworkGraph.split(expressway[hit.index].line, segment: hit.segment, at: hit.point)
            let source = expressway[hit.index].source
            var first = a, second = b
            first[first.count - 1] = q
            second[0] = q
            expressway[hit.index] = Edge(line: first, source: source)
            expressway.append(Edge(line: second, source: source))
        }
        return q
    }

    /// The edges (indices into `edges`, among `members`) outside the largest component of their group; a
    /// component's group is the group of most of its length.
    static func smallComponents(of members: [Int], edges: [Edge], groups: (Int) -> String) throws -> Set<Int> {
        let labels = NetworkGraph.components(members.map { edges[$0].line })
        var size: [Int: Double] = [:]
        var byGroup: [Int: [String: Double]] = [:]
        for (k, i) in members.enumerated() {
            size[labels[k], default: 0] += edges[i].length
            byGroup[labels[k], default: [:]][groups(i), default: 0] += edges[i].length
        }
        var best: [String: (label: Int, meters: Double)] = [:]
        for (label, meters) in size.sorted(by: { $0.key < $1.key }) {
            let group = byGroup[label]!.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }!.key
            if let b = best[group], b.meters >= meters { continue }
            best[group] = (label, meters)
        }
        let keep = Set(best.values.map(\.label))
        return Set(members.enumerated().filter { !keep.contains(labels[$0.offset]) }.map(\.element))
    }

    /// The parts of a clipped road, each pointing the way the road is drawn and in order along it.
    static func orient(_ parts: [[Coordinate]], along drawn: [Coordinate]) -> [[Coordinate]] {
        let a = drawn[0], b = drawn[drawn.count - 1]
        let dx = b.x - a.x, dy = b.y - a.y
        func along(_ c: Coordinate) -> Double { (c.x - a.x) * dx + (c.y - a.y) * dy }
        return parts.map { along($0[0]) <= along($0[$0.count - 1]) ? $0 : Array($0.reversed()) }
            .sorted { along($0[0]) < along($1[0]) }
    }
}
