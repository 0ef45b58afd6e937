import QTGeometry
import Testing

/// PreparedGeometry (Operations/PreparedGeometry.swift) agrees with the plain predicates and with a hand-written
/// point-in-U test over a grid of points.
@Suite("Prepared geometry")
struct PreparedTests {
    typealias F = GeomFixture

    /// U = [0,10]^2 minus the notch [3,7] x [3,10] (open at the top).
    static let u: Geometry = .polygon(
        Polygon(
            exterior: GeomFixture.ring([
                (0, 0), (10, 0), (10, 10), (7, 10), (7, 3), (3, 3), (3, 10), (0, 10)
            ])))

    /// Strictly inside U, written from the shape: inside the square's interior and not in the closed notch.
    static func insideU(_ x: Double, _ y: Double) -> Bool {
        x > 0 && x < 10 && y > 0 && y < 10 && !(x >= 3 && x <= 7 && y >= 3)
    }

    /// In U or on its boundary: the closed square minus the notch's interior (and its open top edge).
    static func inOrOnU(_ x: Double, _ y: Double) -> Bool {
        x >= 0 && x <= 10 && y >= 0 && y <= 10 && !(x > 3 && x < 7 && y > 3)
    }

    /// -1, -0.5, ..., 11: exact binary fractions, so the edges at 0, 3, 7 and 10 are hit exactly.
    static let grid: [Double] = (0...24).map { -1 + 0.5 * Double($0) }

    @Test("prepared predicates match the unprepared ones and the hand-written point-in-U test")
    func gridAgreement() throws {
        let context = try GeometryContext()
        let plain = try context.make(Self.u)
        let prepared = try PreparedGeometry(plain)
        var checked = 0
        for x in Self.grid {
            for y in Self.grid {
                let p = try context.makePoint(x: x, y: y)
                let inside = Self.insideU(x, y), closed = Self.inOrOnU(x, y)
                let label: Comment = "(\(x) \(y))"
                // Independent truth.
                #expect(try prepared.contains(p) == inside, label)
                #expect(try prepared.covers(p) == closed, label)
                #expect(try prepared.intersects(p) == closed, label)
                // For a point, containing properly is the same as containing (a point has no boundary).
                #expect(try prepared.containsProperly(p) == inside, label)
                // Prepared vs plain.
                #expect(try prepared.contains(p) == plain.contains(p), label)
                #expect(try prepared.covers(p) == plain.covers(p), label)
                #expect(try prepared.intersects(p) == plain.intersects(p), label)
                #expect(try prepared.isWithinDistance(0.75, of: p) == plain.isWithinDistance(0.75, of: p), label)
                #expect(try prepared.contains(x: x, y: y) == inside, label)
                checked += 1
            }
        }
        #expect(checked == 25 * 25)
    }

    @Test("a prepared point's within agrees with the plain predicate")
    func preparedWithin() throws {
        let context = try GeometryContext()
        let plain = try context.make(Self.u)
        for x in Self.grid {
            let p = try context.makePoint(x: x, y: 1.5)
            let preparedPoint = try PreparedGeometry(p)
            #expect(try preparedPoint.within(plain) == p.within(plain), "x = \(x)")
            #expect(try preparedPoint.within(plain) == Self.insideU(x, 1.5), "x = \(x)")
        }
    }

    @Test("containsProperly differs from contains for lines touching the boundary")
    func containsProperlyLines() throws {
        let context = try GeometryContext()
        let prepared = try PreparedGeometry(context.make(Self.u))
        // From the interior (1 1) to the boundary (1 0): contained, but not properly.
        let toEdge = try context.make(F.line([(1, 1), (1, 0)]))
        #expect(try prepared.contains(toEdge))
        #expect(try !prepared.containsProperly(toEdge))
        // Strictly inside: both.
        let inner = try context.make(F.line([(1, 1), (9, 1)]))
        #expect(try prepared.contains(inner))
        #expect(try prepared.containsProperly(inner))
        // Across the notch (1 5)-(9 5): neither.
        let across = try context.make(F.line([(1, 5), (9, 5)]))
        #expect(try !prepared.contains(across))
        #expect(try !prepared.containsProperly(across))
        #expect(try prepared.intersects(across))
    }

    @Test("isWithinDistance against hand-worked distances to U")
    func withinDistance() throws {
        let context = try GeometryContext()
        let prepared = try PreparedGeometry(context.make(Self.u))
        // (5, 8) in the notch: 2 from the notch walls x = 3 and x = 7, 5 from the notch floor y = 3.
        let inNotch = try context.makePoint(x: 5, y: 8)
        #expect(try prepared.isWithinDistance(2, of: inNotch))
        #expect(try !prepared.isWithinDistance(1.99, of: inNotch))
        // (13, 14): nearest (10, 10), 5 away.
        let outside = try context.makePoint(x: 13, y: 14)
        #expect(try prepared.isWithinDistance(5, of: outside))
        #expect(try !prepared.isWithinDistance(4.99, of: outside))
    }

    @Test("the prepared geometry keeps its source alive and usable")
    func keepsSource() throws {
        let context = try GeometryContext()
        let prepared = try PreparedGeometry(context.make(Self.u))
        // 100 - 4 * 7 = 72.
        #expect(F.close(try prepared.source.area(), 72))
        #expect(try prepared.contains(x: 1, y: 1))
        #expect(try !prepared.contains(x: 5, y: 5))
        // contains(x:y:) refuses a NaN position like makePoint does.
        let error = #expect(throws: GeometryError.self) { try prepared.contains(x: .nan, y: 1) }
        if case .nonFiniteCoordinate = error {} else { Issue.record("got \(String(describing: error))") }
    }

    /// Distances to U worked by hand: in the notch at (5, 8), 2 to the notch walls x = 3 and x = 7; at
    /// (12, 13), √(2² + 3²) to the corner (10, 10); inside the material at (1, 1), 0. The prepared distance
    /// (facet index) agrees with them and with the plain GEOS distance over the whole grid.
    @Test("prepared distance matches hand-worked distances and the plain distance")
    func preparedDistance() throws {
        let context = try GeometryContext()
        let plain = try context.make(Self.u)
        let prepared = try PreparedGeometry(plain)
        #expect(try prepared.distance(to: try context.makePoint(x: 5, y: 8)) == 2)
        #expect(abs(try prepared.distance(to: try context.makePoint(x: 12, y: 13)) - 13.0.squareRoot()) < 1e-12)
        #expect(try prepared.distance(to: try context.makePoint(x: 1, y: 1)) == 0)
        for x in Self.grid {
            for y in Self.grid {
                let p = try context.makePoint(x: x, y: y)
                #expect(abs(try prepared.distance(to: p) - (try p.distance(to: plain))) < 1e-12, "(\(x) \(y))")
            }
        }
    }
}
