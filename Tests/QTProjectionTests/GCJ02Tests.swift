import QTGeometry
import QTProjection
import Testing

/// GCJ-02 pins come from an independent implementation: the WGS84/GCJ-02 pairs published with the metro
/// station reference data (Python, 6 decimals, so pairs agree to about 1e-6 degrees ≈ 0.1 m).
@Suite struct GCJ02Tests {
    static let pairs: [(wgs: Coordinate, gcj: Coordinate)] = [
        (Coordinate(lon: 120.30803, lat: 30.312309), Coordinate(lon: 120.312534, lat: 30.309918)), // 下沙西
        (Coordinate(lon: 120.321197, lat: 30.311613), Coordinate(lon: 120.32572, lat: 30.309246)), // 金沙湖
        (Coordinate(lon: 120.345495, lat: 30.31238), Coordinate(lon: 120.350055, lat: 30.310059)) // 文泽路
    ]

    @Test(arguments: 0..<3)
    func forwardFormulaMatchesPublishedPairs(index: Int) {
        let (wgs, gcj) = Self.pairs[index]
        let computed = GCJ02.fromWGS84(wgs)
        #expect(abs(computed.x - gcj.x) < 2e-6)
        #expect(abs(computed.y - gcj.y) < 2e-6)
    }

    /// The offset in Qiantang is about +0.0044° in longitude and −0.0024° in latitude (≈ 500 m).
    @Test func offsetInQiantangIsAboutFiveHundredMetres() {
        let wgs = Coordinate(lon: 120.5, lat: 30.3)
        let gcj = GCJ02.fromWGS84(wgs)
        #expect(abs((gcj.x - wgs.x) - 0.0044) < 0.0003)
        #expect(abs((gcj.y - wgs.y) + 0.0024) < 0.0003)
        let metres = Geodesic.wgs84.distance(from: wgs, to: gcj)
        #expect(metres > 400 && metres < 600)
    }

    /// The inverse is iterated: better than 0.5 m is required; the iteration reaches millimetres.
    @Test(arguments: stride(from: 120.25, through: 120.75, by: 0.05).map { $0 })
    func inverseRoundTripsBelowHalfAMetre(lon: Double) {
        for lat in stride(from: 30.2, through: 30.4, by: 0.05) {
            let wgs = Coordinate(lon: lon, lat: lat)
            let back = GCJ02.toWGS84(GCJ02.fromWGS84(wgs))
            #expect(Geodesic.wgs84.distance(from: wgs, to: back) < 0.001)
        }
    }

    @Test func outsideChinaIsUnchanged() {
        let paris = Coordinate(lon: 2.35, lat: 48.85)
        #expect(GCJ02.fromWGS84(paris) == paris)
        #expect(GCJ02.toWGS84(paris) == paris)
    }
}
