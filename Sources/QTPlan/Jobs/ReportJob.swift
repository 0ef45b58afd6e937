import Foundation
import QTAnalysis
import QTGeometry
import QTModel
import QTProjection
import QTReport
import QTText

/// A plan's sites for the report to check, as `site-check --sites` checks them.
public struct ReportSites: Sendable {
    /// The sites.
    public var sites: [ProposedSite]
    /// The file they came from, as the report names it.
    public var path: String
    /// The rules they are checked against.
    public var rules: SitingRules

    /// Sites to check.
    public init(sites: [ProposedSite], path: String, rules: SitingRules) {
        self.sites = sites
        self.path = path
        self.rules = rules
    }
}

/// What `report` is asked.
public struct ReportRequest: Sendable {
    /// The report file (`.html`).
    public var output: String
    /// The standards profile; `nil` for the file's default.
    public var profile: String?
    /// The service whose gaps are mapped.
    public var mapType: String
    /// A plan's sites to check, if any.
    public var sites: ReportSites?
    /// Plans to compare with the district as it is (方案比选), each applied on its own.
    public var plans: [ScenarioPlan]
    /// The siting rules the sites plans add are checked against, when plans are compared.
    public var planRules: SitingRules?
    /// A population to give the indicators at as well (the plan's for a year).
    public var population: IndicatorPopulation?
    /// The engine's settings.
    public var engine: EngineSettings
    /// The program and library versions, printed at the foot of the report.
    public var generator: String
    /// How messages name request settings.
    public var names: SettingNames
    /// The language of headings, tables, map legends, the notes on coverage and data, and the printed summary (the
    /// sites' clauses stay as the rules file writes them).
    public var language: Language

    /// A request.
    public init(
        output: String, profile: String? = nil, mapType: String = FacilityType.communityHealthCentre.rawValue,
        sites: ReportSites? = nil, plans: [ScenarioPlan] = [], planRules: SitingRules? = nil, population: IndicatorPopulation? = nil,
        engine: EngineSettings = EngineSettings(), generator: String, names: SettingNames = .library, language: Language = .en
    ) {
        self.language = language
        self.output = output
        self.profile = profile
        self.mapType = mapType
        self.sites = sites
        self.plans = plans
        self.planRules = planRules
        self.population = population
        self.engine = engine
        self.generator = generator
        self.names = names
    }
}

/// What a report job wrote, with the figures its summary line gives.
public struct ReportResult: Sendable {
    /// The file written.
    public var output: String
    /// Its size in bytes.
    public var bytes: Int
    /// The profile measured.
    public var profile: String
    /// Services measured.
    public var services: Int
    /// The mapped service and its share.
    public var mapped: (label: String, share: Double)
    /// Maps drawn.
    public var maps: Int
    /// District targets met, and district targets with a verdict.
    public var targetsMet: (met: Int, of: Int)
    /// Sites checked and those failing a rule, when a plan was checked.
    public var sites: (checked: Int, failing: Int)?
    /// Plans compared, and those that lower a covered count.
    public var plans: (compared: Int, worse: Int)?
    /// The report's language, which the summary is printed in.
    public var language: Language = .en

    /// The summary for people, in the report's language (``QTText/ChromeWord``).
    public var table: String {
        let l = language
        var rows: [(String, String)] = [
            (ChromeWord.reportLabel.text(l), ChromeWord.reportFile.text(l, output, NumberText.fixed(Double(bytes) / 1e6, 2))),
            (
                ChromeWord.reportCoverageLabel.text(l),
                ChromeWord.reportCoverage.text(l, String(services), profile, mapped.label, NumberText.fixed(mapped.share * 100, 1))
            ),
            (ChromeWord.reportMaps.text(l), ChromeWord.reportMapsNote.text(l, String(maps))),
            (ChromeWord.planIndicators.text(l), ChromeWord.reportTargets.text(l, String(targetsMet.met), String(targetsMet.of)))
        ]
        if let sites { rows.append((ChromeWord.reportSites.text(l), ChromeWord.reportSitesNote.text(l, String(sites.checked), String(sites.failing)))) }
        if let plans { rows.append((ChromeWord.reportPlans.text(l), ChromeWord.reportPlansNote.text(l, String(plans.compared), String(plans.worse)))) }
        return TextColumns.labelled(rows)
    }
}

