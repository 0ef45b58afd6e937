import ArgumentParser
import Foundation
import QTAnalysis
import QTPlan
import QTText

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
            CRS with a legend (long entries wrap), a scale bar, a north arrow and Chinese labels; a coverage map \
            also draws the river and other water (land use of class water) and the main roads (expressways and \
            arterials) beneath, for orientation. --lang zh gives the legend in Chinese. SVG is written by qtplan; PNG \
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

    @OptionGroup var engine: EngineOptions

    @OptionGroup var scenario: PlanOptions

    @OptionGroup var language: LanguageOptions

    func validate() throws {
        let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
        guard ext == "svg" || ext == "png" else {
            throw ValidationError("-o \(output): a map is written as .svg or .png" + (ext.isEmpty ? "" : ", not .\(ext)"))
        }
        guard (300...8000).contains(width), (200...8000).contains(height) else {
            throw ValidationError("--width and --height must be 300–8000 and 200–8000 pixels")
        }
        if let minutes, !(minutes > 0 && minutes.isFinite) { throw ValidationError("--minutes must be a number of minutes > 0") }
        if coverage == nil && (minutes != nil || standard != nil || mode != nil) {
            throw ValidationError("--minutes, --standard and --mode need --coverage TYPE")
        }
        try engine.check()
    }

    /// The files this run reads, which no output may replace.
    var inputs: RunInputs {
        districtOptions.inputs + engine.inputs + scenario.inputs
    }

    func run() async throws {
        try await CommandBody.run {
            try inputs.refuseEarly([output])
            let specs = try MapLayerSpec.parse(layers)
            let (district, plan) = try scenario.apply(to: try districtOptions.load())
            let overlay = coverage.map { MapCoverage(type: $0, minutes: minutes, profile: standard, mode: mode) }
            let request = MapRequest(
                layers: specs, coverage: overlay, title: title ?? plan.map { "\(district.manifest.name) \(district.manifest.nameEn) · plan \($0)" },
                width: width, height: height, output: output,
                engine: engine.settings, names: .commandLine, language: language.language(for: district))
            let result = try await MapJob.run(
                request, on: district, standards: try engine.loadStandards(),
                settings: InterruptCleanup.outputs(reading: inputs))
            Terminal.table(result.table)
        }
    }
}
