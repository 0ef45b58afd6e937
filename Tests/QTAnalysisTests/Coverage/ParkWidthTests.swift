import Foundation
import QTAnalysis
import QTGeometry
import QTModel
import QTProjection
import Testing

/// GB 50180-2018 table 4.0.4's minimum widths and green area per resident, on `Tests/Fixtures/districts/park-widths`
/// (drawn in EPSG:4549 metres, from (530000, 3352000), and stored in WGS84 to 7 decimals, about 1 cm).
///
/// Two sub-districts of 1,500 m × 2,000 m: west (20,000 residents) and east (10,000). Two parks of 5 ha (`area_m2`
/// 50,000), worked by hand:
/// - park-wide, 100 m × 500 m in the west: its largest inscribed circle is 100 m across, so it passes the 15-minute
///   tier's 80 m, the 10-minute 50 m and the 5-minute 30 m;
/// - park-strip, 40 m × 1,250 m in the east: 40 m across, under 80 m and 50 m: it is a 5-minute park (30 m) only.
/// Green area per resident (table 4.0.4: 2.0, 1.0, 1.0 m²):
/// - 15 and 10 minutes: park-wide only: west 50,000 / 20,000 = 2.5 m², east 0 / 10,000 = 0, the district
///   50,000 / 30,000 = 1.667 m² (below 2.0 for the 15-minute tier, met for the 10-minute 1.0);
/// - 5 minutes: both: west 2.5, east 50,000 / 10,000 = 5.0, the district 100,000 / 30,000 = 3.333 m².
@Suite struct ParkWidthTests {
    static var directory: String { IndicatorFixtures.fixture("park-widths") }

    static func parkServices() throws -> [CoverageService] {
        let profile = try TierSelectionTests.standards().profile("gb50180")
        return try ["park_15min", "park_10min", "park_5min"].map { label in
            try profile.service(#require(profile.rules.first { $0.label == label }), mode: .radius)
        }
    }

    @Test("the standards file carries table 4.0.4's widths and per-resident areas for the three tiers")
    func tiersInTheStandardsFile() throws {
        let services = try Self.parkServices()
        #expect(services.map(\.supply.minimumArea) == [50_000, 10_000, 4_000])
        #expect(services.map(\.supply.minimumWidth) == [80, 50, 30])
        #expect(services.map(\.greenPerResidentTarget) == [2.0, 1.0, 1.0])
    }

    @Test("a park's width is its largest inscribed circle's diameter: 100 m for 100 × 500 m, 40 m for 40 × 1,250 m")
    func widthsOfTheFixtureParks() throws {
        let district = try DistrictLoader().load(directory: Self.directory).district
        let context = try GeometryContext()
        let toMetric = try Transformer(from: .wgs84, to: try CRS(parsing: "EPSG:4549"))
        var widths: [String: Double] = [:]
        for f in district.features(.parks) {
            let metric = try context.make(try toMetric.transform(try #require(f.geometry)))
            widths[f.properties["id"]?.stringValue ?? ""] = try ParkEdges.width(of: metric)
            #expect(abs(try metric.area() - 50_000) < 20) // 5 ha, to the fixture's centimetres
        }
        #expect(abs(try #require(widths["park-wide"]) - 100) < 0.1, "\(widths)")
        #expect(abs(try #require(widths["park-strip"]) - 40) < 0.1, "\(widths)")
    }

    @Test("a park counts in a tier only when both its area and its width pass; green area per resident by sub-district")
    func tiersByAreaAndWidth() async throws {
        let services = try Self.parkServices()
        let district = try DistrictLoader().load(directory: Self.directory).district
        let inputs = try Coverage.prepare(district, services: services, standards: try TierSelectionTests.standards(), options: CoverageOptions())
        let results = try await Coverage.measure(services, in: inputs)
        let (fifteen, ten, five) = (results[0], results[1], results[2])
        // Both parks are 5 ha: the 40 m strip fails 80 m and 50 m.
        #expect(fifteen.facilities == 1 && fifteen.narrowParks == ["park-strip"])
        #expect(ten.facilities == 1 && ten.narrowParks == ["park-strip"])
        #expect(five.facilities == 2 && five.narrowParks.isEmpty)
        let near = { (a: Double?, b: Double) in a.map { abs($0 - b) < 0.001 } ?? false }
        for r in [fifteen, ten] {
            let green = try #require(r.greenPerResident)
            #expect(abs(green.areaSquareMetres - 50_000) < 20)
            #expect(near(green.total, 50_000.0 / 30_000), "\(green)")
            #expect(r.bySubdistrict.map(\.name) == ["西街道", "东街道"])
            #expect(near(green.bySubdistrict[0], 2.5) && near(green.bySubdistrict[1], 0), "\(green)")
        }
        #expect(fifteen.greenPerResident?.targetSquareMetres == 2.0 && ten.greenPerResident?.targetSquareMetres == 1.0)
        let green5 = try #require(five.greenPerResident)
        #expect(abs(green5.areaSquareMetres - 100_000) < 40)
        #expect(near(green5.total, 100_000.0 / 30_000) && near(green5.bySubdistrict[0], 2.5) && near(green5.bySubdistrict[1], 5.0), "\(green5)")
        // A row without a width keeps both parks (300米见绿 is not a 居住区公园 tier).
        let green300 = CoverageService(label: "green", supply: SupplySelector(type: "park", minimumArea: 2_000), minutes: 5, distance: 300, mode: .radius)
        let plain = try await Coverage.measure(
            [green300], in: try Coverage.prepare(district, services: [green300], standards: try TierSelectionTests.standards(), options: CoverageOptions()))
        #expect(plain[0].facilities == 2 && plain[0].greenPerResident == nil)
    }
}
