import QTGeometry
import Testing

@testable import QTModel

/// The head-count rule the validator and the analyses share: whole numbers from 0 to 10 billion.
@Suite struct PopulationCountTests {
    @Test(arguments: [(0.0, 0), (1.0, 1), (793_000.0, 793_000), (10_000_000_000.0, 10_000_000_000)])
    func usableCounts(_ number: Double, _ expected: Int) {
        #expect(PopulationCount.value(.number(number)) == expected)
        #expect(PopulationCount.problem(.number(number)) == nil)
    }

    @Test(arguments: [
        (JSONValue.number(-1), "population is -1, must not be negative"),
        (.number(999.5), "population is 999.5, must be a whole number"),
        (.number(10_000_000_001), "population is 10000000001, more than 10,000,000,000 (more than the world's population: a mistyped count?)"),
        (.number(1e300), "population is 1e+300, more than 10,000,000,000 (more than the world's population: a mistyped count?)"),
        (.string("1000"), "'population' must be a number, found a string")
    ])
    func refusedCounts(_ value: JSONValue, _ message: String) {
        #expect(PopulationCount.value(value) == nil)
        #expect(PopulationCount.problem(value) == message)
    }

    /// Absent and null are the caller's rule (the validator requires the property; indicators count 0).
    @Test func absentOrNullIsNoProblemHere() {
        #expect(PopulationCount.problem(nil) == nil && PopulationCount.problem(.null) == nil)
        #expect(PopulationCount.value(nil) == nil && PopulationCount.value(.null) == nil)
    }

    /// The bound keeps reported sums within Int: 900 million features at the maximum.
    @Test func theBoundKeepsSumsWithinInt() {
        #expect(Double(PopulationCount.maximum) * 900_000_000 < Double(Int.max))
        #expect(Double(PopulationCount.maximum) * 1_000_000_000 > Double(Int.max)) // and the claim is tight
    }
}
