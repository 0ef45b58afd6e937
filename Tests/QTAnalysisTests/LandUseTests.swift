import Foundation
import QTAnalysis
import QTGeometry
import QTModel
import QTProjection
import Testing

/// Districts built in memory from rectangles drawn in EPSG:4549 metres (near 120.35°E 30.30°N) and
/// converted to WGS84, as a district folder stores them. With `densifyStepDegrees: 0` the computation
/// projects the vertices back exactly, so planar areas are those of the metric rectangles, known by hand.
enum LandUseFixture {
    static let x0 = 533_000.0, y0 = 3_353_000.0

    /// A rectangle in metres relative to (x0, y0), with optional extra vertices on its edges (shared
    /// vertices, so that neighbours form a clean coverage), as a WGS84 polygon.
    static func rect(
        _ minX: Double, _ minY: Double, _ maxX: Double, _ maxY: Double,
        extra: [(Double, Double)] = []
    ) throws -> Geometry {
        try polygon([(minX, minY), (maxX, minY), (maxX, maxY), (minX, maxY)], extra: extra)
    }

    /// A polygon from metre offsets (counter-clockwise); `extra` vertices are inserted on the edges they lie on.
    static func polygon(_ corners: [(Double, Double)], extra: [(Double, Double)] = []) throws -> Geometry {
        var ring: [(Double, Double)] = []
        for (i, a) in corners.enumerated() {
            let b = corners[(i + 1) % corners.count]
            ring.append(a)
            // Points strictly inside edge a→b, in order along it.
            let on = extra.filter { p in
                let cross = (b.0 - a.0) * (p.1 - a.1) - (b.1 - a.1) * (p.0 - a.0)
                let dot = (p.0 - a.0) * (b.0 - a.0) + (p.1 - a.1) * (b.1 - a.1)
                let len2 = (b.0 - a.0) * (b.0 - a.0) + (b.1 - a.1) * (b.1 - a.1)
                return abs(cross) < 1e-9 && dot > 0 && dot < len2
            }.sorted { ($0.0 - a.0) * (b.0 - a.0) + ($0.1 - a.1) * (b.1 - a.1) < ($1.0 - a.0) * (b.0 - a.0) + ($1.1 - a.1) * (b.1 - a.1) }
            ring += on
        }
        ring.append(ring[0])
        let toWGS = try Transformer(from: .cgcs2000GK120, to: .wgs84)
        let coordinates = try toWGS.transform(ring.map { Coordinate(x: x0 + $0.0, y: y0 + $0.1) })
        return .polygon(Polygon(exterior: coordinates))
    }

    static func feature(
        _ id: String, _ geometry: Geometry, _ properties: [String: JSONValue] = [:],
        source: String = "modelled"
    ) -> Feature {
        var p = properties
        p["id"] = .string(id)
        p["source"] = .string(source)
        p["accuracy_m"] = .number(0)
        return Feature(geometry: geometry, properties: p)
    }

    static func parcel(_ id: String, _ landClass: LandUseClass, _ geometry: Geometry, source: String = "modelled") -> Feature {
        feature(id, geometry, ["class": .string(landClass.rawValue), "code": .string(landClass.nationalCode)], source: source)
    }

    static func district(
        boundary: Geometry, subdistricts: [Feature] = [], parks: [Feature] = [],
        parcels: [Feature]
    ) -> District {
        var layers: [LayerName: FeatureCollection] = [
            .boundary: FeatureCollection(features: [feature("b", boundary)]),
            .landuse: FeatureCollection(features: parcels)
        ]
        if !subdistricts.isEmpty { layers[.subdistricts] = FeatureCollection(features: subdistricts) }
        if !parks.isEmpty { layers[.industrialParks] = FeatureCollection(features: parks) }
        let manifest = DistrictManifest(
            name: "测试区", nameEn: "Test", officialAreaKm2: 2.1, metricCRS: "EPSG:4549",
            residents: 0, layers: [:])
        return District(directory: "/in-memory", manifest: manifest, layers: layers)
    }

