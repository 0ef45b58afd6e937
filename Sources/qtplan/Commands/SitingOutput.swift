import Foundation
import QTAnalysis
import QTGeometry
import QTModel

/// Formats siting results for `site-check` and `site-suggest`: tables for people, JSON for programs,
/// GeoJSON features (written by the commands' one GeoJSON helper each).
enum SitingOutput {
    /// A measured value in JSON: metres to 0.1, km² to 0.0001, residents whole, shares to 1e-6.
    static func number(_ value: Double?, unit: String) -> String {
        guard let value, value.isFinite else { return "null" }
        switch unit {
        case "m": return Number.fixed(value, 1)
        case "km2": return Number.fixed(value, 4)
        case "residents": return Number.fixed(value, 0)
        case "share": return Number.fixed(value, 6)
        default: return Number.fixed(value, 3)
        }
    }

    static func people(_ x: Double) -> String { Number.grouped(Int(x.rounded())) }

    static func share(_ x: Double) -> String { Number.fixed(x * 100, 1) + "%" }

    static func position(_ c: Coordinate) -> String { Number.fixed(c.x, 7) + "," + Number.fixed(c.y, 7) }

    /// A circle for people: "5 min walk", "300 m radius".
    static func circle(_ s: CoverageService) -> String {
        switch s.mode {
        case .radius: return "\(Number.fixed(s.distance, 0)) m radius"
        case .walk, .drive:
            let rural = s.minutesRural.map { $0 != s.minutes ? " (rural \(Number.trimmedMinutes($0)))" : "" } ?? ""
            return "\(Number.trimmedMinutes(s.minutes)) min \(s.mode.rawValue)\(rural)"
        }
    }

    // MARK: - site-check

    static func checkTable(_ report: SiteCheckReport, district: District) -> String {
        var text = ""
        for s in report.sites {
            let counts = "\(s.failures.count) failed, \(s.warnings.count) warned, \(s.rules.count) rules"
            let name = s.site.label
            text += "Site \(name): \(s.site.type) at \(position(s.site.location)): \(s.verdict.rawValue.uppercased()) (\(counts))\n"
            var lines: [[String]] = [["verdict", "rule", "measured", "limit"]]
            for r in s.rules {
                lines.append([r.verdict.rawValue, r.rule, r.measured, r.limit])
                for g in r.bySubdistrict { lines.append(["", "", "  \(g.name): \(people(g.residents))", ""]) }
            }
            let rendered = LandUseText.columns(lines, rightAligned: []).split(separator: "\n", omittingEmptySubsequences: false)
            // Each rule's line is followed by its clause, indented under the rule's column.
            var k = 1
            text += rendered[0] + "\n"
            for r in s.rules {
                text += rendered[k] + "\n"
                k += 1
                for _ in r.bySubdistrict { text += rendered[k] + "\n"; k += 1 }
                text += "         ↳ " + r.clause + (r.verified ? "" : " [clause not verified]") + "\n"
            }
            text += "\n"
        }
        let failed = report.sites.filter { $0.verdict == .fail }.count
        let warned = report.sites.filter { $0.verdict == .warn }.count
        var footer: [(String, String)] = [
            ("Result", report.verdict == .fail ? "\(failed) of \(report.sites.count) sites fail (exit 1)"
                : "every site passes" + (warned > 0 ? " (\(warned) with warnings)" : "")),
            ("Rules", report.rulesPath),
            ("Circles", report.circles.map { "\($0.type) \(circle($0.service)) (\(report.profile))" }.joined(separator: "; ")),
        ]
        if report.circles.isEmpty { footer.removeLast() }
        footer.append(("District", district.manifest.name))
        if report.modelledData {
            footer.append(("Data", "modelled residents and facilities (see geodata/SOURCES.md): figures show the method, not the district's real provision"))
        }
        return text + TextTable.render(footer)
    }

    static func ruleJSON(_ r: SiteRuleResult) -> String {
        let parts = r.bySubdistrict.map {
            "{\"subdistrict\": \(JSONText.string($0.id)), \"name\": \(JSONText.string($0.name)), \"residents\": \(Number.fixed($0.residents, 0))}"
        }
        return "{\"rule\": \(JSONText.string(r.rule)), \"title\": \(JSONText.string(r.title)), \"verdict\": \(JSONText.string(r.verdict.rawValue)), "
            + "\"value\": \(number(r.value, unit: r.unit)), \"unit\": \(JSONText.string(r.unit)), \"measured\": \(JSONText.string(r.measured)), "
            + "\"limit\": \(JSONText.string(r.limit)), \"limit_value\": \(number(r.limitValue, unit: r.unit)), "
            + "\"clause\": \(JSONText.string(r.clause)), \"clause_verified\": \(r.verified), \"by_subdistrict\": [\(parts.joined(separator: ", "))]}"
    }

