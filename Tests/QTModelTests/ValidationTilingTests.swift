import Foundation
import QTGeometry
import QTModel
import Testing

@Suite struct ValidationTilingTests {
    /// A strip 0.001° wide (120.304–120.305°E) and 0.01° tall (30.30–30.31°N) between two sub-districts: a
    /// tenth of the square's 1.066338 km² by the authalic formula, enlarged by the Gauss-Krüger area scale
    /// (≈ 1 + 2.1e-5 there): about 106,636 m².
    static let strip =
        Validation.quadrangleArea(lon0: 120.304, lat0: 30.3, lon1: 120.305, lat1: 30.31)
        * Validation.gaussKrugerAreaScale(lon: 120.3045, lat: 30.305)

    @Test func gapStripIsMeasuredInSquareMetres() throws {
        #expect(abs(Self.strip - 106_636) < 1)
        let report = try Validation.report("broken-gap")
        let gaps = Validation.issues(report, "tiling.gap")
        #expect(gaps.count == 1)
        #expect(gaps.first?.severity == .error)
        #expect(gaps.first?.layer == .subdistricts)
        #expect(
            gaps.first?.message.hasSuffix(
                "broken-gap/subdistricts.geojson: gap of 106,636.0 m² at 120.304500,30.305000 covered by no sub-district "
                    + "(the boundary must be tiled)") == true)
        let row = Validation.check(report, "tiling", .subdistricts)
        let measured = try #require(Validation.figure(row, "gap_m2"))
        #expect(abs(measured - Self.strip) < 0.5)
        #expect(Validation.figure(row, "gap_pieces") == 1)
        #expect(Validation.figure(row, "overlap_m2") == 0)
        #expect(row?.summary == "gap 106,636.0 m² (1 piece), overlap 0 m²")
        #expect(report.issues.count == 1) // nothing else is wrong with the fixture
    }

    @Test func overlapStripIsMeasuredAndNamesBothFeatures() throws {
        let report = try Validation.report("broken-overlap")
        let overlaps = Validation.issues(report, "tiling.overlap")
        #expect(overlaps.count == 1)
        let issue = try #require(overlaps.first)
        #expect(issue.featureIndex == 0 && issue.featureId == "west")
        #expect(
            issue.message.hasSuffix(
                "broken-overlap/subdistricts.geojson: feature 0 'west': overlaps feature 1 'east' by 106,636.0 m² at 120.305500,30.305000"))
        let row = Validation.check(report, "tiling", .subdistricts)
        // The overlap strip 120.305–120.306°E has the same size as the gap strip one column to the west, to
        // within the change of the area scale over 0.001° (≈ 1.4e-7 relative).
        let expected =
            Validation.quadrangleArea(lon0: 120.305, lat0: 30.3, lon1: 120.306, lat1: 30.31)
            * Validation.gaussKrugerAreaScale(lon: 120.3055, lat: 30.305)
        #expect(abs(try #require(Validation.figure(row, "overlap_m2")) - expected) < 0.5)
        #expect(Validation.figure(row, "gap_m2") == 0)
        #expect(report.issues.count == 1)
        // The problem piece carries both ids.
        let piece = try #require(report.problemFeatures.first)
        #expect(piece.properties["features"] == ["west", "east"])
        #expect(piece.properties["check"] == "tiling.overlap")
        #expect(piece.properties["tolerated"] == false)
    }

    /// A rounding sliver: the west sub-district's east edge has an extra vertex 1e-7° (one unit of the 7th
    /// decimal) east of 120.305°E, half-way up a 0.001° stretch, so it overlaps its neighbour by a triangle
    /// of base 0.001° of latitude (110.857 m at 30.3°N, from the meridian radius of curvature
    /// M = a(1−e²)/(1−e²sin²φ)^1.5) and height 1e-7° of longitude (0.0096183 m, from N·cosφ):
    /// ½ · 110.857 · 0.0096183 = 0.5331 m², below the 1 m² tolerance.
    @Test func roundingSliversBelowOneSquareMetreAreTolerated() throws {
        let c = { (x: Double, y: Double) in Coordinate(x: x, y: y) }
        let west = Geometry.polygon(
            Polygon(exterior: [
                c(120.3, 30.3), c(120.305, 30.3), c(120.3050001, 30.3005), c(120.305, 30.301), c(120.305, 30.31),
                c(120.3, 30.31), c(120.3, 30.3)
            ]))
        let district = Validation.district([
            .subdistricts: [
                Validation.feature("west", west, ["block": "W"]),
                Validation.feature("east", Validation.box(120.305, 30.3, 120.31, 30.31), ["block": "E"])
            ]
        ])
        let report = try DistrictValidator().validate(district)
        #expect(report.issues.isEmpty, "\(report.issues.map(\.message))")
        let row = Validation.check(report, "tiling", .subdistricts)
        #expect(abs(try #require(Validation.figure(row, "overlap_m2")) - 0.5331) < 0.001)
        #expect(Validation.figure(row, "overlap_pieces") == 1)
        #expect(row?.summary == "gap 0 m², overlap 0.533 m² (1 sliver, tolerated)")
        #expect(report.problemFeatures.first?.properties["tolerated"] == true)
    }

    /// Land-use parcels are checked like sub-districts: here the north-east quadrant is missing, a quarter of
    /// the square (0.005° × 0.005°).
    @Test func landUseGapIsAnErrorOfTheLandUseLayer() throws {
        let district = Validation.district([
            .landuse: [
                Validation.feature("sw", Validation.box(120.3, 30.3, 120.305, 30.305), ["class": "residential", "code": "0701"]),
                Validation.feature("se", Validation.box(120.305, 30.3, 120.31, 30.305), ["class": "industrial", "code": "10"]),
                Validation.feature("nw", Validation.box(120.3, 30.305, 120.305, 30.31), ["class": "forest", "code": "03"])
            ]
        ])
        let report = try DistrictValidator().validate(district)
        let gaps = Validation.issues(report, "tiling.gap")
        #expect(gaps.count == 1 && gaps.first?.layer == .landuse)
        #expect(gaps.first?.message.contains("covered by no parcel") == true)
        let expected =
            Validation.quadrangleArea(lon0: 120.305, lat0: 30.305, lon1: 120.31, lat1: 30.31)
            * Validation.gaussKrugerAreaScale(lon: 120.3075, lat: 30.3075)
        #expect(abs(try #require(Validation.figure(Validation.check(report, "tiling", .landuse), "gap_m2")) - expected) < 1)
        #expect(Validation.check(report, "tiling", .subdistricts)?.present == false)
    }

    /// Many gap pieces: the first 20 are listed one by one (largest first), the rest in one line.
    @Test func manyGapsAreListedThenSummarised() throws {
        // The 0.01° square as 25 columns of 0.0004°: a 0.0003° parcel, then a 0.0001° gap.
        var parcels: [Feature] = []
        for i in 0..<25 {
            let x0 = 120.3 + Double(i) * 0.0004
            parcels.append(
                Validation.feature(
                    "p\(i)", Validation.box(x0, 30.3, x0 + 0.0003, 30.31),
                    ["class": "forest", "code": "03"]))
        }
        let report = try DistrictValidator().validate(Validation.district([.landuse: parcels]))
        let gaps = Validation.issues(report, "tiling.gap")
        #expect(gaps.count == 21)
        #expect(gaps.last?.message.contains("5 more gaps of") == true)
        #expect(Validation.figure(Validation.check(report, "tiling", .landuse), "gap_pieces") == 25)
        #expect(report.problemFeatures.count == 25)
    }
}