/// `report`: the planning report, one self-contained HTML file assembled from the other jobs' results: the
/// summary, land use, coverage of every rule of the profile with a gap map, the indicators and a plan's sites.
public enum ReportJob {
    /// Writes the report of `district`.
    public static func run(
        _ request: ReportRequest, on district: District, standards: LifeCircleStandards, targets: IndicatorTargets,
        settings: OutputSettings, progress: JobProgress? = nil
    ) async throws -> ReportResult {
        let summary = try Info.run(on: district)
        let landUse =
            district.layers[.landuse] == nil
            ? nil
            : try LandUseJob.run(
                LandUseRequest(grouping: LandUseGrouping(byClass: true, zone: nil), method: .geodesic),
                on: district, targets: targets.land
            ).report
        progress?.advance(by: 1)

        let coverage = try CoverageJob(
            CoverageRequest(
                selection: ServiceSelection(.all), profile: request.profile,
                engine: request.engine, names: request.names), standards: standards)
        let profile = coverage.profile
        let inputs = try Coverage.prepare(district, services: coverage.services, standards: standards, options: coverage.options)
        let results = try await Coverage.measure(coverage.services, in: inputs)
        progress?.advance(by: 1)

        let metric = try CRS(parsing: district.manifest.metricCRS)
        let note = MapLayers.note(district, language: request.language)
        let language = request.language, typeNames = standards.wording.names
        // Every map's layers in the report's language.
        func layers(_ wanted: [String]) throws(PlanError) -> [MapLayer] {
            try MapLayers.layers(MapLayers.available(wanted, in: district), in: district, language: language, names: typeNames)
        }
        var maps = [
            MapDocument(
                title: "\(district.manifest.name) " + ChromeWord.pick("用地与轨道 Land use and metro", language), note: note,
                layers: try layers(["landuse", "subdistricts", "boundary", "transit:metro_line", "transit:metro_station"]),
                extent: district.features(.boundary), metricCRS: metric)
        ]
        guard let index = coverage.services.firstIndex(where: { $0.supply.type == request.mapType }) else {
            throw PlanError(.usage, "\(setting: .mapType): profile \(profile.name) has no circle for '\(request.mapType)'")
        }
        let mapped = coverage.services[index]
        let areas = try ServiceAreas.areas(mapped, in: inputs, dissolve: true)
        let gaps = ServiceAreas.gaps(results[index], inputs: inputs, district: district)
        // The mapped service's facilities, when the district has any (a map of their absence needs none).
        let base = try layers(["subdistricts", "boundary", "facilities:\(request.mapType)"])
        maps.append(
            MapDocument(
                title: language == .zh
                    ? "\(district.manifest.name) \(ChromeWord.pick("未覆盖居民 Residents left out", .zh))：\(standards.wording.service(mapped.label, .zh))"
                    : "\(district.manifest.name) 未覆盖居民 Residents left out: \(mapped.label)",
                subtitle: MapLayers.subtitle(mapped, results[index], profile: profile.name, language: language, wording: standards.wording), note: note,
                layers: StandardLayers.orientation(in: district, language: language)
                    + StandardLayers.coverage(areas: areas, gaps: gaps, label: standards.wording.service(mapped.label, language), language: language)
                    + base,
                extent: district.features(.boundary), metricCRS: metric))
        progress?.advance(by: 1)

        // The plan's life-circle indicators (residents reaching every service of each circle), combined from the
        // coverage results above: they hold every rule of the profile.
        // Profiles a target names (the plan's 15分钟公共服务圈) are measured on their own.
        let others = Array(try LifeCircleBasis(standards: standards, profile: profile).profiles(for: targets).dropFirst())
        let lifeCircles = IndicatorCalculator.LifeCircleFigures.measured(
            try LifeCircleShare.combined(profile: profile, results: results, demand: inputs.demand)
                + (try await LifeCircleShare.measure(district, profiles: others, standards: standards, options: coverage.options)))
        let indicators = try IndicatorCalculator(targets: targets).report(
            for: district, lifeCircles: lifeCircles,
            land: try IndicatorsJob.landFigures(district))
        var siteChecks: [ReportSiteCheck]?
        if let plan = request.sites {
            let options = SitingOptions(
                profile: profile, coverage: coverage.options, driveSpeedKmh: standards.driveSpeedKmh,
                settingNames: request.names)
            let report = try SiteCheckJob.run(plan.sites, on: district, rules: plan.rules, options: options).report
            siteChecks = report.sites.map { siteCheck($0, language: language) }
            maps.append(
                MapDocument(
                    title: "\(district.manifest.name) " + ChromeWord.pick("规划选址 Plan sites by verdict", language),
                    subtitle: ChromeWord.sitesMapSubtitle.text(
                        language, String(report.sites.count), plan.path, SitingFigures.rulesPath(report.rulesPath, language)),
                    note: note,
                    layers: try layers(["constraints", "subdistricts", "boundary"]) + [sitesLayer(report, language: language, wording: standards.wording)],
                    extent: district.features(.boundary), metricCRS: metric))
        }
        var comparison: ReportComparison?
        var comparedWorse = 0
        if !request.plans.isEmpty {
            let baseline = CompareJob.Baseline(job: coverage, district: district, inputs: inputs, results: results, indicators: indicators)
            let compareInputs = CompareJob.Inputs(standards: standards, targets: targets, rules: request.planRules)
            var compared: [PlanComparison] = []
            for plan in request.plans {
                compared.append(try await CompareJob.compare(plan, with: baseline, inputs: compareInputs, names: request.names))
            }
            comparison = Self.comparison(compared, baseline: results, indicators: indicators, language: language)
            comparedWorse = compared.filter(\.isWorse).count
            for plan in compared {
                maps.append(
                    MapDocument(
                        title: "\(district.manifest.name) " + ChromeWord.plansMapTitle.text(language, plan.plan.name),
                        subtitle: ChromeWord.plansMapSubtitle.text(language), note: note,
                        layers: [Self.movedLayer(plan, language: language)]
                            + (try layers(["subdistricts", "boundary"])),
                        extent: district.features(.boundary), metricCRS: metric))
            }
        }
        progress?.advance(by: 1)
        var content = ReportContent(
            summary: summary, landUse: landUse, landTargets: targets.land, coverage: results,
            coverageProfile: "\(profile.name): \(profile.title(language))",
            coverageNotes: coverageNotes(results, options: coverage.options, language: language, wording: standards.wording),
            indicators: indicators, maps: maps, siteChecks: siteChecks,
            provenance: provenance(summary, language: language), generator: request.generator)
        content.comparison = comparison
        content.language = language
        content.wording = standards.wording
        for i in content.maps.indices { content.maps[i].language = language }
        if let population = request.population {
            let at = try IndicatorsJob.at(population, report: indicators, targets: targets, targetsPath: "the targets file")
            content.indicatorsAtPopulation = (
                at.residents,
                ChromeWord.reportAtPopulation.text(language, NumberText.grouped(at.residents), Self.populationSource(at.source, population, language)),
                at.report
            )
        }
        let worse = comparison.map { _ in comparedWorse } ?? 0
        let html = try HTMLReport.render(content)
        var read = RunInputs()
        read.add(district)
        read.add(file: request.sites?.path, role: "the sites file")
        for plan in request.plans { read.add(file: plan.path, role: "the plan '\(plan.name)'") }
        try AtomicOutput.write(Data(html.utf8), to: request.output, what: "the report", settings: settings.guarding(read))
        let rows = indicators.district.rows
        return ReportResult(
            output: request.output, bytes: html.utf8.count, profile: profile.name, services: results.count,
            mapped: (standards.wording.service(mapped.label, language), results[index].total.share), maps: maps.count,
            targetsMet: (rows.filter { $0.status == .met }.count, rows.filter { $0.status == .met || $0.status == .notMet }.count),
            sites: siteChecks.map { checks in (checks.count, checks.filter { $0.rules.contains { $0.verdict == "fail" } }.count) },
            plans: request.plans.isEmpty ? nil : (request.plans.count, worse), language: language)
    }

