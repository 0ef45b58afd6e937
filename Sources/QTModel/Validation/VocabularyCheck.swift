import QTText

/// Vocabularies: every controlled value is one the model knows — transit `kind` and `status`, facility
/// `type`, `size_class`, `ownership` and `level` (by type), constraint `kind`, land-use `class` (and its `code`, the class's national code),
/// road class, industrial-park `kind`. Unknown values are errors. (Missing values are the field check's.)
struct VocabularyCheck: DistrictCheck {
    let id = "vocabulary"
    let title = "vocabularies"

    /// A controlled property: its name, what it is called in messages and the values allowed.
    struct Vocabulary {
        var property: String
        var noun: String
        var values: [String]
    }

    static func vocabularies(_ layer: LayerName) -> [Vocabulary] {
        switch layer {
        case .transit:
            [
                Vocabulary(property: "kind", noun: "transit kind", values: TransitKind.allCases.map(\.rawValue)),
                Vocabulary(property: "status", noun: "status", values: Status.allCases.map(\.rawValue))
            ]
        case .facilities:
            [
                Vocabulary(property: "type", noun: "facility type", values: FacilityType.allCases.map(\.rawValue)),
                Vocabulary(property: "size_class", noun: "size class", values: LayerSchema.sizeClasses),
                Vocabulary(property: "ownership", noun: "ownership", values: LayerSchema.ownerships)
            ]
        case .constraints:
            [Vocabulary(property: "kind", noun: "constraint kind", values: ConstraintKind.allCases.map(\.rawValue))]
        case .landuse:
            [Vocabulary(property: "class", noun: "land-use class", values: LandUseClass.allCases.map(\.rawValue))]
        case .network:
            [Vocabulary(property: "road_class", noun: "road class", values: RoadClass.allCases.map(\.rawValue))]
        case .industrialParks:
            [Vocabulary(property: "kind", noun: "industrial park kind", values: LayerSchema.industrialParkKinds)]
        case .boundary, .subdistricts, .population, .parks:
            []
        }
    }

    func run(_ workspace: ValidationWorkspace) -> [CheckOutcome] {
        var issues: [ValidationIssue] = []
        var checked = 0
        for layer in workspace.presentLayers {
            let vocabularies = Self.vocabularies(layer)
            if vocabularies.isEmpty { continue }
            for (index, feature) in workspace.features(layer).enumerated() {
                for vocabulary in vocabularies {
                    guard let value = feature.properties[vocabulary.property]?.stringValue else { continue }
                    checked += 1
                    if !vocabulary.values.contains(value) {
                        issues.append(
                            workspace.issue(
                                .error, "vocabulary.unknown", layer, index,
                                "unknown \(vocabulary.noun) '\(value)' in '\(vocabulary.property)' (known: "
                                    + vocabulary.values.joined(separator: ", ") + ")"))
                    }
                }
                if layer == .facilities, let level = feature.properties["level"]?.stringValue {
                    checked += 1
                    let type = feature.properties["type"]?.stringValue ?? ""
                    let allowed = LayerSchema.facilityLevels[type] ?? []
                    if !allowed.contains(level) {
                        issues.append(
                            workspace.issue(
                                .error, "vocabulary.unknown", layer, index,
                                allowed.isEmpty
                                    ? "a \(type) has no levels, found '\(level)' in 'level' (levels exist for: "
                                        + LayerSchema.facilityLevels.keys.sorted().joined(separator: ", ") + ")"
                                    : "unknown level '\(level)' of a \(type) in 'level' (known: \(allowed.joined(separator: ", ")))"))
                    }
                }
                if layer == .landuse, let raw = feature.properties["class"]?.stringValue,
                    let landUse = LandUseClass(rawValue: raw), let code = feature.properties["code"]?.stringValue,
                    code != landUse.nationalCode
                {
                    issues.append(
                        workspace.issue(
                            .error, "vocabulary.code", layer, index,
                            "code '\(code)' does not match class '\(raw)' (its code is \(landUse.nationalCode))"))
                }
            }
        }
        return [
            CheckOutcome(
                id: id, title: title, issues: issues, figures: [.count("values", checked)],
                summary: NumberText.count(checked, "controlled value") + " checked")
        ]
    }
}
