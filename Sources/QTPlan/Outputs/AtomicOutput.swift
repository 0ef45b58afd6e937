import Foundation
import QTFormats
import QTModel

/// Output files written so that a reader sees either the old file or the complete new one.
public enum AtomicOutput {
    /// Writes `data` to `path` through a staging folder beside it and a rename (``QTFormats/StagedOutput``).
    /// - Parameter what: what the file is, for messages ("the report").
    /// - Throws: ``PlanError`` (`cannotWrite`) naming the file, what it is and the system's reason; nothing is
    ///   left behind.
    public static func write(_ data: Data, to path: String, what: String, settings: OutputSettings) throws {
        try stage(path, isFolder: false, what: what, settings: settings) { staged in
            try staged.write(data, as: URL(fileURLWithPath: path).lastPathComponent)
        }
    }

    /// Stages an output at `path`, lets `body` write into it, then commits it; on any failure the staging folder
    /// is removed and the destination is untouched.
    /// - Throws: ``PlanError``: `cannotWrite` for a failed write; `usage` for a format that cannot hold the data
    ///   (named by the destination: the file GDAL wrote was in the staging folder).
    /// With `replacing`, an existing destination folder is replaced whole (``QTFormats/StagedOutput``).
    public static func stage(
        _ path: String, isFolder: Bool, replacing: Bool = false, what: String, settings: OutputSettings,
        _ body: (StagedOutput) throws -> Void
    ) throws {
        try check(path, isFolder: isFolder, replacing: replacing, settings: settings)
        var made: StagedOutput?
        do {
            if let observer = settings.observer {
                try observer.creating {
                    let staged = try StagedOutput(destination: path, isFolder: isFolder, replacing: replacing)
                    made = staged
                    return staged.stagingFolder
                }
            } else {
                made = try StagedOutput(destination: path, isFolder: isFolder, replacing: replacing)
            }
        } catch let error as FormatsError {
            throw PlanError(.cannotWrite, "\(path): cannot write \(what): \(error.detail)")
        }
        guard let staged = made else { return }
        defer { settings.observer?.finished(staged.stagingFolder) }
        do {
            try body(staged)
            // Checked again on what is about to land (every file GDAL wrote, a Shapefile's members included).
            let targets = try staged.targets()
            for target in targets.files { try InputGuard.check(file: target, output: path, inputs: settings.inputs) }
            if let folder = targets.replacedFolder { try InputGuard.check(replacingFolder: folder, output: path, inputs: settings.inputs) }
            if let observer = settings.observer { try observer.committing { try staged.commit() } } else { try staged.commit() }
        } catch let error as FormatsError {
            switch error {
            case .unknownFormat, .unsupported: throw PlanError(.usage, "\(path): \(error.detail)")
            default: throw PlanError(.cannotWrite, "\(path): cannot write \(what): \(error.detail)")
            }
        }
    }

    /// Refuses, before anything is computed or written, an output at `path` that would replace an input of the run
    /// (``InputGuard``): the file and, for a Shapefile, its members; with `replacing`, an existing folder holding
    /// an input. ``stage(_:isFolder:replacing:what:settings:_:)`` checks again on the files actually staged.
    public static func check(_ path: String, isFolder: Bool, replacing: Bool = false, settings: OutputSettings) throws(PlanError) {
        if isFolder {
            if replacing && FileManager.default.fileExists(atPath: path) {
                try InputGuard.check(replacingFolder: path, output: path, inputs: settings.inputs)
            }
            return
        }
        for member in StagedOutput.members(of: path) { try InputGuard.check(file: member, output: path, inputs: settings.inputs) }
    }
}
