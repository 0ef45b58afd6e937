import ArgumentParser
import Foundation
import QTAnalysis
import QTGeometry
import QTModel
import QTPlan
import QTProjection
import QTText

/// Options shared by `site-check` and `site-suggest`: the rules file, the circle (profile, mode, minutes)
/// and the CRS of the positions given.
struct SitingCommandOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The siting rules file (default: geodata/standards/siting-rules.json).", valueName: "FILE"))
    var rules: String?

    @Option(name: .long, help: ArgumentHelp("The life-circle profile for circles: gb50180 (default) or qiantang-plan.", valueName: "PROFILE"))
    var standard: String?

    @Option(name: .long, help: "Measure circles in this mode: radius, walk or drive (default: each type's own).")
    var mode: CoverageMode?

    @Option(name: .long, help: ArgumentHelp("Circles of this many minutes instead of the profile's.", valueName: "MINUTES"))
    var minutes: Double?

    @Option(name: .long, help: ArgumentHelp("Radius mode: this straight-line distance instead of the circle's.", valueName: "METRES"))
    var distance: Double?

    @Option(name: .long, help: ArgumentHelp("Walking speed (default: the standards file's, 4.5 km/h).", valueName: "KM/H"))
    var walkSpeed: Double?

    @Flag(name: .long, help: "Count planned and under-construction facilities as existing (coverage and spacing).")
    var includePlanned = false

    @Option(name: .long, help: ArgumentHelp("The CRS of the positions given (--at and the GeoJSON files): WGS84 (default), GCJ02 or EPSG:n.", valueName: "CRS"))
    var inputCrs: String = "WGS84"

    /// The rules file, as an input no output may replace.
    var inputs: RunInputs {
        var inputs = RunInputs()
        inputs.add(file: rules ?? StandardsFiles.bundledSitingRules, role: "the siting rules file")
        return inputs
    }

    func check(_ engine: EngineOptions) throws {
        if let minutes, !(minutes > 0 && minutes.isFinite) { throw ValidationError("--minutes must be a number of minutes > 0") }
        if let minutes, minutes > engine.maxMinutes {
            throw ValidationError(
                "--minutes \(NumberText.trimmed(minutes)) is over the limit of \(NumberText.trimmed(engine.maxMinutes)) minutes (--max-minutes)")
        }
        if let distance, !(distance > 0 && distance.isFinite) { throw ValidationError("--distance must be a number of metres > 0") }
        if let walkSpeed, !(walkSpeed > 0 && walkSpeed <= 20) { throw ValidationError("--walk-speed must be between 0 and 20 km/h") }
        try engine.check()
    }

    /// The rules file (`--rules`, else the bundled one).
    func loadRules() throws -> SitingRules { try StandardsFiles.sitingRules(path: rules) }

    /// The CRS of `--input-crs`.
    func crs() throws -> CRS {
        do { return try CRS(parsing: inputCrs) } catch {
            throw PlanError(.usage, "--input-crs \(inputCrs): expected WGS84, GCJ02 or EPSG:n")
        }
    }

    /// The siting settings of these options and the engine's.
    func settings(_ engine: EngineOptions) -> SitingSettings {
        SitingSettings(
            profile: standard, mode: mode, minutes: minutes, distance: distance, walkSpeedKmh: walkSpeed,
            includePlanned: includePlanned, engine: engine.settings, names: .commandLine)
    }

    /// The siting options: the profile and engine settings from the standards file, with the overrides.
    func options(_ engine: EngineOptions) throws -> SitingOptions {
        try settings(engine).options(standards: try engine.loadStandards())
    }

    /// `--at LON,LAT` in the input CRS, as WGS84.
    func point(_ text: String) throws -> Coordinate {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let x = parts[0], let y = parts[1], x.isFinite, y.isFinite else {
            throw PlanError(.usage, "--at: expected LON,LAT (or X,Y in --input-crs), found '\(text)'")
        }
        let crs = try crs()
        if crs == .wgs84 || crs.isChineseOffset, !((-180...180).contains(x) && (-90...90).contains(y)) {
            throw PlanError(.usage, "--at: \(text) is not longitude,latitude in degrees (longitude first)")
        }
        return try SitePlan.toWGS84([Coordinate(x: x, y: y)], from: crs)[0]
    }
}
