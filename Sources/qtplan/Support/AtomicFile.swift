import Foundation

/// Output files written so that a reader sees either the old file or the complete new one.
enum AtomicFile {
    /// Writes `data` to `path` through `path.tmp` and a rename. A failure removes the temporary file and
    /// throws a ``CLIFailure`` with exit 73 naming the file, what it is (`what`, e.g. "the gaps file") and
    /// the system's reason.
    static func write(_ data: Data, to path: String, what: String) throws {
        let temporary = path + ".tmp"
        func fail(_ step: String) -> CLIFailure {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            return CLIFailure(status: .cannotCreate, message: "\(path): cannot write \(what): \(step): \(reason)")
        }
        guard let file = fopen(temporary, "wb") else { throw fail("cannot create \(temporary)") }
        let written = data.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        let flushed = fflush(file) == 0
        if written != data.count || !flushed {
            let error = fail("cannot write \(temporary)")
            fclose(file)
            throw error
        }
        guard fclose(file) == 0 else { throw fail("cannot close \(temporary)") }
        guard rename(temporary, path) == 0 else { throw fail("cannot rename \(temporary) to it") }
    }
}
