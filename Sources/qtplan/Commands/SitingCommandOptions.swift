import ArgumentParser
import Foundation
import QTAnalysis
import QTGeometry
import QTModel
import QTProjection

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

    func check(_ engine: CoverageEngineOptions) throws {
        if let minutes, !(minutes > 0 && minutes.isFinite) { throw ValidationError("--minutes must be a number of minutes > 0") }
        if let minutes, minutes > engine.maxMinutes {
            throw ValidationError("--minutes \(Number.trimmedMinutes(minutes)) is over the limit of \(Number.trimmedMinutes(engine.maxMinutes)) minutes (--max-minutes)")
        }
        if let distance, !(distance > 0 && distance.isFinite) { throw ValidationError("--distance must be a number of metres > 0") }
        if let walkSpeed, !(walkSpeed > 0 && walkSpeed <= 20) { throw ValidationError("--walk-speed must be between 0 and 20 km/h") }
        try engine.check()
    }

    /// The bundled rules file beside the bundled district.
    static var bundledRules: String {
        URL(fileURLWithPath: BundledData.qiantangDirectory).deletingLastPathComponent()
            .appendingPathComponent("standards/siting-rules.json").path
    }

    /// The rules file, named in reports as given (the bundled one by its path in the repository).
    func loadRules() throws -> SitingRules {
        var loaded = try SitingRules.load(path: rules ?? Self.bundledRules)
        if rules == nil { loaded.path = "geodata/standards/siting-rules.json (bundled)" }
        return loaded
    }

    /// The CRS of `--input-crs`.
    func crs() throws -> CRS {
        do { return try CRS(parsing: inputCrs) } catch {
            throw CLIFailure(status: .usage, message: "--input-crs \(inputCrs): expected WGS84, GCJ02 or EPSG:n")
        }
    }

    /// The siting options: the profile and engine settings from the standards file, with the overrides.
    func options(_ engine: CoverageEngineOptions) throws -> SitingOptions {
        let standards = try engine.loadStandards()
        let profile = try standards.profile(standard)
        return SitingOptions(profile: profile, mode: mode, minutes: minutes, distance: distance,
                             coverage: engine.options(standards: standards, walkSpeed: walkSpeed, includePlanned: includePlanned),
                             driveSpeedKmh: standards.driveSpeedKmh)
    }

    /// `--at LON,LAT` in the input CRS, as WGS84.
    func point(_ text: String) throws -> Coordinate {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let x = parts[0], let y = parts[1], x.isFinite, y.isFinite else {
            throw CLIFailure(status: .usage, message: "--at: expected LON,LAT (or X,Y in --input-crs), found '\(text)'")
        }
        let crs = try crs()
        if crs == .wgs84 || crs == .gcj02, !((-180...180).contains(x) && (-90...90).contains(y)) {
            throw CLIFailure(status: .usage, message: "--at: \(text) is not longitude,latitude in degrees (longitude first)")
        }
        return try SitePlan.toWGS84([Coordinate(x: x, y: y)], from: crs)[0]
    }
}

/// Runs a siting command body with the coverage commands' error reporting, mapping siting errors to
/// their exit codes first (66 missing file, 65 bad rules or sites, 64 a bad request). Never exits 1: that
/// code is kept for "a rule failed".
func runReportingSitingErrors(_ body: () async throws -> Void) async throws {
    try await runReportingErrorsAsync {
        do { try await body() } catch let e as SitingError {
            switch e {
            case .missingFile: throw CLIFailure(status: .noInput, message: e.description)
            case .invalidRules, .invalidSite: throw CLIFailure(status: .dataError, message: e.description)
            case .invalidRequest: throw CLIFailure(status: .usage, message: e.description)
            }
        }
    }
}
