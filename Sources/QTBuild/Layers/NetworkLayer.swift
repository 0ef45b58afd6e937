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
        var kept: [Int] = []
        var zeroLength = 0
        var maker = PropertyMapMaker(fields: Self.fields)!
        for (index, edge) in edges.enumerated() {
            guard edge.length > 0 else { zeroLength += 1; continue }
            let geometry = Geometry.lineString(LineString(edge.line))
            let placement = try zone.place(geometry)
            if placement == .beyond { continue }
            kept.append(index)
            let p = edge.permissions
            let id = JSONValue.string("osm-w\(edge.wayId)-\(edge.piece)")
            // In the order of `fields`.
            let properties = maker.make([
                id, .string("osm:way/\(edge.wayId)"), .number(accuracy), .string(p.rule.roadClass.rawValue),
                .string(p.highway), .bool(p.walk != .none), .bool(p.drive != .none), .bool(p.drive == .forward),
                .number(Self.rounded(p.speedKmh, 100)), .number(Self.rounded(edge.length, 100)),
                .number(Double(edge.fromNode)), .number(Double(edge.toNode)),
                p.walk == .forward ? .bool(true) : .none, edge.name.map(JSONValue.string),
                placement == .outside ? .bool(true) : .none
            ])
            features.append(Feature(id: id, geometry: geometry, properties: properties))
        }
        let keptEdges = kept.lazy.map { edges[$0] }
        return (features, Self.figures(keptEdges, mode: \.walk), Self.figures(keptEdges, mode: \.drive), zeroLength)
    }

    /// The properties an edge may have, in the order ``features(zone:)`` gives their values.
    static let fields = [
        "id", "source", "accuracy_m", "road_class", "highway", "walk", "drive", "oneway", "speed_kmh", "length_m", "from_node",
        "to_node", "walk_oneway", "name", "outside"
    ]

    static func rounded(_ x: Double, _ scale: Double) -> Double { (x * scale).rounded() / scale }

    /// Edges, length, components (direction ignored, nodes by OSM id) and the largest component's share.
    static func figures(_ edges: some Sequence<NetworkEdge>, mode: KeyPath<WayPermissions, TravelDirections>) -> NetworkFigures {
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
