import QTAnalysis
import QTGeometry
import QTModel
import QTText

/// How the siting jobs measure circles: the profile, an override of the mode, minutes or distance, and the
/// engine's settings.
public struct SitingSettings: Sendable, Hashable {
    /// The life-circle profile; `nil` for the standards file's default.
    public var profile: String?
    /// One mode for every circle instead of each type's own.
    public var mode: CoverageMode?
    /// Circles of this many minutes instead of the profile's.
    public var minutes: Double?
    /// Radius mode: this distance instead of the circle's.
    public var distance: Double?
    /// Walking speed, km/h; `nil` for the standards file's.
    public var walkSpeedKmh: Double?
    /// Count planned and under-construction facilities as existing.
    public var includePlanned: Bool
    /// The engine's settings.
    public var engine: EngineSettings
    /// How results name request settings.
    public var names: SettingNames

    /// Settings.
    public init(
        profile: String? = nil, mode: CoverageMode? = nil, minutes: Double? = nil, distance: Double? = nil,
        walkSpeedKmh: Double? = nil, includePlanned: Bool = false, engine: EngineSettings = EngineSettings(),
        names: SettingNames = .library
    ) {
        self.profile = profile
        self.mode = mode
        self.minutes = minutes
        self.distance = distance
        self.walkSpeedKmh = walkSpeedKmh
        self.includePlanned = includePlanned
        self.engine = engine
        self.names = names
    }

    /// The siting options under `standards`.
    /// - Throws: ``QTAnalysis/StandardsError`` for an unknown profile.
    public func options(standards: LifeCircleStandards) throws -> SitingOptions {
        SitingOptions(
            profile: try standards.profile(profile), mode: mode, minutes: minutes, distance: distance,
            coverage: engine.options(standards: standards, walkSpeedKmh: walkSpeedKmh, includePlanned: includePlanned),
            driveSpeedKmh: standards.driveSpeedKmh, settingNames: names)
    }
}

/// A plan's sites checked against the siting rules.
public struct SiteCheckOutcome: Sendable {
    /// Every applicable rule's verdict for each site.
    public var report: SiteCheckReport
    /// The district's name.
    public var district: String
}

/// `site-check`: every applicable siting rule for one site or a whole plan: verdict, measured value, limit, clause.
public enum SiteCheckJob {
    /// Checks `sites` in `district`.
    public static func run(_ sites: [ProposedSite], on district: District, rules: SitingRules, options: SitingOptions) throws -> SiteCheckOutcome {
        SiteCheckOutcome(report: try SiteCheck.check(sites, in: district, rules: rules, options: options), district: district.manifest.name)
    }
}

/// The sites suggested for a type, with what the caller should hear.
public struct SiteSuggestOutcome: Sendable {
    /// The picks and their gains.
    public var result: SiteSuggestResult
    /// The spacing of the candidate grid, when the candidates came from one.
    public var gridMetres: Double?
    /// The land-use classes the grid was laid on.
    public var gridClasses: [LandUseClass]
    /// The district's name.
    public var district: String
    /// Warnings: no candidate passing site-check, a target share not reached.
    public var warnings: [String]
}

/// `site-suggest`: the sites that bring the most residents inside a type's circle (maximal covering).
public enum SiteSuggestJob {
    /// Suggests sites in `district`.
    public static func run(_ request: SiteSuggestRequest, on district: District, rules: SitingRules, options: SitingOptions) throws -> SiteSuggestOutcome {
        let result = try SiteSuggest.suggest(request, in: district, rules: rules, options: options)
        var warnings: [String] = []
        if result.passing == 0 { warnings.append("no candidate passes site-check: nothing to choose from") }
        if result.targetReached == false, let target = request.targetShare {
            warnings.append(
                "the target share \(NumberText.fixed(target * 100, 1))% is not reached: "
                    + "\(NumberText.fixed(result.covered / max(result.population, 1) * 100, 1))% with every useful candidate")
        }
        return SiteSuggestOutcome(
            result: result, gridMetres: request.candidates == nil ? (request.gridMetres ?? rules.candidateGridMetres) : nil,
            gridClasses: rules.allowedClasses(for: request.type), district: district.manifest.name, warnings: warnings)
    }
}
