import Foundation
import QTFormats

/// Output files written so that a reader sees either the old file or the complete new one.
enum AtomicFile {
    /// Writes `data` to `path` through a staging folder beside it and a rename (``QTFormats/StagedOutput``,
    /// removed on interrupt by ``InterruptCleanup``). A failure throws a ``CLIFailure`` with exit 73 naming the
    /// file, what it is (`what`, e.g. "the gaps file") and the system's reason, and leaves nothing behind.
    static func write(_ data: Data, to path: String, what: String) throws {
        try stage(path, isFolder: false, what: what) { staged in
            try staged.write(data, as: URL(fileURLWithPath: path).lastPathComponent)
        }
    }

    /// Stages an output at `path`, lets `body` write into it, then commits it; on any failure the staging
    /// folder is removed and the destination is untouched. FormatsError and system failures become exit 73.
    /// With `replacing`, an existing destination folder is replaced whole (``QTFormats/StagedOutput``).
    static func stage(_ path: String, isFolder: Bool, replacing: Bool = false, what: String,
                      _ body: (StagedOutput) throws -> Void) throws {
        let staged: StagedOutput
        do {
            staged = try StagedOutput(destination: path, isFolder: isFolder, replacing: replacing)
        } catch let error as FormatsError {
            throw CLIFailure(status: .cannotCreate, message: "\(path): cannot write \(what): \(error.detail)")
        }
        InterruptCleanup.shared.register(staged.stagingFolder)
        defer { InterruptCleanup.shared.unregister(staged.stagingFolder) }
        do {
            try body(staged)
            try InterruptCleanup.shared.committing { try staged.commit() }
        } catch let failure as CLIFailure {
            throw failure
        } catch let error as FormatsError {
            switch error {
            // Named by the destination: the file GDAL wrote was in the staging folder.
            case .unknownFormat, .unsupported: throw CLIFailure(status: .usage, message: "\(path): \(error.detail)")
            default: throw CLIFailure(status: .cannotCreate, message: "\(path): cannot write \(what): \(error.detail)")
            }
        }
    }
}
