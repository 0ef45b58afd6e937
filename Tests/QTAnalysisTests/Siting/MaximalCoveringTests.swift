import Foundation
import QTModel
import Testing

@testable import QTAnalysis

/// The maximal covering solver against a textbook case and brute force over every subset.
@Suite struct MaximalCoveringTests {
    /// Demand 0…5 of weight 1. A covers 0–3, B covers 0, 1, 4 and C covers 2, 3, 5. Greedy takes A (4),
    /// then B or C adds 1: 5. The optimum for two sites is B + C: 6, which one swap (A → C) finds.
    static let textbook = CoveringProblem(weights: [1, 1, 1, 1, 1, 1], sets: [[0, 1, 2, 3], [0, 1, 4], [2, 3, 5]])

    @Test func swapsFixWhatGreedyMisses() {
        let greedy = MaximalCovering.solve(Self.textbook, count: 2, improve: false)
        #expect(greedy.picks == [0, 1] && greedy.covered == 5 && greedy.gains == [4, 1])
        let improved = MaximalCovering.solve(Self.textbook, count: 2)
        #expect(Set(improved.picks) == [1, 2] && improved.covered == 6 && improved.swaps == 1 && improved.greedyCovered == 5)
        // Report order: each pick adds the most to those before it (B and C tie at 3: the lower index first).
        #expect(improved.picks == [1, 2] && improved.gains == [3, 3])
    }

    @Test func stopsWhenNothingMoreCanBeCoveredOrTheTargetIsReached() {
        let problem = CoveringProblem(weights: [5, 0, 2], sets: [[0], [1], [0, 2], []])
        let all = MaximalCovering.solve(problem, count: 4)
        #expect(all.picks == [2] && all.covered == 7)
        let target = MaximalCovering.solve(CoveringProblem(weights: [5, 3, 2], sets: [[0], [1], [2], [1, 2]]), targetWeight: 8)
        #expect(target.picks == [0, 3] && target.covered == 10)
        let unreachable = MaximalCovering.solve(CoveringProblem(weights: [5, 3], sets: [[0]]), targetWeight: 8)
        #expect(unreachable.picks == [0] && unreachable.covered == 5)
        #expect(MaximalCovering.solve(CoveringProblem(weights: [], sets: []), count: 3).picks.isEmpty)
    }

    /// Plain greedy, written out without lazy evaluation: at every step, every candidate's gain.
    static func plainGreedy(_ p: CoveringProblem, count: Int) -> [Int] {
        var covered = [Bool](repeating: false, count: p.weights.count), picks: [Int] = []
        for _ in 0..<count {
            var best = -1, bestGain = 0.0
            for c in p.sets.indices where !picks.contains(c) {
                let g = p.sets[c].reduce(0.0) { covered[Int($1)] ? $0 : $0 + p.weights[Int($1)] }
                if g > bestGain { best = c; bestGain = g }
            }
            guard best >= 0 else { break }
            picks.append(best)
            for d in p.sets[best] { covered[Int(d)] = true }
        }
        return picks
    }

    /// The optimum by trying every subset of `count` candidates.
    static func bruteForce(_ p: CoveringProblem, count: Int) -> Double {
        var best = 0.0
        func walk(_ start: Int, _ chosen: [Int]) {
            if chosen.count == count || start == p.sets.count { best = max(best, p.objective(chosen)); if chosen.count == count { return } }
            guard start < p.sets.count else { return }
            for c in start..<p.sets.count { walk(c + 1, chosen + [c]) }
        }
        walk(0, [])
        return best
    }

    static func random(seed: UInt64, demand: Int, candidates: Int) -> CoveringProblem {
        var g = SeededGenerator(seed: seed)
        let weights = (0..<demand).map { _ in Double(1 + Int(g.unit() * 100)) }
        let sets = (0..<candidates).map { _ -> [Int32] in
            (0..<demand).filter { _ in g.unit() < 0.15 }.map(Int32.init)
        }
        return CoveringProblem(weights: weights, sets: sets)
    }

    @Test(arguments: 1...40)
    func lazyGreedyIsGreedyAndSwapsOnlyImprove(seed: Int) {
        let p = Self.random(seed: UInt64(seed), demand: 40, candidates: 12)
        let k = 1 + seed % 4
        let greedy = MaximalCovering.solve(p, count: k, improve: false)
        #expect(greedy.picks == Self.plainGreedy(p, count: k))
        let improved = MaximalCovering.solve(p, count: k)
        let optimum = Self.bruteForce(p, count: k)
        #expect(abs(improved.covered - p.objective(improved.picks)) < 1e-9)
        #expect(improved.covered >= greedy.covered - 1e-9 && improved.covered <= optimum + 1e-9)
        // Greedy's guarantee (Nemhauser, Wolsey and Fisher 1978): at least 1 − (1 − 1/k)^k of the optimum.
        let bound = 1 - pow(1 - 1 / Double(k), Double(k))
        #expect(greedy.covered >= bound * optimum - 1e-9)
        #expect(improved.picks.count == Set(improved.picks).count)
    }

    @Test func swapsReachTheOptimumOnMostSmallInstances() {
        var optimal = 0
        for seed in 1...40 {
            let p = Self.random(seed: UInt64(1000 + seed), demand: 40, candidates: 12)
            if MaximalCovering.solve(p, count: 3).covered >= Self.bruteForce(p, count: 3) - 1e-9 { optimal += 1 }
        }
        #expect(optimal >= 36, "optimal on \(optimal) of 40")
    }
}
