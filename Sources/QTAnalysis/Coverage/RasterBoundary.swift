import QTGeometry

/// The polygons of a binary raster traced straight from its cell edges: each 4-connected group of inside
/// cells becomes one polygon, its outer boundary the shell and the boundaries of the outside pockets it
/// encloses its holes. Vertices are the corners of the boundary only (no points in the middle of a straight
/// edge), in grid units (column, row) of the vertex lattice.
///
/// Why not GEOS: GEOS has no raster-to-vector operation, and assembling the cells with `GEOSCoverageUnion`
/// (the former path, still the fallback and the reference of the tests) spends most of a service-area run in
/// its planar graph and polygonizer; tracing costs one step per boundary edge.
///
/// How: every boundary edge is followed with the inside on its left, so shells run counter-clockwise and
/// holes clockwise. Where two inside cells touch only at a corner (a saddle), the boundary turns so that they
/// stay apart (inside cells connect through edges, outside cells also through corners): the two polygons,
/// or a polygon and its hole, then touch at that vertex, which OGC validity allows. A traced ring that comes
/// back to a saddle it already passed is split there, so every ring is simple. Rings are assigned to the
/// group of the inside cell on their left (groups found by union–find over the rows' runs); a group must end
/// with exactly one counter-clockwise ring, otherwise ``trace(inside:columns:rows:)`` gives up (`nil`) and the
/// caller falls back to GEOS.
struct RasterBoundary {
    /// One traced polygon: a shell and its holes, each ring closed (last vertex = first), lattice units.
    struct TracedPolygon {
        var shell: [(column: Int, row: Int)]
        var holes: [[(column: Int, row: Int)]]
    }

    private let columns: Int, rows: Int
    private let inside: [Bool]

    /// Headings: east, north, west, south (counter-clockwise order: left turn = +1).
    private static let dx = [1, 0, -1, 0], dy = [0, 1, 0, -1]

    private init(inside: [Bool], columns: Int, rows: Int) {
        self.inside = inside
        self.columns = columns
        self.rows = rows
    }

    /// The polygons of the cells marked `true` in `inside` (row-major from the south, `columns` × `rows`), in
    /// the order their lowest, then leftmost, boundary edge is met; `nil` in the case described on the type.
    static func trace(inside: [Bool], columns: Int, rows: Int) -> [TracedPolygon]? {
        precondition(inside.count == columns * rows, "one flag per cell")
        return RasterBoundary(inside: inside, columns: columns, rows: rows).polygons()
    }

    @inline(__always)
    private func cell(_ c: Int, _ r: Int) -> Bool {
        c >= 0 && r >= 0 && c < columns && r < rows && inside[r * columns + c]
    }

    /// The cell on the left of the edge leaving vertex (x, y) with heading `d`.
    @inline(__always)
    private func leftCell(_ x: Int, _ y: Int, _ d: Int) -> (Int, Int) {
        switch d {
        case 0: (x, y)
        case 1: (x - 1, y)
        case 2: (x - 1, y - 1)
        default: (x, y - 1)
        }
    }

    /// The heading after vertex (x, y) for a boundary arriving with heading `d`: left when the cell ahead on
    /// the left is outside (also at a saddle, which keeps diagonal inside cells apart), right when the cell
    /// ahead on the right is inside, straight on otherwise.
    @inline(__always)
    private func nextHeading(_ x: Int, _ y: Int, _ d: Int) -> Int {
        let aheadLeft: Bool, aheadRight: Bool
        switch d {
        case 0: aheadLeft = cell(x, y); aheadRight = cell(x, y - 1)
        case 1: aheadLeft = cell(x - 1, y); aheadRight = cell(x, y)
        case 2: aheadLeft = cell(x - 1, y - 1); aheadRight = cell(x - 1, y)
        default: aheadLeft = cell(x, y - 1); aheadRight = cell(x - 1, y - 1)
        }
        if !aheadLeft { return (d + 1) & 3 }
        return aheadRight ? (d + 3) & 3 : d
    }

    /// Whether the four cells around vertex (x, y) are inside in a diagonal pattern.
    @inline(__always)
    private func isSaddle(_ x: Int, _ y: Int) -> Bool {
        let ne = cell(x, y), nw = cell(x - 1, y), sw = cell(x - 1, y - 1), se = cell(x, y - 1)
        return ne == sw && nw == se && ne != nw
    }

