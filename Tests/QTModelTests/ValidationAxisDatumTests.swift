import Foundation
import QTGeometry
import QTModel
import QTProjection
import Testing

/// The axis-order and GCJ-02 checks (warnings) and the ring-orientation warning.
@Suite struct ValidationAxisDatumTests {
    /// Points well inside the square (120.30–120.31°E, 30.30–30.31°N), away from its edges.
    static let inside = [
        Coordinate(x: 120.3015, y: 30.3015), Coordinate(x: 120.3085, y: 30.3015),
        Coordinate(x: 120.3015, y: 30.3085), Coordinate(x: 120.3085, y: 30.3085),
        Coordinate(x: 120.305, y: 30.305)
    ]

    static func facilities(_ points: [Coordinate]) -> [Feature] {
        points.enumerated().map { i, c in
            Validation.feature("f\(i)", .point(Point(c)), ["type": "park"])
        }
    }

    /// A square at 10.00–10.01°E, 50.00–50.01°N (UTM 32N), where exchanged axes stay within range.
    static func europe(_ facilities: [Feature]) -> District {
        let boundary = Validation.feature("b", Validation.box(10.0, 50.0, 10.01, 50.01))
        let manifest = DistrictManifest(
            name: "方块区", nameEn: "Square", officialAreaKm2: 0.8, metricCRS: "EPSG:32632",
            residents: 0, layers: [:])
        return District(
            directory: "/memory", manifest: manifest,
            layers: [
                .boundary: FeatureCollection(features: [boundary]),
                .facilities: FeatureCollection(features: facilities)
            ])
    }

    @Test func swappedAxesInRangeAreDetectedAndNamed() throws {
        let swapped = [Coordinate(x: 50.002, y: 10.003), Coordinate(x: 50.007, y: 10.004), Coordinate(x: 50.005, y: 10.008)]
        let report = try DistrictValidator().validate(Self.europe(Self.facilities(swapped)))
        let axes = Validation.issues(report, "axes.swapped")
        #expect(axes.count == 1)
        #expect(axes.first?.severity == .warning && axes.first?.layer == .facilities)
        #expect(
            axes.first?.message == "/memory/facilities.geojson: the axes look swapped (latitude first): 3 of 3 features "
                + "lie outside the boundary as stored, 0 with longitude and latitude exchanged; GeoJSON positions are "
                + "longitude first (RFC 7946)")
        #expect(Validation.issues(report, "inside.outside").count == 3) // the features themselves are errors
        #expect(Validation.issues(report, "datum.gcj02").isEmpty)
        #expect(Validation.check(report, "axes")?.summary == "1 layer swapped")
    }

    @Test func pointsOutsideForAnotherReasonAreNotCalledSwapped() throws {
        // Two stray points 2 km east: outside, but neither exchanging the axes nor GCJ-02 brings them in.
        let stray = [Coordinate(x: 120.33, y: 30.305), Coordinate(x: 120.33, y: 30.306)]
        let report = try DistrictValidator().validate(Validation.district([.facilities: Self.facilities(Self.inside + stray)]))
        #expect(Validation.issues(report, "inside.outside").count == 2)
        #expect(Validation.issues(report, "axes.swapped").isEmpty)
        #expect(Validation.issues(report, "datum.gcj02").isEmpty)
        #expect(Validation.check(report, "axes")?.summary == "longitude first in every layer")
        #expect(Validation.check(report, "datum")?.summary == "no layer offset from the boundary")
    }

    @Test func aGCJ02ShiftedLayerIsWarnedWithTheShift() throws {
        let shifted = Self.inside.map(GCJ02.fromWGS84) // about 510 m east-south-east in Hangzhou
        let report = try DistrictValidator().validate(Validation.district([.facilities: Self.facilities(shifted)]))
        let datum = Validation.issues(report, "datum.gcj02")
        #expect(datum.count == 1)
        #expect(datum.first?.severity == .warning)
        #expect(
            datum.first?.message.hasPrefix(
                "/memory/facilities.geojson: the layer looks GCJ-02-shifted (about 510 m "
                    + "from WGS84): 3 of 5 features lie outside the boundary as stored, 0 after "
                    + "converting from GCJ-02 to WGS84") == true)
        #expect(Validation.issues(report, "axes.swapped").isEmpty)
        // Converted back, the layer is clean.
        let fixed = try DistrictValidator().validate(Validation.district([.facilities: Self.facilities(shifted.map(GCJ02.toWGS84))]))
        #expect(fixed.issues.isEmpty, "\(fixed.issues.map(\.message))")
    }

    @Test func aGCJ02BoundaryAgainstAWGS84LayerBlamesTheBoundary() throws {
        var district = Validation.district([.facilities: Self.facilities(Self.inside)])
        let boundary = Validation.box(120.3, 30.3, 120.31, 30.31).mapCoordinates(GCJ02.fromWGS84)
        district.layers[.boundary] = FeatureCollection(features: [Validation.feature("sq", boundary)])
        let report = try DistrictValidator().validate(district)
        let datum = Validation.issues(report, "datum.gcj02")
        #expect(datum.count == 1)
        #expect(datum.first?.message.contains("the boundary looks GCJ-02-shifted against this layer (about 510 m)") == true)
    }

    @Test func cleanDataCostsTheChecksNothingAndPasses() throws {
        let report = try Validation.report("valid-full")
        #expect(Validation.check(report, "axes")?.status == "ok")
        #expect(Validation.check(report, "datum")?.status == "ok")
    }

    @Test func clockwiseExteriorsAndCounterClockwiseHolesAreWarnings() throws {
        let clockwise = Geometry.polygon(
            Polygon(exterior: [
                Coordinate(x: 120.301, y: 30.301), Coordinate(x: 120.301, y: 30.305), Coordinate(x: 120.305, y: 30.305),
                Coordinate(x: 120.305, y: 30.301), Coordinate(x: 120.301, y: 30.301)
            ]))
        let park = ["kind": JSONValue.string("platform"), "industries": "测试"]
        let report = try DistrictValidator().validate(
            Validation.district([
                .industrialParks: [
                    Validation.feature("cw", clockwise, park),
                    Validation.feature("ccw", Validation.box(120.306, 30.306, 120.308, 30.308), park)
                ]
            ]))
        let orientation = Validation.issues(report, "geometry.orientation")
        #expect(orientation.map(\.featureId) == ["cw"])
        #expect(orientation.first?.severity == .warning)
        #expect(
            orientation.first?.message.hasSuffix(
                "feature 0 'cw': ring 0 (exterior) is clockwise: RFC 7946 wants exterior "
                    + "rings counter-clockwise and holes clockwise; qtplan reads either, but "
                    + "other tools may not") == true)
        #expect(report.errorCount == 0)
    }
}
