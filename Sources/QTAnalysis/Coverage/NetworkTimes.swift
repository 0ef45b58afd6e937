/// Travel times over a ``StreetGraph`` between the nearest of a set of sources (facilities joined to the
/// network) and any point of the network, for one direction of travel.
///
/// The pass: each source sits on an edge at an offset, with its access leg walked; its seeds are the two
/// end nodes of that edge (at the time along the partial edge, if the edge allows travel that way). One
/// multi-source Dijkstra then gives every node its time. A point on an edge takes the better of its two
/// end nodes plus the partial edge, or a source on the same edge directly. With `.toFacility` times run
/// from the point to the source (the pass is on the reversed graph); with `.fromFacility` from the source to
/// the point.
struct NetworkTimes: Sendable {
    let graph: StreetGraph
    let direction: TravelDirection
    /// Seconds at each node.
    let nodeTimes: [Double]
    /// Sources on each edge that has any: edge → [(offset, seconds of its access leg)].
    let sourcesOnEdge: [Int32: [(offset: Double, seconds: Double)]]

    /// Runs the pass. `walkSpeed` is metres per second for access legs; `limit` (seconds) stops it early.
    init(
        graph: StreetGraph, sources: [EdgePosition], direction: TravelDirection, walkSpeed: Double,
        limit: Double = .infinity
    ) {
        self.graph = graph
        self.direction = direction
        var seeds: [(node: Int32, seconds: Double)] = []
        var onEdge: [Int32: [(offset: Double, seconds: Double)]] = [:]
        for s in sources {
            let e = Int(s.edge), access = s.access / walkSpeed
            onEdge[s.edge, default: []].append((s.offset, access))
            let l = graph.length[e]
            switch direction {
            case .toFacility: // node → source: from the start node forward to the offset, from the end node back
                seeds.append((graph.from[e], access + graph.seconds(edge: e, from: 0, to: s.offset)))
                seeds.append((graph.to[e], access + graph.seconds(edge: e, from: l, to: s.offset)))
            case .fromFacility: // source → node
                seeds.append((graph.from[e], access + graph.seconds(edge: e, from: s.offset, to: 0)))
                seeds.append((graph.to[e], access + graph.seconds(edge: e, from: s.offset, to: l)))
            }
        }
        sourcesOnEdge = onEdge
        nodeTimes = ShortestPaths.times(
            graph, seeds: seeds.filter { $0.seconds.isFinite },
            reversed: direction == .toFacility, limit: limit)
    }

    /// Seconds between the nearest source and the point `offset` metres along edge `e` (access legs of the
    /// point not included).
    @inline(__always)
    func seconds(edge e: Int, offset: Double) -> Double {
        seconds(edge: e, offset: offset, here: sourcesOnEdge[Int32(e)])
    }

    /// ``seconds(edge:offset:)`` with the edge's own sources looked up once by the caller.
    @inline(__always)
    func seconds(edge e: Int, offset: Double, here: [(offset: Double, seconds: Double)]?) -> Double {
        let l = graph.length[e]
        var best: Double
        switch direction {
        case .toFacility:
            best = min(
                graph.seconds(edge: e, from: offset, to: l) + nodeTimes[Int(graph.to[e])],
                graph.seconds(edge: e, from: offset, to: 0) + nodeTimes[Int(graph.from[e])])
        case .fromFacility:
            best = min(
                nodeTimes[Int(graph.from[e])] + graph.seconds(edge: e, from: 0, to: offset),
                nodeTimes[Int(graph.to[e])] + graph.seconds(edge: e, from: l, to: offset))
        }
        if let here {
            for s in here {
                let along =
                    direction == .toFacility
                    ? graph.seconds(edge: e, from: offset, to: s.offset)
                    : graph.seconds(edge: e, from: s.offset, to: offset)
                best = min(best, along + s.seconds)
            }
        }
        return best
    }

    /// The least time over the stretch `[a, b]` of edge `e`. Time along an edge is the minimum of functions
    /// that are monotone in the offset (through either end node) and V-shaped around each source on the
    /// edge, so the minimum over a stretch is at one of its ends or at a source inside it.
    func leastSeconds(edge e: Int, from a: Double, to b: Double) -> Double {
        leastSeconds(edge: e, from: a, to: b, here: sourcesOnEdge[Int32(e)])
    }

    /// ``leastSeconds(edge:from:to:)`` with the edge's own sources looked up once by the caller.
    @inline(__always)
    func leastSeconds(edge e: Int, from a: Double, to b: Double, here: [(offset: Double, seconds: Double)]?) -> Double {
        var best = min(seconds(edge: e, offset: a, here: here), seconds(edge: e, offset: b, here: here))
        if let here {
            for s in here where s.offset > a && s.offset < b { best = min(best, seconds(edge: e, offset: s.offset, here: here)) }
        }
        return best
    }
}
