import QTGeometry
import QTModel
import QTProjection
import Testing

@testable import QTAnalysis

/// Walking distance and target groups on a hand-made network (metres, EPSG:4549 only as a label).
///
/// Streets: (0,0)–(500,0), (500,0)–(1000,0) and (500,0)–(500,400). A kindergarten stands 10 m south of (0,0).
/// Worked by hand, along the streets with both access legs:
/// - A (100 residents, sub-district s0) 5 m north of x = 280: 10 + 280 + 5 = 295 m (inside 300 m);
/// - B (200, s0) 5 m north of x = 290: 10 + 290 + 5 = 305 m (outside 300 m, but 290.4 m as the crow flies);
/// - C (300, s1) on the side street at y = 250: 10 + 500 + 250 = 760 m.
/// At 4.5 km/h 5 minutes is 375 m: the time measure covers A and B.
/// Age band aged_3_5: A 10 %, B 20 %, C not given. So s0's target group is 10 + 40 = 50 children, 10 of them
/// (A's) within 300 m: 20 %; s1's and the district's target group are unknown.
@Suite struct DistanceMeasureTests {
    static func edge(_ a: (Double, Double), _ b: (Double, Double)) -> StreetEdge {
        let length = ((b.0 - a.0) * (b.0 - a.0) + (b.1 - a.1) * (b.1 - a.1)).squareRoot()
        return StreetEdge(
            coordinates: [Coordinate(x: a.0, y: a.1), Coordinate(x: b.0, y: b.1)],
            forwardSeconds: length / (4.5 / 3.6), backwardSeconds: length / (4.5 / 3.6))
    }

    static func inputs(walkSpeedKmh: Double = 4.5, shares: [Double?] = [0.1, 0.2, nil]) -> CoverageInputs {
        let speed = walkSpeedKmh / 3.6
        let edges = [((0.0, 0.0), (500.0, 0.0)), ((500.0, 0.0), (1000.0, 0.0)), ((500.0, 0.0), (500.0, 400.0))].map { a, b in
            let e = edge(a, b)
            let length = ((b.0 - a.0) * (b.0 - a.0) + (b.1 - a.1) * (b.1 - a.1)).squareRoot()
            return StreetEdge(coordinates: e.coordinates, forwardSeconds: length / speed, backwardSeconds: length / speed)
        }
        var demand = DemandSet(
            ids: ["A", "B", "C"], xs: [280, 290, 500], ys: [5, 5, 250], population: [100, 200, 300],
            subdistrict: [0, 0, 1], urban: [true, true, true], subdistricts: ["s0", "s1"],
            subdistrictNames: ["s0", "s1"], featureIndex: [0, 1, 2])
        demand.bandShares[.aged3to5] = shares
        let supply = SupplySet(ids: ["kg"], names: ["kg"], xs: [0], ys: [-10])
        let graph = StreetGraph(edges: edges)
        var options = CoverageOptions(walkSpeedKmh: walkSpeedKmh)
        options.maximumAccess = 100
        return CoverageInputs(
            demand: demand, supplies: [SupplySelector(type: "kindergarten"): supply],
            networks: [.walk: PreparedNetwork(graph: graph, demand: demand, maximumAccess: 100)],
            metricCRS: try! CRS(parsing: "EPSG:4549"), options: options)
    }

    static func service(_ measure: CoverageMeasure, metres: Double = 300, minutes: Double = 5) -> CoverageService {
        var s = CoverageService(
            label: "kindergarten", supply: SupplySelector(type: "kindergarten"), minutes: minutes,
            distance: metres, mode: .walk)
        s.measure = measure
        s.targetGroup = .aged3to5
        return s
    }

    @Test func distanceIsMetresAlongTheStreetsWhateverTheSpeed() throws {
        for speed in [4.5, 3.0, 6.0] {
            let r = try Coverage.measure(Self.service(.distance), in: Self.inputs(walkSpeedKmh: speed))
            // (The search stops at the threshold: B's 305 m is beyond it.)
            #expect(abs(r.reach[0] - 295) < 1e-6 && r.reach[1] == .infinity, "at \(speed) km/h: \(r.reach)")
            #expect(r.covered == [true, false, false])
            #expect(r.total.covered == 100 && r.bySubdistrict[0].covered == 100 && r.bySubdistrict[1].covered == 0)
        }
        // C is 760 m along the streets: inside 1,000 m, outside 750 m.
        let far = try Coverage.measure(Self.service(.distance, metres: 1000), in: Self.inputs())
        #expect(abs(far.reach[1] - 305) < 1e-6 && abs(far.reach[2] - 760) < 1e-6 && far.total.covered == 600)
        #expect(try Coverage.measure(Self.service(.distance, metres: 750), in: Self.inputs()).total.covered == 300)
    }

    @Test func timeIsMinutesAtTheWalkingSpeed() throws {
        // 5 minutes at 4.5 km/h = 375 m: A (295 m) and B (305 m) are in, C (760 m) is out.
        let r = try Coverage.measure(Self.service(.time), in: Self.inputs())
        #expect(r.covered == [true, true, false] && r.total.covered == 300)
        #expect(abs(r.reach[1] - 305 / (4.5 / 3.6)) < 1e-6) // seconds
        // At 3 km/h 5 minutes is 250 m: nobody.
        #expect(try Coverage.measure(Self.service(.time), in: Self.inputs(walkSpeedKmh: 3)).total.covered == 0)
    }

    @Test func radiusCoversWhatTheStreetsMiss() throws {
        var radius = Self.service(.distance)
        radius.mode = .radius
        let r = try Coverage.measure(radius, in: Self.inputs())
        #expect(r.covered == [true, true, false]) // B is 290.4 m away as the crow flies
        #expect(abs(r.reach[1] - (290.0 * 290 + 15 * 15).squareRoot()) < 1e-9)
    }

    @Test func targetGroupSharesAreWeightedAndUnknownWhereABandIsMissing() throws {
        let r = try Coverage.measure(Self.service(.distance), in: Self.inputs())
        let s0 = r.bySubdistrict[0], s1 = r.bySubdistrict[1]
        #expect(s0.targetPopulation.map { abs($0 - 50) < 1e-9 } == true && s0.targetCovered.map { abs($0 - 10) < 1e-9 } == true)
        #expect(s0.targetShare.map { abs($0 - 0.2) < 1e-9 } == true)
        #expect(s1.targetPopulation == nil && s1.targetShare == nil)
        #expect(r.total.targetPopulation == nil && r.total.targetShare == nil)
        #expect(r.total.share == 100.0 / 600) // all residents: unchanged by the group
        // With every band given, the district total is known: 10 + 40 + 30 = 80 children, 10 covered.
        let full = try Coverage.measure(Self.service(.distance), in: Self.inputs(shares: [0.1, 0.2, 0.1]))
        #expect(full.total.targetPopulation.map { abs($0 - 80) < 1e-9 } == true)
        #expect(full.total.targetShare.map { abs($0 - 0.125) < 1e-9 } == true)
        // A service for all residents: its target is everyone.
        var all = Self.service(.distance)
        all.targetGroup = .all
        let everyone = try Coverage.measure(all, in: Self.inputs())
        #expect(everyone.total.targetPopulation == 600 && everyone.total.targetCovered == 100)
    }

    @Test func aDriveIsTimedAndRadiusIsADistance() {
        var s = Self.service(.distance)
        s.mode = .drive
        #expect(s.effectiveMeasure == .time && s.threshold(urban: true) == 300)
        s.mode = .radius
        s.measure = .time
        #expect(s.effectiveMeasure == .distance && s.threshold(urban: true) == 300)
    }
}
