import Foundation
import QTGeometry
import QTModel
import QTProjection

/// The real parts of the transit layer: the metro stations and lines inside the district, the planned 钱塘
/// high-speed rail hub, and the planned 下沙–长安 intercity railway. Bus stops are not derived here (they are
/// modelled by another step).
///
/// - Metro stations: the 20 stations that `qiantang_metro_stations.csv` lists as inside the DataV boundary
///   (checked again here with GEOS against the derived boundary). Positions are the Amap points of
///   `hangzhou_metro_amap_gcj02_evenss.json` converted with qtplan's GCJ-02 inverse; each is compared with
///   the csv's independent WGS84 conversion and the run fails beyond ``referenceToleranceMeters``.
/// - Metro lines: one schematic LineString per line through its in-district stations, in the reference's
///   forward (正向) order, which for lines 1, 7 and 8 runs outbound from the city centre: line 1 towards the
///   airport (下沙西 → 下沙江滨), line 7 towards 江东二路 (south → north), line 8 towards 新湾路 (west → east).
/// - Rail: the hub at places.csv's proxy point; the intercity railway modelled by a stated rule.
struct TransitDerivation {
    let reference: ReferenceFiles
    /// The derived (WGS84) district boundary.
    let boundary: Geometry

    /// The lines that run in the district, in output order.
    static let lines = ["1", "7", "8"]
    /// Amap's metro points mark the station (roughly the middle of the station box or its label anchor),
    /// not an entrance; a station box is 150–250 m long and the entrances spread about as far, so a point
    /// stands for the station to about 50 m. An estimate, not a measurement.
    static let stationAccuracyMeters = 50
    /// The lines are straight segments between station points: the reference has no track geometry, and
    /// curved track between stations departs from the chord by up to a few hundred metres.
    static let lineAccuracyMeters = 300
    /// The hub's point is a proxy (the nearby 冯娄村 metro station), for a station complex of about 1 km².
    static let hubAccuracyMeters = 1000
    /// The intercity railway has no published alignment in the seeds or the reference: only its ends.
    static let intercityAccuracyMeters = 2000
    /// Derived stations must lie this close to the csv's independent WGS84 conversion.
    static let referenceToleranceMeters = 30.0
    /// Each line must lie within the boundary buffered by this much.
    static let boundaryBufferMeters = 50.0

    /// What the seeds say about each line's status (all three operate).
    static let lineStatusBasis: [String: String] = [
        "1": "seed:000_17494778adbcf408.txt (2022: “三地铁”时代正式开启, lines 1, 7 and 8 in the district); "
            + "seed:001_2693ffcf47e220f5.txt (十三五: 建成投用…1号线三期, the extension on from 下沙江滨)",
        "7": "seed:001_2693ffcf47e220f5.txt (十三五: 建成投用地铁7号线); seed:000_17494778adbcf408.txt (2022: “三地铁”时代正式开启)",
        "8": "seed:000_17494778adbcf408.txt (2022: 地铁8号线…已先后建成投用); reference:places.csv (line 8 opened 2021-06-28)",
    ]

    /// The Xiasha end of the intercity railway: see ``intercityRailway(from:)``.
    static let intercityXiashaEnd = "金沙湖"
    /// 长安镇 (Haining, Jiaxing), the far end: an approximate WGS84 position of the town centre from general
    /// geography, NOT from the reference (which has nothing outside Hangzhou). Good to a few kilometres; it
    /// only sets the direction, since the line is clipped at the district boundary some 9 km from its start.
    static let changanApproximate = Coordinate(lon: 120.44, lat: 30.46)

