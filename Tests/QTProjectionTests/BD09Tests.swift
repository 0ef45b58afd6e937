import QTGeometry
import QTProjection
import Testing

/// BD-09 pins come from independent sources, none computed by qtplan:
/// - the README of wandergis/coordtransform (JavaScript), whose pins other implementations copy (hutool's
///   `CoordinateUtilTest`, Python and TypeScript ports): for (116.404, 39.915) bd09togcj02 → (116.39762729119315,
///   39.90865673957631), gcj02tobd09 → (116.41036949371029, 39.92133699351021), wgs84togcj02 →
///   (116.41024449916938, 39.91640428150164), and wgs84 → bd09 (its two steps) → (116.41662724378733,
///   39.922699552216216). (An older hutool carried a variant WGS84 → GCJ-02 longitude, 8 m off; not used.)
/// - the R package documentation of `bd2gcj` (Beijing railway station, GCJ-02 (39.90245, 116.42703) and
///   BD-09 (39.90851, 116.43351), 5 decimals: ±0.7 m): points read off the two maps, not computed.
/// - `shared/reference/qiantang_universities_baidu.csv`: Baidu Place API BD-09 positions with GCJ-02 columns
///   converted by the collector's own Python (6 decimals: ±0.1 m).
@Suite struct BD09Tests {
    @Test func bd09ToGCJ02MatchesCoordtransform() {
        let gcj = BD09.toGCJ02(Coordinate(lon: 116.404, lat: 39.915))
        #expect(abs(gcj.x - 116.39762729119315) < 1e-12)
        #expect(abs(gcj.y - 39.90865673957631) < 1e-12)
    }

    @Test func gcj02ToBD09MatchesCoordtransform() {
        let bd = BD09.fromGCJ02(Coordinate(lon: 116.404, lat: 39.915))
        #expect(abs(bd.x - 116.41036949371029) < 1e-12)
        #expect(abs(bd.y - 39.92133699351021) < 1e-12)
    }

    @Test func wgs84ToBD09MatchesCoordtransform() {
        let gcj = GCJ02.fromWGS84(Coordinate(lon: 116.404, lat: 39.915))
        #expect(abs(gcj.x - 116.41024449916938) < 1e-11 && abs(gcj.y - 39.91640428150164) < 1e-11)
        let bd = BD09.fromWGS84(Coordinate(lon: 116.404, lat: 39.915))
        #expect(abs(bd.x - 116.41662724378733) < 1e-11)
        #expect(abs(bd.y - 39.922699552216216) < 1e-11)
    }

    /// Back from that BD-09 pin to the WGS84 it came from: the published BD-09 → GCJ-02 formula is an
    /// approximate inverse (≈ 1e-6°, 0.1 m), the GCJ-02 inverse is iterated to 1e-9°.
    @Test func bd09ToWGS84UndoesThePin() {
        let wgs = BD09.toWGS84(Coordinate(lon: 116.41662724378733, lat: 39.922699552216216))
        #expect(Geodesic.wgs84.distance(from: wgs, to: Coordinate(lon: 116.404, lat: 39.915)) < 0.2)
    }

    @Test func beijingRailwayStationPairFromTheMaps() {
        let gcj = BD09.toGCJ02(Coordinate(lon: 116.43351, lat: 39.90851))
        #expect(Geodesic.wgs84.distance(from: gcj, to: Coordinate(lon: 116.42703, lat: 39.90245)) < 1.5)
    }

    @Test(arguments: [
        (120.389257, 30.322654, 120.382805, 30.316524), // 浙江经贸职业技术学院
        (120.401773, 30.327743, 120.395266, 30.321846), // 浙江财经大学(下沙校区)
        (120.395661, 30.314678, 120.389173, 30.308664) // 浙江工商大学
    ])
    func qiantangUniversitiesFromBaidu(bdLon: Double, bdLat: Double, gcjLon: Double, gcjLat: Double) {
        let gcj = BD09.toGCJ02(Coordinate(lon: bdLon, lat: bdLat))
        #expect(abs(gcj.x - gcjLon) < 1.5e-6)
        #expect(abs(gcj.y - gcjLat) < 1.5e-6)
    }

    @Test func transformerGoesThroughGCJ02() throws {
        #expect(try CRS(parsing: "BD09") == .bd09)
        #expect(try CRS(parsing: "bd-09") == .bd09)
        let bd = Coordinate(lon: 120.389257, lat: 30.322654)
        let viaTransformer = try Transformer(from: .bd09, to: .wgs84).transform(bd)
        let stepwise = GCJ02.toWGS84(BD09.toGCJ02(bd))
        #expect(viaTransformer.x == stepwise.x && viaTransformer.y == stepwise.y)
        // BD-09 to a projected CRS and back.
        let metric = try Transformer(from: .bd09, to: .cgcs2000GK120).transform(bd)
        let back = try Transformer(from: .cgcs2000GK120, to: .bd09).transform(metric)
        #expect(abs(back.x - bd.x) < 2e-6 && abs(back.y - bd.y) < 2e-6) // the published pair's own round trip: ~1e-6°
        // In Qiantang BD-09 lies about 1 km from WGS84 (GCJ-02's ≈ 500 m and Baidu's ≈ 700 m more).
        let metres = Geodesic.wgs84.distance(from: bd, to: viaTransformer)
        #expect(metres > 800 && metres < 1400)
    }
}
