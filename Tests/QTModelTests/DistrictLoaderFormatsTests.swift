import Foundation
import QTGeometry
import QTModel
import QTProjection
import QTTestSupport
import Testing

/// Layers in formats other than GeoJSON, read through GDAL: a planning bureau's Shapefile, a design
/// institute's DXF, a CSV of sites. The files are made by GDAL's own ogr2ogr (Debian's gdal-bin), not by qtplan.
@Suite struct DistrictLoaderFormatsTests {
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try Tool.run(arguments[0], Array(arguments.dropFirst()))
    }

    /// A district folder whose boundary is `boundary` (a file name) with `entry` fields besides `file`.
    static func district(in folder: String, boundary: String, entry: [String: String] = [:]) throws {
        var layer = entry
        layer["file"] = boundary
        let manifest: [String: Any] = [
            "name": "方块区", "name_en": "Square", "official_area_km2": 1.0, "metric_crs": "EPSG:4549",
            "residents": 0, "layers": ["boundary": layer]
        ]
        try JSONSerialization.data(withJSONObject: manifest).write(to: URL(fileURLWithPath: folder + "/district.json"))
    }

    static func temporaryFolder() throws -> String { try Tool.temporaryFolder("model-formats") }

    /// A 1 km square in EPSG:4549, as a closed line (what a CAD drawing holds).
    static let squareLine =
        #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"b"},"geometry":{"type":"LineString","coordinates":[[533000,3353000],[534000,3353000],[534000,3354000],[533000,3354000],[533000,3353000]]}}]}"#

    @Test("a DXF boundary: closed polylines become polygons (said), in the manifest's CRS; area 1 km² less the scale error")
    func dxfBoundary() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.squareLine.write(toFile: folder + "/square.geojson", atomically: true, encoding: .utf8)
        let made = try Self.run(["ogr2ogr", "-f", "DXF", folder + "/boundary.dxf", folder + "/square.geojson"])
        #expect(made.status == 0, "\(made.output)")
        try Self.district(in: folder, boundary: "boundary.dxf")
        #expect(throws: DistrictError.self) { _ = try DistrictLoader().load(directory: folder) } // no CRS: refused
        try Self.district(in: folder, boundary: "boundary.dxf", entry: ["crs": "EPSG:4549"])
        let (district, warnings) = try DistrictLoader().load(directory: folder)
        #expect(warnings.contains { $0.message == "1 closed lines read as polygons" }, "\(warnings)")
        guard case .polygon? = district.features(.boundary).first?.geometry else { Issue.record("not a polygon"); return }
        // Gauss-Kruger enlarges areas by k² = (1 + x²/2R²)² at x = 33.5 km from 120°E: the ellipsoidal area of
        // the 1,000,000 m² grid square is smaller by about 2.8e-5.
        let x = 33_500.0, r = 6_371_000.0
        let expected = 1.0 / pow(1 + x * x / (2 * r * r), 2)
        #expect(abs(try DistrictSummary(district).geodesicAreaKm2 - expected) < 3e-6)
    }

    @Test("a Shapefile from a planning bureau in GBK without .cpg: refused with the remedy; \"encoding\": \"GBK\" reads it")
    func shapefileEncoding() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let square =
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"b","name":"钱塘区"},"geometry":{"type":"Polygon","coordinates":[[[120.30,30.30],[120.31,30.30],[120.31,30.31],[120.30,30.31],[120.30,30.30]]]}}]}"#
        try square.write(toFile: folder + "/square.geojson", atomically: true, encoding: .utf8)
        let made = try Self.run(["ogr2ogr", "-f", "ESRI Shapefile", "-lco", "ENCODING=CP936", folder + "/boundary.shp", folder + "/square.geojson"])
        #expect(made.status == 0, "\(made.output)")
        try FileManager.default.removeItem(atPath: folder + "/boundary.cpg")
        try Self.district(in: folder, boundary: "boundary.shp")
        do {
            _ = try DistrictLoader().load(directory: folder)
            Issue.record("GBK text without a code page was loaded")
        } catch let DistrictError.invalidData(path, text) {
            let detail = text.description
            #expect(path == folder + "/boundary.shp")
            #expect(detail.hasPrefix("feature 0 field 'name': the text is not UTF-8") && detail.contains("\"encoding\""), "\(detail)")
        }
        try Self.district(in: folder, boundary: "boundary.shp", entry: ["encoding": "GBK"])
        let (district, _) = try DistrictLoader().load(directory: folder)
        #expect(district.features(.boundary).first?.properties["name"] == .string("钱塘区"))
        // The .prj says WGS84: the corners come back where they were.
        var corners: [Coordinate] = []
        district.features(.boundary).first?.geometry?.forEachCoordinate { corners.append($0) }
        #expect(corners.contains { abs($0.x - 120.31) < 1e-9 && abs($0.y - 30.31) < 1e-9 }, "\(corners)")
    }

    @Test("manifest fields of layer entries are type-checked; a missing file is missing (66), an unreadable one bad data (65)")
    func entryErrors() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let manifest =
            #"{"name":"x","name_en":"x","official_area_km2":1,"metric_crs":"EPSG:4549","residents":0,"layers":{"boundary":{"file":"b.gpkg","layer":3}}}"#
        try manifest.write(toFile: folder + "/district.json", atomically: true, encoding: .utf8)
        #expect(throws: DistrictError.invalidData(path: folder + "/district.json", detail: "field 'layers.boundary.layer': expected a string, found 3")) {
            _ = try DistrictLoader().load(directory: folder)
        }
        try Self.district(in: folder, boundary: "b.gpkg")
        #expect(throws: DistrictError.missingFile(path: folder + "/b.gpkg", what: "layer file")) { _ = try DistrictLoader().load(directory: folder) }
        try "not a database".write(toFile: folder + "/b.gpkg", atomically: true, encoding: .utf8)
        do {
            _ = try DistrictLoader().load(directory: folder)
            Issue.record("a broken GeoPackage was loaded")
        } catch let DistrictError.invalidData(path, text) {
            let detail = text.description
            #expect(path == folder + "/b.gpkg" && detail.hasPrefix("GDAL cannot read it as GeoPackage"), "\(detail)")
        }
        try Self.district(in: folder, boundary: "b.gpkg", entry: ["crs": "EPSG:nope"])
        #expect(throws: DistrictError.self) { _ = try DistrictLoader().load(directory: folder) }
    }
}
