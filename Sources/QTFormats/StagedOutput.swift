import Foundation

/// An output that appears whole or not at all: files are written into a staging folder beside the
/// destination, then moved into place by `rename`, which replaces each file atomically.
///
/// - A destination **file** (`areas.gpkg`, `facilities.shp`): everything staged is moved beside it, so a
///   Shapefile's `.shp`, `.shx`, `.dbf`, `.prj` and `.cpg` (and its split parts) arrive together; members of an
///   older Shapefile of the same name that the new one lacks (an old `.qix`) are removed.
/// - A destination **folder**: created by renaming the staging folder when it does not exist yet (atomic as a
///   whole), otherwise each staged file is renamed into it; or, with `replacing`, the old folder is moved aside,
///   the staging folder renamed into its place and the old one removed (a district folder is replaced whole, so
///   no file of the old one survives beside the new ones).
///
/// Until ``commit()`` nothing at the destination changes; an interrupted run leaves the previous output intact
/// and at most the staging folder (``StagingName``: `.qtplan-PID-N-new.NAME`, removed in `deinit`, by the CLI's
/// interrupt handler, and, when a killed run left it, by a later run in the same folder). The staging folder sits
/// in the destination's folder so that the renames stay on one file system; it is private (0700) while written.
/// A replaced file keeps its permission bits and owner (``commit()``); one whose owner this user cannot give a
/// new file is refused when staging starts.
public final class StagedOutput {
    /// The final file or folder.
    public let destination: String
    /// Whether the destination is a folder of files rather than one file (and its sidecars).
    public let isFolder: Bool
    /// The folder files are written into before ``commit()``.
    public let stagingFolder: String
    /// Whether an existing destination folder is replaced whole rather than merged into.
    public let replacing: Bool
    /// Where an existing destination folder is moved while it is replaced.
    private let oldFolder: String
    /// The mode of a folder created here (0777 less the umask), given to the staging folder when it becomes the
    /// destination folder.
    private let newFolderMode: mode_t
    private var committed = false

