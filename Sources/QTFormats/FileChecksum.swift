import CGDAL
import Foundation

/// The SHA-256 of a file, by GDAL's implementation (`CPL_SHA256`), for the `build` record of a district
/// folder. The file is mapped into memory, not read into it.
public enum FileChecksum {
    /// The file's size in bytes and its SHA-256 in lower-case hex.
    /// - Throws: ``FormatsError/missingFile(path:)`` when it does not exist, ``FormatsError/invalidData(path:detail:)``
    ///   when it cannot be read.
    public static func sha256(path: String) throws -> (bytes: Int, hex: String) {
        guard FileManager.default.fileExists(atPath: path) else { throw FormatsError.missingFile(path: path) }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw FormatsError.invalidData(path: path, detail: "cannot be read for its checksum: \(error.localizedDescription)")
        }
        return (data.count, hex(sha256(data)))
    }

    /// The SHA-256 of `data`.
    public static func sha256(_ data: Data) -> [UInt8] {
        var hash = [UInt8](repeating: 0, count: 32)
        data.withUnsafeBytes { bytes in
            hash.withUnsafeMutableBufferPointer { CPL_SHA256(bytes.baseAddress, bytes.count, $0.baseAddress) }
        }
        return hash
    }

    /// Bytes as lower-case hex.
    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        var out = ""
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return out
    }
}
