import COSMium
import Foundation

/// Reads an OpenStreetMap extract through libosmium (behind the C shim COSMium): `.osm.pbf` (or `.pbf`, its
/// blocks decoded on two threads), `.osm` XML, and `.osm.bz2` (decompressed by libbz2 into a temporary `.osm`
/// file first, removed afterwards).
///
/// Every node's position is kept (ways need them); tags are kept only for keys in ``keys`` (all tags when
/// `nil`), and nodes only when they carry a kept tag. Reading is all or nothing: any error libosmium reports,
/// even after it has read elements, throws ``OSMError/invalidData(path:detail:)`` and nothing read
/// is returned.
public struct OSMReader: Sendable {
    /// The tag keys kept on nodes, ways and relations; `nil` keeps every tag.
    public var keys: Set<String>?

    /// Creates a reader.
    /// - Parameter keys: the tag keys to keep (`nil`: all). A smaller set reads faster and holds less.
    public init(keys: Set<String>? = nil) {
        self.keys = keys
    }

    /// The suffixes read, longest first.
    public static let suffixes = [".osm.pbf", ".osm.bz2", ".pbf", ".osm"]

    /// Whether `path` names a file this reader reads (by its suffix, case-insensitive).
    public static func accepts(_ path: String) -> Bool {
        let lower = path.lowercased()
        return suffixes.contains { lower.hasSuffix($0) }
    }

    /// libosmium's version, for `--version` lines and build records.
    public static var libosmiumVersion: String { String(cString: cosmium_version()) }

    /// Reads `path`.
    /// - Throws: ``OSMError``: a missing or unreadable file, a name without a known suffix, content libosmium
    ///   or libbz2 refuses (or a file that holds no OSM element at all).
    public func read(path: String) throws(OSMError) -> OSMData {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .missingFile(path: path) }
        if isDirectory.boolValue { throw .unreadable(path: path, detail: "is a folder, not an OSM file") }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw .unreadable(path: path, detail: "cannot be read (permissions?)")
        }
        let lower = path.lowercased()
        guard Self.accepts(path) else { throw .unsupportedName(path: path) }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        if size == 0 { throw .invalidData(path: path, detail: "the file is empty (0 bytes)") }
        // The format goes by the suffix, whatever its case; a .osm.bz2 is decompressed to a temporary .osm first.
        var scratch: String?
        defer { if let scratch { try? FileManager.default.removeItem(atPath: scratch) } }
        var readable = path
        if lower.hasSuffix(".bz2") {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qtplan-osm-\(UUID().uuidString)").path
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw .unreadable(path: path, detail: "cannot create a temporary folder in \(FileManager.default.temporaryDirectory.path)")
            }
            scratch = folder
            readable = (folder as NSString).appendingPathComponent("extract.osm")
            _ = try BZip2.decompress(path, to: readable)
        }
        let format = lower.hasSuffix(".pbf") ? "pbf" : "xml"
        return try OsmiumExtract.read(readable, format: format, keys: keys, reportingAs: path)
    }
}
