import QTGeometry

/// Plain-Swift polyline and graph helpers for the network step (NetworkModel) and the bus stop step
/// (BusStopModel). Everything is in EPSG:4549 metres; GEOS does the noding and clipping, these helpers only
/// measure, split and count components.
enum NetworkGraph {
    /// The line strings of a geometry (members of multi-lines and collections; other kinds are skipped).
    static func lines(of geometry: Geometry) -> [[Coordinate]] {
        switch geometry {
        case .lineString(let l): return l.coordinates.count >= 2 ? [l.coordinates] : []
        case .multiLineString(let m): return m.lineStrings.map(\.coordinates).filter { $0.count >= 2 }
        case .geometryCollection(let c): return c.geometries.flatMap(lines(of:))
        default: return []
        }
    }

    static func distance(_ a: Coordinate, _ b: Coordinate) -> Double { ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot() }

    /// Planar length of a polyline.
    static func length(_ line: [Coordinate]) -> Double {
        zip(line, line.dropFirst()).reduce(0) { $0 + distance($1.0, $1.1) }
    }

    /// The point `chainage` metres along the polyline (clamped to its ends).
    static func point(along line: [Coordinate], at chainage: Double) -> Coordinate {
        var left = max(chainage, 0)
        for (a, b) in zip(line, line.dropFirst()) {
            let d = distance(a, b)
            if left <= d, d > 0 {
                let t = left / d
                return Coordinate(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t)
            }
            left -= d
        }
        return line[line.count - 1]
    }

    /// The point of the polyline nearest `p`: the segment it lies on, the point and its distance.
    static func closest(on line: [Coordinate], to p: Coordinate) -> (segment: Int, point: Coordinate, distance: Double) {
        var best = (segment: 0, point: line[0], distance: Double.infinity)
        for i in 0..<(line.count - 1) {
            let a = line[i], b = line[i + 1]
            let dx = b.x - a.x, dy = b.y - a.y
            let d2 = dx * dx + dy * dy
            let t = d2 > 0 ? min(max(((p.x - a.x) * dx + (p.y - a.y) * dy) / d2, 0), 1) : 0
            let q = t <= 0 ? a : t >= 1 ? b : Coordinate(x: a.x + dx * t, y: a.y + dy * t)
            let d = distance(p, q)
            if d < best.distance { best = (i, q, d) }
        }
        return best
    }

    /// The polyline cut at `q`, a point on segment `segment`: the part before and the part after; both end
    /// or start at exactly `q`.
    static func split(_ line: [Coordinate], segment: Int, at q: Coordinate) -> ([Coordinate], [Coordinate]) {
        var first = Array(line[0...segment])
        while let last = first.last, distance(last, q) < 1e-6 { first.removeLast() }
        first.append(q)
        var second = [q]
        second.append(contentsOf: line[(segment + 1)...].drop { distance($0, q) < 1e-6 })
        return (first, second)
    }

    /// A node: an endpoint rounded to 0.01 m, so that endpoints GEOS made equal are one node.
    struct NodeKey: Hashable {
        let x: Int64, y: Int64
        init(_ c: Coordinate) {
            x = Int64((c.x * 100).rounded())
            y = Int64((c.y * 100).rounded())
        }
    }

    /// Union-find over integer ids (path halving, union by size).
    struct UnionFind {
        private var parent: [Int]
        private var size: [Int]
        init(count: Int) {
            parent = Array(0..<count)
            size = Array(repeating: 1, count: count)
        }
        mutating func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        mutating func union(_ a: Int, _ b: Int) {
            var ra = find(a), rb = find(b)
            if ra == rb { return }
            if size[ra] < size[rb] { swap(&ra, &rb) }
            parent[rb] = ra
            size[ra] += size[rb]
        }
    }

    /// The connected component of each edge (edges are connected when they share an endpoint node), as a
    /// label per edge: the label is the smallest index of an edge in the component.
    static func components(_ edges: [[Coordinate]]) -> [Int] {
        var nodeIndex: [NodeKey: Int] = [:]
        func node(_ c: Coordinate) -> Int {
            let key = NodeKey(c)
            if let i = nodeIndex[key] { return i }
            nodeIndex[key] = nodeIndex.count
            return nodeIndex.count - 1
        }
        let ends = edges.map { (node($0[0]), node($0[$0.count - 1])) }
        var sets = UnionFind(count: nodeIndex.count)
        for (a, b) in ends { sets.union(a, b) }
        var label: [Int: Int] = [:]
        return ends.enumerated().map { i, e in
            let root = sets.find(e.0)
            if let l = label[root] { return l }
            label[root] = i
            return i
        }
    }
}
