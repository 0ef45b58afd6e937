import Foundation
import QTGeometry
import QTModel

/// Why siting could not run: one line naming the file (and the field or feature) and the problem.
public enum SitingError: SettingNamingError, Sendable, Equatable {
    /// An input file does not exist or cannot be read (exit 66 in the CLI).
    case missingFile(path: String, what: String)
    /// The rules file breaks its schema (exit 65).
    case invalidRules(path: String, field: String, detail: String)
    /// A feature of a sites or candidates file cannot be used (exit 65).
    case invalidSite(path: String, feature: String, detail: SettingText)
    /// The request itself is inconsistent: an unknown type, a count of 0 (exit 64).
    case invalidRequest(SettingText)

    /// The message, with any setting it points to named by `names`.
    public func message(_ names: SettingNames) -> String {
        switch self {
        case .missingFile(let path, let what): "\(path): \(what) not found"
        case .invalidRules(let path, let field, let detail):
            field.isEmpty ? "\(path): \(detail)" : "\(path): field '\(field)': \(detail)"
        case .invalidSite(let path, let feature, let detail):
            feature.isEmpty ? "\(path): \(detail.rendered(names))" : "\(path): \(feature): \(detail.rendered(names))"
        case .invalidRequest(let detail): detail.rendered(names)
        }
    }
}

/// A verdict of one rule, or of a whole site (the worst of its rules).
public enum SiteVerdict: String, Sendable, Codable, Comparable, CaseIterable {
    /// The rule holds.
    case pass
    /// The rule is advisory and does not hold, or it could not be checked (a layer is missing).
    case warn
    /// A binding rule does not hold: `qtplan site-check` exits 1.
    case fail

    private var rank: Int {
        switch self {
        case .pass: 0
        case .warn: 1
        case .fail: 2
        }
    }

    /// `pass < warn < fail`.
    public static func < (a: SiteVerdict, b: SiteVerdict) -> Bool { a.rank < b.rank }
}

/// A set of features a distance rule keeps a site away from: one layer, narrowed by type, kind or road
/// class, and optionally by property values (`"where": {"elevated": true}`).
public struct SitingTarget: Hashable, Sendable {
    /// The layer the features come from.
    public var layer: LayerName
    /// Facility types (`facilities`), kinds (`transit`, `constraints`) or road classes (`network`) that
    /// count; empty means every feature of the layer.
    public var values: [String]
    /// Properties every counted feature must have with exactly these values.
    public var conditions: [String: JSONValue]
    /// Count only features whose `status` is `operating` (absent counts as operating), as coverage does.
    public var operatingOnly: Bool

    /// Creates a target.
    public init(layer: LayerName, values: [String], conditions: [String: JSONValue] = [:], operatingOnly: Bool = false) {
        self.layer = layer
        self.values = values
        self.conditions = conditions
        self.operatingOnly = operatingOnly
    }

    /// The property that `values` are matched against in the layer.
    public var key: String {
        switch layer {
        case .facilities: "type"
        case .network: "road_class"
        default: "kind"
        }
    }

    /// Whether `feature` of the target's layer counts.
    public func matches(_ feature: Feature) -> Bool {
        if !values.isEmpty {
            guard let v = feature.properties[key]?.stringValue, values.contains(v) else { return false }
        }
        for (k, v) in conditions where feature.properties[k] != v { return false }
        if operatingOnly, (feature.properties["status"]?.stringValue ?? "operating") != "operating" { return false }
        return true
    }
}

/// What a rule measures, with its parameters. The measurement is fixed in code; the limits, the types it
/// applies to and its clause are data (`geodata/standards/siting-rules.json`).
public enum SitingRuleKind: Hashable, Sendable {
    /// The site lies inside the district boundary. Value: metres outside it (0 inside).
    case insideBoundary
    /// The site is not on a land-use parcel of these classes. Value: the class it stands on.
    case landUseClass([LandUseClass])
    /// The site is not inside a constraints-layer zone of these kinds. Value: metres to the nearest (0 inside).
    case constraintZone([ConstraintKind])
    /// The class the site stands on is allowed (pass), conditional (warn) or neither (fail) for its type.
    case landUseCompatibility(allowed: [String: [LandUseClass]], conditional: [String: [LandUseClass]])
    /// Straight-line distance to the nearest feature of the targets. Value: metres.
    case distanceFrom([SitingTarget])
    /// The area a fire station reaches within `minutes` by road before any existing station. Value: km².
    case fireDistrictArea(minutes: Double)
    /// Residents within the type's service radius (straight line). Value: residents.
    case serviceRadius(radiusMetres: [String: Double])
    /// Distance to the nearest facility of the same type. Value: metres; the limit is a multiple of the
    /// type's circle (its straight-line distance in the life-circle profile).
    case spacing(circleMultiple: Double)
    /// Share of the residents inside the site's circle already inside an existing facility's. Value: 0–1.
    case duplicateCoverage
    /// Residents newly inside the type's circle, by sub-district. Value: residents.
    case coverageGain
}

