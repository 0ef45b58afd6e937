import Foundation
import QTAnalysis
import QTGeometry
import QTModel
import QTProjection
import Testing

/// Parks as areas, reached at their edge, on `Tests/Fixtures/districts/tiers-small` (residents of indicators-small).
///
/// Residents stand at their rectangles' points on surface: pop-1 (600, west) at (120.3015, 30.3025), pop-2 (400, west)
/// at (120.3015, 30.3075), pop-3 (1,000, east) at (120.3075, 30.3025).
/// Parks: park-big 120.3030–120.3040 × 30.3015–30.3035 (`area_m2` 21,330: ≥ 1 ha, < 5 ha); park-small 120.3070–120.3075
/// × 30.3045–30.3050 (2,665 m²: under 0.4 ha, over 2,000 m²); park-planned (60,000 m², planned: left out).
/// Worked by hand (distances to the nearest outline point, the points' own longitude or latitude, measured as geodesics
/// by PROJ and compared with the engine's planar EPSG:4549 metres, which agree to millimetres here):
///   pop-1 → park-big's west edge at 30.3025: 0.0015° of longitude ≈ 144 m (a park *point* at its centre would be 192 m);
///   pop-2 → park-big's corner (120.3030, 30.3035): √(144² + 443²) ≈ 466 m; pop-3 → park-big's east edge 0.0035° ≈ 337 m,
///   → park-small's corner (120.3075, 30.3045) straight north, 0.002° of latitude ≈ 222 m.
/// So at 300 m: parks ≥ 0.4 ha reach pop-1 only (600 of 2,000 = 30%); parks ≥ 2,000 m² reach pop-1 and pop-3 (80%).
/// At 500 m, parks ≥ 1 ha reach everyone; no park is ≥ 5 ha (0 parks, 0%).
@Suite struct ParkCoverageTests {
    static func inputs(_ services: [CoverageService], includePlanned: Bool = false) throws -> CoverageInputs {
        let district = try DistrictLoader().load(directory: TierIndicatorTests.directory).district
        let standards = try TierSelectionTests.standards()
        return try Coverage.prepare(
            district, services: services, standards: standards,
            options: CoverageOptions(includePlanned: includePlanned))
    }

    static func service(_ label: String, least: Double, metres: Double) -> CoverageService {
        CoverageService(
            label: label, supply: SupplySelector(type: "park", minimumArea: least), minutes: 5,
            distance: metres, mode: .radius)
    }

    static func geodesic(_ a: (Double, Double), _ b: (Double, Double)) -> Double {
        Geodesic.wgs84.distance(from: Coordinate(x: a.0, y: a.1), to: Coordinate(x: b.0, y: b.1))
    }

    @Test func parksAreReachedAtTheirEdge() async throws {
        let services = [
            Self.service("park_5min", least: 4_000, metres: 300), Self.service("green_300", least: 2_000, metres: 300),
            Self.service("park_10min", least: 10_000, metres: 500), Self.service("park_15min", least: 50_000, metres: 1_000)
        ]
        let inputs = try Self.inputs(services)
        let results = try await Coverage.measure(services, in: inputs)
        let ids = inputs.demand.ids
        func reach(_ r: CoverageResult, _ id: String) throws -> Double { r.reach[try #require(ids.firstIndex(of: id))] }

        let five = results[0]
        #expect(five.facilities == 1) // one park, however many points its outline has
        #expect(abs(try reach(five, "pop-1") - Self.geodesic((120.3015, 30.3025), (120.3030, 30.3025))) < 0.05)
        #expect(abs(try reach(five, "pop-1") - 144.2) < 0.5)
        #expect(five.total.covered == 600 && five.total.population == 2_000)

        let green = results[1]
        #expect(green.facilities == 2)
        #expect(abs(try reach(green, "pop-3") - Self.geodesic((120.3075, 30.3025), (120.3075, 30.3045))) < 0.05)
        #expect(green.total.covered == 1_600)
        #expect(green.bySubdistrict.map(\.covered) == [600, 1_000])

        let ten = results[2]
        #expect(abs(try reach(ten, "pop-3") - Self.geodesic((120.3075, 30.3025), (120.3040, 30.3025))) < 0.05)
        let corner = try reach(ten, "pop-2")
        let legs = (Self.geodesic((120.3015, 30.3075), (120.3030, 30.3075)), Self.geodesic((120.3030, 30.3075), (120.3030, 30.3035)))
        #expect(abs(corner - (legs.0 * legs.0 + legs.1 * legs.1).squareRoot()) < 0.5)
        #expect(ten.total.covered == 2_000)

        #expect(results[3].facilities == 0 && results[3].total.covered == 0)
    }

    @Test func plannedParksCountOnlyWhenAsked() async throws {
        let service = Self.service("park_15min", least: 50_000, metres: 100)
        let asPlanned = try await Coverage.measure([service], in: try Self.inputs([service], includePlanned: true))
        #expect(asPlanned[0].facilities == 1)
        // pop-3 is 0.0005° of longitude (≈ 48 m) west of the planned park.
        #expect(asPlanned[0].total.covered == 1_000)
    }

    /// The operating parks' polygons (park-big and park-small; park-planned is not park green space yet).
    @Test func parkAreaIsTheUnionOfThePolygons() throws {
        let district = try DistrictLoader().load(directory: TierIndicatorTests.directory).district
        let area = try #require(try LandFigures.parkArea(of: district))
        var geodesic = 0.0
        for f in district.features(.parks) where f.properties["status"] == nil { // park-planned is left out
            geodesic += try Geodesic.wgs84.area(of: try #require(f.geometry))
        }
        // Planar EPSG:4549 (near its central meridian) against PROJ's geodesic area: within 0.01%.
        #expect(abs(area - geodesic) / geodesic < 1e-4)
    }

    @Test func bundledProfileCarriesTheParkTiers() throws {
        let profile = try TierSelectionTests.standards().profile("gb50180")
        let parks = profile.rules.filter { $0.supply.type == "park" }
        #expect(parks.map(\.label) == ["park_15min", "park_10min", "park_5min", "green_within_300m", "park_within_500m"])
        #expect(parks.map { $0.supply.minimumArea ?? 0 } == [50_000, 10_000, 4_000, 2_000, 5_000])
        #expect(parks.map(\.minutes) == [15, 10, 5, 5, 10])
        #expect(parks.filter(\.inLifeCircle).count == 3)
    }
}