    /// A 2,000 m × 1,000 m boundary; sub-districts west (A) and east (B) of x = 1,000; four parcels:
    ///
    ///     y=1000 +--------+---------------+--------+
    ///            |        | p3 green_space|        |
    ///            | p1     |  (cut at 1000)| p4     |
    ///      500   | crop-  +---------------+ indus- |
    ///            | land   | p2 residential| trial  |
    ///            |        |  (cut at 1000)|        |
    ///        0   +--------+-------+-------+--------+
    ///            0       600     1000    1400    2000
    static func split() throws -> District {
        let boundary = try rect(0, 0, 2000, 1000, extra: [(1000, 0), (1000, 1000)])
        let a = feature("a", try rect(0, 0, 1000, 1000, extra: [(600, 0), (600, 1000), (1000, 500)]), ["name": .string("甲街道")])
        let b = feature("b", try rect(1000, 0, 2000, 1000, extra: [(1400, 0), (1400, 1000), (1000, 500)]), ["name": .string("乙街道")])
        let parcels = [
            parcel("p1", .cropland, try rect(0, 0, 600, 1000, extra: [(600, 500)])),
            parcel("p2", .residential, try rect(600, 0, 1400, 500, extra: [(1000, 0)])),
            parcel("p3", .greenSpace, try rect(600, 500, 1400, 1000, extra: [(1000, 1000)])),
            parcel("p4", .industrial, try rect(1400, 0, 2000, 1000, extra: [(1400, 500)]))
        ]
        return district(boundary: boundary, subdistricts: [a, b], parcels: parcels)
    }
}

@Suite struct LandUseSplitTests {
    static let planarExact = LandUseOptions(method: .planar, densifyStepDegrees: 0)

    /// By class and sub-district, planar, m²:
    /// A (x < 1000): p1 600×1000 = 600,000; p2 west 400×500 = 200,000; p3 west 400×500 = 200,000.
    /// B (x > 1000): p2 east 200,000; p3 east 200,000; p4 600×1000 = 600,000.
    /// Shares of the sub-district (1,000,000 each): 0.6, 0.2, 0.2.
    @Test func parcelsAreCutBySubdistrictAndAddUp() throws {
        let report = try LandUse.compute(try LandUseFixture.split(), options: Self.planarExact)
        let got = report.rows.map { "\($0.zone?.id ?? "-") \($0.landClass!.rawValue)" }
        #expect(got == ["a cropland", "a residential", "a green_space", "b residential", "b industrial", "b green_space"])
        let expected: [Double] = [600_000, 200_000, 200_000, 200_000, 600_000, 200_000]
        for (row, area) in zip(report.rows, expected) {
            #expect(abs(row.area - area) < 1e-3, "\(row)")
        }
        #expect(abs(report.rows[0].share - 0.6) < 1e-9 && abs(report.rows[1].share - 0.2) < 1e-9)
        #expect(report.cutParcelCount == 2)
        // The two pieces of p2 (200,000 + 200,000) add up to p2 (800 × 500 = 400,000).
        #expect(abs(report.classTotals[.residential]! - 400_000) < 1e-3)
        #expect(abs(report.rows[1].area + report.rows[3].area - report.classTotals[.residential]!) < 1e-6)
        #expect(abs(report.total - 2_000_000) < 1e-3)
        #expect(abs(report.boundaryArea - 2_000_000) < 1e-3)
        #expect(report.gapArea < 1e-3 && report.overlapArea == 0 && report.outsideBoundaryArea < 1e-3)
        #expect(report.outsideZonesArea < 1e-3)
        #expect(report.officialArea == 2_100_000)
    }

    @Test func bySubdistrictAndByClass() throws {
        let district = try LandUseFixture.split()
        var options = Self.planarExact
        options.grouping = LandUseGrouping(byClass: false, zone: .subdistrict)
        let zones = try LandUse.compute(district, options: options)
        #expect(zones.rows.map { $0.zone!.id } == ["a", "b"])
        #expect(zones.rows.allSatisfy { abs($0.area - 1_000_000) < 1e-3 && abs($0.share - 0.5) < 1e-9 })
        options.grouping = LandUseGrouping(byClass: true, zone: nil)
        let classes = try LandUse.compute(district, options: options)
        // cropland 600,000 (0.3 of 2,000,000), residential 400,000 (0.2), industrial 600,000, green 400,000.
        #expect(classes.rows.map { $0.landClass! } == [.cropland, .residential, .industrial, .greenSpace])
        #expect(classes.rows.map { ($0.area / 1000).rounded() } == [600, 400, 600, 400])
        #expect(abs(classes.rows[0].share - 0.3) < 1e-9)
        #expect(classes.cutParcelCount == 0)
    }