    private func polygons() -> [TracedPolygon]? {
        let groups = RunGroups(inside: inside, columns: columns, rows: rows)
        // Horizontal edges already followed: edge (i, j) runs from vertex (i, j) to (i + 1, j).
        var visited = [Bool](repeating: false, count: columns * (rows + 1))
        var shells: [Int: [(column: Int, row: Int)]] = [:]
        var holes: [Int: [[(column: Int, row: Int)]]] = [:]
        var order: [Int] = []
        var failed = false

        func finish(_ ring: [(column: Int, row: Int)], leftCell: (Int, Int)) {
            var doubleArea = 0
            for k in 0..<ring.count {
                let a = ring[k], b = ring[(k + 1) % ring.count]
                doubleArea += a.column * b.row - b.column * a.row
            }
            guard let group = groups.group(column: leftCell.0, row: leftCell.1), doubleArea != 0 else { failed = true; return }
            var closed = ring
            closed.append(ring[0])
            if doubleArea > 0 {
                if shells[group] != nil { failed = true; return }
                shells[group] = closed
                order.append(group)
            } else {
                holes[group, default: []].append(closed)
            }
        }

        for j in 0...rows {
            for i in 0..<columns where !visited[j * columns + i] {
                let above = cell(i, j), below = cell(i, j - 1)
                guard above != below else { continue }
                // The start edge: east along the bottom of an inside cell, or west along the top of one.
                let (sx, sy, d0) = above ? (i, j, 0) : (i + 1, j, 2)
                visited[j * columns + i] = true
                var ring: [(column: Int, row: Int)] = []
                var ringLeft: [(Int, Int)] = [] // left cell of the edge leaving each ring vertex
                var seen: [Int: Int] = [:] // saddle vertex → its index in `ring`
                var x = sx + Self.dx[d0], y = sy + Self.dy[d0], d = d0
                while true {
                    let next = nextHeading(x, y, d)
                    if next != d {
                        let left = leftCell(x, y, next)
                        if isSaddle(x, y) {
                            let key = y * (columns + 1) + x
                            if let p = seen[key] {
                                // Back at a saddle of this ring: the part since then is a ring of its own.
                                let loop = Array(ring[p...])
                                finish(loop, leftCell: ringLeft[p])
                                for v in loop.dropFirst() where isSaddle(v.column, v.row) {
                                    seen[v.row * (columns + 1) + v.column] = nil
                                }
                                ring.removeSubrange((p + 1)...)
                                ringLeft.removeSubrange((p + 1)...)
                                ringLeft[p] = left
                            } else {
                                seen[key] = ring.count
                                ring.append((x, y))
                                ringLeft.append(left)
                            }
                        } else {
                            ring.append((x, y))
                            ringLeft.append(left)
                        }
                    }
                    if x == sx && y == sy && next == d0 { break }
                    if next == 0 { visited[y * columns + x] = true } else if next == 2 { visited[y * columns + x - 1] = true }
                    x += Self.dx[next]
                    y += Self.dy[next]
                    d = next
                }
                guard !ring.isEmpty else { return nil }
                finish(ring, leftCell: ringLeft[0])
                if failed { return nil }
            }
        }
        if failed || Set(holes.keys).subtracting(shells.keys).count > 0 { return nil }
        return order.map { group in TracedPolygon(shell: shells[group] ?? [], holes: holes[group] ?? []) }
    }
}

/// The 4-connected groups of inside cells, by union–find over each row's runs of inside cells.
private struct RunGroups {
    /// Per row, the runs of inside cells (column ranges, ascending) and the index of the row's first run.
    private var runs: [[Range<Int>]]
    private var firstRun: [Int]
    private var parent: [Int]

    init(inside: [Bool], columns: Int, rows: Int) {
        runs = Array(repeating: [], count: rows)
        firstRun = []
        var total = 0
        for r in 0..<rows {
            firstRun.append(total)
            var start: Int?
            let base = r * columns
            for c in 0..<columns {
                if inside[base + c] { if start == nil { start = c } } else if let s = start { runs[r].append(s..<c); start = nil }
            }
            if let s = start { runs[r].append(s..<columns) }
            total += runs[r].count
        }
        parent = Array(0..<total)
        for r in 1..<max(rows, 1) {
            // Runs of consecutive rows sharing a column are joined (merge walk over both sorted lists).
            var a = 0, b = 0
            let lower = runs[r - 1], upper = runs[r]
            while a < lower.count && b < upper.count {
                if lower[a].overlaps(upper[b]) { union(firstRun[r - 1] + a, firstRun[r] + b) }
                if lower[a].upperBound < upper[b].upperBound { a += 1 } else { b += 1 }
            }
        }
    }

    private mutating func find(_ x: Int) -> Int {
        var root = x
        while parent[root] != root { root = parent[root] }
        var node = x
        while parent[node] != root { (node, parent[node]) = (parent[node], root) }
        return root
    }

    private mutating func union(_ a: Int, _ b: Int) {
        let ra = find(a), rb = find(b)
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }

    /// The group of inside cell (column, row), or `nil` when that cell is not inside.
    func group(column: Int, row: Int) -> Int? {
        guard row >= 0, row < runs.count else { return nil }
        let list = runs[row]
        var lo = 0, hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if list[mid].upperBound <= column { lo = mid + 1 } else { hi = mid }
        }
        guard lo < list.count, list[lo].contains(column) else { return nil }
        var root = firstRun[row] + lo
        while parent[root] != root { root = parent[root] }
        return root
    }
}
