import Foundation
import QTGeometry
import QTModel
import QTProjection
import Testing

@testable import QTBuild

/// The regulatory plan's parcels on the hand-written extract (Tests/Fixtures/planner/README.md): four
/// 300 m × 250 m rectangles drawn in EPSG:4549 (75,000 m² each on the plane; the Gauss-Krüger scale at 29 km from
/// 120°E enlarges areas by about 2e-5, so the geodesic area is 75,000 m² within 0.01%), with the codes and
/// fields listed beside each expectation.
@Suite struct ParcelBuildTests {
    static func planner(_ name: String) -> String { BuildFixture.root.appendingPathComponent("Tests/Fixtures/planner/\(name)").path }
    static func bad(_ name: String) -> String { BuildFixture.root.appendingPathComponent("Tests/Fixtures/bad/\(name)").path }

    static func build(_ path: String, table: String, crs: String? = nil, settings: [String: String] = [:]) throws -> DistrictBuildResult {
        let codes = try LandUseCodeTable.load(path: BuildFixture.standards + "/landuse-\(table).json")
        return try DistrictBuilder.build(
            DistrictBuildRequest(
                inputs: [BuildInput(role: .osm, path: BuildFixture.osm("small.osm")), BuildInput(role: .parcels, path: path, crs: crs, settings: settings)],
                boundary: .osmRelation(920), options: DistrictBuildOptions(marginMetres: 200), tables: try BuildFixture.tables(),
                generator: "qtplan tests", folderName: "small", landUseCodes: [path: codes]))
    }

    static func summary(_ result: DistrictBuildResult) -> [String: String] {
        var out: [String: String] = [:]
        for f in result.layers[.landuse]?.features ?? [] {
            let p = f.properties
            out[p["id"]!.stringValue!] = [
                p["class"]?.stringValue, p["plan_code"]?.stringValue,
                p["far"]?.doubleValue.map { "far \($0)" }, p["households"]?.doubleValue.map { "hh \(Int($0))" }
            ]
            .compactMap { $0 }.joined(separator: " ")
        }
        return out
    }

    @Test func aShapefileWithGB50137CodesAndGBKText() throws {
        let result = try Self.build(Self.planner("parcels.shp"), table: "gb50137")
        #expect(
            Self.summary(result) == [
                "parcel-DK-01": "residential R2 far 2.5 hh 600",
                "parcel-DK-02": "public_service A33 far 0.8 hh 0",
                "parcel-DK-03": "commercial B1/R2 far 3.0 hh 200", // mixed: the first code decides
                "parcel-DK-04": "green_space G1 far 0.0 hh 0"
            ])
        let features = try #require(result.layers[.landuse]).features
        for f in features {
            #expect(f.properties["source"]?.stringValue == "parcels:parcels.shp")
            let m2 = try Geodesic.wgs84.area(of: try #require(f.geometry))
            #expect(abs(m2 - 75_000) / 75_000 < 1e-4)
        }
        #expect(features.first { $0.properties["id"]?.stringValue == "parcel-DK-01" }?.properties["name"]?.stringValue == "阳光家园") // GBK, .cpg
        #expect(features.first { $0.properties["id"]?.stringValue == "parcel-DK-03" }?.properties["plan_codes"]?.arrayValue == [.string("B1"), .string("R2")])
        // small.osm's 7 land-use areas are replaced, not overlaid.
        #expect(result.manifest.build?.excluded["landuse: OpenStreetMap land use replaced by the plan's parcels (--parcels)"] == 7)
        #expect(abs(result.summary.landUseCoveredShare - 4 * 75_000 / (result.summary.boundaryAreaKm2 * 1e6)) < 1e-4)
    }

