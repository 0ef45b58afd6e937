import QTModel
import Testing

/// Union–find worked by hand: {a, b, c} joined through b, {d} alone, {e, f}.
struct DisjointSetsTests {
    @Test func componentsOfASmallGraph() {
        var sets = DisjointSets<String>()
        let edges = [("a", "b"), ("c", "b"), ("e", "f")]
        for (x, y) in edges { sets.union(sets.element(x), sets.element(y)) }
        let d = sets.element("d")
        #expect(sets.count == 6)
        let roots = ["a", "b", "c", "d", "e", "f"].map { key in sets.root(sets.element(key)) }
        // a = 0, b = 1, c = 2, e = 3, f = 4, d = 5; a union keeps the smaller index as root.
        #expect(roots == [0, 0, 0, d, 3, 3])
        #expect(Set(roots).count == 3)
    }

    @Test func elementNumbersAreStable() {
        var sets = DisjointSets<Int>()
        #expect(sets.element(42) == 0)
        #expect(sets.element(7) == 1)
        #expect(sets.element(42) == 0)
        #expect(sets.count == 2)
    }
}
