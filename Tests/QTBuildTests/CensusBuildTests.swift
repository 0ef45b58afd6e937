import Foundation
import QTGeometry
import QTModel
import Testing

@testable import QTBuild

/// A census table of two zones spread over buildings (Tests/Fixtures/planner/README.md), worked by hand:
/// the west zone 330114001001 (1,000 residents) holds W1 (20 × 50 m, 6 storeys: 6,000 m²)
/// and W2 (20 × 30 m, 10 storeys: 6,000 m²) — 500 each — and W3, a shop (用途 商业), which carries nobody; the east
/// zone (500 residents) holds E1, E2, E3 (20 × 50 m, 3 storeys: 3,000 m² each): 166⅔ each, so 167, 167, 166 (the
/// remainders are equal to 1e-6; the geodesic footprints shrink eastwards with the Gauss-Krüger scale, so E1 and
/// E2 take the two extra residents).
@Suite struct CensusBuildTests {
    static func planner(_ name: String) -> String { BuildFixture.root.appendingPathComponent("Tests/Fixtures/planner/\(name)").path }

    static func build(
        buildings: String? = "buildings.gpkg", allowUnplaced: Bool = false, table: String = "census.csv",
        buildingsPath: String? = nil
    ) throws -> DistrictBuildResult {
        var settings = ["zones": planner("census-zones.geojson"), "zone-field": "code"]
        if let path = buildingsPath ?? buildings.map(planner) { settings["buildings"] = path }
        if allowUnplaced { settings["allow-unplaced"] = "true" }
        return try DistrictBuilder.build(
            DistrictBuildRequest(
                inputs: [BuildInput(role: .osm, path: BuildFixture.osm("small.osm")), BuildInput(role: .census, path: planner(table), settings: settings)],
                boundary: .osmRelation(920), options: DistrictBuildOptions(marginMetres: 200), tables: try BuildFixture.tables(),
                generator: "qtplan tests", folderName: "small"))
    }