    func run() throws -> FeatureCollection {
        let network = try MetroNetwork(try reference.json(reference.metroNetworkName), name: reference.metroNetworkName)
        let csv = try reference.table(reference.districtStationsName)
        let context = try GeometryContext()
        let toMetric = try Transformer(from: .wgs84, to: .cgcs2000GK120)
        let toWGS = try Transformer(from: .cgcs2000GK120, to: .wgs84)
        let boundaryMetric = try context.make(try toMetric.transform(boundary))
        let prepared = try PreparedGeometry(try context.make(boundary))

        // 1. Which stations are in the district: the csv's list, checked with GEOS against the derived boundary.
        var csvByName: [String: [String: String]] = [:]
        for row in csv { csvByName[row["name_zh", default: ""]] = row }
        var covered: Set<String> = []
        for station in network.stations.values {
            let p = station.wgs
            if try prepared.covers(try context.makePoint(x: p.x, y: p.y)) { covered.insert(station.nameZh) }
        }
        guard covered == Set(csvByName.keys) else {
            throw DerivationError("stations inside the derived boundary differ from \(reference.districtStationsName): "
                + "only in GEOS \(covered.subtracting(csvByName.keys).sorted()), "
                + "only in the csv \(Set(csvByName.keys).subtracting(covered).sorted())")
        }
        print("transit: \(covered.count) of \(network.stations.count) reference stations lie inside the derived boundary "
            + "(GEOS covers), the same \(csvByName.count) the csv lists")
        // How close the in/out decision is: the distance from each station to the boundary's edge, in metres.
        var rings: [LineString] = []
        switch try toMetric.transform(boundary) {
        case .polygon(let p): rings = p.rings.map { LineString($0) }
        case .multiPolygon(let m): rings = m.polygons.flatMap { $0.rings.map { LineString($0) } }
        default: throw DerivationError("the boundary is not polygonal")
        }
        let edge = try context.make(.multiLineString(MultiLineString(rings)))
        var nearestInside = (name: "", meters: Double.infinity), nearestOutside = nearestInside
        for station in network.stations.values {
            let p = try toMetric.transform(station.wgs)
            let d = try context.makePoint(x: p.x, y: p.y).distance(to: edge)
            if covered.contains(station.nameZh) {
                if d < nearestInside.meters { nearestInside = (station.nameZh, d) }
            } else if d < nearestOutside.meters {
                nearestOutside = (station.nameZh, d)
            }
        }
        print("transit: closest to the boundary edge: inside " + nearestInside.name
            + String(format: " %.0f m, outside ", nearestInside.meters) + nearestOutside.name
            + String(format: " %.0f m (the boundary is good to %d m)", nearestOutside.meters, BoundaryDerivation.accuracyMeters))

        // 2. Each line's in-district stations in forward order; they must be consecutive on the line.
        var lineStations: [String: [String]] = [:]  // line → station keys
        for line in Self.lines {
            guard let keys = network.forwardOrder[line] else { throw DerivationError("no line \(line) in the network") }
            let inside = keys.indices.filter { covered.contains(network.stations[keys[$0]]!.nameZh) }
            guard let first = inside.first, let last = inside.last, inside.count == last - first + 1 else {
                throw DerivationError("line \(line): its in-district stations are not consecutive in the reference order")
            }
            lineStations[line] = inside.map { keys[$0] }
            let before = first > 0 ? network.stations[keys[first - 1]]!.nameZh : "—"
            let after = last + 1 < keys.count ? network.stations[keys[last + 1]]!.nameZh : "—"
            let names = lineStations[line]!.map { network.stations[$0]!.nameZh }
            print("transit: line \(line) (\(network.forwardLabel[line]!)): \(names.count) stations in the district, "
                + "\(names.joined(separator: " → ")) (outside: \(before) before, \(after) after)")
        }
        // Every station's lines per the csv must match the network's.
        var linesOf: [String: [String]] = [:]  // key → lines
        for line in Self.lines { for key in lineStations[line]! { linesOf[key, default: []].append(line) } }
        for (key, lines) in linesOf {
            let name = network.stations[key]!.nameZh
            let listed = (csvByName[name]?["lines"] ?? "").split(separator: "|").map { $0.replacingOccurrences(of: "号线", with: "") }
            guard listed.sorted() == lines.sorted() else {
                throw DerivationError("\(name): the csv says lines \(listed), the network \(lines)")
            }
        }
        guard linesOf.count == csvByName.count else {
            throw DerivationError("\(csvByName.count - linesOf.count) in-district stations are on none of lines \(Self.lines)")
        }

        // 3. Station features, by line then order; an interchange station once, under its first line.
        var features: [Feature] = []
        var stationPosition: [String: Coordinate] = [:]
        var worst = 0.0
        print("transit: derived station vs the csv's WGS84 (lon_wgs84/lat_wgs84), GCJ-02 → WGS84 shift:")
        for line in Self.lines {
            for key in lineStations[line]! where stationPosition[key] == nil {
                let station = network.stations[key]!
                let position = Self.rounded(station.wgs)
                stationPosition[key] = position
                let row = csvByName[station.nameZh]!
                guard let lon = Double(row["lon_wgs84"] ?? ""), let lat = Double(row["lat_wgs84"] ?? ""),
                      let gLon = Double(row["lon_gcj02"] ?? ""), let gLat = Double(row["lat_gcj02"] ?? "") else {
                    throw DerivationError("\(reference.districtStationsName): \(station.nameZh) lacks coordinates")
                }
                let off = Geodesic.wgs84.distance(from: position, to: Coordinate(lon: lon, lat: lat))
                let gcjOff = Geodesic.wgs84.distance(from: station.gcj, to: Coordinate(lon: gLon, lat: gLat))
                let shift = Geodesic.wgs84.distance(from: station.gcj, to: position)
                worst = max(worst, off)
                print("  line " + linesOf[key]!.joined(separator: "+") + " " + station.nameZh + ": "
                    + String(format: "%.2f m from the csv's WGS84 (csv GCJ-02 vs json: %.2f m), GCJ-02 shift %.0f m",
                             off, gcjOff, shift))
                guard off <= Self.referenceToleranceMeters else {
                    throw DerivationError(station.nameZh + String(format: " lies %.1f m from its reference WGS84 position (limit %.0f m)",
                                                 off, Self.referenceToleranceMeters))
                }
                var order: [String: JSONValue] = [:]
                for l in linesOf[key]! { order[l] = .number(Double(lineStations[l]!.firstIndex(of: key)! + 1)) }
                let lines = linesOf[key]!
                features.append(Feature(id: .string(Self.stationID(station)), geometry: .point(Point(position)), properties: [
                    "id": .string(Self.stationID(station)),
                    "kind": .string(TransitKind.metroStation.rawValue),
                    "name": .string(station.nameZh),
                    "name_en": .string(station.nameEn),
                    "lines": .array(lines.map { .string($0) }),
                    "order": .object(order),
                    "status": .string(Status.operating.rawValue),
                    "status_basis": .string(lines.map { Self.lineStatusBasis[$0]! }.reduce(into: [String]()) {
                        if !$0.contains($1) { $0.append($1) } }.joined(separator: "; ")),
                    "source": "reference:hangzhou_metro_amap_gcj02_evenss",
                    "accuracy_m": .number(Double(Self.stationAccuracyMeters)),
                    "position_note": "Amap station point (the station, not an entrance), GCJ-02 converted to WGS84",
                ]))
            }
        }
        print(String(format: "transit: %d stations, farthest from the csv's WGS84: %.2f m (limit %.0f m)",
                     stationPosition.count, worst, Self.referenceToleranceMeters))

        // 4. Line features: straight segments between the in-district stations, in order.
        let buffered = try boundaryMetric.buffer(Self.boundaryBufferMeters)
        for line in Self.lines {
            let keys = lineStations[line]!
            let geometry = Geometry.lineString(LineString(keys.map { stationPosition[$0]! }))
            let metric = try context.make(try toMetric.transform(geometry))
            let within = try metric.within(buffered)
            let outside = try metric.difference(boundaryMetric).length()
            let length = try Geodesic.wgs84.length(of: geometry)
            print("transit: metro line \(line): " + String(format: "%.0f m geodesic (schematic, %d stations); ", length, keys.count)
                + String(format: "within the boundary buffered by %.0f m: ", Self.boundaryBufferMeters) + (within ? "yes" : "NO")
                + String(format: "; length outside the unbuffered boundary %.1f m", outside))
            guard within else { throw DerivationError("metro line \(line) leaves the boundary buffered by 50 m") }
            features.append(Feature(id: .string("metro-\(line)"), geometry: geometry, properties: [
                "id": .string("metro-\(line)"),
                "kind": .string(TransitKind.metroLine.rawValue),
                "line": .string(line),
                "name": .string("地铁\(line)号线"),
                "name_en": .string("Metro Line \(line)"),
                "stations": .array(keys.map { .string(network.stations[$0]!.nameZh) }),
                "status": .string(Status.operating.rawValue),
                "status_basis": .string(Self.lineStatusBasis[line]!),
                "source": "reference:hangzhou_metro_amap_gcj02_evenss",
                "accuracy_m": .number(Double(Self.lineAccuracyMeters)),
                "geometry_note": .string("schematic: straight segments between the in-district station points in the "
                    + "reference's forward (正向) order; the reference has no track geometry, and the line's continuation "
                    + "outside the district is left out"),
            ]))
        }

        // 5. The planned 钱塘 HSR hub at places.csv's proxy point.
        features.append(try hub(context: context, prepared: prepared, network: network, stationPosition: stationPosition))

        // 6. The planned 下沙–长安 intercity railway, modelled.
        guard let endKey = network.key(named: Self.intercityXiashaEnd), let start = stationPosition[endKey] else {
            throw DerivationError("no in-district station \(Self.intercityXiashaEnd) for the intercity railway's Xiasha end")
        }
        features.append(try intercityRailway(from: start, context: context, boundaryMetric: boundaryMetric,
                                             toMetric: toMetric, toWGS: toWGS))
        return FeatureCollection(features: features)
    }

