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
}

/// The plan's indicators for a district, and the targets file they were read from.
public struct IndicatorsResult: Sendable {
    /// The indicators for the district and each sub-district.
    public var report: IndicatorReport
    /// The targets file, as results name it.
    public var targetsPath: String
    /// The plan the district was changed by, as results name it, if any.
    public var scenario: String?
}

/// `indicators`: the Five-Year Plan's service indicators against their 2025 targets, with what is missing.
public enum IndicatorsJob {
    /// Computes the indicators of `district`.
    /// - Parameters:
    ///   - targets: the targets (``StandardsFiles/targets(path:)``), read from `targetsPath`.
    ///   - lifeCircles: the basis of the life-circle rows (residents reaching every service of a circle, walking);
    ///     `nil` leaves them out (not computed). A district without the layers they need shows them as not computed.
    public static func run(on district: District, targets: IndicatorTargets, targetsPath: String,
                           lifeCircles: LifeCircleBasis?) async throws -> IndicatorsResult {
        var figures: IndicatorCalculator.LifeCircleFigures?
        if let lifeCircles {
            do {
                let options = CoverageOptions(walkSpeedKmh: lifeCircles.standards.walkSpeedKmh,
                                              accessDistance: lifeCircles.standards.accessDistance)
                figures = .measured(try await LifeCircleShare.measure(district, profile: lifeCircles.profile,
                                                                      standards: lifeCircles.standards, options: options))
            } catch let error as CoverageError {
                guard case .missingLayer = error else { throw error }
                figures = .unavailable(reason: "not computed: \(error.description)")
            }
        }
        let report = try IndicatorCalculator(targets: targets).report(for: district, lifeCircles: figures)
        return IndicatorsResult(report: report, targetsPath: targetsPath, scenario: nil)
    }
}
