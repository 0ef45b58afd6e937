import QTModel
import QTText

extension ValidationReport {
    /// Problems printed one per line (on stderr in the CLI) before the rest are only counted; the report lists
    /// them all.
    public static let maximumDiagnostics = 100

    /// The issues as diagnostic lines, at most ``maximumDiagnostics``, then one line counting the rest (an error
    /// when any of the rest is one).
    public var diagnostics: [(severity: ValidationSeverity, message: String)] {
        var lines = issues.prefix(Self.maximumDiagnostics).map { (severity: $0.severity, message: $0.message) }
        let rest = issues.dropFirst(Self.maximumDiagnostics)
        if !rest.isEmpty {
            lines.append(
                (
                    rest.contains { $0.severity == .error } ? .error : .warning,
                    "\(rest.count) more problem\(rest.count == 1 ? "" : "s") not shown here; the report lists them all"
                ))
        }
        return lines
    }

    static func statusText(_ check: ValidationCheck) -> String {
        if !check.present { return "not present" }
        if check.errors == 0 && check.warnings == 0 { return "ok" }
        var parts: [String] = []
        if check.errors > 0 { parts.append("\(check.errors) error\(check.errors == 1 ? "" : "s")") }
        if check.warnings > 0 { parts.append("\(check.warnings) warning\(check.warnings == 1 ? "" : "s")") }
        return parts.joined(separator: ", ")
    }

    func resultText(strict: Bool) -> String {
        let counts =
            "\(NumberText.grouped(errorCount)) error\(errorCount == 1 ? "" : "s"), "
            + "\(NumberText.grouped(warningCount)) warning\(warningCount == 1 ? "" : "s")"
        if passes(strict: strict) { return "ok: " + counts }
        return (errorCount == 0 ? "failed (--strict): " : "failed: ") + counts
    }

    /// The report for people: one line per check with its figures, the result, then every problem.
    public func table(strict: Bool) -> String {
        let statuses = checks.map(Self.statusText)
        let width = statuses.map { TextColumns.displayWidth($0) }.max() ?? 0
        var rows: [(String, String)] = [("District", district)]
        for (check, status) in zip(checks, statuses) {
            let summary = check.present ? check.summary : ""
            rows.append((check.title, summary.isEmpty ? status : TextColumns.pad(status, to: width + 2) + summary))
        }
        rows.append(("Result", resultText(strict: strict)))
        var text = TextColumns.labelled(rows)
        if !issues.isEmpty {
            text += "\nProblems\n"
            for issue in issues {
                text += issue.severity.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0) + issue.message + "\n"
            }
        }
        return text
    }

    /// The report for programs.
    public func json(strict: Bool) -> String {
        let checkNodes: [JSONNode] = checks.map { check in
            let figures = check.figures.map { figure in
                JSONMember(
                    figure.name,
                    figure.isCount
                        ? .int(Int(figure.value))
                        : .fixed(figure.value, figure.name.hasSuffix("_share") ? 6 : 3))
            }
            return .object([
                "check": .string(check.id), "layer": .stringOrNull(check.layer?.rawValue),
                "title": .string(check.title), "status": .string(check.status),
                "errors": .int(check.errors), "warnings": .int(check.warnings),
                "figures": .object(figures, .inline), "summary": .string(check.present ? check.summary : "")
            ])
        }
        let issueNodes: [JSONNode] = issues.map { issue in
            .object([
                "severity": .string(issue.severity.rawValue), "check": .string(issue.check),
                "layer": .stringOrNull(issue.layer?.rawValue), "feature_index": issue.featureIndex.map(JSONNode.int) ?? .null,
                "feature_id": .stringOrNull(issue.featureId), "message": .string(issue.message)
            ])
        }
        return JSONNode.object(
            [
                "district": .string(district), "ok": .bool(passes(strict: strict)), "strict": .bool(strict),
                "errors": .int(errorCount), "warnings": .int(warningCount),
                "checks": .array(checkNodes, .lines), "issues": .array(issueNodes, .lines)
            ], .lines
        ).text + "\n"
    }
}
