/// A grid of travel times over the district: each cell holds the least time at which the network comes
/// within the access distance of the cell's centre. Thresholding it at M minutes gives the area reachable
/// in M minutes: the reachable streets (partial edges included) buffered by the access distance, at the
/// grid's resolution; every band comes from the same grid, so bands nest exactly.
struct TravelTimeField: Sendable {
    /// South-west corner of the grid (metric CRS).
    let originX: Double, originY: Double
    /// Cell size, metres.
    let cell: Double
    let columns: Int, rows: Int
    /// Seconds per cell, row-major from the south; `.infinity` where nothing is reachable.
    var values: [Float]

    /// Most cells a field may have (a bigger area gets coarser cells): 16 million, 64 MB.
    static let maximumCells = 16_000_000

    /// A field from its parts (tests set cells by hand).
    init(originX: Double, originY: Double, cell: Double, columns: Int, rows: Int, values: [Float]) {
        precondition(values.count == columns * rows, "one value per cell")
        self.originX = originX; self.originY = originY; self.cell = cell
        self.columns = columns; self.rows = rows; self.values = values
    }

    /// The field of `times` for streets reachable within `limit` seconds, buffered by `access` metres, on
    /// cells of `cell` metres (coarsened when the area would need more than ``maximumCells``).
    init(times: NetworkTimes, access: Double, cell requested: Double, limit: Double) {
        let graph = times.graph
        var reached: [Int] = []
        var lo = (x: Double.infinity, y: Double.infinity), hi = (x: -Double.infinity, y: -Double.infinity)
        for e in 0..<graph.edgeCount where times.leastSeconds(edge: e, from: 0, to: graph.length[e]) <= limit {
            reached.append(e)
            for v in Int(graph.vertexStart[e])..<Int(graph.vertexStart[e + 1]) {
                lo = (min(lo.x, graph.vx[v]), min(lo.y, graph.vy[v]))
                hi = (max(hi.x, graph.vx[v]), max(hi.y, graph.vy[v]))
            }
        }
        if reached.isEmpty { lo = (0, 0); hi = (0, 0) }
        var size = requested
        let width = hi.x - lo.x + 2 * access, height = hi.y - lo.y + 2 * access
        while (width / size + 1) * (height / size + 1) > Double(Self.maximumCells) { size *= 1.25 }
        cell = size
        // Align the grid to multiples of the cell size so that fields of one district share cell edges.
        originX = ((lo.x - access) / size).rounded(.down) * size
        originY = ((lo.y - access) / size).rounded(.down) * size
        columns = Int(((hi.x + access - originX) / size).rounded(.up)) + 1
        rows = Int(((hi.y + access - originY) / size).rounded(.up)) + 1
        values = [Float](repeating: .infinity, count: reached.isEmpty ? 0 : columns * rows)
        guard !reached.isEmpty else { return }
        let d2 = access * access
        let (ox, oy, cols, rowCount) = (originX, originY, columns, rows)
        values.withUnsafeMutableBufferPointer { out in
            for e in reached {
                let here = times.sourcesOnEdge[Int32(e)]
                for v in Int(graph.vertexStart[e])..<(Int(graph.vertexStart[e + 1]) - 1) {
                    let ax = graph.vx[v], ay = graph.vy[v], bx = graph.vx[v + 1], by = graph.vy[v + 1]
                    let dx = bx - ax, dy = by - ay
                    let segment = (dx * dx + dy * dy).squareRoot()
                    guard segment > 0 else { continue }
                    let ux = dx / segment, uy = dy / segment
                    let base = graph.vertexOffset[v]
                    let c0 = max(0, Int(((min(ax, bx) - access - ox) / size).rounded(.down)))
                    let c1 = min(cols - 1, Int(((max(ax, bx) + access - ox) / size).rounded(.down)))
                    let r0 = max(0, Int(((min(ay, by) - access - oy) / size).rounded(.down)))
                    let r1 = min(rowCount - 1, Int(((max(ay, by) + access - oy) / size).rounded(.down)))
                    guard c0 <= c1, r0 <= r1 else { continue }
                    for r in r0...r1 {
                        let py = oy + (Double(r) + 0.5) * size - ay
                        for c in c0...c1 {
                            let px = ox + (Double(c) + 0.5) * size - ax
                            let t = px * ux + py * uy // along the segment's line
                            let h2 = px * px + py * py - t * t // squared distance to the line
                            guard h2 <= d2 else { continue }
                            let w = max(0, d2 - h2).squareRoot()
                            let s0 = max(0, t - w), s1 = min(segment, t + w)
                            guard s0 <= s1 else { continue }
                            let seconds = Float(times.leastSeconds(edge: e, from: base + s0, to: base + s1, here: here))
                            let k = r * cols + c
                            if seconds < out[k] { out[k] = seconds }
                        }
                    }
                }
            }
        }
    }
}
