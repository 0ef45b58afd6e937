import Foundation
import QTFormats
import QTModel

/// The files a run reads, which none of its outputs may replace (``InputGuard``): a district's manifest and
/// layer files, the standards, targets, rules and plan files, an OpenStreetMap extract. Given to every output in
/// its ``OutputSettings``.
public struct RunInputs: Sendable, Hashable {
    /// One input: its path as given and what it is, for messages ("the district's layer 'boundary'").
    public struct Entry: Sendable, Hashable {
        /// The path as given (relative paths are relative to the working folder).
        public var path: String
        /// What the file is, for messages.
        public var role: String
        /// Whether it is a folder whose files are all inputs (`district build --standards DIR`).
        public var isFolder: Bool
    }

    /// The inputs.
    public private(set) var entries: [Entry] = []
    /// The setting that allows replacing an input (`export --force`), named in the refusal; `nil` when none does.
    public var override: RequestSetting?

    /// No inputs.
    public init() {}

    /// Adds the file at `path` (nothing for `nil`).
    public mutating func add(file path: String?, role: String) {
        guard let path, !path.isEmpty else { return }
        entries.append(Entry(path: path, role: role, isFolder: false))
    }

    /// Adds every file in the folder at `path` (nothing for `nil`).
    public mutating func add(folder path: String?, role: String) {
        guard let path, !path.isEmpty else { return }
        entries.append(Entry(path: path, role: role, isFolder: true))
    }

    /// Adds the district folder at `directory`: its manifest and every layer file the manifest names (read again
    /// here, so that a district whose layers failed to load is still protected).
    public mutating func add(districtFolder directory: String) {
        let manifest = (directory as NSString).appendingPathComponent(DistrictLoader.manifestName)
        add(file: manifest, role: "the district's manifest")
        // Read as every input is (InputFile: a FIFO is refused without blocking; Foundation's `contents(atPath:)`
        // also leaked its buffer on an empty file, found by tools/sanitize.sh asan).
        guard let data = try? InputFile.read(manifest, limit: 16 << 20),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let layers = object["layers"] as? [String: Any]
        else { return }
        for (name, value) in layers.sorted(by: { $0.key < $1.key }) {
            guard let file = (value as? [String: Any])?["file"] as? String, !file.isEmpty, !file.contains("\0") else { continue }
            add(file: DistrictLoader.layerPath(directory: directory, file: file), role: "the district's layer '\(name)'")
        }
    }

    /// Adds the manifest and layer files of a loaded district.
    public mutating func add(_ district: District) {
        add(file: (district.directory as NSString).appendingPathComponent(DistrictLoader.manifestName), role: "the district's manifest")
        for (name, entry) in district.manifest.layers.sorted(by: { $0.key < $1.key }) {
            add(file: DistrictLoader.layerPath(directory: district.directory, file: entry.file), role: "the district's layer '\(name)'")
        }
    }

    /// These inputs and `other`'s.
    public static func + (lhs: RunInputs, rhs: RunInputs) -> RunInputs {
        var sum = lhs
        sum.entries += rhs.entries
        sum.override = lhs.override ?? rhs.override
        return sum
    }
}
