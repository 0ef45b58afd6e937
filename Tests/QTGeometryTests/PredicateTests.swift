import QTGeometry
import Testing

/// Binary predicates (Operations/Predicates.swift) on hand-made squares and points.
@Suite("Predicates")
struct PredicateTests {
    typealias F = GeomFixture

    /// The square A = [0, 10] x [0, 10].
    static let a = F.box(0, 0, 10, 10)

    /// A point against A, with the answers worked out by hand from the definitions:
    /// interior points are contained; boundary points are covered and touch but are not contained.
    struct PointCase: Sendable, CustomTestStringConvertible {
        let x: Double, y: Double
        let intersects, contains, covers, touches: Bool
        var testDescription: String { "(\(x) \(y))" }
    }

    static let pointCases: [PointCase] = [
        PointCase(x: 5, y: 5, intersects: true, contains: true, covers: true, touches: false), // interior
        PointCase(x: 10, y: 5, intersects: true, contains: false, covers: true, touches: true), // on the east edge
        PointCase(x: 0, y: 0, intersects: true, contains: false, covers: true, touches: true), // a corner
        PointCase(x: 5, y: 10, intersects: true, contains: false, covers: true, touches: true), // on the north edge
        PointCase(x: 11, y: 5, intersects: false, contains: false, covers: false, touches: false), // outside
        PointCase(x: -1e-9, y: 5, intersects: false, contains: false, covers: false, touches: false), // just outside
        PointCase(x: 1e-9, y: 5, intersects: true, contains: true, covers: true, touches: false) // just inside
    ]

    @Test("square vs point", arguments: pointCases)
    func squareVersusPoint(_ c: PointCase) throws {
        let context = try GeometryContext()
        let square = try context.make(Self.a)
        let point = try context.makePoint(x: c.x, y: c.y)
        #expect(try square.intersects(point) == c.intersects)
        #expect(try point.intersects(square) == c.intersects)
        #expect(try square.disjoint(point) == !c.intersects)
        #expect(try square.contains(point) == c.contains)
        #expect(try point.within(square) == c.contains)
        #expect(try square.covers(point) == c.covers)
        #expect(try point.coveredBy(square) == c.covers)
        #expect(try square.touches(point) == c.touches)
        #expect(try point.touches(square) == c.touches)
        // A polygon and a point never overlap (different dimensions), and are never equal.
        #expect(try square.overlaps(point) == false)
        #expect(try square.topologicallyEquals(point) == false)
        // The point does not contain the square.
        #expect(try point.contains(square) == false)
    }

    /// Another square against A, the answers by hand.
    struct SquareCase: Sendable, CustomTestStringConvertible {
        let name: String
        let box: (Double, Double, Double, Double)
        let intersects, aContains, aCovers, within, touches, overlaps, equals: Bool
        var testDescription: String { name }
    }

    static let squareCases: [SquareCase] = [
        // [5,15]^2 shares the interior [5,10]^2 with A, and each has points outside the other.
        SquareCase(
            name: "overlapping", box: (5, 5, 15, 15),
            intersects: true, aContains: false, aCovers: false, within: false, touches: false, overlaps: true, equals: false),
        // [10,20]x[0,10] shares only the edge x = 10.
        SquareCase(
            name: "edge-adjacent", box: (10, 0, 20, 10),
            intersects: true, aContains: false, aCovers: false, within: false, touches: true, overlaps: false, equals: false),
        // [10,20]^2 shares only the corner (10, 10).
        SquareCase(
            name: "corner-adjacent", box: (10, 10, 20, 20),
            intersects: true, aContains: false, aCovers: false, within: false, touches: true, overlaps: false, equals: false),
        // [2,8]^2 lies in A's interior.
        SquareCase(
            name: "inside", box: (2, 2, 8, 8),
            intersects: true, aContains: true, aCovers: true, within: true, touches: false, overlaps: false, equals: false),
        // [0,5]x[0,10] lies in A and shares part of A's boundary: still contained (interiors meet).
        SquareCase(
            name: "inside, sharing edges", box: (0, 0, 5, 10),
            intersects: true, aContains: true, aCovers: true, within: true, touches: false, overlaps: false, equals: false),
        // [20,30]^2 is far away.
        SquareCase(
            name: "disjoint", box: (20, 20, 30, 30),
            intersects: false, aContains: false, aCovers: false, within: false, touches: false, overlaps: false, equals: false),
        // A itself.
        SquareCase(
            name: "identical", box: (0, 0, 10, 10),
            intersects: true, aContains: true, aCovers: true, within: true, touches: false, overlaps: false, equals: true)
    ]

    @Test("square vs square", arguments: squareCases)
    func squareVersusSquare(_ c: SquareCase) throws {
        let context = try GeometryContext()
        let square = try context.make(Self.a)
        let other = try context.make(F.box(c.box.0, c.box.1, c.box.2, c.box.3))
        #expect(try square.intersects(other) == c.intersects)
        #expect(try other.intersects(square) == c.intersects)
        #expect(try square.disjoint(other) == !c.intersects)
        #expect(try square.contains(other) == c.aContains)
        #expect(try square.covers(other) == c.aCovers)
        #expect(try other.within(square) == c.within)
        #expect(try other.coveredBy(square) == c.aCovers)
        #expect(try square.touches(other) == c.touches)
        #expect(try square.overlaps(other) == c.overlaps)
        #expect(try other.overlaps(square) == c.overlaps)
        #expect(try square.topologicallyEquals(other) == c.equals)
    }

