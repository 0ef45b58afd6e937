import ArgumentParser
import Foundation
import QTGeometry
import QTModel

/// `qtplan validate`: checks a district's layers against their schemas (geodata/README.md).
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a district's layers: geometry, tiling, containment, stations, network, population, schema.",
        discussion: """
            Prints one line per check with its figures, then the problems; each problem is also one line on \
            stderr. Exit 0 when there are no errors (warnings are printed), 65 when there are (or, with \
            --strict, when there are warnings), 66 when a file is missing, 73 when --problems cannot be written. \
            The checks and tolerances are described in geodata/README.md.
            """)

    @OptionGroup var districtOptions: DistrictOptions

    @Flag(name: .long, help: "Fail (exit 65) on warnings too.")
    var strict = false

    @Option(name: .long, help: "Output format.")
    var format: OutputFormat = .table

    @Option(name: .long, help: ArgumentHelp(
        "Write the gap and overlap pieces of the tiling checks to this file (.geojson, .gpkg, .shp, .fgb, .csv).",
        valueName: "FILE"))
    var problems: String?

    func validate() throws { try FeatureOutput.validate(problems, option: "--problems") }

    /// Problems printed to stderr before the rest are only counted (the report on stdout lists them all).
    static let maximumDiagnostics = 100

    func run() throws {
        try runReportingErrors {
            let directory = districtOptions.directory
            let report: ValidationReport
            do {
                let (district, warnings) = try districtOptions.loader.load(directory: directory)
                report = try DistrictValidator().validate(district, loadWarnings: warnings)
            } catch let error as DistrictError {
                switch error {
                case .missingFile, .unreadable: throw error  // exit 66, as for every command
                case .invalidData: break
                }
                report = DistrictValidator.loadFailure(directory: directory, error: error)
            }
            switch format {
            case .table: print(ValidateReport.table(report, strict: strict), terminator: "")
            case .json: print(ValidateReport.json(report, strict: strict), terminator: "")
            }
            Self.printDiagnostics(report.issues)
            if let problems {
                try FeatureOutput.write(report.problemFeatures, layer: "problems", to: problems, what: "the problems file", option: "--problems")
            }
            if !report.passes(strict: strict) { throw ExitCode(ExitStatus.dataError.rawValue) }
        }
    }

    /// One line per issue on stderr, at most ``maximumDiagnostics``.
    static func printDiagnostics(_ issues: [ValidationIssue]) {
        for issue in issues.prefix(maximumDiagnostics) {
            switch issue.severity {
            case .error: Diagnostics.error(issue.message)
            case .warning: Diagnostics.warning(issue.message)
            }
        }
        let rest = issues.dropFirst(maximumDiagnostics)
        if !rest.isEmpty {
            let text = "\(rest.count) more problem\(rest.count == 1 ? "" : "s") not shown here; the report lists them all"
            if rest.contains(where: { $0.severity == .error }) { Diagnostics.error(text) } else { Diagnostics.warning(text) }
        }
    }

}

/// Formats a ``ValidationReport`` for `qtplan validate`.
enum ValidateReport {
    static func statusText(_ check: ValidationCheck) -> String {
        if !check.present { return "not present" }
        if check.errors == 0 && check.warnings == 0 { return "ok" }
        var parts: [String] = []
        if check.errors > 0 { parts.append("\(check.errors) error\(check.errors == 1 ? "" : "s")") }
        if check.warnings > 0 { parts.append("\(check.warnings) warning\(check.warnings == 1 ? "" : "s")") }
        return parts.joined(separator: ", ")
    }

    static func resultText(_ report: ValidationReport, strict: Bool) -> String {
        let counts = "\(Number.grouped(report.errorCount)) error\(report.errorCount == 1 ? "" : "s"), "
            + "\(Number.grouped(report.warningCount)) warning\(report.warningCount == 1 ? "" : "s")"
        if report.passes(strict: strict) { return "ok: " + counts }
        return (report.errorCount == 0 ? "failed (--strict): " : "failed: ") + counts
    }

    static func table(_ report: ValidationReport, strict: Bool) -> String {
        let statuses = report.checks.map(statusText)
        let width = statuses.map { TextTable.displayWidth($0) }.max() ?? 0
        var rows: [(String, String)] = [("District", report.district)]
        for (check, status) in zip(report.checks, statuses) {
            let summary = check.present ? check.summary : ""
            let padded = summary.isEmpty ? status : status + String(repeating: " ", count: width - TextTable.displayWidth(status) + 2) + summary
            rows.append((check.title, padded))
        }
        rows.append(("Result", resultText(report, strict: strict)))
        var text = TextTable.render(rows)
        if !report.issues.isEmpty {
            text += "\nProblems\n"
            for issue in report.issues {
                text += issue.severity.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0) + issue.message + "\n"
            }
        }
        return text
    }

    static func json(_ report: ValidationReport, strict: Bool) -> String {
        func optional(_ s: String?) -> String { s.map(JSONText.string) ?? "null" }
        let checks = report.checks.map { check in
            let figures = check.figures.map { figure in
                "\(JSONText.string(figure.name)): "
                    + (figure.isCount ? String(Int(figure.value)) : Number.fixed(figure.value, figure.name.hasSuffix("_share") ? 6 : 3))
            }
            return "{\"check\": \(JSONText.string(check.id)), \"layer\": \(optional(check.layer?.rawValue)), "
                + "\"title\": \(JSONText.string(check.title)), \"status\": \(JSONText.string(check.status)), "
                + "\"errors\": \(check.errors), \"warnings\": \(check.warnings), "
                + "\"figures\": {\(figures.joined(separator: ", "))}, \"summary\": \(JSONText.string(check.present ? check.summary : ""))}"
        }
        let issues = report.issues.map { issue in
            "{\"severity\": \(JSONText.string(issue.severity.rawValue)), \"check\": \(JSONText.string(issue.check)), "
                + "\"layer\": \(optional(issue.layer?.rawValue)), "
                + "\"feature_index\": \(issue.featureIndex.map(String.init) ?? "null"), "
                + "\"feature_id\": \(optional(issue.featureId)), \"message\": \(JSONText.string(issue.message))}"
        }
        func list(_ items: [String]) -> String {
            items.isEmpty ? "[]" : "[\n    " + items.joined(separator: ",\n    ") + "\n  ]"
        }
        return """
            {
              "district": \(JSONText.string(report.district)),
              "ok": \(report.passes(strict: strict)),
              "strict": \(strict),
              "errors": \(report.errorCount),
              "warnings": \(report.warningCount),
              "checks": \(list(checks)),
              "issues": \(list(issues))
            }

            """
    }
}
