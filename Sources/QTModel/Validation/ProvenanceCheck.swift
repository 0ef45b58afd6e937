/// Source and accuracy: every feature says where it comes from (`source`) and how exact it is
/// (`accuracy_m`, a number ≥ 0). Missing or malformed values are errors; a `source` not of the form
/// `seed:<file>`, `reference:<dataset>` or `modelled` is a warning.
struct ProvenanceCheck: DistrictCheck {
    let id = "provenance"
    let title = "source and accuracy"

    /// Whether `source` has one of the three documented forms.
    static func isWellFormed(_ source: String) -> Bool {
        if source == "modelled" { return true }
        for prefix in ["seed:", "reference:"] where source.hasPrefix(prefix) {
            return !source.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces).isEmpty
        }
        return false
    }

    func run(_ workspace: ValidationWorkspace) -> [CheckOutcome] {
        var issues: [ValidationIssue] = []
        var bySource: [String: Int] = ["modelled": 0, "reference": 0, "seed": 0]
        for layer in workspace.presentLayers {
            for (index, feature) in workspace.features(layer).enumerated() {
                switch feature.properties["source"] {
                case nil, .null?:
                    issues.append(workspace.issue(.error, "provenance.source", layer, index, "has no 'source'"))
                case .string(let source)?:
                    if Self.isWellFormed(source) {
                        bySource[source == "modelled" ? "modelled" : String(source.prefix { $0 != ":" }), default: 0] += 1
                    } else {
                        issues.append(workspace.issue(.warning, "provenance.source_form", layer, index,
                                                      "source '\(source)' is not seed:<file>, reference:<dataset> or modelled"))
                    }
                case let other?:
                    issues.append(workspace.issue(.error, "provenance.source", layer, index,
                                                  "'source' must be a string, found \(other.typeDescription)"))
                }
                switch feature.properties["accuracy_m"] {
                case nil, .null?:
                    issues.append(workspace.issue(.error, "provenance.accuracy", layer, index, "has no 'accuracy_m'"))
                case .number(let metres)? where metres >= 0:
                    break
                case .number(let metres)?:
                    issues.append(workspace.issue(.error, "provenance.accuracy", layer, index,
                                                  "accuracy_m is \(ValidationText.plain(metres)), must be ≥ 0"))
                case let other?:
                    issues.append(workspace.issue(.error, "provenance.accuracy", layer, index,
                                                  "'accuracy_m' must be a number, found \(other.typeDescription)"))
                }
            }
        }
        let summary = ["reference", "seed", "modelled"].map { "\($0) \(bySource[$0] ?? 0)" }.joined(separator: ", ")
        return [CheckOutcome(id: id, title: title, issues: issues,
                             figures: [.count("reference", bySource["reference"] ?? 0),
                                       .count("seed", bySource["seed"] ?? 0),
                                       .count("modelled", bySource["modelled"] ?? 0)],
                             summary: summary)]
    }
}
