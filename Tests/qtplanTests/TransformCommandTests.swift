import Foundation
import Testing

@Suite struct TransformCommandTests {
    /// The reference figure of the core issue (to the centimetre), easting first.
    @Test func wgs84ToGaussKrugerReferencePoint() throws {
        let result = try CLI.run(["transform", "--from", "EPSG:4326", "--to", "EPSG:4549", "--decimals", "2", "120.35,30.30"])
        #expect(result.status == 0)
        #expect(result.stdout == "533668.27,3353421.77\n")
    }

    /// Metres get 3 decimals by default. The figure is rounded to centimetres, so the millimetre value
    /// lies within 5 mm of it, plus half a millimetre of printing.
    @Test func metresDefaultToThreeDecimals() throws {
        let result = try CLI.run(["transform", "--from", "EPSG:4326", "--to", "EPSG:4549", "120.35,30.30"])
        let parts = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",")
        #expect(parts.count == 2 && parts.allSatisfy { $0.split(separator: ".").last?.count == 3 })
        let values = parts.compactMap { Double($0) }
        #expect(abs(values[0] - 533_668.27) <= 0.0055 && abs(values[1] - 3_353_421.77) <= 0.0055)
    }

    @Test func readsStandardInputWhenNoPointsAreGiven() throws {
        let result = try CLI.run(
            ["transform", "--from", "EPSG:4326", "--to", "EPSG:4549"],
            stdin: "# a comment\n120.35,30.30\n\n120 30.3\n")
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("533668.2") == true)
        #expect(lines.last?.hasPrefix("500000.000,") == true) // the central meridian: false easting
    }

    /// 下沙西 station: GCJ-02 (120.312534, 30.309918) ↔ WGS84 (120.30803, 30.312309), 6-decimal reference pair.
    @Test func gcj02IsAcceptedAsACRSName() throws {
        let result = try CLI.run([
            "transform", "--from", "GCJ02", "--to", "WGS84", "--decimals", "6",
            "120.312534,30.309918"
        ])
        #expect(result.status == 0)
        let parts = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",").compactMap { Double($0) }
        #expect(parts.count == 2)
        #expect(abs(parts[0] - 120.30803) < 2e-6 && abs(parts[1] - 30.312309) < 2e-6)
    }

    @Test func jsonOutput() throws {
        let result = try CLI.run([
            "transform", "--from", "WGS84", "--to", "EPSG:4549", "--format", "json", "--decimals", "2",
            "120.35,30.30"
        ])
        #expect(result.status == 0)
        #expect(result.stdout == "{\"from\": \"EPSG:4326\", \"to\": \"EPSG:4549\", \"points\": [[533668.27, 3353421.77]]}\n")
    }

    @Test func malformedPointArgumentIsAUsageError() throws {
        let result = try CLI.run(["transform", "--from", "WGS84", "--to", "EPSG:4549", "120.35"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("'120.35' is not a point"))
    }

    @Test func malformedStandardInputLineIsADataError() throws {
        let result = try CLI.run(["transform", "--from", "WGS84", "--to", "EPSG:4549"], stdin: "120.35,30.30\nhello\n")
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "qtplan: error: stdin line 2: 'hello' is not a point (expected X,Y)\n")
    }

    @Test func unknownCRSIsAUsageErrorNamingIt() throws {
        let result = try CLI.run(["transform", "--from", "mercator", "--to", "WGS84", "1,2"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown CRS 'mercator'"))
    }

    /// A CRS named on the command line that PROJ does not know is a bad argument, like one qtplan cannot parse.
    @Test func crsPROJDoesNotKnowIsAUsageErrorWithPROJsMessage() throws {
        let result = try CLI.run(["transform", "--from", "EPSG:999999", "--to", "WGS84", "1,2"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("qtplan: error: --from EPSG:999999: not a CRS PROJ knows (proj_create_crs_to_crs failed:"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func versionNamesTheCLibraries() throws {
        let result = try CLI.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("GEOS 3."))
        #expect(result.stdout.contains("PROJ "))
    }
}
