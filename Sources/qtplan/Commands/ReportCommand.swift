import ArgumentParser
import Foundation
import QTAnalysis
import QTModel
import QTPlan
import QTProjection
import QTText

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

    @Option(
        name: .customLong("plan"), help: ArgumentHelp("A plan to compare with the district as it is (方案比选 section); repeat for several.", valueName: "FILE"))
    var plans: [String] = []

    @Option(name: .customLong("plan-crs"), help: ArgumentHelp("The CRS of plan positions when a file says none (WGS84, GCJ02, EPSG:n).", valueName: "CRS"))
    var planCRS: String = "WGS84"

    @OptionGroup var population: PopulationOptions

    @OptionGroup var engine: EngineOptions

    @OptionGroup var language: LanguageOptions

    func validate() throws {
        let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
        guard ext == "html" || ext == "htm" else { throw ValidationError("-o \(output): the report is written as .html") }
        try engine.check()
    }

    /// The files this run reads, which no output may replace.
    var inputs: RunInputs {
        districtOptions.inputs + engine.inputs
            + .files(
                [
                    (targets ?? StandardsFiles.bundledTargets, "the targets file"), (sites, "the sites file"),
                    (rules ?? StandardsFiles.bundledSitingRules, "the siting rules file")
                ] + plans.map { ($0, "a plan file") })
    }

    func run() async throws {
        try await CommandBody.run {
            try inputs.refuseEarly([output])
            let standards = try engine.loadStandards()
            _ = try standards.profile(standard) // an unknown profile is a usage error before anything is read
            let targets = try StandardsFiles.targets(path: self.targets)
            let district = try districtOptions.load()
            var plan: ReportSites?
            if let sites {
                let crs: CRS
                do { crs = try CRS(parsing: inputCrs) } catch {
                    throw PlanError(.usage, "--input-crs \(inputCrs): expected WGS84, GCJ02 or EPSG:n")
                }
                let rules = try StandardsFiles.sitingRules(path: self.rules)
                plan = ReportSites(sites: try SitePlanFile.read(path: sites, crs: crs, what: "sites file"), path: sites, rules: rules)
            }
            let planCRS = try PlanOptions.crs(self.planCRS)
            let scenarios = try plans.map { try PlanFile.read(path: $0, crs: planCRS) }
            _ = try CompareRequest(coverage: CoverageRequest(selection: ServiceSelection(.all)), plans: scenarios) // names apart
            let request = ReportRequest(
                output: output, profile: standard, mapType: mapType, sites: plan, plans: scenarios,
                planRules: scenarios.isEmpty ? nil : try StandardsFiles.sitingRules(path: rules),
                population: population.population, engine: engine.settings, generator: Version.text,
                names: .commandLine, language: language.language(for: district))
            let progress = Progress(label: "report", total: 5)
            let result = try await ReportJob.run(
                request, on: district, standards: standards, targets: targets,
                settings: InterruptCleanup.outputs(reading: inputs), progress: progress)
            progress.finish()
            Terminal.table(result.table)
        }
    }
}
