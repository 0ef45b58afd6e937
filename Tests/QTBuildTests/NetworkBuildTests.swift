import Foundation
import QTBuild
import QTGeometry
import QTModel
import Testing

/// The network of the hand-written extract, worked out by hand from Tests/Fixtures/osm/small.osm.
@Suite struct NetworkBuildTests {
    /// Ways are split at the nodes they share with another network way and only there: 一号路 (101) at 2, 3
    /// and 4; 二号路 (102) at 2; the footway (104) at 9, where path 121 starts. The bridge (103) crosses 一号路
    /// without a shared node and stays one edge. Left out: 108 (node 999 missing), 111 (construction), 113
    /// (access=private), 114 (area=yes), 118 (a cycleway without foot access).
    @Test func splitsOnlyAtSharedNodes() throws {
        let result = try BuildFixture.small()
        let ids = Set(result.layers[.network]!.features.compactMap { $0.properties["id"]?.stringValue })
        #expect(
            ids == [
                "osm-w101-1", "osm-w101-2", "osm-w101-3", "osm-w102-1", "osm-w102-2", "osm-w103-1", "osm-w104-1",
                "osm-w104-2", "osm-w105-1", "osm-w106-1", "osm-w107-1", "osm-w109-1", "osm-w110-1", "osm-w112-1",
                "osm-w115-1", "osm-w116-1", "osm-w117-1", "osm-w119-1", "osm-w121-1"
            ])
        let bridge = try #require(BuildFixture.feature(result, .network, "osm-w103-1"))
        #expect(bridge.properties["from_node"] == .number(7) && bridge.properties["to_node"] == .number(8))
        let piece = try #require(BuildFixture.feature(result, .network, "osm-w101-2"))
        #expect(piece.properties["from_node"] == .number(2) && piece.properties["to_node"] == .number(3))
        #expect(result.manifest.build?.excluded["network: highway=construction"] == 1)
        #expect(result.manifest.build?.excluded["network: area=yes"] == 1)
        #expect(result.manifest.build?.excluded["network: no walk or drive access"] == 2) // 113 private, 118 cycleway
        #expect(result.warnings.contains { $0.message.contains("way 108") })
    }

    @Test func permissionsOnewayAndSpeeds() throws {
        let result = try BuildFixture.small()
        func props(_ id: String) throws -> PropertyMap { try #require(BuildFixture.feature(result, .network, id)).properties }
        // oneway=-1: reversed so that the edge runs 11 → 4 and is one-way forwards.
        let reversed = try props("osm-w105-1")
        #expect(reversed["from_node"] == .number(11) && reversed["to_node"] == .number(4) && reversed["oneway"] == .bool(true))
        // Reversible: walked both ways, not driven.
        #expect(try props("osm-w106-1")["drive"] == .bool(false) && props("osm-w106-1")["walk"] == .bool(true))
        // A motorway: driven one-way (OSM's implied oneway), not walked.
        #expect(try props("osm-w107-1")["walk"] == .bool(false) && props("osm-w107-1")["oneway"] == .bool(true))
        #expect(try props("osm-w107-1")["speed_kmh"] == .number(90))
        // foot=no: driven, not walked. A roundabout is one-way.
        #expect(try props("osm-w112-1")["walk"] == .bool(false) && props("osm-w112-1")["drive"] == .bool(true))
        #expect(try props("osm-w116-1")["oneway"] == .bool(true))
        // maxspeed: 30 mph is 48.28 km/h; CN:urban 50 (the regulation's urban one-lane limit); 5000 absurd: the class's 25.
        #expect(try props("osm-w102-1")["speed_kmh"] == .number(48.28))
        #expect(try props("osm-w117-1")["speed_kmh"] == .number(50))
        #expect(try props("osm-w119-1")["speed_kmh"] == .number(25))
        #expect(result.warnings.contains { $0.message.contains("way 119: maxspeed=5000") })
        // oneway:foot=yes on a path: one-way for walkers, not a road for drivers.
        #expect(try props("osm-w121-1")["walk_oneway"] == .bool(true) && props("osm-w121-1")["drive"] == .bool(false))
        #expect(try props("osm-w101-1")["walk_oneway"] == nil)
    }

    /// Lengths are geodesic: an east-west edge of 0.003° at 30.302° N is the parallel arc N(φ)·cos φ·Δλ.
    @Test func lengthsAreGeodesic() throws {
        let result = try BuildFixture.small()
        let edge = try #require(BuildFixture.feature(result, .network, "osm-w101-1"))
        let expected = BuildFixture.parallelArc(latitude: 30.302, degrees: 0.003)
        #expect(abs((edge.properties["length_m"]?.doubleValue ?? 0) - expected) < 0.01, "\(expected)")
        let northSouth = try #require(BuildFixture.feature(result, .network, "osm-w115-1")) // 6 → 24, 0.001° of latitude
        #expect(abs((northSouth.properties["length_m"]?.doubleValue ?? 0) - BuildFixture.meridianArc(from: 30.305, to: 30.306)) < 0.01)
    }

    /// Streets within the 200 m margin are kept and marked; 110 starts 144 m out and is kept whole; components by
    /// hand: walking, the bridge is its own; driving, the bridge, the motorway and 119 (reached only over the
    /// service road, not driven) are apart from the main streets.
    @Test func marginAndComponents() throws {
        let result = try BuildFixture.small()
        #expect(BuildFixture.feature(result, .network, "osm-w109-1")?.properties["outside"] == .bool(true))
        #expect(BuildFixture.feature(result, .network, "osm-w110-1")?.properties["outside"] == .bool(true))
        #expect(BuildFixture.feature(result, .network, "osm-w101-3")?.properties["outside"] == nil)
        #expect(result.summary.walk.components == 2)
        #expect(result.summary.drive.components == 4)
        #expect(result.manifest.networkComponents == ["walk": 2, "drive": 4])
        let walkShare = try #require(result.manifest.networkMinLargestShare?["walk"])
        #expect(walkShare <= result.summary.walk.largestShare && result.summary.walk.largestShare - walkShare < 0.001)
        // Without a margin, nothing outside is kept.
        let tight = try BuildFixture.small(margin: 0)
        #expect(BuildFixture.feature(tight, .network, "osm-w110-1") == nil)
        #expect(tight.layers[.network]!.features.allSatisfy { $0.properties["outside"] == nil || $0.properties["id"] == "osm-w109-1" })
    }
}
