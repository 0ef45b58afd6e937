import Foundation
import Testing

/// `qtplan coverage` on Tests/Fixtures/districts/coverage-small (see CoverageCommandTests for the district):
/// how far gaps say the nearest facility is, and fire stations in radius mode.
///
/// Worked by hand (1° of longitude ≈ 96.11 km and of latitude ≈ 110.86 km at 30.305°N; 75 m a minute):
/// - pop-w2 → kg-1 on foot: 166.3 m north to the 30.308° street, 432.5 m west to 120.302°E, 665.2 m south,
///   48.1 m east, 11.1 m to the door: 1,323 m, 17.6 minutes.
/// - pop-e2 → kg-1: 66.5 m to the 30.302° street, 1,249.4 m west, 11.1 m: 1,327 m, 17.7 minutes.
/// - pop-e1 → kg-1: 48 m to 120.318°E, 599 m south, 1,491 m west, 11 m: 2,149 m, 28.7 minutes.
/// - pop-w2 to kg-1 as the crow flies: 384.4 m east–west and 487.8 m north–south, 621 m.
/// - The fire station to each resident, straight: w1 1,618 m, w2 1,129 m, e1 about 100 m, e2 784 m.
@Suite struct CoverageHorizonAndFireTests {
    static let district = CLI.fixture("coverage-small")

    static func gaps(_ arguments: [String]) throws -> [String: [String: Any]] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qtplan-horizon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("gaps.geojson").path
        let result = try CLI.run(["coverage", "--district", district, "--gaps", path] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let features = try #require(json["features"] as? [[String: Any]])
        var byResident: [String: [String: Any]] = [:]
        for f in features {
            let p = try #require(f["properties"] as? [String: Any])
            byResident[try #require(p["population_feature"] as? String)] = p
        }
        return byResident
    }

    @Test func gapsGiveTheNearestFacilityUpToTwiceTheThreshold() throws {
        let walk = try Self.gaps(["--type", "kindergarten", "--minutes", "10", "--measure", "time"])
        #expect(walk.keys.sorted() == ["pop-e1", "pop-e2", "pop-w2"])
        #expect(walk.values.allSatisfy { $0["minutes"] as? Double == 10 && $0["horizon_minutes"] as? Double == 20 })
        #expect(abs((walk["pop-w2"]?["nearest_minutes"] as? Double ?? 0) - 17.6) <= 0.1)
        #expect(abs((walk["pop-e2"]?["nearest_minutes"] as? Double ?? 0) - 17.7) <= 0.1)
        #expect(walk["pop-e1"]?["nearest_minutes"] is NSNull) // 28.7 minutes: beyond the 20-minute horizon
        // gb50180's own measure: metres along the streets, searched to twice the 700 m asked for.
        let walked = try Self.gaps(["--type", "kindergarten", "--distance", "700"])
        #expect(walked.values.allSatisfy { $0["distance_m"] as? Double == 700 && $0["horizon_m"] as? Double == 1400 })
        #expect(abs((walked["pop-w2"]?["nearest_m"] as? Double ?? 0) - 1323) <= 2)
        #expect(abs((walked["pop-e2"]?["nearest_m"] as? Double ?? 0) - 1327) <= 2)
        #expect(walked["pop-e1"]?["nearest_m"] is NSNull) // 2,149 m: beyond the horizon
        let radius = try Self.gaps(["--type", "kindergarten", "--mode", "radius", "--distance", "400"])
        #expect(radius["pop-w2"]?["horizon_m"] as? Double == 800)
        #expect(abs((radius["pop-w2"]?["nearest_m"] as? Double ?? 0) - 621) <= 2)
        #expect(radius["pop-e2"]?["nearest_m"] is NSNull && radius["pop-e1"]?["nearest_m"] is NSNull)
    }

    @Test func gapsDoNotChangeTheShares() throws {
        let plain = try CLI.run(["coverage", "--district", Self.district, "--type", "kindergarten", "--minutes", "10", "--format", "json"])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qtplan-horizon-\(UUID().uuidString).geojson")
        defer { try? FileManager.default.removeItem(at: folder) }
        let withGaps = try CLI.run([
            "coverage", "--district", Self.district, "--type", "kindergarten", "--minutes", "10",
            "--format", "json", "--gaps", folder.path
        ])
        #expect(plain.status == 0 && withGaps.status == 0)
        #expect(plain.stdout == withGaps.stdout)
    }

    @Test func fireStationsInRadiusModeUseTheSevenSquareKilometreDistrict() throws {
        let result = try CLI.run([
            "coverage", "--district", Self.district, "--type", "fire_station", "--mode", "radius",
            "--format", "json"
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        // √(7 km² / π) = 1,493 m: w2, e1 and e2 are within it, w1 (1,618 m) is not.
        #expect(rows.first?["distance_m"] as? Double == 1493)
        #expect(rows.first?["covered"] as? Double == 3000)
    }

    @Test func fireStationsInRadiusModeWithoutADistanceAreRefused() throws {
        let cases: [[String]] = [
            ["--type", "fire_station", "--mode", "radius", "--standard", "qiantang-plan"],
            ["--all", "--mode", "radius", "--standard", "qiantang-plan"],
            ["--type", "fire_station", "--mode", "radius", "--minutes", "10"]
        ]
        for arguments in cases {
            let result = try CLI.run(["coverage", "--district", Self.district] + arguments)
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
            #expect(
                result.stderr.hasPrefix("qtplan: error: ") && result.stderr.contains("fire_station")
                    && result.stderr.contains("--mode drive") && result.stderr.contains("--distance"), "\(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        // With a distance of its own it is measured: 2,000 m reaches every resident.
        let given = try CLI.run([
            "coverage", "--district", Self.district, "--type", "fire_station", "--mode", "radius",
            "--standard", "qiantang-plan", "--distance", "2000", "--format", "json"
        ])
        #expect(given.status == 0, "\(given.stderr)")
        let rows = try #require(JSONSerialization.jsonObject(with: Data(given.stdout.utf8)) as? [[String: Any]])
        #expect(rows.first?["covered"] as? Double == 4000)
    }
}
