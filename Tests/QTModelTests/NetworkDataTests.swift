import Foundation
import QTGeometry
import QTModel
import QTProjection
import Testing

/// Checks of the bundled network layer and the modelled bus stops (tools/model-geodata: NetworkModel,
/// BusStopModel), recomputed here from the written files, independently of the generator.
@Suite struct NetworkDataTests {
    /// "九纵十横" as seed 002 lists it (002_b544defbb9dd6eba.txt).
    static let nineByTen = [
        "文渊路", "文海北路", "云涛北路", "文津路", "河庄大道", "青六路", "梅林大道", "新世纪大道", "青西三路",
        "德胜快速路-江东大道", "20号大街", "银海街", "江东三路", "义隆路", "向阳路", "江东一路", "红十五线", "北一路", "金沙大道"
    ]

    struct Loaded {
        let district: District
        let edges: [Feature]
        let context: GeometryContext
        let toMetric: Transformer
    }

    static func load() throws -> Loaded {
        let (district, _) = try DistrictLoader().load(directory: Fixtures.bundled)
        return Loaded(
            district: district, edges: district.features(.network), context: try GeometryContext(),
            toMetric: try Transformer(from: .wgs84, to: .cgcs2000GK120))
    }

    static func line(_ f: Feature) -> [Coordinate]? {
        if case .lineString(let l)? = f.geometry { return l.coordinates }
        return nil
    }

    /// Connected components of edges sharing endpoints, on WGS84 endpoints rounded to 7 decimals.
    static func componentCount(_ lines: [[Coordinate]]) -> (count: Int, labels: [Int]) {
        struct Key: Hashable { let x: Int64, y: Int64 }
        func key(_ c: Coordinate) -> Key { Key(x: Int64((c.x * 1e7).rounded()), y: Int64((c.y * 1e7).rounded())) }
        var index: [Key: Int] = [:]
        var parent: [Int] = []
        func node(_ c: Coordinate) -> Int {
            if let i = index[key(c)] { return i }
            index[key(c)] = parent.count
            parent.append(parent.count)
            return parent.count - 1
        }
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        let ends = lines.map { (node($0[0]), node($0[$0.count - 1])) }
        for (a, b) in ends { parent[find(a)] = find(b) }
        let labels = ends.map { find($0.0) }
        return (Set(labels).count, labels)
    }

