/// Layers parse: the loader has read the manifest and every layer it names (a failure never gets here; see
/// ``DistrictValidator/loadFailure(directory:error:)``). Reports the layers present and absent, and the
/// loader's warnings (unknown manifest keys and layer names) as warnings.
struct ParseCheck: DistrictCheck {
    let id = "parse"
    let title = "layers parse"
    var loadWarnings: [LoadWarning]

    func run(_ workspace: ValidationWorkspace) -> [CheckOutcome] {
        let present = workspace.presentLayers
        let absent = LayerName.allCases.filter { !present.contains($0) }
        let featureCount = present.reduce(0) { $0 + workspace.features($1).count }
        let issues = loadWarnings.map {
            ValidationIssue(severity: .warning, layer: nil, check: "parse.ignored", message: $0.description)
        }
        var summary = present.map { "\($0.rawValue) \(workspace.features($0).count)" }.joined(separator: ", ")
        if !absent.isEmpty { summary += "; not present: " + absent.map(\.rawValue).joined(separator: ", ") }
        return [
            CheckOutcome(
                id: id, title: title, issues: issues,
                figures: [.count("layers", present.count), .count("features", featureCount)],
                summary: summary)
        ]
    }
}
