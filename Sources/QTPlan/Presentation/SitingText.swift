import Foundation
import QTAnalysis
import QTGeometry
import QTText

/// How siting figures read: measured values in JSON, people, shares, positions and circles.
enum SitingFigures {
    /// A measured value in JSON: metres to 0.1, km² to 0.0001, residents whole, shares to 1e-6.
    static func number(_ value: Double?, unit: String) -> JSONNode {
        guard let value, value.isFinite else { return .null }
        switch unit {
        case "m": return .fixed(value, 1)
        case "km2": return .fixed(value, 4)
        case "residents": return .fixed(value, 0)
        case "share": return .fixed(value, 6)
        default: return .fixed(value, 3)
        }
    }

    /// The rules file's path as tables and the report name it: the bundled file marked so, in `language`.
    static func rulesPath(_ path: String, _ language: Language) -> String {
        guard language == .zh, path.hasSuffix(" (bundled)") else { return path }
        return path.dropLast(" (bundled)".count) + "（内置）"
    }

    static func people(_ x: Double) -> String { NumberText.grouped(rounding: x) }

    static func share(_ x: Double) -> String { NumberText.fixed(x * 100, 1) + "%" }

    static func position(_ c: Coordinate) -> String { NumberText.fixed(c.x, 7) + "," + NumberText.fixed(c.y, 7) }

    /// A circle for people: "5 min walk", "300 m radius"; in Chinese "步行5分钟", "半径300米".
    static func circle(_ s: CoverageService, _ language: Language = .en) -> String {
        switch s.mode {
        case .radius: return ChromeWord.circleRadius.text(language, NumberText.fixed(s.distance, 0))
        case .walk where s.effectiveMeasure == .distance:
            let rural =
                s.distanceRural.map { $0 != s.distance ? ChromeWord.rural.text(language, NumberText.fixed($0, 0) + ChromeWord.metres.text(language)) : "" }
                ?? ""
            return ChromeWord.circleWalkMetres.text(language, NumberText.fixed(s.distance, 0), rural)
        case .walk, .drive:
            let rural = s.minutesRural.map { $0 != s.minutes ? ChromeWord.rural.text(language, NumberText.trimmed($0)) : "" } ?? ""
            return ChromeWord.circleTimed.text(language, NumberText.trimmed(s.minutes), CoverageFigures.modeWord(s.mode, language), rural)
        }
    }

    static func bySubdistrict(_ gains: [SubdistrictGain]) -> JSONNode {
        .array(gains.map { .object(["subdistrict": .string($0.id), "name": .string($0.name), "residents": .fixed($0.residents, 0)]) }, .inline)
    }

    /// A rule's value in a feature's properties, rounded as the JSON output rounds it.
    static func rounded(_ x: Double, unit: String) -> Double {
        let scale: Double = unit == "m" ? 10 : unit == "km2" ? 1e4 : unit == "residents" ? 1 : 1e6
        return (x * scale).rounded() / scale
    }
}

extension SiteCheckOutcome {
    /// Every site's rules for people, each with its clause, then the result.
    public var table: String { table(language: .en) }

