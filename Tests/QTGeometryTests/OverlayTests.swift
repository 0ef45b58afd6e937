import QTGeometry
import Testing

/// Overlay operations (Operations/Overlay.swift) with areas worked out by hand.
@Suite("Overlay")
struct OverlayTests {
    typealias F = GeomFixture

    // A = [0,2]^2 (area 4), B = [1,3]^2 (area 4); A ∩ B = [1,2]^2 (area 1).

    @Test("intersection, union, difference and symmetric difference of two overlapping squares")
    func twoSquares() throws {
        let context = try GeometryContext()
        let a = try context.make(F.box(0, 0, 2, 2))
        let b = try context.make(F.box(1, 1, 3, 3))

        let intersection = try a.intersection(b)
        #expect(F.close(try intersection.area(), 1)) // 1 x 1
        #expect(try intersection.topologicallyEquals(context.make(F.box(1, 1, 2, 2))))

        let union = try a.union(b)
        #expect(F.close(try union.area(), 4 + 4 - 1)) // 7
        #expect(try union.kind() == .polygon)
        // The union's outline: (0 0) (2 0) (2 1) (3 1) (3 3) (1 3) (1 2) (0 2), perimeter 2+1+1+2+2+1+1+2 = 12.
        let outline = F.ring([(0, 0), (2, 0), (2, 1), (3, 1), (3, 3), (1, 3), (1, 2), (0, 2)])
        #expect(try union.topologicallyEquals(context.make(.polygon(Polygon(exterior: outline)))))
        #expect(F.close(try union.length(), 12))

        let aMinusB = try a.difference(b)
        #expect(F.close(try aMinusB.area(), 4 - 1)) // 3
        let bMinusA = try b.difference(a)
        #expect(F.close(try bMinusA.area(), 4 - 1)) // 3
        #expect(try !aMinusB.intersects(context.makePoint(x: 1.5, y: 1.5)))

        let symmetric = try a.symmetricDifference(b)
        #expect(F.close(try symmetric.area(), 7 - 1)) // union minus intersection = 6
        #expect(try symmetric.topologicallyEquals(aMinusB.union(bMinusA)))
        // The operands are unchanged.
        #expect(F.close(try a.area(), 4))
        #expect(F.close(try b.area(), 4))
    }

    @Test("context.union(of:) of three overlapping squares")
    func unionOfThree() throws {
        let context = try GeometryContext()
        // A = [0,2]^2, B = [1,3]^2, C = [2,4]^2, each area 4.
        // A∩B = [1,2]^2 (1), B∩C = [2,3]^2 (1), A∩C = the point (2 2) (0), A∩B∩C = (2 2) (0).
        // Inclusion-exclusion: 12 - 1 - 1 - 0 + 0 = 10.
        let squares = try [F.box(0, 0, 2, 2), F.box(1, 1, 3, 3), F.box(2, 2, 4, 4)].map(context.make)
        let union = try context.union(of: squares)
        #expect(F.close(try union.area(), 10))
        #expect(try union.kind() == .polygon)
        for square in squares {
            #expect(try union.covers(square))
            #expect(F.close(try square.area(), 4)) // members are copied and stay usable
        }
        // The same via pairwise unions.
        #expect(try union.topologicallyEquals(squares[0].union(squares[1]).union(squares[2])))
    }

    /// Three 2×2 squares offset by (1, 1): 3·4 − 2·1 (the two pairwise overlaps; the first and third only
    /// touch at a corner) = 10.
    @Test("union(taking:) moves unshared members, clones shared ones, and gives the same union")
    func unionTaking() throws {
        let context = try GeometryContext()
        var squares = try [F.box(0, 0, 2, 2), F.box(1, 1, 3, 3), F.box(2, 2, 4, 4)].map(context.make)
        let kept = squares[1] // a second reference: this one must be cloned, not moved
        let merged = try context.union(taking: &squares)
        #expect(squares.isEmpty)
        #expect(abs(try merged.area() - 10) < 1e-9)
        #expect(try kept.value() == F.box(1, 1, 3, 3)) // still usable after the union
        #expect(abs(try kept.area() - 4) < 1e-12)
    }

