import ArgumentParser
import Foundation
import QTAnalysis
import QTGeometry
import QTModel
import QTProjection
import QTReport

/// `qtplan report`: the planning report as one self-contained HTML file.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the planning report: summary, land use, coverage with gap maps, indicators (one HTML file).",
        discussion: """
            One file with everything inline (styles, maps, script), readable without network access: the \
            district summary; land use by class with its reconciliation against the boundary and the plan's \
            figures; every rule of the standards profile measured for the district and each sub-district; a \
            map of the district and a map of --map-type's service area and the residents left out (pan, zoom, \
            hover); the indicators against the 2025 targets; with --sites, every siting rule of each site of \
            the plan (as qtplan site-check) and a map of the sites by verdict. Exit 64 for a bad request, \
            65/66 for bad or missing data, 73 when the file cannot be written; a failing site does not \
            change the exit code (the report says so).
            """)

    @OptionGroup var districtOptions: DistrictOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The report file.", valueName: "FILE.html"))
    var output: String

    @Option(name: .long, help: ArgumentHelp("The standards profile: gb50180 (default) or qiantang-plan.", valueName: "PROFILE"))
    var standard: String?

    @Option(name: .long, help: ArgumentHelp("The service whose gaps are mapped.", valueName: "TYPE"))
    var mapType: String = FacilityType.communityHealthCentre.rawValue

    @Option(name: .long, help: ArgumentHelp("The targets file (default: geodata/standards/targets.json).", valueName: "FILE"))
    var targets: String?

    @Option(name: .long, help: ArgumentHelp("A plan's sites to check (as site-check --sites): GeoJSON, .gpkg, .shp, .fgb or .csv.", valueName: "FILE"))
    var sites: String?

    @Option(name: .long, help: ArgumentHelp("With --sites: the siting rules file (default: geodata/standards/siting-rules.json).", valueName: "FILE"))
    var rules: String?

    @Option(name: .long, help: ArgumentHelp("With --sites: the CRS of the plan's positions when its file says none (WGS84, GCJ02, EPSG:n).", valueName: "CRS"))
    var inputCrs: String = "WGS84"

    @OptionGroup var engine: CoverageEngineOptions

    func validate() throws {
        let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
        guard ext == "html" || ext == "htm" else { throw ValidationError("-o \(output): the report is written as .html") }
        try engine.check()
    }

    func run() async throws {
        try await runReportingSitingErrors {
            let standards = try engine.loadStandards()
            let profile = try standards.profile(standard)
            let loadedTargets = try IndicatorsCommand.loadTargets(targets ?? IndicatorsCommand.bundledTargets)
            let district = try districtOptions.load()
            let progress = Progress(label: "report", total: 5)
            let summary = try DistrictSummary(district)
            let landUse = district.layers[.landuse] == nil ? nil
                : try LandUse.compute(district, options: LandUseOptions(grouping: LandUseGrouping(byClass: true, zone: nil), method: .geodesic))
            progress.advance(by: 1)

            let services = try CoverageRequest.services(types: nil, all: true, minutes: nil, profile: profile, mode: nil, distance: nil)
            let options = engine.options(standards: standards, walkSpeed: nil, includePlanned: false)
            let inputs = try Coverage.prepare(district, services: services, standards: standards, options: options)
            let results = try await Coverage.measure(services, in: inputs)
            progress.advance(by: 1)

            let metric = try CRS(parsing: district.manifest.metricCRS)
            let note = MapLayers.note(district)
            var maps = [MapDocument(title: "\(district.manifest.name) 用地与轨道 Land use and metro", note: note,
                                    layers: try MapLayers.layers(MapLayers.available(["landuse", "subdistricts", "boundary", "transit:metro_line", "transit:metro_station"], in: district), in: district),
                                    extent: district.features(.boundary), metricCRS: metric)]
            guard let index = services.firstIndex(where: { $0.supply.type == mapType }) else {
                throw CLIFailure(status: .usage, message: "--map-type: profile \(profile.name) has no circle for '\(mapType)'")
            }
            let mapped = services[index]
            let areas = try ServiceAreas.areas(mapped, in: inputs, dissolve: true)
            let gaps = ServiceAreas.gaps(results[index], inputs: inputs, district: district)
            // The mapped service's facilities, when the district has any (a map of their absence needs none).
            let base = try MapLayers.layers(MapLayers.available(["subdistricts", "boundary", "facilities:\(mapType)"], in: district), in: district)
            maps.append(MapDocument(title: "\(district.manifest.name) 未覆盖居民 Residents left out: \(mapped.label)",
                                    subtitle: MapLayers.subtitle(mapped, results[index], profile: profile.name), note: note,
                                    layers: StandardLayers.coverage(areas: areas, gaps: gaps, label: mapped.label) + base,
                                    extent: district.features(.boundary), metricCRS: metric))
            progress.advance(by: 1)

            // The plan's life-circle indicators (residents reaching every service of each circle), combined from
            // the coverage results above: they hold every rule of the profile.
            let lifeCircles = IndicatorCalculator.LifeCircleFigures.measured(
                try LifeCircleShare.combined(profile: profile, results: results, demand: inputs.demand))
            let indicators = try IndicatorCalculator(targets: loadedTargets).report(for: district, lifeCircles: lifeCircles)
            var siteChecks: [ReportSiteCheck]?
            if let sites {
                let report = try checkSites(sites, in: district, standards: standards, profile: profile, coverage: options)
                siteChecks = report.sites.map(ReportText.siteCheck)
                maps.append(MapDocument(title: "\(district.manifest.name) 规划选址 Plan sites by verdict",
                                        subtitle: "\(report.sites.count) sites from \(sites) · rules \(report.rulesPath)", note: note,
                                        layers: try MapLayers.layers(MapLayers.available(["constraints", "subdistricts", "boundary"], in: district), in: district)
                                            + [ReportText.sitesLayer(report)],
                                        extent: district.features(.boundary), metricCRS: metric))
            }
            progress.advance(by: 1)
            let content = ReportContent(
                summary: summary, landUse: landUse, coverage: results, coverageProfile: "\(profile.name): \(profile.title)",
                coverageNotes: ReportText.coverageNotes(results, options: options),
                indicators: indicators, maps: maps, siteChecks: siteChecks,
                provenance: ReportText.provenance(summary), generator: Version.text)
            let html = try HTMLReport.render(content)
            try AtomicFile.write(Data(html.utf8), to: output, what: "the report")
            progress.finish()
            print(TextTable.render([
                ("Report", "\(output) (\(Number.fixed(Double(html.utf8.count) / 1e6, 2)) MB, self-contained)"),
                ("Coverage", "\(results.count) services, profile \(profile.name); mapped: \(mapped.label) \(Number.fixed(results[index].total.share * 100, 1))% covered"),
                ("Maps", "\(maps.count) (pan, zoom, hover)"),
                ("Indicators", "\(indicators.district.rows.filter { $0.status == .met }.count) of \(indicators.district.rows.filter { $0.status == .met || $0.status == .notMet }.count) district targets met"),
            ] + (siteChecks.map { checks in
                [("Sites", "\(checks.count) checked, \(checks.filter { $0.rules.contains { $0.verdict == "fail" } }.count) failing a rule")]
            } ?? [])), terminator: "")
        }
    }
}

