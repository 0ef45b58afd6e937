/// An OpenStreetMap element type, as members of relations and `source` values name them.
public enum OSMElementKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A point (`osm:node/ID`).
    case node
    /// An ordered list of nodes (`osm:way/ID`).
    case way
    /// A group of members (`osm:relation/ID`).
    case relation
}

/// A node that carries at least one kept tag: a point of interest, an entrance, a bus stop.
public struct OSMTaggedNode: Sendable, Hashable {
    /// The node's id.
    public var id: Int64
    /// Longitude, degrees (WGS84).
    public var lon: Double
    /// Latitude, degrees (WGS84).
    public var lat: Double
    /// The kept tags.
    public var tags: [String: String]

    /// Creates a tagged node.
    public init(id: Int64, lon: Double, lat: Double, tags: [String: String]) {
        self.id = id
        self.lon = lon
        self.lat = lat
        self.tags = tags
    }
}

/// A way: its id, its node references in order, and its kept tags (empty for the untagged member ways of
/// multipolygons, which are kept for their references).
public struct OSMWay: Sendable, Hashable {
    /// The way's id.
    public var id: Int64
    /// The ids of its nodes, in order (a closed way repeats the first at the end).
    public var refs: [Int64]
    /// The kept tags.
    public var tags: [String: String]

    /// Creates a way.
    public init(id: Int64, refs: [Int64], tags: [String: String]) {
        self.id = id
        self.refs = refs
        self.tags = tags
    }

    /// Whether the first and last references are the same node (and there are at least 4).
    public var isClosed: Bool { refs.count >= 4 && refs.first == refs.last }
}

/// A member of a relation.
public struct OSMMember: Sendable, Hashable {
    /// What the member is.
    public var kind: OSMElementKind
    /// Its id.
    public var ref: Int64
    /// Its role (`outer`, `inner`, `stop`, `platform`, …; empty when none).
    public var role: String

    /// Creates a member.
    public init(kind: OSMElementKind, ref: Int64, role: String) {
        self.kind = kind
        self.ref = ref
        self.role = role
    }
}

/// A relation: its id, its members in order and its kept tags.
public struct OSMRelation: Sendable, Hashable {
    /// The relation's id.
    public var id: Int64
    /// Its members, in order.
    public var members: [OSMMember]
    /// The kept tags.
    public var tags: [String: String]

    /// Creates a relation.
    public init(id: Int64, members: [OSMMember], tags: [String: String]) {
        self.id = id
        self.members = members
        self.tags = tags
    }
}

/// The positions of every node of an extract, looked up by id: ids sorted ascending with longitude and
/// latitude beside them (three flat arrays: 24 bytes a node, a tenth of a dictionary's footprint).
public struct OSMNodeStore: Sendable {
    /// Node ids, ascending and unique.
    public private(set) var ids: [Int64]
    /// Longitudes, degrees, in the order of ``ids``.
    public private(set) var lons: [Double]
    /// Latitudes, degrees, in the order of ``ids``.
    public private(set) var lats: [Double]

    /// Creates a store from parallel arrays in any order; for a repeated id the last position wins.
    public init(ids: [Int64], lons: [Double], lats: [Double]) {
        precondition(ids.count == lons.count && ids.count == lats.count, "parallel arrays")
        var sorted = true
        for i in ids.indices.dropFirst() where ids[i] <= ids[i - 1] {
            sorted = false
            break
        }
        if sorted {
            self.ids = ids
            self.lons = lons
            self.lats = lats
            return
        }
        // Stable by id, so that of repeated ids the last one read comes last, and is the one kept.
        let order = ids.indices.sorted { (ids[$0], $0) < (ids[$1], $1) }
        var outIds: [Int64] = [], outLons: [Double] = [], outLats: [Double] = []
        outIds.reserveCapacity(ids.count)
        outLons.reserveCapacity(ids.count)
        outLats.reserveCapacity(ids.count)
        for i in order {
            if let last = outIds.last, last == ids[i] {
                outLons[outLons.count - 1] = lons[i]
                outLats[outLats.count - 1] = lats[i]
            } else {
                outIds.append(ids[i])
                outLons.append(lons[i])
                outLats.append(lats[i])
            }
        }
        self.ids = outIds
        self.lons = outLons
        self.lats = outLats
    }

    /// Number of nodes.
    public var count: Int { ids.count }

    /// The index of node `id` in the store, by binary search; `nil` when the extract lacks it.
    public func index(of id: Int64) -> Int? {
        var lo = 0, hi = ids.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if ids[mid] < id { lo = mid + 1 } else { hi = mid }
        }
        return lo < ids.count && ids[lo] == id ? lo : nil
    }

    /// The position of node `id` as (longitude, latitude); `nil` when the extract lacks it.
    public func position(of id: Int64) -> (lon: Double, lat: Double)? {
        index(of: id).map { (lons[$0], lats[$0]) }
    }
}

/// What was read from one OSM file: every node's position, the nodes with kept tags, every way and every
/// relation (with kept tags only), and the extent of the nodes.
public struct OSMData: Sendable {
    /// Every node's position by id.
    public var nodes: OSMNodeStore
    /// The nodes carrying at least one kept tag, in file order.
    public var taggedNodes: [OSMTaggedNode]
    /// Every way, in file order.
    public var ways: [OSMWay]
    /// Every relation, in file order.
    public var relations: [OSMRelation]
    /// Nodes whose id appeared more than once (the last position is kept).
    public var repeatedNodeIds: Int

    /// Creates a data set.
    public init(
        nodes: OSMNodeStore, taggedNodes: [OSMTaggedNode], ways: [OSMWay], relations: [OSMRelation],
        repeatedNodeIds: Int = 0
    ) {
        self.nodes = nodes
        self.taggedNodes = taggedNodes
        self.ways = ways
        self.relations = relations
        self.repeatedNodeIds = repeatedNodeIds
    }

    /// The smallest longitude/latitude box holding every node: (west, south, east, north); `nil` without nodes.
    public var bounds: (west: Double, south: Double, east: Double, north: Double)? {
        guard let west = nodes.lons.min(), let east = nodes.lons.max(), let south = nodes.lats.min(),
            let north = nodes.lats.max()
        else { return nil }
        return (west, south, east, north)
    }
}
