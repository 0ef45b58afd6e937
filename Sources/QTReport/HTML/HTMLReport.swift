import Foundation
import QTAnalysis
import QTModel
import QTText

/// The planning report as one self-contained HTML file: district summary, land use with its reconciliation,
/// coverage per service and sub-district with maps of the residents left out, the indicators against the
/// 2025 targets, and the checks of a plan's sites when one is given.
///
/// Everything is inline: the style sheet, the maps (SVG) and a few lines of the project's own script for
/// panning, zooming and hover (``ReportAssets``); the file opens without network access and can be mailed.
/// The output is deterministic (no timestamp): the same inputs give the same bytes.
public enum HTMLReport {
    /// The report's HTML.
    /// - Throws: what drawing a map throws (``MapError``, GEOS and PROJ errors).
    public static func render(_ content: ReportContent) throws -> String {
        let s = content.summary
        let lang = content.language
        var sections: [(id: String, title: String, html: String)] = [("summary", ChromeWord.summarySection.text(lang), summary(s, language: lang))]
        if let landUse = content.landUse {
            sections.append(
                ("landuse", ChromeWord.landUseSection.text(lang), Self.landUse(landUse, unitKm2: true, targets: content.landTargets, language: lang)))
        }
        var coverageHTML = coverage(content.coverage, profile: content.coverageProfile, notes: content.coverageNotes, content: content)
        for (index, map) in content.maps.enumerated() {
            coverageHTML += try figure(map, index: index, language: lang)
        }
        sections.append(("coverage", ChromeWord.coverageSection.text(lang), coverageHTML))
        if let indicators = content.indicators {
            sections.append(
                (
                    "indicators", ChromeWord.indicatorsSection.text(lang),
                    Self.indicators(indicators, atPopulation: content.indicatorsAtPopulation, language: lang)
                ))
        }
        if let checks = content.siteChecks {
            sections.append(("sites", ChromeWord.sitesSection.text(lang), sites(checks, language: lang, wording: content.wording)))
        }
        if let comparison = content.comparison {
            sections.append(("plans", ChromeWord.plansSection.text(lang), plans(comparison, language: lang, wording: content.wording)))
        }

        var out = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(e(s.name)) \(e(s.nameEn)) — \(e(ChromeWord.reportDocumentTitle.text(lang)))</title>\n"
        out += "<style>\n\(ReportAssets.css)\n</style>\n</head>\n<body data-ready=\"false\">\n"
        out += "<header>\n<h1>\(e(s.name)) \(e(s.nameEn)) · \(e(ChromeWord.reportTitle.text(lang)))</h1>\n"
        let meta = ChromeWord.reportMeta.text(
            lang, NumberText.compact(s.officialAreaKm2, 1), NumberText.grouped(s.residents), s.metricCRS, content.coverageProfile)
        out += "<p class=\"meta\">\(e(meta))</p>\n"
        out += "<p class=\"modelled\">\(e(content.provenance))</p>\n</header>\n<nav>"
        out += sections.map { "<a href=\"#\($0.id)\">\(e($0.title))</a>" }.joined() + "</nav>\n<main>\n"
        for section in sections {
            out += "<section id=\"\(section.id)\">\n<h2>\(e(section.title))</h2>\n\(section.html)</section>\n"
        }
        out += "</main>\n<footer>\(e(ChromeWord.reportMadeBy.text(lang, content.generator))) \(e(content.provenance))</footer>\n"
        out += "<div id=\"tip\" class=\"tip\" hidden></div>\n<script>\n\(ReportAssets.script)\n</script>\n</body>\n</html>\n"
        return out
    }

    private static func e(_ text: String) -> String { XMLText.escape(text) }

    private static func percent(_ share: Double, _ decimals: Int = 1) -> String { String(format: "%.\(decimals)f%%", share * 100) }

    // MARK: Sections

    /// The plans' table; in Chinese its headers, caption and services (the standards file's names).
    static func plans(_ c: ReportComparison, language: Language = .en, wording: StandardsWording = StandardsWording()) -> String {
        let zh = language == .zh
        let first = zh ? [ChromeWord.service.text(.zh), ChromeWord.baseline.text(.zh)] : ["Service", "Baseline"]
        var table = HTMLTable(
            header: first + c.plans.flatMap { ["\($0)", ChromeWord.plansChange.text(language), ChromeWord.plansGainedLost.text(language)] },
            numeric: Set(1..<(2 + 3 * c.plans.count)))
        for row in c.rows {
            var cells = [wording.service(row.service, language), percent(row.baseline)]
            for (i, share) in row.plans.enumerated() {
                let change = (share - row.baseline) * 100
                cells += [
                    percent(share), (change >= 0 ? "+" : "") + String(format: "%.1f", change),
                    "+\(NumberText.grouped(rounding: row.gained[i])) / −\(NumberText.grouped(rounding: row.lost[i]))"
                ]
            }
            table.rows.append(cells)
        }
        table.caption = ChromeWord.plansCaption.text(language)
        return table.html + c.summaries.map { "<p class=\"note\">\(e($0))</p>\n" }.joined()
    }

