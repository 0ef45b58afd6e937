import Foundation
import QTGeometry
import Testing

/// Buffer, centroid, point on surface, hulls, simplify, makeValid, normalize (Operations/Constructive.swift).
@Suite("Constructive")
struct ConstructiveTests {
    typealias F = GeomFixture

    /// The exterior ring of a polygon result, or a recorded failure.
    static func exteriorRing(_ g: NativeGeometry, sourceLocation: SourceLocation = #_sourceLocation) throws -> [Coordinate] {
        try #require(F.exterior(try g.value()), sourceLocation: sourceLocation)
    }

    // MARK: - Inscribed circle

    @Test("the width of a rectangle is its short side: 100 × 500 → 100, 40 × 1,250 → 40; an L's width its wider arm's")
    func inscribedWidth() throws {
        let context = try GeometryContext()
        let wide = try context.make(F.box(0, 0, 100, 500)), strip = try context.make(F.box(0, 0, 40, 1_250))
        #expect(abs(try wide.inscribedWidth() - 100) <= 0.02)
        #expect(abs(try strip.inscribedWidth() - 40) <= 0.02)
        // The circle's line runs from its centre to the boundary: the centre of a 40 m strip lies 20 m in from the sides.
        var points: [Coordinate] = []
        try strip.maximumInscribedCircle(tolerance: 0.01).value().forEachCoordinate { points.append($0) }
        let start = try #require(points.first)
        #expect(abs(start.x - 20) <= 0.01)
        // An L of a 60 m arm and a 30 m arm: 60 m wide (the largest circle fits in the wider arm).
        let l = try context.make(.polygon(Polygon(exterior: F.ring([(0, 0), (200, 0), (200, 30), (60, 30), (60, 200), (0, 200), (0, 0)]))))
        #expect(abs(try l.inscribedWidth() - 60) <= 0.5)
        #expect(try context.make(.polygon(Polygon(rings: []))).inscribedWidth() == 0)
        #expect(throws: GeometryError.self) { try wide.maximumInscribedCircle(tolerance: 0) }
    }

    // MARK: - Buffer

    @Test("a point buffered with 8 quadrant segments is the regular 32-gon of radius r")
    func pointBuffer() throws {
        let context = try GeometryContext()
        let r = 10.0, cx = 3.0, cy = 4.0
        let disc = try context.makePoint(x: cx, y: cy).buffer(r, style: BufferStyle(quadrantSegments: 8))
        let ring = try Self.exteriorRing(disc)
        // 4 quadrants x 8 segments = 32 edges, so 32 vertices plus the closing repeat.
        #expect(ring.count == 4 * 8 + 1)
        #expect(ring.first == ring.last)
        // Every vertex lies on the circle.
        for c in ring {
            #expect(F.close(((c.x - cx) * (c.x - cx) + (c.y - cy) * (c.y - cy)).squareRoot(), r, 1e-9))
        }
        // Area of a regular n-gon inscribed in radius r: n triangles of area r^2 sin(2π/n) / 2.
        // n = 32: 0.5 * 32 * 100 * sin(π/16) = 1600 * 0.19509032... = 312.14451...
        let expected = 0.5 * 32 * r * r * sin(2 * Double.pi / 32)
        #expect(F.close(try disc.area(), expected, 1e-9))
        #expect(try disc.area() < Double.pi * r * r)
    }

    @Test("flat, square and round caps on a straight line")
    func caps() throws {
        let context = try GeometryContext()
        let line = try context.make(F.line([(0, 0), (10, 0)]))
        let r = 2.0, len = 10.0
        // Flat: the rectangle [0,10] x [-2,2]: area 2 * len * r = 40.
        let flat = try line.buffer(r, style: BufferStyle(cap: .flat))
        #expect(F.close(try flat.area(), 2 * len * r))
        #expect(F.close(try flat.envelope(), Envelope(minX: 0, minY: -2, maxX: 10, maxY: 2)))
        #expect(try Self.exteriorRing(flat).count == 5)
        // Square: the rectangle [-2,12] x [-2,2]: area (len + 2r) * 2r = 14 * 4 = 56.
        let square = try line.buffer(r, style: BufferStyle(cap: .square))
        #expect(F.close(try square.area(), (len + 2 * r) * 2 * r))
        // (GEOS's square-cap corners carry rounding noise, e.g. 2.0000000000000004, hence the tolerance.)
        #expect(F.close(try square.envelope(), Envelope(minX: -2, minY: -2, maxX: 12, maxY: 2)))
        // Round (8 segments per quadrant): the rectangle plus two half 32-gons, i.e. one whole 32-gon of radius 2:
        // 40 + 0.5 * 32 * 4 * sin(π/16) = 40 + 12.4857...
        let round = try line.buffer(r, style: BufferStyle(quadrantSegments: 8, cap: .round))
        #expect(F.close(try round.area(), 2 * len * r + 0.5 * 32 * r * r * sin(2 * Double.pi / 32), 1e-9))
    }

