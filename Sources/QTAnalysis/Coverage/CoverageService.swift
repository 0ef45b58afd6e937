import QTGeometry
import QTModel

/// How travel to a service is measured.
public enum CoverageMode: String, CaseIterable, Sendable, Codable {
    /// Straight-line distance in the district's metric CRS (planar: the scale error of a Gauss–Krüger zone
    /// near its central meridian, under 1e-4 in Qiantang, is far below the figures' own precision).
    case radius
    /// Travel time walking the network's `walk` edges.
    case walk
    /// Travel time driving the network's `drive` edges at their speeds, one-way edges respected.
    case drive
}

/// What a network threshold measures: the length of the walk along the streets (GB 50180-2018 table 3.0.4 defines
/// its circles by walking distance) or the travel time (the plan's minutes, every drive). Radius mode is always
/// a straight-line distance; a drive is always timed.
public enum CoverageMeasure: String, CaseIterable, Sendable, Codable {
    /// Metres walked along the streets, access legs included (time × the uniform walking speed).
    case distance
    /// Seconds of travel.
    case time
}

/// Who travels: the resident to the facility, or the facility's crew to the resident (fire and rescue).
/// On one-way streets the two differ; in radius mode they are the same.
public enum TravelDirection: String, CaseIterable, Sendable, Codable {
    /// The resident goes to the facility (every ordinary service): a pass on the reversed graph.
    case toFacility = "to_facility"
    /// The facility goes to the resident (fire stations): a pass on the graph as it is.
    case fromFacility = "from_facility"
}

/// What a point of supply is: a facility type (optionally only some size classes) or a kind of transit stop.
public struct SupplySelector: Hashable, Sendable {
    /// The facility type (`facilities` layer) or transit kind (`metro_station`, `bus_stop`, `rail_station`).
    public var type: String
    /// When set, only features whose `size_class` is one of these count (sports grounds by size).
    public var sizeClasses: [String]?
    /// When set, only features whose `level` is one of these count (GB 50180's tiers of one type: a 社区卫生服务中心
    /// `centre` or 社区卫生服务站 `station`; a 文化活动中心 or 文化活动站; a 养老院 or 老年养护院).
    public var levels: [String]?
    /// The level of a feature of this type without a `level` property (the standards file's `level_defaults`;
    /// `nil`: such a feature matches no level list).
    public var defaultLevel: String?
    /// When set, only features whose `area_m2` is at least this many m² count (parks by GB 50180 §4.0.4's tiers).
    public var minimumArea: Double?
    /// When set, only parks at least this many metres wide count (GB 50180 table 4.0.4's 最小宽度: 80, 50 and 30 m):
    /// the diameter of the largest circle inside the park's polygon (``ParkEdges/width(of:)``). Read only for the
    /// `parks` layer's polygons; a park given as a point has no width and is selected by its area alone.
    public var minimumWidth: Double?

    /// Creates a selector.
    public init(
        type: String, sizeClasses: [String]? = nil, levels: [String]? = nil, defaultLevel: String? = nil,
        minimumArea: Double? = nil, minimumWidth: Double? = nil
    ) {
        self.type = type
        self.sizeClasses = sizeClasses
        self.levels = levels
        self.defaultLevel = defaultLevel
        self.minimumArea = minimumArea
        self.minimumWidth = minimumWidth
    }

    /// Whether `feature` supplies the service: operating (or planned, with `includePlanned`), and accepted by its
    /// `size_class`, `level` and `area_m2` (``accepts(sizeClass:level:area:)``). Facilities and parks alike.
    public func admits(_ feature: Feature, includePlanned: Bool) -> Bool {
        let status = feature.properties["status"]?.stringValue ?? "operating"
        guard includePlanned || status == "operating" else { return false }
        return accepts(
            sizeClass: feature.properties["size_class"]?.stringValue, level: feature.properties["level"]?.stringValue,
            area: feature.properties["area_m2"]?.doubleValue)
    }

    /// Whether a feature with these `size_class`, `level` and `area_m2` properties supplies the service.
    public func accepts(sizeClass: String?, level: String?, area: Double? = nil) -> Bool {
        if let minimumArea {
            guard let area, area >= minimumArea else { return false }
        }
        if let sizeClasses {
            guard let sizeClass, sizeClasses.contains(sizeClass) else { return false }
        }
        if let levels {
            guard let level = level ?? defaultLevel, levels.contains(level) else { return false }
        }
        return true
    }

    /// The transit kinds that can stand for a facility type.
    public static let transitTypes: Set<String> = ["metro_station", "bus_stop", "rail_station"]