extension ReportCommand {
    /// Checks a plan's sites as `site-check --sites` does, with the report's profile and engine settings.
    func checkSites(_ path: String, in district: District, standards: LifeCircleStandards, profile: LifeCircleProfile,
                    coverage: CoverageOptions) throws -> SiteCheckReport {
        let crs: CRS
        do { crs = try CRS(parsing: inputCrs) } catch {
            throw CLIFailure(status: .usage, message: "--input-crs \(inputCrs): expected WGS84, GCJ02 or EPSG:n")
        }
        var loaded = try SitingRules.load(path: rules ?? SitingCommandOptions.bundledRules)
        if rules == nil { loaded.path = "geodata/standards/siting-rules.json (bundled)" }
        let plan = try SitePlan.read(path: path, crs: crs, what: "sites file")
        let options = SitingOptions(profile: profile, mode: nil, minutes: nil, distance: nil, coverage: coverage,
                                    driveSpeedKmh: standards.driveSpeedKmh)
        return try SiteCheck.check(plan, in: district, rules: loaded, options: options)
    }
}

/// The report's sentences about its inputs.
enum ReportText {
    /// One site's rules as the report shows them.
    static func siteCheck(_ result: SiteCheckResult) -> ReportSiteCheck {
        ReportSiteCheck(site: result.site.label, type: result.site.type, rules: result.rules.map { r in
            ReportSiteCheck.Rule(rule: r.title, verdict: r.verdict.rawValue, measured: r.measured, limit: r.limit,
                                 clause: r.clause + (r.verified ? "" : " [clause not verified]"))
        })
    }