    /// The L line (0 0)-(10 0)-(10 10) buffered by 1 with flat caps: a left turn, so the outer corner is at (11, -1).
    /// Strips: [0,10] x [-1,1] (20) and [9,11] x [0,10] (20), overlapping in [9,10] x [0,1] (1): union 39.
    /// The outer corner square [10,11] x [-1,0] (area 1) is filled by each join to a different degree.
    @Test("mitre, bevel and round joins on an L-shaped line")
    func joins() throws {
        let context = try GeometryContext()
        let l = try context.make(F.line([(0, 0), (10, 0), (10, 10)]))
        let inCorner = try context.makePoint(x: 10.9, y: -0.9) // near the sharp corner (11, -1)

        // Mitre: the whole corner square: 39 + 1 = 40, and the polygon reaches (11, -1).
        let mitre = try l.buffer(1, style: BufferStyle(cap: .flat, join: .mitre))
        #expect(F.close(try mitre.area(), 40))
        #expect(F.close(try mitre.envelope(), Envelope(minX: 0, minY: -1, maxX: 11, maxY: 10)))
        #expect(try mitre.covers(context.makePoint(x: 11, y: -1)))
        #expect(try mitre.contains(inCorner))
        // Hand-made expected shape: (0 -1) (11 -1) (11 10) (9 10) (9 1) (0 1).
        let expectedMitre = try context.make(.polygon(Polygon(exterior: F.ring([(0, -1), (11, -1), (11, 10), (9, 10), (9, 1), (0, 1)]))))
        #expect(try mitre.topologicallyEquals(expectedMitre))

        // Bevel: the corner square minus the triangle (10 -1) (11 -1) (11 0) of area 1/2: 39 + 0.5 = 39.5.
        let bevel = try l.buffer(1, style: BufferStyle(cap: .flat, join: .bevel))
        #expect(F.close(try bevel.area(), 39.5))
        #expect(try !bevel.contains(inCorner))

        // Round: a quarter of a 32-gon around (10, 0): 8 triangles of area sin(π/16) / 2: 39 + 4 sin(π/16).
        let round = try l.buffer(1, style: BufferStyle(quadrantSegments: 8, cap: .flat, join: .round))
        #expect(F.close(try round.area(), 39 + 4 * sin(Double.pi / 16), 1e-9))
        #expect(try round.area() > 39.5 && round.area() < 40)

        // A mitre limit below the corner's ratio (√2 for a right angle) falls back to a bevel.
        let limited = try l.buffer(1, style: BufferStyle(cap: .flat, join: .mitre, mitreLimit: 1))
        #expect(try limited.area() < 40)
        #expect(try !limited.contains(inCorner))
    }

    @Test("a negative buffer shrinks a square by the distance on every side")
    func negativeBuffer() throws {
        let context = try GeometryContext()
        let square = try context.make(F.box(0, 0, 10, 10))
        let inner = try square.buffer(-1)
        // [1,9]^2: 8 * 8 = 64 (inward corners stay sharp).
        #expect(F.close(try inner.area(), 64))
        #expect(F.close(try inner.envelope(), Envelope(minX: 1, minY: 1, maxX: 9, maxY: 9)))
        // Shrinking by more than the half-width leaves nothing.
        #expect(try square.buffer(-6).isEmpty())
        // Buffering an empty geometry gives an empty geometry.
        #expect(try context.make(.point(Point(nil))).buffer(5).isEmpty())
    }

    // MARK: - Centroid and point on surface

