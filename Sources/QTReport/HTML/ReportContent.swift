import QTAnalysis
import QTModel
import QTText

/// Everything one report shows, computed beforehand (QTPlan's report job does it): a Sendable value.
public struct ReportContent: Sendable {
    /// The district's summary (names, areas, residents, layers and their sources).
    public var summary: DistrictSummary
    /// Land use by class, with the reconciliation figures; `nil` without a land-use layer.
    public var landUse: LandUseReport?
    /// The plan's land figures land use is compared with; `nil` leaves the comparison out.
    public var landTargets: LandTargets?
    /// Coverage of every rule of the profile, district and sub-districts.
    public var coverage: [CoverageResult]
    /// The standards profile's name and description (`gb50180: GB 50180-2018 …`).
    public var coverageProfile: String
    /// The assumptions a reader needs beside the coverage table (walking speed, residents at point on surface…).
    public var coverageNotes: [String]
    /// The indicators against the 2025 targets; `nil` when not computed.
    public var indicators: IndicatorReport?
    /// Maps, drawn inline and made pannable and zoomable by the report's script.
    public var maps: [MapDocument]
    /// The checks of a plan's sites, when a plan was given.
    public var siteChecks: [ReportSiteCheck]?
    /// Plans compared with the district as it is (方案比选), when plans were given; their maps are in ``maps``.
    public var comparison: ReportComparison?
    /// The indicators at another population (the plan's for the target year), with the sentence that says how.
    public var indicatorsAtPopulation: (residents: Int, note: String, report: IndicatorReport)?
    /// Where the data comes from and what is modelled, said at the top and bottom.
    public var provenance: String
    /// The program and library versions (`qtplan 0.1.0 (GEOS …, PROJ …, GDAL …)`).
    public var generator: String
    /// The language of headings, table headers, service and indicator names and what shortfalls need (the
    /// notes stay English); maps carry their own (``MapDocument/language``).
    public var language: Language = .en
    /// The standards file's names of services and units, for the Chinese report.
    public var wording = StandardsWording()

    /// Creates the content.
    public init(
        summary: DistrictSummary, landUse: LandUseReport?, landTargets: LandTargets?, coverage: [CoverageResult], coverageProfile: String,
        coverageNotes: [String], indicators: IndicatorReport?, maps: [MapDocument], siteChecks: [ReportSiteCheck]?,
        provenance: String, generator: String
    ) {
        self.summary = summary
        self.landUse = landUse
        self.landTargets = landTargets
        self.coverage = coverage
        self.coverageProfile = coverageProfile
        self.coverageNotes = coverageNotes
        self.indicators = indicators
        self.maps = maps
        self.siteChecks = siteChecks
        self.comparison = nil
        self.indicatorsAtPopulation = nil
        self.provenance = provenance
        self.generator = generator
    }
}

/// One site of a plan as the report shows it: every rule checked, with verdict, measured value, limit and clause.
public struct ReportSiteCheck: Sendable, Hashable {
    /// One rule's outcome.
    public struct Rule: Sendable, Hashable {
        /// The rule, in words.
        public var rule: String
        /// `pass`, `fail` or `warn`.
        public var verdict: String
        /// What was measured, with its unit.
        public var measured: String
        /// The limit, with its unit.
        public var limit: String
        /// The clause of the standard it comes from.
        public var clause: String

        /// Creates a rule outcome.
        public init(rule: String, verdict: String, measured: String, limit: String, clause: String) {
            self.rule = rule
            self.verdict = verdict
            self.measured = measured
            self.limit = limit
            self.clause = clause
        }
    }

    /// The site's id or name.
    public var site: String
    /// The facility type proposed.
    public var type: String
    /// The rules.
    public var rules: [Rule]

    /// Creates a site check.
    public init(site: String, type: String, rules: [Rule]) {
        self.site = site
        self.type = type
        self.rules = rules
    }
}
