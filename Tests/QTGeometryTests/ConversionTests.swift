import QTGeometry
import Testing

/// Value -> GEOS -> value round trips (GeometryContext+Conversion.swift).
@Suite("Conversion")
struct ConversionTests {
    typealias F = GeomFixture

    static let square = F.box(0, 0, 10, 10)
    static let squareWithHole: Geometry = .polygon(
        Polygon(
            exterior: F.boxRing(0, 0, 10, 10),
            holes: [F.ring([(2, 2), (2, 4), (4, 4), (4, 2)])]
        ))
    static let line = F.line([(0, 0), (1.5, 2.25), (-3.125, 1e-7)])

    /// Every geometry type, each also EMPTY, plus collections holding empty members and nested collections.
    static let roundTripCases: [Geometry] = [
        // Points
        F.point(1, 2),
        F.point(-180, 90),
        .point(Point(nil)),
        // Line strings
        line,
        F.line([(0, 0), (1, 1)]),
        .lineString(LineString([])),
        // Polygons
        square,
        squareWithHole,
        .polygon(Polygon(rings: [])),
        // Multi-points
        .multiPoint(MultiPoint([Point(x: 1, y: 2), Point(x: 3, y: 4)])),
        .multiPoint(MultiPoint([Point(x: 1, y: 2), Point(nil)])),
        .multiPoint(MultiPoint([])),
        // Multi-line-strings
        .multiLineString(
            MultiLineString([
                LineString([Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 0)]),
                LineString([
                    Coordinate(x: 5, y: 5), Coordinate(x: 6, y: 7),
                    Coordinate(x: 8, y: 5)
                ])
            ])),
        .multiLineString(MultiLineString([LineString([]), LineString([Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 0)])])),
        .multiLineString(MultiLineString([])),
        // Multi-polygons
        .multiPolygon(
            MultiPolygon([
                Polygon(exterior: F.boxRing(0, 0, 1, 1)),
                Polygon(exterior: F.boxRing(5, 5, 9, 9), holes: [F.ring([(6, 6), (6, 7), (7, 7)])])
            ])),
        .multiPolygon(MultiPolygon([Polygon(rings: []), Polygon(exterior: F.boxRing(0, 0, 1, 1))])),
        .multiPolygon(MultiPolygon([])),
        // Geometry collections, nested, with empty members
        .geometryCollection(GeometryCollection([F.point(1, 1), line, squareWithHole])),
        .geometryCollection(
            GeometryCollection([
                F.point(0, 0),
                .geometryCollection(
                    GeometryCollection([
                        line,
                        .geometryCollection(GeometryCollection([])),
                        .geometryCollection(GeometryCollection([.multiPoint(MultiPoint([Point(x: 9, y: 9)]))]))
                    ])),
                .multiPolygon(MultiPolygon([Polygon(exterior: F.boxRing(0, 0, 1, 1))]))
            ])),
        .geometryCollection(
            GeometryCollection([
                .point(Point(nil)), .polygon(Polygon(rings: [])),
                .lineString(LineString([]))
            ])),
        .geometryCollection(GeometryCollection([]))
    ]

    @Test("value -> GEOS -> value is the identity", arguments: roundTripCases)
    func roundTrip(_ geometry: Geometry) throws {
        let context = try GeometryContext()
        let native = try context.make(geometry)
        #expect(try native.value() == geometry)
        #expect(try native.kind() == geometry.kind)
        #expect(try native.isEmpty() == geometry.isEmpty)
        // GEOS's envelope against the value's own (independent) bounding box.
        #expect(try native.envelope() == geometry.envelope)
    }

    @Test("geometryCount is 1 for simple geometries and the member count for collections", arguments: roundTripCases)
    func memberCount(_ geometry: Geometry) throws {
        let expected: Int =
            switch geometry {
            case .point, .lineString, .polygon: 1
            case .multiPoint(let m): m.points.count
            case .multiLineString(let m): m.lineStrings.count
            case .multiPolygon(let m): m.polygons.count
            case .geometryCollection(let g): g.geometries.count
            }
        let context = try GeometryContext()
        #expect(try context.make(geometry).geometryCount() == expected)
    }

    @Test("a clone converts back to the same value and outlives its original")
    func cloneIsIndependent() throws {
        let context = try GeometryContext()
        var copy: NativeGeometry?
        do {
            let original = try context.make(Self.squareWithHole)
            copy = try original.clone()
        }
        #expect(try copy?.value() == Self.squareWithHole)
    }

    @Test("makePoint and makeRectangle build the expected values")
    func directBuilders() throws {
        let context = try GeometryContext()
        #expect(try context.makePoint(x: 3.5, y: -2).value() == F.point(3.5, -2))
        let rectangle = try context.makeRectangle(Envelope(minX: 1, minY: 2, maxX: 4, maxY: 6))
        #expect(try rectangle.kind() == .polygon)
        // Same point set as the hand-made box, whatever the vertex order GEOS chose.
        #expect(try rectangle.topologicallyEquals(context.make(F.box(1, 2, 4, 6))))
        #expect(try rectangle.envelope() == Envelope(minX: 1, minY: 2, maxX: 4, maxY: 6))
    }

    @Test("makeCollection copies its members, which stay usable")
    func makeCollectionCopies() throws {
        let context = try GeometryContext()
        let a = try context.makePoint(x: 1, y: 2)
        let b = try context.makePoint(x: 3, y: 4)
        let multi = try context.makeCollection(.multiPoint, of: [a, b])
        #expect(try multi.value() == .multiPoint(MultiPoint([Point(x: 1, y: 2), Point(x: 3, y: 4)])))
        #expect(try a.value() == F.point(1, 2))
        #expect(try b.value() == F.point(3, 4))
        let collection = try context.makeCollection(.geometryCollection, of: [multi, a])
        #expect(
            try collection.value()
                == .geometryCollection(
                    GeometryCollection([
                        .multiPoint(MultiPoint([Point(x: 1, y: 2), Point(x: 3, y: 4)])), F.point(1, 2)
                    ])))
        #expect(try context.makeCollection(.multiPolygon, of: []).value() == .multiPolygon(MultiPolygon([])))
    }

    @Test("a GEOS LINEARRING reads back as a line string value of kind linearRing")
    func linearRingKind() throws {
        let context = try GeometryContext()
        let ring = try context.read(wkt: "LINEARRING (0 0, 1 0, 1 1, 0 0)")
        #expect(try ring.kind() == .linearRing)
        #expect(try ring.value() == F.line([(0, 0), (1, 0), (1, 1), (0, 0)]))
    }

    // MARK: - Refused input

    static let nonFinite: [Double] = [.nan, .infinity, -.infinity]

    /// Builds geometries that put `bad` in a different place each.
    static func placements(_ bad: Double) -> [Geometry] {
        [
            F.point(bad, 0),
            F.point(0, bad),
            F.line([(0, 0), (bad, 1)]),
            .polygon(Polygon(exterior: F.ring([(0, 0), (1, 0), (1, bad)]))),
            .polygon(Polygon(exterior: F.boxRing(0, 0, 10, 10), holes: [F.ring([(2, 2), (bad, 3), (3, 3)])])),
            .multiPoint(MultiPoint([Point(x: 0, y: 0), Point(x: bad, y: bad)])),
            .multiLineString(MultiLineString([LineString([Coordinate(x: 0, y: 0), Coordinate(x: 1, y: bad)])])),
            .geometryCollection(
                GeometryCollection([
                    F.point(0, 0),
                    .geometryCollection(GeometryCollection([F.point(bad, 1)]))
                ]))
        ]
    }

    @Test("NaN and infinite coordinates throw .nonFiniteCoordinate", arguments: nonFinite)
    func nonFiniteCoordinatesThrow(_ bad: Double) throws {
        let context = try GeometryContext()
        for geometry in Self.placements(bad) {
            let error = #expect(throws: GeometryError.self, "\(geometry)") { try context.make(geometry) }
            guard case .nonFiniteCoordinate = error else {
                Issue.record("expected .nonFiniteCoordinate for \(geometry), got \(String(describing: error))")
                continue
            }
        }
        let error = #expect(throws: GeometryError.self) { try context.makePoint(x: bad, y: 1) }
        if case .nonFiniteCoordinate = error {} else { Issue.record("makePoint: got \(String(describing: error))") }
        // The context is unharmed by the refusals.
        #expect(try context.make(Self.square).value() == Self.square)
    }

    /// Expects `.geos(function:message:)` naming `function` with a message containing `fragment`.
    static func expectGEOS(
        _ function: String, containing fragment: String, sourceLocation: SourceLocation = #_sourceLocation,
        _ body: () throws -> Void
    ) {
        let error = #expect(throws: GeometryError.self, sourceLocation: sourceLocation) { try body() }
        guard case .geos(let f, let message) = error else {
            Issue.record("expected .geos(\(function), …), got \(String(describing: error))", sourceLocation: sourceLocation)
            return
        }
        #expect(f == function, sourceLocation: sourceLocation)
        #expect(message.contains(fragment), "message: \(message)", sourceLocation: sourceLocation)
    }

    @Test("an unclosed exterior ring is refused by GEOSGeom_createLinearRing_r with GEOS's message")
    func unclosedRing() throws {
        let context = try GeometryContext()
        // (0 0, 1 0, 1 1, 0 1): four points, first != last.
        let open = Geometry.polygon(
            Polygon(exterior: [
                Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 0), Coordinate(x: 1, y: 1),
                Coordinate(x: 0, y: 1)
            ]))
        Self.expectGEOS("GEOSGeom_createLinearRing_r", containing: "Points of LinearRing do not form a closed linestring") {
            _ = try context.make(open)
        }
    }

    @Test("an unclosed hole after a good shell is refused the same way, also inside a collection")
    func unclosedHole() throws {
        let context = try GeometryContext()
        let geometry = Geometry.polygon(
            Polygon(
                exterior: F.boxRing(0, 0, 10, 10),
                holes: [
                    F.ring([(1, 1), (1, 2), (2, 2)]),
                    [Coordinate(x: 5, y: 5), Coordinate(x: 5, y: 6), Coordinate(x: 6, y: 6), Coordinate(x: 6, y: 5)]
                ]))
        Self.expectGEOS("GEOSGeom_createLinearRing_r", containing: "closed linestring") { _ = try context.make(geometry) }
        // Nested inside a collection, the partially built members are released and the error still surfaces.
        let nested = Geometry.geometryCollection(GeometryCollection([F.point(0, 0), Self.square, geometry]))
        Self.expectGEOS("GEOSGeom_createLinearRing_r", containing: "closed linestring") { _ = try context.make(nested) }
    }

    @Test("a closed ring of two points is refused with the point count")
    func twoPointRing() throws {
        let context = try GeometryContext()
        let ring = [Coordinate(x: 0, y: 0), Coordinate(x: 0, y: 0)]
        #expect(throws: GeometryError.invalidInput("a polygon ring needs at least 4 positions (first = last), found 2")) {
            _ = try context.make(.polygon(Polygon(exterior: ring)))
        }
    }

    @Test("a one-point line string is refused by GEOSGeom_createLineString_r")
    func onePointLine() throws {
        let context = try GeometryContext()
        Self.expectGEOS("GEOSGeom_createLineString_r", containing: "point array must contain 0 or >1 elements") {
            _ = try context.make(F.line([(1, 1)]))
        }
    }

    @Test("an empty shell with a non-empty hole is refused by GEOSGeom_createPolygon_r")
    func emptyShellWithHole() throws {
        let context = try GeometryContext()
        let geometry = Geometry.polygon(Polygon(rings: [[], F.ring([(1, 1), (1, 2), (2, 2)])]))
        Self.expectGEOS("GEOSGeom_createPolygon_r", containing: "shell is empty but holes are not") {
            _ = try context.make(geometry)
        }
    }

    /// GEOS 3.11.1's GEOSGeom_createLinearRing_r accepts the closed three-point ring (0 0, 1 0, 0 0), although
    /// no such ring can be valid; `make(_:)` refuses it itself, before GEOS is called.
    @Test("a closed three-point ring is refused before GEOS sees it")
    func threePointClosedRing() throws {
        let context = try GeometryContext()
        let ring = [Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 0), Coordinate(x: 0, y: 0)]
        #expect(throws: GeometryError.invalidInput("a polygon ring needs at least 4 positions (first = last), found 3")) {
            _ = try context.make(.polygon(Polygon(exterior: ring)))
        }
    }
}
