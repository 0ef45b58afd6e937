// bench-coverage: the coverage engine (QTAnalysis/Coverage) timed on seeded synthetic data, with the exact
// inputs written for the Python peers (peers.py: shapely, GeoPandas, networkx, pandana). Driven by run.sh;
// see README.md.
//
//   bench-coverage [--out DIR] [--case radius,network,scale,parallel] [--repeat N] [--area-types T,T]
//
// Every case writes its inputs as raw little-endian arrays (`*.f64` Float64, `*.i32` Int32) under
// DIR/<case>/ and its figures as DIR/swift-<case>.json.
import Foundation
import QTAnalysis
import QTGeometry
import QTModel
import QTPlan
import QTProjection

// MARK: Arguments and helpers

var outDir = "tools/bench/coverage/build"
var cases = ["radius", "network", "scale"]
var repeats = 5
var areaTypes = ["community_health_centre", "bus_stop", "community_health_centre@60"]
do {
    var args = CommandLine.arguments.dropFirst().makeIterator()
    while let arg = args.next() {
        switch arg {
        case "--out": outDir = args.next() ?? outDir
        case "--case": cases = (args.next() ?? "").split(separator: ",").map(String.init)
        case "--repeat": repeats = max(1, Int(args.next() ?? "") ?? repeats)
        case "--area-types": areaTypes = (args.next() ?? "").split(separator: ",").map(String.init)
        default:
            FileHandle.standardError.write(Data("bench-coverage: unknown argument \(arg)\n".utf8))
            exit(64)
        }
    }
}

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

/// Runs `body` once and returns its value and its wall time in seconds.
func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = now()
    let value = try body()
    return (value, Double(now() - start) / 1e9)
}

@MainActor func timedAsync<T>(_ body: () async throws -> T) async rethrows -> (T, Double) {
    let start = now()
    let value = try await body()
    return (value, Double(now() - start) / 1e9)
}

/// User + system CPU seconds of the whole process so far (all threads).
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// The 1-minute load average (other work on the machine), as text.
func loadAverage() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

func say(_ s: String) {
    print(s)
    fflush(nil)
}

func f3(_ x: Double) -> String { String(format: "%.3f", x) }

func write<T>(_ array: [T], _ path: String) throws {
    try array.withUnsafeBytes { try Data($0).write(to: URL(fileURLWithPath: path)) }
}

func writeJSON(_ object: [String: Any], _ path: String) throws {
    let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
    try data.write(to: URL(fileURLWithPath: path))
}

func makeDirectory(_ path: String) throws {
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
}

/// Peak resident set size so far (Linux: VmHWM of /proc/self/status), MB.
func peakRSSMegabytes() -> Double {
    guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return .nan }
    for line in s.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kb = Double(line.split(separator: " ").dropFirst().first ?? "") ?? .nan
        return kb / 1024
    }
    return .nan
}

// MARK: Synthetic data

/// Centre of every generated box, in CGCS2000 / 3-degree Gauss–Krüger CM 120E (EPSG:4549) metres.
let centreX = 500_000.0, centreY = 3_350_000.0
/// Walking speed, km/h (the standards file's default) and in m/s, as `CoverageOptions.walkSpeed` computes it.
let walkKmh = 4.5
let walkSpeed = walkKmh / 3.6

