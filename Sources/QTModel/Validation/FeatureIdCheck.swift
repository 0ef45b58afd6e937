import QTText

/// Feature ids: every feature has a string `id` property, unique within its layer. A GeoJSON Feature `id`
/// that differs from the property is a warning; so is a feature whose only id is the GeoJSON Feature's
/// string `id` (it is used as the property would be).
struct FeatureIdCheck: DistrictCheck {
    let id = "ids"
    let title = "feature ids"

    func run(_ workspace: ValidationWorkspace) -> [CheckOutcome] {
        var issues: [ValidationIssue] = []
        var duplicates = 0
        for layer in workspace.presentLayers {
            var firstIndex: [String: Int] = [:]
            for (index, feature) in workspace.features(layer).enumerated() {
                let property = feature.properties["id"]
                if let property, property.stringValue == nil {
                    issues.append(
                        workspace.issue(
                            .error, "ids.type", layer, index,
                            "'id' must be a string, found \(property.typeDescription)"))
                    continue
                }
                guard let id = ValidationWorkspace.featureId(feature) else {
                    issues.append(workspace.issue(.error, "ids.missing", layer, index, "has no 'id'"))
                    continue
                }
                if property == nil {
                    issues.append(
                        workspace.issue(
                            .warning, "ids.property", layer, index,
                            "has no 'id' property; the GeoJSON Feature id '\(id)' is used instead"))
                }
                if let property = property?.stringValue, let featureLevel = feature.id, featureLevel.stringValue != property {
                    let shown = featureLevel.stringValue.map { "'\($0)'" } ?? featureLevel.typeDescription
                    issues.append(
                        workspace.issue(
                            .warning, "ids.mismatch", layer, index,
                            "the Feature id \(shown) differs from the 'id' property '\(property)'"))
                }
                if let first = firstIndex[id] {
                    duplicates += 1
                    issues.append(
                        workspace.issue(
                            .error, "ids.duplicate", layer, index,
                            "duplicate id '\(id)' (also feature \(first))"))
                } else {
                    firstIndex[id] = index
                }
            }
        }
        return [
            CheckOutcome(
                id: id, title: title, issues: issues, figures: [.count("duplicates", duplicates)],
                summary: duplicates == 0 ? "unique within every layer" : NumberText.count(duplicates, "duplicate"))
        ]
    }
}