    /// Whether the points come from the transit layer rather than the facilities layer.
    public var isTransit: Bool { Self.transitTypes.contains(type) }
}

/// One service to measure: which facilities, what threshold, how travel is measured. A resolved row of a
/// standards profile, or one built from `--type` and `--minutes`.
public struct CoverageService: Hashable, Sendable {
    /// The row's name (`sports_ground_large`; usually the facility type).
    public var label: String
    /// Which facilities supply the service.
    public var supply: SupplySelector
    /// The threshold in minutes (for urban residents when ``minutesRural`` is set).
    public var minutes: Double
    /// The threshold for rural residents (`urban: false` in the population layer), when the rule has one.
    public var minutesRural: Double?
    /// The straight-line distance used in radius mode, in metres.
    public var distance: Double
    /// The radius-mode distance for rural residents, when ``minutesRural`` is set.
    public var distanceRural: Double?
    /// How travel is measured.
    public var mode: CoverageMode
    /// Who travels.
    public var direction: TravelDirection
    /// The document and clause the rule comes from.
    public var source: String
    /// Why radius mode has no straight-line distance for this service (a drive-time rule such as fire and
    /// rescue without a stated distance), or `nil`. A radius-mode service with a refusal is not measured:
    /// ``Coverage/prepare(_:services:standards:options:)`` throws ``CoverageError/invalidRequest(_:)``.
    public var radiusRefusal: SettingText?
    /// Whether the standard says the facility shall be provided (GB 50180 appendix B's ▲, `true`) or should be
    /// where needed (△, `false`: measured and reported, left out of the combined life-circle rows). A service
    /// built from `--type` alone is `true`.
    public var required: Bool = true
    /// What the threshold measures in walk mode (``CoverageMeasure/distance``: ``distance`` metres along the
    /// streets; ``CoverageMeasure/time``: ``minutes``). Radius mode is a distance and drive mode a time whatever
    /// this says: read ``effectiveMeasure``.
    public var measure: CoverageMeasure = .time
    /// Whether ``mode`` is the rule's own although the request asked for another (a drive-only service, such as
    /// fire and rescue, asked to be walked): results say `drive (profile)`.
    public var modeFromRule = false
    /// Who the service is for (``TargetGroup``): results give the share of that group beside all residents.
    public var targetGroup: TargetGroup = .all
    /// What the facilities' capacity is counted in, when the rule names one (`capacity`): capacity within reach
    /// (``FloatingCatchment``) is measured for it.
    public var capacity: CapacityKind?
    /// The green area per resident the rule asks for, m² (`green_per_resident_m2`: GB 50180 table 4.0.4's
    /// 人均公共绿地面积, 2.0 / 1.0 / 1.0 m² for the 15-, 10- and 5-minute tiers): results give the area of the
    /// service's parks per resident beside it.
    public var greenPerResidentTarget: Double?

    /// Creates a service.
    public init(
        label: String, supply: SupplySelector, minutes: Double, minutesRural: Double? = nil,
        distance: Double, distanceRural: Double? = nil, mode: CoverageMode,
        direction: TravelDirection = .toFacility, source: String = "", radiusRefusal: SettingText? = nil
    ) {
        self.label = label
        self.supply = supply
        self.minutes = minutes
        self.minutesRural = minutesRural
        self.distance = distance
        self.distanceRural = distanceRural
        self.mode = mode
        self.direction = direction
        self.source = source
        self.radiusRefusal = radiusRefusal
    }

    /// What the threshold measures: distance in radius mode, time in drive mode, ``measure`` in walk mode.
    public var effectiveMeasure: CoverageMeasure {
        switch mode {
        case .radius: .distance
        case .drive: .time
        case .walk: measure
        }
    }

    /// The threshold for a resident: seconds for a timed network service, metres for a walked distance and in
    /// radius mode.
    func threshold(urban: Bool) -> Double {
        switch (mode, effectiveMeasure) {
        case (.radius, _), (.walk, .distance): urban ? distance : (distanceRural ?? distance)
        case (.walk, .time), (.drive, _): (urban ? minutes : (minutesRural ?? minutes)) * 60
        }
    }

    /// Seconds of network travel per unit of the threshold: 1 for a time, 1 ÷ the walking speed (m/s) for a
    /// distance walked (walk edges and access legs are walked at one speed, so metres = seconds × speed).
    func secondsPerUnit(walkSpeed: Double) -> Double {
        mode == .walk && measure == .distance ? 1 / walkSpeed : 1
    }

    /// The largest threshold over urban and rural residents (seconds or metres).
    var largestThreshold: Double { max(threshold(urban: true), threshold(urban: false)) }
}
