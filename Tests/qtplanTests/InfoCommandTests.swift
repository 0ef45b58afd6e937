import Foundation
import Testing

@Suite struct InfoCommandTests {
    /// The fixture is a 0.01° × 0.01° square at 120.3°E 30.3°N. Its area by the authalic-latitude formula
    /// (see QTProjectionTests/GeodesicTests) is 1.066338 km²; the geodesic polygon differs by ~1e-5.
    @Test func jsonOfAHandMadeDistrict() throws {
        let result = try CLI.run(["info", "--district", CLI.fixture("square"), "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let json = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["name"] as? String == "方块区")
        #expect(json["official_area_km2"] as? Double == 1.1)
        let area = try #require(json["area_km2"] as? Double)
        #expect(abs(area - 1.066338) < 0.0005 + 1e-4) // printed with 3 decimals
        #expect((json["layers"] as? [String: Int]) == ["boundary": 1])
        // Planar area in Gauss-Kruger CM 120E, 30 km from the central meridian: scale error ~1e-5.
        let planar = try #require(json["planar_area_km2"] as? Double)
        #expect(abs(planar - area) < 0.001)
    }

    @Test func tableNamesTheOfficialAndMeasuredAreas() throws {
        let result = try CLI.run(["info", "--district", CLI.fixture("square")])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Official area"))
        #expect(result.stdout.contains("1.1 km²"))
        #expect(result.stdout.contains("Layer boundary"))
    }

    @Test func bundledDistrictIsTheDefault() throws {
        let result = try CLI.run(["info", "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let json = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["name"] as? String == "钱塘区")
        #expect(json["official_area_km2"] as? Double == 531.7)
        let area = try #require(json["area_km2"] as? Double)
        #expect(area > 520 && area < 525) // the DataV outline is ~1.8% under the official 531.7
    }

    /// Results built on modelled layers must say so: info names the source of every layer's features.
    @Test func bundledDistrictSaysWhichLayersAreModelled() throws {
        let result = try CLI.run(["info", "--format", "json"])
        let json = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let modelled = try #require(json["modelled_layers"] as? [String])
        #expect(modelled.contains("landuse") && modelled.contains("population") && !modelled.contains("boundary"))
        let sources = try #require(json["layer_sources"] as? [String: [String: Int]])
        #expect(sources["boundary"] == ["reference": 1])
        let table = try CLI.run(["info", "--lang", "en"]) // (the bundled manifest says zh)
        #expect(table.stdout.contains("Layer boundary          1 feature (reference)"))
        #expect(table.stdout.contains("(modelled)"))
    }

    @Test func outputIsDeterministic() throws {
        let first = try CLI.run(["info", "--format", "json"])
        let second = try CLI.run(["info", "--format", "json"])
        #expect(first.stdout == second.stdout)
    }

    @Test func missingFolderExits66WithOneLine() throws {
        let result = try CLI.run(["info", "--district", "/nonexistent/district"])
        #expect(result.status == 66)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "qtplan: error: /nonexistent/district: district folder not found\n")
    }

    @Test func missingLayerFileExits66NamingTheFile() throws {
        let result = try CLI.run(["info", "--district", CLI.fixture("missing-layer")])
        #expect(result.status == 66)
        #expect(result.stderr.contains("nowhere.geojson: layer file not found"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func wrongTypedManifestFieldExits65NamingFileAndField() throws {
        let result = try CLI.run(["info", "--district", CLI.fixture("bad-manifest")])
        #expect(result.status == 65)
        #expect(result.stderr.contains("district.json: field 'official_area_km2': expected a number"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func manifestWithoutBoundaryExits65() throws {
        let result = try CLI.run(["info", "--district", CLI.fixture("no-boundary")])
        #expect(result.status == 65)
        #expect(result.stderr.hasSuffix("no-boundary/district.json: layers: no 'boundary' layer (it is required)\n"))
    }

    @Test func unknownManifestKeysAreWarningsNotErrors() throws {
        let result = try CLI.run(["info", "--district", CLI.fixture("extra-key")])
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning: "))
        #expect(result.stderr.contains("extra-key/district.json: unknown key 'colour' ignored"))
        #expect(result.stderr.contains("unknown layer 'rivers' ignored"))
    }

    @Test func unknownFormatIsAUsageError() throws {
        let result = try CLI.run(["info", "--format", "xml"])
        #expect(result.status == 64)
    }
}