    /// The plan's sites as a map layer, coloured by verdict, each with its failed rules on hover.
    static func sitesLayer(_ report: SiteCheckReport) -> MapLayer {
        let features = report.sites.map { s in
            Feature(geometry: .point(Point(s.site.location)), properties: [
                "id": .string(s.site.id), "name": .string(s.site.name), "type": .string(s.site.type),
                "verdict": .string(s.verdict.rawValue),
                "failed": .string(s.failures.map(\.title).joined(separator: "; ")),
            ])
        }
        let style = { (fill: String) in MapStyle(fill: fill, stroke: "#fff", strokeWidth: 1.2, radius: 6) }
        return MapLayer(id: "sites", title: "规划选址 Plan sites", features: features, classes: [
            MapClass(title: "通过 pass", style: style("#1b7f3b")) { $0.string("verdict") == "pass" },
            MapClass(title: "提示 warn", style: style("#e0a100")) { $0.string("verdict") == "warn" },
            MapClass(title: "不通过 fail", style: style("#c62828")) { $0.string("verdict") == "fail" },
        ], label: { $0.string("id") }, tooltip: { f in
            var text = "\(f.string("name") ?? "") · \(f.string("type") ?? "") · \(f.string("verdict") ?? "")"
            if let failed = f.string("failed"), !failed.isEmpty { text += " · failed: \(failed)" }
            return text
        })
    }

    static func coverageNotes(_ results: [CoverageResult], options: CoverageOptions) -> [String] {
        var notes = [
            "Residents are the population layer's features, each at its point on surface; a feature is covered or not as a whole.",
            "Walk and drive: travel time over the street network, joining it at the nearest point of the nearest street; "
                + "walking \(Number.trimmedMinutes(options.walkSpeedKmh)) km/h (access legs walked in every mode); drive at design speeds (free flow, optimistic).",
        ]
        let off = results.filter { $0.service.mode != .radius }.map(\.residentsOffNetwork).max() ?? 0
        if off > 0 {
            notes.append("\(Number.grouped(Int(off.rounded()))) residents live more than \(Number.fixed(options.maximumAccess, 0)) m from a street and count as not covered.")
        }
        if let outside = CoverageText.outsideNote(results) {
            notes.append("Residents inside the boundary only are counted; " + outside + ".")
        }
        return notes
    }

    static func provenance(_ summary: DistrictSummary) -> String {
        let modelled = summary.layerCounts.keys.sorted().filter { summary.isModelled($0) }.map(\.rawValue)
        guard !modelled.isEmpty else { return "Every layer comes from stated sources (see each feature's source)." }
        return "Modelled data: \(modelled.joined(separator: ", ")) are modelled by stated, seeded rules (geodata/SOURCES.md), not surveyed: "
            + "figures show the method, not the district's real provision."
    }
}
