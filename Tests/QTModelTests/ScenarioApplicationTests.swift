import Foundation
import QTGeometry
import QTModel
import Testing

/// Applying plans to the hand-made district `coverage-small` (streets on a 0.008° × 0.006° grid): what each
/// edit does to the layers, worked out by hand.
struct ScenarioApplicationTests {
    static func district() throws -> District {
        try DistrictLoader().load(directory: Fixtures.district("coverage-small")).district
    }

    static func plan(_ features: [Feature]) throws -> ScenarioPlan {
        try ScenarioPlan(name: "t", path: "plan.geojson", features: features)
    }

    static func line(_ points: [(Double, Double)]) -> Geometry { .lineString(LineString(points.map { Coordinate(x: $0.0, y: $0.1) })) }

    @Test func aStreetEndNearANodeTakesItsCoordinateAndAJunctionSplitsTheEdge() throws {
        // From 2 m east of the node (120.31, 30.302) northwards to the middle of edge-06 (120.302–120.31 at 30.308).
        let street = Feature(
            geometry: Self.line([(120.31002, 30.302), (120.306, 30.308)]),
            properties: ["layer": "network", "id": "new", "road_class": "local", "junction": true])
        let applied = try Self.district().applying(try Self.plan([street]))
        let network = applied.district.features(.network)
        let ids = network.compactMap { $0.properties["id"]?.stringValue }
        #expect(ids.contains("edge-06-a") && ids.contains("edge-06-b") && !ids.contains("edge-06"))
        #expect(network.count == 17 + 1 + 1) // one edge split in two, one new street
        let new = try #require(network.first { $0.properties["id"]?.stringValue == "new" })
        guard case .lineString(let l)? = new.geometry else { Issue.record("not a line"); return }
        #expect(l.coordinates[0] == Coordinate(x: 120.31, y: 30.302)) // snapped to the node exactly
        // The nearest point of edge-06 (to floating point: t is found in the metric CRS), where both halves now meet.
        let junction = l.coordinates[1]
        #expect(abs(junction.x - 120.306) < 1e-8 && abs(junction.y - 30.308) < 1e-12)
        let halves = network.filter { ["edge-06-a", "edge-06-b"].contains($0.properties["id"]?.stringValue ?? "") }
        let ends = halves.compactMap { f -> [Coordinate]? in if case .lineString(let h)? = f.geometry { return h.coordinates } else { return nil } }
        #expect(ends.count == 2 && ends[0].last == junction && ends[1].first == junction)
        #expect(applied.touch.network && !applied.touch.population)
        // 120.31 → 120.306 is 0.004° of longitude at 30.3° (384.8 m) and 0.006° of latitude (665.3 m): √ ≈ 768.6 m.
        let length = try #require(new.properties["length_m"]?.doubleValue)
        #expect(abs(length - 768.6) < 1.5, "\(length)")
    }

    @Test func aStreetJoiningNothingIsRefusedWithItsDistance() throws {
        let street = Feature(geometry: Self.line([(120.40, 30.40), (120.41, 30.40)]), properties: ["layer": "network", "id": "far", "road_class": "local"])
        #expect(throws: ScenarioError.self) { try Self.district().applying(try Self.plan([street])) }
        do { _ = try Self.district().applying(try Self.plan([street])) } catch let error as ScenarioError {
            #expect(error.description.hasPrefix("plan.geojson: feature 0 'far': neither end of the new street joins the network: the nearest street end is "))
            #expect(error.description.contains("(ends join within 10 m; junction: true joins the side of a street)"))
        }
    }

    @Test func residentsFromFloorAreaAndTheDefaultsSaid() throws {
        let square: Geometry = .polygon(
            Polygon(rings: [
                [
                    Coordinate(x: 120.313, y: 30.3045), Coordinate(x: 120.315, y: 30.3045),
                    Coordinate(x: 120.315, y: 30.3055), Coordinate(x: 120.313, y: 30.3055),
                    Coordinate(x: 120.313, y: 30.3045)
                ]
            ]))
        // 36,000 m² of floor at 40 m² per resident: 900 residents.
        let parcel = Feature(geometry: square, properties: ["layer": "population", "id": "p", "floor_area_m2": 36_000, "floor_area_per_person_m2": 40])
        let applied = try Self.district().applying(try Self.plan([parcel]))
        let added = try #require(applied.district.features(.population).first { $0.properties["id"]?.stringValue == "p" })
        #expect(added.properties["population"]?.doubleValue == 900)
        #expect(added.properties["population_basis"]?.stringValue == "floor area 36,000 m² ÷ 40 m² per resident")
        #expect(added.properties["aged_60_plus_share"]?.doubleValue == 0.15) // every fixture parcel has 0.15
        #expect(applied.district.manifest.residents == 4000 + 900)
        #expect(applied.notes.contains("p: aged_60_plus_share not given, set to the district's 15.00%"))
        #expect(applied.touch.population)
    }

    @Test func changesAndClosesNeedTheirIdsAndTheLayersFields() throws {
        let change = Feature(geometry: nil, properties: ["layer": "facilities", "action": "change", "id": "kg-1", "places": 360])
        let applied = try Self.district().applying(try Self.plan([change]))
        #expect(applied.district.features(.facilities).first { $0.properties["id"]?.stringValue == "kg-1" }?.properties["places"]?.doubleValue == 360)
        #expect(applied.touch.facilityTypes == ["kindergarten"])
        let wrong = Feature(geometry: nil, properties: ["layer": "facilities", "action": "change", "id": "kg-1", "colour": "red"])
        #expect(throws: ScenarioError.self) { try Self.district().applying(try Self.plan([wrong])) }
        #expect(throws: ScenarioError.invalidPlan(path: "plan.geojson", feature: "feature 0", detail: "close needs the 'id' of the feature it closes")) {
            try Self.plan([Feature(geometry: nil, properties: ["layer": "facilities", "action": "close"])])
        }
    }
}
