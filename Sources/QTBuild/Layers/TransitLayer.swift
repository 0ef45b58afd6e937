import QTGeometry
import QTModel
import QTOSM
import QTProjection

/// The transit layer from OSM through ``TransitRules``:
/// - bus stops: `highway=bus_stop` and platforms with `bus=yes`; stops of the same name (or both unnamed) within
///   `bus_stop_merge_m` are one stop (a stop is often mapped as a pole and as its platform), the others named in
///   its `also`;
/// - metro stations: `railway=station` with `station=subway`; their `lines` and `order` come from the
///   `route=subway` relations whose stops lie within `station_match_m` of them (or carry their name); of the
///   relations of one line (one per direction) the one reaching most stations gives the order. Each line with two
///   or more stations kept becomes a `metro_line`, drawn schematically through its stations in order (so the
///   stations lie on it); a metro station on no such line is a rail station;
/// - rail stations: other `railway=station|halt`.
struct TransitLayer {
    let rules: TransitRules
    let accuracy: Double

    struct Output {
        var features: [Feature] = []
        var unmapped: [String: Int] = [:]
        var mergedStops = 0
    }

    func build(
        nodes: [OSMTaggedNode], areas: [OSMArea], relations: [OSMRelation], data: OSMData, finder: PlaceFinder,
        zone: Zone
    ) throws -> Output {
        var out = Output()
        var places: [OSMPlace] = try areas.map { try finder.place($0) }
        places += nodes.map { finder.place($0) }
        var busStops: [OSMPlace] = [], metro: [OSMPlace] = [], rail: [OSMPlace] = []
        for place in places {
            if rules.metroStation.contains(where: { $0.matches(place.tags) }) {
                metro.append(place)
            } else if rules.railStation.contains(where: { $0.matches(place.tags) }) {
                rail.append(place)
            } else if rules.busStop.contains(where: { $0.matches(place.tags) }) {
                busStops.append(place)
            } else {
                for key in rules.countedKeys {
                    if let value = place.tags[key] { out.unmapped["transit: \(key)=\(value)", default: 0] += 1; break }
                }
            }
        }
        // Bus stops: poles (highway=bus_stop) before platforms, then by id; merge near namesakes.
        busStops.sort {
            ($0.tags["highway"] == "bus_stop" ? 0 : 1, $0.kind.rawValue, $0.id) < ($1.tags["highway"] == "bus_stop" ? 0 : 1, $1.kind.rawValue, $1.id)
        }
        var kept: [(OSMPlace, [String])] = []
        var grid: [GridKey: [Int]] = [:]
        for stop in busStops {
            let key = GridKey(stop.point)
            var merged = false
            search: for neighbour in key.neighbours {
                for k in grid[neighbour] ?? []
                where kept[k].0.tags["name"] == stop.tags["name"]
                    && Geodesic.wgs84.distance(from: kept[k].0.point, to: stop.point) <= rules.busStopMergeMetres
                {
                    kept[k].1.append(stop.source)
                    out.mergedStops += 1
                    merged = true
                    break search
                }
            }
            if !merged {
                grid[key, default: []].append(kept.count)
                kept.append((stop, []))
            }
        }
        for (stop, also) in kept {
            guard var feature = try point(stop, kind: .busStop, zone: zone) else { continue }
            if !also.isEmpty { feature.properties["also"] = .array(also.map { .string($0) }) }
            out.features.append(feature)
        }
        // Metro stations kept by the zone, then their lines.
        var stations: [(OSMPlace, Feature)] = []
        for place in metro {
            if let feature = try point(place, kind: .metroStation, zone: zone) { stations.append((place, feature)) }
        }
        var lines: [String: (relation: OSMRelation, order: [Int])] = [:]
        var nodeNames: [Int64: String] = [:]
        for node in data.taggedNodes { if let name = node.tags["name"] { nodeNames[node.id] = name } }
        for relation in relations where rules.metroRoute.matches(relation.tags) {
            let line = relation.tags["ref"] ?? relation.tags["name"] ?? "r\(relation.id)"
            var order: [Int] = []
            for member in relation.members where rules.stopRoles.contains(member.role) {
                guard let at = position(member, data: data, finder: finder) else { continue }
                let name = member.kind == .node ? nodeNames[member.ref] : nil
                var best: (Int, Double)?
                for (i, station) in stations.enumerated() {
                    let d = Geodesic.wgs84.distance(from: station.0.point, to: at)
                    let named = name != nil && station.0.tags["name"] == name
                    if d <= rules.stationMatchMetres || named, best == nil || d < best!.1 { best = (i, d) }
                }
                if let (i, _) = best, !order.contains(i) { order.append(i) }
            }
            if let current = lines[line], (current.order.count, -current.relation.id) >= (order.count, -relation.id) { continue }
            lines[line] = (relation, order)
        }
        var stationLines: [Int: [(String, Int)]] = [:]
        var lineFeatures: [Feature] = []
        for line in lines.keys.sorted() {
            guard let (relation, order) = lines[line], order.count >= 2 else { continue }
            for (k, i) in order.enumerated() { stationLines[i, default: []].append((line, k + 1)) }
            let names = order.map { stations[$0].0.tags["name"] ?? stations[$0].0.featureId }
            var p: PropertyMap = [
                "id": .string("osm-line-\(line)"),
                "kind": .string(TransitKind.metroLine.rawValue),
                "status": .string(Status.operating.rawValue),
                "line": .string(line),
                "stations": .array(names.map { .string($0) }),
                "source": .string("osm:relation/\(relation.id)"),
                "accuracy_m": .number(500),
                "geometry_rule": .string("schematic: the line's stations in the extract, in the relation's order, joined by straight lines")
            ]
            if let name = relation.tags["name"] { p["name"] = .string(name) }
            let coordinates = order.map { stations[$0].0.point }
            if try zone.place(.lineString(LineString(coordinates))) == .outside { p["outside"] = .bool(true) }
            lineFeatures.append(Feature(id: p["id"], geometry: .lineString(LineString(coordinates)), properties: p))
        }
        for (i, (place, feature)) in stations.enumerated() {
            var f = feature
            if let memberships = stationLines[i] {
                f.properties["lines"] = .array(memberships.map { .string($0.0) })
                f.properties["order"] = .object(Dictionary(uniqueKeysWithValues: memberships.map { ($0.0, JSONValue.number(Double($0.1))) }))
            } else {
                f.properties["kind"] = .string(TransitKind.railStation.rawValue)
                f.properties["kind_rule"] = .string("a metro station on no route=subway relation with another station in the extract")
                _ = place
            }
            out.features.append(f)
        }
        out.features += lineFeatures
        for place in rail {
            if let feature = try point(place, kind: .railStation, zone: zone) { out.features.append(feature) }
        }
        return out
    }

