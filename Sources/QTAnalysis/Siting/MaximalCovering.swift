/// A maximal covering location problem (Church & ReVelle 1974): demand points with weights (residents not
/// yet covered), candidate sites with the demand points each would cover; choose sites that cover the most
/// weight.
public struct CoveringProblem: Hashable, Sendable {
    /// Weight of each demand point (0 for demand already covered).
    public var weights: [Double]
    /// For each candidate, the demand points it covers (indices into ``weights``, ascending, no repeats).
    public var sets: [[Int32]]

    /// Creates a problem.
    public init(weights: [Double], sets: [[Int32]]) {
        self.weights = weights
        self.sets = sets
    }

    /// The weight covered by a set of candidates (each demand point once).
    public func objective(_ picks: [Int]) -> Double {
        var seen = [Bool](repeating: false, count: weights.count)
        var total = 0.0
        for c in picks {
            for d in sets[c] where !seen[Int(d)] {
                seen[Int(d)] = true
                total += weights[Int(d)]
            }
        }
        return total
    }
}

/// A solution: the chosen candidates in the order they are reported, each with its marginal gain over
/// those before it.
public struct CoveringSolution: Hashable, Sendable {
    /// Chosen candidates (indices into the problem's sets), in report order: each is the one of the rest
    /// that adds the most weight to those before it.
    public var picks: [Int]
    /// The weight each pick adds to the picks before it; they sum to ``covered``.
    public var gains: [Double]
    /// The weight covered.
    public var covered: Double
    /// The weight the greedy picks covered before any swap.
    public var greedyCovered: Double
    /// Improving swaps made after the greedy pass.
    public var swaps: Int
    /// Marginal gains computed by the greedy pass (lazy evaluation computes far fewer than count × candidates).
    public var evaluations: Int
}

/// Solves maximal covering by the greedy algorithm with lazy evaluation, then improves it by swaps.
///
/// Greedy: pick, again and again, the candidate that adds the most uncovered weight (ties: the lower
/// index). Gains only shrink as picks are made (the objective is submodular), so a candidate's last computed
/// gain is an upper bound: candidates wait in a max-heap of bounds and only the top is recomputed; it is
/// picked when its fresh gain still beats the next bound (Minoux's accelerated greedy). Greedy alone is
/// within 1 − 1/e of the optimum in the worst case and usually within a few per cent.
///
/// Swaps (vertex substitution, Teitz & Bart 1968): while some chosen site can be exchanged for an unchosen
/// one with a gain, make the best such exchange. All count × candidates exchanges are priced in one pass
/// over the candidates' sets: an unchosen site's gain after dropping a chosen one is what it covers that
/// nobody covers, plus what it covers that only the dropped one covers.
public enum MaximalCovering {
    /// Chooses up to `count` candidates (fewer when no candidate adds anything).
    /// - Parameters:
    ///   - improve: make improving swaps after the greedy pass (`false`: greedy only).
    ///   - maximumSwaps: stop swapping after this many exchanges.
    public static func solve(_ problem: CoveringProblem, count: Int, improve: Bool = true, maximumSwaps: Int = 1000) -> CoveringSolution {
        var state = Greedy(problem)
        while state.chosen.count < count, state.pickNext() {}
        let greedy = state.covered
        var chosen = state.chosen
        var swaps = 0
        if improve && !chosen.isEmpty {
            while swaps < maximumSwaps, let better = bestSwap(problem, chosen: chosen) {
                chosen[better.position] = better.candidate
                swaps += 1
            }
        }
        return ordered(problem, chosen, greedyCovered: greedy, swaps: swaps, evaluations: state.evaluations)
    }

    /// Chooses candidates greedily until they cover at least `targetWeight` (or nothing more can be covered).
    public static func solve(_ problem: CoveringProblem, targetWeight: Double) -> CoveringSolution {
        var state = Greedy(problem)
        while state.covered < targetWeight, state.pickNext() {}
        return ordered(problem, state.chosen, greedyCovered: state.covered, swaps: 0, evaluations: state.evaluations)
    }

    /// The greedy pass with lazy evaluation.
    private struct Greedy {
        let problem: CoveringProblem
        var covered = 0.0
        var chosen: [Int] = []
        var evaluations = 0
        private var isCovered: [Bool]
        private var heap: [(bound: Double, candidate: Int)] = []

        init(_ problem: CoveringProblem) {
            self.problem = problem
            isCovered = [Bool](repeating: false, count: problem.weights.count)
            for c in problem.sets.indices {
                let w = problem.sets[c].reduce(0.0) { $0 + problem.weights[Int($1)] }
                if w > 0 { push((w, c)) }
            }
        }

        func gain(_ c: Int) -> Double {
            problem.sets[c].reduce(0.0) { isCovered[Int($1)] ? $0 : $0 + problem.weights[Int($1)] }
        }

