import Foundation
import QTGeometry
import Testing

@Suite struct ValidateCommandTests {
    @Test func fullFixtureValidatesCleanAndExitsZero() throws {
        let result = try CLI.run(["validate", "--district", CLI.fixture("valid-full")])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("subdistricts tiling  ok"))
        #expect(result.stdout.contains("gap 0 m², overlap 0 m²"))
        #expect(result.stdout.hasSuffix("Result               ok: 0 errors, 0 warnings\n"))
        #expect(!result.stdout.contains("Problems"))
    }

    /// The bundled district must validate clean: `swift test` fails while its data does not.
    @Test func bundledDistrictValidatesClean() throws {
        let result = try CLI.run(["validate"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
    }

    /// Each broken fixture exits 65 with exactly its one-line messages on stderr.
    @Test(arguments: [
        ("broken-gap", ["subdistricts.geojson: gap of 106,636.0 m² at 120.304500,30.305000 covered by no sub-district (the boundary must be tiled)"]),
        ("broken-overlap", ["subdistricts.geojson: feature 0 'west': overlaps feature 1 'east' by 106,636.0 m² at 120.305500,30.305000"]),
        (
            "broken-self-intersection",
            [
                "industrial_parks.geojson: feature 0 'bowtie': invalid Polygon: Self-intersection at 120.3030000,30.3030000; make-valid would repair it (into a valid MultiPolygon of 2 parts)"
            ]
        ),
        ("broken-geometry-type", ["facilities.geojson: feature 3 'f4': geometry is a Polygon, expected Point"]),
        ("broken-outside", ["facilities.geojson: feature 3 'far': lies outside the boundary, up to 961.9 m beyond it (tolerance 1 m)"]),
        (
            "broken-station",
            ["transit.geojson: feature 2 'S2': lies 22.2 m from line '1' (feature 0 'L1'); a station must lie within 5 m of each line it lists"]
        ),
        ("broken-order", ["transit.geojson: line '1': station orders 1, 2, 4 are not consecutive (missing 3)"]),
        (
            "broken-network",
            [
                "network.geojson: feature 7 'x1': the walk network has 2 components: 50.0% of its edge length (2.64 km of 5.28 km) lies outside the largest; this edge is in the next largest (7 edges, 2.64 km); the largest must hold at least 95%",
                "network.geojson: feature 7 'x1': the drive network has 2 components: 50.0% of its edge length (2.64 km of 5.28 km) lies outside the largest; this edge is in the next largest (7 edges, 2.64 km); the largest must hold at least 95%"
            ]
        ),
        ("broken-population", ["population.geojson: population totals 990, but the manifest's residents are 1,000 (-10)"]),
        ("broken-duplicate-ids", ["facilities.geojson: feature 3 'f1': duplicate id 'f1' (also feature 0)"]),
        (
            "broken-unknown-type",
            [
                "facilities.geojson: feature 3 'f4': unknown facility type 'spaceport' in 'type' (known: childcare, kindergarten, primary_school, middle_school, university, community_health_centre, hospital, elderly_daycare, elderly_care_home, sports_ground, culture_facility, fire_station, park, wet_market, mall)"
            ]
        ),
        ("broken-negative", ["facilities.geojson: feature 0 'f1': places is -5, must not be negative"]),
        ("broken-missing-source", ["facilities.geojson: feature 3 'f4': has no 'source'"])
    ])
    func brokenFixtureExits65WithItsMessages(fixture: String, messages: [String]) throws {
        let result = try CLI.run(["validate", "--district", CLI.fixture(fixture)])
        #expect(result.status == 65)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        let expected = messages.map { "qtplan: error: \(CLI.fixture(fixture))/\($0)" }
        #expect(lines == expected)
        // The table lists the same problems after the checks.
        for message in messages { #expect(result.stdout.contains("error    \(CLI.fixture(fixture))/\(message)\n")) }
        #expect(result.stdout.contains("Result               failed: "))
    }

    @Test func tableShowsTheTilingFigures() throws {
        let result = try CLI.run(["validate", "--district", CLI.fixture("broken-gap")])
        #expect(result.stdout.contains("subdistricts tiling  1 error      gap 106,636.0 m² (1 piece), overlap 0 m²\n"))
        #expect(result.stdout.contains("landuse tiling       not present\n"))
    }

    @Test func aLayerThatDoesNotParseIsOneErrorAndExits65() throws {
        let result = try CLI.run(["validate", "--district", CLI.fixture("broken-parse")])
        #expect(result.status == 65)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(
            lines.first?.hasPrefix(
                "qtplan: error: \(CLI.fixture("broken-parse"))/facilities.geojson: feature 0: geometry.coordinates[0]: ring 0 (exterior) is not closed") == true
        )
        #expect(result.stdout.contains("layers parse  1 error  the district could not be loaded"))

        let json = try CLI.run(["validate", "--district", CLI.fixture("broken-parse"), "--format", "json"])
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["ok"] as? Bool == false)
        let issues = try #require(object["issues"] as? [[String: Any]])
        #expect(issues.map { $0["check"] as? String } == ["parse.failed"])
    }

    @Test func missingFolderExits66() throws {
        let result = try CLI.run(["validate", "--district", "/nonexistent/district"])
        #expect(result.status == 66)
        #expect(result.stderr == "qtplan: error: /nonexistent/district: district folder not found\n")
    }

    @Test func warningsPassUnlessStrict() throws {
        let plain = try CLI.run(["validate", "--district", CLI.fixture("broken-network-island")])
        #expect(plain.status == 0)
        let warnings = plain.stderr.split(separator: "\n")
        #expect(warnings.count == 2 && warnings.allSatisfy { $0.hasPrefix("qtplan: warning: ") })
        #expect(
            warnings.first?.hasSuffix(
                "network.geojson: feature 12 'island': the walk network has 2 components: 0.6% of its edge length (0.03 km of 5.00 km) lies outside the largest; this edge is in the next largest (1 edge, 0.03 km)"
            ) == true)
        #expect(plain.stdout.contains("Result               ok: 0 errors, 2 warnings"))

        let strict = try CLI.run(["validate", "--strict", "--district", CLI.fixture("broken-network-island")])
        #expect(strict.status == 65)
        // The same warnings, then the failure's own line (every non-zero exit says why on stderr).
        #expect(strict.stderr == plain.stderr + "qtplan: error: \(CLI.fixture("broken-network-island")): 2 warnings, and --strict fails on warnings\n")
        #expect(strict.stdout.contains("Result               failed (--strict): 0 errors, 2 warnings"))
    }

    @Test func jsonReportIsOrderedAndDeterministic() throws {
        let first = try CLI.run(["validate", "--district", CLI.fixture("broken-overlap"), "--format", "json"])
        let second = try CLI.run(["validate", "--district", CLI.fixture("broken-overlap"), "--format", "json"])
        #expect(first.status == 65)
        #expect(first.stdout == second.stdout)
        let object = try #require(JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        #expect(object["district"] as? String == "方块区")
        #expect(object["ok"] as? Bool == false)
        #expect(object["errors"] as? Int == 1 && object["warnings"] as? Int == 0)
        let checks = try #require(object["checks"] as? [[String: Any]])
        #expect(
            checks.map { $0["title"] as? String ?? "" } == [
                "layers parse", "geometry types", "geometry validity", "feature ids", "source and accuracy", "layer fields",
                "vocabularies", "counts and measures", "subdistricts tiling", "landuse tiling", "inside the boundary", "axis order",
                "GCJ-02 offset",
                "stations on lines", "walk network", "drive network", "population total"
            ])
        let tiling = checks[8]
        #expect(tiling["status"] as? String == "error" && tiling["layer"] as? String == "subdistricts")
        let figures = try #require(tiling["figures"] as? [String: Any])
        #expect(abs((figures["overlap_m2"] as? Double ?? 0) - 106_636) < 1)
        #expect(checks[9]["status"] as? String == "not_present")
        let issues = try #require(object["issues"] as? [[String: Any]])
        #expect(issues.count == 1)
        #expect(issues.first?["check"] as? String == "tiling.overlap")
        #expect(issues.first?["feature_index"] as? Int == 0)
        #expect(issues.first?["feature_id"] as? String == "west")
        // The key order is fixed (district, ok, strict, errors, warnings, checks, issues).
        #expect(first.stdout.hasPrefix("{\n  \"district\": \"方块区\",\n  \"ok\": false,\n  \"strict\": false,\n"))
    }

    @Test func jsonOfTheFullFixtureIsOk() throws {
        let result = try CLI.run(["validate", "--district", CLI.fixture("valid-full"), "--format", "json", "--strict"])
        #expect(result.status == 0)
        let object = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["ok"] as? Bool == true && object["strict"] as? Bool == true)
        #expect((object["issues"] as? [Any])?.isEmpty == true)
    }
}

