import ArgumentParser
import Foundation
import QTAnalysis
import QTGeometry
import QTModel
import QTProjection

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

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write the bands to this file (.geojson, .gpkg, .shp, .fgb, .csv) instead of GeoJSON on stdout.", valueName: "FILE"))
    var output: String?

    @OptionGroup var engine: CoverageEngineOptions

    func validate() throws {
        guard (at == nil) != (facility == nil) else { throw ValidationError("give --at LON,LAT or --facility ID") }
        guard mode != .radius else { throw ValidationError("--mode must be walk or drive (an isochrone follows the streets)") }
        if let walkSpeed, !(walkSpeed > 0 && walkSpeed <= 20) { throw ValidationError("--walk-speed must be between 0 and 20 km/h") }
        try engine.check()
        try FeatureOutput.validate(output, option: "-o")
    }

    func run() async throws {
        try await runReportingErrorsAsync {
            let bands = try CoverageRequest.minutes(minutes)
            try engine.checkLimit(minutes: bands.max() ?? 0)
            let standards = try engine.loadStandards()
            let district = try districtOptions.load()
            let options = engine.options(standards: standards, walkSpeed: walkSpeed, includePlanned: true)
            let (origin, name, type) = try place(in: district)
            let travel = direction ?? (type == FacilityType.fireStation.rawValue ? .fromFacility : .toFacility)
            let service = CoverageService(label: "isochrone", supply: SupplySelector(type: type ?? "park"), minutes: bands.max() ?? 15,
                                          distance: 0, mode: mode, direction: travel)
            var request = options
            request.includePlanned = false
            let inputs = try Coverage.prepare(district, services: [service], standards: standards, options: request)
            let metric = try Transformer(from: .wgs84, to: inputs.metricCRS).transform(origin)
            let result = try Isochrone.bands(around: metric, minutes: bands, mode: mode, direction: travel, in: inputs)
            CoarseGrid.warn(result.prefix(1).map { ("the isochrone", $0.cellMetres) }, requested: engine.cell)
            let features = result.map { band in
                Feature(id: .string("band-\(Number.trimmedMinutes(band.minutes))"), geometry: band.area, properties: [
                    "id": .string("band-\(Number.trimmedMinutes(band.minutes))"), "name": .string(name),
                    "minutes": .number(band.minutes), "mode": .string(mode.rawValue), "direction": .string(travel.rawValue),
                    "residents": .number(band.residents.rounded()),
                    "area_km2": .number((band.areaSquareMetres / 1e6 * 1e4).rounded() / 1e4),
                    "walk_speed_kmh": .number(options.walkSpeedKmh), "source": "computed: qtplan isochrone",
                    "cell_m": .number((band.cellMetres * 100).rounded() / 100),
                ])
            }
            if let output {
                try FeatureOutput.write(features, layer: "isochrone", to: output, what: "the isochrone", option: "-o")
                var lines: [[String]] = [["minutes", "area km²", "residents"]]
                for band in result {
                    lines.append([Number.trimmedMinutes(band.minutes), Number.fixed(band.areaSquareMetres / 1e6, 2),
                                  Number.grouped(Int(band.residents.rounded()))])
                }
                print("\(name), \(mode.rawValue), \(travel.rawValue)")
                print(LandUseText.columns(lines, rightAligned: [0, 1, 2]), terminator: "")
            } else {
                FileHandle.standardOutput.write(GeoJSONWriter().data(FeatureCollection(features: features)))
            }
        }
    }

    /// The origin in WGS84, a name for it and the facility type (when a facility).
    func place(in district: District) throws -> (Coordinate, String, String?) {
        if let at {
            let parts = at.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count == 2, let lon = parts[0], let lat = parts[1], (-180...180).contains(lon), (-90...90).contains(lat) else {
                throw CLIFailure(status: .usage, message: "--at: expected LON,LAT in degrees, found '\(at)'")
            }
            return (Coordinate(x: lon, y: lat), "\(at)", nil)
        }
        for layer in [LayerName.facilities, .transit] {
            for f in district.features(layer) where f.properties["id"]?.stringValue == facility {
                guard case .point(let p)? = f.geometry, let c = p.coordinate else {
                    throw CLIFailure(status: .dataError, message: "\(layer.rawValue): feature \(facility!): expected a point")
                }
                let type = f.properties[layer == .transit ? "kind" : "type"]?.stringValue
                return (c, f.properties["name"]?.stringValue ?? facility!, type)
            }
        }
        throw CLIFailure(status: .usage, message: "--facility: no facility or transit stop with id '\(facility!)'")
    }
}
