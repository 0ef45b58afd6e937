import QTGeometry
import Testing

/// UnionMembership (Index/UnionMembership.swift) against GEOS's `contains` on the union itself.
@Suite("UnionMembership")
struct UnionMembershipTests {
    /// Squares of side 2 on a 6 × 6 grid of cells of 2, some left out, so that some share edges and corners and
    /// some stand alone; plus two overlapping rectangles and an L. All edges are axis-parallel at half units, so
    /// GEOS's union computes its intersections exactly and is a fair oracle on the boundaries too (a sloped edge's
    /// intersection is rounded, moving the union's boundary off points that lie exactly on the members').
    static func members(_ context: GeometryContext) throws -> [NativeGeometry] {
        var out: [NativeGeometry] = []
        for row in 0..<6 {
            for col in 0..<6 where (row * 7 + col * 3) % 4 != 0 {
                let x = Double(col) * 2, y = Double(row) * 2
                out.append(try context.make(GeomFixture.box(x, y, x + 2, y + 2)))
            }
        }
        out.append(try context.make(GeomFixture.box(13, 1, 16, 3)))
        out.append(try context.make(GeomFixture.box(14.5, 2, 17, 5)))
        out.append(
            try context.make(.polygon(Polygon(exterior: GeomFixture.ring([(13, 6), (17, 6), (17, 7), (14, 7), (14, 10), (13, 10)])))))
        return out
    }

    @Test("points on a half-unit lattice (interiors, shared edges, corners, outer boundary) and small boxes agree with the union")
    func agreesWithTheUnion() throws {
        let context = try GeometryContext()
        let members = try Self.members(context)
        let union = try context.union(of: members)
        let index = try UnionMembership(context: context, members: members)
        var inside = 0, onSharedEdges = 0
        for i in -2...36 {
            for j in -2...26 {
                let (x, y) = (Double(i) / 2, Double(j) / 2)
                let point = try context.make(GeomFixture.point(x, y))
                let expected = try union.contains(point)
                #expect(try index.contains(point) == expected, "(\(x), \(y))")
                if expected { inside += 1 }
                if expected, try members.allSatisfy({ try !$0.contains(point) }) { onSharedEdges += 1 }
                // A small box around the point: inside the union across members, or not.
                let box = try context.make(GeomFixture.box(x - 0.25, y - 0.25, x + 0.25, y + 0.25))
                #expect(try index.contains(box) == union.contains(box), "box at (\(x), \(y))")
            }
        }
        // The lattice reaches every kind of place: plain interiors, and points inside the union only because two
        // members close them in.
        #expect(inside > 100)
        #expect(onSharedEdges > 10)
    }

    @Test("no members: nothing is inside")
    func empty() throws {
        let context = try GeometryContext()
        let index = try UnionMembership(context: context, members: [])
        #expect(try !index.contains(try context.make(GeomFixture.point(0, 0))))
    }
}
