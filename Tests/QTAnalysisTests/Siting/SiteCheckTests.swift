import Foundation
import QTGeometry
import QTModel
import QTProjection
import Testing

@testable import QTAnalysis

/// Site checks on the hand-made district (see ``SitingFixtures``): every verdict and value below is worked
/// out by hand from the fixture's coordinates; distances are compared with the WGS84 geodesic distance.
@Suite struct SiteCheckTests {
    /// A kindergarten at (120.3080, 30.3075): inside crop-1, which is also the basic farmland zone.
    @Test func aSiteInFarmlandFailsWithTheClauseNamed() throws {
        let r = try SitingFixtures.check(SitingFixtures.site("kindergarten", 120.3080, 30.3075))
        #expect(r.verdict == .fail)
        let farmland = try #require(r.rule("basic_farmland"))
        #expect(farmland.verdict == .fail && farmland.measured.contains("farmland-1"))
        #expect(farmland.clause.contains("土地管理法") && farmland.clause.contains("第三十五条"))
        #expect(r.rule("not_on_cropland")?.verdict == .fail)
        #expect(r.rule("landuse_compatibility")?.verdict == .fail && r.rule("landuse_compatibility")?.measured.contains("cropland") == true)
        #expect(r.rule("inside_district")?.verdict == .pass && r.rule("not_on_water")?.verdict == .pass)
        // The red line (water-1) begins at 120.310°E, 0.002° east.
        let red = try #require(r.rule("ecological_red_line"))
        #expect(red.verdict == .pass)
        #expect(abs((red.value ?? 0) - SitingFixtures.metres((120.3080, 30.3075), (120.3100, 30.3075))) < 0.5)
        // The railway along 30.3098°N is 0.0023° (255 m) north: under 300 m.
        let rail = try #require(r.rule("school_from_railway"))
        #expect(rail.verdict == .fail && rail.clause.contains("§4.1.6"))
        #expect(abs((rail.value ?? 0) - SitingFixtures.metres((120.3080, 30.3075), (120.3080, 30.3098))) < 0.5)
        #expect(farmland.bySubdistrict.isEmpty && r.failures.count == 4)
    }

    @Test func waterAndTheRedLineAndOutsideTheBoundary() throws {
        let wet = try SitingFixtures.check(SitingFixtures.site("kindergarten", 120.3120, 30.3075))
        #expect(wet.rule("not_on_water")?.verdict == .fail && wet.rule("ecological_red_line")?.verdict == .fail)
        #expect(wet.rule("ecological_red_line")?.measured.contains("red-line-1") == true)
        let farm = try #require(wet.rule("basic_farmland"))
        #expect(farm.verdict == .pass && abs((farm.value ?? 0) - SitingFixtures.metres((120.3120, 30.3075), (120.3100, 30.3075))) < 0.5)

        let out = try SitingFixtures.check(SitingFixtures.site("park", 120.3250, 30.3050))
        let inside = try #require(out.rule("inside_district"))
        #expect(inside.verdict == .fail)
        #expect(abs((inside.value ?? 0) - SitingFixtures.metres((120.3250, 30.3050), (120.3200, 30.3050))) < 0.5)
        // Outside every parcel: the class rules pass (no parcel), compatibility cannot be checked.
        #expect(out.rule("not_on_water")?.verdict == .pass && out.rule("landuse_compatibility")?.verdict == .warn)
    }

    @Test func landUseCompatibilityByType() throws {
        // Industrial land: no kindergarten (fail); a fire station may stand there (conditional: warn).
        let kg = try SitingFixtures.check(SitingFixtures.site("kindergarten", 120.3120, 30.3030))
        #expect(kg.rule("landuse_compatibility")?.verdict == .fail && kg.rule("landuse_compatibility")?.measured.contains("industrial") == true)
        let fire = try SitingFixtures.check(SitingFixtures.site("fire_station", 120.3105, 30.3010))
        #expect(fire.rule("landuse_compatibility")?.verdict == .warn)
        // Residential land is conditional for a primary school, allowed for a kindergarten.
        let school = try SitingFixtures.check(SitingFixtures.site("primary_school", 120.3025, 30.3060))
        #expect(school.rule("landuse_compatibility")?.verdict == .warn)
        let home = try SitingFixtures.check(SitingFixtures.site("kindergarten", 120.3045, 30.3050))
        #expect(home.rule("landuse_compatibility")?.verdict == .pass)
    }

