/// Residents newly covered in one sub-district.
public struct SubdistrictGain: Hashable, Sendable {
    /// Sub-district id.
    public var id: String
    /// Its name.
    public var name: String
    /// Residents newly inside the circle.
    public var residents: Double

    /// Creates a gain.
    public init(id: String, name: String, residents: Double) {
        self.id = id
        self.name = name
        self.residents = residents
    }
}

/// The verdict of one rule for one site, with what was measured, the limit and the clause.
public struct SiteRuleResult: Hashable, Sendable {
    /// The rule's id.
    public var rule: String
    /// The rule's title.
    public var title: String
    /// The rule's title in Chinese, when the rules file gives one (`title_zh`).
    public var titleZh: String?
    /// pass, warn or fail.
    public var verdict: SiteVerdict
    /// The measured number (metres, km², residents or a 0–1 share, see ``unit``); `nil` for rules that
    /// measure a class or could not measure anything.
    public var value: Double?
    /// The unit of ``value``: `m`, `km2`, `residents`, `share`, or empty.
    public var unit: String
    /// What was found, for people: "34 m to kg-1 西幼儿园", "cropland (01 耕地)".
    public var measured: String
    /// The limit, for people: "≥ 50 m", "not in: water", "≤ 7 km² (warn), ≤ 15 km² (fail)".
    public var limit: String
    /// The binding number of the limit (the fail limit, else the warn limit), when the rule has one.
    public var limitValue: Double?
    /// The document and clause.
    public var clause: String
    /// Whether that clause was checked against the document's text.
    public var verified: Bool
    /// Residents newly covered by sub-district (coverage gain only).
    public var bySubdistrict: [SubdistrictGain]

    /// Creates a result.
    public init(
        rule: String, title: String, verdict: SiteVerdict, value: Double?, unit: String, measured: String,
        limit: String, limitValue: Double?, clause: String, verified: Bool, bySubdistrict: [SubdistrictGain] = []
    ) {
        self.rule = rule
        self.title = title
        self.verdict = verdict
        self.value = value
        self.unit = unit
        self.measured = measured
        self.limit = limit
        self.limitValue = limitValue
        self.clause = clause
        self.verified = verified
        self.bySubdistrict = bySubdistrict
    }
}

/// Every applicable rule's verdict for one site.
public struct SiteCheckResult: Hashable, Sendable {
    /// The site.
    public var site: ProposedSite
    /// One result per applicable rule, in the rules file's order.
    public var rules: [SiteRuleResult]

    /// Creates a result.
    public init(site: ProposedSite, rules: [SiteRuleResult]) {
        self.site = site
        self.rules = rules
    }

    /// The worst verdict of its rules (pass when no rule applies).
    public var verdict: SiteVerdict { rules.map(\.verdict).max() ?? .pass }

    /// The rules that failed.
    public var failures: [SiteRuleResult] { rules.filter { $0.verdict == .fail } }

    /// The rules that warned.
    public var warnings: [SiteRuleResult] { rules.filter { $0.verdict == .warn } }

    /// The coverage gain rule's result, when it applied.
    public var coverageGain: SiteRuleResult? { rules.first { $0.rule == "coverage_gain" } }
}

/// The circle a type's coverage rules were measured with.
public struct SiteCircle: Hashable, Sendable {
    /// The facility type.
    public var type: String
    /// The service measured (profile row, mode, minutes or metres).
    public var service: CoverageService
}

/// The result of checking a plan: one result per site, in the plan's order, and what they were measured with.
public struct SiteCheckReport: Hashable, Sendable {
    /// Per site.
    public var sites: [SiteCheckResult]
    /// The rules file.
    public var rulesPath: String
    /// The life-circle profile's name.
    public var profile: String
    /// The circle of each type checked.
    public var circles: [SiteCircle]
    /// Whether the district's residents or facilities are modelled (figures show the method only).
    public var modelledData: Bool

    /// Creates a report.
    public init(sites: [SiteCheckResult], rulesPath: String, profile: String, circles: [SiteCircle], modelledData: Bool) {
        self.sites = sites
        self.rulesPath = rulesPath
        self.profile = profile
        self.circles = circles
        self.modelledData = modelledData
    }

    /// The worst verdict over every site.
    public var verdict: SiteVerdict { sites.map(\.verdict).max() ?? .pass }
}