    /// The 方案比选 section's table and lines.
    static func comparison(
        _ plans: [PlanComparison], baseline: [CoverageResult], indicators: IndicatorReport, language: Language = .en
    ) -> ReportComparison {
        let met = { (report: IndicatorReport?) in report.map { $0.district.rows.filter { $0.status == .met }.count } ?? 0 }
        let rows = baseline.enumerated().map { i, r in
            ReportComparison.Row(
                service: r.service.label, baseline: r.total.share, plans: plans.map { $0.results[i].total.share },
                gained: plans.map { $0.changes[i].newlyCovered }, lost: plans.map { $0.changes[i].newlyLost })
        }
        let summaries = plans.map { p in
            guard language == .zh else {
                return "\(p.plan.name)" + (p.plan.description.map { " (\($0))" } ?? "")
                    + ": \(p.plan.edits.count) change\(p.plan.edits.count == 1 ? "" : "s") "
                    + "from \(p.plan.path); district targets met \(met(p.indicators)) (baseline \(met(indicators)))"
                    + (p.siteChecks.map { "; added sites: " + $0.sites.map { "\($0.site.label) \($0.verdict.rawValue)" }.joined(separator: ", ") } ?? "")
                    + (p.cost.map { "; cost \(NumberText.grouped(rounding: $0))" } ?? "")
                    + (p.isWorse ? "; lowers a covered count" : "")
            }
            let verdict = { (v: SiteVerdict) -> String in
                switch v {
                case .pass: ChromeWord.pass.text(.zh)
                case .warn: ChromeWord.warn.text(.zh)
                case .fail: ChromeWord.fail.text(.zh)
                }
            }
            let name = p.plan.name + (p.plan.description.map { "（\($0)）" } ?? "")
            return ChromeWord.plansLine.text(.zh, name, String(p.plan.edits.count), p.plan.path, String(met(p.indicators)), String(met(indicators)))
                + (p.siteChecks.map { ChromeWord.plansAddedSites.text(.zh, $0.sites.map { "\($0.site.label) \(verdict($0.verdict))" }.joined(separator: "，")) }
                    ?? "")
                + (p.cost.map { ChromeWord.plansCost.text(.zh, NumberText.grouped(rounding: $0)) } ?? "")
                + (p.isWorse ? ChromeWord.plansWorse.text(.zh) : "")
        }
        return ReportComparison(plans: plans.map(\.plan.name), summaries: summaries, rows: rows)
    }

