import QTGeometry
import QTText

/// Inside the boundary: every feature of every layer but the boundary lies within the boundary, with a
/// tolerance of ``DistrictValidator/boundaryToleranceM`` (``ValidationWorkspace/isInsideWithTolerance(_:)``:
/// covered by the prepared boundary, or its outside part within 1 m of it; the boundary is never buffered).
/// The message says how far the feature reaches beyond the boundary itself.
struct InsideBoundaryCheck: DistrictCheck {
    let id = "inside"
    let title = "inside the boundary"

    func run(_ workspace: ValidationWorkspace) throws -> [CheckOutcome] {
        guard let boundary = workspace.metricBoundary() else {
            let issue = workspace.issue(.error, "inside.failed", .boundary, "the boundary cannot be measured in \(workspace.metricCRS)")
            return [CheckOutcome(id: id, title: title, issues: [issue], summary: "no boundary")]
        }
        let tolerance = DistrictValidator.boundaryToleranceM
        var issues: [ValidationIssue] = []
        var checked = 0
        for layer in workspace.presentLayers where layer != .boundary {
            let metric = workspace.metricGeometries(layer)
            checked += metric.compactMap { $0 }.count
            for index in try workspace.outsideIndices(layer) {
                guard let geometry = metric[index] else { continue }
                let beyond = try workspace.reach(of: geometry)
                let whole = try !boundary.intersects(geometry)
                let what = whole ? "lies outside the boundary" : "reaches outside the boundary"
                issues.append(
                    workspace.issue(
                        .error, "inside.outside", layer, index,
                        "\(what), up to \(Self.distance(beyond)) beyond it "
                            + "(tolerance \(ValidationText.plain(tolerance)) m)"))
            }
        }
        return [
            CheckOutcome(
                id: id, title: title, issues: issues, figures: [.count("features", checked)],
                summary: NumberText.count(checked, "feature") + " tested, tolerance "
                    + "\(ValidationText.plain(tolerance)) m")
        ]
    }

    /// `961.9 m`, or `150.7 km` from 10 km on.
    static func distance(_ metres: Double) -> String {
        metres < 10_000 ? ValidationText.metres(metres) + " m" : NumberText.grouped(metres / 1000, decimals: 1) + " km"
    }

}