/// `side` × `side` resident cells over a square of `extent` metres: one point per cell jittered by up to
/// ±30 % of the cell, a head-count drawn uniformly from 0…188 (rounded; mean 94), and 10 sub-districts as
/// north–south strips. All urban.
func residentCells(side: Int, extent: Double, seed: UInt64) -> DemandSet {
    var rng = SeededGenerator(seed: seed)
    let s = extent / Double(side), x0 = centreX - extent / 2, y0 = centreY - extent / 2
    let n = side * side
    var xs = [Double](), ys = [Double](), pop = [Double](), sub = [Int32]()
    xs.reserveCapacity(n); ys.reserveCapacity(n); pop.reserveCapacity(n); sub.reserveCapacity(n)
    for j in 0..<side {
        for i in 0..<side {
            xs.append(x0 + (Double(i) + 0.5 + 0.6 * (rng.unit() - 0.5)) * s)
            ys.append(y0 + (Double(j) + 0.5 + 0.6 * (rng.unit() - 0.5)) * s)
            pop.append((rng.unit() * 188).rounded())
            sub.append(Int32(i * 10 / side))
        }
    }
    let names = (0..<10).map { "s\($0)" }
    return DemandSet(ids: (0..<n).map { "c\($0)" }, xs: xs, ys: ys, population: pop, subdistrict: sub,
                     urban: [Bool](repeating: true, count: n), subdistricts: names, subdistrictNames: names,
                     featureIndex: Array(0..<n))
}

/// Uniform random points in the square of `extent` metres.
func uniformPoints(_ count: Int, extent: Double, seed: UInt64) -> (xs: [Double], ys: [Double]) {
    var rng = SeededGenerator(seed: seed)
    var xs = [Double](), ys = [Double]()
    for _ in 0..<count {
        xs.append(centreX - extent / 2 + rng.unit() * extent)
        ys.append(centreY - extent / 2 + rng.unit() * extent)
    }
    return (xs, ys)
}

/// A jittered grid network: `side` × `side` nodes `extent / side` apart, each moved by up to ±20 % of the
/// spacing; each horizontal and vertical link kept with probability 0.95; one diagonal in 11 % of the
/// cells; a share `bends` of the edges get a middle vertex off the straight line (up to ±10 % of the
/// spacing). Walkable both ways at `walkKmh`.
struct GridNetwork {
    var nodeX: [Double] = [], nodeY: [Double] = []
    var from: [Int32] = [], to: [Int32] = []
    var length: [Double] = [], seconds: [Double] = []
    var edges: [StreetEdge] = []
    var degree: [Int32] = []
}

func gridNetwork(side: Int, extent: Double, seed: UInt64, bends: Double) -> GridNetwork {
    var rng = SeededGenerator(seed: seed)
    let s = extent / Double(side), x0 = centreX - extent / 2 + s / 2, y0 = centreY - extent / 2 + s / 2
    var g = GridNetwork()
    g.nodeX.reserveCapacity(side * side); g.nodeY.reserveCapacity(side * side)
    for j in 0..<side {
        for i in 0..<side {
            g.nodeX.append(x0 + (Double(i) + 0.4 * (rng.unit() - 0.5)) * s)
            g.nodeY.append(y0 + (Double(j) + 0.4 * (rng.unit() - 0.5)) * s)
        }
    }
    g.degree = [Int32](repeating: 0, count: side * side)
    func link(_ a: Int, _ b: Int) {
        var cs = [Coordinate(x: g.nodeX[a], y: g.nodeY[a])]
        if bends > 0, rng.unit() < bends {
            let mx = (g.nodeX[a] + g.nodeX[b]) / 2, my = (g.nodeY[a] + g.nodeY[b]) / 2
            let dx = g.nodeX[b] - g.nodeX[a], dy = g.nodeY[b] - g.nodeY[a]
            let l = (dx * dx + dy * dy).squareRoot(), k = 0.2 * (rng.unit() - 0.5) * s / l
            cs.append(Coordinate(x: mx - dy * k, y: my + dx * k))
        }
        cs.append(Coordinate(x: g.nodeX[b], y: g.nodeY[b]))
        var total = 0.0  // as StreetGraph measures it
        for i in 1..<cs.count {
            let dx = cs[i].x - cs[i - 1].x, dy = cs[i].y - cs[i - 1].y
            total += (dx * dx + dy * dy).squareRoot()
        }
        let t = total / walkSpeed
        g.from.append(Int32(a)); g.to.append(Int32(b)); g.length.append(total); g.seconds.append(t)
        g.edges.append(StreetEdge(coordinates: cs, forwardSeconds: t, backwardSeconds: t))
        g.degree[a] += 1; g.degree[b] += 1
    }
    for j in 0..<side {
        for i in 0..<side {
            let n = j * side + i
            if i + 1 < side, rng.unit() < 0.95 { link(n, n + 1) }
            if j + 1 < side, rng.unit() < 0.95 { link(n, n + side) }
            if i + 1 < side, j + 1 < side, rng.unit() < 0.11 {
                if rng.unit() < 0.5 { link(n, n + side + 1) } else { link(n + 1, n + side) }
            }
        }
    }
    return g
}

