import QTGeometry
import QTModel
import Testing

@testable import QTAnalysis

/// Hand-made networks with answers worked out by hand. Coordinates are metres; walking at 3.6 km/h is
/// 1 m/s, so seconds equal metres walked.
@Suite struct NetworkTimesTests {
    static func edge(_ points: [(Double, Double)], forward: Double? = nil, backward: Double? = nil) -> StreetEdge {
        let cs = points.map { Coordinate(x: $0.0, y: $0.1) }
        var length = 0.0
        for i in 1..<cs.count { length += ((cs[i].x - cs[i - 1].x) * (cs[i].x - cs[i - 1].x) + (cs[i].y - cs[i - 1].y) * (cs[i].y - cs[i - 1].y)).squareRoot() }
        return StreetEdge(coordinates: cs, forwardSeconds: forward ?? length, backwardSeconds: backward ?? length)
    }

    /// A — B — C along y = 0: AB 100 m, BC 100 m.
    static let line = StreetGraph(edges: [edge([(0, 0), (100, 0)]), edge([(100, 0), (200, 0)])])

    @Test func partialEdgesAndAccessLegs() throws {
        let locator = EdgeLocator(graph: Self.line)
        // Facility 10 m north of x = 50 (edge AB), resident 5 m south of x = 180 (edge BC).
        let facility = try #require(locator.locate(x: 50, y: 10, maxDistance: 100))
        #expect(facility.edge == 0 && abs(facility.offset - 50) < 1e-9 && abs(facility.access - 10) < 1e-9)
        let resident = try #require(locator.locate(x: 180, y: -5, maxDistance: 100))
        #expect(resident.edge == 1 && abs(resident.offset - 80) < 1e-9)
        for direction in TravelDirection.allCases {
            let times = NetworkTimes(graph: Self.line, sources: [facility], direction: direction, walkSpeed: 1)
            // 10 (facility's access) + 50 (to B) + 80 (along BC) = 140; the resident's 5 m is added by the caller.
            #expect(abs(times.seconds(edge: 1, offset: resident.offset) - 140) < 1e-9)
            // Node times: B is 60 s away, A is 60 s (10 + 50 back), C 160 s.
            #expect(abs(times.nodeTimes[0] - 60) < 1e-9 && abs(times.nodeTimes[1] - 60) < 1e-9 && abs(times.nodeTimes[2] - 160) < 1e-9)
        }
    }

    @Test func sourceOnTheSameEdgeIsReachedDirectly() {
        // Resident at x = 40 and facility at x = 60 on AB: 20 m apart along the edge, not via A or B.
        let times = NetworkTimes(
            graph: Self.line, sources: [EdgePosition(edge: 0, offset: 60, access: 0)],
            direction: .toFacility, walkSpeed: 1)
        #expect(abs(times.seconds(edge: 0, offset: 40) - 20) < 1e-9)
        #expect(abs(times.seconds(edge: 1, offset: 30) - 70) < 1e-9)
        // The least time over a stretch containing the facility is its own 0.
        #expect(times.leastSeconds(edge: 0, from: 10, to: 90) == 0)
        #expect(abs(times.leastSeconds(edge: 1, from: 20, to: 70) - 60) < 1e-9)
    }

    /// A one-way street A → B (100 m at 10 m/s) and a two-way detour A — D — B (2 × 100 m at 10 m/s).
    static let oneWay = StreetGraph(edges: [
        edge([(0, 0), (100, 0)], forward: 10, backward: .infinity),
        edge([(0, 0), (50, 86.6025403784)], forward: 10, backward: 10),
        edge([(50, 86.6025403784), (100, 0)], forward: 10, backward: 10)
    ])

