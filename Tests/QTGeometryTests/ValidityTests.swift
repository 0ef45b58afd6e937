import QTGeometry
import Testing

/// isValid and validity() (Operations/Validity.swift).
@Suite("Validity")
struct ValidityTests {
    typealias F = GeomFixture

    @Test("the bow-tie is invalid: self-intersection where its diagonals cross")
    func bowTie() throws {
        let context = try GeometryContext()
        let g = try context.make(F.bowTie)
        #expect(try g.isValid() == false)
        let report = try g.validity()
        #expect(report.isValid == false)
        let reason = try #require(report.reason)
        #expect(reason.contains("Self-intersection"))
        // The edges (0 0)-(2 2) (y = x) and (2 0)-(0 2) (y = 2 - x) cross where x = 2 - x: at (1, 1).
        let location = try #require(report.location)
        #expect(F.close(location.x, 1, 1e-12))
        #expect(F.close(location.y, 1, 1e-12))
    }

    @Test("a hole outside its shell is invalid, located on the hole")
    func holeOutsideShell() throws {
        let context = try GeometryContext()
        let hole = GeomFixture.boxRing(20, 20, 21, 21)
        let g = try context.make(.polygon(Polygon(exterior: F.boxRing(0, 0, 10, 10), holes: [hole])))
        #expect(try g.isValid() == false)
        let report = try g.validity()
        #expect(report.isValid == false)
        #expect(report.reason?.contains("Hole lies outside shell") == true)
        // The location is a point of the hole's ring.
        let location = try #require(report.location)
        let holeRing = try context.make(.lineString(LineString(hole)))
        #expect(try holeRing.distance(to: context.makePoint(x: location.x, y: location.y)) < 1e-9)
    }

    @Test(
        "valid geometries report no reason and no location",
        arguments: [
            GeomFixture.box(0, 0, 10, 10),
            .polygon(Polygon(exterior: GeomFixture.boxRing(0, 0, 10, 10), holes: [GeomFixture.boxRing(2, 2, 4, 4)])),
            GeomFixture.line([(0, 0), (1, 1), (2, 0)]),
            GeomFixture.point(1, 2),
            .polygon(Polygon(rings: [])),
            .multiPolygon(
                MultiPolygon([
                    Polygon(exterior: GeomFixture.boxRing(0, 0, 1, 1)),
                    Polygon(exterior: GeomFixture.boxRing(2, 0, 3, 1))
                ]))
        ] as [Geometry])
    func valid(_ geometry: Geometry) throws {
        let context = try GeometryContext()
        let g = try context.make(geometry)
        #expect(try g.isValid())
        #expect(try g.validity() == ValidityReport(isValid: true))
    }

    @Test("other invalid polygons: overlapping multi-polygon members, a hole crossing its shell")
    func otherInvalid() throws {
        let context = try GeometryContext()
        // Members [0,2]^2 and [1,3]^2 overlap: a multi-polygon's members may only touch at points.
        let overlapping = try context.make(
            .multiPolygon(
                MultiPolygon([
                    Polygon(exterior: F.boxRing(0, 0, 2, 2)), Polygon(exterior: F.boxRing(1, 1, 3, 3))
                ])))
        #expect(try overlapping.isValid() == false)
        #expect(try overlapping.validity().reason != nil)
        // Hole [8,12] x [4,6] crosses the shell's east edge x = 10.
        let crossing = try context.make(.polygon(Polygon(exterior: F.boxRing(0, 0, 10, 10), holes: [F.boxRing(8, 4, 12, 6)])))
        let report = try crossing.validity()
        #expect(report.isValid == false)
        #expect(report.location != nil)
    }
}
