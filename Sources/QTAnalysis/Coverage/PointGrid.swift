/// A uniform grid of points in a metric plane, for "is any point within r of here?" and nearest-point
/// queries.
///
/// Why not GEOS's STRtree here: radius coverage asks one question per resident location (850,000 at the
/// scale case) against points only, and a hash grid whose cell is the search radius answers it by looking
/// at nine cells with no call across the C boundary and no geometry allocated. The distance is the plain
/// Euclidean one in the metric CRS, the same GEOS would compute; tests compare it with a brute-force search.
struct PointGrid: Sendable {
    private let minX: Double, minY: Double, cell: Double
    private let columns: Int, rows: Int
    /// Start of each cell's run in ``order`` (CSR layout), `columns × rows + 1` entries.
    private let starts: [Int32]
    /// Point indices sorted by cell.
    private let order: [Int32]
    private let xs: [Double], ys: [Double]

    /// Indexes the points with cells of `cell` metres (use the usual query radius).
    init(xs: [Double], ys: [Double], cell: Double) {
        precondition(cell > 0 && cell.isFinite, "grid cell must be positive")
        self.xs = xs
        self.ys = ys
        var lo = (x: Double.infinity, y: Double.infinity), hi = (x: -Double.infinity, y: -Double.infinity)
        for i in xs.indices {
            lo = (min(lo.x, xs[i]), min(lo.y, ys[i]))
            hi = (max(hi.x, xs[i]), max(hi.y, ys[i]))
        }
        if xs.isEmpty { lo = (0, 0); hi = (0, 0) }
        // Keep the grid at most ~4 million cells whatever the radius: a bigger cell only costs more distance tests.
        var size = cell
        while ((hi.x - lo.x) / size + 1) * ((hi.y - lo.y) / size + 1) > 4_000_000 { size *= 2 }
        self.cell = size
        minX = lo.x
        minY = lo.y
        columns = Int((hi.x - lo.x) / size) + 1
        rows = Int((hi.y - lo.y) / size) + 1
        var counts = [Int32](repeating: 0, count: columns * rows + 1)
        var cellOf = [Int32](repeating: 0, count: xs.count)
        for i in xs.indices {
            let c = Int((xs[i] - lo.x) / size) + Int((ys[i] - lo.y) / size) * columns
            cellOf[i] = Int32(c)
            counts[c + 1] += 1
        }
        for c in 0..<(columns * rows) { counts[c + 1] += counts[c] }
        var next = counts
        var order = [Int32](repeating: 0, count: xs.count)
        for i in xs.indices {
            let c = Int(cellOf[i])
            order[Int(next[c])] = Int32(i)
            next[c] += 1
        }
        starts = counts
        self.order = order
    }

    /// Calls `body` with every point within `r` of (`x`, `y`) until it returns false.
    @inline(__always)
    func forEach(within r: Double, ofX x: Double, y: Double, _ body: (Int, Double) -> Bool) {
        guard !order.isEmpty else { return }
        let c0 = max(0, Int(((x - r) - minX) / cell)), c1 = min(columns - 1, Int(((x + r) - minX) / cell))
        let r0 = max(0, Int(((y - r) - minY) / cell)), r1 = min(rows - 1, Int(((y + r) - minY) / cell))
        guard c0 <= c1, r0 <= r1, x + r >= minX, y + r >= minY else { return }
        let r2 = r * r
        for row in r0...r1 {
            for col in c0...c1 {
                let c = row * columns + col
                for k in Int(starts[c])..<Int(starts[c + 1]) {
                    let i = Int(order[k])
                    let dx = xs[i] - x, dy = ys[i] - y
                    let d2 = dx * dx + dy * dy
                    if d2 <= r2 && !body(i, d2.squareRoot()) { return }
                }
            }
        }
    }

    /// Whether any point lies within `r` (inclusive) of (`x`, `y`).
    func anyWithin(_ r: Double, ofX x: Double, y: Double) -> Bool {
        var found = false
        forEach(within: r, ofX: x, y: y) { _, _ in
            found = true; return false
        }
        return found
    }

    /// The nearest point within `r` and its distance.
    func nearest(within r: Double, ofX x: Double, y: Double) -> (index: Int, distance: Double)? {
        var best: (index: Int, distance: Double)?
        forEach(within: r, ofX: x, y: y) { i, d in
            if best == nil || d < best!.distance || (d == best!.distance && i < best!.index) { best = (i, d) }
            return true
        }
        return best
    }
}