@Suite struct ValidateProblemsFileTests {
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("qtplan-validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The gap strip 120.304–120.305°E × 30.30–30.31°N: 106,633.8 m² by the authalic formula, times the
    /// Gauss-Krüger area scale 1 + 2.1e-5 (see QTModelTests/ValidationTilingTests): 106,636 m².
    @Test func problemsFileHoldsTheGapPieceInWGS84() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("problems.geojson").path
        let result = try CLI.run(["validate", "--district", CLI.fixture("broken-gap"), "--problems", path])
        #expect(result.status == 65)
        let collection = try GeoJSONReader().read(data: try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(collection.features.count == 1)
        let piece = try #require(collection.features.first)
        #expect(piece.properties["layer"] == "subdistricts")
        #expect(piece.properties["check"] == "tiling.gap")
        #expect(piece.properties["tolerated"] == false)
        #expect(abs(try #require(piece.properties["area_m2"]?.doubleValue) - 106_636) < 1)
        #expect(piece.geometry?.envelope == Envelope(minX: 120.304, minY: 30.3, maxX: 120.305, maxY: 30.31))
        #expect(!FileManager.default.fileExists(atPath: path + ".tmp"))
    }

    @Test func cleanDistrictWritesAnEmptyCollection() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("problems.geojson").path
        let result = try CLI.run(["validate", "--district", CLI.fixture("valid-full"), "--problems", path])
        #expect(result.status == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"type\":\"FeatureCollection\",\"features\":[]}\n")
    }

