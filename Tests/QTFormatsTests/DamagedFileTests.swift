import Foundation
import QTGeometry
import QTProjection
import Testing

@testable import QTFormats

/// A damaged file is refused, never read as a shorter layer (issue 19, class 2). Each file is first written by
/// qtplan's writer and checked to read whole, then damaged the way a broken copy or a full disk damages files.
@Suite("Damaged files read through GDAL")
struct DamagedFileTests {
    /// Ten points, enough that a file cut part-way still holds some whole features.
    static let points = VectorLayer(
        name: "facilities",
        features: FeatureCollection(
            features: (0..<10).map { i in
                Feature(
                    geometry: .point(Point(x: 120.30 + Double(i) / 1_000, y: 30.30)),
                    properties: ["id": .string("p\(i)"), "name": .string("点\(i)"), "source": .string("modelled")])
            }))

    static func write(_ format: VectorFormat, _ folder: String) throws -> String {
        let path = folder + "/facilities.\(format.fileExtension)"
        _ = try VectorWriter(format: format, crs: .wgs84).write([points], to: path)
        #expect(try VectorReader(assumedCRS: .wgs84).read(path: path).features.features.count == 10)
        return path
    }

    static func cut(_ path: String, keeping fraction: Double) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        try data.prefix(Int(Double(data.count) * fraction)).write(to: URL(fileURLWithPath: path))
    }

    static func detail(_ body: () throws -> Any) -> String? {
        do {
            _ = try body()
            return nil
        } catch let error as FormatsError {
            return error.detail
        } catch {
            return "\(error)"
        }
    }

    @Test("a FlatGeobuf cut anywhere in its features is refused, naming the feature", arguments: [0.5, 0.7, 0.9, 0.97])
    func flatGeobufCut(fraction: Double) throws {
        let folder = try GDALTools.temporaryFolder("fgb-cut")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try Self.write(.fgb, folder)
        try Self.cut(path, keeping: fraction)
        let detail = try #require(Self.detail { try VectorReader().read(path: path) })
        #expect(detail.hasPrefix("damaged"), "\(detail)")
        #expect(detail.contains("feature"), "\(detail)")
    }

    @Test("a Shapefile with its .dbf or .shp cut, or without its .dbf, is refused")
    func shapefileDamage() throws {
        let folder = try GDALTools.temporaryFolder("shp-cut")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (member, fraction) in [("dbf", 0.8), ("shp", 0.8), ("dbf", 0.0)] {
            let path = try Self.write(.shp, folder)
            let target = (path as NSString).deletingPathExtension + "." + member
            if fraction == 0 { try FileManager.default.removeItem(atPath: target) } else { try Self.cut(target, keeping: fraction) }
            let detail = try #require(Self.detail { try VectorReader().read(path: path) }, "\(member) \(fraction)")
            #expect(fraction == 0 ? detail.contains("no .dbf beside it") : detail.hasPrefix("damaged at feature"), "\(detail)")
            for ext in ["shp", "shx", "dbf", "prj", "cpg"] {
                try? FileManager.default.removeItem(atPath: (path as NSString).deletingPathExtension + "." + ext)
            }
        }
    }

    @Test("a CSV cut inside a row, and a CSV with a field over GDAL's 10 MB line limit, are refused")
    func csvDamage() throws {
        let folder = try GDALTools.temporaryFolder("csv-cut")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try Self.write(.csv, folder)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // Cut in the middle of the last row: GDAL reads the row's first cells and says nothing.
        try String(text.dropLast(12)).write(toFile: path, atomically: false, encoding: .utf8)
        let cut = try #require(Self.detail { try VectorReader(assumedCRS: .wgs84).read(path: path) })
        #expect(cut.contains("damaged: feature 9 (row 11) has"), "\(cut)")

        // Row 2 of 3 with a 12 MB name: GDAL stops there ("Maximum number of characters allowed reached") and
        // used to return the 1 row before it.
        let long = String(repeating: "长", count: 4 << 20)
        let rows = [
            "WKT,id,name", "\"POINT (120.3 30.3)\",a,one", "\"POINT (120.3 30.3)\",b,\"\(long)\"",
            "\"POINT (120.3 30.3)\",c,three"
        ]
        try (rows.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        let overlong = try #require(Self.detail { try VectorReader(assumedCRS: .wgs84).read(path: path) })
        #expect(overlong.contains("damaged at feature 1"), "\(overlong)")
        #expect(overlong.contains("Maximum number of characters"), "\(overlong)")
    }

    @Test("a FlatGeobuf declaring more features than it holds is refused (its index then points past the data)")
    func declaredCounts() throws {
        let folder = try GDALTools.temporaryFolder("declared")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try Self.write(.fgb, folder)
        // Read the file with ten features, then claim eleven in its header (the features_count field is the one
        // little-endian 10 of the header, checked here to be unique).
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let ten: [UInt8] = [10, 0, 0, 0, 0, 0, 0, 0]
        let header = 8 + 4 + Int(UInt32(bytes[8]) | UInt32(bytes[9]) << 8 | UInt32(bytes[10]) << 16 | UInt32(bytes[11]) << 24)
        let hits = (0...(header - 8)).filter { Array(bytes[$0..<($0 + 8)]) == ten }
        try #require(hits.count == 1, "features_count not found uniquely in the header: \(hits)")
        bytes[hits[0]] = 11
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let detail = try #require(Self.detail { try VectorReader().read(path: path) })
        #expect(detail.hasPrefix("damaged"), "\(detail)")
    }

    @Test("a Shapefile with a record marked deleted reads without it (a sound file, not a damaged one)")
    func deletedRecord() throws {
        let folder = try GDALTools.temporaryFolder("deleted")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try Self.write(.shp, folder)
        let dbf = (path as NSString).deletingPathExtension + ".dbf"
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dbf)))
        let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8, recordLength = Int(bytes[10]) | Int(bytes[11]) << 8
        bytes[headerLength + 3 * recordLength] = UInt8(ascii: "*") // p3
        try Data(bytes).write(to: URL(fileURLWithPath: dbf))
        let read = try VectorReader().read(path: path)
        #expect(read.features.features.map { $0.properties["id"]?.stringValue ?? "" } == (0..<10).filter { $0 != 3 }.map { "p\($0)" })
    }
}