    @Test("a line along A's edge is covered by A but not contained in it")
    func edgeLine() throws {
        let context = try GeometryContext()
        let square = try context.make(Self.a)
        // The segment (2 0)-(8 0) lies in A's boundary only: no interior point in common.
        let edge = try context.make(F.line([(2, 0), (8, 0)]))
        #expect(try square.contains(edge) == false)
        #expect(try square.covers(edge) == true)
        #expect(try edge.within(square) == false)
        #expect(try edge.coveredBy(square) == true)
        #expect(try square.touches(edge) == true)
        // A segment from the interior to the boundary is contained (it has interior points in A's interior).
        let spoke = try context.make(F.line([(5, 5), (10, 5)]))
        #expect(try square.contains(spoke) == true)
        #expect(try square.touches(spoke) == false)
        // A segment crossing the boundary is neither contained nor covered, but intersects.
        let crossing = try context.make(F.line([(5, 5), (15, 5)]))
        #expect(try square.contains(crossing) == false)
        #expect(try square.covers(crossing) == false)
        #expect(try square.intersects(crossing) == true)
    }

    @Test("equality is topological: vertex order, start vertex and extra collinear vertices do not matter")
    func topologicalEquality() throws {
        let context = try GeometryContext()
        let square = try context.make(Self.a)
        // Same square, clockwise, starting at (10 10), with an extra vertex (5 0) on the south edge.
        let same = try context.make(.polygon(Polygon(exterior: F.ring([(10, 10), (10, 0), (5, 0), (0, 0), (0, 10)]))))
        #expect(try square.topologicallyEquals(same))
        #expect(try same.topologicallyEquals(square))
        // A as two halves [0,5]x[0,10] and [5,10]x[0,10] in a multi-polygon is the same point set.
        let halves = try context.make(
            .multiPolygon(
                MultiPolygon([
                    Polygon(exterior: F.boxRing(0, 0, 5, 10)), Polygon(exterior: F.boxRing(5, 0, 10, 10))
                ])))
        #expect(try square.topologicallyEquals(halves))
    }

    @Test("isWithinDistance at, below and above hand-worked distances")
    func withinDistance() throws {
        let context = try GeometryContext()
        let square = try context.make(Self.a)
        // (13, 14) is nearest A's corner (10, 10): sqrt(3^2 + 4^2) = sqrt(25) = 5 exactly.
        let p = try context.makePoint(x: 13, y: 14)
        #expect(try square.isWithinDistance(5, of: p) == true) // distance <= 5
        #expect(try square.isWithinDistance(4.999, of: p) == false)
        #expect(try p.isWithinDistance(5.001, of: square) == true)
        // [20,30]^2 to A: corner to corner, sqrt(10^2 + 10^2) = 14.1421356...
        let far = try context.make(F.box(20, 20, 30, 30))
        #expect(try square.isWithinDistance(14.15, of: far) == true)
        #expect(try square.isWithinDistance(14.14, of: far) == false)
        // Anything inside A is within distance 0.
        #expect(try square.isWithinDistance(0, of: context.makePoint(x: 3, y: 3)) == true)
    }

    @Test("empty geometries intersect nothing and are contained in nothing")
    func emptyGeometries() throws {
        let context = try GeometryContext()
        let square = try context.make(Self.a)
        for empty in [
            Geometry.point(Point(nil)), .lineString(LineString([])), .polygon(Polygon(rings: [])),
            .geometryCollection(GeometryCollection([]))
        ] {
            let e = try context.make(empty)
            #expect(try square.intersects(e) == false, "\(empty)")
            #expect(try e.intersects(square) == false, "\(empty)")
            #expect(try square.disjoint(e) == true, "\(empty)")
            #expect(try square.contains(e) == false, "\(empty)")
            #expect(try square.covers(e) == false, "\(empty)")
            #expect(try e.within(square) == false, "\(empty)")
            #expect(try e.coveredBy(square) == false, "\(empty)")
            #expect(try square.touches(e) == false, "\(empty)")
            #expect(try square.overlaps(e) == false, "\(empty)")
            #expect(try square.topologicallyEquals(e) == false, "\(empty)")
            #expect(try square.isWithinDistance(1e12, of: e) == false, "\(empty)")
        }
        // Two empty geometries are the same (empty) point set, whatever their types.
        let emptyPoint = try context.make(.point(Point(nil)))
        let emptyPolygon = try context.make(.polygon(Polygon(rings: [])))
        #expect(try emptyPoint.topologicallyEquals(emptyPolygon) == true)
        #expect(try emptyPoint.intersects(emptyPolygon) == false)
    }
}