    @Test func oneWayStreetsDependOnWhoTravels() {
        // A station at A: its crew reaches B on the one-way street in 10 s.
        let fromA = NetworkTimes(
            graph: Self.oneWay, sources: [EdgePosition(edge: 0, offset: 0, access: 0)],
            direction: .fromFacility, walkSpeed: 1)
        #expect(abs(fromA.nodeTimes[1] - 10) < 1e-6)
        // A resident at B travelling to a facility at A cannot use it backwards: the detour, 20 s.
        let toA = NetworkTimes(
            graph: Self.oneWay, sources: [EdgePosition(edge: 0, offset: 0, access: 0)],
            direction: .toFacility, walkSpeed: 1)
        #expect(abs(toA.nodeTimes[1] - 20) < 1e-6)
        // Halfway along the one-way street: 5 s from A by the crew; 5 s to B then 20 s round to A for a resident.
        #expect(abs(fromA.seconds(edge: 0, offset: 50) - 5) < 1e-6)
        #expect(abs(toA.seconds(edge: 0, offset: 50) - 25) < 1e-6)
    }

    @Test func disconnectedPartsAreNeverReached() {
        let graph = StreetGraph(edges: [Self.edge([(0, 0), (100, 0)]), Self.edge([(500, 0), (600, 0)])])
        let times = NetworkTimes(
            graph: graph, sources: [EdgePosition(edge: 0, offset: 50, access: 0)],
            direction: .toFacility, walkSpeed: 1)
        #expect(times.seconds(edge: 1, offset: 50) == .infinity)
        #expect(times.seconds(edge: 0, offset: 0) == 50)
    }

    @Test func limitStopsThePassWithoutChangingNearerTimes() {
        let full = NetworkTimes(
            graph: Self.line, sources: [EdgePosition(edge: 0, offset: 0, access: 0)],
            direction: .toFacility, walkSpeed: 1)
        let limited = NetworkTimes(
            graph: Self.line, sources: [EdgePosition(edge: 0, offset: 0, access: 0)],
            direction: .toFacility, walkSpeed: 1, limit: 150)
        #expect(full.nodeTimes == [0, 100, 200])
        #expect(limited.nodeTimes == [0, 100, .infinity])
    }

    /// Multi-source Dijkstra against Bellman–Ford on random directed graphs.
    @Test func dijkstraMatchesBellmanFordOnRandomGraphs() {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<20 {
            let n = 30
            var edges: [StreetEdge] = []
            var points: [(Double, Double)] = (0..<n).map { _ in (rng.unit() * 1000, rng.unit() * 1000) }
            points = points.enumerated().map { i, p in (p.0 + Double(i) * 1e-3, p.1) } // distinct nodes
            var arcs: [(Int, Int, Double)] = []
            for _ in 0..<60 {
                let a = rng.int(n), b = rng.int(n)
                guard a != b else { continue }
                let f = 1 + rng.unit() * 100, back = rng.unit() < 0.3 ? Double.infinity : 1 + rng.unit() * 100
                edges.append(Self.edge([points[a], points[b]], forward: f, backward: back))
                arcs.append((a, b, f))
                if back.isFinite { arcs.append((b, a, back)) }
            }
            let graph = StreetGraph(edges: edges)
            // Node numbers follow first appearance; map ours.
            var index: [Int: Int32] = [:]
            for e in 0..<graph.edgeCount {
                let a = points.firstIndex { $0.0 == graph.vx[Int(graph.vertexStart[e])] }!
                let b = points.firstIndex { $0.0 == graph.vx[Int(graph.vertexStart[e + 1]) - 1] }!
                index[a] = graph.from[e]
                index[b] = graph.to[e]
            }
            let seeds = Array(index.keys.sorted().prefix(3))
            for reversed in [false, true] {
                let got = ShortestPaths.times(graph, seeds: seeds.map { (index[$0]!, 0) }, reversed: reversed)
                var dist = [Double](repeating: .infinity, count: n)
                for s in seeds { dist[s] = 0 }
                for _ in 0..<n {
                    for (a, b, w) in arcs {
                        let (u, v) = reversed ? (b, a) : (a, b)
                        if dist[u] + w < dist[v] { dist[v] = dist[u] + w }
                    }
                }
                for (original, node) in index {
                    #expect(abs(got[Int(node)] - dist[original]) < 1e-9 || got[Int(node)] == dist[original])
                }
            }
        }
    }
}

extension SeededGenerator {
    /// A whole number in 0..<n.
    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
