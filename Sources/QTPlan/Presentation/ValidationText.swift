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

    static func statusText(_ check: ValidationCheck, _ language: Language = .en) -> String {
        if !check.present { return ChromeWord.notPresent.text(language) }
        if check.errors == 0 && check.warnings == 0 { return ChromeWord.ok.text(language) }
        var parts: [String] = []
        if check.errors > 0 { parts.append(ChromeWord.errors.text(language, String(check.errors), check.errors == 1 ? "" : "s")) }
        if check.warnings > 0 { parts.append(ChromeWord.warnings.text(language, String(check.warnings), check.warnings == 1 ? "" : "s")) }
        return parts.joined(separator: language == .zh ? "，" : ", ")
    }

    func resultText(strict: Bool, _ language: Language = .en) -> String {
        let counts =
            ChromeWord.errors.text(language, NumberText.grouped(errorCount), errorCount == 1 ? "" : "s") + (language == .zh ? "，" : ", ")
            + ChromeWord.warnings.text(language, NumberText.grouped(warningCount), warningCount == 1 ? "" : "s")
        if passes(strict: strict) { return ChromeWord.ok.text(language) + (language == .zh ? "：" : ": ") + counts }
        return (errorCount == 0 ? ChromeWord.failedStrict : .failed).text(language) + counts
    }

    /// The report for people: one line per check with its figures, the result, then every problem.
    public func table(strict: Bool) -> String { table(strict: strict, language: .en) }

    /// The report for people in `language`: in Chinese the checks' titles, statuses, labels and the result from
    /// ``QTText/ChromeWord``; each check's figures and the problems' messages stay as the checks write them
    /// (English, as on stderr).
    public func table(strict: Bool, language: Language) -> String {
        let statuses = checks.map { Self.statusText($0, language) }
        let width = statuses.map { TextColumns.displayWidth($0) }.max() ?? 0
        var rows: [(String, String)] = [(ChromeWord.district.text(language), district)]
        for (check, status) in zip(checks, statuses) {
            let summary = check.present ? check.summary : ""
            rows.append((ChromeWord.checkTitle(check.title, language), summary.isEmpty ? status : TextColumns.pad(status, to: width + 2) + summary))
        }
        rows.append((ChromeWord.result.text(language), resultText(strict: strict, language)))
        var text = TextColumns.labelled(rows)
        if !issues.isEmpty {
            text += "\n" + ChromeWord.problems.text(language) + "\n"
            for issue in issues {
                let severity = language == .zh ? (issue.severity == .error ? "错误" : "警告") : issue.severity.rawValue
                text += TextColumns.pad(severity, to: 9) + issue.message + "\n"
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