    @Test("centroids of a square, an L and a collection of points")
    func centroids() throws {
        let context = try GeometryContext()
        #expect(try context.make(F.box(0, 0, 4, 4)).centroid().value() == F.point(2, 2))
        // L = [0,2]x[0,1] (area 2, centroid (1, 0.5)) + [0,1]x[1,2] (area 1, centroid (0.5, 1.5)):
        // x = (2 * 1 + 1 * 0.5) / 3 = 2.5 / 3, y = (2 * 0.5 + 1 * 1.5) / 3 = 2.5 / 3.
        let l = try context.make(.polygon(Polygon(exterior: F.ring([(0, 0), (2, 0), (2, 1), (1, 1), (1, 2), (0, 2)]))))
        let c = try #require(F.coordinate(try l.centroid().value()))
        #expect(F.close(c.x, 2.5 / 3, 1e-12))
        #expect(F.close(c.y, 2.5 / 3, 1e-12))
        // Points: the mean, ((0 + 4 + 2) / 3, (0 + 0 + 6) / 3) = (2, 2).
        let pts = try context.make(.multiPoint(MultiPoint([Point(x: 0, y: 0), Point(x: 4, y: 0), Point(x: 2, y: 6)])))
        let pc = try #require(F.coordinate(try pts.centroid().value()))
        #expect(F.close(pc.x, 2, 1e-12) && F.close(pc.y, 2, 1e-12))
        // Empty in, empty point out.
        #expect(try context.make(.polygon(Polygon(rings: []))).centroid().value() == .point(Point(nil)))
    }

    @Test("the point on surface of a U-shaped polygon lies inside it, unlike its centroid")
    func pointOnSurface() throws {
        let context = try GeometryContext()
        // U: [0,10]^2 minus the notch [3,7] x [3,10].
        let u = try context.make(.polygon(Polygon(exterior: F.ring([(0, 0), (10, 0), (10, 10), (7, 10), (7, 3), (3, 3), (3, 10), (0, 10)]))))
        let pos = try u.pointOnSurface()
        #expect(try u.contains(pos))
        // The centroid of a U with a deep notch can fall in the notch: area 100 - 28 = 72,
        // y = (100 * 5 - 28 * 6.5) / 72 = (500 - 182) / 72 = 4.4166..., x = 5: (5, 4.41) is in the notch.
        let centroid = try #require(F.coordinate(try u.centroid().value()))
        #expect(F.close(centroid.x, 5, 1e-12))
        #expect(F.close(centroid.y, (500.0 - 182) / 72, 1e-12))
        #expect(try !u.contains(u.centroid()))
        // On a line, the point lies on the line.
        let line = try context.make(F.line([(0, 0), (4, 4), (8, 0)]))
        #expect(try line.intersects(line.pointOnSurface()))
    }

    // MARK: - Hulls

    static let hullPoints: Geometry = .multiPoint(
        MultiPoint([
            Point(x: 0, y: 0), Point(x: 10, y: 0), Point(x: 10, y: 10), Point(x: 0, y: 10),
            Point(x: 5, y: 5), Point(x: 2, y: 3), Point(x: 7, y: 8), Point(x: 5, y: 1), Point(x: 2, y: 8)
        ]))

    @Test("the convex hull of points is the square through the four extreme ones")
    func convexHull() throws {
        let context = try GeometryContext()
        let hull = try context.make(Self.hullPoints).convexHull()
        #expect(F.close(try hull.area(), 100))
        let ring = try Self.exteriorRing(hull)
        #expect(Set(ring) == [Coordinate(x: 0, y: 0), Coordinate(x: 10, y: 0), Coordinate(x: 10, y: 10), Coordinate(x: 0, y: 10)])
        #expect(ring.count == 5)
        // Two points: a segment.
        let two = try context.make(.multiPoint(MultiPoint([Point(x: 0, y: 0), Point(x: 1, y: 1)]))).convexHull()
        #expect(try two.kind() == .lineString)
    }

    @Test("a concave hull of ratio 1 is the convex hull; ratio 0 is tighter and still covers every point")
    func concaveHull() throws {
        let context = try GeometryContext()
        let points = try context.make(Self.hullPoints)
        let convexArea = try points.convexHull().area()
        let loose = try points.concaveHull(ratio: 1)
        #expect(F.close(try loose.area(), convexArea))
        #expect(F.close(try loose.area(), 100))
        let tight = try points.concaveHull(ratio: 0)
        #expect(try tight.area() < convexArea)
        #expect(try tight.covers(points))
        #expect(try tight.isValid())
    }

    // MARK: - Simplify