    @Test("union(taking:) refuses a member of another context and leaks nothing")
    func unionTakingOtherContext() throws {
        let context = try GeometryContext(), other = try GeometryContext()
        var members = [try context.make(F.box(0, 0, 1, 1)), try other.make(F.box(0, 0, 1, 1))]
        #expect(throws: GeometryError.invalidInput("member 1 belongs to another GeometryContext")) {
            _ = try context.union(taking: &members)
        }
        #expect(members.isEmpty)
    }

    @Test("union(of:) with no members is empty")
    func unionOfNothing() throws {
        let context = try GeometryContext()
        let union = try context.union(of: [])
        #expect(try union.isEmpty())
        #expect(try union.area() == 0)
    }

    @Test("unaryUnion dissolves a multi-polygon's overlaps")
    func unaryUnion() throws {
        let context = try GeometryContext()
        let overlapping = try context.make(
            .multiPolygon(
                MultiPolygon([
                    Polygon(exterior: F.boxRing(0, 0, 2, 2)), Polygon(exterior: F.boxRing(1, 1, 3, 3))
                ])))
        let dissolved = try overlapping.unaryUnion()
        #expect(F.close(try dissolved.area(), 7)) // 4 + 4 - 1
        #expect(try dissolved.kind() == .polygon)
    }

    @Test("coverageUnion of two adjacent squares is one polygon of the summed area")
    func coverageUnion() throws {
        let context = try GeometryContext()
        // [0,1]^2 and [1,2]x[0,1] share the edge x = 1: union is [0,2]x[0,1], area 1 + 1 = 2.
        let left = try context.make(F.box(0, 0, 1, 1))
        let right = try context.make(F.box(1, 0, 2, 1))
        let union = try context.coverageUnion(of: [left, right])
        #expect(try union.kind() == .polygon)
        #expect(try union.geometryCount() == 1)
        #expect(F.close(try union.area(), 1 + 1))
        #expect(F.close(try union.length(), 2 * (2 + 1))) // the shared edge is gone: perimeter 6
        #expect(try union.topologicallyEquals(context.make(F.box(0, 0, 2, 1))))
        // The same from a multi-polygon value, with a rectangle [0,2]x[1,2] on top: [0,2]x[0,1] ∪ [0,2]x[1,2] = [0,2]^2.
        // A coverage must be noded: the top rectangle carries the vertex (1 1) that the two squares share.
        let coverage = try context.make(
            .multiPolygon(
                MultiPolygon([
                    Polygon(exterior: F.boxRing(0, 0, 1, 1)), Polygon(exterior: F.boxRing(1, 0, 2, 1)),
                    Polygon(exterior: F.ring([(0, 1), (1, 1), (2, 1), (2, 2), (0, 2)]))
                ])))
        let whole = try coverage.coverageUnion()
        #expect(F.close(try whole.area(), 4))
        #expect(try whole.topologicallyEquals(context.make(F.box(0, 0, 2, 2))))
    }

    @Test("overlay with empty operands")
    func emptyOperands() throws {
        let context = try GeometryContext()
        let a = try context.make(F.box(0, 0, 2, 2))
        let empty = try context.make(.polygon(Polygon(rings: [])))
        // A ∩ ∅ = ∅, A ∪ ∅ = A, A − ∅ = A, ∅ − A = ∅, A Δ ∅ = A.
        #expect(try a.intersection(empty).isEmpty())
        #expect(try a.intersection(empty).area() == 0)
        #expect(try a.union(empty).topologicallyEquals(a))
        #expect(F.close(try a.union(empty).area(), 4))
        #expect(try a.difference(empty).topologicallyEquals(a))
        #expect(try empty.difference(a).isEmpty())
        #expect(try a.symmetricDifference(empty).topologicallyEquals(a))
        #expect(try empty.union(empty).isEmpty())
        // Disjoint operands: the intersection is empty.
        let far = try context.make(F.box(10, 10, 11, 11))
        #expect(try a.intersection(far).isEmpty())
        #expect(F.close(try a.union(far).area(), 5))
    }
}
