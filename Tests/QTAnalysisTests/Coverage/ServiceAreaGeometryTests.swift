import QTGeometry
import Testing

@testable import QTAnalysis

/// Service-area polygons: valid, nested, following the streets (inside the reachable streets' buffer and
/// covering them), on a hand-made grid network.
@Suite struct ServiceAreaGeometryTests {
    /// A 6 × 6 grid of streets 200 m apart (1 m/s), with one diagonal street removed so the areas are not
    /// symmetric.
    static func grid() -> StreetGraph {
        var edges: [StreetEdge] = []
        for i in 0..<6 {
            for j in 0..<6 {
                let x = Double(i) * 200, y = Double(j) * 200
                if i < 5 { edges.append(NetworkTimesTests.edge([(x, y), (x + 200, y)])) }
                if j < 5 && !(i == 2 && j == 2) { edges.append(NetworkTimesTests.edge([(x, y), (x, y + 200)])) }
            }
        }
        return StreetGraph(edges: edges)
    }

    @Test func bandsAreValidNestedAndFollowTheStreets() throws {
        let graph = Self.grid()
        let source = EdgePosition(edge: 0, offset: 30, access: 0)
        let times = NetworkTimes(graph: graph, sources: [source], direction: .toFacility, walkSpeed: 1)
        let access = 50.0, cell = 10.0
        let field = TravelTimeField(times: times, access: access, cell: cell, limit: 600)
        let context = try GeometryContext()
        var previous: NativeGeometry?
        for limit in [200.0, 400, 600] {
            let area = try RasterPolygons.polygons(field, threshold: Float(limit), context: context)
            #expect(try area.isValid())
            #expect(try !area.isEmpty())
            if let previous { #expect(try area.covers(previous), "band \(limit) must cover the band before it") }
            previous = area
            // The reachable network: the stretches of every edge within `limit`, sampled each metre.
            var reached: [LineString] = []
            var unreached: [Coordinate] = []
            for e in 0..<graph.edgeCount {
                var run: [Coordinate] = []
                var offset = 0.0
                while offset <= graph.length[e] {
                    let p = graph.point(edge: e, offset: offset)
                    let t = times.seconds(edge: e, offset: offset)
                    if t <= limit {
                        run.append(p)
                    } else {
                        if run.count >= 2 { reached.append(LineString(run)) }
                        run = []
                        if t > limit + 2 * cell { unreached.append(p) }
                    }
                    offset += 1
                }
                if run.count >= 2 { reached.append(LineString(run)) }
            }
            let network = try context.make(.multiLineString(MultiLineString(reached)))
            // Follows the streets: inside the reachable streets buffered by the access distance plus one cell
            // diagonal (the grid's resolution), and covering the reachable streets themselves.
            let envelope = try network.buffer(access + cell * 2.squareRoot())
            #expect(try envelope.covers(area))
            #expect(try area.buffer(cell).covers(network))
            // Streets well beyond the limit are at least the access distance away from the area... except where
            // a reachable street passes within it, so test only points far from every reachable one.
            for p in unreached {
                let point = try context.makePoint(x: p.x, y: p.y)
                if try network.distance(to: point) > access + 2 * cell {
                    #expect(try !area.intersects(point))
                }
            }
        }
    }

    @Test func dissolvingCellsKeepsHolesAndTouchingRuns() throws {
        // A hand-set field: a 5 × 5 ring of cells around a hole, and a diagonal neighbour touching at a corner.
        var values = [Float](repeating: .infinity, count: 8 * 8)
        for r in 1...5 { for c in 1...5 where !(r == 3 && c == 3) { values[r * 8 + c] = 1 } }
        values[6 * 8 + 6] = 1
        let field = TravelTimeField(originX: 0, originY: 0, cell: 10, columns: 8, rows: 8, values: values)
        let context = try GeometryContext()
        let area = try RasterPolygons.polygons(field, threshold: 1, context: context)
        #expect(try area.isValid())
        #expect(abs(try area.area() - 2500) < 1e-9) // 24 + 1 cells of 100 m²
        guard case .multiPolygon(let m) = try area.value() else { Issue.record("expected two polygons"); return }
        #expect(m.polygons.count == 2)
        let ring = try #require(m.polygons.first { $0.rings.count == 2 })
        #expect(ring.rings[0].count == 5 && ring.rings[1].count == 5, "\(ring.rings)") // collinear vertices removed
    }
}