    /// Urban construction land = residential 400,000 + industrial 600,000 + green space 400,000
    /// = 1,400,000 m² (cropland is not); cropland 600,000 m² / (10,000/15) = 900 亩;
    /// green space share = 400,000 / 1,400,000 = 2/7 = 0.285714….
    @Test func derivedFiguresWorkedExample() throws {
        let report = try LandUse.compute(try LandUseFixture.split(), options: Self.planarExact)
        #expect(abs(report.derived.urbanConstructionArea - 1_400_000) < 1e-3)
        #expect(abs(report.derived.croplandMu - 900) < 1e-6)
        #expect(abs(report.derived.greenSpaceShare - 2.0 / 7.0) < 1e-9)
        // The plan's figures the derived ones are compared with come from the bundled targets file.
        let land = try #require(try IndicatorTargets.load(path: IndicatorFixtures.targetsPath).land)
        #expect(land.urbanConstructionSquareMetres == 124e6 && land.croplandMu.target == 90_000)
    }

    /// `--unmapped-as unclassified` parcels: the split district with p4 (600 × 1,000 = 600,000 m²) unclassified.
    /// It has its own row (0.3 of 2,000,000) and counts in the total, but as no real class: urban construction
    /// land = residential 400,000 + green space 400,000 = 800,000 m², green space share = 400,000 / 800,000 = 0.5.
    @Test func unclassifiedParcelsHaveTheirOwnRowAndCountAsNoClass() throws {
        var district = try LandUseFixture.split()
        var parcels = district.features(.landuse)
        let p4 = try #require(parcels.firstIndex { $0.properties["id"]?.stringValue == "p4" })
        parcels[p4] = LandUseFixture.parcel("p4", .unclassified, try #require(parcels[p4].geometry))
        district.layers[.landuse] = FeatureCollection(features: parcels)
        var options = Self.planarExact
        options.grouping = LandUseGrouping(byClass: true, zone: nil)
        let report = try LandUse.compute(district, options: options)
        #expect(report.rows.map { $0.landClass! } == [.cropland, .residential, .greenSpace, .unclassified])
        #expect(report.rows.map { ($0.area / 1000).rounded() } == [600, 400, 400, 600])
        #expect(abs(report.rows[3].share - 0.3) < 1e-9)
        #expect(abs(report.classTotals[.unclassified]! - 600_000) < 1e-3)
        #expect(report.classTotals[.industrial] == nil)
        #expect(abs(report.total - 2_000_000) < 1e-3)
        #expect(abs(report.derived.urbanConstructionArea - 800_000) < 1e-3)
        #expect(abs(report.derived.greenSpaceShare - 0.5) < 1e-9)
        #expect(LandUseClass.unclassified.nationalCode == LandUseClass.noNationalCode)
        #expect(!LandUseClass.unclassified.isBuiltUp && !LandUseClass.unclassified.isUrbanConstruction)
    }

    /// The default densification (0.001°) follows the lon/lat-straight edges between the stored corners
    /// instead of the metric chords they were drawn as: a 1 km edge at 33 km from 120°E bends by about
    /// 1.1 cm, so a rectangle's area moves by at most about ⅔ · 0.011 m · 1,000 m per edge ≈ 7 m², and the
    /// total of 2,000,000 m² by less than 30 m². For the same reason a corner drawn on a neighbour's metric
    /// edge (600,0 on the boundary's 0–1000 edge) is off its lon/lat edge by millimetres: gaps and overlaps
    /// of that order (under 30 m² in all) appear, and the reconciliation still holds.
    @Test func defaultDensificationChangesAreasByLittle() throws {
        let report = try LandUse.compute(try LandUseFixture.split(), options: LandUseOptions(method: .planar))
        #expect(abs(report.total - 2_000_000) < 30)
        let pieces = report.rows.reduce(0) { $0 + $1.area } + report.outsideZonesArea
        #expect(abs(pieces - report.total) < 1e-3)
        #expect(report.gapArea < 30 && report.overlapArea < 30)
        #expect(abs(report.reconciledTotal - report.total) < 1e-3)
    }

    @Test func modelledLayerIsFlagged() throws {
        let report = try LandUse.compute(try LandUseFixture.split(), options: Self.planarExact)
        #expect(report.isModelled && report.sources == ["modelled": 4])
        var district = try LandUseFixture.split()
        district.layers[.landuse] = FeatureCollection(
            features: district.features(.landuse).map {
                var f = $0
                f.properties["source"] = .string("seed:plan.txt")
                return f
            })
        let seeded = try LandUse.compute(district, options: Self.planarExact)
        #expect(!seeded.isModelled && seeded.sources == ["seed": 4])
    }

    /// Units: 1,000,000 m² = 1 km² = 100 ha = 1,500 亩 (1 亩 = 10,000/15 m²).
    @Test func unitConversions() {
        #expect(AreaUnit.km2.value(1_000_000) == 1)
        #expect(AreaUnit.ha.value(1_000_000) == 100)
        #expect(abs(AreaUnit.mu.value(1_000_000) - 1_500) < 1e-9)
        #expect(abs(AreaUnit.mu.value(666.6666666666666) - 1) < 1e-12)
    }

    @Test func groupingParses() {
        #expect(LandUseGrouping(parsing: "class,subdistrict") == LandUseGrouping(byClass: true, zone: .subdistrict))
        #expect(LandUseGrouping(parsing: "industrial_park") == LandUseGrouping(byClass: false, zone: .industrialPark))
        #expect(LandUseGrouping(parsing: "class")?.description == "class")
        #expect(LandUseGrouping(parsing: "subdistrict,industrial_park") == nil)
        #expect(LandUseGrouping(parsing: "class,class") == nil)
        #expect(LandUseGrouping(parsing: "klass") == nil)
    }
}

@Suite struct LandUseReconciliationTests {
    /// Boundary 2,000 × 1,000 m. q1 = [0,1000]×[0,1000] (1,000,000 m²); q2 = [900,2100]×[0,800]
    /// (1,200 × 800 = 960,000 m²). Overlap [900,1000]×[0,800] = 80,000; gap [1000,2000]×[800,1000]
    /// = 200,000; q2 beyond the boundary [2000,2100]×[0,800] = 80,000. Total 1,960,000
    /// = 2,000,000 − 200,000 + 80,000 + 80,000.
    static func overlapping() throws -> District {
        let boundary = try LandUseFixture.rect(0, 0, 2000, 1000)
        return LandUseFixture.district(
            boundary: boundary,
            parcels: [
                LandUseFixture.parcel("q1", .cropland, try LandUseFixture.rect(0, 0, 1000, 1000)),
                LandUseFixture.parcel("q2", .industrial, try LandUseFixture.rect(900, 0, 2100, 800))
            ])
    }

