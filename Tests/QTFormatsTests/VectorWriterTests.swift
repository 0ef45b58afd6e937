import Foundation
import QTFormats
import QTGeometry
import QTProjection
import Testing

/// Sample layers: Chinese text, every kind of property, and a point whose EPSG:4549 coordinates are known
/// (120.35°E 30.30°N is 533668.27 E, 3353421.77 N in CGCS2000 / 3-degree Gauss-Kruger CM 120E).
enum Samples {
    static let facilities = VectorLayer(
        name: "facilities",
        features: FeatureCollection(features: [
            Feature(
                geometry: .point(Point(x: 120.35, y: 30.30)),
                properties: [
                    "id": .string("chc-1"), "name": .string("金沙湖社区卫生服务中心"), "beds": .number(40), "area_m2": .number(1250.5),
                    "operating": .bool(true), "tags": .array([.string("health"), .number(15)]), "note": .null
                ]),
            Feature(
                geometry: .point(Point(x: 120.40, y: 30.32)),
                properties: [
                    "id": .string("chc-2"), "name": .string("下沙街道社区卫生服务中心"), "beds": .number(12), "area_m2": .number(980),
                    "operating": .bool(false), "tags": .array([])
                ])
        ]))

    static let zones = VectorLayer(
        name: "subdistricts",
        features: FeatureCollection(features: [
            Feature(
                geometry: .polygon(
                    Polygon(exterior: [
                        Coordinate(x: 120.30, y: 30.28), Coordinate(x: 120.36, y: 30.28), Coordinate(x: 120.36, y: 30.33),
                        Coordinate(x: 120.30, y: 30.33), Coordinate(x: 120.30, y: 30.28)
                    ])),
                properties: ["id": .string("baiyang"), "name": .string("白杨街道"), "population": .number(220_000)])
        ]))

    static let mixed = VectorLayer(
        name: "transit",
        features: FeatureCollection(features: [
            Feature(geometry: .point(Point(x: 120.35, y: 30.30)), properties: ["id": .string("s1"), "name": .string("金沙湖")]),
            Feature(
                geometry: .lineString(LineString([Coordinate(x: 120.35, y: 30.30), Coordinate(x: 120.38, y: 30.31)])),
                properties: ["id": .string("l1"), "name": .string("地铁1号线")]),
            Feature(geometry: nil, properties: ["id": .string("n1"), "name": .string("无几何")])
        ]))
}

@Suite("Writing through GDAL, read back by ogrinfo")
struct VectorWriterTests {
    @Test(
        "every format: layer names, feature counts, CRS and Chinese text as ogrinfo reads them",
        arguments: [VectorFormat.gpkg, .shp, .fgb, .csv])
    func formatsReadBackByOgrinfo(format: VectorFormat) throws {
        let folder = try GDALTools.temporaryFolder("writer-\(format)")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/facilities.\(format.fileExtension)"
        let warnings = try VectorWriter(format: format, crs: .cgcs2000GK120).write([Samples.facilities], to: path)
        #expect(warnings.isEmpty, "\(warnings)")
        let layers = try GDALTools.layers(path)
        #expect(layers.keys.sorted() == ["facilities"])
        #expect(layers["facilities"]?.count == 2)
        #expect(layers["facilities"]?.epsg == 4549) // a CSV's in the .prj GDAL writes beside it
        let full = try GDALTools.ogrinfo(path, summary: false)
        #expect(full.contains("金沙湖社区卫生服务中心"), "Chinese text lost: \(full)")
        #expect(full.contains("下沙街道社区卫生服务中心"))
        // ogrinfo prints the stored point; CSV's WKT and the others' geometry alike.
        #expect(full.contains("POINT (533668.26"), "\(full)")
        #expect(full.contains(" 3353421.77"), "\(full)")
    }

