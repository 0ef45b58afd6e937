import CGDAL
import Foundation

/// Text in a named code page (GBK, GB18030, Big5, …) as UTF-8, through GDAL's `CPLRecode` (iconv underneath),
/// for tables GDAL's drivers read without a code-page option (CSV).
public enum TextRecoding {
    /// Why text could not be recoded.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// What went wrong, in words.
        public var description: String
    }

    /// `data` read as `encoding` and returned as a String. The corresponding GDAL functions are `CPLRecode`,
    /// `CPLErrorReset` and `CPLGetLastErrorType`.
    /// - Throws: ``Failure`` when GDAL does not know the encoding or the bytes are not text of it.
    public static func utf8(_ data: Data, from encoding: String) throws -> String {
        GDALRuntime.ensure()
        var bytes = [UInt8](data)
        if bytes.contains(0) { throw Failure(description: "the file holds NUL bytes: not a text file") }
        bytes.append(0)
        CPLErrorReset()
        let recoded = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { CPLRecode($0, encoding, "UTF-8") }
        }
        defer { VSIFree(recoded) }
        let failed = CPLGetLastErrorType() != CE_None
        guard !failed, let text = String(validatingCString: recoded) else {
            let message = CPLGetLastErrorMsg().map { String(cString: $0) } ?? ""
            throw Failure(description: "not text in \(encoding)" + (message.isEmpty ? "" : " (GDAL: \(message))"))
        }
        return text
    }
}