    /// 钱塘站, the planned high-speed rail hub. places.csv gives no survey point: its coordinate is the 冯娄村
    /// metro station (line 8), which its source says the station is near; the site is in 新湾/义蓬, near 河景路
    /// and 义蓬东二路. The point therefore says "about here" (``hubAccuracyMeters``).
    private func hub(context: GeometryContext, prepared: PreparedGeometry, network: MetroNetwork,
                     stationPosition: [String: Coordinate]) throws -> Feature {
        let places = try reference.table(reference.placesName)
        guard let row = places.first(where: { $0["kind"] == "rail_station_planned" }),
              let lon = Double(row["lon"] ?? ""), let lat = Double(row["lat"] ?? "") else {
            throw DerivationError("\(reference.placesName): no rail_station_planned row with coordinates")
        }
        guard row["datum"] == "GCJ-02" else {
            throw DerivationError("\(reference.placesName): the rail station's datum is \(row["datum"] ?? "?"), expected GCJ-02")
        }
        let position = Self.rounded(GCJ02.toWGS84(Coordinate(lon: lon, lat: lat)))
        guard try prepared.covers(try context.makePoint(x: position.x, y: position.y)) else {
            throw DerivationError("the 钱塘 HSR hub's proxy point lies outside the boundary")
        }
        let proxy = network.key(named: "冯娄村").flatMap { stationPosition[$0] }
        let fromProxy = proxy.map { Geodesic.wgs84.distance(from: position, to: $0) } ?? .nan
        print(String(format: "transit: 钱塘站 (planned HSR hub): %.7f, %.7f; %.2f m from the 冯娄村 station it is a proxy for",
                     position.x, position.y, fromProxy))
        return Feature(id: "rail-station-qiantang", geometry: .point(Point(position)), properties: [
            "id": "rail-station-qiantang",
            "kind": .string(TransitKind.railStation.rawValue),
            "name": "钱塘站",
            "name_en": "Qiantang Station (high-speed rail hub)",
            "aka": ["钱塘高铁站", "钱塘高铁枢纽", "机场高铁钱塘枢纽"],
            "status": .string(Status.planned.rawValue),
            "status_basis": .string("seed:000_17494778adbcf408.txt (2022-09-16: 钱塘高铁枢纽即将动工; 年内启动机场高铁钱塘枢纽征迁建设, "
                + "2026年建成 6座站台 11条轨道线); seed:001_2693ffcf47e220f5.txt (启动…钱塘高铁枢纽站建设); "
                + "reference:places.csv (rail_station_planned, planned for 2026)"),
            "railway": "机场高铁 (Hangzhou airport high-speed railway)",
            "platforms": 6,
            "tracks": 11,
            "planned_opening": 2026,
            "source": "reference:places.csv",
            "accuracy_m": .number(Double(Self.hubAccuracyMeters)),
            "position_note": .string("PROXY: the 冯娄村 metro station (Amap GCJ-02, converted), which places.csv's source says "
                + "the station is near; the site is in 新湾/义蓬, near 河景路 and 义蓬东二路. Not a surveyed position."),
        ])
    }

