import ArgumentParser
import QTAnalysis
import QTPlan

/// Options of the coverage engine shared by `coverage`, `isochrone`, `map`, `report` and the siting commands.
struct EngineOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The life-circle standards file (default: geodata/standards/life-circles.json).", valueName: "FILE"))
    var standards: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Service areas: off-street distance beyond the reachable streets (default: the standards file's, 100 m).", valueName: "METRES"))
    var access: Double?

    @Option(name: .long, help: ArgumentHelp("Service areas: cell size of the travel-time grid.", valueName: "METRES"))
    var cell: Double = 25

    @Option(name: .long, help: ArgumentHelp("Longest threshold accepted, minutes (a limit against runaway requests).", valueName: "MINUTES"))
    var maxMinutes: Double = 120

    func check() throws {
        if let access, !(access >= 0 && access <= 5000) { throw ValidationError("--access must be between 0 and 5000 m") }
        guard cell >= 1 && cell <= 1000 else { throw ValidationError("--cell must be between 1 and 1000 m") }
        guard maxMinutes > 0 && maxMinutes <= 24 * 60 else { throw ValidationError("--max-minutes must be between 0 and 1440") }
    }

    /// The engine's settings.
    var settings: EngineSettings { EngineSettings(accessMetres: access, cellMetres: cell, maximumMinutes: maxMinutes) }

    /// The standards file, as an input no output may replace.
    var inputs: RunInputs {
        var inputs = RunInputs()
        inputs.add(file: standards ?? StandardsFiles.bundledLifeCircles, role: "the standards file")
        return inputs
    }

    /// The standards file (`--standards`, else the bundled one).
    func loadStandards() throws -> LifeCircleStandards { try StandardsFiles.lifeCircles(path: standards) }
}
