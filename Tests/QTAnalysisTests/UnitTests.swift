import QTAnalysis
import Testing

@Suite struct UnitTests {
    /// 1 亩 = 10,000/15 m² = 666.67 m², so 1 km² = 1,500 亩 (the district brief).
    @Test func muIsTenThousandFifteenthsOfASquareMetre() {
        #expect(abs(QTAnalysis.squareMetresPerMu - 666.6666666666666) < 1e-9)
        #expect(abs(1_000_000 / QTAnalysis.squareMetresPerMu - 1_500) < 1e-9)
    }
}