    @Test func twoZonesSpreadOverBuildingsAddUpExactly() throws {
        let result = try Self.build()
        let features = try #require(result.layers[.population]).features
        var byZone: [String: [Int]] = [:]
        for f in features { byZone[f.properties["zone"]!.stringValue!, default: []].append(Int(f.properties["population"]!.doubleValue!)) }
        #expect(byZone == ["330114001001": [500, 500], "330114001002": [167, 167, 166]])
        #expect(result.summary.residents == 1_500)
        #expect(result.manifest.residents == 1_500)
        let west = features.filter { $0.properties["zone"]?.stringValue == "330114001001" }
        // 60岁及以上 150 of 1,000; 0-14岁 120; 15-59岁 730. East: 100, 50, 350 of 500.
        #expect(
            west.allSatisfy {
                $0.properties["aged_60_plus_share"]?.doubleValue == 0.15 && $0.properties["aged_0_14_share"]?.doubleValue == 0.12
                    && $0.properties["aged_15_59_share"]?.doubleValue == 0.73
            })
        #expect(features.filter { $0.properties["zone"]?.stringValue == "330114001002" }.allSatisfy { $0.properties["aged_60_plus_share"]?.doubleValue == 0.2 })
        #expect(features.allSatisfy { $0.properties["source"]?.stringValue == "census:census.csv" && $0.properties["modelled"]?.boolValue == true })
        #expect(
            features.first?.properties["method"]?.stringValue?.hasPrefix(
                "dasymetric: the zone's census residents spread over residential floor area of buildings.gpkg") == true)
    }

    @Test func unplacedResidentsAreRefusedUnlessAllowed() throws {
        let west = BuildFixture.root.appendingPathComponent("Tests/Fixtures/bad/census-unplaced/buildings.geojson").path
        do {
            _ = try Self.build(buildingsPath: west)
            Issue.record("built")
        } catch let error as BuildError {
            #expect(error.description.contains("500 residents of zone 330114001002 (500) have no residential floor in their zone"))
        }
        let allowed = try Self.build(allowUnplaced: true, buildingsPath: west)
        #expect(allowed.summary.residents == 1_000)
        #expect(allowed.manifest.build?.excluded["population: census residents unplaced (--allow-unplaced)"] == 500)
    }

    @Test func tableIdsMatchingNoPolygonAreNamed() throws {
        let bad = BuildFixture.root.appendingPathComponent("Tests/Fixtures/bad/census-unknown-zone/census.csv").path
        var settings = ["zones": Self.planner("census-zones.geojson"), "zone-field": "code"]
        settings["buildings"] = Self.planner("buildings.gpkg")
        do {
            _ = try DistrictBuilder.build(
                DistrictBuildRequest(
                    inputs: [BuildInput(role: .osm, path: BuildFixture.osm("small.osm")), BuildInput(role: .census, path: bad, settings: settings)],
                    boundary: .osmRelation(920), options: DistrictBuildOptions(marginMetres: 200), tables: try BuildFixture.tables(),
                    generator: "qtplan tests", folderName: "small"))
            Issue.record("built")
        } catch let error as BuildError {
            #expect(error.description.contains("zone ids 330114001009, 330114001010 match no polygon"))
        }
    }

    @Test func ageColumnsBecomeShareProperties() {
        #expect(PlannerCensus.ageShare("60岁及以上") == "aged_60_plus_share")
        #expect(PlannerCensus.ageShare("0-14岁") == "aged_0_14_share")
        #expect(PlannerCensus.ageShare("age_65_plus") == "aged_65_plus_share")
        #expect(PlannerCensus.ageShare("aged_0_3") == "aged_0_3_share")
        #expect(PlannerCensus.ageShare("常住人口") == nil)
        #expect(PlannerCensus.ageShare("name") == nil)
    }

    /// Over the plan's residential parcels instead of buildings: the west zone holds DK-01 (R2, 75,000 m² × 2.5 =
    /// 187,500 m² of floor) and DK-03 (B1/R2 × 3.0 = 225,000 m², of which one code in two is residential:
    /// residential_share ½, 112,500 m²): 1,000 × 187,500 / 300,000 = 625 and 1,000 × 112,500 / 300,000 = 375.
    /// (Counting all of DK-03's floor as housing, as before, gave 455 and 545.) The east zone holds A33 and G1 only:
    /// its 500 are unplaced (allowed here).
    @Test func overResidentialParcelsByAreaTimesFAR() throws {
        let parcels = BuildFixture.root.appendingPathComponent("Tests/Fixtures/planner/parcels.shp").path
        let codes = try LandUseCodeTable.load(path: BuildFixture.standards + "/landuse-gb50137.json")
        let settings = ["zones": Self.planner("census-zones.geojson"), "zone-field": "code", "allow-unplaced": "true"]
        let result = try DistrictBuilder.build(
            DistrictBuildRequest(
                inputs: [
                    BuildInput(role: .osm, path: BuildFixture.osm("small.osm")), BuildInput(role: .parcels, path: parcels),
                    BuildInput(role: .census, path: Self.planner("census.csv"), settings: settings)
                ],
                boundary: .osmRelation(920), options: DistrictBuildOptions(marginMetres: 200), tables: try BuildFixture.tables(),
                generator: "qtplan tests", folderName: "small", landUseCodes: [parcels: codes]))
        let features = try #require(result.layers[.population]).features
        let counts = Dictionary(uniqueKeysWithValues: features.map { ($0.properties["parcel"]!.stringValue!, Int($0.properties["population"]!.doubleValue!)) })
        #expect(counts == ["parcel-DK-01": 625, "parcel-DK-03": 375])
        let dk03 = try #require(features.first { $0.properties["parcel"]?.stringValue == "parcel-DK-03" })
        #expect(dk03.properties["residential_share"]?.doubleValue == 0.5)
        let parcel = try #require(result.layers[.landuse]?.features.first { $0.properties["id"]?.stringValue == "parcel-DK-03" })
        #expect(parcel.properties["residential_share"]?.doubleValue == 0.5)
        let codes3 = try LandUseCodeTable.load(path: BuildFixture.standards + "/landuse-gb50137.json")
        #expect(PlannerParcels.residentialShare(["B1", "B2", "R2"], codes3) == 0.333333)
        #expect(PlannerParcels.residentialShare(["R2", "R22"], codes3) == 0.5) // R22 服务设施用地 houses no one
        #expect(PlannerParcels.residentialShare(["B1", "X9"], codes3) == 0)
        #expect(result.summary.residents == 1_000)
        #expect(result.manifest.build?.excluded["population: census residents unplaced (--allow-unplaced)"] == 500)
    }
}
