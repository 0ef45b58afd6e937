import QTGeometry
import QTProjection
import Testing

@Suite struct TransformerTests {
    /// The reference figure from the core issue: lon 120.35 lat 30.30 in EPSG:4549 (CGCS2000 / 3-degree
    /// Gauss-Kruger CM 120E), easting first although the CRS's own axis order is northing first.
    @Test func qiantangReferencePointInEPSG4549() throws {
        let t = try Transformer(from: .wgs84, to: .cgcs2000GK120)
        let p = try t.transform(Coordinate(lon: 120.35, lat: 30.30))
        #expect(abs(p.x - 533_668.27) < 0.01)
        #expect(abs(p.y - 3_353_421.77) < 0.01)
    }

    /// Hand check of the projection's false easting: a point on the central meridian 120°E has easting
    /// exactly 500,000 m (the zone's false easting), whatever its latitude.
    @Test func centralMeridianHasFalseEasting() throws {
        let t = try Transformer(from: .wgs84, to: .cgcs2000GK120)
        let p = try t.transform(Coordinate(lon: 120, lat: 30.3))
        #expect(abs(p.x - 500_000) < 1e-6)
    }

    @Test func roundTripThroughMetricCRS() throws {
        let forward = try Transformer(from: .wgs84, to: .epsg(4549))
        let back = try Transformer(from: .epsg(4549), to: .wgs84)
        let input = [Coordinate(lon: 120.3, lat: 30.25), Coordinate(lon: 120.7, lat: 30.38)]
        let output = try back.transform(try forward.transform(input))
        for (a, b) in zip(input, output) {
            #expect(abs(a.x - b.x) < 1e-9 && abs(a.y - b.y) < 1e-9)
        }
    }

    @Test func geometryKeepsItsStructure() throws {
        let t = try Transformer(from: .wgs84, to: .epsg(4549))
        let square = Geometry.polygon(
            Polygon(exterior: [
                Coordinate(x: 120.3, y: 30.3), Coordinate(x: 120.31, y: 30.3), Coordinate(x: 120.31, y: 30.31),
                Coordinate(x: 120.3, y: 30.31), Coordinate(x: 120.3, y: 30.3)
            ]))
        let projected = try t.transform(square)
        guard case .polygon(let p) = projected else { Issue.record("not a polygon"); return }
        #expect(p.rings.count == 1 && p.rings[0].count == 5)
        #expect(p.rings[0].first == p.rings[0].last)
        let corner = try t.transform(Coordinate(x: 120.31, y: 30.31))
        #expect(p.rings[0][2] == corner)
    }

    @Test func gcj02AsSourceIsConvertedThroughWGS84() throws {
        let t = try Transformer(from: .gcj02, to: .wgs84)
        let wgs = try t.transform(Coordinate(lon: 120.312534, lat: 30.309918))
        #expect(abs(wgs.x - 120.30803) < 2e-6 && abs(wgs.y - 30.312309) < 2e-6)
    }

    @Test func unknownCRSIsAThrownErrorNamingPROJ() throws {
        #expect {
            _ = try Transformer(from: .epsg(999_999), to: .wgs84)
        } throws: { error in
            guard case ProjectionError.proj(let function, let message) = error else { return false }
            return function == "proj_create_crs_to_crs" && !message.isEmpty
        }
    }

    @Test func nonFiniteInputIsRefusedWithItsIndex() throws {
        let t = try Transformer(from: .wgs84, to: .epsg(4549))
        #expect(throws: ProjectionError.coordinate(index: 1, x: .infinity, y: 0, message: "not a finite number")) {
            _ = try t.transform([Coordinate(x: 120, y: 30), Coordinate(x: .infinity, y: 0)])
        }
    }

    @Test func latitudeOutOfRangeIsAnErrorNotInfinity() throws {
        let t = try Transformer(from: .wgs84, to: .epsg(4549))
        #expect(throws: ProjectionError.self) {
            _ = try t.transform(Coordinate(x: 120, y: 95))
        }
    }

    @Test(arguments: [
        ("EPSG:4549", CRS.epsg(4549)), ("epsg:4326", CRS.epsg(4326)), ("GCJ02", CRS.gcj02), ("gcj-02", CRS.gcj02),
        ("WGS84", CRS.wgs84), ("+proj=longlat +datum=WGS84", CRS.definition("+proj=longlat +datum=WGS84"))
    ])
    func parsesCRSNames(name: String, expected: CRS) throws {
        #expect(try CRS(parsing: name) == expected)
    }

    @Test(arguments: ["", "EPSG:", "EPSG:abc", "mercator"])
    func refusesMalformedCRSNames(name: String) {
        #expect(throws: ProjectionError.unknownCRS(name)) { _ = try CRS(parsing: name) }
    }
}