    @Test func fireStationSeparations() throws {
        // 0.0003° east of the primary school's entrance: 28.9 m, under 50 m.
        let near = try SitingFixtures.check(SitingFixtures.site("fire_station", 120.3083, 30.3020))
        let exits = try #require(near.rule("fire_from_crowded_exits"))
        #expect(exits.verdict == .fail && exits.measured.contains("ps-1"))
        #expect(abs((exits.value ?? 0) - SitingFixtures.metres((120.3083, 30.3020), (120.3080, 30.3020))) < 0.5)
        #expect(exits.clause.contains("GB 51080-2015") && exits.clause.contains("§4.1.5"))
        let hazard = try #require(near.rule("fire_from_hazardous"))
        #expect(hazard.verdict == .pass)
        #expect(abs((hazard.value ?? 0) - SitingFixtures.metres((120.3083, 30.3020), (120.3130, 30.3010))) < 0.5)
        // 0.0025° west of the hazardous site: 240 m, under 300 m.
        let chem = try SitingFixtures.check(SitingFixtures.site("fire_station", 120.3105, 30.3010))
        #expect(chem.rule("fire_from_hazardous")?.verdict == .fail)
        #expect(abs((chem.rule("fire_from_hazardous")?.value ?? 0) - SitingFixtures.metres((120.3105, 30.3010), (120.3130, 30.3010))) < 0.5)
        // The school/kindergarten rules do not apply to a fire station, and vice versa.
        #expect(near.rule("school_from_railway") == nil && near.rule("service_radius") == nil)
        let kg = try SitingFixtures.check(SitingFixtures.site("kindergarten", 120.3045, 30.3050))
        #expect(kg.rule("fire_from_hazardous") == nil && kg.rule("fire_district_area") == nil)
    }

    @Test func schoolSeparationsFromRoadsAndRail() throws {
        // 0.0005° east of the 120.302°E arterial: 48 m, under 80 m.
        let school = try SitingFixtures.check(SitingFixtures.site("primary_school", 120.3025, 30.3060))
        let roads = try #require(school.rule("school_from_major_roads"))
        #expect(roads.verdict == .fail && roads.clause.contains("80m"))
        #expect(abs((roads.value ?? 0) - SitingFixtures.metres((120.3025, 30.3060), (120.3020, 30.3060))) < 0.5)
        // Local streets do not count: the kindergarten at (120.3045, 30.3050) is 333 m from the 30.302° local
        // street and 240 m from the arterial.
        let kg = try SitingFixtures.check(SitingFixtures.site("kindergarten", 120.3045, 30.3050))
        #expect(abs((kg.rule("school_from_major_roads")?.value ?? 0) - SitingFixtures.metres((120.3045, 30.3050), (120.3020, 30.3050))) < 0.5)
        let rail = try SitingFixtures.check(SitingFixtures.site("kindergarten", 120.3170, 30.3075))
        #expect(rail.rule("school_from_railway")?.verdict == .fail && rail.verdict == .fail)
    }

    /// Radius mode, a middle school (15-minute circle, 1,000 m) at (120.3095, 30.3040), between the clusters:
    /// pop-a1 and pop-a2 are 0.0060° and 0.0050° west (578 and 494 m), pop-b1 0.0065° east (628 m), all
    /// inside; pop-n is 1,028 m away. No middle school exists, so all 3,500 are new.
    @Test func coverageGainBySubdistrict() throws {
        let r = try SitingFixtures.check(SitingFixtures.site("middle_school", 120.3095, 30.3040), mode: .radius)
        let gain = try #require(r.rule("coverage_gain"))
        #expect(gain.verdict == .pass && gain.value == 3500 && gain.unit == "residents")
        #expect(gain.bySubdistrict.map(\.id) == ["w", "e"] && gain.bySubdistrict.map(\.residents) == [2000, 1500])
        #expect(r.rule("duplicate_coverage")?.value == 0 && r.rule("duplicate_coverage")?.verdict == .pass)
        // The service radius of a middle school is 1,000 m (GB 50099-2011 §4.1.4): the same 3,500.
        #expect(r.rule("service_radius")?.value == 3500)
        #expect(r.rule("spacing")?.verdict == .pass && r.rule("spacing")?.value == nil)
    }

    /// Radius mode, a kindergarten (300 m) at (120.3030, 30.3030): pop-a1 121 m and pop-a2 265 m away are
    /// inside; kg-1 already covers pop-a1 (232 m) but not pop-a2 (375 m). Half is duplicated, 1,000 new;
    /// kg-1 is 111 m away, under the 300 m spacing.
    @Test func duplicatedCoverageAndSpacing() throws {
        let r = try SitingFixtures.check(SitingFixtures.site("kindergarten", 120.3030, 30.3030), mode: .radius)
        let duplicate = try #require(r.rule("duplicate_coverage"))
        #expect(duplicate.value == 0.5 && duplicate.verdict == .pass)
        #expect(r.rule("coverage_gain")?.value == 1000)
        let spacing = try #require(r.rule("spacing"))
        #expect(spacing.verdict == .warn && spacing.measured.contains("kg-1"))
        #expect(abs((spacing.value ?? 0) - SitingFixtures.metres((120.3030, 30.3030), (120.3025, 30.3021))) < 0.5)
        #expect(r.verdict == .warn)
        // Moved next to kg-1 (covering only pop-a1, which kg-1 covers), the site duplicates it entirely.
        let twin = try SitingFixtures.check(SitingFixtures.site("kindergarten", 120.3026, 30.3025), mode: .radius)
        #expect(twin.rule("duplicate_coverage")?.value == 1 && twin.rule("duplicate_coverage")?.verdict == .warn)
        #expect(twin.rule("coverage_gain")?.value == 0 && twin.rule("coverage_gain")?.verdict == .warn)
    }

