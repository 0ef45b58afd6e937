import QTGeometry
import QTModel

/// The tiers of GB 50180-2018 appendix B that the first model merged or lacked (issue 15), and the kindergartens'
/// ownership. Added after every other facility, from random streams of their own, so that no facility modelled
/// before moves, changes its id or its capacities: the new features come last in the layer.
///
/// Rules:
/// 1. 社区卫生服务站 (`community_health_centre` with `level: station`; table B.0.2, 5-minute circle, △): one per
///    10,000 residents of the sub-district (the 5-minute circle's 5–12 k), placed on population clusters as
///    FacilityModel places its provisions (weighted k-means, a stream seeded from `ModelState.seed` + 9,000);
///    the sub-district's 社区卫生服务中心 take the clusters nearest them (a centre serves its own neighbourhood
///    as a station does), the other clusters get a station. Stations carry no `physicians`: the centres' figure
///    already stands for their stations (FacilityModel rule 4), so the 3.9 per 1,000 is unchanged.
/// 2. 老年养护院 (`elderly_care_home` with `level: nursing_home`; table B.0.1, 15-minute circle, ▲): one per
///    75,000 residents (the middle of the 15-minute circle's 50–100 k), the existing 养老院 taking no cluster
///    (they are another facility of the same circle). No `beds`: the modelled 2020 bed total (30 per 1,000 aged
///    60+, FacilityModel rule 4) stays with the 养老院, so the indicator is unchanged.
/// 3. The earlier 社区卫生服务中心 get `level: centre`, the 养老院 `level: care_home` (what they already were).
/// 4. Kindergarten `ownership` (公办 `public`, 民办普惠 `private_inclusive`, other 民办 `private`): drawn per
///    kindergarten in layer order from a stream seeded from `ModelState.seed` + 9,500, with probabilities
///    0.55 / 0.25 / 0.20. Assumed: no published split for Qiantang was found; seed 001 sets 2025 targets of
///    公办园在园生覆盖率 ≥ 75% and 普惠性幼儿园覆盖率 ≥ 90%, and the draw stands for a starting point below them.
enum FacilityTiers {
    struct Tier {
        let type: FacilityType
        let level: String
        let residentsPer: Double
        let nameZh: String
        let nameEn: String
        let idPart: String
        let rule: String
        /// The level the type's earlier facilities are at, and whether they take clusters of this tier.
        let existingLevel: String
        let existingTakeClusters: Bool
    }

    static let tiers: [Tier] = [
        Tier(type: .communityHealthCentre, level: "station", residentsPer: 10_000, nameZh: "社区卫生服务站",
             nameEn: "Community health station", idPart: "chc-station",
             rule: "one per 10,000 residents (GB 50180-2018 table B.0.2 社区卫生服务站, 5-minute circle, 5–12 k); clusters nearest a 社区卫生服务中心 left to it",
             existingLevel: "centre", existingTakeClusters: true),
        Tier(type: .elderlyCareHome, level: "nursing_home", residentsPer: 75_000, nameZh: "老年养护院",
             nameEn: "Elderly nursing home", idPart: "nursing-home",
             rule: "one per 75,000 residents (GB 50180-2018 table B.0.1 老年养护院, 15-minute circle, 50–100 k)",
             existingLevel: "care_home", existingTakeClusters: false),
    ]

    static let ownershipDraw: [(value: String, probability: Double)] = [
        ("public", 0.55), ("private_inclusive", 0.25), ("private", 0.20),
    ]
    static let ownershipBasis = "modelled: drawn per kindergarten, 0.55 public, 0.25 private inclusive, 0.20 private (assumed; seed 001 targets 公办 ≥ 75%, 普惠 ≥ 90% of places by 2025)"

