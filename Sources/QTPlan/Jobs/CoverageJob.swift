import QTAnalysis
import QTGeometry
import QTModel

/// What `coverage` is asked: the services, the profile, the engine's settings, and whether to draw service
/// areas and gaps.
public struct CoverageRequest: Sendable, Hashable {
    /// Service areas: one per facility, or one dissolved area per service.
    public enum Areas: Sendable, Hashable {
        /// One area per facility.
        case perFacility
        /// One dissolved area per service.
        case dissolved
    }

    /// The services measured.
    public var selection: ServiceSelection
    /// The standards profile (`gb50180`, `qiantang-plan`); `nil` for the file's default.
    public var profile: String?
    /// Walking speed, km/h; `nil` for the standards file's.
    public var walkSpeedKmh: Double?
    /// Count planned and under-construction facilities too.
    public var includePlanned: Bool
    /// The engine's settings.
    public var engine: EngineSettings
    /// Service areas to draw, if any.
    public var areas: Areas?
    /// Whether to find the residents left out (population features with their head-count and nearest facility).
    public var gaps: Bool
    /// How results and messages name request settings.
    public var names: SettingNames
    /// Whether to measure capacity within reach (2SFCA, ``FloatingCatchment``) for the services whose rule names
    /// a capacity (`places`, `beds`, `physicians`).
    public var capacity = false

    /// A request.
    public init(
        selection: ServiceSelection, profile: String? = nil, walkSpeedKmh: Double? = nil, includePlanned: Bool = false,
        engine: EngineSettings = EngineSettings(), areas: Areas? = nil, gaps: Bool = false, names: SettingNames = .library
    ) {
        self.selection = selection
        self.profile = profile
        self.walkSpeedKmh = walkSpeedKmh
        self.includePlanned = includePlanned
        self.engine = engine
        self.areas = areas
        self.gaps = gaps
        self.names = names
    }
}

/// Coverage of a district: each service's result, and the areas and gaps when asked.
public struct CoverageOutcome: Sendable {
    /// One result per service, in the request's order.
    public var results: [CoverageResult]
    /// The profile measured.
    public var profile: LifeCircleProfile
    /// The engine's options.
    public var options: CoverageOptions
    /// The district's name.
    public var district: String
    /// Whether the residents are modelled.
    public var modelledResidents: Bool
    /// Whether the facilities are modelled.
    public var modelledFacilities: Bool
    /// Whether the residents or the facilities are modelled (the figures show the method, not the provision).
    public var modelledData: Bool { modelledResidents || modelledFacilities }
    /// Service areas (WGS84), when asked.
    public var areas: [Feature]?
    /// The residents left out, when asked.
    public var gaps: [Feature]?
    /// What the caller should hear: areas drawn on a coarser grid than asked.
    public var warnings: [String]
    /// The plan the district was changed by, as results name it (``AppliedScenario/label``), if any.
    public var scenario: String?
    /// Capacity within reach, one per result (`nil` where not asked for or the rule names no capacity).
    public var capacity: [CapacityAccess?] = []
    /// The standards file's names of services, target groups and units (what a Chinese table prints).
    public var wording = StandardsWording()
}

/// `coverage`: the share of residents who reach each service within its life circle, by straight line or over
/// the streets. Made from a request and the standards (checked before any district is read), run on a district.
public struct CoverageJob: Sendable {
    /// The request.
    public let request: CoverageRequest
    /// The standards file's values.
    public let standards: LifeCircleStandards
    /// The profile measured.
    public let profile: LifeCircleProfile
    /// The services measured, in order.
    public let services: [CoverageService]
    /// The engine's options.
    public let options: CoverageOptions

    /// Resolves `request` against `standards`: the profile, the services, the limits.
    /// - Throws: ``QTAnalysis/StandardsError`` for an unknown profile (exit 64), ``PlanError`` for a bad selection
    ///   or a threshold over the limit.
    public init(_ request: CoverageRequest, standards: LifeCircleStandards) throws {
        self.request = request
        self.standards = standards
        profile = try standards.profile(request.profile)
        services = try request.selection.services(profile: profile, names: request.names)
        try request.engine.checkLimit(services)
        var options = request.engine.options(standards: standards, walkSpeedKmh: request.walkSpeedKmh, includePlanned: request.includePlanned)
        // Gaps say how far the nearest facility is: search up to twice the threshold (shares are unchanged).
        if request.gaps { options.reachHorizonFactor = 2 }
        self.options = options
    }

    /// Steps ``run(on:progress:)`` reports: one per service measured, one per service's areas.
    public var progressSteps: Int { services.count * (1 + (request.areas != nil ? 1 : 0)) }

    /// Measures the services on `district`, services in parallel tasks.
    public func run(on district: District, progress: JobProgress? = nil) async throws -> CoverageOutcome {
        let inputs = try Coverage.prepare(district, services: services, standards: standards, options: options)
        let results = try await Coverage.measure(services, in: inputs)
        progress?.advance(by: services.count)
        var areas: [Feature]?
        if let kind = request.areas {
            let dissolve = kind == .dissolved
            var features: [Feature] = []
            for list in try await Coverage.parallelMap(services, { try ServiceAreas.areas($0, in: inputs, dissolve: dissolve) }) {
                features += list
                progress?.advance(by: 1)
            }
            areas = features
        }
        var capacity: [CapacityAccess?] = []
        if request.capacity {
            capacity = try await Coverage.parallelMap(services) { s in
                try s.capacity.map { try FloatingCatchment.measure(s, kind: $0, in: inputs) }
            }
        }
        let cells = (areas ?? []).compactMap { f in f.properties["cell_m"]?.doubleValue.map { (f.properties["service"]?.stringValue ?? "", $0) } }
        return CoverageOutcome(
            results: results, profile: profile, options: options, district: district.manifest.name,
            modelledResidents: district.isModelled(.population), modelledFacilities: district.isModelled(.facilities), areas: areas,
            gaps: request.gaps ? results.flatMap { ServiceAreas.gaps($0, inputs: inputs, district: district) } : nil,
            warnings: request.engine.coarseGridWarnings(cells), scenario: nil, capacity: capacity, wording: standards.wording)
    }
}

extension District {
    /// Whether any feature of `layer` is modelled (`source: modelled`).
    public func isModelled(_ layer: LayerName) -> Bool {
        features(layer).contains { $0.properties["source"]?.stringValue == "modelled" }
    }
}
