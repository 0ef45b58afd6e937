import CReadOSM
import Foundation

/// Reads an OpenStreetMap extract through readosm: `.osm.pbf` (or `.pbf`), `.osm` XML, and `.osm.bz2`
/// (decompressed by libbz2 into a temporary `.osm` file first, removed afterwards).
///
/// Every node's position is kept (ways need them); tags are kept only for keys in ``keys`` (all tags when
/// `nil`), and nodes only when they carry a kept tag. Reading is all or nothing: any error readosm returns,
/// even after it has handed over elements, throws ``OSMError/invalidData(path:detail:)`` and nothing read
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

    /// readosm's version, for `--version` lines and build records.
    public static var readosmVersion: String { String(cString: readosm_version()) }

    /// Reads `path`.
    /// - Throws: ``OSMError``: a missing or unreadable file, a name without a known suffix, content readosm
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
        // readosm chooses XML or PBF by the (lower-case) suffix: hand it a link with the right one when the
        // name's case differs, and a decompressed copy of .osm.bz2.
        let needsCopy = lower.hasSuffix(".bz2")
        let suffix = needsCopy || lower.hasSuffix(".osm") ? ".osm" : ".pbf"
        let needsLink = !needsCopy && !path.hasSuffix(suffix)
        var scratch: String?
        defer { if let scratch { try? FileManager.default.removeItem(atPath: scratch) } }
        var readable = path
        if needsCopy || needsLink {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qtplan-osm-\(UUID().uuidString)").path
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw .unreadable(path: path, detail: "cannot create a temporary folder in \(FileManager.default.temporaryDirectory.path)")
            }
            scratch = folder
            readable = (folder as NSString).appendingPathComponent("extract" + suffix)
            if needsCopy {
                _ = try BZip2.decompress(path, to: readable)
            } else {
                let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
                guard symlink(absolute, readable) == 0 else {
                    throw .unreadable(path: path, detail: "cannot link it under a readable name: \(String(cString: strerror(errno)))")
                }
            }
        }
        let session = ReadOSMSession(keys: keys)
        try session.parse(readable, reportingAs: path)
        return session.data()
    }
}

/// One readosm handle and the elements collected from it: the single owner of the C state, used by one
/// ``OSMReader/read(path:)`` call and dropped after it.
///
/// readosm calls back with a `user_data` pointer, which is this object (unretained: the session outlives
/// the parse it runs).
final class ReadOSMSession {
    let keys: Set<String>?
    var ids: [Int64] = []
    var lons: [Double] = []
    var lats: [Double] = []
    var taggedNodes: [OSMTaggedNode] = []
    var ways: [OSMWay] = []
    var relations: [OSMRelation] = []
    var skippedNodes = 0

    init(keys: Set<String>?) {
        self.keys = keys
    }

    /// Runs readosm over `path` (a name with a suffix readosm knows); errors name `reportingAs`.
    func parse(_ path: String, reportingAs shown: String) throws(OSMError) {
        var handle: UnsafeRawPointer?
        let opened = readosm_open(path, &handle)
        defer { if handle != nil { readosm_close(handle) } }
        guard opened == READOSM_OK, let handle else {
            throw .invalidData(path: shown, detail: "readosm cannot open it: \(Self.describe(opened))")
        }
        let userData = UnsafeRawPointer(Unmanaged.passUnretained(self).toOpaque())
        let status = readosm_parse(handle, userData, nodeCallback, wayCallback, relationCallback)
        guard status == READOSM_OK else {
            throw .invalidData(path: shown, detail: "not a readable OSM file: \(Self.describe(status))"
                + (ids.isEmpty && ways.isEmpty ? "" : " after \(ids.count) nodes, \(ways.count) ways and "
                    + "\(relations.count) relations (nothing read is used)"))
        }
        if ids.isEmpty && ways.isEmpty && relations.isEmpty {
            throw .invalidData(path: shown, detail: "holds no OSM node, way or relation: is it an OpenStreetMap extract?")
        }
    }

    /// The collected elements as a value.
    func data() -> OSMData {
        let store = OSMNodeStore(ids: ids, lons: lons, lats: lats)
        return OSMData(nodes: store, taggedNodes: taggedNodes, ways: ways, relations: relations,
                       repeatedNodeIds: ids.count - store.count)
    }

