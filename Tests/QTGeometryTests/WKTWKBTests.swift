import QTGeometry
import Testing

/// WKT and WKB reading and writing (IO/WKT.swift).
@Suite("WKT and WKB")
struct WKTWKBTests {
    typealias F = GeomFixture

    /// WKT text and the value it describes, written by hand.
    static let wktCases: [(String, Geometry)] = [
        ("POINT (1 2)", F.point(1, 2)),
        ("POINT EMPTY", .point(Point(nil))),
        ("LINESTRING (0 0, 1.5 2.25, -3 4)", F.line([(0, 0), (1.5, 2.25), (-3, 4)])),
        ("LINESTRING EMPTY", .lineString(LineString([]))),
        (
            "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))",
            .polygon(Polygon(exterior: F.boxRing(0, 0, 10, 10), holes: [F.ring([(2, 2), (2, 4), (4, 4), (4, 2)])]))
        ),
        ("POLYGON EMPTY", .polygon(Polygon(rings: []))),
        ("MULTIPOINT ((1 2), (3 4))", .multiPoint(MultiPoint([Point(x: 1, y: 2), Point(x: 3, y: 4)]))),
        (
            "MULTILINESTRING ((0 0, 1 1), (2 2, 3 3))",
            .multiLineString(
                MultiLineString([
                    LineString([Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 1)]),
                    LineString([Coordinate(x: 2, y: 2), Coordinate(x: 3, y: 3)])
                ]))
        ),
        (
            "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))",
            .multiPolygon(
                MultiPolygon([
                    Polygon(exterior: F.boxRing(0, 0, 1, 1)), Polygon(exterior: F.ring([(5, 5), (6, 5), (6, 6)]))
                ]))
        ),
        (
            "GEOMETRYCOLLECTION (POINT (1 2), GEOMETRYCOLLECTION (LINESTRING (0 0, 1 1)), POLYGON EMPTY)",
            .geometryCollection(
                GeometryCollection([
                    F.point(1, 2), .geometryCollection(GeometryCollection([F.line([(0, 0), (1, 1)])])), .polygon(Polygon(rings: []))
                ]))
        ),
        ("GEOMETRYCOLLECTION EMPTY", .geometryCollection(GeometryCollection([])))
    ]

    @Test("WKT reads to the hand-made value, and write/read is a round trip", arguments: wktCases.indices)
    func wktRoundTrip(_ i: Int) throws {
        let (text, value) = Self.wktCases[i]
        let context = try GeometryContext()
        let g = try context.read(wkt: text)
        #expect(try g.value() == value)
        let written = try g.wkt()
        #expect(try context.read(wkt: written).value() == value, "written: \(written)")
        // And from the value side.
        #expect(try context.read(wkt: context.make(value).wkt()).value() == value)
    }

    @Test("WKT output is trimmed and 2-D")
    func wktFormat() throws {
        let context = try GeometryContext()
        #expect(try context.make(F.point(1, 2)).wkt() == "POINT (1 2)")
        #expect(try context.make(F.line([(0, 0), (1.5, -2)])).wkt() == "LINESTRING (0 0, 1.5 -2)")
        #expect(try context.make(.point(Point(nil))).wkt() == "POINT EMPTY")
        #expect(try context.make(F.box(0, 0, 1, 1)).wkt() == "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))")
        // Z is dropped on read (values are 2-D) and never written.
        let z = try context.read(wkt: "POINT Z (1 2 3)")
        #expect(try z.value() == F.point(1, 2))
        #expect(try z.wkt() == "POINT (1 2)")
    }

    @Test("typical coordinates survive a WKT round trip exactly")
    func fullPrecision() throws {
        let context = try GeometryContext()
        let awkward = [
            0.1, 1.0 / 3.0, 123_456.789_012_345, -2.5e-7, 1e15 + 0.5, 120.123_456_789_012_34, 30.25,
            3_352_178.123_456_7, 1.0 + 2.220446049250313e-16
        ]
        for v in awkward {
            let g = try context.makePoint(x: v, y: -v)
            let text = try g.wkt()
            #expect(try context.read(wkt: text).value() == F.point(v, -v), "\(v): \(text)")
        }
    }

    /// `wkt()` with no decimals writes at most 16 digits after the point (GEOS 3.11 with rounding precision -1),
    /// as documented: 0.30000000000000004 needs 17 and comes back as 0.3; 1e-17 comes back as 0. WKB is exact.
    @Test("wkt() keeps 16 decimals; WKB round-trips exactly", arguments: [(0.30000000000000004, 0.3), (1e-17, 0.0)])
    func sixteenDecimals(_ v: Double, _ expected: Double) throws {
        let context = try GeometryContext()
        let g = try context.makePoint(x: v, y: 1)
        #expect(try context.read(wkt: try g.wkt()).value() == F.point(expected, 1))
        #expect(try context.read(wkb: try g.wkb()).value() == F.point(v, 1))
    }

    @Test("wkt(decimals:) rounds, and the next plain wkt() is full precision again")
    func decimals() throws {
        let context = try GeometryContext()
        let g = try context.makePoint(x: 1.23456, y: 2.5)
        // 1.23456 to 2 decimals is 1.23; 2.5 trims to 2.5.
        #expect(try g.wkt(decimals: 2) == "POINT (1.23 2.5)")
        // 0 decimals: 1.23456 -> 1, 2.5 -> 2 or 3 depending on the rounding rule, so only x is pinned.
        #expect(try g.wkt(decimals: 0).hasPrefix("POINT (1 "))
        // The writer is cached per context: the rounding must not stick.
        #expect(try g.wkt() == "POINT (1.23456 2.5)")
        let square = try context.make(F.box(0, 0, 1.0 / 3.0, 2.0 / 3.0))
        // 1/3 = 0.333..., 2/3 = 0.666... -> 0.33 and 0.67.
        #expect(try square.wkt(decimals: 2) == "POLYGON ((0 0, 0.33 0, 0.33 0.67, 0 0.67, 0 0))")
    }

    @Test(
        "garbage WKT throws .parse(format: \"WKT\") with GEOS's message",
        arguments: [
            "POLYGON((0 0, 1", "HELLO", "", "POINT (1)", "LINESTRING (0 0, 1 1", "POLYGON ((a b))"
        ])
    func garbageWKT(_ text: String) throws {
        let context = try GeometryContext()
        let error = #expect(throws: GeometryError.self) { try context.read(wkt: text) }
        guard case .parse(let format, let message) = error else {
            Issue.record("expected .parse, got \(String(describing: error))")
            return
        }
        #expect(format == "WKT")
        #expect(message.contains("ParseException"), "message: \(message)")
        // The cached reader keeps working.
        #expect(try context.read(wkt: "POINT (1 2)").value() == F.point(1, 2))
    }

    @Test("GEOS's messages for the two garbage inputs of the brief")
    func garbageMessages() throws {
        let context = try GeometryContext()
        #expect(
            throws: GeometryError.parse(
                format: "WKT",
                message: "ParseException: Expected number but encountered end of stream")
        ) {
            try context.read(wkt: "POLYGON((0 0, 1")
        }
        #expect(throws: GeometryError.parse(format: "WKT", message: "ParseException: Unknown type: 'HELLO'")) {
            try context.read(wkt: "HELLO")
        }
    }

    @Test(
        "WKT with a non-finite ordinate throws .nonFiniteCoordinate",
        arguments: [
            "POINT (nan 1)", "POINT (1 NaN)", "POINT (inf 1)", "POINT (1 -inf)", "POINT (1e400 1)",
            "LINESTRING (0 0, nan 1)", "POLYGON ((0 0, 1 0, 1 inf, 0 0))", "GEOMETRYCOLLECTION (POINT (1 2), POINT (3 nan))"
        ])
    func nonFiniteWKT(_ text: String) throws {
        let context = try GeometryContext()
        let error = #expect(throws: GeometryError.self, "\(text)") { try context.read(wkt: text) }
        if case .nonFiniteCoordinate = error {} else { Issue.record("\(text): got \(String(describing: error))") }
    }

    /// GEOS 3.11.1 reads "POINT (nan nan)" as POINT EMPTY (a point whose ordinates are both NaN counts as empty),
    /// so a check of the coordinates read would find nothing; `read(wkt:)` refuses NaN in the text itself.
    @Test("NaN points in WKT throw .nonFiniteCoordinate", arguments: ["POINT (nan nan)", "MULTIPOINT ((nan nan), (1 2))", "POINT (NaN 1)"])
    func nanNanPoint(_ text: String) throws {
        let context = try GeometryContext()
        let error = #expect(throws: GeometryError.self) { try context.read(wkt: text) }
        if case .nonFiniteCoordinate = error {} else { Issue.record("got \(String(describing: error))") }
    }

    // MARK: - WKB

    /// Little-endian WKB of a 2-D point, assembled by hand: byte order 1, type 1 (UInt32), x, y (Float64).
    static func pointWKB(_ x: Double, _ y: Double) -> [UInt8] {
        var bytes: [UInt8] = [0x01, 0x01, 0x00, 0x00, 0x00]
        withUnsafeBytes(of: x.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: y.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        return bytes
    }

    @Test("a hand-assembled point WKB reads and writes back byte for byte")
    func wkbPoint() throws {
        let context = try GeometryContext()
        let bytes = Self.pointWKB(1, 2)
        #expect(bytes.count == 1 + 4 + 8 + 8)
        let g = try context.read(wkb: bytes)
        #expect(try g.value() == F.point(1, 2))
        #expect(try g.wkb() == bytes)
        #expect(try context.makePoint(x: -0.5, y: 1e300).wkb() == Self.pointWKB(-0.5, 1e300))
    }

    @Test("a polygon's WKB has the hand-counted length and round-trips")
    func wkbPolygon() throws {
        let context = try GeometryContext()
        let value = Geometry.polygon(Polygon(exterior: F.boxRing(0, 0, 10, 10), holes: [F.boxRing(2, 2, 4, 4)]))
        let bytes = try context.make(value).wkb()
        // byte order 1 + type 4 + ring count 4 + 2 rings x (point count 4 + 5 points x 16) = 9 + 2 * 84 = 177.
        #expect(bytes.count == 1 + 4 + 4 + 2 * (4 + 5 * 16))
        #expect(bytes[0] == 0x01) // little-endian
        #expect(Array(bytes[1..<5]) == [3, 0, 0, 0]) // wkbPolygon
        #expect(try context.read(wkb: bytes).value() == value)
        #expect(try context.read(wkb: bytes).wkb() == bytes)
    }

    @Test("WKB round trip for every hand-made WKT case", arguments: wktCases.indices)
    func wkbRoundTrip(_ i: Int) throws {
        let (_, value) = Self.wktCases[i]
        let context = try GeometryContext()
        let bytes = try context.make(value).wkb()
        let back = try context.read(wkb: bytes)
        #expect(try back.value() == value)
        #expect(try back.wkb() == bytes)
    }

    @Test(
        "garbage bytes throw .parse(format: \"WKB\")",
        arguments: [
            [], [0x01, 0x02, 0x03], [0x01, 0x01, 0x00, 0x00, 0x00, 0x00],
            [0x01, 0x63, 0x00, 0x00, 0x00] + [UInt8](repeating: 0, count: 16), // geometry type 99
            [0x07] + [UInt8](repeating: 0xFF, count: 20) // byte order 7
        ] as [[UInt8]])
    func garbageWKB(_ bytes: [UInt8]) throws {
        let context = try GeometryContext()
        let error = #expect(throws: GeometryError.self) { try context.read(wkb: bytes) }
        guard case .parse(let format, let message) = error else {
            Issue.record("expected .parse, got \(String(describing: error))")
            return
        }
        #expect(format == "WKB")
        #expect(!message.isEmpty)
        #expect(try context.read(wkb: Self.pointWKB(3, 4)).value() == F.point(3, 4))
    }

    @Test("WKB with one NaN ordinate throws .nonFiniteCoordinate; NaN NaN is WKB's POINT EMPTY")
    func nonFiniteWKB() throws {
        let context = try GeometryContext()
        for bytes in [Self.pointWKB(.nan, 1), Self.pointWKB(1, .infinity), Self.pointWKB(-.infinity, 0)] {
            let error = #expect(throws: GeometryError.self) { try context.read(wkb: bytes) }
            if case .nonFiniteCoordinate = error {} else { Issue.record("got \(String(describing: error))") }
        }
        // (NaN, NaN) is how WKB encodes POINT EMPTY.
        #expect(try context.read(wkb: Self.pointWKB(.nan, .nan)).value() == .point(Point(nil)))
    }
}
