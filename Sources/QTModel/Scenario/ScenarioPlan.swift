import QTGeometry

/// What a plan feature does to its layer.
public enum PlanAction: String, Sendable, Hashable, CaseIterable {
    /// A new feature (the default).
    case add
    /// An existing feature, by `id`, taken out.
    case close
    /// An existing feature, by `id`, with some fields (and optionally its geometry) set to new values.
    case change
}

/// One feature of a plan file: which layer it touches, how, and the feature itself.
public struct PlanEdit: Sendable, Hashable {
    /// The feature's position in the plan file (0-based), for messages.
    public var index: Int
    /// The layer it touches.
    public var layer: LayerName
    /// What it does.
    public var action: PlanAction
    /// The id of the feature it adds, closes or changes.
    public var id: String
    /// The feature as the plan gives it, without the plan's own keys (`layer`, `action`).
    public var feature: Feature
}

/// A scenario (方案): a named set of changes to a district, read from a plan file.
///
/// Plan files are any format qtplan reads; every feature names the `layer` it touches (`facilities`,
/// `population`, `network`, `transit`, `parks`, …) and its `action` (`add` by default; `close` and `change` with
/// the `id` of an existing feature). A point with a facility `type` and no `layer` is a facility, so that the
/// sites `site-suggest -o` writes are a plan as they are.
public struct ScenarioPlan: Sendable, Hashable {
    /// The scenario's name (unique among the plans compared).
    public var name: String
    /// What it is, when the plan says.
    public var description: String?
    /// The file it was read from.
    public var path: String
    /// The changes, in file order.
    public var edits: [PlanEdit]

    /// The keys a plan feature uses for itself, not copied into the district's layer.
    public static let controlKeys: Set<String> = ["layer", "action"]

    /// A plan from the features of its file.
    /// - Throws: ``ScenarioError/invalidPlan(path:feature:detail:)`` for a feature without a known layer or
    ///   action, a close or change without an id, an add without an id it can be given, duplicated ids.
    public init(name: String, description: String? = nil, path: String, features: [Feature]) throws(ScenarioError) {
        self.name = name
        self.description = description
        self.path = path
        var edits: [PlanEdit] = []
        var seen: Set<String> = []
        for (index, feature) in features.enumerated() {
            let given = feature.properties["id"]?.stringValue ?? feature.id?.stringValue
            let label = "feature \(index)" + (given.map { " '\($0)'" } ?? "")
            func fail(_ detail: String) -> ScenarioError { .invalidPlan(path: path, feature: label, detail: detail) }
            let layerName =
                feature.properties["layer"]?.stringValue
                ?? (feature.properties["type"]?.stringValue.flatMap { FacilityType(rawValue: $0) } != nil ? "facilities" : nil)
            guard let layerName else { throw fail("no 'layer' (the layer it touches: facilities, population, network, transit, …)") }
            guard let layer = LayerName(rawValue: layerName), layer != .boundary else {
                throw fail(
                    "unknown layer '\(layerName)' (a plan touches \(LayerName.allCases.filter { $0 != .boundary }.map(\.rawValue).joined(separator: ", ")))")
            }
            let actionName = feature.properties["action"]?.stringValue ?? "add"
            guard let action = PlanAction(rawValue: actionName) else {
                throw fail("unknown action '\(actionName)' (add, close or change)")
            }
            if action != .add && given == nil { throw fail("\(action.rawValue) needs the 'id' of the feature it \(action == .close ? "closes" : "changes")") }
            let id = given ?? "\(name)-\(layer.rawValue)-\(index + 1)"
            guard seen.insert("\(layer.rawValue)/\(id)").inserted else { throw fail("id '\(id)' appears twice in the plan's \(layer.rawValue)") }
            var properties = feature.properties
            for key in Self.controlKeys { properties.removeValue(forKey: key) }
            properties["id"] = .string(id)
            edits.append(
                PlanEdit(
                    index: index, layer: layer, action: action, id: id,
                    feature: Feature(id: .string(id), geometry: feature.geometry, properties: properties)))
        }
        guard !edits.isEmpty else { throw .invalidPlan(path: path, feature: "", detail: "no features: a plan adds, closes or changes at least one") }
        self.edits = edits
    }
}

/// Why a plan cannot be read or applied: one line naming the plan file, the feature and the problem.
public enum ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The plan file does not exist (exit 66).
    case missingFile(path: String)
    /// A feature of the plan cannot be read or applied (exit 65).
    case invalidPlan(path: String, feature: String, detail: String)
    /// Plans compared together conflict: two with the same name (exit 64).
    case conflictingPlans(String)

    public var description: String {
        switch self {
        case .missingFile(let path): "\(path): plan file not found"
        case .invalidPlan(let path, let feature, let detail): feature.isEmpty ? "\(path): \(detail)" : "\(path): \(feature): \(detail)"
        case .conflictingPlans(let detail): detail
        }
    }
}
