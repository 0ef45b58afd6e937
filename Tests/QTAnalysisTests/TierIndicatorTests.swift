import Foundation
import QTAnalysis
import QTGeometry
import QTModel
import QTProjection
import Testing

/// The worked example of issue 15 part 2: `Tests/Fixtures/districts/tiers-small` (the square of `indicators-small`,
/// its two sub-districts `west` and `east` and its 2,000 residents).
///
/// Kindergartens (places, ownership): west kg-1 90 public, kg-2 60 private_inclusive; east kg-3 30 private, kg-4 120
///   public, kg-5 45 without an ownership (left out of the base), kg-6 200 public but planned (not counted).
///   District: base 90 + 60 + 30 + 120 = 300; public 90 + 120 = 210 → 70% (target 75: 0.75 × 300 − 210 = 15 places
///   missing); inclusive 210 + 60 = 270 → 90% (target 90: met exactly). West: 90 / 150 = 60%, 150 / 150 = 100%.
///   East: 120 / 150 = 80% (met), inclusive 120 / 150 = 80% (0.9 × 150 − 120 = 15 missing).
/// Fire stations: fire-1 west operating, fire-2 east planned → 1 of 2 sub-districts = 50%, one more station
///   missing; west 100%, east 0%.
/// Health and culture tiers: chc-centre (no `level`: a centre by the file's `level_defaults`) in the west,
///   chc-station (`level: station`) and culture-station in the east.
@Suite struct TierIndicatorTests {
    static var directory: String { IndicatorFixtures.fixture("tiers-small") }

    @Test func kindergartenOwnershipSharesAreWorkedByHand() throws {
        let report = try IndicatorFixtures.report(Self.directory)
        let publicRow = try report.district.row(.kindergartenPublicShare)
        #expect(publicRow.amount == 210 && publicRow.base == 300)
        #expect(abs((publicRow.value ?? 0) - 70) < 1e-9 && publicRow.status == .notMet && publicRow.shortfall == 15)
        #expect(publicRow.reason == "1 kindergarten without an ownership left out of the base")
        let inclusive = try report.district.row(.kindergartenInclusiveShare)
        #expect(inclusive.amount == 270 && abs((inclusive.value ?? 0) - 90) < 1e-9)
        #expect(inclusive.status == .met && inclusive.shortfall == 0)

        let west = try #require(report.scopes.first { $0.id == "west" })
        let east = try #require(report.scopes.first { $0.id == "east" })
        #expect(abs((try west.row(.kindergartenPublicShare).value ?? 0) - 60) < 1e-9)
        #expect(abs((try west.row(.kindergartenInclusiveShare).value ?? 0) - 100) < 1e-9)
        #expect(try east.row(.kindergartenPublicShare).status == .met)
        let eastInclusive = try east.row(.kindergartenInclusiveShare)
        #expect(abs((eastInclusive.value ?? 0) - 80) < 1e-9 && eastInclusive.shortfall == 15)
    }

    @Test func oneFireRescueStationPerSubdistrict() throws {
        let report = try IndicatorFixtures.report(Self.directory)
        let row = try report.district.row(.subdistrictsWithFireRescueStation)
        #expect(row.amount == 1 && row.base == 2 && abs((row.value ?? 0) - 50) < 1e-9)
        #expect(row.status == .notMet && row.shortfall == 1)
        #expect(row.rule.shortfallPhrase(for: 1) == "more sub-district fire and rescue station")
        let west = try #require(report.scopes.first { $0.id == "west" })
        let east = try #require(report.scopes.first { $0.id == "east" })
        #expect(try west.row(.subdistrictsWithFireRescueStation).status == .met)
        #expect(try east.row(.subdistrictsWithFireRescueStation).value == 0)
    }

    @Test func ownershipUnknownEverywhereIsNotComputed() throws {
        // indicators-small's one kindergarten says no ownership.
        let report = try IndicatorFixtures.report(IndicatorFixtures.fixture("indicators-small"))
        let row = try report.district.row(.kindergartenPublicShare)
        #expect(row.status == .notComputed && row.reason == "no kindergarten says its ownership (1 without)")
        // Without land figures the green rows say why.
        #expect(try report.district.row(.parkGreenShare).status == .notComputed)
        #expect(try report.district.row(.greenCoverShare).reason == "not computed: needs the land-use layer")
    }

    @Test func greenRowsFromLandFigures() throws {
        let district = try DistrictLoader().load(directory: Self.directory).district
        let targets = try IndicatorTargets.load(path: IndicatorFixtures.targetsPath)
        // 2 km² of urban construction land, 0.2 km² of class-14 green, 0.3 km² of parks.
        let land = LandFigures(urbanConstructionArea: 2e6, greenSpaceArea: 0.2e6, parkArea: 0.3e6)
        let report = try IndicatorCalculator(targets: targets).report(for: district, land: land)
        let park = try report.district.row(.parkGreenShare)
        #expect(abs((park.value ?? 0) - 15) < 1e-9 && park.status == .met)
        let cover = try report.district.row(.greenCoverShare)
        // 10% against 45%: 0.45 × 2e6 − 0.2e6 = 700,000 m² (a lower bound, and said so).
        #expect(abs((cover.value ?? 0) - 10) < 1e-9 && cover.shortfall == 700_000)
        let noParks = try IndicatorCalculator(targets: targets)
            .report(for: district, land: LandFigures(urbanConstructionArea: 2e6, greenSpaceArea: 0, parkArea: nil))
        #expect(try noParks.district.row(.parkGreenShare).reason == "no parks layer (the parks' polygons)")
    }
}

