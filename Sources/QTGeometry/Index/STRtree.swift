import CGEOS

/// What the tree callbacks need; passed to GEOS as `userdata`, since C callbacks cannot capture.
private final class STRtreeSearch {
    let context: GEOSContextHandle_t
    let items: [OpaquePointer]
    var query: OpaquePointer?
    var hits: [Int] = []
    var failed = false

    init(context: GEOSContextHandle_t, items: [OpaquePointer]) {
        self.context = context
        self.items = items
    }

    /// Tree items are indices + 1 disguised as pointers (GEOS never dereferences them); 0 is the query.
    static func tag(_ index: Int) -> UnsafeMutableRawPointer? { UnsafeMutableRawPointer(bitPattern: index + 1) }
    static func index(_ tag: UnsafeRawPointer?) -> Int { Int(bitPattern: tag) - 1 }

    func geometry(_ tag: UnsafeRawPointer?) -> OpaquePointer? {
        let i = STRtreeSearch.index(tag)
        return i == Int.max - 1 ? query : (items.indices.contains(i) ? items[i] : nil)
    }
    static var queryTag: UnsafeRawPointer? { UnsafeRawPointer(bitPattern: Int.max) }
}

private let collectHit: GEOSQueryCallback = { item, userdata in
    guard let userdata else { return }
    let search = Unmanaged<STRtreeSearch>.fromOpaque(userdata).takeUnretainedValue()
    search.hits.append(STRtreeSearch.index(item))
}

private let itemDistance: GEOSDistanceCallback = { a, b, distance, userdata in
    guard let userdata, let distance else { return 0 }
    let search = Unmanaged<STRtreeSearch>.fromOpaque(userdata).takeUnretainedValue()
    guard let ga = search.geometry(a), let gb = search.geometry(b),
        GEOSDistance_r(search.context, ga, gb, distance) == 1
    else {
        search.failed = true
        return 0
    }
    return 1
}

/// A packed R-tree (Sort-Tile-Recursive) over a fixed set of geometries, answering "which items' boxes
/// meet this box?" and "which item is nearest?" by item index.
///
/// The tree is built once from its geometries and keeps them alive. The corresponding GEOS functions are
/// `GEOSSTRtree_create_r`, `GEOSSTRtree_insert_r`, `GEOSSTRtree_query_r`, `GEOSSTRtree_nearest_generic_r`
/// and `GEOSSTRtree_destroy_r`.
public final class STRtree {
    /// The indexed geometries; query results are indices into this array.
    public let geometries: [NativeGeometry]
    private let context: GeometryContext
    private let tree: OpaquePointer
    private let search: STRtreeSearch

    /// Builds a tree over `geometries`, which must all come from `context`.
    /// - Parameter nodeCapacity: children per node (GEOS's usual 10).
    public init(context: GeometryContext, geometries: [NativeGeometry], nodeCapacity: Int = 10) throws {
        self.context = context
        self.geometries = geometries
        self.tree = try context.callPointer("GEOSSTRtree_create_r") { GEOSSTRtree_create_r($0, max(2, nodeCapacity)) }
        self.search = STRtreeSearch(context: context.handle, items: geometries.map(\.pointer))
        for (i, g) in geometries.enumerated() {
            context.clearError()
            GEOSSTRtree_insert_r(context.handle, tree, g.pointer, STRtreeSearch.tag(i))
        }
    }

    deinit { GEOSSTRtree_destroy_r(context.handle, tree) }

    /// The indices of items whose bounding boxes intersect `geometry`'s, in ascending order. This is a
    /// first filter: test the candidates with a predicate for an exact answer.
    public func query(_ geometry: NativeGeometry) throws -> [Int] {
        search.hits.removeAll(keepingCapacity: true)
        context.clearError()
        GEOSSTRtree_query_r(
            context.handle, tree, geometry.pointer, collectHit,
            Unmanaged.passUnretained(search).toOpaque())
        return search.hits.sorted()
    }

    /// The indices of items whose bounding boxes intersect `box`, in ascending order.
    public func query(_ box: Envelope) throws -> [Int] {
        try query(try context.makeRectangle(box))
    }

    /// The index of the item nearest to `geometry` (exact geometry distance), or `nil` for an empty tree.
    public func nearest(to geometry: NativeGeometry) throws -> Int? {
        if geometries.isEmpty { return nil }
        search.query = geometry.pointer
        search.failed = false
        defer { search.query = nil }
        let found = try context.call(
            "GEOSSTRtree_nearest_generic_r",
            {
                GEOSSTRtree_nearest_generic_r(
                    $0, tree, STRtreeSearch.queryTag, geometry.pointer, itemDistance,
                    Unmanaged.passUnretained(search).toOpaque())
            }, failed: { $0 == nil })
        if search.failed { throw context.error("GEOSDistance_r") }
        return STRtreeSearch.index(found)
    }
}

@available(*, unavailable)
extension STRtree: Sendable {}
