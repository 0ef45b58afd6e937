import ArgumentParser
import QTAnalysis
import QTPlan

/// The services a coverage measurement takes (`coverage` and `compare`): types or every rule of the profile,
/// minutes, mode, distance, walking speed and planned facilities.
struct ServiceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Facility types or transit kinds (metro_station, bus_stop), comma-separated.", valueName: "T[,T…]"))
    var type: String?

    @Flag(name: .long, help: "Every rule of the profile (with --minutes: every facility type and transit kind).")
    var all = false

    @Option(name: .long, help: ArgumentHelp("Thresholds in minutes instead of the profile's circles, comma-separated.", valueName: "M[,M…]"))
    var minutes: String?

    @Option(name: .long, help: ArgumentHelp("The standards profile: gb50180 (default) or qiantang-plan.", valueName: "PROFILE"))
    var standard: String?

    @Option(name: .long, help: "radius, walk or drive (default: each rule's own mode).")
    var mode: CoverageMode?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "This distance for every threshold: straight-line in radius mode, along the streets when walking distance is measured.", valueName: "METRES"))
    var distance: Double?

    @Option(
        name: .long,
        help:
            "What walking circles measure: distance along the streets or time (default: the profile's, distance for gb50180, time for qiantang-plan; drives are timed)."
    )
    var measure: CoverageMeasure?

    @Option(name: .long, help: ArgumentHelp("Walking speed (default: the standards file's, 4.5 km/h).", valueName: "KM/H"))
    var walkSpeed: Double?

    @Flag(name: .long, help: "Count planned and under-construction facilities too.")
    var includePlanned = false

    func validate() throws {
        guard type != nil || all else { throw ValidationError("give --type T[,T…] or --all") }
        guard type == nil || !all else { throw ValidationError("give --type or --all, not both") }
        if let distance, !(distance > 0 && distance.isFinite) { throw ValidationError("--distance must be a number of metres > 0") }
        if let walkSpeed, !(walkSpeed > 0 && walkSpeed <= 20) { throw ValidationError("--walk-speed must be between 0 and 20 km/h") }
    }

    /// The coverage request of these options and the engine's.
    func request(_ engine: EngineOptions) throws -> CoverageRequest {
        let selection = ServiceSelection(
            type.map { .types(Arguments.list($0)) } ?? .all, minutes: try minutes.map(Arguments.minutes),
            mode: mode, distance: distance, measure: measure)
        return CoverageRequest(
            selection: selection, profile: standard, walkSpeedKmh: walkSpeed, includePlanned: includePlanned,
            engine: engine.settings, names: .commandLine)
    }
}
