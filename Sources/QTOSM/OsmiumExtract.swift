import COSMium
import Foundation

/// One libosmium read: the single owner of the C extract (`cosmium_extract`), which it turns into an
/// ``OSMData`` value and frees. Used by ``OSMReader/read(path:)`` only, never shared.
final class OsmiumExtract {
    private let handle: OpaquePointer

    private init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        cosmium_free(handle)
    }

    /// Reads `path` (`format`: "pbf" or "xml") keeping the tags of `keys` (all when `nil`); errors name `shown`.
    static func read(_ path: String, format: String, keys: Set<String>?, reportingAs shown: String) throws(OSMError) -> OSMData {
        let sortedKeys = keys.map { $0.sorted() }
        var message = [CChar](repeating: 0, count: 1024)
        // The keys as C strings for the duration of the call.
        let cKeys = (sortedKeys ?? []).map { strdupOrAbort($0) }
        defer { cKeys.forEach { free($0) } }
        let handle: OpaquePointer? = cKeys.map { UnsafePointer($0) as UnsafePointer<CChar>? }.withUnsafeBufferPointer { list in
            cosmium_read(path, format, sortedKeys == nil ? nil : list.baseAddress, list.count, 2, &message, message.count)
        }
        guard let handle else {
            let detail = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw .invalidData(path: shown, detail: "not a readable OSM file: \(detail)")
        }
        let extract = OsmiumExtract(handle: handle)
        let data = extract.data()
        if data.nodes.count == 0 && data.ways.isEmpty && data.relations.isEmpty {
            throw .invalidData(path: shown, detail: "holds no OSM node, way or relation: is it an OpenStreetMap extract?")
        }
        return data
    }

    /// The extract's arrays as a value (strings made once each).
    func data() -> OSMData {
        let v = cosmium_view_of(handle)
        var strings: [String] = []
        strings.reserveCapacity(v.string_count)
        for i in 0..<v.string_count {
            let start = v.string_offsets[i], end = v.string_offsets[i + 1]
            let bytes = UnsafeRawBufferPointer(start: v.chars.map { UnsafeRawPointer($0) + start }, count: end - start)
            strings.append(String(decoding: bytes, as: UTF8.self))
        }
        func tags(_ ranges: UnsafePointer<Int>?, _ i: Int) -> [String: String] {
            guard let ranges else { return [:] }
            let from = ranges[2 * i], to = ranges[2 * i + 1]
            guard to > from else { return [:] }
            var out: [String: String] = Dictionary(minimumCapacity: to - from)
            for t in from..<to { out[strings[v.tag_keys[t]]] = strings[v.tag_values[t]] }
            return out
        }
        func array<T>(_ base: UnsafePointer<T>?, _ count: Int) -> [T] {
            guard let base, count > 0 else { return [] }
            return Array(UnsafeBufferPointer(start: base, count: count))
        }
        let store = OSMNodeStore(
            ids: array(v.node_ids, v.node_count), lons: array(v.node_lons, v.node_count),
            lats: array(v.node_lats, v.node_count))
        var taggedNodes: [OSMTaggedNode] = []
        taggedNodes.reserveCapacity(v.tagged_count)
        for i in 0..<v.tagged_count {
            taggedNodes.append(
                OSMTaggedNode(
                    id: v.tagged_ids[i], lon: v.tagged_lons[i], lat: v.tagged_lats[i],
                    tags: tags(v.tagged_tag_ranges, i)))
        }
        var ways: [OSMWay] = []
        ways.reserveCapacity(v.way_count)
        for i in 0..<v.way_count {
            let from = v.way_ref_offsets[i], to = v.way_ref_offsets[i + 1]
            ways.append(OSMWay(id: v.way_ids[i], refs: array(v.refs.map { $0 + from }, to - from), tags: tags(v.way_tag_ranges, i)))
        }
        var relations: [OSMRelation] = []
        relations.reserveCapacity(v.relation_count)
        for i in 0..<v.relation_count {
            let from = v.relation_member_offsets[i], to = v.relation_member_offsets[i + 1]
            var members: [OSMMember] = []
            members.reserveCapacity(to - from)
            for m in from..<to {
                let kind: OSMElementKind =
                    switch UInt8(bitPattern: v.member_types[m]) {
                    case UInt8(ascii: "n"): .node
                    case UInt8(ascii: "w"): .way
                    default: .relation
                    }
                members.append(OSMMember(kind: kind, ref: v.member_refs[m], role: strings[v.member_roles[m]]))
            }
            relations.append(OSMRelation(id: v.relation_ids[i], members: members, tags: tags(v.relation_tag_ranges, i)))
        }
        return OSMData(
            nodes: store, taggedNodes: taggedNodes, ways: ways, relations: relations,
            repeatedNodeIds: v.node_count - store.count)
    }
}

/// A C copy of `text` (freed by the caller); aborts only when memory is exhausted.
private func strdupOrAbort(_ text: String) -> UnsafeMutablePointer<CChar> {
    guard let copy = strdup(text) else { fatalError("out of memory") }
    return copy
}

@available(*, unavailable)
extension OsmiumExtract: Sendable {}
