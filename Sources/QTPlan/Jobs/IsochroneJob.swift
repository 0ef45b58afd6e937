import QTAnalysis
import QTGeometry
import QTModel
import QTProjection
import QTText

/// Where an isochrone starts: a place, or a facility (or transit stop) of the district by its id.
public enum IsochroneOrigin: Sendable, Hashable {
    /// A place, WGS84 longitude/latitude, named in results by `label`.
    case place(Coordinate, label: String)
    /// A facility or transit stop by id.
    case facility(String)
}

/// What `isochrone` is asked.
public struct IsochroneRequest: Sendable, Hashable {
    /// Where it starts.
    public var origin: IsochroneOrigin
    /// The bands, minutes.
    public var minutes: [Double]
    /// Walk or drive.
    public var mode: CoverageMode
    /// Who travels; `nil` for the origin's own (a fire crew leaves its station, people travel to anything else).
    public var direction: TravelDirection?
    /// Walking speed, km/h; `nil` for the standards file's.
    public var walkSpeedKmh: Double?
    /// The engine's settings.
    public var engine: EngineSettings

    /// A request.
    public init(
        origin: IsochroneOrigin, minutes: [Double] = [5, 10, 15], mode: CoverageMode = .walk, direction: TravelDirection? = nil,
        walkSpeedKmh: Double? = nil, engine: EngineSettings = EngineSettings()
    ) {
        self.origin = origin
        self.minutes = minutes
        self.mode = mode
        self.direction = direction
        self.walkSpeedKmh = walkSpeedKmh
        self.engine = engine
    }
}

/// Nested service areas around a place, with the residents inside each band.
public struct IsochroneResult: Sendable {
    /// The origin's name.
    public var name: String
    /// Walk or drive.
    public var mode: CoverageMode
    /// Who travels.
    public var direction: TravelDirection
    /// The bands, smallest first.
    public var bands: [IsochroneBand]
    /// The bands as features (WGS84) with their figures.
    public var features: [Feature]
    /// What the caller should hear: areas drawn on a coarser grid than asked.
    public var warnings: [String]
}

/// `isochrone`: the area reachable within each band's minutes of a place, following the streets.
public enum IsochroneJob {
    /// Checks the request before the district is read: the bands' limit.
    public static func check(_ request: IsochroneRequest) throws {
        try request.engine.checkLimit(minutes: request.minutes.max() ?? 0)
    }

    /// The bands around the request's origin in `district`.
    /// - Throws: ``PlanError`` (`usage`) for an unknown facility id, (`badData`) for a facility that is not a point;
    ///   ``QTAnalysis/CoverageError`` for a place off the network or a missing layer.
    public static func run(_ request: IsochroneRequest, on district: District, standards: LifeCircleStandards) throws -> IsochroneResult {
        let options = request.engine.options(standards: standards, walkSpeedKmh: request.walkSpeedKmh, includePlanned: true)
        let (origin, name, type) = try place(request.origin, in: district)
        let travel = request.direction ?? type.map(LifeCircleProfile.defaultDirection(for:)) ?? .toFacility
        let service = CoverageService(
            label: "isochrone", supply: SupplySelector(type: type ?? "park"), minutes: request.minutes.max() ?? 15,
            distance: 0, mode: request.mode, direction: travel)
        var measured = options
        measured.includePlanned = false
        let inputs = try Coverage.prepare(district, services: [service], standards: standards, options: measured)
        let metric = try Transformer(from: .wgs84, to: inputs.metricCRS).transform(origin)
        let bands = try Isochrone.bands(around: metric, minutes: request.minutes, mode: request.mode, direction: travel, in: inputs)
        let features = bands.map { band in
            Feature(
                id: .string("band-\(NumberText.trimmed(band.minutes))"), geometry: band.area,
                properties: [
                    "id": .string("band-\(NumberText.trimmed(band.minutes))"), "name": .string(name),
                    "minutes": .number(band.minutes), "mode": .string(request.mode.rawValue), "direction": .string(travel.rawValue),
                    "residents": .number(band.residents.rounded()),
                    "area_km2": .number((band.areaSquareMetres / 1e6 * 1e4).rounded() / 1e4),
                    "walk_speed_kmh": .number(options.walkSpeedKmh), "source": "computed: qtplan isochrone",
                    "cell_m": .number((band.cellMetres * 100).rounded() / 100)
                ])
        }
        return IsochroneResult(
            name: name, mode: request.mode, direction: travel, bands: bands, features: features,
            warnings: request.engine.coarseGridWarnings(bands.prefix(1).map { ("the isochrone", $0.cellMetres) }))
    }

    /// The origin in WGS84, a name for it and the facility type (when a facility).
    static func place(_ origin: IsochroneOrigin, in district: District) throws -> (Coordinate, String, String?) {
        switch origin {
        case .place(let c, let label):
            return (c, label, nil)
        case .facility(let id):
            for layer in [LayerName.facilities, .transit] {
                for f in district.features(layer) where f.properties["id"]?.stringValue == id {
                    guard case .point(let p)? = f.geometry, let c = p.coordinate else {
                        throw PlanError(.badData, "\(layer.rawValue): feature \(id): expected a point")
                    }
                    let type = f.properties[layer == .transit ? "kind" : "type"]?.stringValue
                    return (c, f.properties["name"]?.stringValue ?? id, type)
                }
            }
            throw PlanError(.usage, "\(setting: .facility): no facility or transit stop with id '\(id)'")
        }
    }
}

extension IsochroneResult {
    /// The bands for people (the features go to a file).
    public var table: String { table(language: .en) }

    /// The bands for people in `language`: in Chinese the header, the mode and the direction from
    /// ``QTText/ChromeWord``.
    public func table(language: Language) -> String {
        var lines: [[String]] = [[ChromeWord.bandMinutes, .bandArea, .residents].map { $0.text(language) }]
        for band in bands {
            lines.append([
                NumberText.trimmed(band.minutes), NumberText.fixed(band.areaSquareMetres / 1e6, 2),
                NumberText.grouped(Int(band.residents.rounded()))
            ])
        }
        let direction = (direction == .fromFacility ? ChromeWord.fromFacility : .toFacility).text(language)
        let separator = language == .zh ? "，" : ", "
        return [name, CoverageFigures.modeWord(mode, language), direction].joined(separator: separator) + "\n"
            + TextColumns.render(lines, rightAligned: [0, 1, 2])
    }
}
