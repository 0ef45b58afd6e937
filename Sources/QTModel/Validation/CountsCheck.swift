import QTText

/// Counts and measures: `population` (a whole number from 0 to ``PopulationCount/maximum``, required), `aged_60_plus_share` (0…1, required) and the
/// other age bands of ``PopulationAgeBands`` (0…1, optional; the bands of a feature add up to at most 1) on population features; `places`, `beds`, `physicians`, `area_m2` (numbers ≥ 0, optional) on facilities;
/// `area_m2` (a number ≥ 0, required) on parks;
/// `length_m` and `speed_kmh` (numbers > 0, required) on network edges. Missing, negative or mistyped
/// values are errors.
struct CountsCheck: DistrictCheck {
    let id = "counts"
    let title = "counts and measures"

    /// A numeric property and what it must be.
    struct Measure {
        enum Rule { case nonNegativeInteger, nonNegative, positive, share }
        var property: String
        var rule: Rule
        var required: Bool
    }

    static func measures(_ layer: LayerName) -> [Measure] {
        switch layer {
        case .population:
            [
                Measure(property: "population", rule: .nonNegativeInteger, required: true),
                Measure(property: "aged_60_plus_share", rule: .share, required: true)
            ]
                + PopulationAgeBands.optionalShareKeys.map { Measure(property: $0, rule: .share, required: false) }
        case .facilities:
            ["places", "beds", "physicians", "area_m2"].map { Measure(property: $0, rule: .nonNegative, required: false) }
        case .parks:
            [Measure(property: "area_m2", rule: .nonNegative, required: true)]
        case .network:
            [
                Measure(property: "length_m", rule: .positive, required: true),
                Measure(property: "speed_kmh", rule: .positive, required: true)
            ]
        default:
            []
        }
    }

    func run(_ workspace: ValidationWorkspace) -> [CheckOutcome] {
        var issues: [ValidationIssue] = []
        var checked = 0
        for layer in workspace.presentLayers {
            let measures = Self.measures(layer)
            if measures.isEmpty { continue }
            for (index, feature) in workspace.features(layer).enumerated() {
                if layer == .population, let problem = PopulationAgeBands.sumProblem(feature.properties) {
                    issues.append(workspace.issue(.error, "counts.range", layer, index, problem))
                }
                for measure in measures {
                    let name = measure.property
                    guard let value = feature.properties[name], !value.isNull else {
                        if measure.required {
                            issues.append(workspace.issue(.error, "counts.missing", layer, index, "has no '\(name)'"))
                        }
                        continue
                    }
                    checked += 1
                    guard let number = value.doubleValue else {
                        issues.append(
                            workspace.issue(
                                .error, "counts.type", layer, index,
                                "'\(name)' must be a number, found \(value.typeDescription)"))
                        continue
                    }
                    let shown = ValidationText.plain(number)
                    if name == "population" && layer == .population {
                        // The one rule the analyses read head-counts by (PopulationCount), bound included.
                        if let problem = PopulationCount.problem(value) {
                            issues.append(workspace.issue(.error, number < 0 ? "counts.negative" : "counts.type", layer, index, problem))
                        }
                        continue
                    }
                    switch measure.rule {
                    case .nonNegativeInteger, .nonNegative:
                        if number < 0 {
                            issues.append(
                                workspace.issue(
                                    .error, "counts.negative", layer, index,
                                    "\(name) is \(shown), must not be negative"))
                        } else if measure.rule == .nonNegativeInteger && value.intValue == nil {
                            issues.append(
                                workspace.issue(
                                    .error, "counts.type", layer, index,
                                    "\(name) is \(shown), must be a whole number"))
                        }
                    case .positive:
                        if number <= 0 {
                            issues.append(
                                workspace.issue(
                                    .error, number < 0 ? "counts.negative" : "counts.zero", layer, index,
                                    "\(name) is \(shown), must be greater than 0"))
                        }
                    case .share:
                        if !(0...1).contains(number) {
                            issues.append(
                                workspace.issue(
                                    .error, "counts.range", layer, index,
                                    "\(name) is \(shown), must be between 0 and 1"))
                        }
                    }
                }
            }
        }
        return [
            CheckOutcome(
                id: id, title: title, issues: issues, figures: [.count("values", checked)],
                summary: NumberText.count(checked, "value") + " checked")
        ]
    }
}
