import Foundation
import QTAnalysis
import QTModel
import Testing

/// Paths shared by the indicator tests.
enum IndicatorFixtures {
    static let root = URL(fileURLWithPath: #filePath) // Tests/QTAnalysisTests/IndicatorCalculatorTests.swift
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var targetsPath: String { root.appendingPathComponent("geodata/standards/targets.json").path }
    static func fixture(_ name: String) -> String { root.appendingPathComponent("Tests/Fixtures/districts/\(name)").path }
    static var bundled: String { root.appendingPathComponent("geodata/qiantang").path }

    static func report(_ directory: String) throws -> IndicatorReport {
        let district = try DistrictLoader().load(directory: directory).district
        return try IndicatorCalculator(targets: try IndicatorTargets.load(path: targetsPath)).report(for: district)
    }
}

extension IndicatorScope {
    func row(_ id: IndicatorID) throws -> IndicatorRow { try #require(rows.first { $0.target.id == id }) }
}

/// The worked example: `Tests/Fixtures/districts/indicators-small`, a 0.01° square at 120.3°E 30.3°N split
/// into two sub-districts, `west` (西街道) and `east` (东街道).
///
/// Population: pop-1 west 600 × 0.10 aged 60+, pop-2 west 400 × 0.25, pop-3 east 1,000 × 0.20.
///   District residents 2,000, aged 60+ 60 + 100 + 200 = 360; west 1,000 / 160; east 1,000 / 200.
///   Future communities: pop-1 and pop-2 are both 云帆未来社区 (one), pop-3 is flagged without a name (one) → 2.
/// Facilities (operating, or no status, count):
///   sports grounds: west 3,000 m², east 1,000 m² (no status: counts); east 5,000 m² `planned` (left out).
///   culture: west 700 m². childcare places: west 5, east 2 (a kindergarten's 90 places are not 托位).
///   physicians: hospital-1 west 6, hospital-2 east 1, hospital-3 east 0, health centre east 2 → west 6, east 3.
///   graded general hospitals: hospital-1 (三级甲等, general) only; hospital-2 has grade "unknown" and no
///   `graded`; hospital-3 is graded but `general: false` → 1.
///   elderly-care beds: care home east 10, day-care west 3 (hospital beds are not counted) → 13.
/// Transit: s1 (metro, operating) at (120.302, 30.302); s2 (rail, operating) at (120.308, 30.305); s3 (rail,
///   planned: left out). Stops straight north or south of a station, so the geodesic distance is the
///   meridian arc: at 30.3° one degree of latitude is a(1−e²)/(1−e² sin²φ)^1.5 × π/180 = 110,857.5 m
///   (WGS84), so b1 (+0.00036°) is 39.9 m from s1, b2 (−0.00108°) 119.7 m from s1, b3 (+0.0036°) 399.1 m from
///   s2; b4, 11 m from s2, is `planned` and does not count. s1's nearest is b1 (39.9 m), s2's b3 (399.1 m).
@Suite struct IndicatorCalculatorTests {
    @Test func districtValuesAndShortfallsAreWorkedByHand() throws {
        let report = try IndicatorFixtures.report(IndicatorFixtures.fixture("indicators-small"))
        let d = report.district
        #expect(d.isDistrict && d.name == "指标区")
        #expect(d.residents == 2_000)
        #expect(abs((d.elderly ?? 0) - 360) < 1e-9)
        #expect(report.residentsSource == "population layer")

        // Sports: 4,000 m² / 2,000 = 2.0 m²; 2.4 × 2,000 − 4,000 = 800 m² missing.
        let sports = try d.row(.sportsGroundAreaPerResident)
        #expect(sports.amount == 4_000 && abs((sports.value ?? 0) - 2.0) < 1e-12)
        #expect(sports.status == .notMet && sports.shortfall == 800)
        // Culture: 700 / 2,000 × 10,000 = 3,500 m² per 10,000; 5,000 × 0.2 − 700 = 300 m².
        let culture = try d.row(.cultureAreaPer10000)
        #expect(abs((culture.value ?? 0) - 3_500) < 1e-9 && culture.shortfall == 300)
        // Childcare: 7 / 2,000 × 1,000 = 3.5 = the target exactly: met, nothing missing.
        let childcare = try d.row(.childcarePlacesPer1000)
        #expect(abs((childcare.value ?? 0) - 3.5) < 1e-12 && childcare.status == .met && childcare.shortfall == 0)
        // Physicians: 9 / 2,000 × 1,000 = 4.5; 5.0 × 2 − 9 = 1.
        let physicians = try d.row(.physiciansPer1000)
        #expect(physicians.amount == 9 && abs((physicians.value ?? 0) - 4.5) < 1e-12 && physicians.shortfall == 1)
        // Hospitals: 1 of 4.
        let hospitals = try d.row(.generalHospitals)
        #expect(hospitals.value == 1 && hospitals.status == .notMet && hospitals.shortfall == 3)
        // Elderly-care beds: 13 / 360 × 1,000 = 36.11; 40 × 0.36 − 13 = 1.4 → 2 beds (rounded up).
        let beds = try d.row(.elderlyCareBedsPer1000Elderly)
        #expect(abs((beds.value ?? 0) - 13.0 / 0.36) < 1e-9 && beds.shortfall == 2)
        // Future communities: 2 of 10.
        let communities = try d.row(.futureCommunities)
        #expect(communities.value == 2 && communities.shortfall == 8)
        // Transit: 1 of 2 stations within 50 m (no target), 1 of 2 within 150 m; 100% × 2 − 1 = 1 station.
        let within50 = try d.row(.railStationsBusWithin50m)
        #expect(within50.status == .noTarget && within50.amount == 1 && within50.base == 2 && within50.value == 50)
        let within150 = try d.row(.railStationsBusWithin150m)
        #expect(within150.status == .notMet && within150.value == 50 && within150.shortfall == 1)
        // Life circles: not computed.
        for id in [IndicatorID.lifeCircle15min, .lifeCircle10min, .lifeCircle5min] {
            let row = try d.row(id)
            #expect(row.status == .notComputed && row.value == nil)
            #expect(row.reason == "not computed here: qtplan coverage --all gives each service's share")
        }
    }

