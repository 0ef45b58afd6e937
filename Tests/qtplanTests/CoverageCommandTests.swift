import Foundation
import Testing

/// `qtplan coverage` and `qtplan isochrone` on Tests/Fixtures/districts/coverage-small: a 2 × 1 km district
/// (120.30–120.32°E, 30.30–30.31°N) with streets along 30.302° and 30.308°N and 120.302°, 120.310° and
/// 120.318°E (local, 30 km/h), sub-districts w and e split at 120.31°E, and four population squares.
///
/// Worked by hand (1° of longitude ≈ 96.2 km and of latitude ≈ 110.9 km here; residents stand at the middle
/// of their square, GEOS's point on surface):
/// - pop-w1 (1,000, w) at (120.3025, 30.3026) and kindergarten kg-1 at (120.3025, 30.3021) both join the
///   30.302° street at 120.3025: 66.5 + 11.1 m of access legs, 78 m in all, 62 s at 4.5 km/h: inside the
///   5-minute circle (300 s), and 55 m apart as the crow flies (inside 300 m).
/// - pop-w2 (500, w) at (120.3065, 30.3065) joins the 30.308° street 166 m north; from there to kg-1 is
///   433 + 665 + 48 m of street: far outside 5 minutes, and 620 m away straight (outside 300 m).
/// - pop-e1 (2,000, e, rural) at (120.3175, 30.3074) is 55 m from the planned kindergarten kg-2, which
///   counts only with --include-planned; pop-e2 (500, e) at (120.3155, 30.3014) is 750 m from it.
/// - The fire station at (120.3181, 30.3081), driving at 30 km/h (2.5 km in 5 minutes, access walked):
///   reaches e1, e2 and w2 but not w1: 0.68 km down 120.318°E and 1.49 km west along 30.302°N (260 s) plus
///   76 m of access legs walked (61 s) is 5.4 minutes.
@Suite struct CoverageCommandTests {
    static let district = CLI.fixture("coverage-small")

    static func json(_ arguments: [String]) throws -> [[String: Any]] {
        let result = try CLI.run(["coverage", "--district", district, "--format", "json"] + arguments)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }

    static func covered(_ row: [String: Any], _ subdistrict: String? = nil) -> Double? {
        guard let subdistrict else { return row["covered"] as? Double }
        let parts = row["by_subdistrict"] as? [[String: Any]] ?? []
        return parts.first { $0["subdistrict"] as? String == subdistrict }?["covered"] as? Double
    }

    @Test func walkRadiusAndDriveMatchTheHandWorkedCase() throws {
        let walk = try Self.json(["--type", "kindergarten,fire_station"])
        #expect(walk.count == 2)
        let kg = walk[0], fire = walk[1]
        #expect(kg["type"] as? String == "kindergarten" && kg["mode"] as? String == "walk" && kg["minutes"] as? Double == 5)
        #expect(kg["population"] as? Double == 4000 && Self.covered(kg) == 1000 && kg["share"] as? Double == 0.25)
        #expect(Self.covered(kg, "w") == 1000 && Self.covered(kg, "e") == 0)
        // gb50180 walks distances (table 3.0.4): 78 m along the streets is inside 300 m.
        #expect(kg["distance_m"] as? Double == 300 && kg["measure"] as? String == "distance" && kg["profile"] as? String == "gb50180")
        #expect(fire["measure"] as? String == "time" && fire["mode_from_profile"] as? Bool == false)
        #expect(fire["mode"] as? String == "drive" && fire["direction"] as? String == "from_facility")
        #expect(Self.covered(fire) == 3000 && Self.covered(fire, "w") == 500 && Self.covered(fire, "e") == 2500)

        let radius = try Self.json(["--type", "kindergarten", "--mode", "radius"])
        #expect(radius[0]["distance_m"] as? Double == 300 && Self.covered(radius[0]) == 1000)
        let planned = try Self.json(["--type", "kindergarten", "--mode", "radius", "--include-planned"])
        #expect(Self.covered(planned[0]) == 3000 && planned[0]["facilities"] as? Int == 2)
        // --distance overrides the circle's 300 m: 620 m reaches pop-w2 too.
        let wide = try Self.json(["--type", "kindergarten", "--mode", "radius", "--distance", "650"])
        #expect(Self.covered(wide[0]) == 1500)
        // The plan's profile puts kindergartens in the 15-minute circle (1,125 m of walking).
        let plan = try Self.json(["--type", "kindergarten", "--standard", "qiantang-plan"])
        #expect(plan[0]["minutes"] as? Double == 15 && plan[0]["profile"] as? String == "qiantang-plan")
    }

