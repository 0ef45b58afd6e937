import QTGeometry
import QTModel
import QTProjection

/// One street segment between two junctions, in the metric CRS, with its travel time each way.
public struct StreetEdge: Sendable {
    /// The polyline, first vertex at the edge's start node.
    public var coordinates: [Coordinate]
    /// Seconds from the first vertex to the last (`.infinity` when not allowed that way).
    public var forwardSeconds: Double
    /// Seconds from the last vertex to the first (`.infinity` on a one-way edge or when not allowed).
    public var backwardSeconds: Double

    /// Creates an edge.
    public init(coordinates: [Coordinate], forwardSeconds: Double, backwardSeconds: Double) {
        self.coordinates = coordinates
        self.forwardSeconds = forwardSeconds
        self.backwardSeconds = backwardSeconds
    }
}

/// The street network of one mode as a graph: nodes where edge ends meet (exactly equal coordinates),
/// edges with their polylines, lengths and times, and adjacency both ways (compressed rows).
public struct StreetGraph: Sendable {
    /// Number of nodes.
    public let nodeCount: Int
    /// Start and end node of each edge.
    let from: [Int32], to: [Int32]
    /// Planar length of each edge (metres).
    let length: [Double]
    /// Seconds along each edge, first → last vertex and back (`.infinity` when not allowed).
    let forward: [Double], backward: [Double]
    /// Polyline vertices of all edges: edge `e` owns `vertexStart[e]..<vertexStart[e+1]`.
    let vertexStart: [Int32]
    let vx: [Double], vy: [Double]
    /// Distance along its edge of each vertex.
    let vertexOffset: [Double]
    /// Outgoing arcs (travel as the edges allow): node → (neighbour, seconds).
    let outStart: [Int32], outNode: [Int32], outCost: [Double]
    /// Incoming arcs, for passes on the reversed graph: node → (predecessor, seconds).
    let inStart: [Int32], inNode: [Int32], inCost: [Double]

    /// Number of edges.
    public var edgeCount: Int { from.count }

    /// Builds the graph. Edges with fewer than two vertices, zero length, or allowed in neither direction
    /// are left out.
    public init(edges input: [StreetEdge]) {
        struct Key: Hashable { let x: UInt64, y: UInt64 }
        var nodeOf: [Key: Int32] = [:]
        func node(_ c: Coordinate) -> Int32 {
            let key = Key(x: c.x.bitPattern, y: c.y.bitPattern)
            if let n = nodeOf[key] { return n }
            let n = Int32(nodeOf.count)
            nodeOf[key] = n
            return n
        }
        var from: [Int32] = [], to: [Int32] = [], length: [Double] = [], forward: [Double] = [], backward: [Double] = []
        var vertexStart: [Int32] = [0], vx: [Double] = [], vy: [Double] = [], offsets: [Double] = []
        for edge in input {
            let cs = edge.coordinates
            guard cs.count >= 2, edge.forwardSeconds.isFinite || edge.backwardSeconds.isFinite else { continue }
            var total = 0.0
            var local: [Double] = [0]
            for i in 1..<cs.count {
                let dx = cs[i].x - cs[i - 1].x, dy = cs[i].y - cs[i - 1].y
                total += (dx * dx + dy * dy).squareRoot()
                local.append(total)
            }
            guard total > 0 else { continue }
            from.append(node(cs[0]))
            to.append(node(cs[cs.count - 1]))
            length.append(total)
            forward.append(edge.forwardSeconds)
            backward.append(edge.backwardSeconds)
            for c in cs { vx.append(c.x); vy.append(c.y) }
            offsets += local
            vertexStart.append(Int32(vx.count))
        }
        nodeCount = nodeOf.count
        self.from = from; self.to = to; self.length = length; self.forward = forward; self.backward = backward
        self.vertexStart = vertexStart; self.vx = vx; self.vy = vy; vertexOffset = offsets
        var arcs: [(Int32, Int32, Double)] = [] // (tail, head, seconds)
        for e in from.indices {
            if forward[e].isFinite { arcs.append((from[e], to[e], forward[e])) }
            if backward[e].isFinite { arcs.append((to[e], from[e], backward[e])) }
        }
        (outStart, outNode, outCost) = Self.compress(arcs, nodes: nodeOf.count, byTail: true)
        (inStart, inNode, inCost) = Self.compress(arcs, nodes: nodeOf.count, byTail: false)
    }

    private static func compress(_ arcs: [(Int32, Int32, Double)], nodes: Int, byTail: Bool) -> ([Int32], [Int32], [Double]) {
        var start = [Int32](repeating: 0, count: nodes + 1)
        for a in arcs { start[Int(byTail ? a.0 : a.1) + 1] += 1 }
        for n in 0..<nodes { start[n + 1] += start[n] }
        var next = start
        var other = [Int32](repeating: 0, count: arcs.count), cost = [Double](repeating: 0, count: arcs.count)
        for a in arcs {
            let key = Int(byTail ? a.0 : a.1)
            let k = Int(next[key])
            other[k] = byTail ? a.1 : a.0
            cost[k] = a.2
            next[key] += 1
        }
        return (start, other, cost)
    }