    @Test func subdistrictValuesAreWorkedByHand() throws {
        let report = try IndicatorFixtures.report(IndicatorFixtures.fixture("indicators-small"))
        #expect(report.scopes.map(\.id) == [nil, "west", "east"])
        #expect(report.scopes.map(\.name) == ["指标区", "西街道", "东街道"])
        let west = report.scopes[1], east = report.scopes[2]
        #expect(west.residents == 1_000 && abs((west.elderly ?? 0) - 160) < 1e-9)
        #expect(east.residents == 1_000 && abs((east.elderly ?? 0) - 200) < 1e-9)

        // West: sports 3.0, culture 7,000, childcare 5.0, physicians 6.0: all met.
        for (id, value) in [
            (IndicatorID.sportsGroundAreaPerResident, 3.0), (.cultureAreaPer10000, 7_000),
            (.childcarePlacesPer1000, 5.0), (.physiciansPer1000, 6.0)
        ] {
            let row = try west.row(id)
            #expect(abs((row.value ?? -1) - value) < 1e-9 && row.status == .met && row.shortfall == 0, "\(id)")
        }
        // West beds: 3 / 160 × 1,000 = 18.75; 40 × 0.16 − 3 = 3.4 → 4.
        let westBeds = try west.row(.elderlyCareBedsPer1000Elderly)
        #expect(abs((westBeds.value ?? 0) - 18.75) < 1e-9 && westBeds.shortfall == 4)

        // East: sports 1.0 (2,400 − 1,000 = 1,400 m²), culture 0 (500 m²), childcare 2.0 (3.5 − 2 = 1.5 → 2),
        // physicians 3.0 (5 − 3 = 2), beds 10 / 200 × 1,000 = 50: met.
        for (id, value, need) in [
            (IndicatorID.sportsGroundAreaPerResident, 1.0, 1_400), (.cultureAreaPer10000, 0, 500),
            (.childcarePlacesPer1000, 2.0, 2), (.physiciansPer1000, 3.0, 2),
            (.elderlyCareBedsPer1000Elderly, 50, 0)
        ] {
            let row = try east.row(id)
            #expect(abs((row.value ?? -1) - value) < 1e-9 && row.shortfall == need, "\(id)")
        }
        // District-level indicators show as such.
        for id in [IndicatorID.generalHospitals, .futureCommunities, .railStationsBusWithin50m, .railStationsBusWithin150m] {
            #expect(try west.row(id).status == .districtOnly)
            #expect(try east.row(id).value == nil)
        }
    }

