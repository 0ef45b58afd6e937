import QTGeometry
import Testing

/// The densifying bound: vertices counted by hand, and the step doubled until the count is under the bound.
@Suite("Densify bound") struct DensifyBoundTests {
    /// (0,0)→(1,0.5) at 0.1: the edge spans 1 in x, ⌈1/0.1⌉ = 10 segments, 9 new vertices. A unit square
    /// at 0.3: ⌈3.33⌉ = 4 segments an edge, 3 new vertices each, 12 in all. Points add none, at any step.
    @Test func countsByHand() throws {
        let line = Geometry.lineString(LineString([Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 0.5)]))
        #expect(line.verticesAddedByDensifying(step: 0.1) == 9)
        let square = Geometry.polygon(
            Polygon(rings: [
                [
                    Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 0), Coordinate(x: 1, y: 1),
                    Coordinate(x: 0, y: 1), Coordinate(x: 0, y: 0)
                ]
            ]))
        #expect(square.verticesAddedByDensifying(step: 0.3) == 12)
        #expect(Geometry.geometryCollection(GeometryCollection([line, square])).verticesAddedByDensifying(step: 0.3) == 3 + 12)
        #expect(Geometry.point(Point(x: 5, y: 5)).verticesAddedByDensifying(step: 1e-9) == 0)
        #expect(Geometry.lineString(LineString([])).verticesAddedByDensifying(step: 0.1) == 0)
    }

    /// 9 vertices at 0.1 is over a bound of 4; at 0.2, ⌈5⌉ − 1 = 4 is not: the step chosen is 0.2. Under
    /// the bound the step is left alone.
    @Test func theStepDoublesUntilUnderTheBound() {
        let line = Geometry.lineString(LineString([Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 0.5)]))
        #expect(line.densifyStep(0.1, maximumAddedVertices: 4) == 0.2)
        #expect(line.densifyStep(0.1, maximumAddedVertices: 9) == 0.1)
        #expect(line.densifyStep(0.1, maximumAddedVertices: 0) == 1.6) // ⌈1/1.6⌉ − 1 = 0 (0.8 leaves 1)
    }

    /// The fuzzed case: one 100° edge at 1e-4° would add a million vertices; under a bound of 100,000 the
    /// step becomes 1e-4 · 2⁴ = 0.0016° (62,500 segments), the first doubling under the bound.
    @Test func aContinentWideEdgeIsCoarsened() {
        let edge = Geometry.lineString(LineString([Coordinate(x: 20.3095, y: 30.3005), Coordinate(x: 120.3095, y: 30.3005)]))
        #expect(edge.verticesAddedByDensifying(step: 1e-4) > 999_990)
        let step = edge.densifyStep(1e-4, maximumAddedVertices: 100_000)
        #expect(abs(step - 0.0016) < 1e-12)
        #expect(edge.verticesAddedByDensifying(step: step) <= 100_000)
        #expect(edge.verticesAddedByDensifying(step: step / 2) > 100_000)
    }
}
