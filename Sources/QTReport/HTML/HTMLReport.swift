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
            coverageHTML += try figure(map, index: index)
        }
        sections.append(("coverage", ChromeWord.coverageSection.text(lang), coverageHTML))
        if let indicators = content.indicators {
            sections.append(
                (
                    "indicators", ChromeWord.indicatorsSection.text(lang),
                    Self.indicators(indicators, atPopulation: content.indicatorsAtPopulation, language: lang)
                ))
        }
        if let checks = content.siteChecks { sections.append(("sites", ChromeWord.sitesSection.text(lang), sites(checks))) }
        if let comparison = content.comparison { sections.append(("plans", ChromeWord.plansSection.text(lang), plans(comparison))) }

        var out = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(e(s.name)) \(e(s.nameEn)) — qtplan planning report</title>\n"
        out += "<style>\n\(ReportAssets.css)\n</style>\n</head>\n<body data-ready=\"false\">\n"
        out += "<header>\n<h1>\(e(s.name)) \(e(s.nameEn)) · \(e(ChromeWord.reportTitle.text(lang)))</h1>\n"
        out +=
            "<p class=\"meta\">\(e(NumberText.compact(s.officialAreaKm2, 1))) km² official · \(e(NumberText.grouped(s.residents))) residents · "
            + "metric CRS \(e(s.metricCRS)) · standards profile \(e(content.coverageProfile))</p>\n"
        out += "<p class=\"modelled\">\(e(content.provenance))</p>\n</header>\n<nav>"
        out += sections.map { "<a href=\"#\($0.id)\">\(e($0.title))</a>" }.joined() + "</nav>\n<main>\n"
        for section in sections {
            out += "<section id=\"\(section.id)\">\n<h2>\(e(section.title))</h2>\n\(section.html)</section>\n"
        }
        out += "</main>\n<footer>Made by \(e(content.generator)). \(e(content.provenance))</footer>\n"
        out += "<div id=\"tip\" class=\"tip\" hidden></div>\n<script>\n\(ReportAssets.script)\n</script>\n</body>\n</html>\n"
        return out
    }

    private static func e(_ text: String) -> String { XMLText.escape(text) }

    private static func percent(_ share: Double, _ decimals: Int = 1) -> String { String(format: "%.\(decimals)f%%", share * 100) }

    // MARK: Sections

    static func plans(_ c: ReportComparison) -> String {
        var table = HTMLTable(
            header: ["Service", "Baseline"] + c.plans.flatMap { ["\($0)", "Δ pp", "+ / −"] },
            numeric: Set(1..<(2 + 3 * c.plans.count)))
        for row in c.rows {
            var cells = [row.service, percent(row.baseline)]
            for (i, share) in row.plans.enumerated() {
                let change = (share - row.baseline) * 100
                cells += [
                    percent(share), (change >= 0 ? "+" : "") + String(format: "%.1f", change),
                    "+\(NumberText.grouped(rounding: row.gained[i])) / −\(NumberText.grouped(rounding: row.lost[i]))"
                ]
            }
            table.rows.append(cells)
        }
        table.caption =
            "Share of residents within each service's circle, the baseline and each plan applied on its own; "
            + "the change in percentage points and the residents newly covered and newly lost."
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
                "\(String(format: "%.1f", s.geodesicAreaKm2)) km² geodesic (WGS84), "
                    + "\(String(format: "%+.1f%%", s.areaDifferencePercent)) vs official; \(String(format: "%.1f", s.planarAreaKm2)) km² planar in \(s.metricCRS)"
            ],
            [w(.summaryResidents), NumberText.grouped(s.residents)]
        ]
        for layer in s.layerCounts.keys.sorted() {
            let sources = (s.layerSources[layer] ?? [:]).sorted { $0.key < $1.key }.map { "\(NumberText.grouped($0.value)) \($0.key)" }
            let count = s.layerCounts[layer] ?? 0
            table.rows.append([
                "\(w(.layer)) \(layer.rawValue)", "\(NumberText.grouped(count)) feature\(count == 1 ? "" : "s") (\(sources.joined(separator: ", ")))"
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

    /// The land-use tables; in Chinese the headers and class names (the notes and the reconciliation's rows stay
    /// English).
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
            "\(r.method == .geodesic ? "Geodesic (WGS84 ellipsoid)" : "Planar (\(r.metricCRS))") areas of \(NumberText.grouped(r.parcelCount)) parcels."
        var reconcile = HTMLTable(header: [w(.reconciliation), "m²", "km²"], numeric: [1, 2])
        for (label, value) in [
            ("Boundary polygon", r.boundaryArea), ("− land no parcel covers (gaps)", r.gapArea),
            ("+ land covered twice (overlaps)", r.overlapArea), ("+ parcels outside the boundary", r.outsideBoundaryArea),
            ("= what the parcels should add up to", r.reconciledTotal), ("Total of parcels", r.total),
            ("Official area (manifest)", r.officialArea)
        ] {
            reconcile.rows.append([label, NumberText.compact(value, 4), km2(value)])
        }
        reconcile.rowClasses[4] = "total"
        var out = table.html + "<h3>\(e(w(.reconciliation)))</h3>\n" + reconcile.html
        if let targets {
            let d = r.derived
            var derived = HTMLTable(header: ["Figure", "Value", "2025 target", "Met"], numeric: [1, 2])
            derived.rows = [
                [
                    "Urban construction land 城镇建设用地", "\(km2(d.urbanConstructionArea)) km²", "≤ \(km2(targets.urbanConstructionSquareMetres)) km²",
                    d.urbanConstructionArea <= targets.urbanConstructionSquareMetres ? "yes" : "no"
                ],
                [
                    "Cropland 耕地 (room for the grain-growing area 粮食生产面积)", "\(NumberText.grouped(Int(d.croplandMu.rounded()))) 亩",
                    "grain area ≥ \(NumberText.grouped(Int(targets.croplandMu.target))) 亩",
                    d.croplandMu >= targets.croplandMu.target ? "room" : "no"
                ],
                [
                    "Green and open space (class 14) share of built-up land: an upper bound of the park share (parks only: see the indicators)",
                    percent(d.greenSpaceShare), "parks ≥ \(percent(targets.parkGreenShare, 0))",
                    d.greenSpaceShare >= targets.parkGreenShare ? "bound allows" : "no"
                ]
            ]
            out += "<h3>\(e(w(.againstThePlan)))</h3>\n" + derived.html
        }
        if r.isModelled { out += "<p class=\"note\">The land-use layer is modelled: these areas show the method, not a survey.</p>\n" }
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
                ? "\(NumberText.grouped(Int(s.distance))) m"
                : "\(NumberText.compact(s.minutes, 1)) min" + (s.minutesRural.map { " (rural \(NumberText.compact($0, 1)))" } ?? "")
            table.rows.append(
                [content.wording.service(s.label, lang), s.mode.rawValue, circle, NumberText.grouped(r.facilities), percent(r.total.share)]
                    + r.bySubdistrict.map { percent($0.share) })
        }
        table.caption = "Share of residents (not of area) within each service's circle, profile \(profile)."
        var residents = HTMLTable(header: ["", "District"] + zones, numeric: Set(1..<(2 + zones.count)))
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
            if let at = atPopulation { header += ["At \(NumberText.grouped(at.residents)) residents", "Met", "What is missing then"] }
            var table = HTMLTable(header: header, numeric: atPopulation == nil ? [2, 3] : [2, 3, 6])
            for (i, row) in scope.rows.enumerated() {
                var cells = [
                    zh ? IndicatorText.name(row, .zh) : row.target.nameZh.map { "\($0) \(row.target.name)" } ?? row.target.name,
                    IndicatorText.unit(row, language), IndicatorText.target(row, language),
                    IndicatorText.value(row) + (scope.isDistrict && report.isCalibrated(row) ? " (calibrated to the 2020 baseline)" : ""),
                    IndicatorText.met(row, language), IndicatorText.needs(row, language)
                ]
                if let at = atPopulation?.report.scopes[s].rows[i] {
                    cells += [IndicatorText.value(at), IndicatorText.met(at, language), IndicatorText.needs(at, language)]
                }
                table.rows.append(cells)
                if row.status == .notMet { table.rowClasses[i] = "fail" }
            }
            out += "<h3>\(e(scope.name))\(scope.residents.map { " · \(NumberText.grouped($0)) residents" } ?? "")</h3>\n" + table.html
        }
        for note in report.notes { out += "<p class=\"note\">\(e(note))</p>\n" }
        if let at = atPopulation { out += "<p class=\"note\">\(e(at.note))</p>\n" }
        if report.modelled {
            out +=
                "<p class=\"note\">Modelled inputs: \(e(report.modelledLayers.map(\.rawValue).joined(separator: ", "))): these values describe the model, not a survey.</p>\n"
        }
        return out
    }

    static func sites(_ checks: [ReportSiteCheck]) -> String {
        var out = ""
        let failing = checks.filter { $0.rules.contains { $0.verdict == "fail" } }.count
        let sites = checks.count == 1 ? "1 site" : "\(checks.count) sites"
        out +=
            "<p>\(sites) checked: \(checks.count - failing) \(checks.count - failing == 1 ? "passes" : "pass") every rule, "
            + "\(failing) \(failing == 1 ? "fails" : "fail") at least one.</p>\n"
        for check in checks {
            var table = HTMLTable(header: ["Rule", "Verdict", "Measured", "Limit", "Clause"])
            for (i, rule) in check.rules.enumerated() {
                table.rows.append([rule.rule, rule.verdict, rule.measured, rule.limit, rule.clause])
                if rule.verdict == "fail" { table.rowClasses[i] = "fail" } else if rule.verdict == "warn" { table.rowClasses[i] = "warn" }
            }
            out += "<h3>\(e(check.site)) · \(e(check.type))</h3>\n" + table.html
        }
        return out
    }

    static func figure(_ map: MapDocument, index: Int) throws -> String {
        "<figure class=\"map\" id=\"map-\(index + 1)\">\n<div class=\"map-tools\"><button type=\"button\" data-zoom=\"in\" title=\"Zoom in\">+</button>"
            + "<button type=\"button\" data-zoom=\"out\" title=\"Zoom out\">−</button><button type=\"button\" data-zoom=\"reset\" title=\"Reset\">⟲</button></div>\n"
            + (try map.svg(standalone: false))
            + "<figcaption>Drag to pan, wheel or buttons to zoom; hover a feature for its figures. \(e(map.subtitle ?? ""))</figcaption>\n</figure>\n"
    }
}
