import QTAnalysis
import QTModel
import QTText

extension CompareOutcome {
    /// A share and its change in percentage points: `12.1% (+0.9)`.
    private static func shareWithChange(_ after: CoverageCount, _ before: CoverageCount) -> String {
        let change = (after.share - before.share) * 100
        return NumberText.fixed(after.share * 100, 1) + "% (" + (change >= 0 ? "+" : "") + NumberText.fixed(change, 1) + ")"
    }

    private static func met(_ report: IndicatorReport?) -> (met: Int, of: Int)? {
        guard let rows = report?.district.rows else { return nil }
        return (rows.filter { $0.status == .met }.count, rows.filter { $0.status == .met || $0.status == .notMet }.count)
    }

    /// The comparison for people: one row per service (and sub-district), a column per plan with the change in
    /// percentage points, then what each plan adds, its residents newly covered and lost, indicators, sites and
    /// cost.
    ///
    /// In Chinese (`language: .zh`) the header, the circles, the lines on each plan and the footer
    /// (``QTText/ChromeWord``) and the services by the standards file's names; the plans' own notes, edits and the
    /// verdicts of added sites stay as written.
    public func table(by grouping: CoverageGrouping, language: Language = .en) -> String {
        let base = baseline.results
        var header = [ChromeWord.service, .circle, .baseline].map { $0.text(language) }
        header += plans.map { $0.plan.name }
        var lines: [[String]] = [header]
        for (i, r) in base.enumerated() {
            lines.append(
                [
                    baseline.wording.service(r.service.label, language),
                    language == .zh
                        ? CoverageFigures.modeWord(r.service.mode, .zh) + CoverageFigures.threshold(r.service, .zh)
                        : CoverageFigures.threshold(r.service) + " " + r.service.mode.rawValue,
                    CoverageFigures.share(r.total)
                ]
                    + plans.map { Self.shareWithChange($0.results[i].total, r.total) })
            if grouping == .subdistrict {
                for (z, zone) in r.bySubdistrict.enumerated() {
                    lines.append(
                        ["  " + zone.name, "", CoverageFigures.share(zone)]
                            + plans.map { Self.shareWithChange($0.results[i].bySubdistrict[z], zone) })
                }
            }
        }
        var text = TextColumns.render(lines, rightAligned: Set(2..<(3 + plans.count)))
        let w = { (word: ChromeWord) in word.text(language) }
        let zh = language == .zh
        for p in plans {
            text +=
                "\n" + ChromeWord.planHeading.text(language, p.plan.name) + (p.plan.description.map { (zh ? "：" : ": ") + $0 } ?? "")
                + " (\(p.plan.path))\n"
            let adds = Dictionary(grouping: p.plan.edits, by: { "\($0.action.rawValue) \($0.layer.rawValue)" }).map { "\($0.value.count) \($0.key)" }.sorted()
            var rows: [(String, String)] = [(w(.planChanges), adds.joined(separator: ", "))]
            let moved = p.changes.filter { $0.newlyCovered > 0 || $0.newlyLost > 0 }
            rows.append(
                (
                    w(.residentsLabel),
                    moved.isEmpty
                        ? w(.planNoChange)
                        : moved.map {
                            "\(baseline.wording.service($0.label, language)) +\(NumberText.grouped(rounding: $0.newlyCovered)) / −\(NumberText.grouped(rounding: $0.newlyLost))"
                        }
                        .joined(separator: zh ? "；" : "; ")
                ))
            rows.append(
                (
                    w(.planMeasuredAgain),
                    p.recomputed.isEmpty
                        ? w(.planNothingMeasured) : p.recomputed.map { baseline.wording.service($0, language) }.joined(separator: zh ? "、" : ", ")
                ))
            if let met = Self.met(p.indicators), let before = Self.met(baselineIndicators) {
                rows.append((w(.planIndicators), ChromeWord.planTargetsMet.text(language, String(met.met), String(met.of), String(before.met))))
            }
            if let checks = p.siteChecks {
                rows.append(
                    (
                        w(.planAddedSites),
                        checks.sites.map { s in
                            "\(s.site.label) \(s.verdict.rawValue)" + (s.failures.isEmpty ? "" : " (\(s.failures.map(\.rule).joined(separator: ", ")))")
                        }.joined(separator: "; ")
                    ))
            }
            if let cost = p.cost, cost > 0 {
                let gained = p.changes.reduce(0) { $0 + $1.newlyCovered }
                rows.append(
                    (w(.planCost), ChromeWord.planCostNote.text(language, NumberText.grouped(rounding: cost), NumberText.fixed(gained / cost * 1e6, 2))))
            }
            for note in p.notes { rows.append((w(.planNote), note)) }
            rows.append((w(.planVerdict), w(p.isWorse ? .planWorse : .planNotWorse)))
            text += TextColumns.labelled(rows.map { ("  " + $0.0, $0.1) })
        }
        var footer: [(String, String)] = [
            (ChromeWord.district.text(language), baseline.district),
            (ChromeWord.standard.text(language), "\(baseline.profile.name): \(baseline.profile.title(language))"),
            (ChromeWord.sharesLabel.text(language), ChromeWord.sharesNote.text(language))
        ]
        if baseline.modelledData { footer.append((ChromeWord.dataLabel.text(language), ChromeWord.modelledNote.text(language))) }
        return text + "\n" + TextColumns.labelled(footer)
    }

    private static func counts(_ c: CoverageCount) -> [JSONMember] {
        [JSONMember("population", .fixed(c.population, 0)), JSONMember("covered", .fixed(c.covered, 0)), JSONMember("share", .fixed(c.share, 6))]
    }

