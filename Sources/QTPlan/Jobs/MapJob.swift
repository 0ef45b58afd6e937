import QTAnalysis
import QTModel
import QTProjection
import QTReport
import QTText

/// One service's coverage on a map: its area (dissolved) and the residents left out, shaded by head-count.
public struct MapCoverage: Sendable, Hashable {
    /// The facility type.
    public var type: String
    /// The threshold instead of the profile's circle.
    public var minutes: Double?
    /// The standards profile; `nil` for the file's default.
    public var profile: String?
    /// The mode instead of the rule's own.
    public var mode: CoverageMode?

    /// A coverage overlay.
    public init(type: String, minutes: Double? = nil, profile: String? = nil, mode: CoverageMode? = nil) {
        self.type = type
        self.minutes = minutes
        self.profile = profile
        self.mode = mode
    }
}

/// What `map` is asked.
public struct MapRequest: Sendable, Hashable {
    /// The layers, in drawing order.
    public var layers: [MapLayerSpec]
    /// A service's coverage to draw, if any.
    public var coverage: MapCoverage?
    /// The title; `nil` for the district's names.
    public var title: String?
    /// Width in pixels.
    public var width: Double
    /// Height in pixels.
    public var height: Double
    /// The map file: `.svg`, or `.png` rendered by rsvg-convert.
    public var output: String
    /// The engine's settings.
    public var engine: EngineSettings
    /// How messages name request settings.
    public var names: SettingNames
    /// The language of the legend and the layers' titles.
    public var language: Language
    /// Whether a coverage map also draws the river and main roads beneath (``QTReport/StandardLayers/orientation(in:language:)``).
    public var orientation: Bool

    /// A request.
    public init(
        layers: [MapLayerSpec], coverage: MapCoverage? = nil, title: String? = nil, width: Double = 1000, height: Double = 720,
        output: String, engine: EngineSettings = EngineSettings(), names: SettingNames = .library, language: Language = .en,
        orientation: Bool = true
    ) {
        self.language = language
        self.orientation = orientation
        self.layers = layers
        self.coverage = coverage
        self.title = title
        self.width = width
        self.height = height
        self.output = output
        self.engine = engine
        self.names = names
    }
}

/// What a map job wrote.
public struct MapResult: Sendable {
    /// The file written.
    public var output: String
    /// Layers drawn.
    public var layerCount: Int
    /// The CRS the map is drawn in.
    public var metricCRS: String
    /// The SVG's size in bytes.
    public var svgBytes: Int

    /// One line for people.
    public var table: String {
        "\(output)  \(layerCount) layers, \(metricCRS), SVG \(NumberText.fixed(Double(svgBytes) / 1e6, 2)) MB\n"
    }
}

/// `map`: a map of chosen layers, and optionally one service's coverage, as SVG or PNG.
public enum MapJob {
    /// Draws and writes the map of `district`; `standards` are needed with a coverage overlay (and name the
    /// facility types in a Chinese legend). A coverage map draws the river and the main roads beneath its layers
    /// when ``MapRequest/orientation`` is set.
    public static func run(
        _ request: MapRequest, on district: District, standards: LifeCircleStandards?,
        settings: OutputSettings
    ) async throws -> MapResult {
        let language = request.language
        let typeNames = standards?.wording.names ?? [:]
        var drawn = try MapLayers.layers(request.layers, in: district, language: language, names: typeNames)
        var subtitle: String?
        if let coverage = request.coverage, let standards {
            let job = try CoverageJob(
                CoverageRequest(
                    selection: ServiceSelection(
                        .types([coverage.type]), minutes: coverage.minutes.map { [$0] },
                        mode: coverage.mode),
                    profile: coverage.profile, engine: request.engine, names: request.names),
                standards: standards)
            // A map shows one service: a type with several tiers in the profile (a health centre's 15-minute row and
            // its stations' 5-minute row) is drawn by the row that bears the type's own name, else its first.
            let shown = job.services.first { $0.label == coverage.type }.map { [$0] } ?? Array(job.services.prefix(1))
            let inputs = try Coverage.prepare(district, services: shown, standards: standards, options: job.options)
            let results = try await Coverage.measure(shown, in: inputs)
            var coverageLayers: [MapLayer] = []
            for (service, result) in zip(shown, results) {
                let areas = try ServiceAreas.areas(service, in: inputs, dissolve: true)
                let gaps = ServiceAreas.gaps(result, inputs: inputs, district: district)
                coverageLayers += StandardLayers.coverage(
                    areas: areas, gaps: gaps, label: standards.wording.service(service.label, language), language: language)
                subtitle = MapLayers.subtitle(service, result, profile: job.profile.name, language: language, wording: standards.wording)
            }
            // Above the area-filling layers the user listed (land use, population), below the rest.
            let fills = drawn.prefix { ["landuse", "population", "industrial_parks"].contains($0.id) }.count
            drawn.insert(contentsOf: coverageLayers, at: fills)
            // The river and main roads beneath everything but the area-filling layers, for orientation.
            if request.orientation { drawn.insert(contentsOf: StandardLayers.orientation(in: district, language: language), at: fills) }
        }
        var map = MapDocument(
            title: request.title ?? (language == .zh ? district.manifest.name : "\(district.manifest.name) \(district.manifest.nameEn)"), subtitle: subtitle,
            note: MapLayers.note(district), layers: drawn,
            extent: district.features(.boundary), metricCRS: try CRS(parsing: district.manifest.metricCRS),
            width: request.width, height: request.height)
        map.language = language
        let svg = try map.svg()
        var read = RunInputs()
        read.add(district)
        try MapFiles.write(svg, to: request.output, settings: settings.guarding(read))
        return MapResult(output: request.output, layerCount: drawn.count, metricCRS: district.manifest.metricCRS, svgBytes: svg.utf8.count)
    }
}