    /// The kept tags of an element.
    func tags(_ list: UnsafePointer<readosm_tag>?, count: Int32) -> [String: String] {
        guard let list, count > 0 else { return [:] }
        var out: [String: String] = [:]
        for i in 0..<Int(count) {
            guard let k = list[i].key, let v = list[i].value else { continue }
            let key = String(cString: k)
            if let keys, !keys.contains(key) { continue }
            out[key] = String(cString: v)
        }
        return out
    }

    func add(_ node: readosm_node) {
        // A deleted node of an XML change file has no position.
        guard node.latitude != Double(READOSM_UNDEFINED), node.longitude != Double(READOSM_UNDEFINED) else {
            skippedNodes += 1
            return
        }
        ids.append(node.id)
        lons.append(node.longitude)
        lats.append(node.latitude)
        if node.tag_count > 0 {
            let kept = tags(node.tags, count: node.tag_count)
            if !kept.isEmpty {
                taggedNodes.append(OSMTaggedNode(id: node.id, lon: node.longitude, lat: node.latitude, tags: kept))
            }
        }
    }

    func add(_ way: readosm_way) {
        let refs = way.node_refs.map { Array(UnsafeBufferPointer(start: $0, count: Int(max(0, way.node_ref_count)))) } ?? []
        ways.append(OSMWay(id: way.id, refs: refs, tags: tags(way.tags, count: way.tag_count)))
    }

    func add(_ relation: readosm_relation) {
        var members: [OSMMember] = []
        if let list = relation.members, relation.member_count > 0 {
            members.reserveCapacity(Int(relation.member_count))
            for i in 0..<Int(relation.member_count) {
                let m = list[i]
                let kind: OSMElementKind
                switch m.member_type {
                case READOSM_MEMBER_NODE: kind = .node
                case READOSM_MEMBER_WAY: kind = .way
                case READOSM_MEMBER_RELATION: kind = .relation
                default: continue
                }
                members.append(OSMMember(kind: kind, ref: m.id, role: m.role.map { String(cString: $0) } ?? ""))
            }
        }
        relations.append(OSMRelation(id: relation.id, members: members, tags: tags(relation.tags, count: relation.tag_count)))
    }

    /// readosm's name and meaning of a status code.
    static func describe(_ status: Int32) -> String {
        switch status {
        case READOSM_INVALID_SUFFIX: "READOSM_INVALID_SUFFIX (not .osm or .pbf)"
        case READOSM_FILE_NOT_FOUND: "READOSM_FILE_NOT_FOUND"
        case READOSM_INSUFFICIENT_MEMORY: "READOSM_INSUFFICIENT_MEMORY"
        case READOSM_CREATE_XML_PARSER_ERROR: "READOSM_CREATE_XML_PARSER_ERROR"
        case READOSM_READ_ERROR: "READOSM_READ_ERROR (a read failed or the file ends part-way)"
        case READOSM_XML_ERROR: "READOSM_XML_ERROR (not well-formed OSM XML)"
        case READOSM_INVALID_PBF_HEADER: "READOSM_INVALID_PBF_HEADER (not an OSM PBF file, or a damaged or truncated one)"
        case READOSM_UNZIP_ERROR: "READOSM_UNZIP_ERROR (a damaged PBF block)"
        case READOSM_ABORT: "READOSM_ABORT"
        default: "readosm error \(status)"
        }
    }
}

@available(*, unavailable)
extension ReadOSMSession: Sendable {}

// readosm's callbacks: C function pointers without captures, finding their session through user_data.

private let nodeCallback: readosm_node_callback = { userData, node in
    guard let userData, let node else { return READOSM_OK }
    Unmanaged<ReadOSMSession>.fromOpaque(userData).takeUnretainedValue().add(node.pointee)
    return READOSM_OK
}

private let wayCallback: readosm_way_callback = { userData, way in
    guard let userData, let way else { return READOSM_OK }
    Unmanaged<ReadOSMSession>.fromOpaque(userData).takeUnretainedValue().add(way.pointee)
    return READOSM_OK
}

private let relationCallback: readosm_relation_callback = { userData, relation in
    guard let userData, let relation else { return READOSM_OK }
    Unmanaged<ReadOSMSession>.fromOpaque(userData).takeUnretainedValue().add(relation.pointee)
    return READOSM_OK
}