let metricCRS = CRS.cgcs2000GK120
let options = CoverageOptions(walkSpeedKmh: walkKmh)

// MARK: Radius case

/// 850,084 resident cells (922²) and 25,000 facilities over 230 × 230 km (52,900 km², 100× Qiantang), 1,000 m.
@MainActor func radiusCase() throws {
    let dir = outDir + "/radius"
    try makeDirectory(dir)
    let extent = 230_000.0
    let (demand, tGen) = timed { residentCells(side: 922, extent: extent, seed: 20_261_201) }
    let fac = uniformPoints(25_000, extent: extent, seed: 20_261_202)
    try write(demand.xs, dir + "/res_x.f64"); try write(demand.ys, dir + "/res_y.f64")
    try write(demand.population, dir + "/res_pop.f64")
    try write(fac.xs, dir + "/fac_x.f64"); try write(fac.ys, dir + "/fac_y.f64")
    say("radius: generated \(demand.count) resident cells (\(Int(demand.population.reduce(0, +))) residents), "
        + "\(fac.xs.count) facilities over \(Int(extent / 1000))×\(Int(extent / 1000)) km in \(f3(tGen)) s; inputs in \(dir)")
    let selector = SupplySelector(type: "facility")
    let supply = SupplySet(ids: fac.xs.indices.map { "f\($0)" }, names: fac.xs.indices.map { "f\($0)" }, xs: fac.xs, ys: fac.ys)
    let inputs = CoverageInputs(demand: demand, supplies: [selector: supply], networks: [:], metricCRS: metricCRS, options: options)
    let service = CoverageService(label: "radius-1000", supply: selector, minutes: 15, distance: 1000, mode: .radius)
    var times: [Double] = []
    var result: CoverageResult?
    for _ in 0..<repeats {
        let (r, t) = try timed { try Coverage.measure(service, in: inputs) }
        times.append(t)
        result = r
    }
    let r = result!
    let cells = r.covered.reduce(0) { $0 + ($1 ? 1 : 0) }
    say("radius ours: Coverage.measure (grid index of facilities + nearest within 1,000 m per cell + totals): "
        + "median \(f3(median(times))) s of \(repeats) [\(times.map(f3).joined(separator: " "))]; "
        + "covered \(cells) cells, \(Int(r.total.covered)) of \(Int(r.total.population)) residents, share \(String(format: "%.6f", r.total.share))")
    try writeJSON([
        "cells": demand.count, "facilities": fac.xs.count, "distance_m": 1000, "extent_m": extent,
        "seconds_median": median(times), "seconds": times, "covered_cells": cells,
        "covered_population": r.total.covered, "population": r.total.population,
    ], outDir + "/swift-radius.json")
}

// MARK: Network case

