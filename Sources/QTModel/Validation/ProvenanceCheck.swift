/// Source and accuracy: every feature says where it comes from (`source`) and how exact it is
/// (`accuracy_m`, a number ≥ 0). Missing or malformed values are errors; a `source` not of a documented form
/// (`seed:<file>`, `reference:<dataset>`, `modelled`, `osm:<node|way|relation>/<id>`, `poi:<file>`,
/// `parcels:<file>`, `census:<file>`, `raster:<file>`) is a warning.
struct ProvenanceCheck: DistrictCheck {
    let id = "provenance"
    let title = "source and accuracy"

    /// The kind of a well-formed source, or `nil` (``FeatureSource/kind(_:)``).
    static func kind(_ source: String) -> String? { FeatureSource.kind(source) }

    /// Whether `source` has one of the documented forms.
    static func isWellFormed(_ source: String) -> Bool { kind(source) != nil }

    func run(_ workspace: ValidationWorkspace) -> [CheckOutcome] {
        var issues: [ValidationIssue] = []
        var bySource: [String: Int] = ["modelled": 0, "reference": 0, "seed": 0]
        for layer in workspace.presentLayers {
            for (index, feature) in workspace.features(layer).enumerated() {
                switch feature.properties["source"] {
                case nil, .null?:
                    issues.append(workspace.issue(.error, "provenance.source", layer, index, "has no 'source'"))
                case .string(let source)?:
                    if let kind = Self.kind(source) {
                        bySource[kind, default: 0] += 1
                    } else {
                        issues.append(
                            workspace.issue(
                                .warning, "provenance.source_form", layer, index,
                                "source '\(source)' is not seed:<file>, reference:<dataset>, modelled, "
                                    + "osm:<node|way|relation>/<id> or poi:, parcels:, census:, raster:<file>"))
                    }
                case let other?:
                    issues.append(
                        workspace.issue(
                            .error, "provenance.source", layer, index,
                            "'source' must be a string, found \(other.typeDescription)"))
                }
                switch feature.properties["accuracy_m"] {
                case nil, .null?:
                    issues.append(workspace.issue(.error, "provenance.accuracy", layer, index, "has no 'accuracy_m'"))
                case .number(let metres)? where metres >= 0:
                    break
                case .number(let metres)?:
                    issues.append(
                        workspace.issue(
                            .error, "provenance.accuracy", layer, index,
                            "accuracy_m is \(ValidationText.plain(metres)), must be ≥ 0"))
                case let other?:
                    issues.append(
                        workspace.issue(
                            .error, "provenance.accuracy", layer, index,
                            "'accuracy_m' must be a number, found \(other.typeDescription)"))
                }
            }
        }
        // The three original kinds always; the others when present.
        let kinds = ["reference", "seed", "modelled"] + ["osm", "poi", "parcels", "census", "raster"].filter { (bySource[$0] ?? 0) > 0 }
        let summary = kinds.map { "\($0) \(bySource[$0] ?? 0)" }.joined(separator: ", ")
        return [
            CheckOutcome(
                id: id, title: title, issues: issues, figures: kinds.map { .count($0, bySource[$0] ?? 0) },
                summary: summary)
        ]
    }
}