    @Test(
        "simplify drops a vertex 0.01 off the line at tolerance 0.1 and keeps it at 0.001",
        arguments: [true, false])
    func simplifyLine(preserveTopology: Bool) throws {
        let context = try GeometryContext()
        let line = try context.make(F.line([(0, 0), (5, 0.01), (10, 0)]))
        #expect(try line.simplify(tolerance: 0.1, preserveTopology: preserveTopology).value() == F.line([(0, 0), (10, 0)]))
        #expect(
            try line.simplify(tolerance: 0.001, preserveTopology: preserveTopology).value()
                == F.line([(0, 0), (5, 0.01), (10, 0)]))
    }

    @Test("simplify straightens a dented square back to area 100")
    func simplifyPolygon() throws {
        let context = try GeometryContext()
        // The south edge is dented up to (5, 0.01): area 100 - 10 * 0.01 / 2 = 99.95.
        let dented = try context.make(.polygon(Polygon(exterior: F.ring([(0, 0), (5, 0.01), (10, 0), (10, 10), (0, 10)]))))
        #expect(F.close(try dented.area(), 99.95))
        for preserve in [true, false] {
            let s = try dented.simplify(tolerance: 0.1, preserveTopology: preserve)
            #expect(F.close(try s.area(), 100))
            #expect(try Self.exteriorRing(s).count == 5)
        }
    }

    /// A zig-zag line along the x axis: vertex i at (i, ±1), `count` vertices.
    static func zigZag(_ count: Int) -> [Coordinate] {
        (0..<count).map { Coordinate(x: Double($0), y: $0 % 2 == 0 ? 1 : -1) }
    }

    /// GEOS's Douglas-Peucker splits a zig-zag one vertex at a time: 100,000 vertices are 100,000 levels of
    /// recursion (16 MB, over a thread's 8 MB stack: a segmentation fault before sections) and 5·10⁹ distances.
    @Test("a 100,000-vertex zig-zag simplifies in sections: every vertex kept below its amplitude", arguments: [true, false])
    func simplifyLongZigZagKeepsItsVertices(preserveTopology: Bool) throws {
        let context = try GeometryContext()
        let line = Self.zigZag(100_000)
        let simplified = try context.make(.lineString(LineString(line))).simplify(tolerance: 0.5, preserveTopology: preserveTopology)
        // Every vertex is 2 from the chord of its neighbours, over the tolerance: all kept, in order.
        #expect(try simplified.value() == .lineString(LineString(line)))
    }

    /// Above the amplitude a section collapses to its end vertices: vertices 0, 999, 1998, … and the last one
    /// (sections of 1,000 vertices share their ends), every dropped vertex within 2 of the result.
    @Test("a long zig-zag above its amplitude keeps only the sections' end vertices", arguments: [true, false])
    func simplifyLongZigZagCollapsesPerSection(preserveTopology: Bool) throws {
        let context = try GeometryContext()
        let count = 10_000
        let simplified = try context.make(.lineString(LineString(Self.zigZag(count)))).simplify(tolerance: 2.5, preserveTopology: preserveTopology)
        let expected = Array(stride(from: 0, to: count - 1, by: 999)) + [count - 1]
        #expect(try simplified.value() == .lineString(LineString(expected.map { Self.zigZag(count)[$0] })))
    }

    @Test("a ring of a long zig-zag stays a closed ring of at least four vertices")
    func simplifyLongZigZagRing() throws {
        let context = try GeometryContext()
        // The zig-zag along y = ±1, closed by a box edge at y = 10.
        var ring = Self.zigZag(5_001)
        ring += [Coordinate(x: 5_000, y: 10), Coordinate(x: 0, y: 10), ring[0]]
        let polygon = try context.make(.polygon(Polygon(exterior: ring)))
        let simplified = try Self.exteriorRing(try polygon.simplify(tolerance: 0.5, preserveTopology: false))
        #expect(simplified == ring)
        let collapsed = try Self.exteriorRing(try polygon.simplify(tolerance: 20, preserveTopology: false))
        #expect(collapsed.first == collapsed.last)
        #expect(collapsed.count >= 4)
    }

    // MARK: - makeValid and normalize

    @Test("makeValid turns the bow-tie into two triangles of total area 2", arguments: [MakeValidMethod.linework, .structure])
    func makeValidBowTie(method: MakeValidMethod) throws {
        let context = try GeometryContext()
        let bowTie = try context.make(F.bowTie)
        #expect(try !bowTie.isValid())
        let fixed = try bowTie.makeValid(method: method)
        #expect(try fixed.isValid())
        #expect(try fixed.kind() == .multiPolygon)
        #expect(try fixed.geometryCount() == 2)
        // Triangles (0 0)(1 1)(0 2) and (2 0)(1 1)(2 2): base 2, height 1, area 1 each.
        #expect(F.close(try fixed.area(), 2 * (0.5 * 2 * 1)))
        #expect(try fixed.contains(context.makePoint(x: 0.5, y: 1)))
        #expect(try fixed.contains(context.makePoint(x: 1.5, y: 1)))
        #expect(try !fixed.intersects(context.makePoint(x: 1, y: 0.5)))
        let expected = try context.make(
            .multiPolygon(
                MultiPolygon([
                    Polygon(exterior: F.ring([(0, 0), (1, 1), (0, 2)])), Polygon(exterior: F.ring([(2, 0), (1, 1), (2, 2)]))
                ])))
        #expect(try fixed.topologicallyEquals(expected))
    }

    @Test("makeValid leaves a valid polygon unchanged", arguments: [MakeValidMethod.linework, .structure])
    func makeValidNoOp(method: MakeValidMethod) throws {
        let context = try GeometryContext()
        let square = try context.make(F.box(0, 0, 3, 3))
        let fixed = try square.makeValid(method: method)
        #expect(try fixed.topologicallyEquals(square))
        #expect(F.close(try fixed.area(), 9))
    }

    @Test("normalized gives one representation for differently written squares")
    func normalized() throws {
        let context = try GeometryContext()
        let ccw = try context.make(F.box(0, 0, 1, 1))
        let cw = try context.make(.polygon(Polygon(exterior: F.ring([(1, 1), (1, 0), (0, 0), (0, 1)]))))
        #expect(try ccw.value() != cw.value())
        #expect(try ccw.normalized().value() == cw.normalized().value())
        // The original is untouched.
        #expect(try ccw.value() == F.box(0, 0, 1, 1))
    }

    /// Square A (0 0, 2 2) and its neighbour B (2 0, 4 1) with a vertex at (2, 1) on A's right edge: a
    /// T-junction. Snapping A to B inserts (2, 1) into A, so both share that vertex.
    @Test("snapped(to:) inserts a neighbour's vertex into a shared edge")
    func snapInsertsTJunctionVertex() throws {
        let context = try GeometryContext()
        let a = try context.make(F.box(0, 0, 2, 2))
        let b = try context.make(F.box(2, 0, 4, 1))
        let snapped = try a.snapped(to: b, tolerance: 1e-6)
        guard case .polygon(let p) = try snapped.value() else { Issue.record("not a polygon"); return }
        #expect(p.rings[0].contains(Coordinate(x: 2, y: 1)))
        #expect(p.rings[0].count == 6) // 4 corners + the inserted vertex + the closing vertex
        #expect(abs(try snapped.area() - 4) < 1e-12) // the shape is unchanged
        #expect(throws: GeometryError.self) { try a.snapped(to: b, tolerance: .nan) }
    }

    /// The boundary of a 10×20 rectangle is its ring as a line: length 60 (2·10 + 2·20), no area.
    @Test("boundaryLine() of a rectangle is its 60-unit ring")
    func boundaryOfRectangle() throws {
        let context = try GeometryContext()
        let ring = try context.make(F.box(0, 0, 10, 20)).boundaryLine()
        #expect(try ring.kind() == .lineString)
        #expect(abs(try ring.length() - 60) < 1e-12)
        #expect(try ring.area() == 0)
    }

    /// A 0–10 segment densified to at most 3 units: GEOS splits it into ceil(10/3) = 4 equal pieces of 2.5,
    /// so 5 vertices, and the length stays 10.
    @Test("densified(maximumSegmentLength:) splits long segments evenly")
    func densify() throws {
        let context = try GeometryContext()
        let line = try context.make(F.line([(0, 0), (10, 0)])).densified(maximumSegmentLength: 3)
        #expect(try line.value() == F.line([(0, 0), (2.5, 0), (5, 0), (7.5, 0), (10, 0)]))
        #expect(throws: GeometryError.self) { try line.densified(maximumSegmentLength: 0) }
    }
}
