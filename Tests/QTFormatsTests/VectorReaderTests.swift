import Foundation
import QTGeometry
import QTProjection
import Testing

@testable import QTFormats

@Suite("Reading through GDAL")
struct VectorReaderTests {
    /// Largest coordinate difference between two geometries of the same shape, in degrees.
    static func farthest(_ a: Geometry?, _ b: Geometry?) -> Double {
        var xs: [Coordinate] = [], ys: [Coordinate] = []
        a?.forEachCoordinate { xs.append($0) }
        b?.forEachCoordinate { ys.append($0) }
        guard xs.count == ys.count else { return .infinity }
        return zip(xs, ys).map { max(abs($0.x - $1.x), abs($0.y - $1.y)) }.max() ?? 0
    }

    @Test(
        "a round trip keeps geometry (within 1e-9°) and every property, in EPSG:4549 and WGS84",
        arguments: [VectorFormat.gpkg, .fgb, .shp, .csv])
    func roundTrip(format: VectorFormat) throws {
        let folder = try GDALTools.temporaryFolder("trip-\(format)")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/facilities.\(format.fileExtension)"
        _ = try VectorWriter(format: format, crs: .cgcs2000GK120).write([Samples.facilities], to: path)
        let read = try VectorReader().read(path: path)
        #expect(read.sourceCRS == .epsg(4549))
        #expect(read.features.features.count == 2)
        // FlatGeobuf's index sorts features along a Hilbert curve: match them by id.
        let byID = Dictionary(uniqueKeysWithValues: read.features.features.map { ($0.properties["id"]?.stringValue ?? "", $0) })
        for original in Samples.facilities.features.features {
            let back = try #require(byID[original.properties["id"]?.stringValue ?? "?"])
            #expect(Self.farthest(original.geometry, back.geometry) < 1e-9)
            #expect(back.properties["name"] == original.properties["name"])
            #expect(back.properties["beds"] == original.properties["beds"])
            #expect(back.properties["area_m2"] == original.properties["area_m2"])
            // A GeoPackage keeps booleans and JSON; FlatGeobuf booleans only (its JSON comes back as text); a
            // Shapefile's DBF and a CSV keep neither: 1/0 and the JSON text.
            if format == .gpkg || format == .fgb { #expect(back.properties["operating"] == original.properties["operating"]) }
            if format == .gpkg { #expect(back.properties["tags"] == original.properties["tags"]) }
            if format != .gpkg, let tags = original.properties["tags"] {
                #expect(back.properties["tags"] == .string(GeoJSONWriter().string(tags)))
            }
        }
        // A null field reads back null (a CSV's empty cell too); FlatGeobuf leaves it unset.
        #expect(byID["chc-1"]?.properties["note"] == (format == .fgb ? nil : .null))
    }

    @Test("a file without a CRS is refused unless one is given; GCJ-02 can be given and is undone")
    func assumedCRS() throws {
        let folder = try GDALTools.temporaryFolder("csv")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/stations.csv"
        // 金沙湖 station as Amap gives it (GCJ-02) and its WGS84 position (QTProjection's pin).
        try "WKT,name\n\"POINT (120.312534 30.309918)\",\"金沙湖\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: FormatsError.self) { _ = try VectorReader().read(path: path) }
        let read = try VectorReader(assumedCRS: .gcj02).read(path: path)
        guard case .point(let p)? = read.features.features.first?.geometry, let c = p.coordinate else {
            Issue.record("no point"); return
        }
        #expect(abs(c.x - 120.3080301) < 2e-7 && abs(c.y - 30.3123088) < 2e-7, "\(c)")
        #expect(read.features.features.first?.properties["name"] == .string("金沙湖"))
    }

    @Test("CSV points from lon/lat columns; unquoted numbers become numbers, quoted text stays text")
    func csvLonLat() throws {
        let folder = try GDALTools.temporaryFolder("lonlat")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/sites.csv"
        try "id,lon,lat,beds,code\n\"s1\",120.35,30.30,40,\"001\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        let feature = try #require(try VectorReader(assumedCRS: .wgs84).read(path: path).features.features.first)
        #expect(feature.geometry == .point(Point(x: 120.35, y: 30.30)))
        #expect(feature.properties == ["id": .string("s1"), "beds": .number(40), "code": .string("001")])
    }

    /// Writes a GBK-encoded Shapefile with ogr2ogr (GDAL's own writer), then removes or falsifies its .cpg.
    static func gbkShapefile(in folder: String, cpg: String?) throws -> String {
        let source = folder + "/src.geojson"
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"钱塘区"},"geometry":{"type":"Point","coordinates":[120.35,30.3]}}]}"#
            .write(toFile: source, atomically: true, encoding: .utf8)
        let result = try GDALTools.run("ogr2ogr", ["-f", "ESRI Shapefile", "-lco", "ENCODING=CP936", folder + "/gbk.shp", source])
        #expect(result.status == 0, "\(result.output)")
        try? FileManager.default.removeItem(atPath: folder + "/gbk.cpg")
        if let cpg { try cpg.write(toFile: folder + "/gbk.cpg", atomically: true, encoding: .utf8) }
        return folder + "/gbk.shp"
    }

    static let remedy =
        "the file's code page (a Shapefile's .cpg, a DXF's $DWGCODEPAGE) is missing or wrong: give "
        + "the layer an \"encoding\" in the district manifest (GBK for most Chinese data, or UTF-8)"

    @Test(
        "a GBK Shapefile behind a .cpg saying UTF-8, or without .cpg, is refused: field and feature named, remedy given",
        arguments: ["UTF-8", nil] as [String?])
    func notUTF8(cpg: String?) throws {
        let folder = try GDALTools.temporaryFolder("cpg")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try Self.gbkShapefile(in: folder, cpg: cpg)
        #expect(throws: FormatsError.invalidData(path: path, detail: "feature 0 field 'name': the text is not UTF-8; \(Self.remedy)")) {
            _ = try VectorReader().read(path: path)
        }
        let fixed = try VectorReader(encoding: "GBK").read(path: path)
        #expect(fixed.features.features.first?.properties["name"] == .string("钱塘区"))
    }

    @Test("a GBK Shapefile behind a .cpg saying 1252 (GDAL recodes it as Western) is refused as misread; GBK reads")
    func misreadAsLatin1() throws {
        let folder = try GDALTools.temporaryFolder("1252")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try Self.gbkShapefile(in: folder, cpg: "1252")
        do {
            _ = try VectorReader().read(path: path)
            Issue.record("GBK text read as CP1252 went through")
        } catch let FormatsError.invalidData(p, detail) {
            #expect(p == path)
            #expect(
                detail.hasPrefix("feature 0 field 'name': '") && detail.hasSuffix("' looks like Chinese text read as Latin-1; \(Self.remedy)"),
                "\(detail)")
        }
        #expect(try VectorReader(encoding: "GBK").read(path: path).features.features.first?.properties["name"] == .string("钱塘区"))
    }

    @Test("Western text with accents is not taken for misread Chinese")
    func westernTextPasses() {
        #expect(!InputField.looksLikeMisreadGBK("Conceição São João Ærø Müller"))
        #expect(InputField.looksLikeMisreadGBK("Ç®ÌÁÇø")) // 钱塘区 in GBK, read as Latin-1
        #expect(InputField.looksLikeMisreadGBK("è§\u{0084}å\u{0088}\u{0092}")) // 规划 in UTF-8, read as Latin-1
    }

    @Test("a DXF from a design institute: entities read with the assumed CRS, the CAD layer kept")
    func dxf() throws {
        let folder = try GDALTools.temporaryFolder("dxf")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let source = folder + "/src.geojson"
        // A 1 km square in EPSG:4549 metres, as a drawing would hold it.
        try
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"Layer":"规划范围"},"geometry":{"type":"LineString","coordinates":[[533000,3353000],[534000,3353000],[534000,3354000],[533000,3354000],[533000,3353000]]}}]}"#
            .write(toFile: source, atomically: true, encoding: .utf8)
        let made = try GDALTools.run("ogr2ogr", ["-f", "DXF", folder + "/plan.dxf", source])
        #expect(made.status == 0, "\(made.output)")
        // No CRS in a DXF: refused without one. GDAL writes UTF-8 text under a $DWGCODEPAGE of ANSI_1252, so
        // its own reader makes Latin-1 of it: a wrong code page, caught; with the encoding given, it reads.
        #expect(throws: FormatsError.self) { _ = try VectorReader().read(path: folder + "/plan.dxf") }
        do {
            _ = try VectorReader(assumedCRS: .cgcs2000GK120).read(path: folder + "/plan.dxf")
            Issue.record("UTF-8 read as ANSI_1252 went through")
        } catch let FormatsError.invalidData(_, detail) {
            #expect(detail.contains("looks like Chinese text read as Latin-1"), "\(detail)")
        }
        let read = try VectorReader(assumedCRS: .cgcs2000GK120, encoding: "UTF-8").read(path: folder + "/plan.dxf")
        let feature = try #require(read.features.features.first)
        #expect(feature.properties["Layer"] == .string("规划范围"))
        let back = try Transformer(from: .wgs84, to: .cgcs2000GK120).transform(try #require(feature.geometry))
        var corners: [Coordinate] = []
        back.forEachCoordinate { corners.append($0) }
        #expect(corners.count == 5 && abs(corners[2].x - 534_000) < 1e-6 && abs(corners[2].y - 3_354_000) < 1e-6, "\(corners)")
    }

    @Test("several layers: the named one, the preferred one, or a message listing them")
    func layerChoice() throws {
        let folder = try GDALTools.temporaryFolder("choice")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/district.gpkg"
        _ = try VectorWriter(format: .gpkg).write([Samples.facilities, Samples.zones], to: path)
        #expect(try VectorReader().layerNames(at: path) == ["facilities", "subdistricts"])
        #expect(try VectorReader().read(path: path, layer: "subdistricts").features.features.count == 1)
        #expect(try VectorReader().read(path: path, preferred: "facilities").features.features.count == 2)
        #expect(throws: FormatsError.invalidData(path: path, detail: "the file holds 2 layers (facilities, subdistricts): name one")) {
            _ = try VectorReader().read(path: path)
        }
        #expect(throws: FormatsError.invalidData(path: path, detail: "no layer 'roads' (the file has: facilities, subdistricts)")) {
            _ = try VectorReader().read(path: path, layer: "roads")
        }
        #expect(throws: FormatsError.missingFile(path: folder + "/none.gpkg")) { _ = try VectorReader().read(path: folder + "/none.gpkg") }
        try "not a geopackage".write(toFile: folder + "/bad.gpkg", atomically: true, encoding: .utf8)
        #expect(throws: FormatsError.self) { _ = try VectorReader().read(path: folder + "/bad.gpkg") }
    }
}
