import ArgumentParser
import Foundation
import QTAnalysis
import QTGeometry
import QTModel

extension CoverageMode: ExpressibleByArgument {}
extension TravelDirection: ExpressibleByArgument {}

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
            --distance). walk/drive: travel time over the network; residents and facilities join it at \
            the nearest point of the nearest street, the access leg walked. Without --mode each rule uses \
            its own (walk; drive for fire stations, timed from the station to the resident). \
            Exit 64 for a bad request, 65 for bad data or standards, 66 for a missing layer or file, 73 \
            when --areas or --gaps cannot be written.
            """)

    @OptionGroup var districtOptions: DistrictOptions

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

    @Option(name: .long, help: ArgumentHelp("Radius mode: this straight-line distance for every threshold.", valueName: "METRES"))
    var distance: Double?

    @Option(name: .long, help: ArgumentHelp("Walking speed (default: the standards file's, 4.5 km/h).", valueName: "KM/H"))
    var walkSpeed: Double?

    @Flag(name: .long, help: "Count planned and under-construction facilities too.")
    var includePlanned = false

    @Option(name: .long, help: "Rows: the district total only, or each sub-district too.")
    var by: CoverageGrouping = .district

    @Option(name: .long, help: "Output format.")
    var format: TabularFormat = .table

    @Option(name: .long, help: ArgumentHelp("Write service areas to this file (.geojson, .gpkg, .shp, .fgb or .csv; WGS84).", valueName: "FILE"))
    var areas: String?

    @Flag(name: .long, help: "With --areas: one dissolved area per service instead of one per facility.")
    var dissolve = false

    @Option(name: .long, help: ArgumentHelp("Write the residents left out, as population polygons with their head-count (.geojson, .gpkg, .shp, .fgb, .csv).", valueName: "FILE"))
    var gaps: String?

    @OptionGroup var engine: CoverageEngineOptions

    func validate() throws {
        guard type != nil || all else { throw ValidationError("give --type T[,T…] or --all") }
        guard type == nil || !all else { throw ValidationError("give --type or --all, not both") }
        if let distance, !(distance > 0 && distance.isFinite) { throw ValidationError("--distance must be a number of metres > 0") }
        if let walkSpeed, !(walkSpeed > 0 && walkSpeed <= 20) { throw ValidationError("--walk-speed must be between 0 and 20 km/h") }
        if dissolve && areas == nil { throw ValidationError("--dissolve needs --areas FILE") }
        try FeatureOutput.validate(areas, option: "--areas")
        try FeatureOutput.validate(gaps, option: "--gaps")
        try engine.check()
    }

    func run() async throws {
        try await runReportingErrorsAsync {
            let standards = try engine.loadStandards()
            let profile = try standards.profile(standard)
            let services = try CoverageRequest.services(types: type.map(CoverageRequest.list), all: all,
                                                        minutes: try minutes.map(CoverageRequest.minutes),
                                                        profile: profile, mode: mode, distance: distance)
            try engine.checkLimit(services)
            let district = try districtOptions.load()
            var options = engine.options(standards: standards, walkSpeed: walkSpeed, includePlanned: includePlanned)
            // Gaps say how far the nearest facility is: search up to twice the threshold (shares are unchanged).
            if gaps != nil { options.reachHorizonFactor = 2 }
            let progress = Progress(label: "coverage", total: services.count * (1 + (areas != nil ? 1 : 0)))
            let inputs = try Coverage.prepare(district, services: services, standards: standards, options: options)
            let results = try await Coverage.measure(services, in: inputs)
            progress.advance(by: services.count)
            var areaFeatures: [Feature] = []
            if areas != nil {
                let dissolve = self.dissolve
                for list in try await Coverage.parallelMap(services, { try ServiceAreas.areas($0, in: inputs, dissolve: dissolve) }) {
                    areaFeatures += list
                    progress.advance(by: 1)
                }
            }
            progress.finish()
            CoarseGrid.warn(areaFeatures.compactMap { f in f.properties["cell_m"]?.doubleValue.map { (f.properties["service"]?.stringValue ?? "", $0) } },
                            requested: engine.cell)
            switch format {
            case .table: print(CoverageText.table(results, profile: profile, options: options, by: by, district: district), terminator: "")
            case .json: print(CoverageText.json(results, profile: profile, options: options), terminator: "")
            case .csv: print(CoverageText.csv(results, profile: profile), terminator: "")
            }
            if let areas {
                try FeatureOutput.write(areaFeatures, layer: "service_areas", to: areas, what: "the service areas", option: "--areas")
            }
            if let gaps {
                let features = results.flatMap { ServiceAreas.gaps($0, inputs: inputs, district: district) }
                try FeatureOutput.write(features, layer: "gaps", to: gaps, what: "the gaps file", option: "--gaps")
            }
        }
    }
}

/// Rows of `qtplan coverage`'s table and CSV.
enum CoverageGrouping: String, ExpressibleByArgument, CaseIterable {
    case district
    case subdistrict
}

/// Options of the coverage engine shared by `coverage` and `isochrone`.
struct CoverageEngineOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The life-circle standards file (default: geodata/standards/life-circles.json).", valueName: "FILE"))
    var standards: String?

    @Option(name: .long, help: ArgumentHelp("Service areas: off-street distance beyond the reachable streets (default: the standards file's, 100 m).", valueName: "METRES"))
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

    /// Refuses thresholds over `--max-minutes` before the district is loaded (the engine refuses them
    /// too, but only once its inputs are read): a 10-hour isochrone is a runaway request, not a long wait.
    func checkLimit(_ services: [CoverageService]) throws {
        for s in services where s.mode != .radius { try checkLimit(minutes: max(s.minutes, s.minutesRural ?? 0), label: s.label) }
    }

    /// Refuses `minutes` over `--max-minutes` (exit 64), naming the flag that raises it.
    func checkLimit(minutes: Double, label: String? = nil) throws {
        guard minutes > maxMinutes else { return }
        throw CLIFailure(status: .usage, message: (label.map { "\($0): " } ?? "") + "\(Number.trimmedMinutes(minutes)) minutes "
                         + "is over the limit of \(Number.trimmedMinutes(maxMinutes)) minutes (--max-minutes, at most 1440)")
    }

    /// The bundled standards file beside the bundled district.
    static var bundledStandards: String {
        URL(fileURLWithPath: BundledData.qiantangDirectory).deletingLastPathComponent()
            .appendingPathComponent("standards/life-circles.json").path
    }

    func loadStandards() throws -> LifeCircleStandards {
        try LifeCircleStandards.load(path: standards ?? Self.bundledStandards)
    }

    func options(standards: LifeCircleStandards, walkSpeed: Double?, includePlanned: Bool) -> CoverageOptions {
        CoverageOptions(includePlanned: includePlanned, walkSpeedKmh: walkSpeed ?? standards.walkSpeedKmh,
                        accessDistance: access ?? standards.accessDistance, cellSize: cell, maximumMinutes: maxMinutes)
    }
}

/// Turns `--type`, `--all`, `--minutes` into the services to measure.
enum CoverageRequest {
    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func minutes(_ text: String) throws -> [Double] {
        let values = list(text)
        guard !values.isEmpty else { throw CLIFailure(status: .usage, message: "--minutes: expected numbers such as 5,10,15") }
        return try values.map {
            guard let m = Double($0), m > 0, m.isFinite else {
                throw CLIFailure(status: .usage, message: "--minutes: '\($0)' is not a number of minutes > 0")
            }
            return m
        }
    }

    static func services(types: [String]?, all: Bool, minutes: [Double]?, profile: LifeCircleProfile,
                         mode: CoverageMode?, distance: Double?) throws -> [CoverageService] {
        if let types {
            guard !types.isEmpty else { throw CLIFailure(status: .usage, message: "--type: no type given") }
            for t in types where !FacilityKinds.known.contains(t) {
                throw CLIFailure(status: .usage, message: "--type: unknown type '\(t)' (known: \(FacilityKinds.known.sorted().joined(separator: ", ")))")
            }
        }
        guard let minutes else {
            let rules = profile.rules.filter { rule in types.map { $0.contains(rule.supply.type) } ?? all }
            if let types {
                for t in types where !rules.contains(where: { $0.supply.type == t }) {
                    throw CLIFailure(status: .usage, message: "--type: profile \(profile.name) has no circle for '\(t)'; give --minutes")
                }
            }
            return rules.map { profile.service($0, mode: mode, distance: distance) }
        }
        let chosen = types ?? (FacilityType.allCases.map(\.rawValue) + ["metro_station", "bus_stop"])
        var out: [CoverageService] = []
        for t in chosen {
            let rule = profile.rules.first { $0.supply.type == t }
            for m in minutes {
                let label = minutes.count > 1 ? "\(t)_\(Number.trimmedMinutes(m))min" : t
                out.append(CoverageService(
                    label: label, supply: SupplySelector(type: t), minutes: m,
                    distance: distance ?? profile.distance(forMinutes: m), mode: mode ?? rule?.mode ?? .walk,
                    direction: rule?.direction ?? (t == FacilityType.fireStation.rawValue ? .fromFacility : .toFacility),
                    source: "--minutes \(Number.trimmedMinutes(m)) (\(profile.name) distances)",
                    radiusRefusal: distance == nil && (rule?.mode ?? (t == FacilityType.fireStation.rawValue ? .drive : .walk)) == .drive
                        ? "\(label): --minutes \(Number.trimmedMinutes(m)): \(profile.name) measures \(t) as a drive time; a "
                            + "walking circle's distance means nothing for it: measure it with --mode drive, or give --distance METRES"
                        : nil))
            }
        }
        return out
    }
}

extension Number {
    /// Minutes without a trailing ".0".
    /// (Whole numbers beyond 1e15 print as Double does: `Int(_:)` would trap on 1e300.)
    static func trimmedMinutes(_ m: Double) -> String { m == m.rounded() && abs(m) < 1e15 ? String(Int(m)) : String(m) }
}

/// Runs an async command body with the same error reporting as ``runReportingErrors(_:)``, mapping the
/// coverage engine's errors to their exit codes first.
func runReportingErrorsAsync(_ body: () async throws -> Void) async throws {
    var caught: Error?
    do { try await body() } catch { caught = error }
    guard let caught else { return }
    try runReportingErrors {
        switch caught {
        case let e as StandardsError:
            switch e {
            case .missingFile: throw CLIFailure(status: .noInput, message: e.description)
            case .invalid: throw CLIFailure(status: .dataError, message: e.description)
            case .unknownProfile: throw CLIFailure(status: .usage, message: e.description)
            }
        case let e as CoverageError:
            switch e {
            case .missingLayer: throw CLIFailure(status: .noInput, message: e.description)
            case .invalidFeature: throw CLIFailure(status: .dataError, message: e.description)
            case .limit: throw CLIFailure(status: .usage, message: e.description + " (--max-minutes, at most 1440)")
            case .invalidRequest: throw CLIFailure(status: .usage, message: e.description)
            }
        default: throw caught
        }
    }
}

/// Says when service areas were drawn on a coarser grid than asked (the travel-time grid holds at most 16
/// million cells, so a very large reachable area gets larger cells: blockier polygons, same shares).
enum CoarseGrid {
    static func warn(_ cells: [(String, Double)], requested: Double) {
        var said: Set<String> = []
        for (what, cell) in cells where cell > requested * 1.0001 && said.insert(what).inserted {
            Diagnostics.warning("\(what): areas drawn on a \(Number.fixed(cell, 1)) m grid instead of \(Number.fixed(requested, 1)) m "
                                + "(the reachable area would need more than 16 million cells; shares are not affected)")
        }
    }
}
