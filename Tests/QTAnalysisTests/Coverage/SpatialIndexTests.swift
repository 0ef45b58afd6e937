import QTGeometry
import QTModel
import Testing

@testable import QTAnalysis

/// The hand-written indexes against independent answers: brute force, and GEOS's own distance.
@Suite struct SpatialIndexTests {
    @Test func pointGridAgreesWithBruteForce() {
        var rng = SeededGenerator(seed: 11)
        let facilities = (0..<300).map { _ in (rng.unit() * 20_000, rng.unit() * 20_000) }
        let grid = PointGrid(xs: facilities.map(\.0), ys: facilities.map(\.1), cell: 1000)
        for radius in [300.0, 1000, 2500] {
            for _ in 0..<2000 {
                let x = rng.unit() * 22_000 - 1000, y = rng.unit() * 22_000 - 1000
                var brute: (Int, Double)?
                for (k, f) in facilities.enumerated() {
                    let dx = f.0 - x, dy = f.1 - y
                    let d = (dx * dx + dy * dy).squareRoot()
                    if d <= radius && (brute == nil || d < brute!.1) { brute = (k, d) }
                }
                #expect(grid.anyWithin(radius, ofX: x, y: y) == (brute != nil))
                let found = grid.nearest(within: radius, ofX: x, y: y)
                #expect(found?.index == brute?.0)
                if let found, let brute { #expect(abs(found.distance - brute.1) < 1e-9) }
            }
        }
    }

    @Test func edgeLocatorFindsTheNearestPointThatGEOSMeasures() throws {
        var rng = SeededGenerator(seed: 5)
        var edges: [StreetEdge] = []
        for _ in 0..<200 {
            let x = rng.unit() * 5000, y = rng.unit() * 5000
            let points = [(x, y), (x + rng.unit() * 400 - 200, y + rng.unit() * 400 - 200), (x + rng.unit() * 400 - 200, y + rng.unit() * 400 - 200)]
            edges.append(NetworkTimesTests.edge(points))
        }
        let graph = StreetGraph(edges: edges)
        let locator = EdgeLocator(graph: graph, cell: 150)
        let context = try GeometryContext()
        let lines = try (0..<graph.edgeCount).map { try context.make(.lineString(LineString(graph.polyline($0)))) }
        for _ in 0..<500 {
            let x = rng.unit() * 6000 - 500, y = rng.unit() * 6000 - 500
            let point = try context.makePoint(x: x, y: y)
            let distances = try lines.map { try $0.distance(to: point) }
            let nearest = distances.min()!
            guard let p = locator.locate(x: x, y: y, maxDistance: 10_000) else {
                Issue.record("no edge found for (\(x), \(y))")
                continue
            }
            #expect(abs(p.access - nearest) < 1e-6, "locator \(p.access) vs GEOS \(nearest)")
            #expect(abs(distances[Int(p.edge)] - nearest) < 1e-6)
            // The offset names a point on the edge at the access distance from the query point.
            let q = graph.point(edge: Int(p.edge), offset: p.offset)
            #expect(abs(((q.x - x) * (q.x - x) + (q.y - y) * (q.y - y)).squareRoot() - p.access) < 1e-6)
            #expect(p.offset >= 0 && p.offset <= graph.length[Int(p.edge)] + 1e-9)
        }
        #expect(locator.locate(x: -5000, y: -5000, maxDistance: 100) == nil)
    }
}