    static func checkJSON(_ report: SiteCheckReport) -> String {
        let sites = report.sites.map { s -> String in
            let rules = s.rules.map { "      " + ruleJSON($0) }.joined(separator: ",\n")
            return "    {\"id\": \(JSONText.string(s.site.id)), \"name\": \(JSONText.string(s.site.name)), \"type\": \(JSONText.string(s.site.type)), "
                + "\"lon\": \(Number.fixed(s.site.location.x, 7)), \"lat\": \(Number.fixed(s.site.location.y, 7)), "
                + "\"verdict\": \(JSONText.string(s.verdict.rawValue)), \"rules\": [\n\(rules)\n    ]}"
        }
        let circles = report.circles.map {
            "{\"type\": \(JSONText.string($0.type)), \"label\": \(JSONText.string($0.service.label)), \"mode\": \(JSONText.string($0.service.mode.rawValue)), "
                + "\"minutes\": \(Number.trimmedMinutes($0.service.minutes)), \"distance_m\": \(Number.fixed($0.service.distance, 1))}"
        }
        return "{\"verdict\": \(JSONText.string(report.verdict.rawValue)), \"rules_file\": \(JSONText.string(report.rulesPath)), "
            + "\"profile\": \(JSONText.string(report.profile)), \"modelled_data\": \(report.modelledData), "
            + "\"circles\": [\(circles.joined(separator: ", "))],\n  \"sites\": [\n\(sites.joined(separator: ",\n"))\n  ]}\n"
    }

    static func ruleValue(_ r: SiteRuleResult) -> JSONValue {
        var o: [String: JSONValue] = [
            "rule": .string(r.rule), "verdict": .string(r.verdict.rawValue), "measured": .string(r.measured),
            "limit": .string(r.limit), "clause": .string(r.clause), "unit": .string(r.unit),
        ]
        o["value"] = r.value.map { .number(rounded($0, unit: r.unit)) } ?? .null
        return .object(o)
    }

    static func rounded(_ x: Double, unit: String) -> Double {
        let scale: Double = unit == "m" ? 10 : unit == "km2" ? 1e4 : unit == "residents" ? 1 : 1e6
        return (x * scale).rounded() / scale
    }

    static func checkFeature(_ s: SiteCheckResult) -> Feature {
        var p: [String: JSONValue] = [
            "id": .string(s.site.id), "name": .string(s.site.name), "type": .string(s.site.type),
            "verdict": .string(s.verdict.rawValue), "failed": .array(s.failures.map { .string($0.rule) }),
            "warned": .array(s.warnings.map { .string($0.rule) }), "rules": .array(s.rules.map(ruleValue)),
            "source": "computed: qtplan site-check",
        ]
        if let g = s.coverageGain, let v = g.value { p["coverage_gain"] = .number(v.rounded()) }
        return Feature(id: .string(s.site.id), geometry: .point(Point(s.site.location)), properties: p)
    }

    // MARK: - site-suggest

    static func suggestTable(_ r: SiteSuggestResult, rules: SitingRules, gridMetres: Double?, district: District) -> String {
        var lines: [[String]] = [["rank", "site", "lon,lat", "gain", "covered", "share", "warnings"]]
        for p in r.picks {
            lines.append([String(p.rank), p.site.id, position(p.site.location), people(p.gain), people(p.coveredAfter),
                          share(p.shareAfter), p.warnings.map(\.rule).joined(separator: ", ")])
        }
        var text = LandUseText.columns(lines, rightAligned: [0, 3, 4, 5])
        let pop = max(r.population, 1)
        let source = gridMetres.map { "a \(Number.fixed($0, 0)) m grid on " + rules.allowedClasses(for: r.type).map(\.rawValue).joined(separator: ", ") } ?? "the candidates file"
        var footer: [(String, String)] = [
            ("Type", "\(r.type): \(circle(r.service)) (\(r.service.source))"),
            ("Residents", "\(people(r.population)); \(people(r.existingCovered)) (\(share(r.existingCovered / pop))) inside an existing circle; "
                + "\(people(r.covered)) (\(share(r.covered / pop))) with the \(r.picks.count) picks"),
            ("Candidates", "\(Number.grouped(r.candidates)) from \(source); \(Number.grouped(r.passing)) pass site-check"),
        ]
        if !r.rejections.isEmpty {
            footer.append(("Rejected by", r.rejections.map { "\($0.rule) \(Number.grouped($0.candidates))" }.joined(separator: ", ")))
        }
        footer.append(("Method", "greedy with lazy evaluation (\(people(r.greedyCovered)) covered), then \(r.swaps) improving swap\(r.swaps == 1 ? "" : "s")"))
        if let reached = r.targetReached { footer.append(("Target", reached ? "reached" : "not reached")) }
        footer.append(("District", district.manifest.name))
        if r.modelledData {
            footer.append(("Data", "modelled residents and facilities (see geodata/SOURCES.md): figures show the method, not the district's real provision"))
        }
        text += "\n" + TextTable.render(footer)
        return text
    }

