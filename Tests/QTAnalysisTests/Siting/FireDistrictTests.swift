import Foundation
import QTGeometry
import QTModel
import QTProjection
import Testing

@testable import QTAnalysis

/// The fire-district rule on the hand-made district (see ``SitingFixtures``). A station at (120.3098,
/// 30.3025) joins the 120.310°E street 19 m east; the farthest street end, (120.300, 30.308), is 610 m up
/// that street and 962 m west along 30.308°N: 1,572 m at 30 km/h, 189 s, plus 15 s walked: every street
/// is reached within 5 minutes. Without other stations its district is then the whole network buffered by
/// the 100 m access distance, which GEOS computes independently by buffering the streets.
@Suite struct FireDistrictTests {
    static let site = SitingFixtures.site("fire_station", 120.3098, 30.3025)

    static func streetsBuffered(_ district: District) throws -> Double {
        let context = try GeometryContext()
        let toMetric = try Transformer(from: .wgs84, to: .epsg(4549))
        var buffers: [NativeGeometry] = []
        for f in district.features(.network) {
            let line = try context.make(try toMetric.transform(try #require(f.geometry)))
            buffers.append(try line.buffer(100, style: BufferStyle(quadrantSegments: 32)))
        }
        return try context.union(of: buffers).area() / 1e6
    }

    @Test func withoutOtherStationsTheDistrictIsEveryStreetBuffered() throws {
        var d = try SitingFixtures.district()
        d.layers[.facilities]?.features.removeAll { $0.properties["type"]?.stringValue == "fire_station" }
        let r = try SitingFixtures.check(Self.site, district: d)
        let rule = try #require(r.rule("fire_district_area"))
        let area = try #require(rule.value)
        let expected = try Self.streetsBuffered(d)
        // The 25 m grid follows the buffer's edge to within half a cell: about 1% of this thin area.
        #expect(abs(area - expected) / expected < 0.03, "grid \(area) km², GEOS buffers \(expected) km²")
        #expect(rule.measured.contains("(\(SitingText.km2(area)) reached in all)"))
        #expect(rule.verdict == .pass && rule.unit == "km2")
    }

    @Test func anExistingStationTakesThePartItReachesSooner() throws {
        let r = try SitingFixtures.check(Self.site)
        let rule = try #require(r.rule("fire_district_area"))
        let firstDue = try #require(rule.value)
        var d = try SitingFixtures.district()
        d.layers[.facilities]?.features.removeAll { $0.properties["type"]?.stringValue == "fire_station" }
        let alone = try #require(try SitingFixtures.check(Self.site, district: d).rule("fire_district_area")?.value)
        #expect(firstDue > 0.2 && firstDue < alone - 0.2)
    }

    @Test func limitsWarnAndFail() throws {
        var rules = try SitingFixtures.rules()
        let k = try #require(rules.rules.firstIndex { $0.id == "fire_district_area" })
        rules.rules[k].warnAbove = 0.5
        rules.rules[k].failAbove = 5
        let checker = try SiteChecker(district: try SitingFixtures.district(), rules: rules, options: try SitingFixtures.options(), types: ["fire_station"])
        #expect(try checker.check(Self.site).rule("fire_district_area")?.verdict == .warn)
        rules.rules[k].failAbove = 0.6
        let strict = try SiteChecker(district: try SitingFixtures.district(), rules: rules, options: try SitingFixtures.options(), types: ["fire_station"])
        #expect(try strict.check(Self.site).rule("fire_district_area")?.verdict == .fail)
    }

    /// The area is counted in grid cells; the polygons RasterPolygons makes of the same cells have exactly
    /// that area when GEOS measures them.
    @Test func cellCountAreaIsTheAreaGEOSMeasures() throws {
        let d = try SitingFixtures.district()
        let toMetric = try Transformer(from: .wgs84, to: .epsg(4549))
        let graph = try StreetGraph.network(of: d, mode: .drive, walkSpeedKmh: 4.5, driveSpeedKmh: [:], toMetric: toMetric)
        let p = try toMetric.transform(Self.site.location)
        let start = try #require(EdgeLocator(graph: graph).locate(x: p.x, y: p.y, maxDistance: 1000))
        for limit in [60.0, 120, 300] {
            let times = NetworkTimes(graph: graph, sources: [start], direction: .fromFacility, walkSpeed: 1.25, limit: limit)
            let field = TravelTimeField(times: times, access: 100, cell: 25, limit: limit)
            let cells = field.values.filter { $0 <= Float(limit) }.count
            let polygons = try RasterPolygons.polygons(field, threshold: Float(limit), context: try GeometryContext())
            #expect(abs(try polygons.area() - Double(cells) * 625) < 1e-3, "limit \(limit)")
        }
    }
}
