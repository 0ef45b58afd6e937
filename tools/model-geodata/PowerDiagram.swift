import QTGeometry

/// Splits a region into cells of given areas with a power diagram (an additively weighted Voronoi diagram):
/// each site owns the points x where |x − pᵢ|² − wᵢ is smallest, and the weights wᵢ are adjusted until
/// every cell has its target area. Cells are straight-edged, convex within the region, and tile it exactly:
/// each cell is cut from what the previous cells left, so there is no gap or overlap by construction.
///
/// GEOS has no power diagram (its Voronoi diagram is unweighted), so the half-planes are built here: each is
/// a 400 km square on one side of the bisector line, intersected with the region by GEOS.
struct PowerDiagram {
    let frame: ModelFrame
    let region: NativeGeometry
    let sites: [Coordinate]
    /// Target areas in m², in the order of `sites`; scaled here to add up to the region's area.
    let targets: [Double]

    /// Runs the weight iteration; returns the cells (metres) and the final relative area errors.
    func solve(iterations: Int = 200, tolerance: Double = 0.002) throws -> (cells: [NativeGeometry], errors: [Double]) {
        let regionArea = try region.area()
        let scale = regionArea / targets.reduce(0, +)
        let goal = targets.map { $0 * scale }
        var weights = [Double](repeating: 0, count: sites.count)
        var cells: [NativeGeometry] = []
        var errors: [Double] = []
        for _ in 0..<iterations {
            cells = try self.cells(weights)
            let areas = try cells.map { try $0.area() }
            errors = zip(areas, goal).map { ($0 - $1) / $1 }
            if errors.allSatisfy({ abs($0) < tolerance }) { break }
            for i in sites.indices {
                // Moving wᵢ by δ moves the bisector with j by δ / (2 dᵢⱼ): the cell grows by about
                // perimeter × δ / (2 d̄). Half that step, for stability.
                let perimeter = max(try cells[i].length(), 1)
                let meanDistance = sites.indices.filter { $0 != i }
                    .map { distance(sites[i], sites[$0]) }.reduce(0, +) / Double(max(sites.count - 1, 1))
                weights[i] += 0.5 * (goal[i] - areas[i]) * 2 * meanDistance / perimeter
            }
        }
        return (cells, errors)
    }

    /// The cells for given weights, each cut from what the earlier ones left.
    func cells(_ weights: [Double]) throws -> [NativeGeometry] {
        var remaining = region
        var result: [NativeGeometry] = []
        for i in sites.indices {
            if i == sites.count - 1 {
                result.append(remaining)
                break
            }
            var cell = remaining
            for j in sites.indices where j > i {
                cell = try cell.intersection(try halfPlane(i, j, weights))
            }
            cell = try frame.polygonal(cell)
            result.append(cell)
            remaining = try frame.polygonal(try remaining.difference(cell))
        }
        return result
    }

    /// {x : |x − pᵢ|² − wᵢ ≤ |x − pⱼ|² − wⱼ}, as a large polygon. Coordinates are taken relative to site i
    /// to keep the arithmetic small.
    private func halfPlane(_ i: Int, _ j: Int, _ w: [Double]) throws -> NativeGeometry {
        let origin = sites[i]
        let n = Coordinate(x: sites[j].x - origin.x, y: sites[j].y - origin.y)  // points towards j
        let nn = n.x * n.x + n.y * n.y
        // With pᵢ at the origin: 2 x·n ≤ |n|² + wᵢ − wⱼ.
        let c = (nn + w[i] - w[j]) / 2
        let length = nn.squareRoot()
        let unit = Coordinate(x: n.x / length, y: n.y / length)
        let onLine = Coordinate(x: origin.x + unit.x * c / length, y: origin.y + unit.y * c / length)
        let along = Coordinate(x: -unit.y, y: unit.x)
        let l = 200_000.0
        let ring = [
            Coordinate(x: onLine.x + along.x * l, y: onLine.y + along.y * l),
            Coordinate(x: onLine.x - along.x * l, y: onLine.y - along.y * l),
            Coordinate(x: onLine.x - along.x * l - unit.x * 2 * l, y: onLine.y - along.y * l - unit.y * 2 * l),
            Coordinate(x: onLine.x + along.x * l - unit.x * 2 * l, y: onLine.y + along.y * l - unit.y * 2 * l),
        ]
        return try frame.context.make(.polygon(Polygon(exterior: ring + [ring[0]])))
    }

    private func distance(_ a: Coordinate, _ b: Coordinate) -> Double {
        ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
    }
}