    /// Walk mode (the kindergarten's own 5-minute circle, 375 m at 4.5 km/h): the site at pop-a2's centre
    /// joins the arterial 240 m west, and so does pop-a2: 481 m walked in all, 385 s; pop-a1 is 496 m away
    /// over the street. Nobody is newly covered: a warning, not a failure.
    @Test func walkModeCoverageOverTheStreets() throws {
        let r = try SitingFixtures.check(SitingFixtures.site("kindergarten", 120.3045, 30.3050))
        #expect(r.rule("coverage_gain")?.value == 0 && r.rule("coverage_gain")?.verdict == .warn)
        #expect(r.verdict == .warn && r.failures.isEmpty)
        // Straight-line, the same site reaches pop-a1 (144 m) and pop-a2 (0 m); kg-1 already covers pop-a1.
        let radius = try SitingFixtures.check(SitingFixtures.site("kindergarten", 120.3045, 30.3050), mode: .radius)
        #expect(radius.rule("coverage_gain")?.value == 1000 && radius.rule("duplicate_coverage")?.value == 0.5)
        #expect(radius.verdict == .pass)
    }

    @Test func thePlansOtherSitesCountForDistances() throws {
        let fire = SitingFixtures.site("fire_station", 120.3098, 30.3025, id: "fire-new")
        let school = SitingFixtures.site("kindergarten", 120.3095, 30.3025, id: "kg-new")
        let alone = try SitingFixtures.check(fire)
        #expect(alone.rule("fire_from_crowded_exits")?.verdict == .pass)
        let together = try SitingFixtures.check(fire, others: [school])
        let exits = try #require(together.rule("fire_from_crowded_exits"))
        #expect(exits.verdict == .fail && exits.measured.contains("kg-new (this plan)"))
        #expect(abs((exits.value ?? 0) - SitingFixtures.metres((120.3098, 30.3025), (120.3095, 30.3025))) < 0.5)
    }

    @Test func aPlanGetsOneResultPerSiteInOrder() throws {
        let plan = [
            SitingFixtures.site("kindergarten", 120.3045, 30.3050, id: "a"),
            SitingFixtures.site("kindergarten", 120.3080, 30.3075, id: "b"),
            SitingFixtures.site("fire_station", 120.3098, 30.3025, id: "c")
        ]
        let report = try SiteCheck.check(
            plan, in: try SitingFixtures.district(), rules: try SitingFixtures.rules(),
            options: try SitingFixtures.options(mode: .radius))
        #expect(report.sites.map(\.site.id) == ["a", "b", "c"])
        // c: in radius mode under gb50180 a fire station's circle is 1,493 m, the radius of GB 51080's 7 km²
        // district (√(7 km²/π)). fire-1 (120.3181, 30.3081) is 0.0083° × 96.2 km/° ≈ 798 m east and 0.0056° ×
        // 111 km/° ≈ 622 m north of c: ≈ 1,011 m, nearer than one circle (spacing warns); both circles hold all
        // 4,000 residents of the 1 × 1 km district, so c duplicates fire-1's coverage and gains nobody: warnings.
        #expect(report.sites.map(\.verdict) == [.pass, .fail, .warn] && report.verdict == .fail)
        #expect(report.sites[2].warnings.map(\.rule) == ["spacing", "duplicate_coverage", "coverage_gain"])
        #expect(abs((report.sites[2].rules.first { $0.rule == "spacing" }?.value ?? 0) - 1_011) < 5)
        #expect(report.circles.map(\.type) == ["kindergarten", "fire_station"] && report.profile == "gb50180")
        #expect(throws: SitingError.self) {
            try SiteCheck.check([], in: try SitingFixtures.district(), rules: try SitingFixtures.rules(), options: try SitingFixtures.options())
        }
        #expect(throws: SitingError.invalidRequest("site id 'a' appears twice")) {
            try SiteCheck.check([plan[0], plan[0]], in: try SitingFixtures.district(), rules: try SitingFixtures.rules(), options: try SitingFixtures.options())
        }
    }

    @Test func missingLayersWarnInsteadOfPassing() throws {
        var d = try SitingFixtures.district()
        d.layers[.landuse] = nil
        d.layers[.constraints] = nil
        d.layers[.population] = nil
        let r = try SitingFixtures.check(SitingFixtures.site("kindergarten", 120.3080, 30.3075), district: d)
        for id in [
            "not_on_water", "not_on_cropland", "landuse_compatibility", "ecological_red_line", "basic_farmland",
            "service_radius", "duplicate_coverage", "coverage_gain"
        ] {
            #expect(r.rule(id)?.verdict == .warn && r.rule(id)?.measured.hasPrefix("not checked") == true, "\(id)")
        }
        #expect(r.rule("school_from_railway")?.verdict == .fail)
    }
}
