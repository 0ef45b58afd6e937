import Foundation
import QTBuild
import QTGeometry
import QTModel
import QTProjection
import Testing

/// Facilities, parks, transit, land use and population of the hand-written extract, worked out by hand.
@Suite struct PlacesBuildTests {
    @Test func facilitiesFromTags() throws {
        let result = try BuildFixture.small()
        let types = Dictionary(
            uniqueKeysWithValues: result.layers[.facilities]!.features.map {
                ($0.properties["id"]?.stringValue ?? "", $0.properties["type"]?.stringValue ?? "")
            })
        #expect(
            types == [
                "osm-w130": "middle_school", "osm-w131": "park", "osm-w132": "sports_ground", "osm-n40": "kindergarten",
                "osm-n41": "primary_school", "osm-n43": "community_health_centre", "osm-n44": "elderly_care_home",
                "osm-n45": "elderly_daycare"
            ])
        // The school area stands at its tagged main entrance (node 64) and keeps its area: 0.0015° × 0.001°.
        let school = try #require(BuildFixture.feature(result, .facilities, "osm-w130"))
        #expect(school.geometry == .point(Point(x: 120.3012, y: 30.3055)))
        #expect(school.properties["position_rule"] == .string("entrance osm:node/64"))
        #expect(school.properties["type_basis"] == .string("name contains '中学'"))
        let hand = BuildFixture.parallelArc(latitude: 30.306, degrees: 0.0015) * BuildFixture.meridianArc(from: 30.3055, to: 30.3065)
        #expect(abs((school.properties["area_m2"]?.doubleValue ?? 0) - hand) / hand < 0.001, "\(hand)")
        // The pitch: 0.0002° × 0.0002°, about 425 m², a small sports ground.
        let pitch = try #require(BuildFixture.feature(result, .facilities, "osm-w132"))
        #expect(pitch.properties["size_class"] == .string("small"))
        // Unmapped tags are counted, not dropped.
        let unmapped = result.manifest.build?.unmapped ?? [:]
        #expect(unmapped["facilities: amenity=restaurant"] == 1)
        #expect(unmapped["facilities: amenity=social_facility"] == 1) // day care for children
        #expect(unmapped["landuse: landuse=yes"] == 1)
    }

    @Test func parksKeepTheirPolygons() throws {
        let result = try BuildFixture.small()
        let park = try #require(BuildFixture.feature(result, .parks, "park-w131"))
        #expect(park.geometry?.kind == .polygon)
        let hand = BuildFixture.parallelArc(latitude: 30.306, degrees: 0.002) * BuildFixture.meridianArc(from: 30.3055, to: 30.3065)
        #expect(abs((park.properties["area_m2"]?.doubleValue ?? 0) - hand) / hand < 0.001)
        #expect(park.properties["source"] == .string("osm:way/131"))
    }

    @Test func transitStopsStationsAndLines() throws {
        let result = try BuildFixture.small()
        let kinds = Dictionary(
            uniqueKeysWithValues: result.layers[.transit]!.features.map {
                ($0.properties["id"]?.stringValue ?? "", $0.properties["kind"]?.stringValue ?? "")
            })
        #expect(
            kinds == [
                "osm-n30": "bus_stop", "osm-n32": "bus_stop", "osm-n33": "bus_stop", "osm-n50": "metro_station",
                "osm-n51": "metro_station", "osm-line-1": "metro_line", "osm-n52": "rail_station"
            ])
        // The pole and its platform 14 m away are one stop; the stop 96 m outside is kept and marked; the one 1.4 km
        // out is not.
        #expect(BuildFixture.feature(result, .transit, "osm-n30")?.properties["also"] == .array([.string("osm:node/31")]))
        #expect(BuildFixture.feature(result, .transit, "osm-n33")?.properties["outside"] == .bool(true))
        #expect(BuildFixture.feature(result, .transit, "osm-n50")?.properties["order"] == .object(["1": .number(1)]))
        #expect(BuildFixture.feature(result, .transit, "osm-n51")?.properties["order"] == .object(["1": .number(2)]))
        let line = try #require(BuildFixture.feature(result, .transit, "osm-line-1"))
        #expect(line.geometry == .lineString(LineString([Coordinate(x: 120.302, y: 30.3045), Coordinate(x: 120.307, y: 30.3045)])))
        #expect(line.properties["stations"] == .array([.string("一号站"), .string("二号站")]))
    }

    /// Residential (0.0065° × 0.0025°) loses its overlap with the smaller retail area (0.002° × 0.001°); the forest
    /// keeps its hole; nothing overlaps.
    @Test func landUseCutSmallerWins() throws {
        let result = try BuildFixture.small()
        let classes = Dictionary(
            uniqueKeysWithValues: result.layers[.landuse]!.features.map {
                ($0.properties["id"]?.stringValue ?? "", $0.properties["class"]?.stringValue ?? "")
            })
        #expect(
            classes == [
                "lu-w140": "residential", "lu-w141": "commercial", "lu-r940": "forest", "lu-w144": "water",
                "lu-w130": "public_service", "lu-w131": "green_space", "lu-w132": "public_service"
            ])
        let residential = try #require(BuildFixture.feature(result, .landuse, "lu-w140"))
        let whole = BuildFixture.parallelArc(latitude: 30.30375, degrees: 0.0065) * BuildFixture.meridianArc(from: 30.3025, to: 30.3050)
        let overlap = BuildFixture.parallelArc(latitude: 30.3035, degrees: 0.002) * BuildFixture.meridianArc(from: 30.3030, to: 30.3040)
        let area = residential.properties["area_m2"]?.doubleValue ?? 0
        #expect(abs(area - (whole - overlap)) / whole < 0.001, "\(area) vs \(whole - overlap)")
        guard case .polygon(let forest)? = BuildFixture.feature(result, .landuse, "lu-r940")?.geometry else {
            Issue.record("the forest is not one polygon"); return
        }
        #expect(forest.rings.count == 2)
        // No two parcels overlap (GEOS, pairwise).
        let context = try GeometryContext()
        let natives = try result.layers[.landuse]!.features.map { try context.make($0.geometry!) }
        for i in natives.indices {
            for j in natives.indices where j > i {
                #expect(try natives[i].intersection(natives[j]).area() < 1e-12)
            }
        }
        #expect(result.manifest.landuseTilesBoundary == false)
    }

    /// Residents over residential floor area: the apartments (6 levels), building=yes inside landuse=residential (3,
    /// the default) and the house (2 levels); building=yes in the retail area holds nobody.
    @Test func populationSpreadByLargestRemainder() throws {
        let result = try BuildFixture.small(residents: 1000)
        let features = result.layers[.population]!.features
        #expect(features.map { $0.properties["id"]?.stringValue } == ["pop-w150", "pop-w151", "pop-w153"])
        let counts = features.map { Int($0.properties["population"]?.doubleValue ?? -1) }
        #expect(counts.reduce(0, +) == 1000)
        #expect(result.manifest.residents == 1000)
        let floors = features.map { $0.properties["floor_area_m2"]?.doubleValue ?? 0 }
        let total = floors.reduce(0, +)
        for (count, floor) in zip(counts, floors) { #expect(abs(Double(count) - 1000 * floor / total) < 1) }
        #expect(features.map { $0.properties["levels_source"]?.stringValue } == ["osm", "default", "osm"])
        #expect(features.allSatisfy { $0.properties["source"] == .string("modelled") && $0.properties["urban"] == .bool(true) })
        #expect(PopulationLayerCheck.largestRemainder(total: 10, weights: [1, 1, 1]) == [4, 3, 3])
        #expect(PopulationLayerCheck.largestRemainder(total: 5, weights: [3, 1]) == [4, 1])
        // Without --residents: floor area ÷ 36.52 m² a resident, stated in the manifest.
        let modelled = try BuildFixture.small()
        #expect(modelled.manifest.residents == Int((total / 36.52).rounded()))
        #expect(modelled.manifest.build?.defaults["residents"]?.contains("36.52 m² per resident") == true)
    }

    @Test func boundaryRelationsAndExtents() throws {
        let tables = try BuildFixture.tables()
        func build(_ boundary: BoundarySource, osm: String = BuildFixture.osm("small.osm")) throws -> DistrictBuildResult {
            try DistrictBuilder.build(
                DistrictBuildRequest(
                    inputs: [BuildInput(role: .osm, path: osm)], boundary: boundary,
                    options: DistrictBuildOptions(), tables: tables, generator: "t", folderName: "x"))
        }
        let open = BuildFixture.osm("small.osm")
        #expect(
            throws: BuildError.invalidInput(
                path: open,
                detail: "relation 921 (开口区) is not closed: its member ways leave a ring open at "
                    + "node 901 (120.2990000, 30.2985000); a boundary must be closed rings")
        ) { try build(.osmRelation(921)) }
        #expect(throws: BuildError.invalidInput(path: open, detail: "no relation 5 in the extract (--boundary osm:relation/5)")) {
            try build(.osmRelation(5))
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qtplan-far-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let far = folder.appendingPathComponent("far.geojson").path
        try Data(
            """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[24.9,60.1],[25.0,60.1],[25.0,60.2],[24.9,60.2],[24.9,60.1]]]}}]}
            """.utf8
        ).write(to: URL(fileURLWithPath: far))
        do {
            _ = try build(.file(path: far, crs: nil))
            Issue.record("a boundary far from the extract was accepted")
        } catch let error as BuildError {
            #expect(
                error.description.contains(
                    "the extract (120.29900,30.29850 – 120.32500,30.30700) does not overlap the boundary \(far) "
                        + "(24.90000,60.10000 – 25.00000,60.20000)"), "\(error)")
        }
    }
}

