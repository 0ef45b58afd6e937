import QTGeometry

/// Residents and how many of them a service reaches, for one sub-district or the whole district.
public struct CoverageCount: Hashable, Sendable {
    /// Sub-district id (empty for the district total).
    public var id: String
    /// Sub-district name.
    public var name: String
    /// Residents.
    public var population: Double
    /// Residents within the threshold.
    public var covered: Double

    /// Creates a count.
    public init(
        id: String, name: String, population: Double, covered: Double, targetPopulation: Double? = nil,
        targetCovered: Double? = nil
    ) {
        self.id = id
        self.name = name
        self.population = population
        self.covered = covered
        self.targetPopulation = targetPopulation
        self.targetCovered = targetCovered
    }

    /// Members of the service's target group (``CoverageService/targetGroup``; all residents for `all`), `nil`
    /// when a feature of the area does not give the group's age band (the target group is unknown there).
    public var targetPopulation: Double?
    /// Members of the target group within the threshold (`nil` like ``targetPopulation``).
    public var targetCovered: Double?

    /// covered ÷ population (0 when nobody lives there).
    public var share: Double { population > 0 ? covered / population : 0 }

    /// targetCovered ÷ targetPopulation (0 when the group is empty), `nil` when the group is unknown.
    public var targetShare: Double? {
        guard let p = targetPopulation, let c = targetCovered else { return nil }
        return p > 0 ? c / p : 0
    }

    /// Adds `people` residents, `members` of them in the target group (`nil`: unknown), covered or not.
    mutating func add(_ people: Double, members: Double?, covered isCovered: Bool) {
        population += people
        if isCovered { covered += people }
        if let members, let p = targetPopulation {
            targetPopulation = p + members
            if isCovered { targetCovered = (targetCovered ?? 0) + members }
        } else {
            targetPopulation = nil
            targetCovered = nil
        }
    }
}

/// The coverage of one service at one threshold: residents, not area.
public struct CoverageResult: Sendable {
    /// What was measured.
    public var service: CoverageService
    /// Supplying facilities found (operating, unless planned ones were asked for).
    public var facilities: Int
    /// Facilities too far from any street of the mode to join the network (network modes; ignored).
    public var facilitiesOffNetwork: Int
    /// Residents whose location is too far from any street of the mode to join it (counted as not covered).
    public var residentsOffNetwork: Double
    /// The district total.
    public var total: CoverageCount
    /// One count per sub-district, in the subdistricts layer's order (residents naming no sub-district are
    /// in the total only).
    public var bySubdistrict: [CoverageCount]
    /// For each resident location of the ``DemandSet``: seconds (network modes) or metres (radius mode) to
    /// the nearest facility, `.infinity` when none is within ``reachHorizon``.
    public var reach: [Double]
    /// Whether each resident location is covered.
    public var covered: [Bool]
    /// How far the search went (seconds or metres): the threshold, or further with
    /// ``CoverageOptions/reachHorizonFactor``. A reach of `.infinity` means "farther than this".
    public var reachHorizon: Double = .infinity
    /// Supplying facilities outside the boundary (`outside: true`, within a build's margin).
    public var facilitiesOutside = 0
    /// Hazardous sites of the constraints layer (a fire station's demand beside the residents; `nil` for other
    /// services or a district without a constraints layer).
    public var hazardousSites: Int?
    /// Of those, the sites a station reaches within the (urban) threshold.
    public var hazardousSitesReached: Int?
    /// Whether each hazardous site (``CoverageInputs/hazards`` order) is reached.
    public var hazardousReached: [Bool] = []
    /// Of those, the facilities that serve residents inside: the nearest facility (ties included) of at least
    /// one covered resident.
    public var facilitiesOutsideServing = 0
    /// Parks with a rule of green area per resident (``CoverageService/greenPerResidentTarget``): the selected
    /// parks' area per resident, in the district and each sub-district; `nil` otherwise.
    public var greenPerResident: GreenPerResident?
    /// Parks: the ids of parks large enough for the service but narrower than its minimum width, left out.
    public var narrowParks: [String] = []
}

/// One band of an isochrone: the area reachable within `minutes` and the residents inside it.
public struct IsochroneBand: Sendable {
    /// Minutes.
    public var minutes: Double
    /// The area (WGS84), a polygon or multi-polygon; empty when nothing is reachable.
    public var area: Geometry
    /// Its planar area in the metric CRS, m².
    public var areaSquareMetres: Double
    /// Residents whose travel time is within `minutes`.
    public var residents: Double
    /// The travel-time grid's cell size, metres: the one asked for, or larger when the reachable area would
    /// need more than 16 million cells (``TravelTimeField``); callers say so when it is larger.
    public var cellMetres: Double
}

/// The area of a park tier's parks per resident (GB 50180 table 4.0.4's 人均公共绿地面积), against the table's figure.
public struct GreenPerResident: Sendable, Hashable {
    /// The figure the rule asks for, m² per resident.
    public var targetSquareMetres: Double
    /// The parks' area inside the district (its sub-districts), m² (planar, metric CRS).
    public var areaSquareMetres: Double
    /// m² per resident in the district; `nil` without residents.
    public var total: Double?
    /// The parks' area inside each sub-district, in the order of ``CoverageResult/bySubdistrict``, m².
    public var areaBySubdistrict: [Double]
    /// m² per resident in each sub-district, in the order of ``CoverageResult/bySubdistrict``; `nil` without residents.
    public var bySubdistrict: [Double?]

    /// The area per resident of `area` m² among `residents`, `nil` without residents.
    public static func perResident(_ area: Double, _ residents: Double) -> Double? { residents > 0 ? area / residents : nil }
}