    @Test func stationsNotCountedAndProvenance() throws {
        let report = try IndicatorFixtures.report(IndicatorFixtures.fixture("indicators-small"))
        // Meridian arcs worked in the suite comment: 39.9 m and 399.1 m.
        #expect(report.stations.map(\.id) == ["s1", "s2"])
        #expect(report.stations.map(\.nearestStop) == ["b1", "b3"])
        #expect(abs((report.stations[0].distanceM ?? 0) - 39.909) < 0.05)
        #expect(abs((report.stations[1].distanceM ?? 0) - 399.087) < 0.05)
        // Planned features are listed, not counted (planned bus stops are simply skipped).
        #expect(report.notCounted.map(\.id) == ["sports-3", "s3"])
        #expect(report.notCounted.allSatisfy { $0.status == "planned" })
        // Population 3 of 3 modelled, facilities 0 of 13, transit 1 of 8 (b3).
        #expect(
            report.inputs == [
                LayerProvenance(layer: .population, features: 3, modelled: 3),
                LayerProvenance(layer: .facilities, features: 13, modelled: 0),
                LayerProvenance(layer: .transit, features: 8, modelled: 1)
            ])
        #expect(report.modelled && report.modelledLayers == [.population, .transit])
        #expect(report.notes.isEmpty)
    }

    /// Without a population layer the manifest's residents are used (with a note), and what needs the
    /// population layer is not computed rather than guessed.
    @Test func manifestResidentsWhenThereIsNoPopulationLayer() throws {
        let district = try DistrictLoader().load(directory: IndicatorFixtures.fixture("square")).district
        let report = try IndicatorCalculator(targets: try IndicatorTargets.load(path: IndicatorFixtures.targetsPath))
            .report(for: district)
        #expect(report.residentsSource == "manifest" && report.district.residents == 1_000)
        #expect(report.notes.count == 1 && report.notes[0].hasPrefix("no population layer"))
        #expect(report.scopes.count == 1)
        // No sports grounds: 0 m² / 1,000; 2.4 × 1,000 = 2,400 m² missing.
        #expect(try report.district.row(.sportsGroundAreaPerResident).shortfall == 2_400)
        #expect(try report.district.row(.elderlyCareBedsPer1000Elderly).status == .notComputed)
        #expect(try report.district.row(.futureCommunities).status == .notComputed)
        #expect(try report.district.row(.railStationsBusWithin150m).status == .notComputed)
        #expect(!report.modelled && report.inputs.isEmpty)
    }

    @Test func hospitalGradingRule() {
        #expect(IndicatorCalculator.isGradedGeneralHospital(["type": "hospital", "grade": "三级甲等"]))
        #expect(IndicatorCalculator.isGradedGeneralHospital(["type": "hospital", "grade": "unknown", "graded": true]))
        #expect(!IndicatorCalculator.isGradedGeneralHospital(["type": "hospital", "grade": "unknown"]))
        #expect(!IndicatorCalculator.isGradedGeneralHospital(["type": "hospital"]))
        #expect(!IndicatorCalculator.isGradedGeneralHospital(["type": "hospital", "grade": "二级", "general": false]))
        #expect(!IndicatorCalculator.isGradedGeneralHospital(["type": "community_health_centre", "grade": "二级"]))
    }
}