/// The largest-remainder rule, reached through the builder's public behaviour.
enum PopulationLayerCheck {
    static func largestRemainder(total: Int, weights: [Double]) -> [Int] { DistrictBuilder.largestRemainder(total: total, weights: weights) }
}

/// A long lon/lat boundary edge is a curve in the metric CRS: a stop 2 m north of the middle of a 29 km
/// east-west edge is outside it (as validate, which densifies before projecting, finds), though it lies inside
/// the chord between the edge's projected end points.
@Suite struct LongEdgeTests {
    @Test func aStopJustBeyondALongEdgeIsMarkedOutside() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qtplan-long-edge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let osm = folder.appendingPathComponent("stops.osm").path
        try Data(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <osm version="0.6">
              <node id="1" lat="30.3000180" lon="120.15"><tag k="highway" v="bus_stop"/><tag k="name" v="北"/></node>
              <node id="2" lat="30.2999820" lon="120.15"><tag k="highway" v="bus_stop"/><tag k="name" v="南"/></node>
            </osm>
            """.utf8
        ).write(to: URL(fileURLWithPath: osm))
        let boundary = folder.appendingPathComponent("b.geojson").path
        try Data(
            """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[120.0,30.2],[120.3,30.2],[120.3,30.3],[120.0,30.3],[120.0,30.2]]]}}]}
            """.utf8
        ).write(to: URL(fileURLWithPath: boundary))
        let result = try DistrictBuilder.build(
            DistrictBuildRequest(
                inputs: [BuildInput(role: .osm, path: osm)], boundary: .file(path: boundary, crs: nil),
                options: DistrictBuildOptions(marginMetres: 100), tables: try BuildFixture.tables(), generator: "t", folderName: "x"))
        #expect(BuildFixture.feature(result, .transit, "osm-n1")?.properties["outside"] == .bool(true))
        #expect(BuildFixture.feature(result, .transit, "osm-n2")?.properties["outside"] == nil)
    }
}
