import Foundation
import QTGeometry
import QTModel
import Testing

@testable import QTAnalysis

/// site-suggest on the hand-made district (see ``SitingFixtures``), radius mode: a middle school's circle
/// is 1,000 m and no middle school exists.
///
/// Candidates: c1 at cluster A (120.3040, 30.3040) reaches pop-a1 and pop-a2 (2,000) but not pop-b1, 1,154 m
/// east; c2 between the clusters (120.3095, 30.3040) reaches pop-a1, pop-a2 and pop-b1 (3,500; pop-n is
/// 1,028 m away); c3 at cluster B (120.3160, 30.3040) reaches pop-b1 and pop-n (604 m): 2,000; c4 in the
/// farmland (120.3080, 30.3070) would reach everyone but cropland fails site-check.
@Suite struct SiteSuggestTests {
    static let candidates = [
        SitingFixtures.site("middle_school", 120.3040, 30.3040, id: "c1"),
        SitingFixtures.site("middle_school", 120.3095, 30.3040, id: "c2"),
        SitingFixtures.site("middle_school", 120.3160, 30.3040, id: "c3"),
        SitingFixtures.site("middle_school", 120.3080, 30.3070, id: "c4")
    ]

    static func suggest(_ request: SiteSuggestRequest) throws -> SiteSuggestResult {
        try SiteSuggest.suggest(
            request, in: try SitingFixtures.district(), rules: try SitingFixtures.rules(),
            options: try SitingFixtures.options(mode: .radius))
    }

    @Test func theBestSingleSiteForTwoClustersIsTheOneBetweenThem() throws {
        let one = try Self.suggest(SiteSuggestRequest(type: "middle_school", count: 1, candidates: Self.candidates))
        #expect(one.picks.map(\.site.id) == ["c2"] && one.picks[0].gain == 3500)
        #expect(one.picks[0].bySubdistrict.map(\.residents) == [2000, 1500])
        #expect(one.candidates == 4 && one.passing == 3)
        #expect(one.rejections.contains(SiteRejection(rule: "basic_farmland", candidates: 1)))
        #expect(one.existingCovered == 0 && one.population == 4000 && one.picks[0].shareAfter == 3500.0 / 4000)
        // A second site adds pop-n (c3: 500); a third adds nothing, so only two are chosen.
        let three = try Self.suggest(SiteSuggestRequest(type: "middle_school", count: 3, candidates: Self.candidates))
        #expect(three.picks.map(\.site.id) == ["c2", "c3"] && three.picks.map(\.gain) == [3500, 500])
        #expect(three.picks.map(\.coveredAfter) == [3500, 4000] && three.covered == 4000)
    }

    @Test func aTargetShareAddsSitesUntilReached() throws {
        let half = try Self.suggest(SiteSuggestRequest(type: "middle_school", targetShare: 0.5, candidates: Self.candidates))
        #expect(half.picks.map(\.site.id) == ["c2"] && half.targetReached == true)
        let all = try Self.suggest(SiteSuggestRequest(type: "middle_school", targetShare: 1, candidates: Self.candidates))
        #expect(all.picks.count == 2 && all.targetReached == true)
        // Without c3 nobody reaches pop-n: 87.5% at most.
        let short = try Self.suggest(SiteSuggestRequest(type: "middle_school", targetShare: 1, candidates: Array(Self.candidates.prefix(2))))
        #expect(short.targetReached == false && short.covered == 3500)
    }

    @Test func existingFacilitiesCoverNothingNew() throws {
        // Kindergartens (300 m): kg-1 already covers pop-a1 (232 m), so each candidate gains pop-a2 only: the one
        // at pop-a1 (147 m from pop-a2) and the one at pop-a2 tie at 1,000, the first wins, and the second then
        // adds nothing and is not chosen.
        let candidates = [
            SitingFixtures.site("kindergarten", 120.3035, 30.3040, id: "at-a1"),
            SitingFixtures.site("kindergarten", 120.3045, 30.3050, id: "at-a2")
        ]
        let r = try SiteSuggest.suggest(
            SiteSuggestRequest(type: "kindergarten", count: 2, candidates: candidates),
            in: try SitingFixtures.district(), rules: try SitingFixtures.rules(),
            options: try SitingFixtures.options(mode: .radius))
        #expect(r.existingCovered == 1000 && r.picks.map(\.site.id) == ["at-a1"] && r.picks[0].gain == 1000)
        #expect(r.picks[0].coveredAfter == 2000)
    }

    /// The grid: 200 m points at multiples of 200 m in EPSG:4549 inside the boundary, kept on the classes the
    /// compatibility rule allows (a middle school: public_service only, the pub-1 parcel of 0.004° × 0.005°,
    /// about 385 × 555 m: two columns and two or three rows of points).
    @Test func gridCandidatesStandOnAllowedLandOnly() throws {
        let r = try Self.suggest(SiteSuggestRequest(type: "middle_school", count: 1, gridMetres: 200))
        #expect((4...6).contains(r.candidates), "\(r.candidates) grid points")
        let layers = try SitingLayers(district: try SitingFixtures.district())
        let p = try layers.metric(try #require(r.picks.first).site.location)
        #expect(try layers.parcel(at: p)?.id == "pub-1")
        #expect(abs(p.x / 200 - (p.x / 200).rounded()) < 1e-6 && abs(p.y / 200 - (p.y / 200).rounded()) < 1e-6)
    }

    @Test func badRequestsAreRefused() throws {
        #expect(throws: SitingError.self) { try Self.suggest(SiteSuggestRequest(type: "castle", count: 1)) }
        #expect(throws: SitingError.self) { try Self.suggest(SiteSuggestRequest(type: "middle_school", count: 0)) }
        #expect(throws: SitingError.self) { try Self.suggest(SiteSuggestRequest(type: "middle_school", count: 1, targetShare: 0.5)) }
        // No circle for hospitals in the profile.
        #expect(throws: SitingError.self) { try Self.suggest(SiteSuggestRequest(type: "hospital", count: 1)) }
        #expect(throws: SitingError.self) {
            try Self.suggest(SiteSuggestRequest(type: "middle_school", count: 1, candidates: [SitingFixtures.site("kindergarten", 120.304, 30.304)]))
        }
    }
}
