import QTGeometry
import Testing

/// Area, length and distance (Operations/Measurement.swift) against hand-worked values.
@Suite("Measurement")
struct MeasurementTests {
    typealias F = GeomFixture

    @Test("a 10 x 20 rectangle: area 200, perimeter 60")
    func rectangle() throws {
        let context = try GeometryContext()
        let r = try context.make(F.box(0, 0, 10, 20))
        #expect(F.close(try r.area(), 10 * 20)) // 200
        #expect(F.close(try r.length(), 2 * (10 + 20))) // 60
        // The same rectangle built from an envelope, elsewhere in the plane.
        let moved = try context.makeRectangle(Envelope(minX: 500_000, minY: 3_300_000, maxX: 500_010, maxY: 3_300_020))
        #expect(F.close(try moved.area(), 200, 1e-6))
        #expect(F.close(try moved.length(), 60, 1e-6))
    }

    @Test("a polygon with a hole: the hole's area is removed and its perimeter added")
    func polygonWithHole() throws {
        let context = try GeometryContext()
        // Shell 10 x 10 = 100, hole [2,4] x [2,5] = 2 x 3 = 6.
        let g = try context.make(
            .polygon(
                Polygon(
                    exterior: F.boxRing(0, 0, 10, 10),
                    holes: [F.boxRing(2, 2, 4, 5)])))
        #expect(F.close(try g.area(), 100 - 6)) // 94
        #expect(F.close(try g.length(), 4 * 10 + 2 * (2 + 3))) // 40 + 10 = 50
    }

    @Test("a right triangle and a multi-polygon")
    func triangleAndMulti() throws {
        let context = try GeometryContext()
        // Legs 3 and 4: area 3 * 4 / 2 = 6, perimeter 3 + 4 + 5 = 12.
        let t = try context.make(.polygon(Polygon(exterior: F.ring([(0, 0), (3, 0), (0, 4)]))))
        #expect(F.close(try t.area(), 6))
        #expect(F.close(try t.length(), 12))
        // The triangle plus a disjoint unit square: 6 + 1 = 7, perimeter 12 + 4 = 16.
        let m = try context.make(
            .multiPolygon(
                MultiPolygon([
                    Polygon(exterior: F.ring([(0, 0), (3, 0), (0, 4)])), Polygon(exterior: F.boxRing(10, 10, 11, 11))
                ])))
        #expect(F.close(try m.area(), 7))
        #expect(F.close(try m.length(), 16))
    }

    /// Irregular polygons whose area and perimeter are checked against an independent shoelace/segment loop.
    static let irregular: [[Coordinate]] = [
        GeomFixture.ring([(0, 0), (4, 0), (4, 3), (2, 5), (0, 3)]),
        GeomFixture.ring([(1.5, -2.25), (7.75, 0.5), (6, 6.125), (3.5, 2), (0.25, 4)]),
        GeomFixture.ring([(0, 0), (10, 0), (10, 10), (7, 10), (7, 3), (3, 3), (3, 10), (0, 10)])
    ]

    @Test("area and perimeter agree with a shoelace loop", arguments: irregular)
    func shoelace(_ ring: [Coordinate]) throws {
        let context = try GeometryContext()
        let g = try context.make(.polygon(Polygon(exterior: ring)))
        #expect(F.close(try g.area(), F.shoelaceArea(ring)))
        #expect(F.close(try g.length(), F.pathLength(ring)))
    }

    @Test("lines have length and no area; points have neither")
    func linesAndPoints() throws {
        let context = try GeometryContext()
        // (0 0)-(3 4) is 5 long, (3 4)-(3 10) is 6 long.
        let line = try context.make(F.line([(0, 0), (3, 4), (3, 10)]))
        #expect(F.close(try line.length(), 5 + 6))
        #expect(try line.area() == 0)
        // Two lines in a multi-line-string: 11 + 2 (from (0 -1) to (2 -1)).
        let multi = try context.make(
            .multiLineString(
                MultiLineString([
                    LineString([Coordinate(x: 0, y: 0), Coordinate(x: 3, y: 4), Coordinate(x: 3, y: 10)]),
                    LineString([Coordinate(x: 0, y: -1), Coordinate(x: 2, y: -1)])
                ])))
        #expect(F.close(try multi.length(), 13))
        let point = try context.makePoint(x: 1, y: 1)
        #expect(try point.area() == 0)
        #expect(try point.length() == 0)
        #expect(try context.make(.polygon(Polygon(rings: []))).area() == 0)
    }

    @Test("distances between points, squares and lines")
    func distances() throws {
        let context = try GeometryContext()
        let square = try context.make(F.box(0, 0, 10, 10))
        // (13, 14) to the corner (10, 10): sqrt(3^2 + 4^2) = 5.
        #expect(F.close(try square.distance(to: context.makePoint(x: 13, y: 14)), 5))
        // (15, 5) to the east edge x = 10: 5.
        #expect(F.close(try square.distance(to: context.makePoint(x: 15, y: 5)), 5))
        // (5, -5) to the south edge y = 0: 5; symmetric.
        let below = try context.makePoint(x: 5, y: -5)
        #expect(F.close(try below.distance(to: square), 5))
        // Inside or on the boundary: 0.
        #expect(try square.distance(to: context.makePoint(x: 5, y: 5)) == 0)
        #expect(try square.distance(to: context.makePoint(x: 10, y: 3)) == 0)
        // Square to square: [0,1]^2 and [4,5]x[5,6]: corner (1,1) to corner (4,5) = sqrt(9 + 16) = 5.
        let unit = try context.make(F.box(0, 0, 1, 1))
        #expect(F.close(try unit.distance(to: context.make(F.box(4, 5, 5, 6))), 5))
        // Point to the line y = x through (0 0)-(10 10): (0, 2) is |0 - 2| / sqrt(2) = sqrt(2) away.
        let diagonal = try context.make(F.line([(0, 0), (10, 10)]))
        #expect(F.close(try diagonal.distance(to: context.makePoint(x: 0, y: 2)), 2.0.squareRoot()))
        // Point to point: (1, 1) to (4, 5) = 5.
        #expect(F.close(try context.makePoint(x: 1, y: 1).distance(to: context.makePoint(x: 4, y: 5)), 5))
    }

    @Test("distance is consistent with isWithinDistance for a batch of seeded points")
    func distanceMatchesWithinDistance() throws {
        let context = try GeometryContext()
        let square = try context.make(F.box(0, 0, 10, 10))
        var rng = GeomSeededGenerator(seed: 7)
        for _ in 0..<50 {
            let x = Double.random(in: -20...30, using: &rng), y = Double.random(in: -20...30, using: &rng)
            // Independent distance to the box: the clamped offsets dx, dy.
            let dx = max(0 - x, 0, x - 10), dy = max(0 - y, 0, y - 10)
            let expected = (dx * dx + dy * dy).squareRoot()
            let p = try context.makePoint(x: x, y: y)
            let d = try square.distance(to: p)
            #expect(F.close(d, expected, 1e-9), "(\(x) \(y))")
            #expect(try square.isWithinDistance(expected + 1e-6, of: p), "(\(x) \(y))")
            if expected > 1e-6 {
                #expect(try !square.isWithinDistance(expected - 1e-6, of: p), "(\(x) \(y))")
            }
        }
    }
}
