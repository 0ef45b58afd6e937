/// Where a point joins the network: the nearest point of the nearest edge (not the nearest node).
public struct EdgePosition: Hashable, Sendable {
    /// The edge.
    public var edge: Int32
    /// Metres along the edge from its start node.
    public var offset: Double
    /// The straight-line access leg from the point to the edge, metres.
    public var access: Double
}

/// Finds the nearest point on the network to a point: a uniform grid of the edges' segments searched in
/// rings outward until no unseen segment can be nearer.
///
/// Why by hand rather than GEOS (`GEOSSTRtree_nearest` then `GEOSProject`): this runs once per resident
/// location and facility (850,000 at the scale case) and needs the offset along the edge as well as the
/// distance; the planar point-to-segment projection is a few multiplications, while GEOS would cost a
/// geometry and several C calls per point. Tests check it against GEOS's `distance` on random points.
struct EdgeLocator: Sendable {
    private let graph: StreetGraph
    private let minX: Double, minY: Double, cell: Double
    private let columns: Int, rows: Int
    private let starts: [Int32]
    /// Segment ids (index of the segment's first vertex in the graph's vertex arrays) by cell.
    private let segments: [Int32]
    /// The edge of each vertex (for segment ids).
    private let edgeOfVertex: [Int32]

    /// Indexes every segment of `graph` in cells of about `cell` metres.
    init(graph: StreetGraph, cell requested: Double = 200) {
        self.graph = graph
        var lo = (x: Double.infinity, y: Double.infinity), hi = (x: -Double.infinity, y: -Double.infinity)
        for i in graph.vx.indices {
            lo = (min(lo.x, graph.vx[i]), min(lo.y, graph.vy[i]))
            hi = (max(hi.x, graph.vx[i]), max(hi.y, graph.vy[i]))
        }
        if graph.vx.isEmpty { lo = (0, 0); hi = (0, 0) }
        var size = requested
        while ((hi.x - lo.x) / size + 1) * ((hi.y - lo.y) / size + 1) > 4_000_000 { size *= 2 }
        cell = size
        minX = lo.x
        minY = lo.y
        columns = Int((hi.x - lo.x) / size) + 1
        rows = Int((hi.y - lo.y) / size) + 1
        var edgeOfVertex = [Int32](repeating: -1, count: graph.vx.count)
        var pairs: [(Int32, Int32)] = [] // (cell, segment)
        for e in 0..<graph.edgeCount {
            let lo = Int(graph.vertexStart[e]), hi = Int(graph.vertexStart[e + 1])
            for v in lo..<hi { edgeOfVertex[v] = Int32(e) }
            for v in lo..<(hi - 1) {
                let c0 = Int((min(graph.vx[v], graph.vx[v + 1]) - minX) / size), c1 = Int((max(graph.vx[v], graph.vx[v + 1]) - minX) / size)
                let r0 = Int((min(graph.vy[v], graph.vy[v + 1]) - minY) / size), r1 = Int((max(graph.vy[v], graph.vy[v + 1]) - minY) / size)
                for r in r0...r1 { for c in c0...c1 { pairs.append((Int32(r * columns + c), Int32(v))) } }
            }
        }
        var start = [Int32](repeating: 0, count: columns * rows + 1)
        for p in pairs { start[Int(p.0) + 1] += 1 }
        for c in 0..<(columns * rows) { start[c + 1] += start[c] }
        var next = start
        var segs = [Int32](repeating: 0, count: pairs.count)
        for p in pairs {
            segs[Int(next[Int(p.0)])] = p.1
            next[Int(p.0)] += 1
        }
        starts = start
        segments = segs
        self.edgeOfVertex = edgeOfVertex
    }

    /// The nearest point of the network within `maxDistance` of (`x`, `y`), or `nil` when there is none.
    /// Ties go to the lower edge number, so results do not depend on the index's cell order.
    func locate(x: Double, y: Double, maxDistance: Double) -> EdgePosition? {
        guard !segments.isEmpty else { return nil }
        let pc = Int(((x - minX) / cell).rounded(.down)), pr = Int(((y - minY) / cell).rounded(.down))
        var best: (d2: Double, edge: Int32, offset: Double)?
        var ring = 0
        let maxRing = Int((maxDistance / cell).rounded(.up)) + 1
        while ring <= maxRing {
            // Everything not yet seen lies outside the (2·ring − 1)-cell block around the point: at least
            // (ring − 1) · cell away.
            if let b = best, Double(ring - 1) * cell > b.d2.squareRoot() { break }
            for r in (pr - ring)...(pr + ring) where r >= 0 && r < rows {
                let onEdgeRow = r == pr - ring || r == pr + ring
                var c = pc - ring
                while c <= pc + ring {
                    if c >= 0 && c < columns {
                        let cellIndex = r * columns + c
                        for k in Int(starts[cellIndex])..<Int(starts[cellIndex + 1]) {
                            let v = Int(segments[k])
                            let ax = graph.vx[v], ay = graph.vy[v], bx = graph.vx[v + 1], by = graph.vy[v + 1]
                            let dx = bx - ax, dy = by - ay
                            let len2 = dx * dx + dy * dy
                            var t = len2 > 0 ? ((x - ax) * dx + (y - ay) * dy) / len2 : 0
                            t = min(1, max(0, t))
                            let qx = ax + t * dx - x, qy = ay + t * dy - y
                            let d2 = qx * qx + qy * qy
                            let e = edgeOfVertex[v]
                            let offset = graph.vertexOffset[v] + t * len2.squareRoot()
                            if best == nil || d2 < best!.d2 || (d2 == best!.d2 && (e < best!.edge || (e == best!.edge && offset < best!.offset))) {
                                best = (d2, e, offset)
                            }
                        }
                    }
                    c += onEdgeRow ? 1 : max(1, 2 * ring)
                }
            }
            ring += 1
        }
        guard let b = best, b.d2.squareRoot() <= maxDistance else { return nil }
        return EdgePosition(edge: b.edge, offset: b.offset, access: b.d2.squareRoot())
    }
}
