import QTGeometry
import QTModel
import QTProjection

/// The names coverage accepts for `--type`: every facility type and the transit stop kinds.
public enum FacilityKinds {
    /// Facility types (`facilities` layer) and transit stop kinds (`transit` layer).
    public static let known: Set<String> = Set(FacilityType.allCases.map(\.rawValue)).union(SupplySelector.transitTypes)
}

/// Where residents are: one point per population feature in the metric CRS, with its head-count.
///
/// A population feature is a polygon (a piece of a residential parcel, ≤ 250 m across in the bundled data);
/// its residents are placed at GEOS's point on surface (always inside the polygon, unlike a centroid). So a
/// feature is covered or not as a whole: the error this makes is at most the feature's own size.
public struct DemandSet: Sendable {
    /// Feature ids.
    public var ids: [String]
    /// Metric coordinates of each point.
    public var xs: [Double], ys: [Double]
    /// Residents at each point.
    public var population: [Double]
    /// Index into ``subdistricts`` (or -1 when the feature names none).
    public var subdistrict: [Int32]
    /// Whether each point is urban (`urban` property; absent counts as urban).
    public var urban: [Bool]
    /// Sub-district ids in the order of the subdistricts layer (then any only the population names).
    public var subdistricts: [String]
    /// Their names (`name`), or the id when unnamed.
    public var subdistrictNames: [String]
    /// The index in the population layer of each point (for gap polygons).
    public var featureIndex: [Int]
    /// Each age band's share of each point's residents (``TargetGroup/shareKey``), `nil` where the feature does
    /// not give it. A band absent from every feature has no entry.
    public var bandShares: [TargetGroup: [Double?]] = [:]

    /// Creates a demand set from arrays of equal length.
    public init(
        ids: [String], xs: [Double], ys: [Double], population: [Double], subdistrict: [Int32], urban: [Bool],
        subdistricts: [String], subdistrictNames: [String], featureIndex: [Int]
    ) {
        self.ids = ids; self.xs = xs; self.ys = ys; self.population = population; self.subdistrict = subdistrict
        self.urban = urban; self.subdistricts = subdistricts; self.subdistrictNames = subdistrictNames
        self.featureIndex = featureIndex
    }

    /// Number of points.
    public var count: Int { xs.count }

    /// The members of `group` at point `i`: all its residents, or its residents times the band's share; `nil`
    /// when the feature does not give the band.
    public func members(_ group: TargetGroup, at i: Int) -> Double? {
        guard group != .all else { return population[i] }
        guard let share = bandShares[group]?[i] else { return nil }
        return population[i] * share
    }