    /// The network layer of a district for `mode` (walk or drive), in its metric CRS.
    ///
    /// Walking uses edges with `walk: true` in both directions at `walkSpeedKmh` (one-way rules bind
    /// vehicles, not pedestrians; an edge with `walk_oneway: true`, from OSM's `oneway:foot`, is walked first →
    /// last vertex only); driving uses edges with `drive: true` at their `speed_kmh` (or the
    /// standards' speed for the road class), first → last vertex only when `oneway` is true.
    /// - Throws: ``CoverageError/missingLayer(_:)`` when the district has no network;
    ///   ``CoverageError/invalidFeature(layer:id:detail:)`` for an edge that is not a line or has no speed.
    public static func network(
        of district: District, mode: CoverageMode, walkSpeedKmh: Double,
        driveSpeedKmh: [String: Double], toMetric: Transformer
    ) throws -> StreetGraph {
        precondition(mode != .radius, "radius mode has no graph")
        let features = district.features(.network)
        guard !features.isEmpty else { throw CoverageError.missingLayer("network") }
        var lines: [[Coordinate]] = [], times: [(Double, Double)] = []
        for (i, f) in features.enumerated() {
            let id = f.properties["id"]?.stringValue ?? "#\(i + 1)"
            let allowed = f.properties[mode == .walk ? "walk" : "drive"]?.boolValue ?? false
            guard allowed else { continue }
            guard case .lineString(let line)? = f.geometry, line.coordinates.count >= 2 else {
                throw CoverageError.invalidFeature(layer: "network", id: id, detail: "expected a LineString of at least 2 points")
            }
            let kmh: Double
            if mode == .walk {
                kmh = walkSpeedKmh
            } else if let s = f.properties["speed_kmh"]?.doubleValue {
                guard s.isFinite, s > 0 else {
                    throw CoverageError.invalidFeature(layer: "network", id: id, detail: "'speed_kmh' must be a number > 0")
                }
                kmh = s
            } else if let c = f.properties["road_class"]?.stringValue, let s = driveSpeedKmh[c] {
                kmh = s
            } else {
                throw CoverageError.invalidFeature(layer: "network", id: id, detail: "no 'speed_kmh' and no standard speed for its road class")
            }
            // Drivers keep to `oneway`; walkers to `walk_oneway` (OSM's oneway:foot), absent on most edges.
            let oneway = f.properties[mode == .drive ? "oneway" : "walk_oneway"]?.boolValue ?? false
            lines.append(line.coordinates)
            times.append((kmh / 3.6, oneway ? .infinity : kmh / 3.6))
        }
        var flat: [Coordinate] = []
        for l in lines { flat += l }
        let metric = try toMetric.transform(flat)
        var edges: [StreetEdge] = []
        edges.reserveCapacity(lines.count)
        var k = 0
        for (i, l) in lines.enumerated() {
            let cs = Array(metric[k..<(k + l.count)])
            k += l.count
            var len = 0.0
            for j in 1..<cs.count {
                len += ((cs[j].x - cs[j - 1].x) * (cs[j].x - cs[j - 1].x) + (cs[j].y - cs[j - 1].y) * (cs[j].y - cs[j - 1].y)).squareRoot()
            }
            let (fwd, back) = times[i] // metres per second
            edges.append(StreetEdge(coordinates: cs, forwardSeconds: len / fwd, backwardSeconds: back.isFinite ? len / back : .infinity))
        }
        return StreetGraph(edges: edges)
    }

    /// Seconds along edge `e` from offset `a` to offset `b` (either direction; `.infinity` when not allowed).
    @inline(__always)
    func seconds(edge e: Int, from a: Double, to b: Double) -> Double {
        if b >= a { return forward[e].isFinite ? (b - a) / length[e] * forward[e] : (b == a ? 0 : .infinity) }
        return backward[e].isFinite ? (a - b) / length[e] * backward[e] : .infinity
    }

    /// The metric polyline of an edge.
    func polyline(_ e: Int) -> [Coordinate] {
        (Int(vertexStart[e])..<Int(vertexStart[e + 1])).map { Coordinate(x: vx[$0], y: vy[$0]) }
    }

    /// The point at `offset` metres along edge `e`.
    func point(edge e: Int, offset: Double) -> Coordinate {
        let lo = Int(vertexStart[e]), hi = Int(vertexStart[e + 1])
        for v in (lo + 1)..<hi where vertexOffset[v] >= offset || v == hi - 1 {
            let a = vertexOffset[v - 1], b = vertexOffset[v]
            let t = b > a ? min(1, max(0, (offset - a) / (b - a))) : 0
            return Coordinate(x: vx[v - 1] + t * (vx[v] - vx[v - 1]), y: vy[v - 1] + t * (vy[v] - vy[v - 1]))
        }
        return Coordinate(x: vx[lo], y: vy[lo])
    }
}
