import QTGeometry
import QTModel

/// The coverage engine, prepared once for siting: residents, the existing facilities of each type's
/// circle and the networks, with the existing coverage of each circle measured by ``Coverage/measure(_:in:)``.
/// It answers, for a candidate site, which residents would be inside its circle, and for a fire station
/// the area it would reach first. Pure Sendable data and caches: one instance per task.
final class SitingCoverage {
    /// The prepared inputs (`nil` when the district has no population layer).
    let inputs: CoverageInputs?
    /// Why coverage rules cannot be measured, when they cannot.
    let unavailable: String?
    /// Why network circles cannot be measured (no network layer), when they cannot.
    let networkUnavailable: String?
    private var existing: [CoverageService: CoverageResult] = [:]
    private var fireFields: [Double: TravelTimeField] = [:]
    private var fastest: [CoverageMode: Double] = [:]
    /// The last sites' circles (site-suggest asks for each candidate's twice: its check, then the problem).
    private var coveredCache: [CoveredKey: [Int]?] = [:]

    private struct CoveredKey: Hashable {
        let x: Double, y: Double
        let service: CoverageService
    }
    private let demandGrid: PointGrid?

    /// The service of the fire-district rule at `minutes`: a drive from the station.
    static func fireDistrictService(minutes: Double) -> CoverageService {
        CoverageService(
            label: "fire_district", supply: SupplySelector(type: FacilityType.fireStation.rawValue),
            minutes: minutes, distance: 0, mode: .drive, direction: .fromFacility)
    }

    /// Prepares `services` (and the drive network when `fireMinutes` is given) on `district`.
    init(district: District, services: [CoverageService], fireMinutes: [Double], options: SitingOptions) throws {
        let standards = LifeCircleStandards(
            defaultProfile: options.profile.name, walkSpeedKmh: options.coverage.walkSpeedKmh,
            driveSpeedKmh: options.driveSpeedKmh, accessDistance: options.coverage.accessDistance,
            profiles: [options.profile], path: "")
        let all = services + fireMinutes.map(Self.fireDistrictService)
        var inputs: CoverageInputs?
        var unavailable: String?, networkUnavailable: String?
        do {
            inputs = try Coverage.prepare(district, services: all, standards: standards, options: options.coverage)
        } catch CoverageError.missingLayer(let layer) where layer == "population" {
            unavailable = "no population layer in the district"
        } catch CoverageError.missingLayer(let layer) where layer == "network" {
            networkUnavailable = "no network layer in the district"
            inputs = try Coverage.prepare(
                district, services: all.filter { $0.mode == .radius }, standards: standards,
                options: options.coverage)
        }
        self.inputs = inputs
        self.unavailable = unavailable
        self.networkUnavailable = networkUnavailable
        demandGrid = inputs.map { PointGrid(xs: $0.demand.xs, ys: $0.demand.ys, cell: 500) }
    }

    /// Why `service` cannot be measured here, or `nil` when it can.
    func problem(_ service: CoverageService) -> String? {
        if let unavailable { return unavailable }
        if service.mode != .radius, let networkUnavailable { return networkUnavailable }
        return nil
    }

    /// The existing coverage of `service` (measured once).
    func existingCoverage(_ service: CoverageService) throws -> CoverageResult? {
        guard let inputs, problem(service) == nil else { return nil }
        if let r = existing[service] { return r }
        let r = try Coverage.measure(service, in: inputs)
        existing[service] = r
        return r
    }

    /// Residents (demand indices) within `radius` metres of a metric point, straight line.
    func residents(within radius: Double, of p: Coordinate) -> [Int] {
        guard let demandGrid else { return [] }
        var out: [Int] = []
        demandGrid.forEach(within: radius, ofX: p.x, y: p.y) { i, _ in
            out.append(i); return true
        }
        return out.sorted()
    }

    /// The demand indices a facility at metric point `p` would have inside `service`'s circle, ascending;
    /// `nil` when the site is farther than the access limit from every street of the mode.
    func covered(by p: Coordinate, _ service: CoverageService) -> [Int]? {
        let key = CoveredKey(x: p.x, y: p.y, service: service)
        if let hit = coveredCache[key] { return hit }
        let found = computeCovered(by: p, service)
        coveredCache[key] = found
        return found
    }

    private func computeCovered(by p: Coordinate, _ service: CoverageService) -> [Int]? {
        guard let inputs, problem(service) == nil else { return [] }
        let demand = inputs.demand
        switch service.mode {
        case .radius:
            return residents(within: service.largestThreshold, of: p).filter {
                let dx = demand.xs[$0] - p.x, dy = demand.ys[$0] - p.y
                return (dx * dx + dy * dy).squareRoot() <= service.threshold(urban: demand.urban[$0])
            }
        case .walk, .drive:
            guard let network = inputs.networks[service.mode] else { return [] }
            let options = inputs.options
            guard let start = network.locate(x: p.x, y: p.y, maximumAccess: options.maximumAccess) else { return nil }
            let unit = service.secondsPerUnit(walkSpeed: options.walkSpeed) // seconds per metre for a distance walked
            let limit = service.largestThreshold * unit
            let times = NetworkTimes(
                graph: network.graph, sources: [start], direction: service.direction,
                walkSpeed: options.walkSpeed, limit: limit)
            // Nobody farther than the limit at the network's fastest speed (access legs walked) can be reached:
            // only those residents are timed.
            let speed = fastest[service.mode] ?? max(network.graph.fastestSpeed, options.walkSpeed)
            fastest[service.mode] = speed
            let bound = limit * speed + 1
            return residents(within: bound, of: p).filter { i in
                guard let q = network.residents[i] else { return false }
                let seconds = times.seconds(edge: Int(q.edge), offset: q.offset) + q.access / options.walkSpeed
                return seconds <= service.threshold(urban: demand.urban[i]) * unit
            }
        }
    }

