import QTGeometry
import Testing

@testable import QTProjection

/// Transformers built from a cached pipeline against transformers that resolve the pair in PROJ's database
/// (the uncached path): the same coordinates to the bit, the same angular flag.
@Suite struct PipelineCacheTests {
    static let pairs: [(CRS, CRS)] = [
        (.wgs84, .cgcs2000GK120), (.cgcs2000GK120, .wgs84), (.wgs84, .epsg(3857)), (.gcj02, .cgcs2000GK120),
        (.cgcs2000GK120, .gcj02), (.wgs84, .epsg(4490)), (.epsg(32651), .epsg(4549))
    ]

    @Test(arguments: 0..<7)
    func cachedPipelinesTransformExactlyAsResolvedOnes(pair: Int) throws {
        let (source, target) = Self.pairs[pair]
        let cache = PipelineCache()
        let first = try Transformer(from: source, to: target, cache: cache)
        let cached = try Transformer(from: source, to: target, cache: cache)
        let fresh = try Transformer(from: source, to: target, cache: nil)
        let projSource = source == .gcj02 ? CRS.wgs84 : source, projTarget = target == .gcj02 ? CRS.wgs84 : target
        #expect(cache.entry(from: projSource, to: projTarget) != nil, "the pair was not cached")
        #expect(cached.targetIsAngular == fresh.targetIsAngular)
        #expect(first.targetIsAngular == fresh.targetIsAngular)
        var lonLat: [Coordinate] = []
        for i in 0..<200 {
            lonLat.append(Coordinate(lon: 120.1 + Double(i % 20) * 0.04, lat: 30.05 + Double(i / 20) * 0.05))
        }
        let input = projSource == .wgs84 ? lonLat : try Transformer(from: .wgs84, to: source, cache: nil).transform(lonLat)
        let a = try cached.transform(input), b = try fresh.transform(input), c = try first.transform(input)
        for k in input.indices {
            #expect(a[k].x.bitPattern == b[k].x.bitPattern && a[k].y.bitPattern == b[k].y.bitPattern, "\(input[k])")
            #expect(c[k] == b[k])
        }
    }

    @Test func metricCRSIsNotAngularAndWGS84Is() throws {
        let cache = PipelineCache()
        _ = try Transformer(from: .wgs84, to: .cgcs2000GK120, cache: cache)
        #expect(try !Transformer(from: .wgs84, to: .cgcs2000GK120, cache: cache).targetIsAngular)
        _ = try Transformer(from: .cgcs2000GK120, to: .wgs84, cache: cache)
        #expect(try Transformer(from: .cgcs2000GK120, to: .wgs84, cache: cache).targetIsAngular)
    }

    @Test func unknownCRSIsStillRefusedAfterOthersWereCached() throws {
        let cache = PipelineCache()
        _ = try Transformer(from: .wgs84, to: .cgcs2000GK120, cache: cache)
        #expect(throws: ProjectionError.self) { _ = try Transformer(from: .epsg(999_999), to: .wgs84, cache: cache) }
    }
}