    static func run(_ drafts: inout [FacilityModel.Draft], state: ModelState, siting: FacilitySiting,
                    subNames: [String: (String, String)]) throws {
        let populationBySub = Dictionary(grouping: state.population, by: \.subdistrict)
        let subIds = state.subdistricts.map(\.id)
        for (t, tier) in tiers.enumerated() {
            // Rule 3: the earlier facilities of the type say their level.
            let existing = drafts.indices.filter { drafts[$0].facility.type == tier.type }
            for d in existing { drafts[d].facility.properties["level"] = .string(tier.existingLevel) }
            var added = 0
            for (s, sub) in subIds.enumerated() {
                let cells = (populationBySub[sub] ?? []).filter { $0.population > 0 }
                if cells.isEmpty { continue }
                let residentsHere = cells.reduce(0.0) { $0 + Double($1.population) }
                let here = tier.existingTakeClusters ? existing.filter {
                    drafts[$0].facility.subdistrict == sub && drafts[$0].facility.properties["status"] == .string(Status.operating.rawValue)
                } : []
                var k = max(1, Int((residentsHere / tier.residentsPer).rounded()))
                k = min(max(k, here.count), cells.count)
                var rng = SeededGenerator(seed: state.seed &+ 9_000 &+ UInt64(t * 100 + s))
                let clusters = FacilityModel.kMeans(cells.map { ($0.centre, Double($0.population)) }, k: k, rng: &rng)
                let served = clusters.members.map { $0.reduce(0.0) { $0 + Double(cells[$1].population) } }
                var free = Set(clusters.centres.indices)
                for d in here {
                    let at = drafts[d].facility.point
                    guard let c = free.min(by: {
                        let (a, b) = (FacilityModel.dist(clusters.centres[$0], at), FacilityModel.dist(clusters.centres[$1], at))
                        return a < b || (a == b && $0 < $1)
                    }) else { break }
                    free.remove(c)
                }
                let count = free.count
                var number = 0
                for c in clusters.centres.indices where free.contains(c) {
                    number += 1
                    guard let site = try siting.site(near: clusters.centres[c], classes: FacilityModel.permitted(tier.type),
                                                     subdistrict: sub, avoidRedLine: true) else {
                        throw ModelError("no permitted parcel for a \(tier.nameEn) in \(sub)")
                    }
                    let (zh, en) = subNames[sub] ?? (sub, sub)
                    let suffix = count > 1 ? " \(number)" : ""
                    var properties = FacilityModel.common(source: "modelled", accuracy: 500)
                    properties["name_en"] = .string("\(tier.nameEn) (modelled), \(en)\(suffix)")
                    properties["status"] = .string(Status.operating.rawValue)
                    properties["level"] = .string(tier.level)
                    properties["provision_rule"] = .string(tier.rule)
                    properties["location_rule"] = .string("nearest permitted parcel (\(site.parcel.landUse.rawValue)) to the centre of population cluster \(c + 1) of \(k) in \(sub); \(Int(site.distance.rounded())) m from it")
                    properties["served_population"] = .number(served[c].rounded())
                    let facility = ModelFacility(id: "\(tier.idPart)-\(sub)-\(number)".replacingOccurrences(of: "_", with: "-"),
                                                 type: tier.type, name: "\(zh)\(tier.nameZh)（模拟）\(suffix)",
                                                 point: site.entrance, subdistrict: sub, properties: properties)
                    drafts.append(FacilityModel.Draft(facility: facility, served: served[c], servedAged: 0))
                    added += 1
                }
            }
            print("facilities: \(added) \(tier.nameEn.lowercased())s (\(tier.nameZh)) added")
        }

        // Rule 4: ownership of kindergartens.
        var rng = SeededGenerator(seed: state.seed &+ 9_500)
        var places: [String: Double] = [:]
        for d in drafts.indices where drafts[d].facility.type == .kindergarten {
            var u = rng.unit()
            var value = ownershipDraw.last!.value
            for option in ownershipDraw {
                if u < option.probability { value = option.value; break }
                u -= option.probability
            }
            drafts[d].facility.properties["ownership"] = .string(value)
            drafts[d].facility.properties["ownership_basis"] = .string(ownershipBasis)
            places[value, default: 0] += drafts[d].facility.properties["places"]?.doubleValue ?? 0
        }
        let total = places.values.reduce(0, +)
        if total > 0 {
            print(String(format: "facilities: kindergarten places public %.1f%%, inclusive (public + private_inclusive) %.1f%%",
                         (places["public"] ?? 0) / total * 100, ((places["public"] ?? 0) + (places["private_inclusive"] ?? 0)) / total * 100))
        }
    }
}