    @Test("a GeoPackage holds one table per layer, each with its R-tree spatial index")
    func geopackageHoldsLayersWithIndexes() throws {
        let folder = try GDALTools.temporaryFolder("gpkg")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/district.gpkg"
        _ = try VectorWriter(format: .gpkg).write([Samples.facilities, Samples.zones], to: path)
        let layers = try GDALTools.layers(path)
        #expect(layers["facilities"]?.count == 2 && layers["subdistricts"]?.count == 1)
        #expect(layers["facilities"]?.epsg == 4326)
        for table in ["facilities", "subdistricts"] {
            let sql = try GDALTools.run("ogrinfo", ["-ro", path, "-sql", "SELECT HasSpatialIndex('\(table)', 'geom')"])
            #expect(sql.output.contains("= 1"), "\(table): \(sql.output)")
        }
        let full = try GDALTools.ogrinfo(path, summary: false)
        #expect(full.contains("白杨街道") && full.contains("population (Integer64) = 220000"), "\(full)")
        #expect(full.contains("beds (Integer64) = 40") && full.contains("area_m2 (Real) = 1250.5"))
        #expect(full.contains("operating (Integer(Boolean)) = 1"), "\(full)")
        #expect(full.contains("tags (String(JSON)) = [\"health\",15]"), "\(full)")
    }

    @Test("a Shapefile says UTF-8 in its .cpg and declares its CRS in the .prj")
    func shapefileSidecars() throws {
        let folder = try GDALTools.temporaryFolder("shp")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try VectorWriter(format: .shp, crs: .cgcs2000GK120).write([Samples.zones], to: folder + "/subdistricts.shp")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files == ["subdistricts.cpg", "subdistricts.dbf", "subdistricts.prj", "subdistricts.shp", "subdistricts.shx"])
        let cpg = try String(contentsOfFile: folder + "/subdistricts.cpg", encoding: .utf8)
        #expect(cpg.trimmingCharacters(in: .whitespacesAndNewlines) == "UTF-8")
        let prj = try String(contentsOfFile: folder + "/subdistricts.prj", encoding: .utf8)
        #expect(prj.contains("CGCS2000") && prj.contains("120"), "\(prj)")
    }

    @Test("a layer mixing points and lines becomes one Shapefile per family; null geometries go with the first")
    func shapefileSplitsFamilies() throws {
        let folder = try GDALTools.temporaryFolder("split")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let warnings = try VectorWriter(format: .shp).write([Samples.mixed], to: folder + "/transit.shp")
        #expect(warnings.count == 2 && warnings.allSatisfy { $0.contains("mixes geometry kinds") }, "\(warnings)")
        #expect(try GDALTools.layers(folder + "/transit_lines.shp")["transit_lines"]?.count == 2)
        #expect(try GDALTools.layers(folder + "/transit_points.shp")["transit_points"]?.count == 1)
    }

    @Test("field names over 10 characters are shortened by GDAL, and the warning is passed on")
    func shapefileFieldNameWarning() throws {
        let folder = try GDALTools.temporaryFolder("launder")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let layer = VectorLayer(
            name: "pop",
            features: FeatureCollection(features: [
                Feature(geometry: .point(Point(x: 120.3, y: 30.3)), properties: ["subdistrict": .string("白杨街道")])
            ]))
        let warnings = try VectorWriter(format: .shp).write([layer], to: folder + "/pop.shp")
        #expect(warnings.contains { $0.contains("GDAL:") && $0.contains("subdistrict") }, "\(warnings)")
        #expect(try GDALTools.ogrinfo(folder + "/pop.shp", summary: false).contains("subdistric (String) = 白杨街道"))
    }

    @Test("refused: a GeometryCollection in a Shapefile, GCJ-02 as a file's CRS, several layers in one FlatGeobuf")
    func refusals() throws {
        let folder = try GDALTools.temporaryFolder("refuse")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let collection = VectorLayer(
            name: "odd",
            features: FeatureCollection(features: [
                Feature(geometry: .geometryCollection(GeometryCollection([.point(Point(x: 120.3, y: 30.3))])))
            ]))
        #expect(
            throws: FormatsError.unsupported(
                path: folder + "/odd.shp",
                detail: "layer 'odd' feature 0: a "
                    + "GeometryCollection cannot be written to a Shapefile; use gpkg, fgb or geojson")
        ) {
            _ = try VectorWriter(format: .shp).write([collection], to: folder + "/odd.shp")
        }
        #expect(throws: FormatsError.self) { _ = try VectorWriter(format: .gpkg, crs: .gcj02).write([Samples.zones], to: folder + "/g.gpkg") }
        #expect(throws: FormatsError.unsupported(path: folder + "/two.fgb", detail: "a FlatGeobuf file holds one layer, not 2")) {
            _ = try VectorWriter(format: .fgb).write([Samples.zones, Samples.facilities], to: folder + "/two.fgb")
        }
        #expect(throws: FormatsError.self) { _ = try VectorWriter(format: .dxf) }
    }
}