    /// Creates the staging folder for `destination`.
    /// - Throws: ``FormatsError/cannotWrite(path:detail:)`` when the destination's folder is missing, is not a
    ///   folder or cannot be written, or when `destination` is a folder but `isFolder` is false (or the reverse).
    public init(destination: String, isFolder: Bool, replacing: Bool = false) throws {
        let url = URL(fileURLWithPath: destination)
        let parent = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory) else {
            throw FormatsError.cannotWrite(path: destination, detail: "the folder \(parent) does not exist")
        }
        guard isDirectory.boolValue else {
            throw FormatsError.cannotWrite(path: destination, detail: "\(parent) is not a folder")
        }
        // A device, socket or pipe (/dev/null, /dev/stdout) would be replaced by the rename, not written to:
        // as root, renaming over /dev/null makes it a plain file for every program on the machine.
        var status = stat()
        if lstat(destination, &status) == 0, (status.st_mode & S_IFMT) != S_IFREG, (status.st_mode & S_IFMT) != S_IFDIR,
            (status.st_mode & S_IFMT) != S_IFLNK
        {
            throw FormatsError.cannotWrite(
                path: destination,
                detail: "is a device, socket or pipe, not a file: outputs are written "
                    + "to files (by a rename, which would replace it)")
        }
        if FileManager.default.fileExists(atPath: destination, isDirectory: &isDirectory), isDirectory.boolValue != isFolder {
            throw FormatsError.cannotWrite(
                path: destination,
                detail: isFolder
                    ? "is a file; a folder is needed for one file per layer" : "is a folder; give a file name")
        }
        self.destination = url.path
        self.isFolder = isFolder
        self.replacing = replacing && isFolder
        StagingName.removeStale(in: parent)
        let name = url.lastPathComponent
        let limit = StagingName.nameLimit(in: parent)
        var made: String?
        var madeAttempt = 0
        for attempt in 0..<100 {
            let candidate = (parent as NSString).appendingPathComponent(
                StagingName.make(for: name, pid: getpid(), attempt: attempt, kind: "new", limit: limit))
            // Private while it is written: a replaced private file's content never sits readable by others.
            if mkdir(candidate, 0o700) == 0 { made = candidate; madeAttempt = attempt; break }
            if errno != EEXIST {
                throw FormatsError.cannotWrite(path: destination, detail: "cannot create a file in \(parent): \(String(cString: strerror(errno)))")
            }
        }
        guard let made else { throw FormatsError.cannotWrite(path: destination, detail: "cannot create a staging folder in \(parent)") }
        stagingFolder = made
        oldFolder = (parent as NSString).appendingPathComponent(
            StagingName.make(for: name, pid: getpid(), attempt: madeAttempt, kind: "old", limit: limit))
        // The mode a new file or folder gets here (0777 less the umask), found without touching the umask.
        let probe = (made as NSString).appendingPathComponent(".mode-probe")
        var probed = stat()
        if mkdir(probe, 0o777) == 0, lstat(probe, &probed) == 0 { newFolderMode = probed.st_mode & 0o7777 } else { newFolderMode = 0o755 }
        rmdir(probe)
        // An owner that cannot be kept is refused now, before anything is written (a folder's own owner matters
        // only when it is replaced whole; files merged into it are checked at commit, before any rename).
        for target in isFolder ? (self.replacing ? [destination] : []) : Self.members(of: destination) {
            guard let status = KeptAttributes.existing(target), KeptAttributes.needsOwner(status) else { continue }
            if !KeptAttributes.canKeepOwner(status, probeIn: made) {
                try? FileManager.default.removeItem(atPath: made)
                throw FormatsError.cannotWrite(
                    path: destination,
                    detail: "\(target) belongs to \(KeptAttributes.ownerName(status)) and "
                        + "this user cannot give a new file that owner; refusing to replace it (run as its owner, or remove it first)")
            }
        }
    }

    /// `path` and, for a Shapefile, the members beside it that a new one replaces or removes.
    public static func members(of path: String) -> [String] {
        let url = URL(fileURLWithPath: path)
        guard url.pathExtension.lowercased() == "shp" else { return [path] }
        let stem = url.deletingPathExtension().path
        return [path] + VectorFormat.shp.companionExtensions.map { "\(stem).\($0)" }
    }

    deinit { if !committed { try? FileManager.default.removeItem(atPath: stagingFolder) } }

    /// Where to write a file named `name` (a bare file name) so that it lands in the destination.
    public func stagedPath(_ name: String) -> String { (stagingFolder as NSString).appendingPathComponent(name) }

    /// Writes `data` as the staged file `name`.
    /// - Throws: ``FormatsError/cannotWrite(path:detail:)`` with the system's reason (a full disk).
    public func write(_ data: Data, as name: String) throws {
        try write([data], as: name)
    }

    /// Writes the concatenation of `parts` as the staged file `name` (a file encoded in pieces, without joining them
    /// in memory first).
    public func write(_ parts: [Data], as name: String) throws {
        try Self.write(parts, atStagedPath: stagedPath(name), destination: destination)
    }

    /// Writes the concatenation of `parts` at `path`, a staged file's path (``stagedPath(_:)``) of the output to
    /// `destination`: the writing alone, which needs no staged output value, so that several threads can write
    /// several files of one output.
    /// - Throws: ``FormatsError/cannotWrite(path:detail:)`` naming `destination`.
    public static func write(_ parts: [Data], atStagedPath path: String, destination: String) throws {
        func failure(_ step: String) -> FormatsError {
            .cannotWrite(path: destination, detail: "\(step): \(String(cString: strerror(errno)))")
        }
        guard let file = fopen(path, "wb") else { throw failure("cannot create \(path)") }
        var complete = true
        for data in parts where complete {
            complete = data.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) } == data.count
        }
        let flushed = fflush(file) == 0
        let closed = fclose(file) == 0
        guard complete, flushed, closed else { throw failure("cannot write \(path)") }
    }

    /// The paths ``commit()`` will create or replace (and, for a Shapefile, the stale members it removes), and the
    /// folder it replaces whole, if any: what an output guard checks before the commit.
    public func targets() throws -> (files: [String], replacedFolder: String?) {
        let staged = try FileManager.default.contentsOfDirectory(atPath: stagingFolder).sorted()
        if replacing && FileManager.default.fileExists(atPath: destination) { return ([], destination) }
        if isFolder && !FileManager.default.fileExists(atPath: destination) { return ([], nil) }
        let folder = isFolder ? destination : (destination as NSString).deletingLastPathComponent
        var files = staged.map { (folder as NSString).appendingPathComponent($0) }
        if !isFolder { files += Self.members(of: destination).filter { !files.contains($0) } }
        return (files, nil)
    }

    /// Moves the staged files into place. A file or folder replaced keeps its permission bits and owner: they are
    /// given to the new one before any rename, so a failure leaves the destination untouched.
    /// - Throws: ``FormatsError/cannotWrite(path:detail:)`` when a rename fails (the files already moved stay).
    public func commit() throws {
        let staged = try FileManager.default.contentsOfDirectory(atPath: stagingFolder).sorted()
        if replacing && FileManager.default.fileExists(atPath: destination) {
            if let status = KeptAttributes.existing(destination), let problem = KeptAttributes.apply(status, to: stagingFolder) {
                throw FormatsError.cannotWrite(path: destination, detail: problem)
            }
            guard rename(destination, oldFolder) == 0 else { throw failure("cannot move the old \(destination) aside") }
            guard rename(stagingFolder, destination) == 0 else {
                let error = failure("cannot rename \(stagingFolder)")
                rename(oldFolder, destination)
                throw error
            }
            committed = true
            try? FileManager.default.removeItem(atPath: oldFolder)
            return
        }
        if isFolder && !FileManager.default.fileExists(atPath: destination) {
            chmod(stagingFolder, newFolderMode)
            guard rename(stagingFolder, destination) == 0 else { throw failure("cannot rename \(stagingFolder)") }
            committed = true
            return
        }
        let folder = isFolder ? destination : (destination as NSString).deletingLastPathComponent
        for name in staged {
            guard let status = KeptAttributes.existing((folder as NSString).appendingPathComponent(name)) else { continue }
            if let problem = KeptAttributes.apply(status, to: stagedPath(name)) {
                throw FormatsError.cannotWrite(path: destination, detail: "\((folder as NSString).appendingPathComponent(name)): \(problem)")
            }
        }
        for name in staged {
            let target = (folder as NSString).appendingPathComponent(name)
            guard rename(stagedPath(name), target) == 0 else { throw failure("cannot move \(name) into \(folder)") }
        }
        if !isFolder { removeStaleShapefileMembers(written: Set(staged), in: folder) }
        committed = true
        rmdir(stagingFolder)
    }

    /// A Shapefile replaced by one with fewer members leaves none of the old ones behind.
    private func removeStaleShapefileMembers(written: Set<String>, in folder: String) {
        let url = URL(fileURLWithPath: destination)
        guard url.pathExtension.lowercased() == "shp" else { return }
        let stem = url.deletingPathExtension().lastPathComponent
        for ext in VectorFormat.shp.companionExtensions where !written.contains("\(stem).\(ext)") {
            unlink((folder as NSString).appendingPathComponent("\(stem).\(ext)"))
        }
    }

    private func failure(_ step: String) -> FormatsError {
        .cannotWrite(path: destination, detail: "\(step): \(String(cString: strerror(errno)))")
    }
}

@available(*, unavailable)
extension StagedOutput: Sendable {}
