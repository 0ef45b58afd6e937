import QTModel
import QTProjection

/// Applying a plan file to a district before a job runs on it (`--plan` of coverage, indicators, landuse, map and
/// report).
public enum Scenarios {
    /// The district with the plan at `path` applied.
    /// - Throws: ``QTModel/ScenarioError`` for a missing or bad plan file.
    public static func apply(path: String, crs: CRS = .wgs84, to district: District, options: ScenarioOptions = ScenarioOptions()) throws -> AppliedScenario {
        try district.applying(try PlanFile.read(path: path, crs: crs), options: options)
    }
}

extension AppliedScenario {
    /// How results name the plan they were computed with: `name (file): 3 changes`.
    public var label: String {
        "\(plan.name)" + (plan.description.map { " — \($0)" } ?? "") + " (\(plan.path)): \(plan.edits.count) change\(plan.edits.count == 1 ? "" : "s")"
    }
}
