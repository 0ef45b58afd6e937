import ArgumentParser
import Foundation
import QTAnalysis
import QTFormats
import QTGeometry
import QTModel
import QTProjection
import QTReport

/// `qtplan map`: a map of chosen layers, and optionally one service's coverage, as SVG or PNG.
struct MapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Draw a map of the district's layers, and a service's coverage and gaps, as SVG or PNG.",
        discussion: """
            --layers lists layers in drawing order; LAYER:VALUE keeps the features whose type, kind, class or \
            road_class is VALUE (facilities:community_health_centre, transit:metro_station, landuse:industrial). \
            --coverage T adds T's service area (dissolved) and the residents left out, shaded by head-count, \
            at T's circle in the standards profile (or --minutes). The map is drawn in the district's metric \
            CRS with a legend, a scale bar, a north arrow and Chinese labels. SVG is written by qtplan; PNG \
            is rendered from it by rsvg-convert (Debian's librsvg2-bin). Exit 64 for a bad request, 65/66 for \
            bad or missing data, 73 when the file cannot be written.
            """)

    @OptionGroup var districtOptions: DistrictOptions

    @Option(name: .long, help: ArgumentHelp("Layers to draw, in order; LAYER:VALUE narrows one.", valueName: "L[:V][,…]"))
    var layers: String = "landuse,subdistricts,boundary,transit:metro_line,transit:metro_station"

    @Option(name: .long, help: ArgumentHelp("Draw this service's area and gaps.", valueName: "TYPE"))
    var coverage: String?

    @Option(name: .long, help: ArgumentHelp("With --coverage: the threshold instead of the profile's circle.", valueName: "MINUTES"))
    var minutes: Double?

    @Option(name: .long, help: ArgumentHelp("With --coverage: the standards profile (gb50180, qiantang-plan).", valueName: "PROFILE"))
    var standard: String?

    @Option(name: .long, help: "With --coverage: radius, walk or drive (default: the rule's own).")
    var mode: CoverageMode?

    @Option(name: .shortAndLong, help: ArgumentHelp("The map file: .svg or .png.", valueName: "FILE"))
    var output: String

    @Option(name: .long, help: ArgumentHelp("Width in pixels.", valueName: "PX"))
    var width: Double = 1000

    @Option(name: .long, help: ArgumentHelp("Height in pixels.", valueName: "PX"))
    var height: Double = 720

    @Option(name: .long, help: ArgumentHelp("The title (default: the district's names).", valueName: "TEXT"))
    var title: String?

    @OptionGroup var engine: CoverageEngineOptions

    func validate() throws {
        let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
        guard ext == "svg" || ext == "png" else {
            throw ValidationError("-o \(output): a map is written as .svg or .png" + (ext.isEmpty ? "" : ", not .\(ext)"))
        }
        guard (300...8000).contains(width), (200...8000).contains(height) else { throw ValidationError("--width and --height must be 300–8000 and 200–8000 pixels") }
        if let minutes, !(minutes > 0 && minutes.isFinite) { throw ValidationError("--minutes must be a number of minutes > 0") }
        if coverage == nil && (minutes != nil || standard != nil || mode != nil) {
            throw ValidationError("--minutes, --standard and --mode need --coverage TYPE")
        }
        try engine.check()
    }

    func run() async throws {
        try await runReportingErrorsAsync {
            let specs = try MapLayers.parse(layers)
            let district = try districtOptions.load()
            var drawn = try MapLayers.layers(specs, in: district)
            var subtitle: String?
            if let type = coverage {
                let standards = try engine.loadStandards()
                let profile = try standards.profile(standard)
                let services = try CoverageRequest.services(types: [type], all: false, minutes: minutes.map { [$0] },
                                                            profile: profile, mode: mode, distance: nil)
                let options = engine.options(standards: standards, walkSpeed: nil, includePlanned: false)
                let inputs = try Coverage.prepare(district, services: services, standards: standards, options: options)
                let results = try await Coverage.measure(services, in: inputs)
                var coverageLayers: [MapLayer] = []
                for (service, result) in zip(services, results) {
                    let areas = try ServiceAreas.areas(service, in: inputs, dissolve: true)
                    let gaps = ServiceAreas.gaps(result, inputs: inputs, district: district)
                    coverageLayers += StandardLayers.coverage(areas: areas, gaps: gaps, label: service.label)
                    subtitle = MapLayers.subtitle(service, result, profile: profile.name)
                }
                // Above the area-filling layers the user listed (land use, population), below the rest.
                let fills = drawn.prefix { ["landuse", "population", "industrial_parks"].contains($0.id) }.count
                drawn.insert(contentsOf: coverageLayers, at: fills)
            }
            let map = MapDocument(title: title ?? "\(district.manifest.name) \(district.manifest.nameEn)", subtitle: subtitle,
                                  note: MapLayers.note(district), layers: drawn,
                                  extent: district.features(.boundary), metricCRS: try CRS(parsing: district.manifest.metricCRS),
                                  width: width, height: height)
            let svg = try map.svg()
            try MapOutput.write(svg, to: output)
            print("\(output)  \(drawn.count) layers, \(district.manifest.metricCRS), SVG \(Number.fixed(Double(svg.utf8.count) / 1e6, 2)) MB")
        }
    }
}