    @Test func edgesAreValidLineStringsWithMeasuredLengths() throws {
        let d = try Self.load()
        #expect(d.edges.count >= 2_000 && d.edges.count <= 20_000)
        var ids = Set<String>()
        for f in d.edges {
            let id = f.properties["id"]?.stringValue ?? "?"
            ids.insert(id)
            let coordinates = try #require(Self.line(f), "edge \(id) is not a LineString")
            #expect(Set(coordinates).count >= 2, "edge \(id) has fewer than 2 distinct vertices")
            let roadClass = RoadClass(rawValue: f.properties["road_class"]?.stringValue ?? "")
            #expect(roadClass != nil, "edge \(id) has an unknown road_class")
            #expect((f.properties["speed_kmh"]?.doubleValue ?? 0) > 0, "edge \(id) has no positive speed")
            #expect(f.properties["walk"]?.boolValue != nil && f.properties["drive"]?.boolValue != nil)
            #expect(f.properties["oneway"]?.boolValue == false)
            #expect(f.properties["source"]?.stringValue == "modelled")
            #expect((f.properties["accuracy_m"]?.doubleValue ?? 0) > 0)
            if roadClass == .expressway { #expect(f.properties["walk"]?.boolValue == false, "expressway \(id) is walkable") }
            let metric = try d.context.make(try d.toMetric.transform(Geometry.lineString(LineString(coordinates))))
            let planar = try metric.length()
            let stated = try #require(f.properties["length_m"]?.doubleValue)
            #expect(abs(planar - stated) <= 0.1, "edge \(id): length_m \(stated), planar \(planar)")
        }
        #expect(ids.count == d.edges.count, "edge ids are not unique")
    }

    @Test func everyNineByTenArterialIsPresent() throws {
        let d = try Self.load()
        let plans = Set(d.edges.compactMap { $0.properties["plan_name"]?.stringValue })
        let arterialNames = Set(
            d.edges.filter { $0.properties["road_class"]?.stringValue == "arterial" }
                .compactMap { $0.properties["name"]?.stringValue })
        for name in Self.nineByTen {
            #expect(plans.contains(name), "\(name) missing")
            if name != "德胜快速路-江东大道" { #expect(arterialNames.contains(name), "no arterial edge named \(name)") }
        }
        // The one entry that is two roads: the expressway in Xiasha, the arterial 江东大道 in Jiangdong.
        #expect(arterialNames.contains("江东大道"))
        #expect(d.edges.contains { $0.properties["name"]?.stringValue == "德胜快速路" && $0.properties["road_class"]?.stringValue == "expressway" })
    }

    @Test func driveGraphIsOneComponent() throws {
        let d = try Self.load()
        let drive = d.edges.filter { $0.properties["drive"]?.boolValue == true }.compactMap(Self.line)
        #expect(!drive.isEmpty)
        #expect(Self.componentCount(drive).count == 1)
    }

    /// Walkers do not cross the river (the crossings are expressways; they take Metro Line 8), so the walk
    /// graph has exactly one component per bank block.
    @Test func walkGraphHasOneComponentPerBlockAndStaysOffTheRiver() throws {
        let d = try Self.load()
        let walkEdges = d.edges.filter { $0.properties["walk"]?.boolValue == true }
        let walk = walkEdges.compactMap(Self.line)
        let (count, labels) = Self.componentCount(walk)
        #expect(count == 2)
        // The river parcels of the land-use layer.
        let river = try d.district.features(.landuse)
            .filter { $0.properties["id"]?.stringValue?.hasPrefix("river-") == true }
            .map { try d.context.make(try d.toMetric.transform(try #require($0.geometry))) }
        #expect(!river.isEmpty)
        let water = try d.context.union(of: river)

        // One component on each bank's landmass (the polygons of boundary minus river larger than 1 km²),
        // named by the block of the sub-districts that hold most of it.
        let boundary = try d.context.make(try d.toMetric.transform(d.district.boundary))
        guard case .multiPolygon(let landParts) = try boundary.difference(water).value() else {
            Issue.record("the land is not a multi-polygon"); return
        }
        var xiashaCells: [NativeGeometry] = []
        for s in d.district.features(.subdistricts) where s.properties["block"]?.stringValue == "Xiasha" {
            xiashaCells.append(try d.context.make(try d.toMetric.transform(try #require(s.geometry))))
        }
        let xiasha = try d.context.union(of: xiashaCells)
        var landmasses: [(PreparedGeometry, String)] = []
        for part in landParts.polygons {
            let g = try d.context.make(.polygon(part))
            let area = try g.area()
            if area < 1e6 { continue }
            let block = try g.intersection(xiasha).area() * 2 > area ? "Xiasha" : "Jiangdong"
            landmasses.append((try PreparedGeometry(try g.buffer(1)), block))
        }
        #expect(landmasses.map(\.1).sorted() == ["Jiangdong", "Xiasha"])
        var blocksByComponent: [Int: Set<String>] = [:]
        for (line, label) in zip(walk, labels) {
            let m = try d.toMetric.transform(line[line.count / 2])
            let point = try d.context.makePoint(x: m.x, y: m.y)
            var found = "none"
            for (mass, block) in landmasses where try mass.covers(point) { found = block }
            blocksByComponent[label, default: []].insert(found)
        }
        #expect(Set(blocksByComponent.values) == [["Xiasha"], ["Jiangdong"]])

        // No walk edge runs on the river by more than 1 m.
        let prepared = try PreparedGeometry(water)
        var wet: [String] = []
        for f in walkEdges {
            let g = try d.context.make(try d.toMetric.transform(try #require(f.geometry)))
            if try prepared.intersects(g), try g.intersection(water).length() > 1 { wet.append(f.properties["id"]?.stringValue ?? "?") }
        }
        #expect(wet.isEmpty, "walk edges on the river: \(wet.prefix(10))")
    }

    @Test func riverCrossingsAreDriveOnly() throws {
        let d = try Self.load()
        let crossings = d.edges.filter { $0.properties["crossing"] != nil }
        let names = Set(crossings.compactMap { $0.properties["crossing"]?.stringValue })
        #expect(names.isSuperset(of: ["江东大桥", "钱塘过江隧道"]))
        #expect(names.isSubset(of: ["江东大桥", "钱塘过江隧道", "下沙大桥", "钱江隧道"]))
        for f in crossings {
            #expect(f.properties["drive"]?.boolValue == true)
            #expect(f.properties["walk"]?.boolValue == false)
        }
    }

    @Test func busStopsSitOnBusRoadsAtTheStatedSpacing() throws {
        let d = try Self.load()
        let stops = d.district.features(.transit).filter { $0.properties["kind"]?.stringValue == "bus_stop" }
        #expect(stops.count > 100)
        let roads = try d.edges.filter { ["arterial", "secondary"].contains($0.properties["road_class"]?.stringValue ?? "") }
            .map { try d.context.make(try d.toMetric.transform(try #require($0.geometry))) }
        let tree = try STRtree(context: d.context, geometries: roads)
        var byPart: [String: [(chainage: Double, at: Coordinate)]] = [:]
        for stop in stops {
            guard case .point(let p)? = stop.geometry, let c = p.coordinate else { Issue.record("stop is not a point"); continue }
            let at = try d.toMetric.transform(c)
            let point = try d.context.makePoint(x: at.x, y: at.y)
            let near = try tree.query(Envelope(minX: at.x - 5, minY: at.y - 5, maxX: at.x + 5, maxY: at.y + 5))
                .contains { try roads[$0].distance(to: point) <= 5 }
            #expect(near, "stop \(stop.properties["id"]?.stringValue ?? "?") is not within 5 m of an arterial or secondary edge")
            #expect(stop.properties["status"]?.stringValue == "operating")
            #expect(stop.properties["source"]?.stringValue == "modelled")
            let key = "\(stop.properties["road"]?.stringValue ?? "?")#\(stop.properties["road_part"]?.doubleValue ?? 0)"
            byPart[key, default: []].append((try #require(stop.properties["chainage_m"]?.doubleValue), at))
        }
        for (key, list) in byPart {
            let sorted = list.sorted { $0.chainage < $1.chainage }
            #expect(abs(sorted[0].chainage - 300) < 0.1, "\(key) starts at \(sorted[0].chainage) m")
            for (a, b) in zip(sorted, sorted.dropFirst()) {
                #expect(abs(b.chainage - a.chainage - 600) < 0.1, "\(key): chainage step \(b.chainage - a.chainage)")
                let straight = ((a.at.x - b.at.x) * (a.at.x - b.at.x) + (a.at.y - b.at.y) * (a.at.y - b.at.y)).squareRoot()
                #expect(straight > 550 && straight < 600.5, "\(key): stops \(straight) m apart")
            }
        }
    }

    @Test func networkAndStopsLieInsideTheBoundary() throws {
        let d = try Self.load()
        let boundary = try PreparedGeometry(try d.context.make(try d.toMetric.transform(d.district.boundary)).buffer(1))
        let stops = d.district.features(.transit).filter { $0.properties["kind"]?.stringValue == "bus_stop" }
        var outside: [String] = []
        for f in d.edges + stops {
            let g = try d.context.make(try d.toMetric.transform(try #require(f.geometry)))
            if try !boundary.covers(g) { outside.append(f.properties["id"]?.stringValue ?? "?") }
        }
        #expect(outside.isEmpty, "outside the boundary: \(outside.prefix(10))")
    }
}