    /// A point feature of `kind` for `place`, or `nil` beyond the margin.
    private func point(_ place: OSMPlace, kind: TransitKind, zone: Zone) throws -> Feature? {
        let placement = try zone.place(.point(Point(place.point)))
        if placement == .beyond { return nil }
        var p: PropertyMap = [
            "id": .string(place.featureId),
            "kind": .string(kind.rawValue),
            "status": .string(Status.operating.rawValue),
            "source": .string(place.source),
            "accuracy_m": .number(accuracy)
        ]
        if let name = place.tags["name"] { p["name"] = .string(name) }
        if let en = place.tags["name:en"] { p["name_en"] = .string(en) }
        if place.kind != .node { p["position_rule"] = .string(place.pointRule) }
        if placement == .outside { p["outside"] = .bool(true) }
        return Feature(id: p["id"], geometry: .point(Point(place.point)), properties: p)
    }

    /// Where a route member stands: a node's position, or a way's middle node.
    private func position(_ member: OSMMember, data: OSMData, finder: PlaceFinder) -> Coordinate? {
        switch member.kind {
        case .node:
            return data.nodes.position(of: member.ref).map { Coordinate(x: $0.lon, y: $0.lat) }
        case .way:
            guard let i = finder.wayIndex[member.ref] else { return nil }
            let refs = data.ways[i].refs
            guard !refs.isEmpty else { return nil }
            return data.nodes.position(of: refs[refs.count / 2]).map { Coordinate(x: $0.lon, y: $0.lat) }
        case .relation:
            return nil
        }
    }
}

/// A cell of about 100 m for finding near stops.
struct GridKey: Hashable {
    var x: Int, y: Int
    init(_ c: Coordinate) {
        x = Int((c.x * 1000).rounded(.down))
        y = Int((c.y * 1000).rounded(.down))
    }
    init(x: Int, y: Int) { self.x = x; self.y = y }
    var neighbours: [GridKey] { (-1...1).flatMap { dx in (-1...1).map { dy in GridKey(x: x + dx, y: y + dy) } } }
}
