import ArgumentParser
import QTPlan
import QTText

/// `qtplan validate`: checks a district's layers against their schemas (geodata/README.md).
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a district's layers: geometry, tiling, containment, stations, network, population, schema.",
        discussion: """
            Prints one line per check with its figures, then the problems; each problem is also one line on \
            stderr. Exit 0 when there are no errors (warnings are printed), 65 when there are (or, with \
            --strict, when there are warnings), 66 when a file is missing, 73 when --problems cannot be written. \
            The checks and tolerances are described in geodata/README.md.
            """)

    @OptionGroup var districtOptions: DistrictOptions

    @Flag(name: .long, help: "Fail (exit 65) on warnings too.")
    var strict = false

    @Option(name: .long, help: "Output format.")
    var format: OutputFormat = .table

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Write the gap and overlap pieces of the tiling checks to this file (.geojson, .gpkg, .shp, .fgb, .csv).",
            valueName: "FILE"))
    var problems: String?

    @OptionGroup var language: LanguageOptions

    func validate() throws { try Arguments.checkOutput(problems, .problems) }

    /// The files this run reads, which no output may replace.
    var inputs: RunInputs {
        districtOptions.inputs
    }

    func run() async throws {
        try await CommandBody.run {
            try inputs.refuseEarly([problems])
            let report = try Validation.run(directory: districtOptions.directory, loader: districtOptions.loader, names: .commandLine)
            let language = self.language.lang ?? report.manifestLanguage ?? .en
            if format == .table { Terminal.table(report.table(strict: strict, language: language)) } else { print(report.json(strict: strict), terminator: "") }
            for line in report.diagnostics {
                if line.severity == .error { Diagnostics.error(line.message) } else { Diagnostics.warning(line.message) }
            }
            if let problems {
                try FeatureFiles.write(
                    report.problemFeatures, layer: "problems", to: districtOptions.destination(problems), what: "the problems file",
                    setting: .problems, settings: districtOptions.outputs(reading: inputs))
            }
            if !report.passes(strict: strict) {
                if report.errorCount == 0 { // (the exit says why in a line of its own, as every failure does)
                    let warnings = report.warningCount == 1 ? "1 warning" : "\(NumberText.grouped(report.warningCount)) warnings"
                    Diagnostics.error("\(districtOptions.directory): \(warnings), and --strict fails on warnings")
                }
                throw ExitCode(ExitStatus.dataError.rawValue)
            }
        }
    }
}
