/// Disjoint sets (union–find) over hashable keys, with path compression; the smaller index becomes the root of a
/// union, so that roots are deterministic. Used wherever a network's connected components are counted (the
/// validator's connectivity check and the OpenStreetMap build's network figures), so that both count alike.
public struct DisjointSets<Key: Hashable>: Sendable where Key: Sendable {
    private var index: [Key: Int] = [:]
    private var parent: [Int] = []

    /// An empty collection of sets.
    public init() {}

    /// The number of keys seen.
    public var count: Int { parent.count }

    /// The element number of `key`, adding it as a set of its own the first time.
    public mutating func element(_ key: Key) -> Int {
        if let n = index[key] { return n }
        parent.append(parent.count)
        index[key] = parent.count - 1
        return parent.count - 1
    }

    /// The root of the set holding element `n`; compresses the path it walked.
    public mutating func root(_ n: Int) -> Int {
        var root = n
        while parent[root] != root { root = parent[root] }
        var walker = n
        while parent[walker] != root { (walker, parent[walker]) = (parent[walker], root) }
        return root
    }

    /// Joins the sets of elements `a` and `b`.
    public mutating func union(_ a: Int, _ b: Int) {
        let (ra, rb) = (root(a), root(b))
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }
}