    /// Every site's rules for people in `language`: in Chinese the header and verdicts (``QTText/ChromeWord``)
    /// and each rule by its title in the rules file (`title_zh`; its id when the file gives none), the headings and
    /// the footer from ``QTText/ChromeWord``, the types by the standards file's names (``wording``). What was
    /// measured, the limits and the clauses stay as the rules file and the checks write them.
    public func table(language: Language, wording: StandardsWording = StandardsWording()) -> String {
        let zh = language == .zh
        let verdictWord = { (v: SiteVerdict) -> String in
            switch v {
            case .pass: ChromeWord.pass.text(language)
            case .warn: ChromeWord.warn.text(language)
            case .fail: ChromeWord.fail.text(language)
            }
        }
        var text = ""
        for s in report.sites {
            let counts = ChromeWord.siteCounts.text(language, String(s.failures.count), String(s.warnings.count), String(s.rules.count))
            let verdict = zh ? verdictWord(s.verdict) : s.verdict.rawValue.uppercased()
            text +=
                ChromeWord.siteHeading.text(
                    language, s.site.label, wording.service(s.site.type, language), SitingFigures.position(s.site.location), verdict, counts) + "\n"
            var lines: [[String]] = [[ChromeWord.verdict, .rule, .measuredValue, .limit].map { $0.text(language) }]
            for r in s.rules {
                lines.append([
                    verdictWord(r.verdict), zh ? r.titleZh ?? r.rule : r.rule, ChromeWord.siting(r.measured, language),
                    ChromeWord.siting(r.limit, language)
                ])
                for g in r.bySubdistrict { lines.append(["", "", "  \(g.name): \(SitingFigures.people(g.residents))", ""]) }
            }
            let rendered = TextColumns.render(lines).split(separator: "\n", omittingEmptySubsequences: false)
            // Each rule's line is followed by its clause, indented under the rule's column.
            var k = 1
            text += rendered[0] + "\n"
            for r in s.rules {
                text += rendered[k] + "\n"
                k += 1
                for _ in r.bySubdistrict { text += rendered[k] + "\n"; k += 1 }
                text += "         ↳ " + r.clause + (r.verified ? "" : ChromeWord.clauseNotVerified.text(language)) + "\n"
            }
            text += "\n"
        }
        let failed = report.sites.filter { $0.verdict == .fail }.count
        let warned = report.sites.filter { $0.verdict == .warn }.count
        var footer: [(String, String)] = [
            (
                ChromeWord.result.text(language),
                report.verdict == .fail
                    ? ChromeWord.sitesFail.text(language, String(failed), String(report.sites.count))
                    : ChromeWord.sitesPass.text(language) + (warned > 0 ? ChromeWord.sitesWarned.text(language, String(warned)) : "")
            ),
            (ChromeWord.rulesLabel.text(language), SitingFigures.rulesPath(report.rulesPath, language))
        ]
        if !report.circles.isEmpty {
            footer.append(
                (
                    ChromeWord.circlesLabel.text(language),
                    report.circles.map {
                        "\(wording.service($0.type, language)) \(SitingFigures.circle($0.service, language)) (\(report.profile))"
                    }.joined(separator: zh ? "；" : "; ")
                ))
        }
        footer.append((ChromeWord.district.text(language), district))
        if report.modelledData { footer.append((ChromeWord.dataLabel.text(language), ChromeWord.modelledNote.text(language))) }
        return text + TextColumns.labelled(footer)
    }

    static func ruleJSON(_ r: SiteRuleResult) -> JSONNode {
        .object([
            "rule": .string(r.rule), "title": .string(r.title), "verdict": .string(r.verdict.rawValue),
            "value": SitingFigures.number(r.value, unit: r.unit), "unit": .string(r.unit), "measured": .string(r.measured),
            "limit": .string(r.limit), "limit_value": SitingFigures.number(r.limitValue, unit: r.unit),
            "clause": .string(r.clause), "clause_verified": .bool(r.verified), "by_subdistrict": SitingFigures.bySubdistrict(r.bySubdistrict)
        ])
    }

    /// Every site's rules for programs.
    public var json: String {
        let sites: [JSONNode] = report.sites.map { s in
            .object([
                "id": .string(s.site.id), "name": .string(s.site.name), "type": .string(s.site.type),
                "lon": .fixed(s.site.location.x, 7), "lat": .fixed(s.site.location.y, 7),
                "verdict": .string(s.verdict.rawValue), "rules": .array(s.rules.map(Self.ruleJSON), .lines)
            ])
        }
        let circles: [JSONNode] = report.circles.map {
            .object([
                "type": .string($0.type), "label": .string($0.service.label), "mode": .string($0.service.mode.rawValue),
                "minutes": .trimmed($0.service.minutes), "distance_m": .fixed($0.service.distance, 1)
            ])
        }
        return JSONNode.object(
            [
                JSONMember("verdict", .string(report.verdict.rawValue)), JSONMember("rules_file", .string(report.rulesPath)),
                JSONMember("profile", .string(report.profile)), JSONMember("modelled_data", .bool(report.modelledData)),
                JSONMember("circles", .array(circles, .inline)), JSONMember("sites", .array(sites, .lines), startsLine: true)
            ], .inline
        ).text + "\n"
    }

    static func ruleValue(_ r: SiteRuleResult) -> JSONValue {
        var o: [String: JSONValue] = [
            "rule": .string(r.rule), "verdict": .string(r.verdict.rawValue), "measured": .string(r.measured),
            "limit": .string(r.limit), "clause": .string(r.clause), "unit": .string(r.unit)
        ]
        o["value"] = r.value.map { .number(SitingFigures.rounded($0, unit: r.unit)) } ?? .null
        return .object(o)
    }