    static func suggestJSON(_ r: SiteSuggestResult) -> String {
        let picks = r.picks.map { p -> String in
            let parts = p.bySubdistrict.map {
                "{\"subdistrict\": \(JSONText.string($0.id)), \"name\": \(JSONText.string($0.name)), \"residents\": \(Number.fixed($0.residents, 0))}"
            }
            return "    {\"rank\": \(p.rank), \"id\": \(JSONText.string(p.site.id)), \"name\": \(JSONText.string(p.site.name)), "
                + "\"lon\": \(Number.fixed(p.site.location.x, 7)), \"lat\": \(Number.fixed(p.site.location.y, 7)), "
                + "\"gain\": \(Number.fixed(p.gain, 0)), \"covered_after\": \(Number.fixed(p.coveredAfter, 0)), "
                + "\"share_after\": \(Number.fixed(p.shareAfter, 6)), \"warnings\": [\(p.warnings.map { JSONText.string($0.rule) }.joined(separator: ", "))], "
                + "\"by_subdistrict\": [\(parts.joined(separator: ", "))]}"
        }
        let rejections = r.rejections.map { "{\"rule\": \(JSONText.string($0.rule)), \"candidates\": \($0.candidates)}" }
        let s = r.service
        return "{\"type\": \(JSONText.string(r.type)), \"label\": \(JSONText.string(s.label)), \"mode\": \(JSONText.string(s.mode.rawValue)), "
            + "\"minutes\": \(Number.trimmedMinutes(s.minutes)), \"distance_m\": \(s.mode == .radius ? Number.fixed(s.distance, 1) : "null"), "
            + "\"source\": \(JSONText.string(s.source)), \"population\": \(Number.fixed(r.population, 0)), "
            + "\"existing_covered\": \(Number.fixed(r.existingCovered, 0)), \"covered\": \(Number.fixed(r.covered, 0)), "
            + "\"share\": \(Number.fixed(r.population > 0 ? r.covered / r.population : 0, 6)), \"greedy_covered\": \(Number.fixed(r.greedyCovered, 0)), "
            + "\"swaps\": \(r.swaps), \"candidates\": \(r.candidates), \"passing\": \(r.passing), \"rejections\": [\(rejections.joined(separator: ", "))], "
            + "\"target_reached\": \(r.targetReached.map { "\($0)" } ?? "null"), \"modelled_data\": \(r.modelledData),\n  \"picks\": [\n\(picks.joined(separator: ",\n"))\n  ]}\n"
    }

    static func pickFeature(_ p: SitePick, result: SiteSuggestResult) -> Feature {
        let props: [String: JSONValue] = [
            "id": .string(p.site.id), "name": .string(p.site.name), "type": .string(p.site.type), "rank": .number(Double(p.rank)),
            "gain": .number(p.gain.rounded()), "covered_after": .number(p.coveredAfter.rounded()),
            "share_after": .number((p.shareAfter * 1e6).rounded() / 1e6), "mode": .string(result.service.mode.rawValue),
            "minutes": .number(result.service.minutes), "warnings": .array(p.warnings.map { .string($0.rule) }),
            "by_subdistrict": .object(Dictionary(uniqueKeysWithValues: p.bySubdistrict.map { ($0.id, JSONValue.number($0.residents.rounded())) })),
            "source": "computed: qtplan site-suggest",
        ]
        return Feature(id: .string(p.site.id), geometry: .point(Point(p.site.location)), properties: props)
    }
}