    /// The summary's tables; in Chinese the labels (not the figures' notes) from ``QTText/ChromeWord``.
    static func summary(_ s: DistrictSummary, language: Language = .en) -> String {
        let w = { (word: ChromeWord) in word.text(language) }
        var table = HTMLTable(header: [])
        table.rows = [
            [w(.summaryDistrict), "\(s.name) \(s.nameEn)"],
            [w(.officialArea), "\(NumberText.compact(s.officialAreaKm2, 1)) km²"],
            [
                w(.boundaryPolygon),
                language == .zh
                    ? ChromeWord.geodesicArea.text(.zh, String(format: "%.1f", s.geodesicAreaKm2), String(format: "%+.1f%%", s.areaDifferencePercent))
                        + "；" + ChromeWord.planarArea.text(.zh, String(format: "%.1f", s.planarAreaKm2), s.metricCRS)
                    : "\(String(format: "%.1f", s.geodesicAreaKm2)) km² geodesic (WGS84), "
                        + "\(String(format: "%+.1f%%", s.areaDifferencePercent)) vs official; \(String(format: "%.1f", s.planarAreaKm2)) km² planar in \(s.metricCRS)"
            ],
            [w(.summaryResidents), NumberText.grouped(s.residents)]
        ]
        for layer in s.layerCounts.keys.sorted() {
            let sources = (s.layerSources[layer] ?? [:]).sorted { $0.key < $1.key }.map { "\(NumberText.grouped($0.value)) \(source($0.key, language))" }
            let count = s.layerCounts[layer] ?? 0
            table.rows.append([
                "\(w(.layer)) \(layer.rawValue)",
                language == .zh
                    ? ChromeWord.reportFeatures.text(.zh, NumberText.grouped(count), sources.joined(separator: "，"))
                    : "\(NumberText.grouped(count)) feature\(count == 1 ? "" : "s") (\(sources.joined(separator: ", ")))"
            ])
        }
        var out = table.html
        if let areas = s.subdistrictAreas, !areas.isEmpty {
            var zones = HTMLTable(header: [w(.subdistrictColumn), w(.areaKm2)], numeric: [1])
            zones.rows = areas.map { [$0.name ?? $0.nameEn ?? $0.id ?? "?", String(format: "%.1f", $0.areaKm2)] }
            out += "<h3>\(e(w(.subdistrictsHeading)))</h3>\n" + zones.html
        }
        return out
    }

    /// A feature's source (`modelled`, `reference`, `seed`) in `language`; another source as written.
    static func source(_ source: String, _ language: Language) -> String {
        switch source {
        case "modelled": ChromeWord.modelledSource.text(language)
        case "reference": ChromeWord.referenceSource.text(language)
        case "seed": ChromeWord.seedSource.text(language)
        default: source
        }
    }

