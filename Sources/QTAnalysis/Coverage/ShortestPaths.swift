/// Multi-source Dijkstra over a ``StreetGraph``: one pass gives every node its time to (or from) the nearest
/// source, whatever the number of sources.
enum ShortestPaths {
    /// Seconds from the nearest seed to every node along outgoing arcs (`reversed: false`), or from every
    /// node to the nearest seed (`reversed: true`, a pass over the incoming arcs). Nodes beyond `limit`
    /// seconds are left at `.infinity` (the pass stops there).
    static func times(
        _ graph: StreetGraph, seeds: [(node: Int32, seconds: Double)], reversed: Bool,
        limit: Double = .infinity
    ) -> [Double] {
        var dist = [Double](repeating: .infinity, count: graph.nodeCount)
        var heap = MinHeap()
        for s in seeds where s.seconds < dist[Int(s.node)] && s.seconds <= limit {
            dist[Int(s.node)] = s.seconds
            heap.push(s.seconds, s.node)
        }
        let start = reversed ? graph.inStart : graph.outStart
        let other = reversed ? graph.inNode : graph.outNode
        let cost = reversed ? graph.inCost : graph.outCost
        start.withUnsafeBufferPointer { start in
            other.withUnsafeBufferPointer { other in
                cost.withUnsafeBufferPointer { cost in
                    dist.withUnsafeMutableBufferPointer { dist in
                        while let (d, n) = heap.pop() {
                            let u = Int(n)
                            if d > dist[u] { continue } // a stale entry
                            for k in Int(start[u])..<Int(start[u + 1]) {
                                let v = Int(other[k])
                                let nd = d + cost[k]
                                if nd < dist[v] && nd <= limit {
                                    dist[v] = nd
                                    heap.push(nd, Int32(v))
                                }
                            }
                        }
                    }
                }
            }
        }
        return dist
    }
}

/// A binary min-heap of (seconds, node) with lazy deletion (stale entries are skipped by the caller).
struct MinHeap {
    private var keys: [Double] = []
    private var values: [Int32] = []

    var isEmpty: Bool { keys.isEmpty }

    mutating func push(_ key: Double, _ value: Int32) {
        keys.append(key)
        values.append(value)
        var i = keys.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            if keys[parent] <= key { break }
            keys[i] = keys[parent]
            values[i] = values[parent]
            i = parent
        }
        keys[i] = key
        values[i] = value
    }

    mutating func pop() -> (Double, Int32)? {
        guard let top = keys.first else { return nil }
        let topValue = values[0]
        let lastKey = keys.removeLast(), lastValue = values.removeLast()
        if !keys.isEmpty {
            var i = 0
            let n = keys.count
            while true {
                let l = 2 * i + 1
                if l >= n { break }
                let r = l + 1
                let c = r < n && keys[r] < keys[l] ? r : l
                if keys[c] >= lastKey { break }
                keys[i] = keys[c]
                values[i] = values[c]
                i = c
            }
            keys[i] = lastKey
            values[i] = lastValue
        }
        return (top, topValue)
    }
}
