import QTText

/// Geometry types per layer: every feature has a non-empty geometry of a type its layer (and kind) allows,
/// e.g. facilities are Points, land-use parcels Polygons or MultiPolygons, network edges LineStrings.
struct GeometryTypeCheck: DistrictCheck {
    let id = "geometry.type"
    let title = "geometry types"

    func run(_ workspace: ValidationWorkspace) -> [CheckOutcome] {
        var issues: [ValidationIssue] = []
        var checked = 0
        for layer in workspace.presentLayers {
            for (index, feature) in workspace.features(layer).enumerated() {
                checked += 1
                guard let geometry = feature.geometry else {
                    issues.append(workspace.issue(.error, "geometry.missing", layer, index, "has no geometry (null)"))
                    continue
                }
                if geometry.isEmpty {
                    issues.append(
                        workspace.issue(
                            .error, "geometry.empty", layer, index,
                            "has an empty \(geometry.kind) (no coordinates)"))
                    continue
                }
                guard let allowed = LayerSchema.geometryKinds(layer, feature), !allowed.contains(geometry.kind) else {
                    continue
                }
                let expected = allowed.map(\.description).joined(separator: " or ")
                issues.append(
                    workspace.issue(
                        .error, "geometry.type", layer, index,
                        "geometry is a \(geometry.kind), expected \(expected)"))
            }
        }
        return [
            CheckOutcome(
                id: id, title: title, issues: issues, figures: [.count("features", checked)],
                summary: NumberText.count(checked, "feature"))
        ]
    }
}
