import QTGeometry

/// Turns the cells of a ``TravelTimeField`` at or under a threshold into polygons, with GEOS doing the
/// dissolving.
///
/// Each row's run of qualifying cells becomes one rectangle. Its top and bottom edges get a vertex wherever
/// a run of the row above or below starts or ends, so that two runs that touch share identical segments;
/// the rectangles then form a clean coverage and `GEOSCoverageUnion` dissolves them (it only drops shared
/// segments, much faster than an overlay union). `GEOSNormalize` then starts every ring at its lowest-left
/// vertex (always a true corner) and a `GEOSSimplify` at tolerance 0 removes the vertices left in the middle
/// of straight edges (Douglas–Peucker keeps a ring's first vertex, hence the normalising).
enum RasterPolygons {
    /// The union of cells whose value is ≤ `threshold`, as a polygon or multi-polygon (possibly empty).
    static func polygons(_ field: TravelTimeField, threshold: Float, context: GeometryContext) throws -> NativeGeometry {
        let runs = self.runs(field, threshold: threshold)
        var polygons: [Polygon] = []
        let size = field.cell
        func x(_ column: Int) -> Double { field.originX + Double(column) * size }
        for r in 0..<field.rows {
            let below = r > 0 ? runs[r - 1] : [], above = r + 1 < field.rows ? runs[r + 1] : []
            let y0 = field.originY + Double(r) * size, y1 = y0 + size
            for run in runs[r] {
                var ring = [Coordinate(x: x(run.lowerBound), y: y0)]
                for split in splits(of: run, by: below) { ring.append(Coordinate(x: x(split), y: y0)) }
                ring.append(Coordinate(x: x(run.upperBound), y: y0))
                ring.append(Coordinate(x: x(run.upperBound), y: y1))
                for split in splits(of: run, by: above).reversed() { ring.append(Coordinate(x: x(split), y: y1)) }
                ring.append(Coordinate(x: x(run.lowerBound), y: y1))
                ring.append(ring[0])
                polygons.append(Polygon(exterior: ring))
            }
        }
        guard !polygons.isEmpty else { return try context.make(.multiPolygon(MultiPolygon([]))) }
        let cells = try context.make(.multiPolygon(MultiPolygon(polygons)))
        return try cells.coverageUnion().normalized().simplify(tolerance: 0, preserveTopology: false)
    }

    /// Per row, the column ranges of qualifying cells.
    static func runs(_ field: TravelTimeField, threshold: Float) -> [[Range<Int>]] {
        var out: [[Range<Int>]] = Array(repeating: [], count: field.rows)
        guard !field.values.isEmpty else { return out }
        for r in 0..<field.rows {
            var start: Int?
            let base = r * field.columns
            for c in 0..<field.columns {
                let inside = field.values[base + c] <= threshold
                if inside, start == nil { start = c }
                if !inside, let s = start { out[r].append(s..<c); start = nil }
            }
            if let s = start { out[r].append(s..<field.columns) }
        }
        return out
    }

    /// The ends of `neighbours`' runs strictly inside `run`, ascending.
    private static func splits(of run: Range<Int>, by neighbours: [Range<Int>]) -> [Int] {
        var out: [Int] = []
        // Runs are sorted and disjoint: binary search the first that ends after the run starts.
        var lo = 0, hi = neighbours.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if neighbours[mid].upperBound <= run.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        var i = lo
        while i < neighbours.count, neighbours[i].lowerBound < run.upperBound {
            let n = neighbours[i]
            if n.lowerBound > run.lowerBound { out.append(n.lowerBound) }
            if n.upperBound < run.upperBound { out.append(n.upperBound) }
            i += 1
        }
        return out
    }
}