    /// The hazardous sites (``CoverageInputs/hazards`` indices) a facility at metric point `p` would reach within
    /// `service`'s (urban) threshold, as ``Coverage/measure(_:in:)`` counts them: by road from the site (the
    /// sites' access legs walked) or by straight line in radius mode. Empty without hazardous sites.
    func hazardsReached(by p: Coordinate, _ service: CoverageService) -> [Int] {
        guard let inputs, let hazards = inputs.hazards, hazards.count > 0, problem(service) == nil else { return [] }
        let threshold = service.threshold(urban: true)
        switch service.mode {
        case .radius:
            return (0..<hazards.count).filter {
                let dx = hazards.xs[$0] - p.x, dy = hazards.ys[$0] - p.y
                return (dx * dx + dy * dy).squareRoot() <= threshold
            }
        case .walk, .drive:
            guard let network = inputs.networks[service.mode] else { return [] }
            let options = inputs.options
            guard let start = network.locate(x: p.x, y: p.y, maximumAccess: options.maximumAccess) else { return [] }
            let unit = service.secondsPerUnit(walkSpeed: options.walkSpeed)
            let times = NetworkTimes(
                graph: network.graph, sources: [start], direction: service.direction,
                walkSpeed: options.walkSpeed, limit: threshold * unit)
            return (0..<hazards.count).filter { h in
                guard let q = network.locate(x: hazards.xs[h], y: hazards.ys[h], maximumAccess: options.maximumAccess) else { return false }
                return times.seconds(edge: Int(q.edge), offset: q.offset) + q.access / options.walkSpeed <= threshold * unit
            }
        }
    }

    /// The area a fire station at metric point `p` reaches by road within `minutes` (the access leg
    /// walked, streets buffered by the access distance, as in ``ServiceAreas``), and the part of it no
    /// existing station reaches sooner: its first-due district. km²; `nil` when the site is off the network.
    ///
    /// Both come from travel-time grids (``TravelTimeField``) of the new station and of the existing ones;
    /// a cell belongs to the new station's district when it reaches it within the minutes and strictly
    /// sooner than every existing station. The area of a set of grid cells is their count times the cell's
    /// area: it is what GEOS measures on the polygons ``RasterPolygons`` makes of them (a test checks this).
    func fireDistrict(at p: Coordinate, minutes: Double) -> (firstDueKm2: Double, reachKm2: Double)? {
        guard let inputs, let network = inputs.networks[.drive] else { return nil }
        let options = inputs.options
        guard let start = network.locate(x: p.x, y: p.y, maximumAccess: options.maximumAccess) else { return nil }
        let limit = minutes * 60
        let times = NetworkTimes(
            graph: network.graph, sources: [start], direction: .fromFacility,
            walkSpeed: options.walkSpeed, limit: limit)
        let field = TravelTimeField(times: times, access: options.accessDistance, cell: options.cellSize, limit: limit)
        let existing = existingFireField(minutes: minutes, network: network, inputs: inputs)
        var reach = 0, firstDue = 0
        for r in 0..<field.rows {
            let y = field.originY + (Double(r) + 0.5) * field.cell
            for c in 0..<field.columns {
                let t = field.values[r * field.columns + c]
                guard t <= Float(limit) else { continue }
                reach += 1
                let x = field.originX + (Double(c) + 0.5) * field.cell
                if t < existing.value(atX: x, y: y) { firstDue += 1 }
            }
        }
        let cellKm2 = field.cell * field.cell / 1e6
        return (Double(firstDue) * cellKm2, Double(reach) * cellKm2)
    }

    private func existingFireField(minutes: Double, network: PreparedNetwork, inputs: CoverageInputs) -> TravelTimeField {
        if let f = fireFields[minutes] { return f }
        let service = Self.fireDistrictService(minutes: minutes)
        let supply = inputs.supplies[service.supply] ?? SupplySet(ids: [], names: [], xs: [], ys: [])
        let (times, _) = Coverage.pass(service, supply: supply, network: network, options: inputs.options)
        let f = TravelTimeField(times: times, access: inputs.options.accessDistance, cell: inputs.options.cellSize, limit: minutes * 60)
        fireFields[minutes] = f
        return f
    }
}

extension TravelTimeField {
    /// The value of the cell containing metric point (`x`, `y`); `.infinity` outside the grid.
    func value(atX x: Double, y: Double) -> Float {
        guard !values.isEmpty else { return .infinity }
        let c = Int(((x - originX) / cell).rounded(.down)), r = Int(((y - originY) / cell).rounded(.down))
        guard c >= 0, c < columns, r >= 0, r < rows else { return .infinity }
        return values[r * columns + c]
    }
}

extension StreetGraph {
    /// The fastest speed over any edge in either direction allowed, metres per second.
    var fastestSpeed: Double {
        var best = 0.0
        for e in 0..<edgeCount {
            if forward[e].isFinite, forward[e] > 0 { best = max(best, length[e] / forward[e]) }
            if backward[e].isFinite, backward[e] > 0 { best = max(best, length[e] / backward[e]) }
        }
        return best
    }
}

@available(*, unavailable)
extension SitingCoverage: Sendable {}