    /// The population features whose residents reach more services with a plan (newly covered) or fewer (newly
    /// lost), as a map layer.
    static func movedLayer(_ plan: PlanComparison, language: Language = .en) -> MapLayer {
        let features = plan.coverageCounts.sorted { $0.key < $1.key }.compactMap { id, counts -> Feature? in
            guard counts.before != counts.after, let geometry = plan.populationGeometries[id] else { return nil }
            return Feature(
                geometry: geometry,
                properties: [
                    "id": .string(id), "moved": .string(counts.after > counts.before ? "gained" : "lost"),
                    "services": .string(ChromeWord.movedServices.text(language, String(counts.before), String(counts.after)))
                ])
        }
        return MapLayer(
            id: "moved-\(plan.plan.name)", title: "方案 \(plan.plan.name)", features: features,
            classes: [
                MapClass(
                    title: ChromeWord.pick("新覆盖 newly covered", language),
                    style: MapStyle(fill: "#1b7f3b", fillOpacity: 0.75, stroke: "#0d4020", strokeWidth: 0.4)
                ) {
                    $0.string("moved") == "gained"
                },
                MapClass(
                    title: ChromeWord.pick("新失去 newly lost", language), style: MapStyle(fill: "#c62828", fillOpacity: 0.75, stroke: "#5c1010", strokeWidth: 0.4)
                ) {
                    $0.string("moved") == "lost"
                }
            ], label: { _ in nil }, tooltip: { f in "\(f.string("id") ?? "") · \(f.string("services") ?? "")" })
    }

    /// One site's rules as the report shows them (in Chinese by the rules file's `title_zh`, what was measured and the
    /// limit by ``QTText/ChromeWord/siting(_:_:)``; the clauses as the rules file writes them).
    static func siteCheck(_ result: SiteCheckResult, language: Language = .en) -> ReportSiteCheck {
        ReportSiteCheck(
            site: result.site.label, type: result.site.type,
            rules: result.rules.map { r in
                ReportSiteCheck.Rule(
                    rule: language == .zh ? r.titleZh ?? r.title : r.title, verdict: r.verdict.rawValue, measured: ChromeWord.siting(r.measured, language),
                    limit: ChromeWord.siting(r.limit, language),
                    clause: r.clause + (r.verified ? "" : ChromeWord.clauseNotVerified.text(language)))
            })
    }

