import QTGeometry
import QTText

/// How bad a validation problem is.
public enum ValidationSeverity: String, Sendable, Hashable, CaseIterable, Codable {
    /// The data breaks the layer schema; `qtplan validate` exits 65.
    case error
    /// Worth fixing but usable; fails only under `--strict`.
    case warning
}

/// One problem found by a check: where it is and what is wrong, in one line.
public struct ValidationIssue: Sendable, Hashable {
    /// Error or warning.
    public var severity: ValidationSeverity
    /// The layer concerned, or `nil` for the manifest or the district as a whole.
    public var layer: LayerName?
    /// The feature's index in its layer file (0-based, as GeoJSON read errors count), when one feature is at fault.
    public var featureIndex: Int?
    /// The feature's `id`, when it has one.
    public var featureId: String?
    /// A short code naming the check and the finding, such as `tiling.gap` or `ids.duplicate`.
    public var check: String
    /// One line: the file, the feature, what is wrong.
    public var message: String

    /// Creates an issue.
    public init(
        severity: ValidationSeverity, layer: LayerName?, featureIndex: Int? = nil, featureId: String? = nil,
        check: String, message: String
    ) {
        self.severity = severity
        self.layer = layer
        self.featureIndex = featureIndex
        self.featureId = featureId
        self.check = check
        self.message = message
    }
}

/// A measured figure of a check, such as the gap area in m² or the number of network components.
public struct ValidationFigure: Sendable, Hashable {
    /// A snake_case name with its unit: `gap_m2`, `components`, `outside_share`.
    public var name: String
    /// The value.
    public var value: Double
    /// Whether the value is a count (printed without decimals).
    public var isCount: Bool

    /// Creates a figure.
    public init(_ name: String, _ value: Double, isCount: Bool = false) {
        self.name = name
        self.value = value
        self.isCount = isCount
    }

    /// A count figure.
    public static func count(_ name: String, _ value: Int) -> ValidationFigure {
        ValidationFigure(name, Double(value), isCount: true)
    }
}

/// The outcome of one check (one row of `qtplan validate`'s table).
public struct ValidationCheck: Sendable, Hashable {
    /// The check's code: `parse`, `geometry.type`, `tiling`, `network.walk`, …
    public var id: String
    /// The layer it is about, for checks of one layer (tiling, stations, network, population).
    public var layer: LayerName?
    /// A short title for people: `subdistricts tiling`.
    public var title: String
    /// False when the check's layer is absent and the check was skipped ("not present").
    public var present: Bool
    /// Errors found.
    public var errors: Int
    /// Warnings found.
    public var warnings: Int
    /// What was measured, in a fixed order.
    public var figures: [ValidationFigure]
    /// The figures in words, e.g. `gap 0.3 m² (2 slivers, tolerated), overlap 0 m²`.
    public var summary: String

    /// Creates a check outcome.
    public init(
        id: String, layer: LayerName? = nil, title: String, present: Bool = true, errors: Int = 0,
        warnings: Int = 0, figures: [ValidationFigure] = [], summary: String = ""
    ) {
        self.id = id
        self.layer = layer
        self.title = title
        self.present = present
        self.errors = errors
        self.warnings = warnings
        self.figures = figures
        self.summary = summary
    }

    /// `ok`, `warning`, `error` or `not_present`.
    public var status: String {
        if !present { return "not_present" }
        if errors > 0 { return "error" }
        if warnings > 0 { return "warning" }
        return "ok"
    }
}

/// What `qtplan validate` found: one ``ValidationCheck`` per check, in a fixed order, and every issue, in
/// check order and then by layer and feature. A plain Sendable value; building it needs no GEOS context.
public struct ValidationReport: Sendable, Hashable {
    /// The district's name (from the manifest).
    public var district: String
    /// The checks, in the order they ran.
    public var checks: [ValidationCheck]
    /// Every issue, in check order.
    public var issues: [ValidationIssue]
    /// The gap and overlap pieces of the tiling checks, in WGS84, with properties `layer`, `check`,
    /// `area_m2`, `tolerated` (and `features` for overlaps): what `--problems FILE` writes.
    public var problemFeatures: [Feature]
    /// The district manifest's `lang`, when it loaded and gives one: the language of the report for people when
    /// no other is asked for.
    public var manifestLanguage: Language?

    /// Creates a report.
    public init(district: String, checks: [ValidationCheck], issues: [ValidationIssue], problemFeatures: [Feature] = []) {
        self.district = district
        self.checks = checks
        self.issues = issues
        self.problemFeatures = problemFeatures
    }

    /// The number of errors.
    public var errorCount: Int { issues.filter { $0.severity == .error }.count }
    /// The number of warnings.
    public var warningCount: Int { issues.filter { $0.severity == .warning }.count }

    /// Whether the district passes: no errors, and with `strict` no warnings either.
    public func passes(strict: Bool) -> Bool {
        errorCount == 0 && (!strict || warningCount == 0)
    }
}
