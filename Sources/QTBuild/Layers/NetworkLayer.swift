import QTGeometry
import QTModel
import QTOSM

/// The network layer: one LineString feature per edge (RFC 7946, first vertex at the start node), with
/// `road_class`, `highway`, `walk`, `drive`, `oneway` (drivers: first → last vertex only), `walk_oneway` (walkers
/// likewise, from `oneway:foot`), `speed_kmh`, `length_m` (geodesic, WGS84), `from_node` and `to_node` (OSM node
/// ids) and `outside: true` for edges reaching beyond the boundary into the margin.
struct NetworkLayer {
    let edges: [NetworkEdge]
    let accuracy: Double

    /// The features of the edges kept by `zone`, and the figures of each mode.
    func features(zone: Zone) throws -> (features: [Feature], walk: NetworkFigures, drive: NetworkFigures, zeroLength: Int) {
        var features: [Feature] = []
        var kept: [NetworkEdge] = []
        var zeroLength = 0
        for edge in edges {
            guard edge.length > 0 else { zeroLength += 1; continue }
            let geometry = Geometry.lineString(LineString(edge.line))
            let placement = try zone.place(geometry)
            if placement == .beyond { continue }
            kept.append(edge)
            let p = edge.permissions
            var properties: [String: JSONValue] = [
                "id": .string("osm-w\(edge.wayId)-\(edge.piece)"),
                "source": .string("osm:way/\(edge.wayId)"),
                "accuracy_m": .number(accuracy),
                "road_class": .string(p.rule.roadClass.rawValue),
                "highway": .string(p.highway),
                "walk": .bool(p.walk != .none),
                "drive": .bool(p.drive != .none),
                "oneway": .bool(p.drive == .forward),
                "speed_kmh": .number(Self.rounded(p.speedKmh, 100)),
                "length_m": .number(Self.rounded(edge.length, 100)),
                "from_node": .number(Double(edge.fromNode)),
                "to_node": .number(Double(edge.toNode))
            ]
            if p.walk == .forward { properties["walk_oneway"] = .bool(true) }
            if let name = edge.name { properties["name"] = .string(name) }
            if placement == .outside { properties["outside"] = .bool(true) }
            features.append(Feature(id: properties["id"], geometry: geometry, properties: properties))
        }
        return (features, Self.figures(kept, mode: \.walk), Self.figures(kept, mode: \.drive), zeroLength)
    }

    static func rounded(_ x: Double, _ scale: Double) -> Double { (x * scale).rounded() / scale }

    /// Edges, length, components (direction ignored, nodes by OSM id) and the largest component's share.
    static func figures(_ edges: [NetworkEdge], mode: KeyPath<WayPermissions, TravelDirections>) -> NetworkFigures {
        var sets = DisjointSets<Int64>()
        var members: [(Int, Double)] = []
        for edge in edges where edge.permissions[keyPath: mode] != .none {
            let a = sets.element(edge.fromNode), b = sets.element(edge.toNode)
            sets.union(a, b)
            members.append((a, edge.length))
        }
        var lengths: [Int: Double] = [:]
        var total = 0.0
        for (n, length) in members {
            lengths[sets.root(n), default: 0] += length
            total += length
        }
        let largest = lengths.values.max() ?? 0
        return NetworkFigures(
            edges: members.count, lengthMetres: total, components: lengths.count,
            largestShare: total > 0 ? largest / total : 1)
    }
}