    /// The residents of a district's population layer.
    /// - Throws: ``CoverageError/missingLayer(_:)`` without a population layer; ``CoverageError/invalidFeature(layer:id:detail:)``
    ///   for a feature without a polygon or a head-count.
    public static func residents(of district: District, context: GeometryContext, toMetric: Transformer) throws -> DemandSet {
        let features = district.features(.population)
        guard !features.isEmpty else { throw CoverageError.missingLayer("population") }
        var subdistricts: [String] = [], names: [String] = [], index: [String: Int32] = [:]
        for f in district.features(.subdistricts) {
            guard let id = f.properties["id"]?.stringValue, index[id] == nil else { continue }
            index[id] = Int32(subdistricts.count)
            subdistricts.append(id)
            names.append(f.properties["name"]?.stringValue ?? id)
        }
        var set = DemandSet(
            ids: [], xs: [], ys: [], population: [], subdistrict: [], urban: [], subdistricts: [],
            subdistrictNames: [], featureIndex: [])
        var points: [Coordinate] = []
        let file = district.layerFile(.population) ?? "population"
        for (i, f) in features.enumerated() {
            // Residents outside the boundary (`outside: true`) are not the district's: only residents inside count.
            if f.properties["outside"]?.boolValue == true { continue }
            let id = f.properties["id"]?.stringValue ?? "#\(i + 1)"
            let feature = "\(i) '\(id)'" // as the loader and validate name features: index, then id
            guard let geometry = f.geometry, geometry.kind == .polygon || geometry.kind == .multiPolygon || geometry.kind == .point else {
                throw CoverageError.invalidFeature(layer: file, id: feature, detail: "expected a polygon or a point")
            }
            // (Hardening: bounded by PopulationCount.maximum, so that no sum overflows when it is printed.)
            if let problem = PopulationCount.problem(f.properties["population"]) {
                throw CoverageError.invalidFeature(layer: file, id: feature, detail: problem)
            }
            guard let people = f.properties["population"]?.doubleValue else {
                throw CoverageError.invalidFeature(layer: file, id: feature, detail: "no 'population' (the residents it holds)")
            }
            let point: Coordinate?
            if case .point(let p) = geometry {
                point = p.coordinate
            } else {
                point = try context.make(geometry).pointOnSurface().value().firstCoordinate
            }
            guard let point else { throw CoverageError.invalidFeature(layer: file, id: feature, detail: "empty geometry") }
            points.append(point)
            set.ids.append(id)
            set.population.append(people)
            set.urban.append(f.properties["urban"]?.boolValue ?? true)
            set.featureIndex.append(i)
            if let problem = PopulationAgeBands.sumProblem(f.properties) {
                throw CoverageError.invalidFeature(layer: file, id: feature, detail: problem)
            }
            for band in TargetGroup.bands {
                let share = band.shareKey.flatMap { f.properties[$0]?.doubleValue }
                if let share, !(share >= 0 && share <= 1) {
                    throw CoverageError.invalidFeature(layer: file, id: feature, detail: "'\(band.shareKey!)' must be a share from 0 to 1, found \(share)")
                }
                if share != nil && set.bandShares[band] == nil {
                    set.bandShares[band] = [Double?](repeating: nil, count: set.ids.count - 1)
                }
                set.bandShares[band]?.append(share)
            }
            if let s = f.properties["subdistrict"]?.stringValue {
                if index[s] == nil {
                    index[s] = Int32(subdistricts.count)
                    subdistricts.append(s)
                    names.append(s)
                }
                set.subdistrict.append(index[s]!)
            } else {
                set.subdistrict.append(-1)
            }
        }
        let metric = try toMetric.transform(points)
        set.xs = metric.map(\.x)
        set.ys = metric.map(\.y)
        set.subdistricts = subdistricts
        set.subdistrictNames = names
        return set
    }
}

/// The facilities (or stops) that supply one service, as metric points.
public struct SupplySet: Sendable {
    /// Feature ids.
    public var ids: [String]
    /// Names (or ids).
    public var names: [String]
    /// Metric coordinates.
    public var xs: [Double], ys: [Double]
    /// Whether each facility lies outside the boundary (`outside: true`, kept within a build's margin): it still
    /// serves residents inside.
    public var outside: [Bool]
    /// The facilities these points stand for: the number of points, except for parks reached at their edge, where
    /// many points of one outline are one park (``ParkEdges``).
    public var facilityCount: Int
    /// Each facility's capacity by property (`places`, `beds`, `physicians`: ``CapacityKind``), `nil` where the
    /// facility does not give it.
    public var capacities: [CapacityKind: [Double?]] = [:]
    /// Parks only (``ParkEdges``): the planar area (m², metric CRS) of the selected parks inside each sub-district
    /// (by the `subdistricts` layer's id), and inside the boundary in all, for the green area per resident;
    /// `nil` for other supplies.
    public var parkArea: (bySubdistrict: [String: Double], total: Double)?
    /// Parks only: the ids of the parks large enough but narrower than ``SupplySelector/minimumWidth``, left out.
    public var narrowParks: [String] = []

    /// Creates a supply set from arrays of equal length (`outside` defaults to none outside).
    public init(ids: [String], names: [String], xs: [Double], ys: [Double], outside: [Bool]? = nil) {
        self.ids = ids; self.names = names; self.xs = xs; self.ys = ys
        self.outside = outside ?? [Bool](repeating: false, count: xs.count)
        facilityCount = xs.count
    }

    /// Number of points.
    public var count: Int { xs.count }

