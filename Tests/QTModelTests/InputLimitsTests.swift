import Foundation
import QTGeometry
import QTModel
import QTProjection
import Testing

/// Limits that used to be walked around, and paths and texts that used to be read as something else (issue 19,
/// classes 3, 7 and 8): each test fails on the loader before that issue.
@Suite struct InputLimitsTests {
    static let manifest = """
        {"name": "方块区", "name_en": "Square", "official_area_km2": 1.1, "metric_crs": "EPSG:4549", "residents": 0,
         "layers": {"boundary": {"file": "boundary.geojson"}LAYERS}}
        """
    static let square = """
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"sq","source":"modelled","accuracy_m":0},
        "geometry":{"type":"Polygon","coordinates":[[[120.3,30.3],[120.31,30.3],[120.31,30.31],[120.3,30.31],[120.3,30.3]]]}}]}
        """

    /// A temporary district: the square's manifest (with `layers` added to its layer entries) and boundary.
    static func district(layers: String = "", boundary: Data = Data(square.utf8)) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qtplan-limits-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(manifest.replacingOccurrences(of: "LAYERS", with: layers).utf8).write(to: URL(fileURLWithPath: folder + "/district.json"))
        try boundary.write(to: URL(fileURLWithPath: folder + "/boundary.geojson"))
        return folder
    }

    static func detail(_ body: () throws -> Any) -> String? {
        do { _ = try body(); return nil } catch let error as DistrictError {
            if case .invalidData(_, let detail) = error { return detail.description }
            return error.description
        } catch { return "\(error)" }
    }

    @Test func aLayerBehindASymbolicLinkIsMeasuredByItsTarget() throws {
        let folder = try Self.district(layers: ", \"facilities\": {\"file\": \"link.geojson\"}")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A 3 GiB sparse target behind a link of a few bytes: lstat measured the link (the old check), fstat the target.
        let target = folder + "/big.geojson"
        _ = FileManager.default.createFile(atPath: target, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: target))
        try handle.truncate(atOffset: 3 << 30)
        try handle.close()
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.geojson", withDestinationPath: "big.geojson")
        let detail = try #require(Self.detail { try DistrictLoader().load(directory: folder) })
        #expect(detail.hasPrefix("3,221,225,472 bytes, over the limit of 100,663,296 bytes"), "\(detail)")
    }

    @Test func theLayersTogetherAreBoundedByTheSameLimit() throws {
        let folder = try Self.district(layers: ", \"facilities\": {\"file\": \"copy.geojson\"}")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(Self.square.utf8).write(to: URL(fileURLWithPath: folder + "/copy.geojson"))
        let one = Self.square.utf8.count
        _ = try DistrictLoader(maximumLayerBytes: 2 * one).load(directory: folder)
        let detail = try #require(Self.detail { try DistrictLoader(maximumLayerBytes: 2 * one - 1).load(directory: folder) })
        #expect(detail.hasPrefix("the layers add up to \(2 * one) bytes, over the limit of"), "\(detail)")
    }

    @Test func aFeatureOverTheVertexLimitIsRefused() throws {
        // A ring of 1,003 positions, 40 kB, far under any byte limit.
        let ring = (0...1000).map { i in "[\(120.3 + Double(i) * 1e-5),\(i % 2 == 0 ? 30.3 : 30.3001)]" } + ["[120.31,30.31]", "[120.3,30.3]"]
        let layer =
            "{\"type\":\"Feature\",\"properties\":{\"id\":\"zz\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[["
            + ring.joined(separator: ",") + "]]}}"
        let folder = try Self.district(boundary: Data(layer.utf8))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let detail = try #require(Self.detail { try DistrictLoader(maximumVertices: 1_000).load(directory: folder) })
        #expect(detail.hasPrefix("feature 0 'zz': 1,003 vertices, over the limit of 1,000 for one feature"), "\(detail)")
        _ = try DistrictLoader(maximumVertices: 1_003).load(directory: folder)
    }

    @Test func aLayerPathWithANulCharacterIsRefused() throws {
        // "boundary.geojson\u0000.evil": the C library would open boundary.geojson.
        let folder = try Self.district(layers: ", \"facilities\": {\"file\": \"boundary.geojson\\u0000.evil\"}")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let detail = try #require(Self.detail { try DistrictLoader().load(directory: folder) })
        #expect(detail.hasPrefix("layers.facilities.file: the path holds a NUL character"), "\(detail)")
    }

    @Test func confineRefusesLayersOutsideTheFolderThroughLinksAndDots() throws {
        let outside = try Self.district()
        defer { try? FileManager.default.removeItem(atPath: outside) }
        for file in [outside + "/boundary.geojson", "../" + (outside as NSString).lastPathComponent + "/boundary.geojson", "link.geojson"] {
            let folder = try Self.district(layers: ", \"facilities\": {\"file\": \"\(file)\"}")
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try FileManager.default.createSymbolicLink(atPath: folder + "/link.geojson", withDestinationPath: outside + "/boundary.geojson")
            _ = try DistrictLoader().load(directory: folder) // without --confine: read
            let detail = try #require(Self.detail { try DistrictLoader(confine: true).load(directory: folder) }, "\(file)")
            #expect(detail.contains("outside the district folder"), "\(detail)")
        }
        // A link inside the folder to a file inside it is fine.
        let folder = try Self.district(layers: ", \"facilities\": {\"file\": \"inner.geojson\"}")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createSymbolicLink(atPath: folder + "/inner.geojson", withDestinationPath: "boundary.geojson")
        _ = try DistrictLoader(confine: true).load(directory: folder)
    }

    @Test func repeatedKeysAreRefusedInTheManifestAndWarnedAboutInProperties() throws {
        let folder = try Self.district(boundary: Data(Self.square.replacingOccurrences(of: "\"id\":\"sq\"", with: "\"id\":\"a\",\"id\":\"sq\"").utf8))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (district, warnings) = try DistrictLoader().load(directory: folder)
        #expect(district.features(.boundary).first?.properties["id"] == .string("sq")) // the last, as GDAL and Python read it
        #expect(warnings.contains { $0.message.hasPrefix("duplicate key 'id' at line 1, column ") })
        let manifest = Self.manifest.replacingOccurrences(of: "LAYERS", with: "").replacingOccurrences(
            of: "\"residents\": 0", with: "\"residents\": 0, \"residents\": 9")
        try Data(manifest.utf8).write(to: URL(fileURLWithPath: folder + "/district.json"))
        let detail = try #require(Self.detail { try DistrictLoader().load(directory: folder) })
        #expect(detail.contains("duplicate key 'residents' at line 1"), "\(detail)")
    }

    @Test(arguments: [String.Encoding.utf16, .utf16LittleEndian, .utf16BigEndian, .utf32, .utf32LittleEndian, .utf32BigEndian])
    func wideTextIsRefusedAsNotUTF8(encoding: String.Encoding) throws {
        let folder = try Self.district(boundary: try #require(Self.square.data(using: encoding)))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let detail = try #require(Self.detail { try DistrictLoader().load(directory: folder) })
        #expect(detail.contains("not UTF-8: JSON must be UTF-8"), "\(detail)")
    }

    @Test func aFIFOIsRefusedWithoutWaitingForAWriter() throws {
        let folder = try Self.district(layers: ", \"facilities\": {\"file\": \"pipe.geojson\"}")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(mkfifo(folder + "/pipe.geojson", 0o644) == 0)
        let detail = try #require(Self.detail { try DistrictLoader().load(directory: folder) })
        #expect(detail == "is a FIFO (named pipe), not a regular file", "\(detail)")
    }
}