    @Test func overlapGapAndOutsideAreMeasured() throws {
        let options = LandUseOptions(grouping: LandUseGrouping(byClass: true, zone: nil), method: .planar, densifyStepDegrees: 0)
        let report = try LandUse.compute(try Self.overlapping(), options: options)
        #expect(abs(report.total - 1_960_000) < 1e-3)
        #expect(abs(report.overlapArea - 80_000) < 1e-3)
        #expect(abs(report.gapArea - 200_000) < 1e-3)
        #expect(abs(report.outsideBoundaryArea - 80_000) < 1e-3)
        #expect(abs(report.reconciledTotal - report.total) < 1e-3)
        let kinds = report.pieces.map { $0.properties["kind"]?.stringValue ?? "" }
        #expect(kinds.sorted() == ["gap", "outside_boundary", "overlap"])
        let overlap = try #require(report.pieces.first { $0.properties["kind"] == .string("overlap") })
        #expect(overlap.properties["features"] == .array([.string("q1"), .string("q2")]))
        #expect(overlap.properties["area_m2"] == .number(80_000))
    }

    /// Industrial parks may overlap and most land lies in none. Boundary 2,000 × 1,000 m, one parcel per
    /// half (west cropland, east industrial); park X = [500,1500]×[0,1000] (crosses both parcels); park
    /// Y = [1200,1400]×[200,400] inside X and the east parcel. By class and park:
    /// X: cropland 500×1000 = 500,000, industrial 500,000; Y: industrial 200×200 = 40,000;
    /// outside every park: cropland 500,000, industrial 500,000 (Y lies inside X, so adds nothing).
    @Test func industrialParksMayOverlap() throws {
        let boundary = try LandUseFixture.rect(0, 0, 2000, 1000)
        let district = LandUseFixture.district(
            boundary: boundary,
            parks: [
                LandUseFixture.feature("x", try LandUseFixture.rect(500, 0, 1500, 1000)),
                LandUseFixture.feature("y", try LandUseFixture.rect(1200, 200, 1400, 400))
            ],
            parcels: [
                LandUseFixture.parcel("w", .cropland, try LandUseFixture.rect(0, 0, 1000, 1000)),
                LandUseFixture.parcel("e", .industrial, try LandUseFixture.rect(1000, 0, 2000, 1000))
            ])
        let options = LandUseOptions(
            grouping: LandUseGrouping(byClass: true, zone: .industrialPark), method: .planar,
            densifyStepDegrees: 0)
        let report = try LandUse.compute(district, options: options)
        let got = report.rows.map { "\($0.zone?.id ?? "outside") \($0.landClass!.rawValue) \(Int($0.area.rounded()))" }
        #expect(
            got == [
                "x cropland 500000", "x industrial 500000", "y industrial 40000",
                "outside cropland 500000", "outside industrial 500000"
            ])
        #expect(abs(report.outsideZonesArea - 1_000_000) < 1e-3)
    }

