import Foundation
import QTGeometry
import QTModel
import QTProjection
import QTText

/// Settings of a coverage run that are not part of a service's rule.
public struct CoverageOptions: Hashable, Sendable {
    /// Count planned and under-construction facilities too (a reviewer's "as planned" view).
    public var includePlanned: Bool
    /// Walking speed for walk mode and for every access leg, km/h.
    public var walkSpeedKmh: Double
    /// Off-street distance service areas reach beyond the reachable streets, metres.
    public var accessDistance: Double
    /// Cell size of the travel-time grid behind network service areas, metres.
    public var cellSize: Double
    /// A resident location or facility farther than this from every street of the mode does not join the
    /// network (its residents count as not covered), metres.
    public var maximumAccess: Double
    /// The longest threshold a request may ask for, minutes (a limit against runaway requests).
    public var maximumMinutes: Double
    /// How far beyond its threshold each search goes, as a multiple of the threshold (1: it stops at the
    /// threshold, enough for the shares). With 2, ``CoverageResult/reach`` is also known for residents up to
    /// twice the threshold away (what gaps report as the time to the nearest facility); network searches never
    /// go beyond ``maximumMinutes``.
    public var reachHorizonFactor: Double = 1

    /// Creates options; the defaults are those of the bundled standards file.
    public init(
        includePlanned: Bool = false, walkSpeedKmh: Double = 4.5, accessDistance: Double = 100,
        cellSize: Double = 25, maximumAccess: Double = 1000, maximumMinutes: Double = 120
    ) {
        self.includePlanned = includePlanned
        self.walkSpeedKmh = walkSpeedKmh
        self.accessDistance = accessDistance
        self.cellSize = cellSize
        self.maximumAccess = maximumAccess
        self.maximumMinutes = maximumMinutes
    }

    /// Walking speed in metres per second.
    var walkSpeed: Double { walkSpeedKmh / 3.6 }
}

/// One mode's network, ready for passes: the graph, its edge index and where each resident joins it.
public struct PreparedNetwork: Sendable {
    /// The graph.
    public let graph: StreetGraph
    let locator: EdgeLocator
    /// Where each resident location of the demand set joins the network (`nil`: too far from any street).
    public let residents: [EdgePosition?]

    /// Joins `demand` to `graph`.
    public init(graph: StreetGraph, demand: DemandSet, maximumAccess: Double) {
        self.graph = graph
        let locator = EdgeLocator(graph: graph)
        self.locator = locator
        residents = demand.xs.indices.map { locator.locate(x: demand.xs[$0], y: demand.ys[$0], maxDistance: maximumAccess) }
    }

    /// Where a metric point joins the network, if within `maximumAccess`.
    public func locate(x: Double, y: Double, maximumAccess: Double) -> EdgePosition? {
        locator.locate(x: x, y: y, maxDistance: maximumAccess)
    }
}

/// Everything coverage needs, prepared once: residents, the facilities of each requested service and the
/// networks of the requested modes, all in the district's metric CRS. A Sendable value: passes on it can
/// run in parallel tasks.
public struct CoverageInputs: Sendable {
    /// Residents.
    public var demand: DemandSet
    /// Supply points by selector.
    public var supplies: [SupplySelector: SupplySet]
    /// Networks by mode (walk, drive).
    public var networks: [CoverageMode: PreparedNetwork]
    /// The metric CRS (for turning areas back into WGS84).
    public var metricCRS: CRS
    /// Options used.
    public var options: CoverageOptions
    /// The hazardous sites of the constraints layer (`kind: hazardous_site`), as points: part of a fire station's
    /// demand beside the residents. Read when a fire-station service is prepared (`nil` otherwise).
    public var hazards: SupplySet?

    /// Creates inputs from parts (tests and benchmarks build them directly).
    public init(
        demand: DemandSet, supplies: [SupplySelector: SupplySet], networks: [CoverageMode: PreparedNetwork],
        metricCRS: CRS, options: CoverageOptions
    ) {
        self.demand = demand
        self.supplies = supplies
        self.networks = networks
        self.metricCRS = metricCRS
        self.options = options
    }
}