/// One rule of the rules file: what it measures, which facility types it applies to, its limits and the
/// clause it comes from.
public struct SitingRule: Hashable, Sendable {
    /// A unique id (`fire_from_hazardous`).
    public var id: String
    /// A one-line title for reports.
    public var title: String
    /// The title in Chinese (`title_zh`), printed with `--lang zh`.
    public var titleZh: String?
    /// What it measures.
    public var kind: SitingRuleKind
    /// The facility types it applies to; `nil` for every type (`"types": ["*"]`).
    public var types: Set<String>?
    /// For yes/no rules (boundary, land-use class, constraint zones): the verdict when the rule is broken.
    public var severity: SiteVerdict
    /// Limits of measured rules: the value fails (or warns) below or above them. `nil` when not set.
    public var failBelow: Double?, warnBelow: Double?, failAbove: Double?, warnAbove: Double?
    /// The document the rule comes from.
    public var document: String
    /// The clause in it (and how the rule reads it).
    public var clause: String
    /// The document's own words, when given.
    public var wording: String?
    /// Whether the clause was checked against the document's text (see geodata/standards/README.md).
    public var verified: Bool

    /// Whether the rule applies to a facility type.
    public func applies(to type: String) -> Bool { types.map { $0.contains(type) } ?? true }

    /// The verdict of a measured value against the rule's limits (fail limits first).
    public func verdict(for value: Double) -> SiteVerdict {
        if let l = failBelow, value < l { return .fail }
        if let l = failAbove, value > l { return .fail }
        if let l = warnBelow, value < l { return .warn }
        if let l = warnAbove, value > l { return .warn }
        return .pass
    }

    /// "document, clause", the citation printed with every verdict.
    public var citation: String { "\(document), \(clause)" }
}

/// The siting rules file (`geodata/standards/siting-rules.json`; schema in geodata/standards/README.md).
public struct SitingRules: Hashable, Sendable {
    /// The rules, in file order (the order verdicts are reported in).
    public var rules: [SitingRule]
    /// The spacing of the candidate grid of `site-suggest`, metres.
    public var candidateGridMetres: Double
    /// The file the rules were read from (for messages).
    public var path: String

    /// Creates rules from parts (tests build them directly).
    public init(rules: [SitingRule], candidateGridMetres: Double = 200, path: String = "") {
        self.rules = rules
        self.candidateGridMetres = candidateGridMetres
        self.path = path
    }

    /// The rules that apply to `type`, in file order.
    public func rules(for type: String) -> [SitingRule] { rules.filter { $0.applies(to: type) } }

    /// The land-use classes the compatibility rule allows for `type` (where `site-suggest` lays its grid);
    /// every class but water, cropland and unclassified (land whose use is not known) when the file has no
    /// compatibility rule.
    public func allowedClasses(for type: String) -> [LandUseClass] {
        for rule in rules where rule.applies(to: type) {
            if case .landUseCompatibility(let allowed, _) = rule.kind { return allowed[type] ?? [] }
        }
        return LandUseClass.allCases.filter { $0 != .water && $0 != .cropland && $0 != .unclassified }
    }

    /// Checks the text of a rules file; `path` names it in errors.
    /// - Throws: ``SitingError/invalidRules(path:field:detail:)``.
    public static func parse(data: Data, path: String) throws(SitingError) -> SitingRules {
        let root: JSONValue
        do { root = try JSONValue(parsingRefusingDuplicates: data) } catch { throw .invalidRules(path: path, field: "", detail: "\(error)") }
        return try SitingRulesReader(path: path).rules(root)
    }
}