/// GB 50180 appendix B's tiers in the standards file and in the coverage engine's selection.
@Suite struct TierSelectionTests {
    static func standards() throws -> LifeCircleStandards {
        try LifeCircleStandards.parse(
            data: try Data(
                contentsOf: URL(
                    fileURLWithPath: IndicatorFixtures.root
                        .appendingPathComponent("geodata/standards/life-circles.json").path)), path: "life-circles.json")
    }

    @Test func levelsSelectTheTiers() throws {
        let district = try DistrictLoader().load(directory: TierIndicatorTests.directory).district
        let context = try GeometryContext()
        let toMetric = try Transformer(from: .wgs84, to: try CRS(parsing: "EPSG:4549"))
        func ids(_ s: SupplySelector) throws -> [String] {
            try SupplySet.select(s, in: district, includePlanned: false, context: context, toMetric: toMetric).ids
        }
        let chc = "community_health_centre"
        #expect(try ids(SupplySelector(type: chc)) == ["chc-centre", "chc-station"])
        #expect(try ids(SupplySelector(type: chc, levels: ["centre"], defaultLevel: "centre")) == ["chc-centre"])
        #expect(try ids(SupplySelector(type: chc, levels: ["station", "centre"], defaultLevel: "centre")) == ["chc-centre", "chc-station"])
        #expect(try ids(SupplySelector(type: chc, levels: ["station"], defaultLevel: "centre")) == ["chc-station"])
        // Without a default, a facility without `level` matches no level list.
        #expect(try ids(SupplySelector(type: chc, levels: ["centre"])) == [])
    }

    @Test func bundledProfileCarriesRequiredAndLevels() throws {
        let profile = try Self.standards().profile("gb50180")
        func rule(_ label: String) throws -> LifeCircleRule { try #require(profile.rules.first { $0.label == label }) }
        #expect(try rule("community_health_centre").supply.levels == ["centre"])
        #expect(try rule("community_health_centre").supply.defaultLevel == "centre")
        #expect(try rule("community_health_station").required == false)
        #expect(try rule("childcare").required == false)
        #expect(
            try rule("elderly_nursing_home").supply
                == SupplySelector(
                    type: "elderly_care_home", levels: ["nursing_home"],
                    defaultLevel: "care_home"))
        // The combined circles use the ▲ services only.
        let five = profile.lifeCircleRules(minutes: 5).map(\.label)
        #expect(five == ["kindergarten", "elderly_daycare", "sports_ground_small", "culture_station", "park_5min"])
        let fifteen = profile.lifeCircleRules(minutes: 15).map(\.label)
        #expect(
            fifteen == [
                "middle_school", "community_health_centre", "elderly_care_home", "elderly_nursing_home",
                "sports_ground_large", "culture_facility", "park_15min"
            ])
        // The plan's 15分钟公共服务圈: 学前教育、公共卫生、养老照料、体育健身 (culture is a circle of its own).
        let plan = try Self.standards().profile("qiantang-plan").lifeCircleRules(minutes: 15).map(\.supply.type)
        #expect(Set(plan) == ["kindergarten", "childcare", "community_health_centre", "elderly_daycare", "elderly_care_home", "sports_ground"])
    }

    @Test func requiredAndLevelsAreChecked() throws {
        func message(_ service: String, extra: String = "") -> String {
            let text =
                "{\"default_profile\": \"p\", \"walk_speed_kmh\": 4.5, \"drive_speed_kmh\": {}, \"access_m\": 100\(extra), "
                + "\"profiles\": [{\"name\": \"p\", \"title\": \"t\", \"source\": {\"document\": \"d\"}, \"circles\": [], \"services\": [\(service)]}]}"
            do {
                _ = try LifeCircleStandards.parse(data: Data(text.utf8), path: "s.json")
                return "parsed"
            } catch { return "\(error)" }
        }
        #expect(
            message(#"{"type": "childcare", "minutes": 5, "required": "no", "where": "x"}"#)
                == "s.json: field 'profiles[0].services[0].required': expected true (▲) or false (△), found a string")
        #expect(
            message(#"{"type": "culture_facility", "minutes": 5, "level": [], "where": "x"}"#)
                == "s.json: field 'profiles[0].services[0].level': expected at least one level")
        #expect(
            message(#"{"type": "childcare", "minutes": 5, "where": "x"}"#, extra: #", "level_defaults": {"clinic": "centre"}"#)
                == "s.json: field 'level_defaults.clinic': unknown facility type 'clinic'")
    }
}
