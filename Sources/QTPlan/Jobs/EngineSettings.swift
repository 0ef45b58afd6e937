import QTAnalysis
import QTModel
import QTText

/// Settings of the coverage engine that every job measuring circles shares (coverage, isochrones, maps, the
/// report, siting): the off-street access distance, the travel-time grid's cell and the longest threshold.
public struct EngineSettings: Sendable, Hashable {
    /// Service areas: off-street distance beyond the reachable streets, metres; `nil` for the standards file's.
    public var accessMetres: Double?
    /// Service areas: the cell of the travel-time grid, metres.
    public var cellMetres: Double
    /// The longest threshold accepted, minutes: a limit against runaway requests.
    public var maximumMinutes: Double

    /// Settings; the defaults are the CLI's.
    public init(accessMetres: Double? = nil, cellMetres: Double = 25, maximumMinutes: Double = 120) {
        self.accessMetres = accessMetres
        self.cellMetres = cellMetres
        self.maximumMinutes = maximumMinutes
    }

    /// The engine's options: these settings, the standards file's speed and access distance where not overridden.
    public func options(standards: LifeCircleStandards, walkSpeedKmh: Double? = nil, includePlanned: Bool = false) -> CoverageOptions {
        CoverageOptions(
            includePlanned: includePlanned, walkSpeedKmh: walkSpeedKmh ?? standards.walkSpeedKmh,
            accessDistance: accessMetres ?? standards.accessDistance, cellSize: cellMetres, maximumMinutes: maximumMinutes)
    }

    /// Refuses thresholds over ``maximumMinutes`` before the district is loaded (the engine refuses them too, but
    /// only once its inputs are read): a 10-hour isochrone is a runaway request, not a long wait.
    public func checkLimit(_ services: [CoverageService]) throws(PlanError) {
        for s in services where s.mode != .radius { try checkLimit(minutes: max(s.minutes, s.minutesRural ?? 0), label: s.label) }
    }

    /// Refuses `minutes` over ``maximumMinutes`` (a usage error naming the setting that raises it).
    public func checkLimit(minutes: Double, label: String? = nil) throws(PlanError) {
        guard minutes > maximumMinutes else { return }
        throw PlanError(
            .usage,
            SettingText(label.map { "\($0): " } ?? "") + "\(NumberText.trimmed(minutes)) minutes "
                + "is over the limit of \(NumberText.trimmed(maximumMinutes)) minutes (\(setting: .maximumMinutes))")
    }

    /// Warnings for service areas drawn on a coarser grid than asked: the travel-time grid holds at most 16
    /// million cells, so a very large reachable area gets larger cells (blockier polygons, the same shares).
    /// - Parameter cells: what was drawn (a service's label) and the cell it was drawn on, metres.
    public func coarseGridWarnings(_ cells: [(String, Double)]) -> [String] {
        var said: Set<String> = []
        var warnings: [String] = []
        for (what, cell) in cells where cell > cellMetres * 1.0001 && said.insert(what).inserted {
            warnings.append(
                "\(what): areas drawn on a \(NumberText.fixed(cell, 1)) m grid instead of \(NumberText.fixed(cellMetres, 1)) m "
                    + "(the reachable area would need more than 16 million cells; shares are not affected)")
        }
        return warnings
    }
}
