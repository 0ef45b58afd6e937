import QTGeometry
import QTProjection
import QTText

/// Network connectivity, per mode: the walk graph (edges with `walk: true`) and the drive graph
/// (`drive: true`), nodes being edge end points matched exactly after rounding to 7 decimals, direction
/// ignored. The manifest may state that a mode has more than one component (`network_components`, with
/// its reason: walkers cannot cross the Qiantang River, for example); more components than expected is a
/// warning, and the expected largest components holding less than
/// ``DistrictValidator/largestComponentMinimumShare`` of the mode's edge length (geodesic) is an error.
struct NetworkConnectivityCheck: DistrictCheck {
    enum Mode: String { case walk, drive }

    var mode: Mode
    var id: String { "network.\(mode.rawValue)" }
    var title: String { "\(mode.rawValue) network" }

    /// A node: an end point rounded to 7 decimals.
    struct Node: Hashable {
        var x: Int64
        var y: Int64
        init(_ c: Coordinate) {
            x = Int64((c.x * 1e7).rounded())
            y = Int64((c.y * 1e7).rounded())
        }
    }

    func run(_ workspace: ValidationWorkspace) throws -> [CheckOutcome] {
        guard workspace.district.layers[.network] != nil else {
            return [.notPresent(id: id, layer: .network, title: title)]
        }
        var sets = DisjointSets<Node>()
        var edges: [(index: Int, from: Int, length: Double)] = []
        for (index, feature) in workspace.features(.network).enumerated() {
            guard feature.properties[mode.rawValue]?.boolValue == true,
                case .lineString(let line)? = feature.geometry, let first = line.coordinates.first,
                let last = line.coordinates.last
            else { continue }
            let a = sets.element(Node(first)), b = sets.element(Node(last))
            sets.union(a, b)
            edges.append((index, a, try Geodesic.wgs84.length(of: .lineString(line))))
        }
        guard !edges.isEmpty else {
            // An empty layer is one error (reported by the walk check); a layer without edges of this mode, a
            // warning: analyses of that mode would find no route.
            var issues: [ValidationIssue] = []
            if workspace.features(.network).isEmpty {
                if mode == .walk {
                    issues.append(
                        workspace.issue(
                            .error, "network.empty", .network,
                            "the network has no edges: a "
                                + "network layer needs at least one edge (or leave it out of the manifest)"))
                }
            } else if !workspace.features(.network).contains(where: {
                $0.properties[mode.rawValue].map { $0.boolValue == nil } ?? false
            }) { // (a value of the wrong type is already a fields error)
                issues.append(
                    workspace.issue(
                        .warning, "network.no_edges", .network,
                        "no edge has \(mode.rawValue): true: "
                            + "\(mode.rawValue) analyses would find no route"))
            }
            return [
                CheckOutcome(
                    id: id, layer: .network, title: title, issues: issues, figures: [.count("edges", 0)],
                    summary: "no \(mode.rawValue) edges")
            ]
        }
        // Components by root: total length, edge count, first edge.
        var components: [Int: (length: Double, edges: Int, first: Int)] = [:]
        for edge in edges {
            let root = sets.root(edge.from)
            let current = components[root] ?? (0, 0, edge.index)
            components[root] = (current.length + edge.length, current.edges + 1, min(current.first, edge.index))
        }
        let ranked = components.values.sorted { ($0.length, $1.first) > ($1.length, $0.first) }
        let total = edges.reduce(0) { $0 + $1.length }
        let expected = max(1, workspace.district.manifest.networkComponents?[mode.rawValue] ?? 1)
        let outside = total - ranked.prefix(expected).reduce(0) { $0 + $1.length }
        let share = total > 0 ? outside / total : 0
        var issues: [ValidationIssue] = []
        // A stated least share for the largest component (a build from OpenStreetMap states what it found).
        let stated = workspace.district.manifest.networkMinLargestShare?[mode.rawValue]
        let largestShare = total > 0 ? (ranked.first?.length ?? 0) / total : 1
        if let stated, largestShare < stated, let first = ranked.first {
            issues.append(
                workspace.issue(
                    .error, "network.components", .network, first.first,
                    "the \(mode.rawValue) network's largest component holds \(percent(largestShare)) of its "
                        + "edge length, less than the \(percent(stated)) the manifest states "
                        + "(network_min_largest_share)"))
        }
        if ranked.count > expected, let next = ranked.dropFirst(expected).first {
            let minimum = stated ?? DistrictValidator.largestComponentMinimumShare
            let severity: ValidationSeverity = 1 - share < minimum ? .error : .warning
            let limit =
                severity == .error
                ? "; the largest must hold at least \(NumberText.grouped(minimum * 100, decimals: 0))%" : ""
            issues.append(
                workspace.issue(
                    severity, "network.components", .network, next.first,
                    "the \(mode.rawValue) network has \(ranked.count) components"
                        + (expected > 1 ? " (\(expected) expected)" : "") + ": "
                        + "\(percent(share)) of its edge length (\(km(outside)) of \(km(total))) lies outside "
                        + "the \(expected > 1 ? "\(expected) largest" : "largest"); this edge is in the next largest (\(NumberText.count(next.edges, "edge")), "
                        + "\(km(next.length)))\(limit)"))
        }
        let summary =
            "\(NumberText.count(edges.count, "edge")), \(km(total)), "
            + "\(NumberText.count(ranked.count, "component"))"
            + (expected > 1 && ranked.count <= expected
                ? " (\(expected) expected: "
                    + (stated == nil ? workspace.district.manifest.networkComponentsReason ?? "stated in the manifest" : "as stated") + ")" : "")
            + (ranked.count > expected ? ", \(percent(share)) of length outside the largest" : "")
            + (stated.map { ", largest \(percent(largestShare)) (at least \(percent($0)) stated)" } ?? "")
        return [
            CheckOutcome(
                id: id, layer: .network, title: title, issues: issues,
                figures: [
                    .count("edges", edges.count), ValidationFigure("length_km", total / 1000),
                    .count("components", ranked.count), ValidationFigure("outside_share", share)
                ],
                summary: summary)
        ]
    }

    private func km(_ metres: Double) -> String { NumberText.grouped(metres / 1000, decimals: 2) + " km" }
    private func percent(_ share: Double) -> String { NumberText.grouped(share * 100, decimals: 1) + "%" }
}
