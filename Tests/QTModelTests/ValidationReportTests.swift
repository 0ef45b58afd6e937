import Foundation
import QTGeometry
import QTModel
import Testing

/// Shared helpers of the Validation*Tests files.
enum Validation {
    /// Loads a fixture district (Tests/Fixtures/districts/NAME) and validates it.
    static func report(_ name: String) throws -> ValidationReport {
        let (district, warnings) = try DistrictLoader().load(directory: Fixtures.district(name))
        return try DistrictValidator().validate(district, loadWarnings: warnings)
    }

    /// A district in memory: the square boundary (120.30–120.31°E, 30.30–30.31°N) plus `layers`.
    static func district(_ layers: [LayerName: [Feature]], residents: Int = 1000) -> District {
        var collections = layers.mapValues { FeatureCollection(features: $0) }
        collections[.boundary] = FeatureCollection(features: [feature("sq", box(120.3, 30.3, 120.31, 30.31))])
        let manifest = DistrictManifest(
            name: "方块区", nameEn: "Square Test District", officialAreaKm2: 1.1,
            metricCRS: "EPSG:4549", residents: residents, layers: [:])
        return District(directory: "/memory", manifest: manifest, layers: collections)
    }

    static func box(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> Geometry {
        .polygon(
            Polygon(exterior: [
                Coordinate(x: x0, y: y0), Coordinate(x: x1, y: y0), Coordinate(x: x1, y: y1),
                Coordinate(x: x0, y: y1), Coordinate(x: x0, y: y0)
            ]))
    }

    static func feature(_ id: String, _ geometry: Geometry?, _ properties: [String: JSONValue] = [:]) -> Feature {
        var all: [String: JSONValue] = ["id": .string(id), "source": "modelled", "accuracy_m": 1]
        all.merge(properties) { _, new in new }
        return Feature(geometry: geometry, properties: all)
    }

    /// The issues of one check code.
    static func issues(_ report: ValidationReport, _ check: String) -> [ValidationIssue] {
        report.issues.filter { $0.check == check }
    }

    /// The row of a check (by id and, for per-layer checks, layer).
    static func check(_ report: ValidationReport, _ id: String, _ layer: LayerName? = nil) -> ValidationCheck? {
        report.checks.first { $0.id == id && (layer == nil || $0.layer == layer) }
    }

    static func figure(_ check: ValidationCheck?, _ name: String) -> Double? {
        check?.figures.first { $0.name == name }?.value
    }

    /// The area of a latitude/longitude quadrangle on the WGS84 ellipsoid by the authalic formula (the same
    /// hand computation as QTProjectionTests/GeodesicTests): b²/2 · [q(φ1) − q(φ0)] · Δλ, with
    /// q(φ) = sinφ/(1−e²sin²φ) + 1/(2e)·ln((1+e sinφ)/(1−e sinφ)).
    static func quadrangleArea(lon0: Double, lat0: Double, lon1: Double, lat1: Double) -> Double {
        let a = 6_378_137.0, f = 1 / 298.257223563
        let e2 = f * (2 - f), e = e2.squareRoot(), b = a * (1 - f)
        func q(_ latDeg: Double) -> Double {
            let s = sin(latDeg * .pi / 180)
            return s / (1 - e2 * s * s) + 1 / (2 * e) * log((1 + e * s) / (1 - e * s))
        }
        return b * b / 2 * (q(lat1) - q(lat0)) * ((lon1 - lon0) * .pi / 180)
    }

    /// The area scale of Gauss-Krüger (transverse Mercator, k0 = 1) at `lon`, `lat`, to first order:
    /// k = 1 + x²/(2R²) with x the distance from the central meridian 120°E, so k² ≈ 1 + x²/R². 0.3° east of it
    /// at 30.3°N, x ≈ 28.9 km and k² ≈ 1 + 2.1e-5.
    static func gaussKrugerAreaScale(lon: Double, lat: Double) -> Double {
        let r = 6_371_000.0
        let x = (lon - 120) * .pi / 180 * r * cos(lat * .pi / 180)
        return 1 + x * x / (r * r)
    }
}

@Suite struct ValidationReportTests {
    @Test func theFullFixtureValidatesClean() throws {
        let report = try Validation.report("valid-full")
        #expect(report.issues.isEmpty, "\(report.issues.map(\.message))")
        #expect(report.passes(strict: true))
        #expect(report.district == "方块区")
        // Every check ran: none is "not present" in a district with every layer.
        #expect(report.checks.count == 17)
        #expect(report.checks.allSatisfy { $0.present })
        #expect(report.checks.allSatisfy { $0.status == "ok" })
        #expect(report.problemFeatures.isEmpty)
    }

    @Test func absentLayersAreReportedNotPresent() throws {
        let report = try Validation.report("square")
        #expect(report.issues.isEmpty)
        let absent = report.checks.filter { !$0.present }.map(\.title)
        #expect(
            absent == [
                "subdistricts tiling", "landuse tiling", "stations on lines", "walk network", "drive network",
                "population total"
            ])
        #expect(report.checks.filter { !$0.present }.allSatisfy { $0.status == "not_present" })
        #expect(Validation.check(report, "parse")?.summary.contains("not present: subdistricts") == true)
    }

    @Test func strictTurnsWarningsIntoFailure() throws {
        let report = try Validation.report("broken-network-island")
        #expect(report.errorCount == 0)
        #expect(report.warningCount == 2) // walk and drive
        #expect(report.passes(strict: false))
        #expect(!report.passes(strict: true))
    }

    @Test func reportIsDeterministic() throws {
        let first = try Validation.report("broken-overlap")
        let second = try Validation.report("broken-overlap")
        #expect(first == second)
    }

    @Test func loaderWarningsBecomeWarnings() throws {
        let report = try Validation.report("extra-key")
        let ignored = Validation.issues(report, "parse.ignored")
        #expect(ignored.map(\.severity) == [.warning, .warning])
        #expect(ignored.contains { $0.message.hasSuffix("unknown key 'colour' ignored") })
    }

    @Test func loadFailureIsOneParseError() {
        let error = DistrictError.invalidData(path: "/x/facilities.geojson", detail: "feature 0: bad")
        let report = DistrictValidator.loadFailure(directory: "/x", error: error)
        #expect(
            report.issues == [
                ValidationIssue(
                    severity: .error, layer: nil, check: "parse.failed",
                    message: "/x/facilities.geojson: feature 0: bad")
            ])
        #expect(!report.passes(strict: false))
    }
}
