import Foundation
import QTTestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Names that hold control characters, escape sequences and formulas, through the built binary (issue 19,
/// class 6). Before: the SVG was XML no parser accepted (exit 0), the PNG failed (exit 73), tables and error
/// lines carried the raw escape sequences, and exported CSV cells began with `=`.
@Suite struct TextSinkCommandTests {
    static let districtName = "方块\u{01}区\u{1B}[2J"
    static let boundaryName = "=HYPERLINK(\"http://example.invalid\")\u{08}"
    static let facilityType = "kindergarten\u{1B}[31m"

    /// A one-square district whose names are hostile, and a facility of an unknown (hostile) type.
    static func district() throws -> String {
        let folder = try Tool.temporaryFolder("text-sink")
        let manifest: [String: Any] = [
            "name": districtName, "name_en": "Square \u{9B}31m", "official_area_km2": 1.1, "metric_crs": "EPSG:4549",
            "residents": 1000, "layers": ["boundary": ["file": "boundary.geojson"], "facilities": ["file": "facilities.geojson"]]
        ]
        try JSONSerialization.data(withJSONObject: manifest).write(to: URL(fileURLWithPath: folder + "/district.json"))
        let ring = [[120.3, 30.3], [120.31, 30.3], [120.31, 30.31], [120.3, 30.31], [120.3, 30.3]]
        let boundary: [String: Any] = [
            "type": "FeatureCollection",
            "features": [
                [
                    "type": "Feature", "geometry": ["type": "Polygon", "coordinates": [ring]],
                    "properties": ["id": "sq\u{1B}]0;pwned\u{07}", "name": boundaryName, "source": "modelled", "accuracy_m": 0]
                ]
            ]
        ]
        try JSONSerialization.data(withJSONObject: boundary).write(to: URL(fileURLWithPath: folder + "/boundary.geojson"))
        let facilities: [String: Any] = [
            "type": "FeatureCollection",
            "features": [
                [
                    "type": "Feature", "geometry": ["type": "Point", "coordinates": [120.305, 30.305]],
                    "properties": ["id": "kg\u{1B}[2K", "name": "@SUM(1+1)", "type": facilityType, "source": "modelled", "accuracy_m": 1]
                ]
            ]
        ]
        try JSONSerialization.data(withJSONObject: facilities).write(to: URL(fileURLWithPath: folder + "/facilities.geojson"))
        return folder
    }

    /// Whether `text` holds a character a terminal acts on (other than line feed and tab).
    static func hasRawControls(_ text: String) -> Bool {
        text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) }
    }

    @Test("tables and error lines show escape sequences as text; JSON keeps the names exactly")
    func terminal() throws {
        let folder = try Self.district()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let info = try CLI.run(["info", "--district", folder])
        #expect(info.status == 0, "\(info.stderr)")
        #expect(!Self.hasRawControls(info.stdout), "\(info.stdout.debugDescription)")
        #expect(info.stdout.contains("方块\\x01区\\e[2J Square \\u{9B}31m"), "\(info.stdout)")
        let validate = try CLI.run(["validate", "--district", folder])
        #expect(validate.status == 65)
        #expect(!Self.hasRawControls(validate.stdout) && !Self.hasRawControls(validate.stderr), "\(validate.stderr.debugDescription)")
        #expect(validate.stderr.contains("kindergarten\\e[31m"), "\(validate.stderr)")
        for line in validate.stderr.split(separator: "\n") {
            #expect(line.hasPrefix("qtplan: error: ") || line.hasPrefix("qtplan: warning: "), "\(line)")
        }
        let json = try CLI.run(["info", "--district", folder, "--format", "json"])
        #expect(!Self.hasRawControls(json.stdout))
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["name"] as? String == Self.districtName)
    }

    @Test("an SVG map of such names is XML a parser accepts, and the PNG renders")
    func maps() throws {
        let folder = try Self.district()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let svg = try CLI.run(["map", "--district", folder, "--layers", "boundary,facilities", "-o", folder + "/map.svg"])
        #expect(svg.status == 0, "\(svg.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/map.svg"))
        let document = try XMLDocument(data: data, options: [])
        #expect(document.rootElement()?.name == "svg")
        #expect(String(decoding: data, as: UTF8.self).contains("方块\u{FFFD}区\u{FFFD}[2J"))
        let png = try CLI.run(["map", "--district", folder, "--layers", "boundary,facilities", "-o", folder + "/map.png"])
        #expect(png.status == 0, "\(png.stderr)")
        let head = try Data(contentsOf: URL(fileURLWithPath: folder + "/map.png")).prefix(8)
        #expect(head == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    }

    @Test("an exported CSV layer: formula cells start with a quote, read back by GDAL's ogrinfo")
    func csvExport() throws {
        let folder = try Self.district()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let export = try CLI.run(["export", "--district", folder, "--layer", "boundary", "-o", folder + "/boundary.csv"])
        #expect(export.status == 0, "\(export.stderr)")
        let read = try Tool.run("ogrinfo", ["-al", "-q", folder + "/boundary.csv"])
        #expect(read.status == 0, "\(read.output)")
        #expect(read.output.contains("name (String) = '=HYPERLINK(\"http://example.invalid\")"), "\(read.output)")
        #expect(!read.output.contains("name (String) = =HYPERLINK"))
    }
}
