import Foundation
import QTGeometry
import Testing

@testable import QTModel

@Suite struct ValidationGeometryTests {
    /// The bow-tie park (120.302,30.302)→(120.304,30.304)→(120.304,30.302)→(120.302,30.304): its two
    /// diagonals cross at (120.303, 30.303).
    @Test func selfIntersectionIsAnErrorThatMakeValidWouldRepair() throws {
        let report = try Validation.report("broken-self-intersection")
        let invalid = Validation.issues(report, "geometry.invalid")
        #expect(invalid.count == 1)
        let issue = try #require(invalid.first)
        #expect(issue.layer == .industrialParks && issue.featureIndex == 0 && issue.featureId == "bowtie")
        #expect(
            issue.message.hasSuffix(
                "broken-self-intersection/industrial_parks.geojson: feature 0 'bowtie': invalid Polygon: Self-intersection at "
                    + "120.3030000,30.3030000; make-valid would repair it (into a valid MultiPolygon of 2 parts)"))
        #expect(report.issues.count == 1)
    }

    /// The validator's densifying adds exactly the vertices Geometry.verticesAddedByDensifying counts (the
    /// bound is decided on the count), and an ordinary feature keeps the 1e-4° step.
    @Test func densifyingAddsWhatTheBoundCounts() throws {
        let parcel = Geometry.polygon(
            Polygon(rings: [
                [
                    Coordinate(x: 120.3, y: 30.3), Coordinate(x: 120.31, y: 30.3),
                    Coordinate(x: 120.31, y: 30.3013), Coordinate(x: 120.3, y: 30.3)
                ]
            ]))
        let plain = parcel.densified(step: ValidationWorkspace.densifyStepDegrees)
        #expect(plain.coordinateCount - parcel.coordinateCount == Int(parcel.verticesAddedByDensifying(step: 1e-4)))
        #expect(ValidationWorkspace.densified(parcel).coordinateCount == plain.coordinateCount)
        // One vertex mistyped (20.31 for 120.31): the bound holds.
        let mistyped = Geometry.polygon(
            Polygon(rings: [
                [
                    Coordinate(x: 120.3, y: 30.3), Coordinate(x: 20.31, y: 30.3),
                    Coordinate(x: 120.31, y: 30.3013), Coordinate(x: 120.3, y: 30.3)
                ]
            ]))
        let bounded = ValidationWorkspace.densified(mistyped)
        #expect(bounded.coordinateCount - mistyped.coordinateCount <= ValidationWorkspace.maximumAddedVertices)
        #expect(bounded.coordinateCount - mistyped.coordinateCount > ValidationWorkspace.maximumAddedVertices / 2)
    }

    @Test func wrongGeometryTypeForTheLayer() throws {
        let report = try Validation.report("broken-geometry-type")
        #expect(report.issues.map(\.check) == ["geometry.type"])
        #expect(report.issues.first?.message.hasSuffix("facilities.geojson: feature 3 'f4': geometry is a Polygon, expected Point") == true)
    }

    @Test func geometryTypesDependOnTheTransitKind() throws {
        let district = Validation.district([
            .transit: [
                Validation.feature(
                    "line", .point(Point(x: 120.305, y: 30.305)),
                    ["kind": "metro_line", "status": "operating", "line": "1", "stations": []]),
                Validation.feature(
                    "rail",
                    .multiLineString(
                        MultiLineString([
                            LineString([Coordinate(x: 120.301, y: 30.301), Coordinate(x: 120.302, y: 30.302)])
                        ])),
                    ["kind": "rail_line", "status": "planned"])
            ]
        ])
        let report = try DistrictValidator().validate(district)
        let types = Validation.issues(report, "geometry.type")
        #expect(types.map(\.featureId) == ["line"]) // a rail line may be a MultiLineString, a metro line not
        #expect(types.first?.message.hasSuffix("geometry is a Point, expected LineString") == true)
    }

    @Test func missingGeometryIsAnError() throws {
        let district = Validation.district([.facilities: [Validation.feature("f1", nil, ["type": "park"])]])
        let report = try DistrictValidator().validate(district)
        #expect(Validation.issues(report, "geometry.missing").map(\.message) == ["/memory/facilities.geojson: feature 0 'f1': has no geometry (null)"])
    }

    /// "far" is 0.01° east of the boundary: 0.01 · (π/180) · N·cos(30.305°) = 961.8 m, times the Gauss-Krüger
    /// scale 1.00001. "edge" is 5.2e-6° (0.50 m) east of it, inside the 1 m tolerance.
    @Test func featureOutsideTheBoundary() throws {
        let report = try Validation.report("broken-outside")
        let outside = Validation.issues(report, "inside.outside")
        #expect(outside.map(\.featureId) == ["far"])
        #expect(
            outside.first?.message.hasSuffix(
                "broken-outside/facilities.geojson: feature 3 'far': lies outside the boundary, up to 961.9 m beyond it (tolerance 1 m)") == true)
        #expect(report.issues.count == 1)
    }

    /// A boundary whose south edge is a zig-zag of 60,000 vertices between 30.3001° and 30.3002°N, and a parcel
    /// down to 30.3°N beneath it. The parcel's outside part is the zig-zag's strip: simplifying it recursed once per
    /// vertex in GEOS (9.6 MB of stack: a segmentation fault on an 8 MB thread), and GEOS's point-in-area index,
    /// which sorts segments by latitude, walked every segment for every vertex measured. Worked by hand: the lowest
    /// point of the parcel is 0.0001° of latitude below the zig-zag's low vertices, and the zig-zag's edges are
    /// nearly vertical (0.017 m wide, 11 m tall), so the reach is 0.0001° · (π/180) · M(30.3°) = 11.09 m, where the
    /// meridian radius M is 6,351,660 m (WGS84 at 30.3°N: a(1 − e²)/(1 − e² sin²φ)^1.5), times the Gauss-Krüger
    /// scale 1.00001 (0.3° from the central meridian): 11.086 m, printed "11.1 m".
    @Test func aZigZagBoundaryIsMeasuredWithoutDeepRecursion() throws {
        let count = 60_000
        var ring = (0..<count).map { i in
            Coordinate(x: 120.3 + 0.01 * Double(i) / Double(count - 1), y: i % 2 == 0 ? 30.3001 : 30.3002)
        }
        ring += [Coordinate(x: 120.31, y: 30.31), Coordinate(x: 120.3, y: 30.31), ring[0]]
        var district = Validation.district([
            .industrialParks: [
                Validation.feature("p", Validation.box(120.302, 30.3, 120.304, 30.305), ["kind": "platform", "industries": "x"])
            ]
        ])
        district.layers[.boundary] = FeatureCollection(features: [Validation.feature("zz", .polygon(Polygon(exterior: ring)))])
        let report = try DistrictValidator().validate(district)
        #expect(Validation.issues(report, "geometry.invalid").isEmpty)
        let outside = Validation.issues(report, "inside.outside")
        #expect(outside.map(\.featureId) == ["p"])
        #expect(outside.first?.message.contains("reaches outside the boundary, up to 11.1 m beyond it") == true)
    }

    @Test func partlyOutsideSaysItReachesOut() throws {
        let district = Validation.district([
            .industrialParks: [
                Validation.feature("p", Validation.box(120.309, 30.309, 120.311, 30.311), ["kind": "platform", "industries": "x"])
            ]
        ])
        let report = try DistrictValidator().validate(district)
        let outside = Validation.issues(report, "inside.outside")
        #expect(outside.count == 1)
        // The far corner (120.311, 30.311) is 0.001° east and 0.001° north of the boundary's corner: √(96.2² + 110.9²) ≈ 146.8 m.
        #expect(outside.first?.message.contains("reaches outside the boundary, up to 146.8 m beyond it") == true)
    }

    /// "S2" is 0.0002° north of its line: 0.0002 · 110,857 m/° (meridian arc at 30.3°N) = 22.17 m.
    @Test func stationOffItsLine() throws {
        let report = try Validation.report("broken-station")
        #expect(report.issues.map(\.check) == ["stations.off_line"])
        #expect(
            report.issues.first?.message.hasSuffix(
                "transit.geojson: feature 2 'S2': lies 22.2 m from line '1' (feature 0 'L1'); a station must lie within 5 m of each line it lists") == true)
        let row = Validation.check(report, "stations")
        #expect(abs(try #require(Validation.figure(row, "farthest_m")) - 22.17) < 0.02)
    }

    @Test func stationOrdersMustBeConsecutive() throws {
        let report = try Validation.report("broken-order")
        #expect(report.issues.map(\.check) == ["stations.order"])
        #expect(
            report.issues.first?.message.hasSuffix(
                "broken-order/transit.geojson: line '1': station orders 1, 2, 4 are not consecutive (missing 3)") == true)
    }

    @Test func stationListingAnUnknownLineOrARepeatedOrder() throws {
        let district = Validation.district([
            .transit: [
                Validation.feature(
                    "L1", .lineString(LineString([Coordinate(x: 120.301, y: 30.305), Coordinate(x: 120.309, y: 30.305)])),
                    ["kind": "metro_line", "status": "operating", "line": "1", "stations": ["a", "b"]]),
                Validation.feature(
                    "a", .point(Point(x: 120.302, y: 30.305)),
                    ["kind": "metro_station", "status": "operating", "lines": ["1", "9"], "order": ["1": 1, "9": 1]]),
                Validation.feature(
                    "b", .point(Point(x: 120.303, y: 30.305)),
                    ["kind": "metro_station", "status": "operating", "lines": ["1"], "order": ["1": 1]])
            ]
        ])
        let report = try DistrictValidator().validate(district)
        #expect(Validation.issues(report, "stations.unknown_line").map(\.featureId) == ["a"])
        let repeated = Validation.issues(report, "stations.order")
        #expect(repeated.map(\.message) == ["/memory/transit.geojson: feature 2 'b': has order 1 on line '1', as has feature 1 'a'"])
    }
}
