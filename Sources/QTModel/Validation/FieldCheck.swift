import QTText

/// Layer fields: the properties each layer's schema requires are present and of the right JSON type
/// (`block` for sub-districts, `lines` and `order` for metro stations, `walk`/`drive`/`oneway` for network
/// edges, …); optional ones, when present, are of the right type.
struct FieldCheck: DistrictCheck {
    let id = "fields"
    let title = "layer fields"

    func run(_ workspace: ValidationWorkspace) -> [CheckOutcome] {
        var issues: [ValidationIssue] = []
        for layer in workspace.presentLayers {
            for (index, feature) in workspace.features(layer).enumerated() {
                for field in LayerSchema.fields(layer, feature) {
                    switch feature.properties[field.name] {
                    case nil, .null?:
                        if field.required {
                            issues.append(workspace.issue(.error, "fields.missing", layer, index, "has no '\(field.name)'"))
                        }
                    case let value? where !field.type.accepts(value):
                        issues.append(
                            workspace.issue(
                                .error, "fields.type", layer, index,
                                "'\(field.name)' must be \(field.type.description), found \(LayerSchema.found(value))"))
                    default:
                        break
                    }
                }
            }
        }
        return [
            CheckOutcome(
                id: id, title: title, issues: issues,
                summary: issues.isEmpty ? "every required property present" : NumberText.count(issues.count, "problem"))
        ]
    }
}