/// The coverage engine: which share of residents reach a service within its threshold, by straight line or
/// over the street network, and the service areas and gaps behind the figures.
public enum Coverage {
    /// Reads a district's residents, the facilities of `services` and the networks their modes need.
    /// - Throws: ``CoverageError`` for a missing layer or a feature coverage cannot use, a radius-mode service
    ///   with a ``CoverageService/radiusRefusal`` and a threshold over the limit (both before any work); PROJ
    ///   and GEOS errors.
    public static func prepare(
        _ district: District, services: [CoverageService], standards: LifeCircleStandards,
        options: CoverageOptions
    ) throws -> CoverageInputs {
        for s in services where s.mode == .radius {
            if let refusal = s.radiusRefusal { throw CoverageError.invalidRequest(refusal) }
        }
        for s in services where s.mode != .radius && s.largestThreshold * s.secondsPerUnit(walkSpeed: options.walkSpeed) > options.maximumMinutes * 60 {
            let seconds = s.largestThreshold * s.secondsPerUnit(walkSpeed: options.walkSpeed)
            throw CoverageError.limit(
                "\(s.label): \(NumberText.trimmed(seconds / 60)) minutes is over the limit of "
                    + "\(NumberText.trimmed(options.maximumMinutes)) minutes (\(setting: .maximumMinutes))")
        }
        let context = try GeometryContext()
        let metricCRS = try CRS(parsing: district.manifest.metricCRS)
        let toMetric = try Transformer(from: .wgs84, to: metricCRS)
        let demand = try DemandSet.residents(of: district, context: context, toMetric: toMetric)
        var supplies: [SupplySelector: SupplySet] = [:]
        for s in services where supplies[s.supply] == nil {
            supplies[s.supply] = try SupplySet.select(
                s.supply, in: district, includePlanned: options.includePlanned,
                context: context, toMetric: toMetric)
        }
        var networks: [CoverageMode: PreparedNetwork] = [:]
        for mode in Set(services.map(\.mode)) where mode != .radius {
            let graph = try StreetGraph.network(
                of: district, mode: mode, walkSpeedKmh: options.walkSpeedKmh,
                driveSpeedKmh: standards.driveSpeedKmh, toMetric: toMetric)
            networks[mode] = PreparedNetwork(graph: graph, demand: demand, maximumAccess: options.maximumAccess)
        }
        var inputs = CoverageInputs(demand: demand, supplies: supplies, networks: networks, metricCRS: metricCRS, options: options)
        if services.contains(where: { $0.supply.type == FacilityType.fireStation.rawValue }) {
            inputs.hazards = try SupplySet.hazardousSites(of: district, context: context, toMetric: toMetric)
        }
        return inputs
    }

