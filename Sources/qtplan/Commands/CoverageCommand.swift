import ArgumentParser
import QTAnalysis
import QTModel
import QTPlan
import QTText

/// `qtplan coverage`: the share of residents who reach each service within its life circle.
struct CoverageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "The share of residents reaching each service within its life circle, by straight line or over the streets.",
        discussion: """
            Each type is measured at its circle in the standards profile (--standard, default gb50180: \
            GB 50180-2018's 5/10/15-minute circles; qiantang-plan: the district plan's 15-minute public \
            service circle, 20 minutes for rural elderly care), or at --minutes. Residents are the \
            population layer's features, each at its point on surface; shares count residents, not area. \
            radius: straight-line distance (the profile's distance for the circle: 300/500/1000 m, or \
            --distance). walk/drive: over the network; residents and facilities join it at the nearest \
            point of the nearest street, the access leg walked. Walking circles are measured as the \
            profile defines them (--measure): gb50180 by walking distance along the streets (table \
            3.0.4: 300/500/1000 m), qiantang-plan by time; drives are always timed. Without --mode each \
            rule uses its own (walk; drive for fire stations, timed from the station to the resident, \
            and never walked: --mode walk leaves them driving, "drive (profile)"). Each result gives the \
            share of all residents and of the service's target group (an age band of the population \
            layer, where it gives one); --capacity adds places (beds, physicians) per 1,000 of the \
            group within reach (2SFCA). \
            Exit 64 for a bad request, 65 for bad data or standards, 66 for a missing layer or file, 73 \
            when --areas or --gaps cannot be written.
            """)

    @OptionGroup var districtOptions: DistrictOptions

    @OptionGroup var services: ServiceOptions

    @Option(name: .long, help: "Rows: the district total only, or each sub-district too.")
    var by: CoverageGrouping = .district

    @Option(name: .long, help: "Output format.")
    var format: TabularFormat = .table

    @Option(name: .long, help: ArgumentHelp("Write service areas to this file (.geojson, .gpkg, .shp, .fgb or .csv; WGS84).", valueName: "FILE"))
    var areas: String?

    @Flag(name: .long, help: "With --areas: one dissolved area per service instead of one per facility.")
    var dissolve = false

    @Option(
        name: .long,
        help: ArgumentHelp("Write the residents left out, as population polygons with their head-count (.geojson, .gpkg, .shp, .fgb, .csv).", valueName: "FILE")
    )
    var gaps: String?

    @Flag(
        name: .long,
        help: "Capacity within reach (2SFCA): places, beds or physicians per 1,000 of each service's target group, for services whose rule names a capacity.")
    var capacity = false

    @OptionGroup var engine: EngineOptions

    @OptionGroup var scenario: PlanOptions

    @OptionGroup var language: LanguageOptions

    @OptionGroup var resultsOptions: ResultsOptions

    func validate() throws {
        if dissolve && areas == nil { throw ValidationError("--dissolve needs --areas FILE") }
        try Arguments.checkOutput(areas, .areas)
        try Arguments.checkOutput(gaps, .gaps)
        try engine.check()
    }

    /// The files this run reads, which no output may replace.
    var inputs: RunInputs {
        districtOptions.inputs + engine.inputs + scenario.inputs
    }

    func run() async throws {
        try await CommandBody.run {
            try inputs.refuseEarly([areas, gaps])
            let job = try self.job()
            let (district, plan) = try scenario.apply(to: try districtOptions.load())
            let progress = Progress(label: "coverage", total: job.progressSteps)
            var outcome = try await job.run(on: district, progress: progress)
            outcome.scenario = plan
            progress.finish()
            outcome.warnings.forEach(Diagnostics.warning)
            switch format {
            case .table: Terminal.table(outcome.table(by: by, language: language.language(for: district)))
            case .json: print(outcome.json, terminator: "")
            case .csv: Terminal.csv(outcome.csv)
            }
            try resultsOptions.write(outcome.rows, command: "coverage", district: districtOptions, inputs: inputs)
            let outputs = districtOptions.outputs(reading: inputs)
            if let areas, let features = outcome.areas {
                try FeatureFiles.write(
                    features, layer: "service_areas", to: districtOptions.destination(areas), what: "the service areas", setting: .areas,
                    settings: outputs)
            }
            if let gaps, let features = outcome.gaps {
                try FeatureFiles.write(features, layer: "gaps", to: districtOptions.destination(gaps), what: "the gaps file", setting: .gaps, settings: outputs)
            }
        }
    }

    /// The coverage job these arguments ask for (checked before any district is read).
    func job() throws -> CoverageJob {
        var request = try services.request(engine)
        request.areas = areas == nil ? nil : dissolve ? .dissolved : .perFacility
        request.gaps = gaps != nil
        request.capacity = capacity
        return try CoverageJob(request, standards: try engine.loadStandards())
    }

    /// The result rows on `district` (with `--plan` applied), printed nowhere: what `batch` writes.
    func resultRows(on district: District) async throws -> ResultRows {
        try await job().run(on: try scenario.apply(to: district).0).rows
    }
}