/// A bow-tie boundary is measured as repaired by every command (issue 19, class 4).
@Suite struct BoundaryRepairTests {
    /// The bow-tie's two triangles, cut from the square by its diagonals, are half the square: the repaired
    /// boundary's geodesic area is half the square's (hand-worked; the square's own area from PROJ's geodesic).
    @Test func aBowTieBoundaryIsRepairedWithAWarningAndMeasuresHalfTheSquare() throws {
        let folder = Fixtures.root.appendingPathComponent("Tests/Fixtures/bad/geometry-boundary-bowtie").path
        let (district, warnings) = try DistrictLoader().load(directory: folder)
        #expect(
            warnings.contains {
                $0.message.hasPrefix(
                    "feature 0 'b': invalid Polygon: Self-intersection at 120.3050000,30.3050000: "
                        + "repaired with make-valid (its polygonal part, 2 polygons)")
            })
        let square = try DistrictLoader().load(directory: Fixtures.district("square")).district
        let half = try Geodesic.wgs84.area(of: square.boundary) / 2
        let repaired = try Geodesic.wgs84.area(of: district.boundary)
        #expect(abs(repaired - half) / half < 1e-3, "repaired \(repaired) m², half the square \(half) m²")
        // The file is unchanged: still the one self-crossing ring.
        let text = try String(contentsOfFile: folder + "/boundary.geojson", encoding: .utf8)
        #expect(text.contains("[[[120.3,30.3],[120.31,30.31],[120.31,30.3],[120.3,30.31],[120.3,30.3]]]"))
    }
}