/// A 300 × 300 jittered grid (90,000 nodes, ~180,000 edges, 100 m spacing, 30 × 30 km) and 2,500 random
/// facilities joined at the nearest point of the nearest edge; residents are the nodes themselves (those
/// with an edge), so each resident's time is its node's time, the same output networkx gives.
@MainActor func networkCase() async throws {
    let dir = outDir + "/network"
    try makeDirectory(dir)
    let side = 300, extent = 30_000.0
    let (g, tGen) = timed { gridNetwork(side: side, extent: extent, seed: 20_261_203, bends: 0) }
    let residentNodes = (0..<(side * side)).filter { g.degree[$0] > 0 }
    var rng = SeededGenerator(seed: 20_261_204)
    let demand = DemandSet(ids: residentNodes.map { "n\($0)" }, xs: residentNodes.map { g.nodeX[$0] },
                           ys: residentNodes.map { g.nodeY[$0] },
                           population: residentNodes.map { _ in (rng.unit() * 188).rounded() },
                           subdistrict: [Int32](repeating: 0, count: residentNodes.count),
                           urban: [Bool](repeating: true, count: residentNodes.count), subdistricts: ["all"],
                           subdistrictNames: ["all"], featureIndex: Array(residentNodes.indices))
    let src = uniformPoints(2_500, extent: extent, seed: 20_261_205)
    let (graph, tGraph) = timed { StreetGraph(edges: g.edges) }
    precondition(graph.edgeCount == g.edges.count, "every generated edge is kept (edge ids match the files)")
    let (prepared, tPrep) = timed { PreparedNetwork(graph: graph, demand: demand, maximumAccess: options.maximumAccess) }
    // Where each source joins the network, exactly as the pass joins it (written for the peers).
    var joins: [EdgePosition?] = []
    var tLocate: [Double] = []
    for _ in 0..<repeats {
        let (j, t) = timed { src.xs.indices.map { prepared.locate(x: src.xs[$0], y: src.ys[$0], maximumAccess: options.maximumAccess) } }
        joins = j
        tLocate.append(t)
    }
    precondition(joins.allSatisfy { $0 != nil }, "every source joins the network")
    try write(g.nodeX, dir + "/node_x.f64"); try write(g.nodeY, dir + "/node_y.f64")
    try write(g.from, dir + "/edge_from.i32"); try write(g.to, dir + "/edge_to.i32")
    try write(g.length, dir + "/edge_length.f64"); try write(g.seconds, dir + "/edge_seconds.f64")
    try write(src.xs, dir + "/src_x.f64"); try write(src.ys, dir + "/src_y.f64")
    try write(joins.map { $0!.edge }, dir + "/src_edge.i32")
    try write(joins.map { $0!.offset }, dir + "/src_offset.f64")
    try write(joins.map { $0!.access }, dir + "/src_access.f64")
    try write(residentNodes.map { Int32($0) }, dir + "/res_node.i32")
    say("network: generated \(side * side) nodes (\(residentNodes.count) with an edge), \(g.edges.count) edges, "
        + "\(src.xs.count) sources over \(Int(extent / 1000))×\(Int(extent / 1000)) km in \(f3(tGen)) s; inputs in \(dir)")
    say("network ours, once per network: StreetGraph \(f3(tGraph)) s, PreparedNetwork (edge index + joining "
        + "\(demand.count) residents) \(f3(tPrep)) s")

    let selector = SupplySelector(type: "facility")
    let supply = SupplySet(ids: src.xs.indices.map { "f\($0)" }, names: src.xs.indices.map { "f\($0)" }, xs: src.xs, ys: src.ys)
    let inputs = CoverageInputs(demand: demand, supplies: [selector: supply], networks: [.walk: prepared],
                                metricCRS: metricCRS, options: options)
    // The same pass with no residents: joining the sources + the Dijkstra, nothing per resident.
    let empty = DemandSet(ids: [], xs: [], ys: [], population: [], subdistrict: [], urban: [], subdistricts: ["all"],
                          subdistrictNames: ["all"], featureIndex: [])
    let emptyInputs = CoverageInputs(demand: empty, supplies: [selector: supply],
                                     networks: [.walk: PreparedNetwork(graph: graph, demand: empty, maximumAccess: options.maximumAccess)],
                                     metricCRS: metricCRS, options: options)
    var figures: [String: Any] = [
        "nodes": side * side, "edges": g.edges.count, "residents": demand.count, "sources": src.xs.count,
        "graph_seconds": tGraph, "prepare_seconds": tPrep, "locate_sources_seconds_median": median(tLocate),
    ]
    say("network ours: joining the \(src.xs.count) sources alone (PreparedNetwork.locate): median \(f3(median(tLocate))) s")
    for (name, minutes) in [("15min", 15.0), ("nolimit", 1e9)] {
        let service = CoverageService(label: "walk-\(name)", supply: selector, minutes: minutes, distance: 1000, mode: .walk)
        var times: [Double] = [], emptyTimes: [Double] = []
        var result: CoverageResult?
        for _ in 0..<repeats {
            let (r, t) = try timed { try Coverage.measure(service, in: inputs) }
            times.append(t)
            result = r
            emptyTimes.append(try timed { try Coverage.measure(service, in: emptyInputs) }.1)
        }
        let r = result!
        try write(r.reach, dir + "/swift_reach_\(name).f64")
        let reached = r.reach.reduce(0) { $0 + ($1 <= service.minutes * 60 ? 1 : 0) }
        let dijkstra = max(0, median(emptyTimes) - median(tLocate))
        say("network ours \(name): Coverage.measure (join sources + multi-source Dijkstra + a time per resident + totals): "
            + "median \(f3(median(times))) s [\(times.map(f3).joined(separator: " "))]; with no residents \(f3(median(emptyTimes))) s, "
            + "so Dijkstra ≈ \(f3(dijkstra)) s; \(reached) residents reached, share \(String(format: "%.6f", r.total.share))")
        figures[name] = ["seconds_median": median(times), "seconds": times, "no_residents_seconds_median": median(emptyTimes),
                         "dijkstra_seconds_estimate": dijkstra, "reached": reached, "share": r.total.share,
                         "cutoff_seconds": minutes * 60]
    }
    try writeJSON(figures, outDir + "/swift-network.json")
}

