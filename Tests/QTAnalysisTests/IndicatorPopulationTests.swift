import QTAnalysis
import Testing

/// Indicators at the plan's population (issue 15 part 4), on the worked example `indicators-small` (see
/// IndicatorCalculatorTests): 2,000 residents today, 360 aged 60+.
struct IndicatorPopulationTests {
    @Test func perResidentIndicatorsAtTwiceThePopulationWorkedByHand() throws {
        let targets = try IndicatorTargets.load(path: IndicatorFixtures.targetsPath)
        let today = try IndicatorFixtures.report(IndicatorFixtures.fixture("indicators-small"))
        let at = IndicatorCalculator(targets: targets).atPopulation(today, residents: 4_000)
        let d = at.district
        #expect(d.residents == 4_000 && abs((d.elderly ?? 0) - 720) < 1e-9)
        // Sports: 4,000 m² / 4,000 = 1.0 m²; 2.4 × 4,000 − 4,000 = 5,600 m² missing (800 today).
        let sports = try d.row(.sportsGroundAreaPerResident)
        #expect(abs((sports.value ?? 0) - 1.0) < 1e-12 && sports.shortfall == 5_600)
        // Childcare: 7 / 4,000 × 1,000 = 1.75 (met at 3.5 today); 3.5 × 4 − 7 = 7 places.
        let childcare = try d.row(.childcarePlacesPer1000)
        #expect(abs((childcare.value ?? 0) - 1.75) < 1e-12 && childcare.status == .notMet && childcare.shortfall == 7)
        // Elderly-care beds: 13 / 720 × 1,000 = 18.06; 40 × 0.72 − 13 = 15.8 → 16 beds.
        let beds = try d.row(.elderlyCareBedsPer1000Elderly)
        #expect(abs((beds.value ?? 0) - 13.0 / 0.72) < 1e-9 && beds.shortfall == 16)
        // Counts and transit shares do not change; life circles are not computed at another population.
        let hospitals = try d.row(.generalHospitals), communities = try d.row(.futureCommunities)
        #expect(hospitals.value == 1 && communities.value == 2)
        #expect(try d.row(.railStationsBusWithin150m).value == 50)
        #expect(try d.row(.lifeCircle15min).status == .notComputed)
        // Sub-districts grow alike: west 1,000 → 2,000 residents; 3,000 m² of sports ground → 1.5 m² each.
        let west = try #require(at.scopes.first { $0.id == "west" })
        let westSports = try west.row(.sportsGroundAreaPerResident)
        #expect(west.residents == 2_000 && abs((westSports.value ?? 0) - 1.5) < 1e-12)
    }

    @Test func theBundledTargetsGiveThePlansPopulation() throws {
        let targets = try IndicatorTargets.load(path: IndicatorFixtures.targetsPath)
        let plan = try #require(targets.planPopulation)
        #expect(plan.year == 2025 && plan.residents == 1_000_000 && plan.source.seed.hasPrefix("001_"))
        #expect(plan.source.wording?.contains("全区常住人口总量力争突破 100 万人") == true)
    }

    @Test func valuesEqualToTheBaselineOnModelledDataAreCalledCalibrated() throws {
        let report = try IndicatorFixtures.report(IndicatorFixtures.bundled)
        let calibrated = report.district.rows.filter(report.isCalibrated).map(\.target.id)
        // The bundled facilities reproduce seed 001's 2020 column: 2.1 m², 1.8 places, 3.9 physicians, 3 hospitals.
        #expect(calibrated == [.sportsGroundAreaPerResident, .childcarePlacesPer1000, .physiciansPer1000, .generalHospitals])
    }
}