    /// One site with its verdict as a feature.
    public static func feature(_ s: SiteCheckResult) -> Feature {
        var p: [String: JSONValue] = [
            "id": .string(s.site.id), "name": .string(s.site.name), "type": .string(s.site.type),
            "verdict": .string(s.verdict.rawValue), "failed": .array(s.failures.map { .string($0.rule) }),
            "warned": .array(s.warnings.map { .string($0.rule) }), "rules": .array(s.rules.map(ruleValue)),
            "source": "computed: qtplan site-check"
        ]
        if let g = s.coverageGain, let v = g.value { p["coverage_gain"] = .number(v.rounded()) }
        return Feature(id: .string(s.site.id), geometry: .point(Point(s.site.location)), properties: p)
    }

    /// The sites with their verdicts as GeoJSON.
    public var geoJSON: Data { GeoJSONWriter().data(FeatureCollection(features: report.sites.map(Self.feature))) }
}

extension SiteSuggestOutcome {
    /// The picks for people, then the circle, the residents and the candidates.
    public var table: String { table(language: .en) }

    /// The picks for people in `language`: in Chinese the header, the footer's labels and sentences
    /// (``QTText/ChromeWord``), the type and target group by the standards file's names (``wording``); site ids,
    /// rule ids and the clause stay as the files write them.
    public func table(language: Language, wording: StandardsWording = StandardsWording()) -> String {
        let r = result
        let zh = language == .zh
        var lines: [[String]] = [
            [ChromeWord.rank, .site, .position, .gain, .covered, .share, .warnings2].map { $0.text(language) }
        ]
        for p in r.picks {
            lines.append([
                String(p.rank), p.site.id, SitingFigures.position(p.site.location), SitingFigures.people(p.gain),
                SitingFigures.people(p.coveredAfter), SitingFigures.share(p.shareAfter), p.warnings.map(\.rule).joined(separator: ", ")
            ])
        }
        var text = TextColumns.render(lines, rightAligned: [0, 3, 4, 5])
        let pop = max(r.population, 1)
        let source =
            gridMetres.map { ChromeWord.suggestGrid.text(language, NumberText.fixed($0, 0), gridClasses.map(\.rawValue).joined(separator: ", ")) }
            ?? ChromeWord.candidatesFile.text(language)
        let group = wording.targetGroup(r.weightedBy.rawValue, language)
        var footer: [(String, String)] = [
            (ChromeWord.typeLabel.text(language), "\(wording.service(r.type, language)): \(SitingFigures.circle(r.service, language)) (\(r.service.source))"),
            (
                (r.weightedBy == .all ? ChromeWord.residentsLabel : .targetLabel).text(language),
                (r.weightedBy == .all ? "" : ChromeWord.suggestTarget.text(language, group))
                    + ChromeWord.suggestResidents.text(
                        language, SitingFigures.people(r.population), SitingFigures.people(r.existingCovered), SitingFigures.share(r.existingCovered / pop),
                        SitingFigures.people(r.covered), SitingFigures.share(r.covered / pop), String(r.picks.count))
                    + (r.targetGroupUnknown
                        ? ChromeWord.suggestTargetUnknown.text(language, wording.targetGroup(r.service.targetGroup.rawValue, language)) : "")
            ),
            (
                ChromeWord.candidatesLabel.text(language),
                ChromeWord.suggestCandidates.text(language, NumberText.grouped(r.candidates), source, NumberText.grouped(r.passing))
            )
        ]
        if !r.rejections.isEmpty {
            footer.append(
                (
                    ChromeWord.rejectedLabel.text(language),
                    r.rejections.map { "\($0.rule) \(NumberText.grouped($0.candidates))" }.joined(separator: zh ? "，" : ", ")
                ))
        }
        footer.append(
            (
                ChromeWord.methodLabel.text(language),
                ChromeWord.suggestMethod.text(language, SitingFigures.people(r.greedyCovered), String(r.swaps), r.swaps == 1 ? "" : "s")
            ))
        if let sites = r.hazardousSites {
            footer.append(
                (
                    ChromeWord.hazardousSitesLabel.text(language),
                    ChromeWord.suggestHazardous.text(language, String(sites), String(r.hazardousExisting ?? 0), String(r.hazardousReached ?? 0))
                ))
        }
        if let reached = r.targetReached {
            footer.append((ChromeWord.targetReachedLabel.text(language), (reached ? ChromeWord.reached : .notReached).text(language)))
        }
        footer.append((ChromeWord.district.text(language), district))
        if r.modelledData { footer.append((ChromeWord.dataLabel.text(language), ChromeWord.modelledNote.text(language))) }
        text += "\n" + TextColumns.labelled(footer)
        return text
    }