    /// The land-use tables; in Chinese every header, row label, caption and note (``QTText/ChromeWord``).
    static func landUse(_ r: LandUseReport, unitKm2: Bool, targets: LandTargets?, language: Language = .en) -> String {
        let w = { (word: ChromeWord) in word.text(language) }
        let km2 = { (m2: Double) in String(format: "%.2f", m2 / 1e6) }
        var table = HTMLTable(header: [w(.landClass), w(.code), w(.areaKm2), w(.shareColumn)], numeric: [2, 3])
        for row in r.rows {
            guard let c = row.landClass else { continue }
            table.rows.append([language == .zh ? c.chineseName : "\(c.chineseName) \(c.rawValue)", c.nationalCode, km2(row.area), percent(row.share)])
        }
        table.rows.append([w(.totalOfParcels), "", km2(r.total), percent(1)])
        table.rowClasses[table.rows.count - 1] = "total"
        table.caption =
            r.method == .geodesic
            ? ChromeWord.luCaption.text(language, NumberText.grouped(r.parcelCount))
            : ChromeWord.luCaptionPlanar.text(language, NumberText.grouped(r.parcelCount), r.metricCRS)
        var reconcile = HTMLTable(header: [w(.reconciliation), "m²", "km²"], numeric: [1, 2])
        for (label, value) in [
            (w(.recBoundary), r.boundaryArea), (w(.recGaps), r.gapArea),
            (w(.recOverlaps), r.overlapArea), (w(.recOutside), r.outsideBoundaryArea),
            (w(.recExpected), r.reconciledTotal), (w(.totalOfParcels), r.total),
            (w(.recOfficial), r.officialArea)
        ] {
            reconcile.rows.append([label, NumberText.compact(value, 4), km2(value)])
        }
        reconcile.rowClasses[4] = "total"
        var out = table.html + "<h3>\(e(w(.reconciliation)))</h3>\n" + reconcile.html
        if let targets {
            let d = r.derived
            var derived = HTMLTable(header: [w(.figureColumn), w(.valueColumn), w(.targetColumn), w(.metColumn)], numeric: [1, 2])
            derived.rows = [
                [
                    w(.luUrbanRow), "\(km2(d.urbanConstructionArea)) km²", "≤ \(km2(targets.urbanConstructionSquareMetres)) km²",
                    d.urbanConstructionArea <= targets.urbanConstructionSquareMetres ? w(.yes) : w(.no)
                ],
                [
                    w(.luCroplandRow), "\(NumberText.grouped(Int(d.croplandMu.rounded()))) 亩",
                    ChromeWord.luGrainTarget.text(language, NumberText.grouped(Int(targets.croplandMu.target))),
                    d.croplandMu >= targets.croplandMu.target ? w(.luRoom) : w(.no)
                ],
                [
                    w(.luGreenRow), percent(d.greenSpaceShare), ChromeWord.luParksTarget.text(language, percent(targets.parkGreenShare, 0)),
                    d.greenSpaceShare >= targets.parkGreenShare ? w(.luBoundAllows) : w(.no)
                ]
            ]
            out += "<h3>\(e(w(.againstThePlan)))</h3>\n" + derived.html
        }
        if r.isModelled { out += "<p class=\"note\">\(e(w(.luModelledNote)))</p>\n" }
        return out
    }

    static func coverage(_ results: [CoverageResult], profile: String, notes: [String], content: ReportContent) -> String {
        guard let first = results.first else { return "<p class=\"note\">No coverage computed.</p>\n" }
        let zones = first.bySubdistrict.map(\.name)
        let lang = content.language
        let header: [String] =
            lang == .zh
            ? [ChromeWord.service, .mode, .circle, .facilityCount, .district].map { $0.text(.zh) }
            : ["Service", "Mode", "Circle", "Facilities", "District"]
        var table = HTMLTable(
            header: header + zones,
            numeric: Set(3..<(5 + zones.count)))
        for r in results {
            let s = r.service
            let circle =
                s.mode == .radius
                ? "\(NumberText.grouped(Int(s.distance)))\(ChromeWord.metres.text(lang))"
                : "\(NumberText.compact(s.minutes, 1))\(ChromeWord.minutes.text(lang))"
                    + (s.minutesRural.map { ChromeWord.rural.text(lang, NumberText.compact($0, 1)) } ?? "")
            let mode: String
            switch s.mode {
            case .walk: mode = ChromeWord.walk.text(lang)
            case .drive: mode = ChromeWord.drive.text(lang)
            case .radius: mode = ChromeWord.radius.text(lang)
            }
            table.rows.append(
                [content.wording.service(s.label, lang), mode, circle, NumberText.grouped(r.facilities), percent(r.total.share)]
                    + r.bySubdistrict.map { percent($0.share) })
        }
        table.caption = ChromeWord.reportCoverageCaption.text(lang, profile)
        var residents = HTMLTable(header: ["", ChromeWord.district.text(lang)] + zones, numeric: Set(1..<(2 + zones.count)))
        residents.rows = [
            [
                lang == .zh ? "\(ChromeWord.residents.text(.zh))（\(content.wording.unit("residents", .zh, fallback: "人"))）" : "Residents",
                NumberText.grouped(Int(first.total.population.rounded()))
            ]
                + first.bySubdistrict.map { NumberText.grouped(Int($0.population.rounded())) }
        ]
        return table.html + residents.html + notes.map { "<p class=\"note\">\(e($0))</p>\n" }.joined()
    }