    /// Where the population the indicators are given at comes from, in `language`: in Chinese the plan's year or
    /// "as given" from ``QTText/ChromeWord``, the targets file's citation as it writes it.
    static func populationSource(_ source: String, _ population: IndicatorPopulation, _ language: Language) -> String {
        guard language == .zh else { return source }
        switch population {
        case .planYear(let year):
            let opening = "the plan's \(year) population, "
            return source.hasPrefix(opening) ? ChromeWord.planPopulation.text(.zh, String(year)) + source.dropFirst(opening.count) : source
        case .residents: return source == "as given" ? ChromeWord.asGiven.text(.zh) : source
        }
    }

    /// The plan's sites as a map layer, coloured by verdict, each with its failed rules on hover.
    static func sitesLayer(_ report: SiteCheckReport, language: Language = .en, wording: StandardsWording = StandardsWording()) -> MapLayer {
        let zh = language == .zh
        let features = report.sites.map { s in
            Feature(
                geometry: .point(Point(s.site.location)),
                properties: [
                    "id": .string(s.site.id), "name": .string(s.site.name), "type": .string(s.site.type),
                    "verdict": .string(s.verdict.rawValue),
                    "failed": .string(s.failures.map { zh ? $0.titleZh ?? $0.title : $0.title }.joined(separator: zh ? "；" : "; "))
                ])
        }
        let style = { (fill: String) in MapStyle(fill: fill, stroke: "#fff", strokeWidth: 1.2, radius: 6) }
        return MapLayer(
            id: "sites", title: ChromeWord.pick("规划选址 Plan sites", language), features: features,
            classes: [
                MapClass(title: ChromeWord.pick("通过 pass", language), style: style("#1b7f3b")) { $0.string("verdict") == "pass" },
                MapClass(title: ChromeWord.pick("提示 warn", language), style: style("#e0a100")) { $0.string("verdict") == "warn" },
                MapClass(title: ChromeWord.pick("不通过 fail", language), style: style("#c62828")) { $0.string("verdict") == "fail" }
            ], label: { $0.string("id") },
            tooltip: { f in
                guard zh else {
                    var text = "\(f.string("name") ?? "") · \(f.string("type") ?? "") · \(f.string("verdict") ?? "")"
                    if let failed = f.string("failed"), !failed.isEmpty { text += " · failed: \(failed)" }
                    return text
                }
                let verdict = f.string("verdict").flatMap { ChromeWord(rawValue: $0) }?.text(.zh) ?? f.string("verdict") ?? ""
                var text = "\(f.string("name") ?? "") · \(wording.service(f.string("type") ?? "", .zh)) · \(verdict)"
                if let failed = f.string("failed"), !failed.isEmpty { text += " · " + ChromeWord.sitesFailedTip.text(.zh, failed) }
                return text
            })
    }

    /// The assumptions a reader needs beside the coverage table.
    static func coverageNotes(
        _ results: [CoverageResult], options: CoverageOptions, language: Language = .en, wording: StandardsWording = StandardsWording()
    ) -> [String] {
        var notes = [
            ChromeWord.reportResidentsNote.text(language),
            ChromeWord.reportTravelNote.text(language, NumberText.trimmed(options.walkSpeedKmh))
        ]
        let off = results.filter { $0.service.mode != .radius }.map(\.residentsOffNetwork).max() ?? 0
        if off > 0 {
            notes.append(ChromeWord.reportOffNetwork.text(language, NumberText.grouped(Int(off.rounded())), NumberText.fixed(options.maximumAccess, 0)))
        }
        if let outside = CoverageFigures.outsideNote(results, language, wording: wording) {
            notes.append(ChromeWord.reportOutside.text(language, outside))
        }
        return notes
    }

    /// Where the data comes from and what is modelled.
    static func provenance(_ summary: DistrictSummary, language: Language = .en) -> String {
        let modelled = summary.layerCounts.keys.sorted().filter { summary.isModelled($0) }.map(\.rawValue)
        guard !modelled.isEmpty else { return ChromeWord.reportSourced.text(language) }
        return ChromeWord.reportModelled.text(language, modelled.joined(separator: ", "))
    }
}