/// Parsing `--layers` and building the map layers.
enum MapLayers {
    /// `boundary,facilities:park` → [(boundary, nil), (facilities, "park")].
    static func parse(_ text: String) throws -> [(LayerName, String?)] {
        let items = CoverageRequest.list(text)
        guard !items.isEmpty else { throw CLIFailure(status: .usage, message: "--layers: no layer given") }
        return try items.map { item in
            let parts = item.split(separator: ":", maxSplits: 1).map(String.init)
            guard let layer = LayerName(rawValue: parts[0]) else {
                throw CLIFailure(status: .usage, message: "--layers: unknown layer '\(parts[0])' (known: \(LayerName.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return (layer, parts.count > 1 ? parts[1] : nil)
        }
    }

    /// The specs among `wanted` whose layer the district has, and whose filter (if any) keeps a feature: what a
    /// report draws of a district that may lack some layers.
    static func available(_ wanted: [String], in district: District) -> [(LayerName, String?)] {
        wanted.compactMap { text -> (LayerName, String?)? in
            guard let spec = try? parse(text).first, district.layers[spec.0] != nil else { return nil }
            guard let filter = spec.1 else { return spec }
            return district.features(spec.0).contains { StandardLayers.matches($0, filter: filter) } ? spec : nil
        }
    }

    static func layers(_ specs: [(LayerName, String?)], in district: District) throws -> [MapLayer] {
        try specs.map { layer, filter in
            guard let made = StandardLayers.layer(layer, filter: filter, in: district) else {
                throw CLIFailure(status: .noInput, message: "\(district.directory): the district has no '\(layer.rawValue)' layer")
            }
            if let filter, made.features.isEmpty {
                throw CLIFailure(status: .usage, message: "--layers \(layer.rawValue):\(filter): no feature has type, kind, class or road_class '\(filter)'")
            }
            return made
        }
    }

    static func subtitle(_ service: CoverageService, _ result: CoverageResult, profile: String) -> String {
        let circle = service.mode == .radius ? "\(Number.grouped(Int(service.distance))) m" : "\(Number.trimmedMinutes(service.minutes)) min"
        return "\(service.label) · \(service.mode.rawValue) \(circle) (\(profile)) · covered \(Number.fixed(result.total.share * 100, 1))% "
            + "of \(Number.grouped(Int(result.total.population.rounded()))) residents"
    }

    /// The note under a map: the data's provenance and the CRS.
    static func note(_ district: District) -> String {
        let modelled = district.layers.values.contains { $0.features.contains { $0.properties["source"]?.stringValue == "modelled" } }
        return (modelled ? "Data: partly modelled (see geodata/SOURCES.md), not a survey · " : "")
            + "\(district.manifest.metricCRS) · qtplan \(Version.qtplan)"
    }
}

/// Writes a map: SVG as it is, PNG through rsvg-convert, both atomically.
enum MapOutput {
    static func write(_ svg: String, to path: String) throws {
        let png = URL(fileURLWithPath: path).pathExtension.lowercased() == "png"
        try AtomicFile.stage(path, isFolder: false, what: "the map") { staged in
            let name = URL(fileURLWithPath: path).lastPathComponent
            guard png else { return try staged.write(Data(svg.utf8), as: name) }
            let source = staged.stagedPath(".map.svg")
            try staged.write(Data(svg.utf8), as: ".map.svg")
            try render(svg: source, png: staged.stagedPath(name), path: path)
            unlink(source)
        }
    }

    /// Runs `rsvg-convert` (librsvg, Debian's librsvg2-bin).
    private static func render(svg: String, png: String, path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["rsvg-convert", "--format", "png", "--output", png, svg]
        let errors = Pipe()
        process.standardError = errors
        do { try process.run() } catch {
            throw CLIFailure(status: .cannotCreate, message: "\(path): cannot run rsvg-convert: \(error)")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 127 {
            throw CLIFailure(status: .cannotCreate, message: "\(path): PNG needs rsvg-convert (Debian: librsvg2-bin, which "
                + "tools/setup.sh installs); or write .svg")
        }
        guard process.terminationStatus == 0 else {
            throw CLIFailure(status: .cannotCreate, message: "\(path): rsvg-convert failed: \(message.split(separator: "\n").first ?? "")")
        }
    }
}