// MARK: Scale case

/// 100× the district: the radius case's 850,084 cells, 25,000 facilities of 12 types, a 705 × 705 jittered
/// grid network (~1 million edges, 30 % with a bend) over 230 × 230 km, and the 14 services of the
/// gb50180 profile, all walked (fire stations from the station to the resident).
@MainActor func scaleCase() async throws {
    let extent = 230_000.0
    let (demand, tDemand) = timed { residentCells(side: 922, extent: extent, seed: 20_261_201) }
    let (g, tGen) = timed { gridNetwork(side: 705, extent: extent, seed: 20_261_206, bends: 0.3) }
    // Facilities: 25,000 with types drawn from this mix (sports grounds by size class).
    let mix: [(String, Int)] = [
        ("bus_stop", 9_000), ("kindergarten", 2_600), ("childcare", 1_600), ("elderly_daycare", 2_000),
        ("sports_ground:large", 300), ("sports_ground:medium", 900), ("sports_ground:small", 1_800),
        ("primary_school", 1_600), ("middle_school", 800), ("community_health_centre", 600),
        ("culture_facility", 1_000), ("wet_market", 2_000), ("fire_station", 300), ("metro_station", 500),
    ]
    let all = uniformPoints(25_000, extent: extent, seed: 20_261_207)
    var kinds: [String] = []
    for (k, n) in mix { kinds += [String](repeating: k, count: n) }
    var rng = SeededGenerator(seed: 20_261_208)
    kinds.shuffle(using: &rng)
    let rules: [(label: String, type: String, sizes: [String]?, minutes: Double, distance: Double, direction: TravelDirection)] = [
        ("middle_school", "middle_school", nil, 15, 1000, .toFacility),
        ("community_health_centre", "community_health_centre", nil, 15, 1000, .toFacility),
        ("sports_ground_large", "sports_ground", ["large"], 15, 1000, .toFacility),
        ("culture_facility", "culture_facility", nil, 15, 1000, .toFacility),
        ("primary_school", "primary_school", nil, 10, 500, .toFacility),
        ("wet_market", "wet_market", nil, 10, 500, .toFacility),
        ("sports_ground_medium", "sports_ground", ["large", "medium"], 10, 500, .toFacility),
        ("kindergarten", "kindergarten", nil, 5, 300, .toFacility),
        ("childcare", "childcare", nil, 5, 300, .toFacility),
        ("elderly_daycare", "elderly_daycare", nil, 5, 300, .toFacility),
        ("sports_ground_small", "sports_ground", ["large", "medium", "small"], 5, 300, .toFacility),
        ("fire_station", "fire_station", nil, 5, 300, .fromFacility),
        ("metro_station", "metro_station", nil, 10, 800, .toFacility),
        ("bus_stop", "bus_stop", nil, 5, 300, .toFacility),
    ]
    var supplies: [SupplySelector: SupplySet] = [:]
    var services: [CoverageService] = []
    for rule in rules {
        let selector = SupplySelector(type: rule.type, sizeClasses: rule.sizes)
        let members = kinds.indices.filter { k in
            let parts = kinds[k].split(separator: ":").map(String.init)
            return parts[0] == rule.type && (rule.sizes == nil || rule.sizes!.contains(parts.count > 1 ? parts[1] : ""))
        }
        supplies[selector] = SupplySet(ids: members.map { "f\($0)" }, names: members.map { kinds[$0] },
                                       xs: members.map { all.xs[$0] }, ys: members.map { all.ys[$0] })
        services.append(CoverageService(label: rule.label, supply: selector, minutes: rule.minutes, distance: rule.distance,
                                        mode: .walk, direction: rule.direction))
    }
    say("scale: generated \(demand.count) resident cells (\(Int(demand.population.reduce(0, +))) residents) in \(f3(tDemand)) s, "
        + "\(g.nodeX.count) nodes / \(g.edges.count) edges in \(f3(tGen)) s, \(all.xs.count) facilities, \(services.count) services "
        + "(peak RSS so far \(Int(peakRSSMegabytes())) MB)")
    let (graph, tGraph) = timed { StreetGraph(edges: g.edges) }
    let (prepared, tPrep) = timed { PreparedNetwork(graph: graph, demand: demand, maximumAccess: options.maximumAccess) }
    say("scale ours, once: StreetGraph \(f3(tGraph)) s (\(graph.nodeCount) nodes, \(graph.edgeCount) edges); "
        + "PreparedNetwork (edge index + joining \(demand.count) cells) \(f3(tPrep)) s")
    let inputs = CoverageInputs(demand: demand, supplies: supplies, networks: [.walk: prepared], metricCRS: metricCRS, options: options)
    // The same 14 services at 60 minutes: a stress variant where most of the network is reached (the
    // shortest-path passes then visit nearly every node, and the areas span the whole box).
    let stress = services.map { s -> CoverageService in
        var t = s
        t.label += "@60"
        t.minutes = 60
        return t
    }
    var shareFigures: [String: Any] = [:]
    var perService: [[String: Any]] = []
    var resultsByLabel: [String: CoverageResult] = [:]
    var secondsByLabel: [String: Double] = [:]
    for (variant, list) in [("standard", services), ("stress60", stress)] {
        var times: [Double] = []
        var results: [CoverageResult] = []
        for _ in 0..<min(repeats, 3) {
            let (r, t) = try await timedAsync { try await Coverage.measure(list, in: inputs) }
            times.append(t)
            results = r
        }
        let covered = results.map(\.total.share)
        say("scale ours \(variant): shares of all \(list.count) services (Coverage.measure, parallel): median \(f3(median(times))) s "
            + "[\(times.map(f3).joined(separator: " "))]; with StreetGraph + PreparedNetwork: \(f3(median(times) + tGraph + tPrep)) s; "
            + "mean share \(String(format: "%.3f", covered.reduce(0, +) / Double(covered.count)))")
        shareFigures[variant] = ["seconds_median": median(times), "seconds": times,
                                 "mean_share": covered.reduce(0, +) / Double(covered.count)]
        for (k, s) in list.enumerated() {
            let (_, t) = try timed { try Coverage.measure(s, in: inputs) }
            let r = results[k]
            resultsByLabel[s.label] = r
            secondsByLabel[s.label] = t
            say("  \(s.label.padding(toLength: 27, withPad: " ", startingAt: 0)) \(Int(s.minutes)) min, \(r.facilities) facilities: "
                + "\(f3(t)) s alone, share \(String(format: "%.4f", r.total.share))")
            perService.append(["label": s.label, "minutes": s.minutes, "facilities": r.facilities, "seconds": t, "share": r.total.share])
        }
    }
    for (variant, list) in [("standard", services), ("stress60", stress)] {
        let alone = list.reduce(0) { $0 + (secondsByLabel[$1.label] ?? 0) }
        let parallel = (shareFigures[variant] as? [String: Any])?["seconds_median"] as? Double ?? 0
        say("scale ours \(variant): the \(list.count) services one after another \(f3(alone)) s, in parallel tasks "
            + "\(f3(parallel)) s: speed-up \(String(format: "%.2f", parallel > 0 ? alone / parallel : 0))× on "
            + "\(ProcessInfo.processInfo.activeProcessorCount) cores")
        if var figures = shareFigures[variant] as? [String: Any] {
            figures["sequential_seconds"] = alone
            shareFigures[variant] = figures
        }
    }
    var areaFigures: [[String: Any]] = []
    for label in areaTypes {
        guard let service = (services + stress).first(where: { $0.label == label }), let result = resultsByLabel[label] else {
            say("scale: no service \(label)"); continue
        }
        let (features, tAreas) = try timed { try ServiceAreas.areas(service, in: inputs, dissolve: true) }
        let (gapCells, tGaps) = timed { result.covered.reduce(0) { $0 + ($1 ? 0 : 1) } }
        let gapPeople = result.total.population - result.total.covered
        let km2 = features.compactMap { $0.properties["area_km2"]?.doubleValue }.reduce(0, +)
        var vertices = 0
        func count(_ g: Geometry?) -> Int {
            switch g {
            case .polygon(let p)?: return p.rings.reduce(0) { $0 + $1.count }
            case .multiPolygon(let m)?: return m.polygons.reduce(0) { $0 + $1.rings.reduce(0) { $0 + $1.count } }
            default: return 0
            }
        }
        for f in features { vertices += count(f.geometry) }
        let pass = secondsByLabel[label] ?? 0
        say("scale ours: dissolved areas of \(label) (\(Int(service.minutes)) min, \(result.facilities) facilities, share "
            + "\(String(format: "%.4f", result.total.share))): ServiceAreas.areas \(f3(tAreas)) s → \(features.count) feature(s), "
            + "\(String(format: "%.1f", km2)) km², \(vertices) vertices; gaps \(gapCells) cells / \(Int(gapPeople)) residents counted in "
            + "\(f3(tGaps)) s; with its share pass: \(f3(tAreas + tGaps + pass)) s (peak RSS so far \(Int(peakRSSMegabytes())) MB)")
        areaFigures.append(["type": label, "seconds": tAreas, "gap_cells": gapCells, "gap_population": gapPeople,
                            "area_km2": km2, "vertices": vertices, "features": features.count, "share_seconds": pass])
    }
    let peak = peakRSSMegabytes()
    say("scale: peak RSS \(Int(peak)) MB (VmHWM; the run's /usr/bin/time -v figure is in build/scale-time.txt)")
    try writeJSON([
        "cells": demand.count, "population": demand.population.reduce(0, +), "nodes": graph.nodeCount,
        "edges": graph.edgeCount, "facilities": all.xs.count, "services": services.count,
        "graph_seconds": tGraph, "prepare_seconds": tPrep, "shares": shareFigures,
        "per_service": perService, "areas": areaFigures, "peak_rss_mb": peak,
    ], outDir + "/swift-scale.json")
}

