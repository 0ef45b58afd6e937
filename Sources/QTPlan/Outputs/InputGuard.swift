import Foundation
import QTFormats
import QTModel

/// The one check every output passes before anything is replaced (``AtomicOutput`` runs it for every file,
/// folder, map and report): no output may replace, remove or move aside an input of the run (``RunInputs``).
///
/// Paths are compared as the files they reach, not as text: by the real path with symbolic links and `..`
/// resolved (for a link, both the link and its target), and by device and inode (a hard link is the same file
/// under another name). A Shapefile counts as all its members (`.shp`, `.shx`, `.dbf`, `.prj`, `.cpg`, `.qix`,
/// `.sbn`, `.sbx`; a CSV its `.csvt` and `.prj`), on either side: writing `b.shp` writes `b.dbf`, and reading
/// `a.shp` reads `a.dbf`. A folder
/// replaced whole (`district build --force`) must hold no input. A refusal is ``PlanError`` `cannotWrite`
/// (exit 73), one line naming the output and the input.
public enum InputGuard {
    /// A file as it is compared: the paths that reach it and its device and inode, when it exists.
    struct Identity {
        var paths: Set<String>
        var node: Node?
    }

    /// A device and inode.
    struct Node: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// Throws when writing or replacing the file `target` would replace an input of `inputs`.
    /// - Parameter output: the output being written, as its request names it, for the message.
    public static func check(file target: String, output: String, inputs: RunInputs) throws(PlanError) {
        guard !inputs.entries.isEmpty else { return }
        let identity = identity(of: target)
        for entry in inputs.entries {
            for input in expanded(entry) {
                let other = self.identity(of: input)
                if !identity.paths.isDisjoint(with: other.paths) || (identity.node != nil && identity.node == other.node) {
                    throw refusal(output: output, target: target, input: input, entry: entry, inputs: inputs)
                }
            }
        }
    }

    /// Throws when replacing the folder `folder` whole would remove an input of `inputs` (one inside it, or the
    /// folder itself).
    public static func check(replacingFolder folder: String, output: String, inputs: RunInputs) throws(PlanError) {
        guard !inputs.entries.isEmpty else { return }
        let inside = identity(of: folder).paths.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        for entry in inputs.entries {
            for input in expanded(entry) {
                let paths = identity(of: input).paths
                if paths.contains(where: { path in inside.contains { (path + "/").hasPrefix($0) } }) {
                    throw PlanError(
                        .cannotWrite,
                        "\(output): replacing this folder would remove \(input), \(entry.role), an input of "
                            + "this run; refusing to replace it (write to another folder)")
                }
            }
        }
    }

    /// The files an input entry stands for: a Shapefile's members, a folder's files.
    static func expanded(_ entry: RunInputs.Entry) -> [String] {
        if entry.isFolder {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: entry.path)) ?? []
            return [entry.path] + names.sorted().map { (entry.path as NSString).appendingPathComponent($0) }
        }
        var paths = shapefileMembers(entry.path)
        if let real = realPath(entry.path), real != absolute(entry.path) { paths += shapefileMembers(real) }
        return paths
    }

    /// `path`, and when it names a member of a Shapefile, every member beside it (either case of extension); for
    /// a CSV, the `.csvt` and `.prj` GDAL reads beside it.
    static func shapefileMembers(_ path: String) -> [String] {
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension.lowercased()
        let shapefile = ["shp"] + VectorFormat.shp.companionExtensions
        guard shapefile.contains(ext) || ext == "csv" else { return [path] }
        let members = ext == "csv" ? ["csv"] + VectorFormat.csv.companionExtensions : shapefile
        let stem = url.deletingPathExtension().path
        return [path] + members.flatMap { ["\(stem).\($0)", "\(stem).\($0.uppercased())"] }.filter { $0 != path }
    }

    /// The paths that reach `path` (the link itself with its folder resolved, and its target) and its node.
    static func identity(of path: String) -> Identity {
        let absolute = absolute(path)
        var paths: Set<String> = [absolute]
        let url = URL(fileURLWithPath: absolute)
        let parent = url.deletingLastPathComponent().path
        if let folder = realPath(parent) { paths.insert((folder as NSString).appendingPathComponent(url.lastPathComponent)) }
        if let real = realPath(absolute) { paths.insert(real) }
        var status = stat()
        let node = stat(absolute, &status) == 0 ? Node(device: UInt64(status.st_dev), inode: UInt64(status.st_ino)) : nil
        return Identity(paths: paths, node: node)
    }

    /// `path` made absolute against the working folder, with `.` and `..` resolved as text.
    static func absolute(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }

    /// The real path of an existing `path` (`realpath(3)`), `nil` when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func refusal(output: String, target: String, input: String, entry: RunInputs.Entry, inputs: RunInputs) -> PlanError {
        let through = target == output ? "" : " (through \(target))"
        let allow: SettingText = inputs.override.map { " (give \(setting: $0) to allow it)" } ?? ""
        let text = SettingText("\(output): would overwrite \(input), \(entry.role), an input of this run\(through); refusing to write it")
        return PlanError(.cannotWrite, text + allow)
    }
}