    /// The points of `selector` in the district: facilities of the type (transit stops of the kind), operating
    /// ones only unless `includePlanned`, of the selector's size classes and levels
    /// (``SupplySelector/admits(_:includePlanned:)``); a facility given as a polygon stands at its point on surface.
    /// Parks, when the district has a `parks` layer, are its polygons reached at their edge (``ParkEdges``).
    public static func select(
        _ selector: SupplySelector, in district: District, includePlanned: Bool,
        context: GeometryContext, toMetric: Transformer
    ) throws -> SupplySet {
        if selector.type == FacilityType.park.rawValue, district.layers[.parks] != nil {
            return try ParkEdges.supply(selector, in: district, includePlanned: includePlanned, context: context, toMetric: toMetric)
        }
        let layer: LayerName = selector.isTransit ? .transit : .facilities
        let key = selector.isTransit ? "kind" : "type"
        var set = SupplySet(ids: [], names: [], xs: [], ys: [])
        var points: [Coordinate] = []
        for (i, f) in district.features(layer).enumerated() where f.properties[key]?.stringValue == selector.type {
            guard selector.admits(f, includePlanned: includePlanned) else { continue }
            let id = f.properties["id"]?.stringValue ?? "#\(i + 1)"
            guard let geometry = f.geometry, !geometry.isEmpty else {
                throw CoverageError.invalidFeature(layer: layer.rawValue, id: id, detail: "no geometry")
            }
            let point: Coordinate?
            if case .point(let p) = geometry {
                point = p.coordinate
            } else {
                point = try context.make(geometry).pointOnSurface().value().firstCoordinate
            }
            guard let point else { throw CoverageError.invalidFeature(layer: layer.rawValue, id: id, detail: "empty geometry") }
            points.append(point)
            set.ids.append(id)
            set.names.append(f.properties["name"]?.stringValue ?? id)
            set.outside.append(f.properties["outside"]?.boolValue == true)
            for kind in CapacityKind.allCases {
                let value = f.properties[kind.rawValue]?.doubleValue
                if let value, !(value >= 0 && value.isFinite) {
                    throw CoverageError.invalidFeature(layer: layer.rawValue, id: id, detail: "'\(kind.rawValue)' must be a number ≥ 0, found \(value)")
                }
                set.capacities[kind, default: []].append(value)
            }
        }
        let metric = try toMetric.transform(points)
        set.xs = metric.map(\.x)
        set.ys = metric.map(\.y)
        set.facilityCount = set.xs.count
        return set
    }
}

extension SupplySet {
    /// The hazardous sites (`kind: hazardous_site`) of the constraints layer as metric points (a polygon at its
    /// point on surface); an empty set when the district has no constraints layer.
    public static func hazardousSites(of district: District, context: GeometryContext, toMetric: Transformer) throws -> SupplySet {
        var set = SupplySet(ids: [], names: [], xs: [], ys: [])
        var points: [Coordinate] = []
        for (i, f) in district.features(.constraints).enumerated()
        where f.properties["kind"]?.stringValue == ConstraintKind.hazardousSite.rawValue {
            let id = f.properties["id"]?.stringValue ?? "#\(i + 1)"
            guard let geometry = f.geometry, !geometry.isEmpty else {
                throw CoverageError.invalidFeature(layer: LayerName.constraints.rawValue, id: id, detail: "no geometry")
            }
            let point: Coordinate?
            if case .point(let p) = geometry {
                point = p.coordinate
            } else {
                point = try context.make(geometry).pointOnSurface().value().firstCoordinate
            }
            guard let point else { throw CoverageError.invalidFeature(layer: LayerName.constraints.rawValue, id: id, detail: "empty geometry") }
            points.append(point)
            set.ids.append(id)
            set.names.append(f.properties["name"]?.stringValue ?? id)
            set.outside.append(false)
        }
        let metric = try toMetric.transform(points)
        set.xs = metric.map(\.x)
        set.ys = metric.map(\.y)
        return set
    }
}

extension Geometry {
    /// The first coordinate, if any (the point of a point).
    var firstCoordinate: Coordinate? {
        var first: Coordinate?
        forEachCoordinate { if first == nil { first = $0 } }
        return first
    }
}

/// Why coverage could not be computed.
public enum CoverageError: SettingNamingError, Sendable, Equatable {
    /// A layer the analysis needs is absent (exit 66).
    case missingLayer(String)
    /// A feature lacks what the analysis needs (exit 65): the layer's file (or name), the feature (index and
    /// id, or id) and what is wrong.
    case invalidFeature(layer: String, id: String, detail: String)
    /// A request beyond the stated limits (exit 64).
    case limit(SettingText)
    /// The request itself is inconsistent (exit 64).
    case invalidRequest(SettingText)

    /// The message, with any setting it points to named by `names`.
    public func message(_ names: SettingNames) -> String {
        switch self {
        case .missingLayer(let layer): "\(layer): layer not in the district (coverage needs it)"
        case .invalidFeature(let layer, let id, let detail): "\(layer): feature \(id): \(detail)"
        case .limit(let detail): detail.rendered(names)
        case .invalidRequest(let detail): detail.rendered(names)
        }
    }
}
