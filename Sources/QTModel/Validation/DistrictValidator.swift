import QTGeometry

/// What one check produced: its row of the report, its issues and (for tiling) the problem pieces.
struct CheckOutcome {
    var check: ValidationCheck
    var issues: [ValidationIssue]
    var problems: [Feature] = []

    /// An outcome whose error and warning counts are those of `issues`.
    init(
        id: String, layer: LayerName? = nil, title: String, issues: [ValidationIssue] = [],
        figures: [ValidationFigure] = [], summary: String, problems: [Feature] = []
    ) {
        check = ValidationCheck(
            id: id, layer: layer, title: title, present: true,
            errors: issues.filter { $0.severity == .error }.count,
            warnings: issues.filter { $0.severity == .warning }.count,
            figures: figures, summary: summary)
        self.issues = issues
        self.problems = problems
    }

    /// A check skipped because its layer is absent.
    static func notPresent(id: String, layer: LayerName, title: String) -> CheckOutcome {
        var outcome = CheckOutcome(id: id, layer: layer, title: title, summary: "not present")
        outcome.check.present = false
        return outcome
    }
}

/// One check of a district: a function of the loaded district (through the shared workspace).
protocol DistrictCheck {
    /// The check's id, also the prefix of its issue codes.
    var id: String { get }
    /// A title for the report.
    var title: String { get }
    /// Runs the check. A thrown error becomes one error issue (`<id>.failed`) of this check.
    func run(_ workspace: ValidationWorkspace) throws -> [CheckOutcome]
}

/// Validates a loaded district against the layer schemas of geodata/README.md.
///
/// The checks, in report order: layers parse (and manifest warnings), geometry types, geometry validity,
/// feature ids, source and accuracy, layer fields, vocabularies, counts and measures, sub-district tiling,
/// land-use tiling, features inside the boundary, axis order and GCJ-02 offset (warnings: why features lie
/// outside), stations on their lines, walk and drive network
/// connectivity, population total. Checks of an absent optional layer are reported as not present.
///
/// ```swift
/// let (district, warnings) = try DistrictLoader().load(directory: "geodata/qiantang")
/// let report = try DistrictValidator().validate(district, loadWarnings: warnings)
/// print(report.passes(strict: false))
/// ```
public struct DistrictValidator: Sendable {
    /// Gap or overlap slivers whose total area per layer stays below this (m²) are tolerated: they come from
    /// rounding coordinates to 7 decimals.
    public static let sliverToleranceM2 = 1.0
    /// How far (m) a feature may reach outside the boundary.
    public static let boundaryToleranceM = 1.0
    /// How far (m) a metro station may lie from each line it lists.
    public static let stationToleranceM = 5.0
    /// The smallest share of a network mode's edge length the largest component must hold (below: error).
    public static let largestComponentMinimumShare = 0.95

    /// Creates a validator.
    public init() {}

    /// Runs every check.
    /// - Parameter loadWarnings: the loader's warnings, reported as warnings of the parse check.
    /// - Throws: ``QTProjection/ProjectionError`` when the manifest's metric CRS is unknown, and
    ///   ``GeometryError`` when no GEOS context can be made. Problems in the data are issues, never thrown.
    public func validate(_ district: District, loadWarnings: [LoadWarning] = []) throws -> ValidationReport {
        let workspace = try ValidationWorkspace(district: district)
        let checks: [any DistrictCheck] = [
            ParseCheck(loadWarnings: loadWarnings),
            GeometryTypeCheck(),
            GeometryValidityCheck(),
            FeatureIdCheck(),
            ProvenanceCheck(),
            FieldCheck(),
            VocabularyCheck(),
            CountsCheck(),
            TilingCheck(layer: .subdistricts),
            TilingCheck(layer: .landuse),
            InsideBoundaryCheck(),
            AxisOrderCheck(),
            DatumShiftCheck(),
            StationLineCheck(),
            NetworkConnectivityCheck(mode: .walk),
            NetworkConnectivityCheck(mode: .drive),
            PopulationTotalCheck()
        ]
        var rows: [ValidationCheck] = []
        var issues: [ValidationIssue] = []
        var problems: [Feature] = []
        for check in checks {
            let outcomes: [CheckOutcome]
            do {
                outcomes = try check.run(workspace)
            } catch {
                let issue = ValidationIssue(
                    severity: .error, layer: nil, check: "\(check.id).failed",
                    message: "\(district.directory): \(check.title) could not run: \(error)")
                outcomes = [CheckOutcome(id: check.id, title: check.title, issues: [issue], summary: "could not run")]
            }
            for outcome in outcomes {
                rows.append(outcome.check)
                issues += outcome.issues
                problems += outcome.problems
            }
            // Each check makes the GEOS geometries it needs: holding every layer's, in degrees and in metres, for
            // the whole run doubled the memory of a district of a million ways.
            workspace.releaseGeometries()
        }
        return ValidationReport(district: district.manifest.name, checks: rows, issues: issues, problemFeatures: problems)
    }

    /// The report for a district that could not be loaded: the parse check with the loader's error, its settings
    /// named by `names`.
    public static func loadFailure(directory: String, error: DistrictError, names: SettingNames = .library) -> ValidationReport {
        let issue = ValidationIssue(severity: .error, layer: nil, check: "parse.failed", message: error.message(names))
        let check = ValidationCheck(id: "parse", title: "layers parse", errors: 1, summary: "the district could not be loaded")
        return ValidationReport(district: directory, checks: [check], issues: [issue])
    }
}
