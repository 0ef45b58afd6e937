import QTGeometry
import QTProjection
import QTText

/// Joins a plan's new streets to a district's network the way the coverage engine sees a network: edges meet
/// where their end coordinates are equal. A new street's end within the tolerance of an existing street end
/// takes that end's coordinate exactly; with `junction: true` an end near the side of a street splits it there
/// (the two halves keep the street's properties, ids `ID-a` and `ID-b`). A street neither of whose ends joins is
/// refused: it would be an island no one reaches.
struct NetworkJoiner {
    /// Why a street cannot be joined.
    struct Failure: Error {
        var detail: String
    }

    /// A joined street's coordinates and what joining did.
    struct Joined {
        var coordinates: [Coordinate]
        var splitEdges: Int
        var freeEnds: Int
    }

    /// The network's features (WGS84), with the splits made so far.
    private(set) var features: [Feature]
    private let toMetric: Transformer
    /// Every edge end: its WGS84 coordinate and metric position.
    private var nodes: [(wgs: Coordinate, metric: Coordinate)] = []

    init(_ features: [Feature], metricCRS: String) throws {
        self.features = features
        toMetric = try Transformer(from: .wgs84, to: try CRS(parsing: metricCRS))
        for f in features { try addNodes(of: f) }
    }

    /// Records the ends of a street (new or existing) as nodes.
    mutating func add(_ feature: Feature) {
        features.append(feature)
        try? addNodes(of: feature)
    }

    private mutating func addNodes(of feature: Feature) throws {
        guard case .lineString(let line)? = feature.geometry, let first = line.coordinates.first, let last = line.coordinates.last else { return }
        for c in [first, last] { nodes.append((c, try toMetric.transform(c))) }
    }

    /// `coordinates` with each end joined: to the nearest node within `tolerance` metres, else (with `junction`)
    /// to the nearest point of a street's side within it, splitting that street.
    mutating func join(_ coordinates: [Coordinate], id: String, junction: Bool, tolerance: Double) throws -> Joined {
        var out = coordinates
        var split = 0, free = 0
        var nearest = Double.infinity
        for end in [0, coordinates.count - 1] {
            let metric = try toMetric.transform(coordinates[end])
            if let (node, d) = nearestNode(to: metric) {
                nearest = min(nearest, d)
                if d <= tolerance { out[end] = node; continue }
            }
            if junction, let (edge, point, d) = try nearestSide(to: metric), d <= tolerance {
                out[end] = try splitEdge(edge, at: point, id: id)
                split += 1
                continue
            }
            free += 1
        }
        guard free < 2 else {
            let distance = nearest.isFinite ? "\(NumberText.grouped(nearest, decimals: 0)) m" : "far"
            throw Failure(
                detail: "neither end of the new street joins the network: the nearest street end is \(distance) away "
                    + "(ends join within \(NumberText.trimmed(tolerance)) m; junction: true joins the side of a street)")
        }
        return Joined(coordinates: out, splitEdges: split, freeEnds: free)
    }

    private func nearestNode(to p: Coordinate) -> (Coordinate, Double)? {
        var best: (Coordinate, Double)?
        for n in nodes {
            let d = ((n.metric.x - p.x) * (n.metric.x - p.x) + (n.metric.y - p.y) * (n.metric.y - p.y)).squareRoot()
            if d < (best?.1 ?? .infinity) { best = (n.wgs, d) }
        }
        return best
    }

    /// The nearest point on any street's side: the edge, the point (WGS84, on the segment) and its distance.
    private func nearestSide(to p: Coordinate) throws -> (Int, (segment: Int, t: Double), Double)? {
        var best: (Int, (segment: Int, t: Double), Double)?
        for (e, f) in features.enumerated() {
            guard case .lineString(let line)? = f.geometry, line.coordinates.count >= 2 else { continue }
            let metric = try toMetric.transform(line.coordinates)
            for s in 0..<(metric.count - 1) {
                let a = metric[s], b = metric[s + 1]
                let dx = b.x - a.x, dy = b.y - a.y, l2 = dx * dx + dy * dy
                let t = l2 > 0 ? max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / l2)) : 0
                let qx = a.x + t * dx - p.x, qy = a.y + t * dy - p.y
                let d = (qx * qx + qy * qy).squareRoot()
                if d < (best?.2 ?? .infinity) { best = (e, (s, t), d) }
            }
        }
        return best
    }

    /// Splits edge `e` at a point of one of its segments; returns the point (WGS84), now a node.
    private mutating func splitEdge(_ e: Int, at position: (segment: Int, t: Double), id: String) throws -> Coordinate {
        let original = features[e]
        guard case .lineString(let line)? = original.geometry else { return Coordinate(x: 0, y: 0) }
        let c = line.coordinates
        let a = c[position.segment], b = c[position.segment + 1]
        if position.t <= 0 { return a }
        if position.t >= 1 { return b }
        let point = Coordinate(x: a.x + position.t * (b.x - a.x), y: a.y + position.t * (b.y - a.y))
        let baseId = original.properties["id"]?.stringValue ?? "edge-\(e)"
        var first = original, second = original
        first.geometry = .lineString(LineString(Array(c[...position.segment]) + [point]))
        second.geometry = .lineString(LineString([point] + Array(c[(position.segment + 1)...])))
        first.properties["id"] = .string("\(baseId)-a")
        second.properties["id"] = .string("\(baseId)-b")
        first.id = .string("\(baseId)-a")
        second.id = .string("\(baseId)-b")
        if let total = original.properties["length_m"]?.doubleValue {
            let lengths = [first, second].map { (try? Geodesic.wgs84.length(of: $0.geometry!)) ?? 0 }
            let sum = lengths.reduce(0, +)
            if sum > 0 {
                first.properties["length_m"] = .number((total * lengths[0] / sum * 10).rounded() / 10)
                second.properties["length_m"] = .number((total * lengths[1] / sum * 10).rounded() / 10)
            }
        }
        features.replaceSubrange(e...e, with: [first, second])
        nodes.append((point, try toMetric.transform(point)))
        return point
    }
}
