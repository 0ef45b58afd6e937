import ArgumentParser
import Foundation
import QTAnalysis
import QTGeometry
import QTPlan

/// `qtplan isochrone`: nested service areas around a place or a facility, with the residents inside each.
struct IsochroneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "isochrone",
        abstract: "Service areas within 5, 10, 15… minutes of a place or facility, following the streets, with their residents.",
        discussion: """
            The place joins the network at the nearest point of the nearest street (the access leg walked). \
            Each band is the streets reachable within its minutes, partial edges included, buffered by the \
            access distance (100 m) on a 25 m travel-time grid; bands nest (5 ⊂ 10 ⊂ 15) and count the \
            residents whose own trip fits in the band. Writes GeoJSON (WGS84) to -o, or to stdout. Exit 64 \
            for a bad request or a place off the network, 65/66 for bad or missing data, 73 when -o cannot \
            be written.
            """)

    @OptionGroup var districtOptions: DistrictOptions

    @Option(name: .long, help: ArgumentHelp("The place, longitude then latitude (WGS84).", valueName: "LON,LAT"))
    var at: String?

    @Option(name: .long, help: ArgumentHelp("A facility (or transit stop) id instead of --at.", valueName: "ID"))
    var facility: String?

    @Option(name: .long, help: ArgumentHelp("Bands in minutes, comma-separated.", valueName: "M[,M…]"))
    var minutes: String = "5,10,15"

    @Option(name: .long, help: "walk or drive.")
    var mode: CoverageMode = .walk

    @Option(name: .long, help: "to_facility (people travel to the place) or from_facility (a crew leaves it; fire stations).")
    var direction: TravelDirection?

    @Option(name: .long, help: ArgumentHelp("Walking speed (default: the standards file's, 4.5 km/h).", valueName: "KM/H"))
    var walkSpeed: Double?

    @Option(
        name: [.customShort("o"), .long],
        help: ArgumentHelp("Write the bands to this file (.geojson, .gpkg, .shp, .fgb, .csv) instead of GeoJSON on stdout.", valueName: "FILE"))
    var output: String?

    @OptionGroup var engine: EngineOptions

    @OptionGroup var language: LanguageOptions

    func validate() throws {
        guard (at == nil) != (facility == nil) else { throw ValidationError("give --at LON,LAT or --facility ID") }
        guard mode != .radius else { throw ValidationError("--mode must be walk or drive (an isochrone follows the streets)") }
        if let walkSpeed, !(walkSpeed > 0 && walkSpeed <= 20) { throw ValidationError("--walk-speed must be between 0 and 20 km/h") }
        try engine.check()
        try Arguments.checkOutput(output, .output)
    }

    /// The files this run reads, which no output may replace.
    var inputs: RunInputs {
        districtOptions.inputs + engine.inputs
    }

    func run() async throws {
        try await CommandBody.run {
            try inputs.refuseEarly([output])
            let request = IsochroneRequest(
                origin: try origin(), minutes: try Arguments.minutes(minutes), mode: mode, direction: direction,
                walkSpeedKmh: walkSpeed, engine: engine.settings)
            try IsochroneJob.check(request)
            let standards = try engine.loadStandards()
            let district = try districtOptions.load()
            let result = try IsochroneJob.run(request, on: district, standards: standards)
            result.warnings.forEach(Diagnostics.warning)
            if let output {
                try FeatureFiles.write(
                    result.features, layer: "isochrone", to: districtOptions.destination(output), what: "the isochrone", setting: .output,
                    settings: districtOptions.outputs(reading: inputs))
                Terminal.table(result.table(language: language.language(for: district)))
            } else {
                FileHandle.standardOutput.write(GeoJSONWriter().data(FeatureCollection(features: result.features)))
            }
        }
    }

    /// `--at LON,LAT` or `--facility ID`.
    func origin() throws -> IsochroneOrigin {
        guard let at else { return .facility(facility ?? "") }
        let parts = at.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let lon = parts[0], let lat = parts[1], (-180...180).contains(lon), (-90...90).contains(lat) else {
            throw PlanError(.usage, "--at: expected LON,LAT in degrees, found '\(at)'")
        }
        return .place(Coordinate(x: lon, y: lat), label: at)
    }
}