    /// The 下沙至长安城际铁路 (seed 001 names it so twice, once as 长安至下沙城际铁路, as a project of the
    /// 14th Five-Year Plan: "建设下沙至长安城际铁路"; no seed says construction has begun, so it is planned).
    /// Neither the seeds nor the reference give an alignment or a station, so it is modelled:
    ///
    /// Rule: a straight line from the Xiasha end towards 长安 (Haining), clipped to the district boundary,
    /// keeping the piece that starts at the Xiasha end. The Xiasha end is the 金沙湖 metro station (line 1):
    /// seed 001 makes 金沙湖 the Xiasha block's core ("双核": 金沙湖 and 东沙湖; "金沙湖城市客厅"), and the
    /// intercity railway's stated aim is 40-minute commuting between the district's and Hangzhou's nodes. It is
    /// a modelling choice, not a published terminus.
    private func intercityRailway(from start: Coordinate, context: GeometryContext, boundaryMetric: NativeGeometry,
                                  toMetric: Transformer, toWGS: Transformer) throws -> Feature {
        let full = Geometry.lineString(LineString([start, Self.changanApproximate]))
        let clipped = try context.make(try toMetric.transform(full)).intersection(boundaryMetric)
        let startMetric = try context.make(try toMetric.transform(.point(Point(start))))
        var piece: Geometry?
        var pieces = 1
        switch try clipped.value() {
        case .lineString(let l): piece = .lineString(l)
        case .multiLineString(let m):
            pieces = m.lineStrings.count
            for l in m.lineStrings {
                let candidate = try context.make(.lineString(l))
                if try candidate.distance(to: startMetric) < 0.01 { piece = .lineString(l) }
            }
        default: break
        }
        guard let metricPiece = piece else { throw DerivationError("the intercity railway does not start inside the district") }
        let geometry = try toWGS.transform(metricPiece).mapCoordinates(Self.rounded)
        guard case .lineString(let line) = geometry, line.coordinates.count >= 2 else {
            throw DerivationError("the clipped intercity railway is not a line")
        }
        let end = line.coordinates.last!
        let inside = try Geodesic.wgs84.length(of: geometry), total = try Geodesic.wgs84.length(of: full)
        print("transit: 下沙至长安城际铁路 (modelled): " + String(format: "%.0f m inside the district, from ", inside)
            + Self.intercityXiashaEnd + String(format: " to the boundary at %.5f, %.5f (%.0f m of the %.0f m straight line "
            + "to 长安 lie outside; %d piece(s) inside, the one from the Xiasha end kept)", end.x, end.y, total - inside,
            total, pieces))
        return Feature(id: "rail-xiasha-changan", geometry: geometry, properties: [
            "id": "rail-xiasha-changan",
            "kind": .string(TransitKind.railLine.rawValue),
            "name": "下沙至长安城际铁路",
            "name_en": "Xiasha–Chang'an Intercity Railway",
            "status": .string(Status.planned.rawValue),
            "status_basis": "seed:001_2693ffcf47e220f5.txt (十四五 plan: 建设下沙至长安城际铁路; 加快推进…长安至下沙城际铁路等重点项目建设)",
            "source": "modelled",
            "basis": .string("seed:001_2693ffcf47e220f5.txt names the line and its ends only; no alignment or station is "
                + "published in the seeds or the reference"),
            "accuracy_m": .number(Double(Self.intercityAccuracyMeters)),
            "geometry_note": .string("modelled: a straight line from the 金沙湖 metro station (the Xiasha core in seed 001) "
                + "towards 长安镇, Haining (approx. 120.44°E 30.46°N, not from the reference), clipped to the district boundary"),
            "towards": "长安 (海宁市)",
        ])
    }

    /// `station-` and the reference's pinyin without spaces, e.g. `station-wenhainanlu`.
    static func stationID(_ station: MetroNetwork.Station) -> String {
        "station-" + station.pinyin.lowercased().filter { $0.isASCII && $0.isLetter }
    }

    /// A coordinate at the 7 decimals the writer keeps, so the checks measure what is written.
    static func rounded(_ c: Coordinate) -> Coordinate {
        Coordinate(x: (c.x * 1e7).rounded() / 1e7, y: (c.y * 1e7).rounded() / 1e7)
    }

    /// Features of the existing layer that this tool does not derive (the modelled bus stops), kept as they
    /// are so that rerunning the derivation does not delete another step's output.
    static func modelledFeatures(inLayerAt path: String) throws -> [Feature] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let existing = try GeoJSONReader().read(data: data)
        return existing.features.filter { $0.properties["kind"]?.stringValue == TransitKind.busStop.rawValue }
    }
}