    @Test func minutesListGivesOneRowPerThreshold() throws {
        let rows = try Self.json(["--type", "kindergarten", "--minutes", "5,30"])
        #expect(rows.map { $0["label"] as? String } == ["kindergarten_5min", "kindergarten_30min"])
        #expect(Self.covered(rows[0]) == 1000 && Self.covered(rows[1]) ?? 0 > 1000)
        for row in rows {
            let parts = try #require(row["by_subdistrict"] as? [[String: Any]])
            #expect(parts.compactMap { $0["covered"] as? Double }.reduce(0, +) == Self.covered(row))
            #expect(parts.compactMap { $0["population"] as? Double }.reduce(0, +) == 4000)
        }
    }

    @Test func gapsAndAreasAreWrittenAndAddUp() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qtplan-coverage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let gaps = folder.appendingPathComponent("gaps.geojson").path, areas = folder.appendingPathComponent("areas.geojson").path
        let result = try CLI.run([
            "coverage", "--district", Self.district, "--type", "kindergarten", "--gaps", gaps,
            "--areas", areas, "--dissolve"
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let gapJSON = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: gaps))) as? [String: Any])
        let gapFeatures = try #require(gapJSON["features"] as? [[String: Any]])
        let gapProperties = gapFeatures.compactMap { $0["properties"] as? [String: Any] }
        #expect(gapProperties.compactMap { $0["population_feature"] as? String }.sorted() == ["pop-e1", "pop-e2", "pop-w2"])
        #expect(gapProperties.compactMap { $0["population"] as? Double }.reduce(0, +) == 3000)
        #expect(gapFeatures.allSatisfy { ($0["geometry"] as? [String: Any])?["type"] as? String == "Polygon" })
        let areaJSON = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: areas))) as? [String: Any])
        let areaFeatures = try #require(areaJSON["features"] as? [[String: Any]])
        #expect(areaFeatures.count == 1)
        let props = try #require(areaFeatures.first?["properties"] as? [String: Any])
        #expect(props["service"] as? String == "kindergarten" && props["distance_m"] as? Double == 300 && props["facilities"] as? Double == 1)
        // 300 m of walking both ways along the 30.302° street, minus the 11 m access leg, buffered 100 m:
        // roughly 0.58 km of street × 0.2 km plus side streets: between 0.1 and 0.3 km².
        let km2 = try #require(props["area_km2"] as? Double)
        #expect(km2 > 0.1 && km2 < 0.3, "\(km2) km²")
    }

    @Test func badRequestsExitWithUsageOrDataCodes() throws {
        let cases: [([String], Int32, String)] = [
            (["--type", "school"], 64, "--type: unknown type 'school'"),
            ([], 64, "give --type T[,T…] or --all"),
            (["--type", "kindergarten", "--standard", "nope"], 64, "no profile 'nope' (profiles: gb50180, qiantang-plan)"),
            (["--type", "kindergarten", "--minutes", "600"], 64, "600 minutes is over the limit of 120 minutes"),
            (["--type", "kindergarten", "--minutes", "five"], 64, "--minutes: 'five' is not a number of minutes > 0"),
            (["--type", "university"], 64, "profile gb50180 has no circle for 'university'; give --minutes"),
            (["--type", "kindergarten", "--standards", "/nonexistent/standards.json"], 66, "standards file not found")
        ]
        for (arguments, status, message) in cases {
            let result = try CLI.run(["coverage", "--district", Self.district] + arguments)
            #expect(result.status == status, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty && !result.stderr.contains("Fatal error"))
        }
        // A district without a population layer: nothing to cover.
        let missing = try CLI.run(["coverage", "--district", CLI.fixture("landuse-split"), "--type", "kindergarten", "--mode", "radius"])
        #expect(missing.status == 66 && missing.stderr.contains("population: layer not in the district"), "\(missing.stderr)")
    }

    @Test func isochroneBandsNestAndCountResidents() throws {
        let result = try CLI.run(["isochrone", "--district", Self.district, "--facility", "kg-1", "--minutes", "5,10,15"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let features = try #require(json["features"] as? [[String: Any]])
        let props = features.compactMap { $0["properties"] as? [String: Any] }
        #expect(props.compactMap { $0["minutes"] as? Double } == [5, 10, 15])
        let residents = props.compactMap { $0["residents"] as? Double }
        let areas = props.compactMap { $0["area_km2"] as? Double }
        #expect(residents.first == 1000 && residents == residents.sorted() && areas == areas.sorted() && areas[0] > 0)
        let off = try CLI.run(["isochrone", "--district", Self.district, "--at", "121.5,31.2"])
        #expect(off.status == 64 && off.stderr.contains("from every street"), "\(off.stderr)")
        let unknown = try CLI.run(["isochrone", "--district", Self.district, "--facility", "nope"])
        #expect(unknown.status == 64 && unknown.stderr.contains("no facility or transit stop with id 'nope'"))
        let long = try CLI.run(["isochrone", "--district", Self.district, "--facility", "kg-1", "--minutes", "600"])
        #expect(long.status == 64 && long.stderr.contains("over the limit"), "\(long.stderr)")
    }
}