    /// The coverage of one service. Pure computation on Sendable values (no C handles): safe to run for
    /// several services in parallel.
    public static func measure(_ service: CoverageService, in inputs: CoverageInputs) throws -> CoverageResult {
        let demand = inputs.demand
        let supply = inputs.supplies[service.supply] ?? SupplySet(ids: [], names: [], xs: [], ys: [])
        var reach = [Double](repeating: .infinity, count: demand.count)
        var offNetwork = [Bool](repeating: false, count: demand.count)
        var facilitiesOff = 0
        let horizon = Self.horizon(service, options: inputs.options)
        // A fire station's hazardous sites: reached within the (urban) threshold or not.
        let hazards = service.supply.type == FacilityType.fireStation.rawValue ? inputs.hazards : nil
        var hazardReached = [Bool](repeating: false, count: hazards?.count ?? 0)
        switch service.mode {
        case .radius:
            let radius = service.largestThreshold
            let grid = PointGrid(xs: supply.xs, ys: supply.ys, cell: max(radius, 1))
            for i in 0..<demand.count {
                if let hit = grid.nearest(within: horizon, ofX: demand.xs[i], y: demand.ys[i]) { reach[i] = hit.distance }
            }
            if let hazards {
                for h in 0..<hazards.count {
                    hazardReached[h] = grid.nearest(within: service.threshold(urban: true), ofX: hazards.xs[h], y: hazards.ys[h]) != nil
                }
            }
        case .walk, .drive:
            guard let network = inputs.networks[service.mode] else {
                throw CoverageError.invalidRequest("\(service.label): the \(service.mode.rawValue) network was not prepared")
            }
            // Seconds per unit of the threshold: reach is kept in the threshold's unit (metres for a distance walked).
            let unit = service.secondsPerUnit(walkSpeed: inputs.options.walkSpeed)
            let (times, off) = pass(service, supply: supply, network: network, options: inputs.options, limit: horizon * unit)
            facilitiesOff = off
            let walk = inputs.options.walkSpeed
            for i in 0..<demand.count {
                guard let p = network.residents[i] else { offNetwork[i] = true; continue }
                let t = (times.seconds(edge: Int(p.edge), offset: p.offset) + p.access / walk) / unit
                if t <= horizon { reach[i] = t } // (the resident's own access leg can take it past the horizon)
            }
            if let hazards {
                for h in 0..<hazards.count {
                    guard let p = network.locate(x: hazards.xs[h], y: hazards.ys[h], maximumAccess: inputs.options.maximumAccess) else { continue }
                    let t = (times.seconds(edge: Int(p.edge), offset: p.offset) + p.access / walk) / unit
                    hazardReached[h] = t <= service.threshold(urban: true)
                }
            }
        }
        var covered = [Bool](repeating: false, count: demand.count)
        let group = service.targetGroup
        var total = CoverageCount(id: "", name: "", population: 0, covered: 0, targetPopulation: 0, targetCovered: 0)
        var parts = demand.subdistricts.indices.map {
            CoverageCount(
                id: demand.subdistricts[$0], name: demand.subdistrictNames[$0], population: 0, covered: 0,
                targetPopulation: 0, targetCovered: 0)
        }
        var residentsOff = 0.0
        for i in 0..<demand.count {
            let people = demand.population[i]
            covered[i] = reach[i] <= service.threshold(urban: demand.urban[i])
            let members = demand.members(group, at: i)
            total.add(people, members: members, covered: covered[i])
            if offNetwork[i] { residentsOff += people }
            let s = Int(demand.subdistrict[i])
            if s >= 0 { parts[s].add(people, members: members, covered: covered[i]) }
        }
        var result = CoverageResult(
            service: service, facilities: supply.facilityCount, facilitiesOffNetwork: facilitiesOff,
            residentsOffNetwork: residentsOff, total: total, bySubdistrict: parts, reach: reach,
            covered: covered, reachHorizon: horizon)
        if let hazards {
            result.hazardousSites = hazards.count
            result.hazardousSitesReached = hazardReached.filter { $0 }.count
            result.hazardousReached = hazardReached
        }
        result.narrowParks = supply.narrowParks
        if let target = service.greenPerResidentTarget, let area = supply.parkArea {
            let areas = parts.map { area.bySubdistrict[$0.id] ?? 0 }
            result.greenPerResident = GreenPerResident(
                targetSquareMetres: target, areaSquareMetres: area.total, total: GreenPerResident.perResident(area.total, total.population),
                areaBySubdistrict: areas, bySubdistrict: zip(areas, parts).map { GreenPerResident.perResident($0, $1.population) })
        }
        // (Counted by id: the points of one park's outline are one facility.)
        result.facilitiesOutside = Set(supply.ids.indices.filter { supply.outside[$0] }.map { supply.ids[$0] }).count
        if result.facilitiesOutside > 0 {
            result.facilitiesOutsideServing = outsideServing(service, supply: supply, inputs: inputs, result: result)
        }
        return result
    }