    /// The picks for programs.
    public var json: String {
        let r = result
        let picks: [JSONNode] = r.picks.map { p in
            .object([
                "rank": .int(p.rank), "id": .string(p.site.id), "name": .string(p.site.name),
                "lon": .fixed(p.site.location.x, 7), "lat": .fixed(p.site.location.y, 7),
                "gain": .fixed(p.gain, 0), "covered_after": .fixed(p.coveredAfter, 0),
                "share_after": .fixed(p.shareAfter, 6), "warnings": .array(p.warnings.map { .string($0.rule) }, .inline),
                "by_subdistrict": SitingFigures.bySubdistrict(p.bySubdistrict)
            ])
        }
        let s = r.service
        return JSONNode.object(
            [
                JSONMember("type", .string(r.type)), JSONMember("label", .string(s.label)), JSONMember("mode", .string(s.mode.rawValue)),
                JSONMember("minutes", .trimmed(s.minutes)), JSONMember("distance_m", s.mode == .radius ? .fixed(s.distance, 1) : .null),
                JSONMember("source", .string(s.source)), JSONMember("population", .fixed(r.population, 0)),
                JSONMember("existing_covered", .fixed(r.existingCovered, 0)), JSONMember("covered", .fixed(r.covered, 0)),
                JSONMember("share", .fixed(r.population > 0 ? r.covered / r.population : 0, 6)), JSONMember("greedy_covered", .fixed(r.greedyCovered, 0)),
                JSONMember("swaps", .int(r.swaps)), JSONMember("candidates", .int(r.candidates)), JSONMember("passing", .int(r.passing)),
                JSONMember("rejections", .array(r.rejections.map { .object(["rule": .string($0.rule), "candidates": .int($0.candidates)]) }, .inline)),
                JSONMember("target_reached", r.targetReached.map(JSONNode.bool) ?? .null), JSONMember("modelled_data", .bool(r.modelledData)),
                JSONMember("weighted_by", .string(r.weightedBy.rawValue)), JSONMember("target_group_unknown", .bool(r.targetGroupUnknown)),
                JSONMember("hazardous_sites", r.hazardousSites.map(JSONNode.int) ?? .null),
                JSONMember("hazardous_sites_existing", r.hazardousExisting.map(JSONNode.int) ?? .null),
                JSONMember("hazardous_sites_reached", r.hazardousReached.map(JSONNode.int) ?? .null),
                JSONMember("picks", .array(picks, .lines), startsLine: true)
            ], .inline
        ).text + "\n"
    }

    /// The chosen sites with their gains as features (a valid plan file for `site-check --sites`).
    public var features: [Feature] {
        result.picks.map { p in
            let props: [String: JSONValue] = [
                "id": .string(p.site.id), "name": .string(p.site.name), "type": .string(p.site.type), "rank": .number(Double(p.rank)),
                "gain": .number(p.gain.rounded()), "covered_after": .number(p.coveredAfter.rounded()),
                "share_after": .number((p.shareAfter * 1e6).rounded() / 1e6), "mode": .string(result.service.mode.rawValue),
                "minutes": .number(result.service.minutes), "warnings": .array(p.warnings.map { .string($0.rule) }),
                "by_subdistrict": .object(Dictionary(uniqueKeysWithValues: p.bySubdistrict.map { ($0.id, JSONValue.number($0.residents.rounded())) })),
                "source": "computed: qtplan site-suggest"
            ]
            return Feature(id: .string(p.site.id), geometry: .point(Point(p.site.location)), properties: props)
        }
    }

    /// The chosen sites as GeoJSON.
    public var geoJSON: Data { GeoJSONWriter().data(FeatureCollection(features: features)) }
}
