import ArgumentParser
import QTAnalysis
import QTModel
import QTPlan
import QTText

/// `qtplan indicators`: the 14th Five-Year Plan's service indicators, for the district and each sub-district,
/// against their 2025 targets, with what is missing to meet each.
struct IndicatorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicators",
        abstract: "The plan's service and transit indicators against their 2025 targets, with what is missing.",
        discussion: """
            Computed from the district's population, facilities and transit layers (rules: \
            IndicatorCalculator in Sources/QTAnalysis/Indicators). Targets and their sources are read from \
            geodata/standards/targets.json unless --targets names another file. The life-circle rows are the \
            share of residents reaching every life-circle service of the circle in the standards profile \
            (--standard, default gb50180), by the rules of qtplan coverage; --no-life-circles leaves them out \
            (they need the network and population layers). Exit 65 for a bad targets, standards or district \
            file, 66 for a missing one, 64 for an unknown profile.
            """)

    @OptionGroup var districtOptions: DistrictOptions

    @Option(name: .long, help: ArgumentHelp("The targets file.", valueName: "FILE"))
    var targets: String?

    @Option(name: .long, help: "Output format.")
    var format: TabularFormat = .table

    @Option(name: .long, help: ArgumentHelp("Life-circle rows: the standards profile, gb50180 (default) or qiantang-plan.", valueName: "PROFILE"))
    var standard: String?

    @Option(name: .long, help: ArgumentHelp("The life-circle standards file (default: geodata/standards/life-circles.json).", valueName: "FILE"))
    var standards: String?

    @Flag(name: .long, help: "Do not measure the life-circle rows (no coverage passes; they show as not computed).")
    var noLifeCircles = false

    @OptionGroup var scenario: PlanOptions

    @OptionGroup var language: LanguageOptions

    @OptionGroup var population: PopulationOptions

    @OptionGroup var resultsOptions: ResultsOptions

    /// The files this run reads.
    var inputs: RunInputs {
        districtOptions.inputs + scenario.inputs
            + .files([
                (targets ?? StandardsFiles.bundledTargets, "the targets file"),
                (noLifeCircles ? nil : standards ?? StandardsFiles.bundledLifeCircles, "the standards file")
            ])
    }

    func run() async throws {
        try await CommandBody.run {
            // The profile is checked before the district is read (an unknown profile is a usage error).
            let standardsRead = try standardsInputs()
            let (district, plan) = try scenario.apply(to: try districtOptions.load())
            var result = try await result(on: district, standardsRead)
            result.scenario = plan
            switch format {
            case .table: Terminal.table(result.table(language: language.language(for: district)))
            case .json: print(result.json, terminator: "")
            case .csv: Terminal.csv(result.csv)
            }
            try resultsOptions.write(result.rows, command: "indicators", district: districtOptions, inputs: inputs)
        }
    }

    /// The targets and the life-circle basis these arguments name, read and checked.
    func standardsInputs() throws -> (targets: IndicatorTargets, path: String, basis: LifeCircleBasis?) {
        let targetsPath = targets ?? StandardsFiles.bundledTargets
        let loaded = try StandardsFiles.targets(path: targetsPath)
        var basis: LifeCircleBasis?
        if !noLifeCircles {
            let circles = try StandardsFiles.lifeCircles(path: standards)
            basis = LifeCircleBasis(standards: circles, profile: try circles.profile(standard))
        }
        return (loaded, targetsPath, basis)
    }

    /// The indicators on `district` from `inputs` (``standardsInputs()``).
    func result(on district: District, _ inputs: (targets: IndicatorTargets, path: String, basis: LifeCircleBasis?)) async throws -> IndicatorsResult {
        try await IndicatorsJob.run(
            on: district, targets: inputs.targets, targetsPath: inputs.path, lifeCircles: inputs.basis, population: population.population)
    }

    /// The result rows on `district` (with `--plan` applied), printed nowhere: what `batch` writes.
    func resultRows(on district: District) async throws -> ResultRows {
        try await result(on: try scenario.apply(to: district).0, try standardsInputs()).rows
    }
}
