import QTModel

/// What a facility's capacity is counted in: the facilities layer's `places` (schools, kindergartens,
/// childcare), `beds` (care homes, hospitals) or `physicians` (health centres).
public enum CapacityKind: String, CaseIterable, Sendable, Codable {
    /// Places (学位, 托位).
    case places
    /// Beds (床位).
    case beds
    /// Licensed physicians (执业医师).
    case physicians
}

/// Capacity within reach, by the two-step floating catchment area method (2SFCA; Luo and Wang 2003): for a
/// service with a capacity, the places (beds, physicians) per 1,000 members of its target group that the
/// residents can reach within the circle, facilities shared among everyone who reaches them.
///
/// Step 1: each facility j's ratio R_j = S_j ÷ Σ P_i over the resident locations i within the circle of j (its
/// target group; a facility nobody reaches has no ratio and serves no one). Step 2: each location's access
/// A_i = Σ R_j over the facilities within its circle. An area's figure is the target-group-weighted mean of A_i,
/// × 1,000: Σ P_i A_i ÷ Σ P_i × 1,000. Summed over the district, Σ P_i A_i is the capacity of every facility that
/// someone reaches (each facility's places are shared out, none counted twice).
public struct CapacityAccess: Hashable, Sendable {
    /// The capacity counted.
    public var kind: CapacityKind
    /// Facilities supplying the service and, of them, those giving the capacity (a facility without it counts 0).
    public var facilities: Int, facilitiesWithCapacity: Int
    /// The capacity of the facilities (Σ S_j) and of those that reach someone of the target group.
    public var capacity: Double, capacityReaching: Double
    /// Capacity per 1,000 of the target group for the district, `nil` when the group is unknown or empty.
    public var perThousand: Double?
    /// The same for each sub-district, in the order of ``DemandSet/subdistricts``.
    public var perThousandBySubdistrict: [Double?]

    /// Creates a result from its parts.
    public init(
        kind: CapacityKind, facilities: Int, facilitiesWithCapacity: Int, capacity: Double, capacityReaching: Double,
        perThousand: Double?, perThousandBySubdistrict: [Double?]
    ) {
        self.kind = kind
        self.facilities = facilities
        self.facilitiesWithCapacity = facilitiesWithCapacity
        self.capacity = capacity
        self.capacityReaching = capacityReaching
        self.perThousand = perThousand
        self.perThousandBySubdistrict = perThousandBySubdistrict
    }
}

/// The 2SFCA computation behind ``CapacityAccess``.
public enum FloatingCatchment {
    /// The capacity of `kind` per 1,000 of `service`'s target group within its circle. Each facility's catchment
    /// is one bounded pass of its own (network modes) or a grid query (radius mode), at each resident location's
    /// own threshold; who is within the catchment is exactly who ``Coverage/measure(_:in:)`` counts as covered by
    /// that facility alone.
    public static func measure(_ service: CoverageService, kind: CapacityKind, in inputs: CoverageInputs) throws -> CapacityAccess {
        let demand = inputs.demand
        let supply = inputs.supplies[service.supply] ?? SupplySet(ids: [], names: [], xs: [], ys: [])
        let capacities = supply.capacities[kind] ?? []
        // The target group at each location (`nil`: unknown there).
        let members = (0..<demand.count).map { demand.members(service.targetGroup, at: $0) }
        var access = [Double](repeating: 0, count: demand.count)
        var capacity = 0.0, reaching = 0.0, withCapacity = 0
        for k in 0..<supply.count {
            let s = k < capacities.count ? capacities[k] ?? 0 : 0
            if k < capacities.count, capacities[k] != nil { withCapacity += 1 }
            capacity += s
            guard s > 0 else { continue }
            let one = SupplySet(ids: [supply.ids[k]], names: [supply.names[k]], xs: [supply.xs[k]], ys: [supply.ys[k]])
            var single = inputs
            single.supplies[service.supply] = one
            let within = try Coverage.measure(service, in: single).covered
            var demandNear = 0.0
            for i in 0..<demand.count where within[i] { demandNear += members[i] ?? 0 }
            guard demandNear > 0 else { continue }
            reaching += s
            let ratio = s / demandNear
            for i in 0..<demand.count where within[i] { access[i] += ratio }
        }
        func perThousand(_ indices: [Int]) -> Double? {
            var group = 0.0, weighted = 0.0
            for i in indices {
                guard let m = members[i] else { return nil }
                group += m
                weighted += m * access[i]
            }
            return group > 0 ? weighted / group * 1000 : nil
        }
        let all = Array(0..<demand.count)
        let parts = demand.subdistricts.indices.map { s in perThousand(all.filter { Int(demand.subdistrict[$0]) == s }) }
        return CapacityAccess(
            kind: kind, facilities: supply.facilityCount, facilitiesWithCapacity: withCapacity, capacity: capacity,
            capacityReaching: reaching, perThousand: perThousand(all), perThousandBySubdistrict: parts)
    }
}
