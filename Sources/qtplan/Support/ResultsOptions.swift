import ArgumentParser
import QTFormats
import QTPlan
import QTText

/// `--results PG:…`: a tabular command's results written to a database as well as printed (``QTPlan/ResultsOutput``),
/// keyed by a run record (id, qtplan's version, the inputs' checksum, the arguments).
struct ResultsOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also write the results to a PostGIS schema (PG:dbname=… host=…; --schema, default public), keyed by the run.",
            discussion: "Tables qtplan_runs and <command>_results, made on first use; exit 73 when they exist with another layout.",
            valueName: "PG:…"))
    var results: String?

    func validate() throws {
        if let results, !PostGISLocation.names(results) {
            throw ValidationError("--results \(PostGISLocation.redact(results)): results go to a database: give PG:dbname=… (with --schema)")
        }
    }

    /// Writes `rows` of `command` when `--results` is given, saying on stderr which run and tables it wrote.
    func write(_ rows: ResultRows, command: String, district: DistrictOptions, inputs: RunInputs) throws {
        guard let results else { return }
        let source = district.directory
        let checksum = try RunChecksum.of(inputs, database: PostGISLocation.names(source) ? source : nil)
        let run = RunRecord(
            command: command, version: Version.qtplan, district: source, inputsSHA256: checksum,
            options: Array(CommandLine.arguments.dropFirst()))
        let written = try ResultsOutput.write(rows, run: run, to: district.destination(results))
        Diagnostics.note(
            "results: run \(run.id): \(rows.rows.count) rows → \(written) tables qtplan_runs, \(ResultsOutput.tableName(command))")
    }
}