    @Test func badInputIsReported() throws {
        var district = try LandUseFixture.split()
        var parcels = district.features(.landuse)
        parcels[2].properties["class"] = .string("swamp")
        district.layers[.landuse] = FeatureCollection(features: parcels)
        #expect(
            throws: LandUseError.invalidFeature(
                layer: .landuse, index: 2, id: "p3",
                detail: "class 'swamp' is not a land-use class")
        ) {
            _ = try LandUse.compute(district)
        }
        district.layers[.landuse] = nil
        #expect(throws: LandUseError.missingLayer(.landuse)) { _ = try LandUse.compute(district) }
        let noZones = try LandUseFixture.split()
        #expect(throws: LandUseError.missingLayer(.industrialParks)) {
            _ = try LandUse.compute(noZones, options: LandUseOptions(grouping: LandUseGrouping(byClass: true, zone: .industrialPark)))
        }
    }
}

@Suite struct LandUseParallelTests {
    /// A 100 × 50 grid of 20 m parcels over [0,2000]×[0,1000], zones split by the diagonal from (0,0) to
    /// (2000,1000): each triangle is ½·2000·1000 = 1,000,000 m². The diagonal rises 20 m every 40 m, so it
    /// runs through a grid node every second column and through the interior of exactly one cell in each of
    /// the 100 columns: 100 parcels are cut, enough for two workers.
    static func grid() throws -> District {
        let boundary = try LandUseFixture.polygon([(0, 0), (2000, 0), (2000, 1000), (0, 1000)])
        let south = LandUseFixture.feature("s", try LandUseFixture.polygon([(0, 0), (2000, 0), (2000, 1000)]))
        let north = LandUseFixture.feature("n", try LandUseFixture.polygon([(0, 0), (2000, 1000), (0, 1000)]))
        var parcels: [Feature] = []
        let classes = LandUseClass.allCases
        for i in 0..<100 {
            for j in 0..<50 {
                let x = Double(i) * 20, y = Double(j) * 20
                parcels.append(
                    LandUseFixture.parcel(
                        "g\(i)-\(j)", classes[(i * 7 + j * 3) % classes.count],
                        try LandUseFixture.rect(x, y, x + 20, y + 20)))
            }
        }
        return LandUseFixture.district(boundary: boundary, subdistricts: [south, north], parcels: parcels)
    }
}
