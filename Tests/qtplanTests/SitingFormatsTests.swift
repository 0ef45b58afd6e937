import Foundation
import QTTestSupport
import Testing

/// Siting with the formats GIS users bring and take: a plan as a GeoPackage or Shapefile (made by GDAL's own
/// ogr2ogr from the GeoJSON plan), suggestions written through GDAL and read back by ogrinfo, and a plan's
/// checks in the report.
@Suite("Siting in other formats and in the report")
struct SitingFormatsTests {
    static let district = CLI.fixture("siting-small")
    static let plan = CLI.fixture("siting-small/plans/mixed.geojson")

    /// The verdict of each site in `site-check --format json` output, by id.
    static func verdicts(_ json: String) throws -> [String: String] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let sites = object?["sites"] as? [[String: Any]] ?? []
        return Dictionary(
            uniqueKeysWithValues: sites.compactMap { s in
                (s["id"] as? String).flatMap { id in (s["verdict"] as? String).map { (id, $0) } }
            })
    }

    @Test("a plan as a GeoPackage or Shapefile gets the same verdicts as the GeoJSON it was made from", arguments: ["gpkg", "shp"])
    func planInOtherFormats(ext: String) throws {
        let folder = try Tool.temporaryFolder("siting-\(ext)")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let converted = folder + "/plan.\(ext)"
        let made = try Tool.run("ogr2ogr", ["-f", ext == "gpkg" ? "GPKG" : "ESRI Shapefile", converted, Self.plan])
        #expect(made.status == 0, "\(made.output)")
        let original = try CLI.run(["site-check", "--district", Self.district, "--sites", Self.plan, "--format", "json"])
        let other = try CLI.run(["site-check", "--district", Self.district, "--sites", converted, "--format", "json"])
        #expect(original.status == 1 && other.status == 1, "\(other.stderr)") // the plan has a failing site
        let expected = try Self.verdicts(original.stdout)
        #expect(expected.count == 3)
        #expect(try Self.verdicts(other.stdout) == expected)
    }

    @Test("site-suggest -o writes a GeoPackage that ogrinfo reads: the picks with their gains")
    func suggestionsAsGeoPackage() throws {
        let folder = try Tool.temporaryFolder("suggest-gpkg")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/picks.gpkg"
        let result = try CLI.run([
            "site-suggest", "--district", Self.district, "--type", "middle_school", "--mode", "radius",
            "--candidates", CLI.fixture("siting-small/plans/candidates.geojson"), "--count", "2", "-o", path
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let info = try Tool.run("ogrinfo", ["-ro", "-al", path])
        #expect(info.status == 0 && info.output.contains("Layer name: suggested_sites"), "\(info.output)")
        #expect(info.output.contains("Feature Count: 2"), "\(info.output)")
        let unknown = try CLI.run(["site-suggest", "--district", Self.district, "--type", "middle_school", "--count", "1", "-o", folder + "/p.kml"])
        #expect(unknown.status == 64 && unknown.stderr.contains("unknown extension '.kml'"), "\(unknown.stderr)")
    }

    @Test("the report with --sites: every site's rules with verdicts and clauses, a map of the sites, exit 0 although a site fails")
    func reportWithSites() throws {
        let folder = try Tool.temporaryFolder("report-sites")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/report.html"
        let result = try CLI.run(["report", "--district", Self.district, "--sites", Self.plan, "-o", path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Sites       3 checked, 1 failing a rule"), "\(result.stdout)")
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.contains("<section id=\"sites\">") && html.contains("3 sites checked: 2 pass every rule, 1 fails at least one."))
        #expect(html.contains("<h3>kg-farm") && html.contains("<tr class=\"fail\">"), "\(html.suffix(3000))")
        #expect(html.contains("规划选址 Plan sites by verdict"))
        let check = try CLI.run(["site-check", "--district", Self.district, "--sites", Self.plan])
        #expect(check.status == 1) // site-check itself fails the plan; the report only describes it
        let missing = try CLI.run(["report", "--district", Self.district, "--sites", folder + "/none.geojson", "-o", folder + "/again.html"])
        #expect(missing.status == 66, "\(missing.stderr)")
    }
}
