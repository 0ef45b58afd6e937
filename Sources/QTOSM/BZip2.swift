import COSMium
import Foundation

/// Decompresses a `.bz2` file into another file with libbz2, so that libosmium reads an `.osm.bz2` extract as
/// `.osm` (and libbz2's errors are named here, in one line).
///
/// Concatenated streams (what parallel compressors such as `pbzip2` write) are read one after another. A
/// file that ends inside a stream, or bytes that are not bzip2, are an ``OSMError/invalidData(path:detail:)``
/// naming the input.
enum BZip2 {
    /// Writes the decompressed content of `source` to `destination` (created or truncated).
    /// - Returns: the number of bytes written.
    static func decompress(_ source: String, to destination: String) throws(OSMError) -> Int {
        guard let input = fopen(source, "rb") else {
            throw .unreadable(path: source, detail: "cannot be opened: \(String(cString: strerror(errno)))")
        }
        defer { fclose(input) }
        guard let output = fopen(destination, "wb") else {
            throw .unreadable(path: destination, detail: "cannot create the decompressed copy: \(String(cString: strerror(errno)))")
        }
        var written = 0
        var unused = [CChar]()
        var streams = 0
        var buffer = [CChar](repeating: 0, count: 1 << 16)
        while true {
            var status: Int32 = BZ_OK
            let reader = unused.withUnsafeMutableBytes { bytes in
                BZ2_bzReadOpen(&status, input, 0, 0, bytes.baseAddress, Int32(bytes.count))
            }
            guard status == BZ_OK, let reader else {
                fclose(output)
                throw .invalidData(path: source, detail: "not a bzip2 file (libbz2: \(describe(status)))")
            }
            while status == BZ_OK {
                let count = buffer.withUnsafeMutableBytes { BZ2_bzRead(&status, reader, $0.baseAddress, Int32($0.count)) }
                if status == BZ_OK || status == BZ_STREAM_END, count > 0 {
                    let put = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, Int(count), output) }
                    guard put == Int(count) else {
                        var ignored: Int32 = 0
                        BZ2_bzReadClose(&ignored, reader)
                        fclose(output)
                        throw .unreadable(path: destination, detail: "cannot write the decompressed copy: \(String(cString: strerror(errno)))")
                    }
                    written += Int(count)
                }
            }
            guard status == BZ_STREAM_END else {
                var ignored: Int32 = 0
                BZ2_bzReadClose(&ignored, reader)
                fclose(output)
                let detail =
                    status == BZ_UNEXPECTED_EOF
                    ? "the bzip2 data ends part-way (a truncated download?) after \(written) bytes"
                    : (streams == 0 && written == 0 ? "not a bzip2 file" : "damaged bzip2 data after \(written) bytes")
                throw .invalidData(path: source, detail: "\(detail) (libbz2: \(describe(status)))")
            }
            streams += 1
            // Bytes read past the end of this stream start the next one, if any.
            var pointer: UnsafeMutableRawPointer?
            var left: Int32 = 0
            BZ2_bzReadGetUnused(&status, reader, &pointer, &left)
            unused =
                left > 0 && pointer != nil
                ? Array(UnsafeBufferPointer(start: pointer!.assumingMemoryBound(to: CChar.self), count: Int(left))) : []
            var ignored: Int32 = 0
            BZ2_bzReadClose(&ignored, reader)
            if unused.isEmpty {
                // Anything more in the file?
                let next = fgetc(input)
                if next == EOF { break }
                unused = [CChar(truncatingIfNeeded: next)]
            }
        }
        guard fclose(output) == 0 else {
            throw .unreadable(path: destination, detail: "cannot write the decompressed copy: \(String(cString: strerror(errno)))")
        }
        return written
    }

    /// libbz2's name for a status code.
    static func describe(_ status: Int32) -> String {
        switch status {
        case BZ_UNEXPECTED_EOF: "BZ_UNEXPECTED_EOF"
        case BZ_DATA_ERROR: "BZ_DATA_ERROR"
        case BZ_DATA_ERROR_MAGIC: "BZ_DATA_ERROR_MAGIC"
        case BZ_IO_ERROR: "BZ_IO_ERROR"
        case BZ_MEM_ERROR: "BZ_MEM_ERROR"
        case BZ_PARAM_ERROR: "BZ_PARAM_ERROR"
        default: "status \(status)"
        }
    }
}
