import Foundation
import QTGeometry
import QTModel
import QTProjection
import Testing

enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath) // Tests/QTModelTests/DistrictLoaderTests.swift
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func district(_ name: String) -> String { root.appendingPathComponent("Tests/Fixtures/districts/\(name)").path }
    static var bundled: String { root.appendingPathComponent("geodata/qiantang").path }
}

@Suite struct DistrictLoaderTests {
    @Test func loadsAHandMadeDistrict() throws {
        let (district, warnings) = try DistrictLoader().load(directory: Fixtures.district("square"))
        #expect(warnings.isEmpty)
        #expect(district.manifest.name == "方块区")
        #expect(district.manifest.metricCRS == "EPSG:4549")
        #expect(district.features(.boundary).count == 1)
        #expect(district.features(.facilities).isEmpty) // optional layers may be absent
    }

    @Test func missingFolder() {
        #expect(throws: DistrictError.missingFile(path: "/no/such/place", what: "district folder")) {
            _ = try DistrictLoader().load(directory: "/no/such/place")
        }
    }

    @Test func wrongTypedField() {
        let path = Fixtures.district("bad-manifest") + "/district.json"
        #expect(throws: DistrictError.invalidData(path: path, detail: "field 'official_area_km2': expected a number, found a string")) {
            _ = try DistrictLoader().load(directory: Fixtures.district("bad-manifest"))
        }
    }

    @Test func summaryMeasuresTheSquare() throws {
        let (district, _) = try DistrictLoader().load(directory: Fixtures.district("square"))
        let summary = try DistrictSummary(district)
        // 0.01° × 0.01° from 30.30°N: b²/2·[q(30.31°) − q(30.30°)]·Δλ = 1.066338 km² by the authalic formula
        // (the formula is spelled out in QTProjectionTests/GeodesicTests); geodesic edges differ by ~1e-5.
        #expect(abs(summary.geodesicAreaKm2 - 1.066338) < 1e-4)
        #expect(summary.layerCounts == [.boundary: 1])
        #expect(abs(summary.areaDifferencePercent - (summary.geodesicAreaKm2 - 1.1) / 1.1 * 100) < 1e-12)
    }
}

@Suite struct BundledDistrictTests {
    @Test func bundledManifestStatesTheOfficialFigures() throws {
        let (district, warnings) = try DistrictLoader().load(directory: Fixtures.bundled)
        #expect(warnings.isEmpty)
        #expect(district.manifest.officialAreaKm2 == 531.7)
        #expect(district.manifest.residents == 793_000)
        #expect(district.manifest.metricCRS == "EPSG:4549")
    }

    /// The boundary's geodesic area (Karney, geod_polygonarea) against an independent computation: project to
    /// an Albers equal-area conic fitted to the district with PROJ and take GEOS's planar area. Within 0.05%.
    @Test func boundaryAreaAgreesWithAnEqualAreaProjection() throws {
        let (district, _) = try DistrictLoader().load(directory: Fixtures.bundled)
        let geodesic = try Geodesic.wgs84.area(of: district.boundary)
        let albers = CRS.definition("+proj=aea +lat_1=30.2 +lat_2=30.4 +lat_0=30.3 +lon_0=120.5 +ellps=WGS84 +units=m")
        let projected = try Transformer(from: .wgs84, to: albers).transform(district.boundary)
        let planar = try GeometryContext().make(projected).area()
        #expect(abs(geodesic - planar) / planar < 0.0005)
        // About 522.6 km², 1.8% under the official 531.7 km²; both are reported, neither adjusted.
        #expect(abs(geodesic / 1e6 - 522.6) < 0.5)
    }

    @Test func boundaryIsValidAndCounterClockwise() throws {
        let (district, _) = try DistrictLoader().load(directory: Fixtures.bundled)
        let context = try GeometryContext()
        #expect(try context.make(district.boundary).isValid())
        guard case .multiPolygon(let m) = district.boundary else { Issue.record("not polygons"); return }
        for polygon in m.polygons {
            #expect(try context.isCounterClockwise(try #require(polygon.exterior)))
        }
        for feature in district.features(.boundary) {
            #expect(feature.properties["source"]?.stringValue?.hasPrefix("reference:") == true)
            #expect(feature.properties["accuracy_m"]?.doubleValue != nil)
        }
    }
}