        /// Picks the best next candidate; false when none adds anything.
        mutating func pickNext() -> Bool {
            while let top = pop() {
                let g = gain(top.candidate)
                evaluations += 1
                guard g > 0 else { continue }
                if let next = heap.first, Self.before((next.bound, next.candidate), (g, top.candidate)) {
                    push((g, top.candidate)) // its bound is now exact; a better one may be waiting
                    continue
                }
                chosen.append(top.candidate)
                for d in problem.sets[top.candidate] { isCovered[Int(d)] = true }
                covered += g
                return true
            }
            return false
        }

        /// Heap order: larger bound first, then the lower index.
        static func before(_ a: (Double, Int), _ b: (Double, Int)) -> Bool { a.0 > b.0 || (a.0 == b.0 && a.1 < b.1) }

        mutating func push(_ e: (bound: Double, candidate: Int)) {
            heap.append(e)
            var i = heap.count - 1
            while i > 0 {
                let parent = (i - 1) / 2
                guard Self.before((heap[i].bound, heap[i].candidate), (heap[parent].bound, heap[parent].candidate)) else { break }
                heap.swapAt(i, parent)
                i = parent
            }
        }

        mutating func pop() -> (bound: Double, candidate: Int)? {
            guard !heap.isEmpty else { return nil }
            let top = heap[0]
            let last = heap.removeLast()
            if !heap.isEmpty {
                heap[0] = last
                var i = 0
                while true {
                    let l = 2 * i + 1, r = l + 1
                    var best = i
                    if l < heap.count, Self.before((heap[l].bound, heap[l].candidate), (heap[best].bound, heap[best].candidate)) { best = l }
                    if r < heap.count, Self.before((heap[r].bound, heap[r].candidate), (heap[best].bound, heap[best].candidate)) { best = r }
                    if best == i { break }
                    heap.swapAt(i, best)
                    i = best
                }
            }
            return top
        }
    }

    /// The best improving exchange of a chosen candidate (at `position` in `chosen`) for an unchosen one,
    /// or `nil` when none gains more than a rounding error. Ties: the lower position, then the lower index.
    static func bestSwap(_ problem: CoveringProblem, chosen: [Int]) -> (position: Int, candidate: Int, delta: Double)? {
        let n = problem.weights.count
        var count = [Int32](repeating: 0, count: n)
        var owner = [Int32](repeating: -1, count: n) // the position of the only chosen site covering d
        for (k, c) in chosen.enumerated() {
            for d in problem.sets[c] {
                count[Int(d)] += 1
                owner[Int(d)] = Int32(k)
            }
        }
        var loss = [Double](repeating: 0, count: chosen.count)
        var total = 0.0
        for d in 0..<n where count[d] > 0 {
            total += problem.weights[d]
            if count[d] == 1 { loss[Int(owner[d])] += problem.weights[d] }
        }
        let isChosen = Set(chosen)
        let epsilon = max(1e-9, total * 1e-12)
        var best: (position: Int, candidate: Int, delta: Double)?
        var extra = [Double](repeating: 0, count: chosen.count)
        for j in problem.sets.indices where !isChosen.contains(j) {
            var base = 0.0
            for k in extra.indices { extra[k] = 0 }
            for d in problem.sets[j] {
                let w = problem.weights[Int(d)]
                if count[Int(d)] == 0 { base += w } else if count[Int(d)] == 1 { extra[Int(owner[Int(d)])] += w }
            }
            for k in chosen.indices {
                let delta = base + extra[k] - loss[k]
                if delta > epsilon && (best == nil || delta > best!.delta + epsilon) { best = (k, j, delta) }
            }
        }
        return best
    }

    /// The chosen set in report order with marginal gains: each next pick is the one of the rest adding
    /// the most to those before it (ties: the lower index).
    static func ordered(_ problem: CoveringProblem, _ chosen: [Int], greedyCovered: Double, swaps: Int, evaluations: Int) -> CoveringSolution {
        var rest = chosen.sorted()
        var isCovered = [Bool](repeating: false, count: problem.weights.count)
        var picks: [Int] = [], gains: [Double] = []
        while !rest.isEmpty {
            var bestK = 0, bestGain = -1.0
            for (k, c) in rest.enumerated() {
                let g = problem.sets[c].reduce(0.0) { isCovered[Int($1)] ? $0 : $0 + problem.weights[Int($1)] }
                if g > bestGain { bestGain = g; bestK = k }
            }
            let c = rest.remove(at: bestK)
            for d in problem.sets[c] { isCovered[Int(d)] = true }
            picks.append(c)
            gains.append(bestGain)
        }
        return CoveringSolution(
            picks: picks, gains: gains, covered: gains.reduce(0, +), greedyCovered: greedyCovered,
            swaps: swaps, evaluations: evaluations)
    }
}