// MARK: Parallel case

/// The bundled district (geodata/qiantang, from the repository root): every rule of gb50180 in its own mode,
/// the shares and the dissolved service areas, one service after another and in parallel tasks (one per
/// core, each area task with its own GEOS context and PROJ transformer), median of `repeats`.
@MainActor func parallelCase() async throws {
    let district = try DistrictLoader().load(directory: "geodata/qiantang").district
    let standards = try StandardsFiles.lifeCircles(path: "geodata/standards/life-circles.json")
    let profile = try standards.profile("gb50180")
    let services = profile.rules.map { profile.service($0) }
    let options = CoverageOptions(walkSpeedKmh: standards.walkSpeedKmh, accessDistance: standards.accessDistance)
    let (inputs, tPrepare) = try timed { try Coverage.prepare(district, services: services, standards: standards, options: options) }
    say("parallel: bundled district, \(services.count) services, Coverage.prepare \(f3(tPrepare)) s")
    var figures: [String: Any] = ["prepare_seconds": tPrepare]
    for (name, one, all) in [
        ("shares",
         { (s: CoverageService) throws -> Int in _ = try Coverage.measure(s, in: inputs); return 1 },
         { () async throws -> Int in try await Coverage.measure(services, in: inputs).count }),
        ("dissolved areas",
         { (s: CoverageService) throws -> Int in try ServiceAreas.areas(s, in: inputs, dissolve: true).count },
         { () async throws -> Int in
             try await Coverage.parallelMap(services) { try ServiceAreas.areas($0, in: inputs, dissolve: true) }.count }),
    ] as [(String, (CoverageService) throws -> Int, () async throws -> Int)] {
        var sequential: [Double] = [], parallel: [Double] = []
        var sequentialCPU: [Double] = [], parallelCPU: [Double] = []
        for _ in 0..<repeats {
            let c1 = cpuSeconds()
            let (_, t1) = try timed { try services.reduce(0) { $0 + (try one($1)) } }
            sequential.append(t1)
            sequentialCPU.append(cpuSeconds() - c1)
            let c2 = cpuSeconds()
            let (_, t2) = try await timedAsync { try await all() }
            parallel.append(t2)
            parallelCPU.append(cpuSeconds() - c2)
        }
        let (a, b) = (median(sequential), median(parallel))
        let (ca, cb) = (median(sequentialCPU), median(parallelCPU))
        say("parallel: \(name) of \(services.count) services: one after another median \(f3(a)) s "
            + "[\(sequential.map(f3).joined(separator: " "))], in parallel tasks median \(f3(b)) s "
            + "[\(parallel.map(f3).joined(separator: " "))]: speed-up \(String(format: "%.2f", a / b))× on "
            + "\(ProcessInfo.processInfo.activeProcessorCount) cores; CPU time (user + system of the process) "
            + "\(f3(ca)) s and \(f3(cb)) s: \(String(format: "%.2f", ca / a)) and \(String(format: "%.2f", cb / b)) cores busy "
            + "on average; load average \(loadAverage())")
        figures[name == "shares" ? "shares" : "areas"] = ["sequential_seconds": a, "parallel_seconds": b, "speedup": a / b,
                                                          "sequential": sequential, "parallel": parallel,
                                                          "sequential_cpu_seconds": ca, "parallel_cpu_seconds": cb]
    }
    try writeJSON(figures, outDir + "/swift-parallel.json")
}

// MARK: Main

try makeDirectory(outDir)
say("bench-coverage: \(ProcessInfo.processInfo.activeProcessorCount) cores, repeat \(repeats), cases \(cases.joined(separator: ","))")
for c in cases {
    switch c {
    case "radius": try radiusCase()
    case "network": try await networkCase()
    case "scale": try await scaleCase()
    case "parallel": try await parallelCase()
    default:
        FileHandle.standardError.write(Data("bench-coverage: unknown case \(c)\n".utf8))
        exit(64)
    }
}
