import Foundation
import QTGeometry
import QTModel
import Testing

/// What the loader refuses before any check or analysis sees it, and the layer size limit.
@Suite struct DistrictLoaderHardeningTests {
    /// A temporary district folder with the square's manifest and `boundary.geojson` as given.
    static func folder(boundary: Data? = nil, sparseBoundaryBytes: UInt64? = nil) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qtplan-loader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let manifest = """
            {"name": "方块区", "name_en": "Square", "official_area_km2": 1.1, "metric_crs": "EPSG:4549", "residents": 0,
             "layers": {"boundary": {"file": "boundary.geojson"}}}
            """
        try Data(manifest.utf8).write(to: folder.appendingPathComponent("district.json"))
        let path = folder.appendingPathComponent("boundary.geojson").path
        if let sparseBoundaryBytes {
            // A sparse file: the size is set, nothing is written, no disk is used.
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try handle.truncate(atOffset: sparseBoundaryBytes)
            try handle.close()
        } else if let boundary {
            try boundary.write(to: URL(fileURLWithPath: path))
        }
        return folder.path
    }

    @Test func aLayerOverTheDefaultLimitIsRefusedBeforeItIsRead() throws {
        let folder = try Self.folder(sparseBoundaryBytes: 3 << 30) // 3 GiB
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let start = Date()
        #expect(
            throws: DistrictError.invalidData(
                path: folder + "/boundary.geojson",
                detail:
                    // The library names the setting; the CLI names it by its flag (--max-layer-bytes).
                    "3,221,225,472 bytes, over the limit of 100,663,296 bytes (\(setting: .maximumLayerBytes)); reading GeoJSON takes up to "
                    + "28 times the file's size in memory: raise the limit only if the machine has it, or split the layer")
        ) {
            _ = try DistrictLoader().load(directory: folder)
        }
        #expect(Date().timeIntervalSince(start) < 5) // refused from its size, not after reading 3 GiB
    }

    @Test func theLimitIsInclusiveAndCanBeRaised() throws {
        let square = Fixtures.district("square")
        let size = try #require(try FileManager.default.attributesOfItem(atPath: square + "/boundary.geojson")[.size] as? Int)
        _ = try DistrictLoader(maximumLayerBytes: size).load(directory: square)
        #expect(throws: DistrictError.self) { _ = try DistrictLoader(maximumLayerBytes: size - 1).load(directory: square) }
    }

    @Test(arguments: [
        (
            "[[[30.30,120.30],[30.30,120.31],[30.31,120.31],[30.31,120.30],[30.30,120.30]]]",
            "feature 0: position 30.3, 120.3: latitude 120.3 is outside -90…90; the axes look swapped (latitude first): "
                + "GeoJSON positions are longitude first (RFC 7946)"
        ),
        (
            "[[[533668.3,3353421.8],[534668.3,3353421.8],[534668.3,3354421.8],[533668.3,3353421.8]]]",
            "feature 0: position 533668.3, 3353421.8 looks like projected coordinates (metres), not longitude/latitude: "
                + "GeoJSON layers must be WGS84 longitude/latitude (RFC 7946); reproject it (qtplan transform --from EPSG:n --to WGS84)"
        ),
        (
            "[[[120.30,30.30],[1203.1,30.30],[120.31,30.31],[120.30,30.30]]]",
            "feature 0: position 1203.1, 30.3: longitude 1203.1 is outside -180…180"
        )
    ])
    func positionsOutOfRangeAreRefusedWithTheirLikelyCause(rings: String, detail: String) throws {
        let layer =
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":\(rings)}}]}"
        let folder = try Self.folder(boundary: Data(layer.utf8))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: DistrictError.invalidData(path: folder + "/boundary.geojson", detail: SettingText(detail))) {
            _ = try DistrictLoader().load(directory: folder)
        }
    }

    @Test func anEmptyFileAndAnEmptyBoundaryAreRefused() throws {
        let empty = try Self.folder(boundary: Data())
        defer { try? FileManager.default.removeItem(atPath: empty) }
        #expect(throws: DistrictError.invalidData(path: empty + "/boundary.geojson", detail: "the file is empty (0 bytes)")) {
            _ = try DistrictLoader().load(directory: empty)
        }
        let none = try Self.folder(boundary: Data("{\"type\":\"FeatureCollection\",\"features\":[]}".utf8))
        defer { try? FileManager.default.removeItem(atPath: none) }
        #expect(
            throws: DistrictError.invalidData(
                path: none + "/boundary.geojson",
                detail:
                    "no features: the boundary layer needs at least one Polygon or MultiPolygon")
        ) {
            _ = try DistrictLoader().load(directory: none)
        }
    }

    @Test func threeDimensionalPositionsAreAWarning() throws {
        let layer =
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},\"geometry\":"
            + "{\"type\":\"Polygon\",\"coordinates\":[[[120.3,30.3,5],[120.31,30.3,5],[120.31,30.31,5],[120.3,30.3,5]]]}}]}"
        let folder = try Self.folder(boundary: Data(layer.utf8))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (_, warnings) = try DistrictLoader().load(directory: folder)
        #expect(warnings.map(\.description) == [folder + "/boundary.geojson: feature 0: 4 positions had a Z value, dropped (the model is 2-D)"])
    }
}
