import ArgumentParser
import Foundation
import QTAnalysis
import QTGeometry
import QTModel
import QTPlan
import QTText

/// `qtplan site-suggest`: the sites that bring the most residents inside a type's circle.
struct SiteSuggestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site-suggest",
        abstract: "Suggest sites for a facility type that bring the most residents inside its circle (maximal covering).",
        discussion: """
            Candidates come from --candidates FILE.geojson (points) or a grid (--grid, default the rules \
            file's 200 m) on the land-use classes the compatibility rule allows for the type; every candidate \
            must pass site-check (no failed rule). Residents already inside the circle of an existing facility \
            (operating; --include-planned for all) count for nothing. The choice: greedy with lazy evaluation, \
            then, with --count, improving swaps (--greedy-only to skip them); each pick is reported with its marginal gain \
            and the running share. Circles as in coverage: --standard, --mode, --minutes. Writes the chosen \
            sites as GeoJSON to -o (or to stdout with --format geojson). Exit 64 for a bad request, 65 for \
            bad data, rules or candidates, 66 for a missing file or layer, 73 when -o cannot be written.
            """)

    @OptionGroup var districtOptions: DistrictOptions

    @Option(name: .long, help: ArgumentHelp("The facility type.", valueName: "T"))
    var type: String

    @Option(name: .long, help: ArgumentHelp("How many sites to choose.", valueName: "K"))
    var count: Int?

    @Option(name: .long, help: ArgumentHelp("Instead of --count: add sites until this share (0–1) of residents is inside a circle.", valueName: "S"))
    var targetShare: Double?

    @Option(
        name: .long,
        help: ArgumentHelp("Candidate sites (points; a 'type' property, when given, must be --type); GeoJSON or .gpkg, .shp, .fgb, .csv.", valueName: "FILE"))
    var candidates: String?

    @Option(name: .long, help: ArgumentHelp("Without --candidates: the spacing of the candidate grid (default: the rules file's).", valueName: "METRES"))
    var grid: Double?

    @Flag(
        name: .long,
        help:
            "Maximise all residents instead of the service's target group (children of the school's ages, people aged 60+ for elderly care), the default where the population layer gives the age band."
    )
    var allResidents = false

    @Flag(name: .long, help: "Greedy picks only, without the improving swaps.")
    var greedyOnly = false

    @Option(name: .long, help: "table (people), json (programs) or geojson (the chosen sites, to stdout).")
    var format: SitingFormat = .table

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write the chosen sites to this file (.geojson, .gpkg, .shp, .fgb, .csv).", valueName: "FILE"))
    var output: String?

    @OptionGroup var siting: SitingCommandOptions

    @OptionGroup var engine: EngineOptions

    @OptionGroup var language: LanguageOptions

    func validate() throws {
        guard FacilityType(rawValue: type) != nil else {
            throw ValidationError("--type: unknown facility type '\(type)' (known: \(FacilityType.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        guard (count == nil) != (targetShare == nil) else { throw ValidationError("give --count K or --target-share S") }
        if let count, !(1...1000).contains(count) { throw ValidationError("--count must be between 1 and 1000") }
        if let targetShare, !(targetShare > 0 && targetShare <= 1) {
            throw ValidationError("--target-share must be above 0 and at most 1 (a share, not a percentage)")
        }
        if let grid, !(grid >= 10 && grid <= 10_000) { throw ValidationError("--grid must be between 10 and 10000 m") }
        if grid != nil && candidates != nil { throw ValidationError("--grid lays candidates; it does not go with --candidates") }
        try Arguments.checkOutput(output, .output)
        try siting.check(engine)
    }

    /// The files this run reads, which no output may replace.
    var inputs: RunInputs {
        districtOptions.inputs + siting.inputs + engine.inputs + .files([(candidates, "the candidates file")])
    }

    func run() async throws {
        try await CommandBody.run {
            try inputs.refuseEarly([output])
            let rules = try siting.loadRules()
            let options = try siting.options(engine)
            let given = try candidates.map { try SitePlanFile.read(path: $0, crs: try siting.crs(), defaultType: type, what: "candidates file") }
            let district = try districtOptions.load()
            var request = SiteSuggestRequest(
                type: type, count: count, targetShare: targetShare, candidates: given,
                gridMetres: grid, improve: !greedyOnly)
            request.weighByTargetGroup = !allResidents
            let outcome = try SiteSuggestJob.run(request, on: district, rules: rules, options: options)
            outcome.warnings.forEach(Diagnostics.warning)
            if let output {
                try FeatureFiles.write(
                    outcome.features, layer: "suggested_sites", to: districtOptions.destination(output), what: "the suggested sites", setting: .output,
                    settings: districtOptions.outputs(reading: inputs))
            }
            switch format {
            case .table:
                let language = self.language.language(for: district)
                let wording = language == .zh ? try engine.loadStandards().wording : StandardsWording()
                Terminal.table(outcome.table(language: language, wording: wording))
            case .json: print(outcome.json, terminator: "")
            case .geojson: FileHandle.standardOutput.write(outcome.geoJSON)
            }
        }
    }
}
