import QTGeometry
import QTText

/// Inside the boundary: every feature of every layer but the boundary lies within the boundary, with a
/// tolerance of ``DistrictValidator/boundaryToleranceM`` (the metric boundary buffered by 1 m, prepared,
/// tested with `covers`). The message says how far the feature reaches beyond the boundary itself.
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
        var prepared: PreparedGeometry?  // made at the first feature outside
        for layer in workspace.presentLayers where layer != .boundary {
            let metric = workspace.metricGeometries(layer)
            checked += metric.compactMap { $0 }.count
            for index in try workspace.outsideIndices(layer) {
                guard let geometry = metric[index] else { continue }
                if prepared == nil { prepared = try PreparedGeometry(boundary) }
                let beyond = try reach(of: geometry, outside: boundary, prepared: prepared!, workspace)
                let whole = try !boundary.intersects(geometry)
                let what = whole ? "lies outside the boundary" : "reaches outside the boundary"
                issues.append(workspace.issue(.error, "inside.outside", layer, index,
                                              "\(what), up to \(Self.distance(beyond)) beyond it "
                                                + "(tolerance \(ValidationText.plain(tolerance)) m)"))
            }
        }
        return [CheckOutcome(id: id, title: title, issues: issues, figures: [.count("features", checked)],
                             summary: NumberText.count(checked, "feature") + " tested, tolerance "
                                + "\(ValidationText.plain(tolerance)) m")]
    }

    /// `961.9 m`, or `150.7 km` from 10 km on.
    static func distance(_ metres: Double) -> String {
        metres < 10_000 ? ValidationText.metres(metres) + " m" : NumberText.grouped(metres / 1000, decimals: 1) + " km"
    }

    /// How far the part of `geometry` outside `boundary` reaches from it: the largest distance of a vertex of
    /// that part, once simplified within ``reachToleranceM`` (the metric geometries are densified every 10 m:
    /// a mistyped position 5° away made 50,000 vertices, and a fuzzed district took half a minute here).
    /// Each vertex is measured through the prepared boundary's facet index: five parcels with a mistyped
    /// longitude (12.03 for 120.3) against the bundled boundary's 10,000 vertices took 49 s with a plain
    /// distance per vertex.
    private func reach(of geometry: NativeGeometry, outside boundary: NativeGeometry, prepared: PreparedGeometry,
                       _ workspace: ValidationWorkspace) throws -> Double {
        let outside = try geometry.difference(boundary).simplify(tolerance: Self.reachToleranceM, preserveTopology: false)
        var farthest = 0.0
        try outside.value().forEachCoordinate { c in
            farthest = max(farthest, try prepared.distance(to: try workspace.context.makePoint(x: c.x, y: c.y)))
        }
        return farthest
    }

    /// How far (m) the simplified outside part may depart from the true one when measuring the reach.
    static let reachToleranceM = 0.05
}
