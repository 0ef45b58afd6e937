import QTModel
import QTText

/// The combined share of one life circle: the residents who reach **every** life-circle service of the circle
/// within its minutes (urban or rural threshold each), for the district and each sub-district.
///
/// A resident location counts when it is covered in the result of each of the circle's rules
/// (``LifeCircleProfile/lifeCircleRules(minutes:)``: the rules with `in_life_circle` and `required` not `false`
/// whose minutes are the circle's: GB 50180's ▲ facilities, not its △ ones). This is the figure behind "residents inside the 15-minute life circle": one resident
/// reaching a school and a health centre but no culture centre is not inside it.
public struct LifeCircleShare: Hashable, Sendable {
    /// The circle's minutes (urban residents).
    public var minutes: Double
    /// The profile whose rules were combined.
    public var profile: String
    /// The labels of the rules combined, in the profile's order.
    public var services: [String]
    /// Residents and those reaching every service, for the whole district.
    public var total: CoverageCount
    /// The same per sub-district, in the order of ``DemandSet/subdistricts``.
    public var bySubdistrict: [CoverageCount]

    /// Creates a share from its parts.
    public init(minutes: Double, profile: String, services: [String], total: CoverageCount, bySubdistrict: [CoverageCount]) {
        self.minutes = minutes
        self.profile = profile
        self.services = services
        self.total = total
        self.bySubdistrict = bySubdistrict
    }

    /// The combined share of the circle of `minutes`: `results` must hold one result of each of the circle's
    /// rules (matched by label), all measured on `demand`.
    /// - Returns: `nil` when the profile has no life-circle rule for `minutes`.
    /// - Throws: ``CoverageError/invalidRequest(_:)`` when a rule's result is missing.
    public static func combined(
        minutes: Double, profile: LifeCircleProfile, results: [CoverageResult],
        demand: DemandSet
    ) throws -> LifeCircleShare? {
        let rules = profile.lifeCircleRules(minutes: minutes)
        guard !rules.isEmpty else { return nil }
        var everywhere = [Bool](repeating: true, count: demand.count)
        for rule in rules {
            guard let result = results.first(where: { $0.service.label == rule.label }) else {
                throw CoverageError.invalidRequest(
                    "\(profile.name): no coverage result for \(rule.label), a service of the "
                        + "\(NumberText.trimmed(minutes))-minute life circle")
            }
            guard result.covered.count == demand.count else {
                throw CoverageError.invalidRequest("\(rule.label): measured on other residents")
            }
            for i in 0..<demand.count where !result.covered[i] { everywhere[i] = false }
        }
        var total = CoverageCount(id: "", name: "", population: 0, covered: 0)
        var parts = demand.subdistricts.indices.map {
            CoverageCount(id: demand.subdistricts[$0], name: demand.subdistrictNames[$0], population: 0, covered: 0)
        }
        for i in 0..<demand.count {
            let people = demand.population[i]
            total.population += people
            if everywhere[i] { total.covered += people }
            let s = Int(demand.subdistrict[i])
            if s >= 0 {
                parts[s].population += people
                if everywhere[i] { parts[s].covered += people }
            }
        }
        return LifeCircleShare(
            minutes: minutes, profile: profile.name, services: rules.map(\.label), total: total,
            bySubdistrict: parts)
    }

    /// The combined shares of every circle of the profile that has life-circle rules (5, 10, 15 minutes in
    /// `gb50180`; 15 in `qiantang-plan`), measured on the district: one coverage pass per rule, in the rule's
    /// own mode (walking for every life-circle rule of the bundled profiles) unless `mode` is given. Returns
    /// them by ascending minutes.
    public static func measure(
        _ district: District, profile: LifeCircleProfile, standards: LifeCircleStandards,
        options: CoverageOptions, mode: CoverageMode? = nil
    ) async throws -> [LifeCircleShare] {
        let services = profile.combinedRules.map { profile.service($0, mode: mode) }
        guard !services.isEmpty else { return [] }
        let inputs = try Coverage.prepare(district, services: services, standards: standards, options: options)
        let results = try await Coverage.measure(services, in: inputs)
        return try combined(profile: profile, results: results, demand: inputs.demand)
    }

    /// The combined shares of several profiles, in the order given, with one preparation of the district (residents,
    /// facilities, networks) shared by all: ``measure(_:profile:standards:options:mode:)`` for each.
    public static func measure(
        _ district: District, profiles: [LifeCircleProfile], standards: LifeCircleStandards,
        options: CoverageOptions, mode: CoverageMode? = nil
    ) async throws -> [LifeCircleShare] {
        let perProfile = profiles.map { p in p.combinedRules.map { p.service($0, mode: mode) } }
        let all = perProfile.flatMap { $0 }
        guard !all.isEmpty else { return [] }
        let inputs = try Coverage.prepare(district, services: all, standards: standards, options: options)
        var shares: [LifeCircleShare] = []
        for (profile, services) in zip(profiles, perProfile) where !services.isEmpty {
            let results = try await Coverage.measure(services, in: inputs)
            shares += try combined(profile: profile, results: results, demand: inputs.demand)
        }
        return shares
    }

    /// The combined shares of every circle of the profile that has life-circle rules, from results already
    /// measured on `demand` (which must include each life-circle rule, as `coverage --all` does), by ascending
    /// minutes. No coverage pass is run again.
    /// - Throws: ``CoverageError/invalidRequest(_:)`` when a rule's result is missing.
    public static func combined(profile: LifeCircleProfile, results: [CoverageResult], demand: DemandSet) throws -> [LifeCircleShare] {
        let circles = Array(Set(profile.combinedRules.map(\.minutes))).sorted()
        return try circles.compactMap { try combined(minutes: $0, profile: profile, results: results, demand: demand) }
    }
}
