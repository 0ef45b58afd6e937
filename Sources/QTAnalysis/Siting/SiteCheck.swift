import QTModel
import QTProjection

/// Siting rule checks: one site or a whole plan against the rules file, each rule with its verdict, the
/// measured value, the limit and the clause it comes from.
///
/// ```swift
/// let rules = try SitingRules.load(path: "geodata/standards/siting-rules.json")
/// let profile = try LifeCircleStandards.load(path: "geodata/standards/life-circles.json").profile()
/// let plan = try SitePlan.read(path: "plan.geojson", what: "sites file")
/// let report = try SiteCheck.check(plan, in: district, rules: rules, options: SitingOptions(profile: profile))
/// for site in report.sites where site.verdict == .fail { print(site.site.id, site.failures.map(\.rule)) }
/// ```
public enum SiteCheck {
    /// Checks every site of a plan, in the plan's order. Each site is checked against the district as it is
    /// and the plan's other sites (for distances and spacing; coverage gain is each site's own).
    /// - Throws: ``SitingError/invalidRequest(_:)`` for an empty plan or duplicate ids; ``CoverageError`` for
    ///   population or network features the coverage engine cannot use; GEOS and PROJ errors.
    public static func check(
        _ sites: [ProposedSite], in district: District, rules: SitingRules,
        options: SitingOptions
    ) throws -> SiteCheckReport {
        guard !sites.isEmpty else { throw SitingError.invalidRequest("no sites to check") }
        var ids: Set<String> = []
        for s in sites where !ids.insert(s.id).inserted { throw SitingError.invalidRequest("site id '\(s.id)' appears twice") }
        for s in sites where FacilityType(rawValue: s.type) == nil {
            throw SitingError.invalidRequest(
                "site \(s.id): unknown facility type '\(s.type)' (known: \(FacilityType.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let checker = try SiteChecker(district: district, rules: rules, options: options, types: sites.map(\.type))
        let results = try sites.map { try checker.check($0, alongside: sites) }
        var circles: [SiteCircle] = []
        for s in sites {
            if let c = checker.circle(for: s), !circles.contains(where: { $0.type == s.type && $0.service == c }) {
                circles.append(SiteCircle(type: s.type, service: c))
            }
        }
        return SiteCheckReport(
            sites: results, rulesPath: rules.path, profile: options.profile.name, circles: circles,
            modelledData: checker.modelledData)
    }
}
