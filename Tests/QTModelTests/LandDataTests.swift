import Foundation
import QTGeometry
import QTModel
import QTProjection
import Testing

/// The modelled land layers of the bundled district (tools/model-geodata): industrial parks, land use and
/// constraints, checked against the seeds' figures by computations of the test's own (geodesic areas of
/// the stored features). Reads only geodata/qiantang.
@Suite struct LandDataTests {
    let district: District

    init() throws {
        district = try DistrictLoader().load(directory: Fixtures.bundled).district
    }

    func areaKm2(_ features: [Feature]) throws -> Double {
        try features.reduce(0) { $0 + (try $1.geometry.map { try Geodesic.wgs84.area(of: $0) } ?? 0) } / 1e6
    }

    func parcels(_ landUse: LandUseClass) -> [Feature] {
        district.features(.landuse).filter { $0.properties["class"]?.stringValue == landUse.rawValue }
    }

    /// Seed 001 专栏 8 lists nine platforms; seed 003 gives 江海之城 11.46 km² and seed 001 the 产城融合启动区
    /// 6.24 km²: both within 2%.
    @Test func platformsAndNamedAreas() throws {
        let parks = district.features(.industrialParks)
        #expect(parks.filter { $0.properties["kind"]?.stringValue == "platform" }.count == 9)
        for (name, km2) in [("江海之城", 11.46), ("产城融合启动区", 6.24)] {
            let feature = try #require(parks.first { $0.properties["name"]?.stringValue == name })
            #expect(abs(try areaKm2([feature]) - km2) / km2 < 0.02, "\(name)")
        }
    }

    /// Every parcel's class is in the vocabulary and carries that class's national code.
    @Test func classesAndCodes() {
        for parcel in district.features(.landuse) {
            let landUse = LandUseClass(rawValue: parcel.properties["class"]?.stringValue ?? "")
            #expect(landUse != nil)
            #expect(parcel.properties["code"]?.stringValue == landUse?.nationalCode)
        }
    }

    /// Seed 002: built-up area 124 km² by 2025 (urban construction land, within 10%); seed 001: 90,000 亩 of
    /// grain land (60 km²), so at least that much cropland; the river is water.
    @Test func seedFiguresHold() throws {
        let builtUp = try areaKm2(
            district.features(.landuse).filter {
                LandUseClass(rawValue: $0.properties["class"]?.stringValue ?? "")?.isUrbanConstruction == true
            })
        #expect(abs(builtUp - 124) / 124 < 0.10, "built-up \(builtUp) km²")
        #expect(try areaKm2(parcels(.cropland)) >= 60)
        let river = district.features(.landuse).filter { $0.properties["id"]?.stringValue?.hasPrefix("river-") == true }
        #expect(!river.isEmpty && river.allSatisfy { $0.properties["class"]?.stringValue == "water" })
    }

    /// Industrial land is where the platforms are: most of it lies inside a manufacturing platform.
    @Test func industrialLandIsOnThePlatforms() throws {
        let context = try GeometryContext()
        let platforms = try district.features(.industrialParks).compactMap(\.geometry).map(context.make)
        let zone = try PreparedGeometry(try context.union(of: platforms))
        let industrial = parcels(.industrial)
        var inside = 0.0, total = 0.0
        for parcel in industrial {
            guard let geometry = parcel.geometry else { continue }
            let area = try Geodesic.wgs84.area(of: geometry)
            total += area
            if try zone.contains(try context.make(geometry).pointOnSurface()) { inside += area }
        }
        #expect(total > 0 && inside / total > 0.8, "\(inside / total)")
    }

    /// The constraints layer has the red line, basic farmland (on cropland, at least the 60 km² the plan
    /// protects) and hazardous sites with an industry.
    @Test func constraints() throws {
        let features = district.features(.constraints)
        func kind(_ k: ConstraintKind) -> [Feature] { features.filter { $0.properties["kind"]?.stringValue == k.rawValue } }
        #expect(!kind(.ecologicalRedLine).isEmpty)
        #expect(try areaKm2(kind(.basicFarmland)) >= 60)
        let sites = kind(.hazardousSite)
        #expect(!sites.isEmpty)
        for site in sites {
            #expect(site.properties["industry"]?.stringValue?.isEmpty == false)
            if case .point? = site.geometry {} else { Issue.record("hazardous site is not a point") }
        }
    }
}