    @Test func aDXFWithCodesAsTextsInsideThePolylines() throws {
        let result = try Self.build(Self.planner("parcels.dxf"), table: "gb50137", crs: "EPSG:4549", settings: ["code-layer": "CODES"])
        #expect(
            Self.summary(result) == [
                "parcel-1": "residential R21", // as R2
                "parcel-2": "public_service A33",
                "parcel-3": "commercial B1B2", // run together: B1 and B2, the first decides
                "parcel-4": "green_space G1"
            ])
        let first = try #require(result.layers[.landuse]?.features.first { $0.properties["id"]?.stringValue == "parcel-1" })
        #expect(first.properties["plan_code_basis"]?.stringValue == "R21 as R2")
        // Without --code-layer the label 二类居住用地 (layer NOTES, GBK through $DWGCODEPAGE ANSI_936) is not a code.
        let anyLayer = try Self.build(Self.planner("parcels.dxf"), table: "gb50137", crs: "EPSG:4549")
        #expect(Self.summary(anyLayer) == Self.summary(result))
    }

    @Test func the2023Classification() throws {
        let result = try Self.build(Self.planner("parcels-2023.geojson"), table: "land-sea-2023")
        #expect(
            Self.summary(result) == [
                "parcel-DK-01": "residential 0701 far 2.2 hh 500",
                "parcel-DK-02": "public_service 080403 far 1.0", // as 08
                "parcel-DK-03": "public_service 0702/0901 far 2.0 hh 100", // 0702 城镇社区服务设施 decides
                "parcel-DK-04": "green_space 1401"
            ])
    }

    @Test func anUnknownCodeIsRefusedUnlessUnclassified() throws {
        let path = Self.bad("parcels-unknown-code/plan.dxf")
        do {
            _ = try Self.build(path, table: "gb50137", crs: "EPSG:4549")
            Issue.record("built")
        } catch let error as BuildError {
            #expect(error.description.hasPrefix("\(path): feature 6: land-use code 'X9' is not in gb50137"))
        }
        // --unmapped-as unclassified keeps the parcel (300 m × 250 m: 75,000 m² within 0.01%) in the class unclassified,
        // with its own code, and counts it under the build's unmapped, not its excluded.
        let kept = try Self.build(path, table: "gb50137", crs: "EPSG:4549", settings: ["unmapped-as": "unclassified"])
        #expect(kept.layers[.landuse]?.features.count == 4)
        #expect(
            Self.summary(kept) == [
                "parcel-1": "residential R21", "parcel-2": "public_service A33", "parcel-3": "commercial B1B2",
                "parcel-4": "unclassified X9"
            ])
        let x9 = try #require(BuildFixture.feature(kept, .landuse, "parcel-4"))
        #expect(x9.properties["code"]?.stringValue == LandUseClass.noNationalCode)
        #expect(x9.properties["class_rule"]?.stringValue == "code X9 in no table: unclassified (--unmapped-as unclassified)")
        #expect(abs((x9.properties["area_m2"]?.doubleValue ?? 0) - 75_000) < 7.5)
        #expect(kept.manifest.build?.unmapped["parcels: code X9 in no table: kept as unclassified [plan.dxf]"] == 1)
        #expect(kept.manifest.build?.excluded.keys.contains { $0.hasPrefix("parcels:") } == false)
    }

    /// The corrections of the 2026-12-02 check against public copies of GB 50137-2011 and the 2023 classification
    /// (geodata/standards/README.md, "What was checked").
    @Test func theTablesHoldTheCheckedCodes() throws {
        let gb = try LandUseCodeTable.load(path: BuildFixture.standards + "/landuse-gb50137.json")
        #expect(gb.lookUp("E9")?.cls == .grassland) // 其他非建设用地
        #expect(gb.lookUp("E3") == nil) // no code of GB 50137-2011
        #expect(gb.lookUp("R21")?.cls == .residential && gb.lookUp("R21")?.entry == "R2") // 住宅用地
        #expect(gb.lookUp("R22")?.cls == .publicService && gb.lookUp("R12")?.cls == .publicService) // 服务设施用地
        #expect(gb.lookUp("B41")?.cls == .commercial) // 加油加气站, under B4 公用设施营业网点
        #expect(gb.lookUp("A7")?.cls == .special && gb.lookUp("A8")?.cls == .special && gb.lookUp("A9")?.cls == .special)
        #expect(gb.lookUp("H11") == nil && gb.lookUp("H9") == nil) // built-up land of no stated use
        let ls = try LandUseCodeTable.load(path: BuildFixture.standards + "/landuse-land-sea-2023.json")
        #expect(ls.lookUp("24")?.cls == .water) // 其他海域
        #expect(ls.lookUp("060101")?.cls == .transport && ls.lookUp("060201")?.cls == .cropland) // 村道用地; 种植设施
        #expect(ls.lookUp("070102")?.cls == .residential && ls.lookUp("0702")?.cls == .publicService)
    }

    @Test func mixedCodesSplit() throws {
        let gb = try LandUseCodeTable.load(path: BuildFixture.standards + "/landuse-gb50137.json")
        #expect(gb.split("R2/B1") == ["R2", "B1"])
        #expect(gb.split("r2 + b1") == ["R2", "B1"])
        #expect(gb.split("B1B2") == ["B1", "B2"])
        #expect(gb.split("R2、B1") == ["R2", "B1"])
        #expect(gb.lookUp("A33")?.cls == .publicService)
        #expect(gb.lookUp("R21")?.entry == "R2")
        #expect(gb.lookUp("H14")?.cls == .ruralResidential)
        #expect(gb.lookUp("X9") == nil)
        let ls = try LandUseCodeTable.load(path: BuildFixture.standards + "/landuse-land-sea-2023.json")
        #expect(ls.split("0702/0901") == ["0702", "0901"])
        #expect(ls.lookUp("070101")?.entry == "0701")
        #expect(ls.lookUp("0703")?.cls == .ruralResidential)
        #expect(ls.lookUp("99") == nil)
    }
}
