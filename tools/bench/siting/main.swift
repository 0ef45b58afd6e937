// bench-siting: the quality benchmark of site-suggest's maximal covering solver (tools/bench/siting/README.md).
//
//   bench-siting OUTDIR     writes OUTDIR/instance-<seed>.json (three seeded instances of 2,000 demand points
//                           × 200 candidates with 10 existing facilities) and OUTDIR/swift-<seed>.json (the
//                           solver's picks for K = 5, 10, 20, greedy alone and with swaps, and their times)
//
// peers.py then solves the same instances exactly (pulp + CBC) from the coordinates, recomputing coverage
// itself, and prints the ratios. The instances are planar metres; coverage is a straight-line radius.
import Foundation
import QTAnalysis
import QTModel

struct Instance {
    var seed: UInt64
    var radius: Double
    var demand: [(x: Double, y: Double, w: Double)]
    var candidates: [(x: Double, y: Double)]
    var existing: [(x: Double, y: Double)]
}

/// Residents in 25 Gaussian clusters (70%) and spread evenly (30%) over a 20 × 20 km square; head-counts
/// from 20 to about 2,000 (a skewed, city-like distribution); candidates and existing sites uniform.
func generate(seed: UInt64, demand n: Int = 2000, candidates m: Int = 200, existing e: Int = 10) -> Instance {
    var g = SeededGenerator(seed: seed)
    let side = 20_000.0
    func gaussian() -> Double {  // Box–Muller
        let u = max(g.unit(), 1e-12), v = g.unit()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
    let centres = (0..<25).map { _ in (x: g.unit() * side, y: g.unit() * side, s: 400 + g.unit() * 1200) }
    var demand: [(x: Double, y: Double, w: Double)] = []
    while demand.count < n {
        var x: Double, y: Double
        if g.unit() < 0.7 {
            let c = centres[Int(g.unit() * Double(centres.count))]
            x = c.x + gaussian() * c.s
            y = c.y + gaussian() * c.s
        } else {
            x = g.unit() * side
            y = g.unit() * side
        }
        guard (0...side).contains(x), (0...side).contains(y) else { continue }
        let w = (20 * exp(g.unit() * log(100.0))).rounded()  // log-uniform 20…2,000
        demand.append((x, y, w))
    }
    let candidates = (0..<m).map { _ in (x: g.unit() * side, y: g.unit() * side) }
    let existing = (0..<e).map { _ in (x: g.unit() * side, y: g.unit() * side) }
    return Instance(seed: seed, radius: 1500, demand: demand, candidates: candidates, existing: existing)
}

/// The covering problem: demand within the radius of an existing site weighs nothing; each candidate
/// covers the demand within the radius (inclusive).
func problem(_ i: Instance) -> CoveringProblem {
    let r2 = i.radius * i.radius
    func within(_ a: (x: Double, y: Double), _ d: (x: Double, y: Double, w: Double)) -> Bool {
        (a.x - d.x) * (a.x - d.x) + (a.y - d.y) * (a.y - d.y) <= r2
    }
    let weights = i.demand.map { d in i.existing.contains { within($0, d) } ? 0 : d.w }
    let sets = i.candidates.map { c in i.demand.indices.filter { within(c, i.demand[$0]) }.map(Int32.init) }
    return CoveringProblem(weights: weights, sets: sets)
}

func number(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x) }

guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: bench-siting OUTDIR\n".utf8))
    exit(64)
}
let out = URL(fileURLWithPath: CommandLine.arguments[1])
try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
for seed: UInt64 in [1, 2, 3] {
    let instance = generate(seed: seed)
    let demandText = instance.demand.map { "[\(number($0.x)), \(number($0.y)), \(number($0.w))]" }.joined(separator: ",\n  ")
    let candidateText = instance.candidates.map { "[\(number($0.x)), \(number($0.y))]" }.joined(separator: ",\n  ")
    let existingText = instance.existing.map { "[\(number($0.x)), \(number($0.y))]" }.joined(separator: ", ")
    let json = "{\"seed\": \(seed), \"radius_m\": \(number(instance.radius)),\n \"existing\": [\(existingText)],\n"
        + " \"demand\": [\n  \(demandText)],\n \"candidates\": [\n  \(candidateText)]}\n"
    try Data(json.utf8).write(to: out.appendingPathComponent("instance-\(seed).json"))
    let p = problem(instance)
    var rows: [String] = []
    for k in [5, 10, 20] {
        let t0 = Date()
        let greedy = MaximalCovering.solve(p, count: k, improve: false)
        let t1 = Date()
        let improved = MaximalCovering.solve(p, count: k)
        let t2 = Date()
        rows.append("{\"k\": \(k), \"greedy_picks\": \(greedy.picks), \"greedy_covered\": \(number(greedy.covered)), "
            + "\"greedy_ms\": \(String(format: "%.3f", t1.timeIntervalSince(t0) * 1000)), \"evaluations\": \(greedy.evaluations), "
            + "\"picks\": \(improved.picks), \"covered\": \(number(improved.covered)), \"swaps\": \(improved.swaps), "
            + "\"ms\": \(String(format: "%.3f", t2.timeIntervalSince(t1) * 1000))}")
    }
    let solution = "{\"seed\": \(seed), \"weight_total\": \(number(p.weights.reduce(0, +))), \"runs\": [\n  \(rows.joined(separator: ",\n  "))]}\n"
    try Data(solution.utf8).write(to: out.appendingPathComponent("swift-\(seed).json"))
    print("instance \(seed): \(instance.demand.count) demand, \(instance.candidates.count) candidates, \(instance.existing.count) existing, radius \(number(instance.radius)) m")
}
