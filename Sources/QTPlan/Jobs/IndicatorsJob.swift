import QTAnalysis
import QTModel

/// The life-circle rows of `indicators`: the standards and the profile whose circles are combined.
public struct LifeCircleBasis: Sendable {
    /// The standards file's values.
    public var standards: LifeCircleStandards
    /// The profile whose circles are measured.
    public var profile: LifeCircleProfile

    /// A basis.
    public init(standards: LifeCircleStandards, profile: LifeCircleProfile) {
        self.standards = standards
        self.profile = profile
    }

    /// The profile asked for, then every other profile a life-circle target names (``IndicatorTarget/profile``):
    /// the plan's 15分钟公共服务圈 is measured over `qiantang-plan`'s services whichever profile is asked for.
    /// - Throws: ``StandardsError/unknownProfile(path:name:known:)`` for a profile the standards file lacks.
    public func profiles(for targets: IndicatorTargets) throws -> [LifeCircleProfile] {
        var out = [profile]
        for name in targets.indicators.compactMap(\.profile) where !out.contains(where: { $0.name == name }) {
            out.append(try standards.profile(name))
        }
        return out
    }
}

/// The plan's indicators for a district, and the targets file they were read from.
public struct IndicatorsResult: Sendable {
    /// The indicators for the district and each sub-district.
    public var report: IndicatorReport
    /// The targets file, as results name it.
    public var targetsPath: String
    /// The plan the district was changed by, as results name it, if any.
    public var scenario: String?
    /// The indicators at the plan's population (today's facilities), when asked.
    public var atPlanPopulation: AtPopulation?
    /// The standards file's names of services, for tables in Chinese (empty without life-circle rows).
    public var wording = StandardsWording()
}

/// Indicators at another population than today's: the plan's for the target year, or a given one.
public struct AtPopulation: Sendable {
    /// The residents.
    public var residents: Int
    /// Where the figure comes from (`targets.json plan_population: seed 001, …`, or `--residents`).
    public var source: String
    /// The indicators at that population.
    public var report: IndicatorReport
}

/// Which population the indicators are also given at.
public enum IndicatorPopulation: Sendable, Hashable {
    /// The targets file's plan population for this year.
    case planYear(Int)
    /// A given number of residents.
    case residents(Int)
}

/// `indicators`: the Five-Year Plan's service indicators against their 2025 targets, with what is missing.
public enum IndicatorsJob {
    /// Computes the indicators of `district`.
    /// - Parameters:
    ///   - targets: the targets (``StandardsFiles/targets(path:)``), read from `targetsPath`.
    ///   - lifeCircles: the basis of the life-circle rows (residents reaching every service of a circle, walking);
    ///     `nil` leaves them out (not computed). A district without the layers they need shows them as not computed.
    /// - Parameter population: a population to give the indicators at as well (today's facilities); the plan's
    ///   for a year comes from the targets file.
    /// - Throws: ``PlanError`` (`usage`) for a year the targets file gives no population for.
    public static func run(
        on district: District, targets: IndicatorTargets, targetsPath: String,
        lifeCircles: LifeCircleBasis?, population: IndicatorPopulation? = nil
    ) async throws -> IndicatorsResult {
        var figures: IndicatorCalculator.LifeCircleFigures?
        if let lifeCircles {
            do {
                let options = CoverageOptions(
                    walkSpeedKmh: lifeCircles.standards.walkSpeedKmh,
                    accessDistance: lifeCircles.standards.accessDistance)
                figures = .measured(
                    try await LifeCircleShare.measure(
                        district, profiles: try lifeCircles.profiles(for: targets),
                        standards: lifeCircles.standards, options: options))
            } catch let error as CoverageError {
                guard case .missingLayer = error else { throw error }
                figures = .unavailable(reason: "not computed: \(error.description)")
            }
        }
        let report = try IndicatorCalculator(targets: targets).report(
            for: district, lifeCircles: figures,
            land: try landFigures(district))
        var result = IndicatorsResult(
            report: report, targetsPath: targetsPath, scenario: nil,
            atPlanPopulation: try population.map { try at($0, report: report, targets: targets, targetsPath: targetsPath) })
        result.wording = lifeCircles?.standards.wording ?? StandardsWording()
        return result
    }

    /// The land figures of the green indicators (``LandFigures/measure(_:)``), or `nil` when the district has no
    /// land-use layer (the rows say not computed).
    /// - Throws: ``PlanError`` (`badData`) for a parcel or park that cannot be used, named by its file and feature.
    public static func landFigures(_ district: District) throws -> LandFigures? {
        guard district.layers[.landuse] != nil else { return nil }
        do {
            return try LandFigures.measure(district)
        } catch let error as LandUseError {
            switch error {
            case .missingLayer: return nil
            case .invalidFeature(let layer, let index, let id, let detail):
                throw PlanError(.badData, "\(district.file(of: layer)): feature \(index)\(id.map { " '\($0)'" } ?? ""): \(detail)")
            }
        }
    }

    /// `report` at another population.
    /// - Throws: ``PlanError`` (`usage`) for a year the targets file gives no population for.
    public static func at(
        _ population: IndicatorPopulation, report: IndicatorReport, targets: IndicatorTargets,
        targetsPath: String
    ) throws -> AtPopulation {
        switch population {
        case .planYear(let year):
            guard let plan = targets.planPopulation, plan.year == year else {
                throw PlanError(
                    .usage,
                    "\(targetsPath): no plan population for \(year) (the targets file's plan_population"
                        + (targets.planPopulation.map { " is for \($0.year))" } ?? " is missing)"))
            }
            return AtPopulation(
                residents: plan.residents, source: "the plan's \(plan.year) population, \(plan.source.seed) \(plan.source.location)",
                report: IndicatorCalculator(targets: targets).atPopulation(report, residents: plan.residents))
        case .residents(let n):
            return AtPopulation(residents: n, source: "as given", report: IndicatorCalculator(targets: targets).atPopulation(report, residents: n))
        }
    }
}