    /// The comparison for programs.
    public var json: String {
        let base = baseline.results
        let services: [JSONNode] = base.enumerated().map { i, r in
            let plansNode: [JSONNode] = plans.map { p in
                let after = p.results[i], change = p.changes[i]
                let zones: [JSONNode] = after.bySubdistrict.enumerated().map { z, zone in
                    .object(
                        [JSONMember("subdistrict", .string(zone.id))] + Self.counts(zone) + [
                            JSONMember("change_pp", .fixed((zone.share - r.bySubdistrict[z].share) * 100, 3)),
                            JSONMember("newly_covered", .fixed(change.bySubdistrict[z].newlyCovered, 0)),
                            JSONMember("newly_lost", .fixed(change.bySubdistrict[z].newlyLost, 0))
                        ], .inline)
                }
                return .object(
                    [JSONMember("plan", .string(p.plan.name))] + Self.counts(after.total) + [
                        JSONMember("change_pp", .fixed((after.total.share - r.total.share) * 100, 3)),
                        JSONMember("newly_covered", .fixed(change.newlyCovered, 0)), JSONMember("newly_lost", .fixed(change.newlyLost, 0)),
                        JSONMember("by_subdistrict", .array(zones, .inline))
                    ], .inline)
            }
            return .object(
                [
                    JSONMember("label", .string(r.service.label)), JSONMember("type", .string(r.service.supply.type)),
                    JSONMember("mode", .string(r.service.mode.rawValue)), JSONMember("minutes", .trimmed(r.service.minutes)),
                    JSONMember(
                        "baseline",
                        .object(
                            Self.counts(r.total) + [
                                JSONMember(
                                    "by_subdistrict",
                                    .array(
                                        r.bySubdistrict.map {
                                            .object([JSONMember("subdistrict", .string($0.id))] + Self.counts($0), .inline)
                                        }, .inline))
                            ], .inline)),
                    JSONMember("plans", .array(plansNode, .lines), startsLine: true)
                ], .inline)
        }
        let plansSummary: [JSONNode] = plans.map { p in
            let met = Self.met(p.indicators)
            return .object(
                [
                    JSONMember("name", .string(p.plan.name)), JSONMember("description", .stringOrNull(p.plan.description)),
                    JSONMember("file", .string(p.plan.path)), JSONMember("changes", .int(p.plan.edits.count)),
                    JSONMember("recomputed", .array(p.recomputed.map { .string($0) }, .inline)),
                    JSONMember("indicators_met", met.map { .int($0.met) } ?? .null),
                    JSONMember(
                        "added_sites",
                        .array(
                            (p.siteChecks?.sites ?? []).map { s in
                                .object([
                                    "id": .string(s.site.id), "type": .string(s.site.type), "verdict": .string(s.verdict.rawValue),
                                    "failed": .array(s.failures.map { .string($0.rule) }, .inline)
                                ])
                            }, .inline)),
                    JSONMember("cost", p.cost.map { .fixed($0, 2) } ?? .null),
                    JSONMember(
                        "newly_covered_per_million_cost",
                        p.cost.flatMap { $0 > 0 ? .fixed(p.changes.reduce(0) { $0 + $1.newlyCovered } / $0 * 1e6, 4) : nil } ?? .null),
                    JSONMember("worse", .bool(p.isWorse)), JSONMember("notes", .array(p.notes.map { .string($0) }, .inline))
                ], .inline)
        }
        return JSONNode.object(
            [
                JSONMember("district", .string(baseline.district)), JSONMember("profile", .string(baseline.profile.name)),
                JSONMember("baseline_indicators_met", Self.met(baselineIndicators).map { .int($0.met) } ?? .null),
                JSONMember("plans", .array(plansSummary, .lines)), JSONMember("services", .array(services, .lines))
            ], .lines
        ).text + "\n"
    }

    /// The comparison for spreadsheets: one row per plan (the baseline first), service and sub-district.
    public var csv: String { rows.csv }

    /// The rows of ``csv``, which `--results` writes to a database table.
    public var rows: ResultRows {
        var rows = ResultRows(
            columns: [
                .init("plan", .text), .init("label", .text), .init("type", .text), .init("mode", .text), .init("minutes", .number),
                .init("subdistrict", .text), .init("population", .number), .init("covered", .number), .init("share", .number),
                .init("change_pp", .number), .init("newly_covered", .number), .init("newly_lost", .number)
            ])
        for (i, r) in baseline.results.enumerated() {
            let s = r.service
            let head = [s.label, s.supply.type, s.mode.rawValue, NumberText.trimmed(s.minutes)]
            for (z, c) in ([r.total] + r.bySubdistrict).enumerated() {
                rows.append(
                    ["baseline"] + head + [
                        c.id, NumberText.fixed(c.population, 0), NumberText.fixed(c.covered, 0),
                        NumberText.fixed(c.share, 6), "", "", ""
                    ])
                for p in plans {
                    let after = z == 0 ? p.results[i].total : p.results[i].bySubdistrict[z - 1]
                    let change = p.changes[i]
                    let (gained, lost) = z == 0 ? (change.newlyCovered, change.newlyLost) : change.bySubdistrict[z - 1]
                    rows.append(
                        [p.plan.name] + head + [
                            after.id, NumberText.fixed(after.population, 0), NumberText.fixed(after.covered, 0),
                            NumberText.fixed(after.share, 6), NumberText.fixed((after.share - c.share) * 100, 3),
                            NumberText.fixed(gained, 0), NumberText.fixed(lost, 0)
                        ])
                }
            }
        }
        return rows
    }
}
