import ArgumentParser
import QTPlan

/// `--year Y` / `--residents N`: give the indicators at the plan's population for a year (the targets file's
/// `plan_population`) or at a given population too, beside today's.
struct PopulationOptions: ParsableArguments {
    @Option(
        name: .long, help: ArgumentHelp("Also give the indicators at the plan's population for this year (targets file: plan_population).", valueName: "YEAR"))
    var year: Int?

    @Option(name: .long, help: ArgumentHelp("Also give the indicators at this many residents.", valueName: "N"))
    var residents: Int?

    func validate() throws {
        if year != nil && residents != nil { throw ValidationError("give --year or --residents, not both") }
        if let residents, !(1...10_000_000_000).contains(residents) { throw ValidationError("--residents must be between 1 and 10,000,000,000") }
    }

    /// The population asked for, if any.
    var population: IndicatorPopulation? { year.map { .planYear($0) } ?? residents.map { .residents($0) } }
}