    @Test func unwritablePathExits73AndLeavesNoFile() throws {
        let path = "/nonexistent-qtplan-dir/problems.geojson"
        let result = try CLI.run(["validate", "--district", CLI.fixture("broken-gap"), "--problems", path])
        #expect(result.status == 73)
        #expect(
            result.stderr.split(separator: "\n").last?.hasPrefix(
                "qtplan: error: \(path): cannot write the problems file: the folder /nonexistent-qtplan-dir does not exist") == true)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    /// A path that is a directory: refused before anything is written, and nothing is left beside it.
    @Test func aFolderInTheWayIsRefusedAndKept() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("problems.geojson")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        try Data("keep".utf8).write(to: target.appendingPathComponent("inside.txt"))
        let result = try CLI.run(["validate", "--district", CLI.fixture("valid-full"), "--problems", target.path])
        #expect(result.status == 73)
        #expect(result.stderr.contains("\(target.path): cannot write the problems file: is a folder; give a file name"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["problems.geojson"])
        #expect(try String(contentsOf: target.appendingPathComponent("inside.txt"), encoding: .utf8) == "keep")
    }
}

@Suite struct InfoSubdistrictTests {
    /// West and east halves of the 0.01° square: each 0.005° × 0.01°, half of 1.066338 km² by the authalic
    /// formula (see InfoCommandTests): 0.533169 km².
    @Test func jsonListsSubdistrictAreasInLayerOrder() throws {
        let result = try CLI.run(["info", "--district", CLI.fixture("valid-full"), "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let subdistricts = try #require(object["subdistricts"] as? [[String: Any]])
        #expect(subdistricts.map { $0["id"] as? String } == ["west", "east"])
        #expect(subdistricts.map { $0["name"] as? String } == ["西街道", "东街道"])
        #expect(subdistricts.map { $0["name_en"] as? String } == ["West", "East"])
        for subdistrict in subdistricts {
            #expect(abs((subdistrict["area_km2"] as? Double ?? 0) - 0.533169) < 0.0005 + 1e-5)
        }
        #expect(result.stdout.contains("{\"id\": \"west\", \"name\": \"西街道\", \"name_en\": \"West\", \"area_km2\": 0.533}"))
    }

    @Test func tableHasARowPerSubdistrict() throws {
        let result = try CLI.run(["info", "--district", CLI.fixture("valid-full")])
        #expect(result.stdout.contains("Subdistrict 西街道      0.5 km²\n"))
        #expect(result.stdout.hasSuffix("Subdistrict 东街道      0.5 km²\n"))
    }

    @Test func noSubdistrictsLayerNoSubdistrictsKey() throws {
        let result = try CLI.run(["info", "--district", CLI.fixture("square"), "--format", "json"])
        #expect(!result.stdout.contains("subdistricts"))
        #expect(!result.stdout.contains("Subdistrict"))
    }
}
