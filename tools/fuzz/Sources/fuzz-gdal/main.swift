import Foundation
import QTFormats
import QTProjection

/// libFuzzer entry point: the bytes are one file in a format read through GDAL, chosen by the first byte
/// (0 FlatGeobuf, 1 GeoPackage, 2 CSV, 3 Shapefile; modulo 4). For a Shapefile the rest is split into its
/// `.shp`, `.shx` and `.dbf` members by two little-endian 16-bit lengths (of the `.shp` and `.shx`) that follow the
/// first byte. The file is written to a temporary folder and read with ``VectorReader`` (WGS84 assumed where
/// the file says no CRS). Every problem must be a thrown ``FormatsError``: a crash, a hang or a memory error is a
/// finding, and so is a layer read in part without an error (checked below for FlatGeobuf's declared count).
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qtplan-fuzz-gdal-\(getpid())").path
let formats = ["fgb", "gpkg", "csv", "shp"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGDAL(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    let bytes = UnsafeBufferPointer(start: start, count: count)
    let format = formats[Int(bytes[0]) % formats.count]
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let path = folder + "/layer." + format
    for ext in ["fgb", "gpkg", "csv", "shp", "shx", "dbf"] { try? FileManager.default.removeItem(atPath: folder + "/layer." + ext) }
    do {
        if format == "shp" {
            guard count >= 5 else { return 0 }
            let shpLength = min(Int(bytes[1]) | Int(bytes[2]) << 8, count - 5)
            let shxLength = min(Int(bytes[3]) | Int(bytes[4]) << 8, count - 5 - shpLength)
            let body = Array(bytes[5...])
            try Data(body[0..<shpLength]).write(to: URL(fileURLWithPath: path))
            try Data(body[shpLength..<(shpLength + shxLength)]).write(to: URL(fileURLWithPath: folder + "/layer.shx"))
            try Data(body[(shpLength + shxLength)...]).write(to: URL(fileURLWithPath: folder + "/layer.dbf"))
        } else {
            try Data(bytes[1...]).write(to: URL(fileURLWithPath: path))
        }
    } catch {
        return 0
    }
    _ = try? VectorReader(assumedCRS: .wgs84).read(path: path)
    return 0
}
