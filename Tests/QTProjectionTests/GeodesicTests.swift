import Foundation
import QTGeometry
import QTProjection
import Testing

@Suite struct GeodesicTests {
    /// Hand computation of the area of a latitude/longitude quadrangle on the WGS84 ellipsoid, from the
    /// authalic formula: area between the equator and latitude φ per radian of longitude is
    /// b²/2 · [ sinφ/(1−e²sin²φ) + 1/(2e)·ln((1+e sinφ)/(1−e sinφ)) ].
    /// The geodesic polygon's east–west edges bulge poleward of the parallels; for 0.01° edges at 30°N that
    /// changes the area by about 1e-5 of it, so the two agree to 1e-4.
    static func quadrangleArea(lon0: Double, lat0: Double, lon1: Double, lat1: Double) -> Double {
        let a = 6_378_137.0, f = 1 / 298.257223563
        let e2 = f * (2 - f), e = e2.squareRoot(), b = a * (1 - f)
        func q(_ latDeg: Double) -> Double {
            let s = sin(latDeg * .pi / 180)
            return s / (1 - e2 * s * s) + 1 / (2 * e) * log((1 + e * s) / (1 - e * s))
        }
        return b * b / 2 * (q(lat1) - q(lat0)) * ((lon1 - lon0) * .pi / 180)
    }

    static func square(_ lon: Double, _ lat: Double, _ d: Double, clockwise: Bool = false) -> [Coordinate] {
        let ring = [
            Coordinate(x: lon, y: lat), Coordinate(x: lon + d, y: lat), Coordinate(x: lon + d, y: lat + d),
            Coordinate(x: lon, y: lat + d), Coordinate(x: lon, y: lat)
        ]
        return clockwise ? ring.reversed() : ring
    }

    @Test(arguments: [false, true])
    func quadrangleAreaMatchesHandComputation(clockwise: Bool) throws {
        let polygon = Geometry.polygon(Polygon(exterior: Self.square(120.3, 30.3, 0.01, clockwise: clockwise)))
        let expected = Self.quadrangleArea(lon0: 120.3, lat0: 30.3, lon1: 120.31, lat1: 30.31)
        let area = try Geodesic.wgs84.area(of: polygon)
        #expect(abs(area - expected) / expected < 1e-4)
        #expect(area > 1_000_000 && area < 1_100_000) // about 0.962 km × 1.109 km
    }

    @Test func holesAreSubtracted() throws {
        let outer = Self.square(120.3, 30.3, 0.02)
        let hole = Self.square(120.305, 30.305, 0.01)
        let polygon = Geometry.polygon(Polygon(exterior: outer, holes: [hole]))
        let expected =
            Self.quadrangleArea(lon0: 120.3, lat0: 30.3, lon1: 120.32, lat1: 30.32)
            - Self.quadrangleArea(lon0: 120.305, lat0: 30.305, lon1: 120.315, lat1: 30.315)
        #expect(abs(try Geodesic.wgs84.area(of: polygon) - expected) / expected < 1e-4)
    }

    /// One degree of longitude along the equator is a·π/180 = 111,319.4908 m; a meridian degree at the
    /// equator is about 110,574 m (from the meridian arc series).
    @Test func equatorialDegreeLength() throws {
        let line = Geometry.lineString(LineString([Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 0)]))
        #expect(abs(try Geodesic.wgs84.length(of: line) - 6_378_137 * .pi / 180) < 1e-3)
        let meridian = Geodesic.wgs84.distance(from: Coordinate(x: 0, y: 0), to: Coordinate(x: 0, y: 1))
        #expect(abs(meridian - 110_574.4) < 1)
    }

    @Test func pointsAndLinesHaveNoArea() throws {
        #expect(try Geodesic.wgs84.area(of: .point(Point(x: 120, y: 30))) == 0)
        #expect(try Geodesic.wgs84.area(of: .polygon(Polygon(rings: []))) == 0)
    }
}

@Suite struct GeodesicInputTests {
    /// A projected geometry passed by mistake (northings in the millions) is an error, not NaN.
    @Test func projectedCoordinatesAreRefused() {
        let projected = Geometry.polygon(
            Polygon(exterior: [
                Coordinate(x: 533_000, y: 3_353_000), Coordinate(x: 534_000, y: 3_353_000),
                Coordinate(x: 534_000, y: 3_354_000), Coordinate(x: 533_000, y: 3_353_000)
            ]))
        #expect(
            throws: ProjectionError.coordinate(
                index: 0, x: 533_000, y: 3_353_000,
                message: "not a longitude/latitude in degrees")
        ) {
            _ = try Geodesic.wgs84.area(of: projected)
        }
        #expect(throws: ProjectionError.self) { _ = try Geodesic.wgs84.length(of: projected) }
    }
}
