import Foundation
import QTGeometry
import QTModel
import Testing

@Suite struct ValidationNetworkTests {
    /// Two 2 × 3 grids of the same size, 0.002° apart: each holds half the edge length, far below 95%.
    @Test func twoHalvesAreAnError() throws {
        let report = try Validation.report("broken-network")
        let components = Validation.issues(report, "network.components")
        #expect(components.map(\.severity) == [.error, .error]) // walk, then drive
        #expect(components.first?.message.contains("the walk network has 2 components: 50.0% of its edge length") == true)
        #expect(components.first?.message.hasSuffix("the largest must hold at least 95%") == true)
        #expect(components.first?.featureId == "x1") // the first edge of the other component
        let walk = Validation.check(report, "network.walk")
        #expect(Validation.figure(walk, "components") == 2)
        #expect(abs(try #require(Validation.figure(walk, "outside_share")) - 0.5) < 1e-6)
    }

    /// The same two halves, with the manifest stating two components per mode and why: no issue, and the
    /// summary names the reason.
    @Test func statedComponentsAreNotAnError() throws {
        let report = try Validation.report("network-two-banks")
        #expect(Validation.issues(report, "network.components").isEmpty)
        let walk = Validation.check(report, "network.walk")
        #expect(Validation.figure(walk, "components") == 2)
        #expect(Validation.figure(walk, "outside_share") == 0)
        #expect(walk?.summary.contains("2 expected: a river that neither walkers nor drivers cross") == true)
    }

    /// A 3 × 3 grid (6 east-west edges of 0.004°, ≈ 384.7 m at 30.30–30.31°N from N·cosφ, and 6 north-south
    /// edges of 0.004°, ≈ 443.4 m from the meridian radius) and an island edge of 0.0003° east-west
    /// (28.86 m): the island holds 28.86 / (6·384.7 + 6·443.4 + 28.86) = 0.58% of the length, a warning only.
    @Test func aSmallIslandIsAWarning() throws {
        let report = try Validation.report("broken-network-island")
        let components = Validation.issues(report, "network.components")
        #expect(components.map(\.severity) == [.warning, .warning])
        #expect(components.first?.featureId == "island")
        let share = try #require(Validation.figure(Validation.check(report, "network.walk"), "outside_share"))
        #expect(abs(share - 28.86 / (6 * 384.7 + 6 * 443.4 + 28.86)) < 2e-5)
        #expect(report.errorCount == 0)
    }

    /// Modes are separate graphs: a walk-only path joins two drive components into one walk component.
    @Test func modesAreSeparateGraphs() throws {
        func edge(_ id: String, _ a: (Double, Double), _ b: (Double, Double), walk: Bool, drive: Bool) -> Feature {
            Validation.feature(
                id, .lineString(LineString([Coordinate(x: a.0, y: a.1), Coordinate(x: b.0, y: b.1)])),
                [
                    "road_class": "local", "length_m": 100, "walk": .bool(walk), "drive": .bool(drive),
                    "oneway": false, "speed_kmh": 30
                ])
        }
        let district = Validation.district([
            .network: [
                edge("a", (120.301, 30.301), (120.304, 30.301), walk: true, drive: true),
                edge("b", (120.305, 30.301), (120.308, 30.301), walk: true, drive: true),
                edge("path", (120.304, 30.301), (120.305, 30.301), walk: true, drive: false)
            ]
        ])
        let report = try DistrictValidator().validate(district)
        #expect(Validation.figure(Validation.check(report, "network.walk"), "components") == 1)
        #expect(Validation.figure(Validation.check(report, "network.drive"), "components") == 2)
        // 3 of 6 thousandths of a degree each side: an even split, an error for the drive graph.
        #expect(Validation.issues(report, "network.components").map(\.severity) == [.error])
    }

    /// End points match after rounding to 7 decimals: 120.30400004 and 120.304 are the same node.
    @Test func endPointsMatchAfterRoundingToSevenDecimals() throws {
        func edge(_ id: String, _ a: Double, _ b: Double) -> Feature {
            Validation.feature(
                id, .lineString(LineString([Coordinate(x: a, y: 30.305), Coordinate(x: b, y: 30.305)])),
                ["road_class": "local", "length_m": 100, "walk": true, "drive": true, "oneway": true, "speed_kmh": 30])
        }
        let district = Validation.district([.network: [edge("a", 120.301, 120.304), edge("b", 120.30400004, 120.308)]])
        let report = try DistrictValidator().validate(district)
        #expect(Validation.figure(Validation.check(report, "network.drive"), "components") == 1)
    }
}