    static func indicators(
        _ report: IndicatorReport, atPopulation: (residents: Int, note: String, report: IndicatorReport)?, language: Language = .en
    ) -> String {
        var out = ""
        let zh = language == .zh
        for (s, scope) in report.scopes.enumerated() {
            var header =
                zh
                ? [ChromeWord.indicator, .unit, .targetValue, .value, .met, .whatIsMissing].map { $0.text(.zh) }
                : ["Indicator", "Unit", "2025 target", "Value", "Met", "What is missing"]
            if let at = atPopulation {
                header +=
                    zh
                    ? [ChromeWord.reportAtResidents.text(.zh, NumberText.grouped(at.residents)), ChromeWord.met.text(.zh), ChromeWord.whatIsMissing.text(.zh)]
                    : ["At \(NumberText.grouped(at.residents)) residents", "Met", "What is missing then"]
            }
            var table = HTMLTable(header: header, numeric: atPopulation == nil ? [2, 3] : [2, 3, 6])
            for (i, row) in scope.rows.enumerated() {
                var cells = [
                    zh ? IndicatorText.name(row, .zh) : row.target.nameZh.map { "\($0) \(row.target.name)" } ?? row.target.name,
                    IndicatorText.unit(row, language), IndicatorText.target(row, language),
                    IndicatorText.value(row, language) + (scope.isDistrict && report.isCalibrated(row) ? ChromeWord.reportCalibrated.text(language) : ""),
                    IndicatorText.met(row, language), IndicatorText.needs(row, language)
                ]
                if let at = atPopulation?.report.scopes[s].rows[i] {
                    cells += [IndicatorText.value(at, language), IndicatorText.met(at, language), IndicatorText.needs(at, language)]
                }
                table.rows.append(cells)
                if row.status == .notMet { table.rowClasses[i] = "fail" }
            }
            let residents = scope.residents.map { ChromeWord.reportScopeResidents.text(language, NumberText.grouped($0)) } ?? ""
            out += "<h3>\(e(scope.name))\(e(residents))</h3>\n" + table.html
        }
        for note in report.notes { out += "<p class=\"note\">\(e(note))</p>\n" }
        if let at = atPopulation { out += "<p class=\"note\">\(e(at.note))</p>\n" }
        if report.modelled {
            out += "<p class=\"note\">\(e(ChromeWord.indModelled.text(language, report.modelledLayers.map(\.rawValue).joined(separator: ", "))))</p>\n"
        }
        return out
    }

    /// The site checks; in Chinese the sentence, headers and verdicts (``QTText/ChromeWord``) and the types by the
    /// standards file's names (the rules by their `title_zh` and the clauses come so from ``ReportSiteCheck``).
    static func sites(_ checks: [ReportSiteCheck], language: Language = .en, wording: StandardsWording = StandardsWording()) -> String {
        let zh = language == .zh
        var out = ""
        let failing = checks.filter { $0.rules.contains { $0.verdict == "fail" } }.count
        if zh {
            out += "<p>\(e(ChromeWord.sitesChecked.text(.zh, String(checks.count), String(checks.count - failing), String(failing))))</p>\n"
        } else {
            let sites = checks.count == 1 ? "1 site" : "\(checks.count) sites"
            out +=
                "<p>\(sites) checked: \(checks.count - failing) \(checks.count - failing == 1 ? "passes" : "pass") every rule, "
                + "\(failing) \(failing == 1 ? "fails" : "fail") at least one.</p>\n"
        }
        let verdictWord = { (verdict: String) -> String in
            guard zh else { return verdict }
            switch verdict {
            case "pass": return ChromeWord.pass.text(.zh)
            case "warn": return ChromeWord.warn.text(.zh)
            case "fail": return ChromeWord.fail.text(.zh)
            default: return verdict
            }
        }
        for check in checks {
            var table = HTMLTable(
                header: zh
                    ? [ChromeWord.rule, .verdict, .measuredValue, .limit, .clause].map { $0.text(.zh) } : ["Rule", "Verdict", "Measured", "Limit", "Clause"])
            for (i, rule) in check.rules.enumerated() {
                table.rows.append([rule.rule, verdictWord(rule.verdict), rule.measured, rule.limit, rule.clause])
                if rule.verdict == "fail" { table.rowClasses[i] = "fail" } else if rule.verdict == "warn" { table.rowClasses[i] = "warn" }
            }
            out += "<h3>\(e(check.site)) · \(e(wording.service(check.type, language)))</h3>\n" + table.html
        }
        return out
    }

    static func figure(_ map: MapDocument, index: Int, language: Language = .en) throws -> String {
        let title = { (word: ChromeWord) in e(word.text(language)) }
        return
            "<figure class=\"map\" id=\"map-\(index + 1)\">\n<div class=\"map-tools\"><button type=\"button\" data-zoom=\"in\" title=\"\(title(.zoomIn))\">+</button>"
            + "<button type=\"button\" data-zoom=\"out\" title=\"\(title(.zoomOut))\">−</button>"
            + "<button type=\"button\" data-zoom=\"reset\" title=\"\(title(.zoomReset))\">⟲</button></div>\n"
            + (try map.svg(standalone: false))
            + "<figcaption>\(e(ChromeWord.reportFigureHelp.text(language))) \(e(map.subtitle ?? ""))</figcaption>\n</figure>\n"
    }
}