    /// How many facilities outside the boundary serve residents inside: for each, whether some covered resident
    /// reaches it as fast as its nearest facility (one bounded pass per outside facility; districts without
    /// outside facilities never get here).
    static func outsideServing(_ service: CoverageService, supply: SupplySet, inputs: CoverageInputs, result: CoverageResult) -> Int {
        let demand = inputs.demand
        let tolerance = 1e-6
        var serving: Set<String> = [] // ids: the points of one park's outline are one facility
        switch service.mode {
        case .radius:
            let grid = PointGrid(xs: demand.xs, ys: demand.ys, cell: max(service.largestThreshold, 1))
            for k in 0..<supply.count where supply.outside[k] && !serving.contains(supply.ids[k]) {
                var serves = false
                grid.forEach(within: service.largestThreshold, ofX: supply.xs[k], y: supply.ys[k]) { i, d in
                    if result.covered[i] && d <= result.reach[i] + tolerance { serves = true; return false }
                    return true
                }
                if serves { serving.insert(supply.ids[k]) }
            }
        case .walk, .drive:
            guard let network = inputs.networks[service.mode] else { return 0 }
            let walk = inputs.options.walkSpeed
            let unit = service.secondsPerUnit(walkSpeed: walk)
            for k in 0..<supply.count where supply.outside[k] && !serving.contains(supply.ids[k]) {
                let one = SupplySet(ids: [supply.ids[k]], names: [supply.names[k]], xs: [supply.xs[k]], ys: [supply.ys[k]])
                let (times, _) = pass(service, supply: one, network: network, options: inputs.options, limit: service.largestThreshold * unit)
                for i in 0..<demand.count where result.covered[i] {
                    guard let p = network.residents[i] else { continue }
                    let t = (times.seconds(edge: Int(p.edge), offset: p.offset) + p.access / walk) / unit
                    if t <= result.reach[i] + tolerance { serving.insert(supply.ids[k]); break }
                }
            }
        }
        return serving.count
    }

    /// How far the search of `service` goes: its largest threshold × ``CoverageOptions/reachHorizonFactor``
    /// (seconds or metres, the threshold's unit), network searches capped at ``CoverageOptions/maximumMinutes``
    /// of travel but never below the threshold.
    static func horizon(_ service: CoverageService, options: CoverageOptions) -> Double {
        let threshold = service.largestThreshold
        let wanted = threshold * max(1, options.reachHorizonFactor)
        guard service.mode != .radius else { return wanted }
        return max(threshold, min(wanted, options.maximumMinutes * 60 / service.secondsPerUnit(walkSpeed: options.walkSpeed)))
    }

    /// Several services, in parallel tasks (at most one per core), results in the order given.
    public static func measure(_ services: [CoverageService], in inputs: CoverageInputs) async throws -> [CoverageResult] {
        try await parallelMap(services) { try measure($0, in: inputs) }
    }

    /// Runs `body` on each element in child tasks, at most one per active core, keeping the input order.
    /// `body` must make its own C handles (GEOS context, PROJ transformer): they are never shared across tasks.
    public static func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ body: @escaping @Sendable (T) throws -> R) async throws -> [R] {
        let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
        return try await withThrowingTaskGroup(of: (Int, R).self) { group in
            var results = [R?](repeating: nil, count: items.count)
            var next = 0
            while next < min(width, items.count) {
                let i = next
                group.addTask { (i, try body(items[i])) }
                next += 1
            }
            while let (i, r) = try await group.next() {
                results[i] = r
                if next < items.count {
                    let j = next
                    group.addTask { (j, try body(items[j])) }
                    next += 1
                }
            }
            return results.map { $0! }
        }
    }

    /// The network pass of a service: its facilities joined to the network and one multi-source Dijkstra,
    /// limited to the service's largest threshold. Returns the times and the number of facilities that
    /// could not join the network.
    static func pass(
        _ service: CoverageService, supply: SupplySet, network: PreparedNetwork,
        options: CoverageOptions, limit: Double? = nil
    ) -> (NetworkTimes, Int) {
        var sources: [EdgePosition] = []
        var off = 0
        for k in 0..<supply.count {
            if let p = network.locate(x: supply.xs[k], y: supply.ys[k], maximumAccess: options.maximumAccess) {
                sources.append(p)
            } else {
                off += 1
            }
        }
        let times = NetworkTimes(
            graph: network.graph, sources: sources, direction: service.direction,
            walkSpeed: options.walkSpeed, limit: limit ?? service.largestThreshold)
        return (times, off)
    }
}
