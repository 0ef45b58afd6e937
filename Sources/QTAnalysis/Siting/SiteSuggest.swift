import QTGeometry
import QTModel
import QTProjection
import QTText

/// What `site-suggest` is asked: a facility type, how many sites (or which share of residents to reach)
/// and where the candidates come from.
public struct SiteSuggestRequest: Hashable, Sendable {
    /// The facility type.
    public var type: String
    /// Choose this many sites (or fewer, when no candidate adds anyone).
    public var count: Int?
    /// Instead of a count: add sites until this share (0–1) of the district's residents is inside a circle.
    public var targetShare: Double?
    /// The candidates; `nil` for a grid on the land-use classes the rules allow for the type.
    public var candidates: [ProposedSite]?
    /// The grid's spacing, metres (`nil`: the rules file's `candidate_grid_m`).
    public var gridMetres: Double?
    /// Improve the greedy picks by swaps (see ``MaximalCovering``).
    public var improve: Bool
    /// The most candidates a run may check (a limit against runaway grids).
    public var maximumCandidates: Int
    /// Maximise the service's target group (``CoverageService/targetGroup``: children of 3–5 for kindergartens,
    /// people aged 60+ for elderly care) rather than all residents, where the population layer gives the group's
    /// age band on every feature (issue 15). `false` (`--all-residents` in the CLI): all residents.
    public var weighByTargetGroup = true

    /// Creates a request; give `count` or `targetShare`.
    public init(
        type: String, count: Int? = nil, targetShare: Double? = nil, candidates: [ProposedSite]? = nil,
        gridMetres: Double? = nil, improve: Bool = true, maximumCandidates: Int = 200_000
    ) {
        self.type = type
        self.count = count
        self.targetShare = targetShare
        self.candidates = candidates
        self.gridMetres = gridMetres
        self.improve = improve
        self.maximumCandidates = maximumCandidates
    }
}

/// One chosen site with what it adds.
public struct SitePick: Hashable, Sendable {
    /// 1, 2, …: the order of the picks (each adds the most to those before it).
    public var rank: Int
    /// The site.
    public var site: ProposedSite
    /// Residents it newly brings inside a circle, given the existing facilities and the picks before it.
    public var gain: Double
    /// That gain by sub-district.
    public var bySubdistrict: [SubdistrictGain]
    /// Residents inside a circle once it and the picks before it are built (existing facilities included).
    public var coveredAfter: Double
    /// ``coveredAfter`` as a share of every resident.
    public var shareAfter: Double
    /// Its site-check warnings (a pick has no failures).
    public var warnings: [SiteRuleResult]
    /// Fire stations: hazardous sites it newly reaches (0 for other types).
    public var hazardsGained = 0
}

/// The chosen sites of `site-suggest` and what the choice was made from.
public struct SiteSuggestResult: Hashable, Sendable {
    /// The facility type.
    public var type: String
    /// The circle measured.
    public var service: CoverageService
    /// The picks, in order.
    public var picks: [SitePick]
    /// Every resident of the district.
    public var population: Double
    /// Residents inside the circle of an existing facility.
    public var existingCovered: Double
    /// Residents inside a circle with the picks built.
    public var covered: Double
    /// Residents the greedy picks covered before swaps (existing coverage included).
    public var greedyCovered: Double
    /// Improving swaps made.
    public var swaps: Int
    /// Candidates considered (given, or grid points on allowed land inside the boundary).
    public var candidates: Int
    /// Candidates that passed site-check (no failed rule).
    public var passing: Int
    /// For each rule that failed some candidate: how many it failed, in the rules file's order.
    public var rejections: [SiteRejection]
    /// Whether the target share was reached (`nil` when a count was asked for).
    public var targetReached: Bool?
    /// Whether the district's residents or facilities are modelled.
    public var modelledData: Bool
    /// Whose coverage the picks maximise and every figure above counts (``population``, ``covered``, the gains):
    /// the service's target group, or `all` residents (asked for, the service's group is everyone, or the
    /// population layer lacks the group's band: ``targetGroupUnknown``).
    public var weightedBy: TargetGroup = .all
    /// Whether the service's target group was wanted but the population layer does not give its band on every
    /// feature (all residents were counted instead).
    public var targetGroupUnknown = false
    /// Fire stations: the hazardous sites of the constraints layer, those an existing station reaches, and those
    /// reached with the picks (`nil` for other types, or with ``SiteSuggestRequest/weighByTargetGroup`` off).
    public var hazardousSites: Int?, hazardousExisting: Int?, hazardousReached: Int?
}

/// How many candidates one rule failed.
public struct SiteRejection: Hashable, Sendable {
    /// The rule's id.
    public var rule: String
    /// Candidates it failed.
    public var candidates: Int
}

/// Suggested sites: the maximal covering location problem on the district's residents, given the existing
/// facilities, over candidates that each pass site-check.
public enum SiteSuggest {
    /// Chooses sites for `request.type`.
    /// - Throws: ``SitingError/invalidRequest(_:)`` for an unknown type, no count or share, a type without a
    ///   circle, too many candidates; ``CoverageError/missingLayer(_:)`` without a population layer (the
    ///   network too, in a network mode); GEOS and PROJ errors.
    public static func suggest(
        _ request: SiteSuggestRequest, in district: District, rules: SitingRules,
        options: SitingOptions
    ) throws -> SiteSuggestResult {
        guard FacilityType(rawValue: request.type) != nil else {
            throw SitingError.invalidRequest(
                "unknown facility type '\(request.type)' (known: \(FacilityType.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        guard (request.count != nil) != (request.targetShare != nil) else { throw SitingError.invalidRequest("give a count or a target share, not both") }
        if let k = request.count, k < 1 { throw SitingError.invalidRequest("the count must be at least 1") }
        if let s = request.targetShare, !(s > 0 && s <= 1) { throw SitingError.invalidRequest("the target share must be above 0 and at most 1") }
        guard let service = options.service(for: request.type) else {
            throw SitingError.invalidRequest("profile \(options.profile.name) has no circle for '\(request.type)'; give \(setting: .minutes)")
        }
        let checker = try SiteChecker(district: district, rules: rules, options: options, types: [request.type])
        if let why = checker.coverage.problem(service) {
            throw CoverageError.missingLayer(why.contains("network") ? "network" : "population")
        }
        guard let inputs = checker.coverage.inputs, let existing = try checker.coverage.existingCoverage(service) else {
            throw CoverageError.missingLayer("population")
        }
        // A fire station's demand: the hazardous sites of the constraints layer beside the residents, each weighing
        // more than all the district's residents together: a pick that brings one more site within the circle wins
        // over any number of residents (the sites first, then the residents).
        let hazardCount = inputs.hazards?.count ?? 0
        let hazardWeighted = request.weighByTargetGroup && request.type == FacilityType.fireStation.rawValue && hazardCount > 0
        let candidates =
            try request.candidates
            ?? grid(
                for: request.type, spacing: request.gridMetres ?? rules.candidateGridMetres,
                rules: rules, layers: checker.layers, limit: request.maximumCandidates)
        guard candidates.count <= request.maximumCandidates else {
            throw SitingError.invalidRequest("\(candidates.count) candidates, over the limit of \(request.maximumCandidates)")
        }
        for c in candidates where c.type != request.type {
            throw SitingError.invalidRequest("candidate \(c.id) is a \(c.type), not a \(request.type)")
        }

        // Site-check every candidate; keep those without a failed rule.
        var passing: [(site: ProposedSite, check: SiteCheckResult, covers: [Int32])] = []
        var rejected: [String: Int] = [:]
        for c in candidates {
            let check = try checker.check(c)
            if check.verdict == .fail {
                for f in check.failures { rejected[f.rule, default: 0] += 1 }
                continue
            }
            let p = try checker.layers.metric(c.location)
            let inside = checker.coverage.covered(by: p, service) ?? []
            // Fire stations: the hazardous sites it would reach, as demand entries after the residents.
            let hazards = hazardWeighted ? checker.coverage.hazardsReached(by: p, service).filter { !existing.hazardousReached[$0] } : []
            passing.append(
                (
                    c, check,
                    inside.filter { !existing.covered[$0] }.map(Int32.init)
                        + hazards.map { Int32(inputs.demand.count + $0) }
                ))
        }

        let demand = inputs.demand
        // Whose coverage counts: the service's target group when every feature gives its band, else all residents.
        let group = service.targetGroup
        let members = demand.indices.map { demand.members(group, at: $0) }
        let byGroup = request.weighByTargetGroup && group != .all && members.allSatisfy { $0 != nil }
        let people = byGroup ? members.map { $0! } : demand.population
        let population = people.reduce(0, +)
        let hazardWeight = population + 1 // more than every resident together
        var weights = demand.indices.map { existing.covered[$0] ? 0 : people[$0] }
        if hazardWeighted { weights += (0..<hazardCount).map { existing.hazardousReached[$0] ? 0 : hazardWeight } }
        let problem = CoveringProblem(weights: weights, sets: passing.map(\.covers))
        let already = demand.indices.reduce(0.0) { $0 + (existing.covered[$1] ? people[$1] : 0) }
        let hazardsAlready = existing.hazardousReached.filter { $0 }.count
        let solution: CoveringSolution
        if let k = request.count {
            solution = MaximalCovering.solve(problem, count: k, improve: request.improve)
        } else {
            // (With hazardous sites: the share of residents, and every site some candidate can reach.)
            let reachable = Set(passing.flatMap { $0.covers.filter { Int($0) >= demand.count } }).count
            solution = MaximalCovering.solve(
                problem,
                targetWeight: request.targetShare! * population - already
                    + Double(reachable) * (hazardWeighted ? hazardWeight : 0))
        }

        var picks: [SitePick] = []
        var running = already
        var hazardsRunning = hazardsAlready
        var isCovered = existing.covered + (hazardWeighted ? existing.hazardousReached : [])
        for (rank, c) in solution.picks.enumerated() {
            var parts = [Double](repeating: 0, count: demand.subdistricts.count)
            var gain = 0.0, hazardsGained = 0
            for d in passing[c].covers where !isCovered[Int(d)] {
                isCovered[Int(d)] = true
                guard Int(d) < demand.count else { hazardsGained += 1; continue }
                gain += people[Int(d)]
                let s = Int(demand.subdistrict[Int(d)])
                if s >= 0 { parts[s] += people[Int(d)] }
            }
            running += gain
            hazardsRunning += hazardsGained
            let bySubdistrict = demand.subdistricts.indices.compactMap { k in
                parts[k] > 0 ? SubdistrictGain(id: demand.subdistricts[k], name: demand.subdistrictNames[k], residents: parts[k]) : nil
            }
            picks.append(
                SitePick(
                    rank: rank + 1, site: passing[c].site, gain: gain, bySubdistrict: bySubdistrict,
                    coveredAfter: running, shareAfter: population > 0 ? running / population : 0,
                    warnings: passing[c].check.warnings, hazardsGained: hazardsGained))
        }
        let order = rules.rules.map(\.id)
        let rejections = order.compactMap { id in rejected[id].map { SiteRejection(rule: id, candidates: $0) } }
        let reached: Bool? = request.targetShare.map { population > 0 && running / population >= $0 - 1e-12 }
        return SiteSuggestResult(
            type: request.type, service: service, picks: picks, population: population,
            existingCovered: already, covered: running,
            greedyCovered: already + (hazardWeighted ? solution.greedyCovered.truncatingRemainder(dividingBy: hazardWeight) : solution.greedyCovered),
            swaps: solution.swaps, candidates: candidates.count, passing: passing.count,
            rejections: rejections, targetReached: reached, modelledData: checker.modelledData,
            weightedBy: byGroup ? group : .all,
            targetGroupUnknown: request.weighByTargetGroup && group != .all && !byGroup,
            hazardousSites: hazardWeighted ? hazardCount : nil, hazardousExisting: hazardWeighted ? hazardsAlready : nil,
            hazardousReached: hazardWeighted ? hazardsRunning : nil)
    }

    /// Grid candidates: points every `spacing` metres (at multiples of the spacing in the metric CRS, so
    /// runs agree), inside the boundary, on a parcel whose class the compatibility rule allows for `type`.
    /// Ids name the grid point: `grid-E533600-N3353400`.
    static func grid(for type: String, spacing: Double, rules: SitingRules, layers: SitingLayers, limit: Int) throws -> [ProposedSite] {
        guard spacing >= 10, spacing.isFinite else { throw SitingError.invalidRequest("the grid spacing must be at least 10 m") }
        let allowed = Set(rules.allowedClasses(for: type))
        guard let box = try layers.context.make(try layers.toMetric.transform(layers.district.boundary)).envelope() else { return [] }
        let columns = Int((box.maxX / spacing).rounded(.down) - (box.minX / spacing).rounded(.up)) + 1
        let rows = Int((box.maxY / spacing).rounded(.down) - (box.minY / spacing).rounded(.up)) + 1
        guard columns > 0, rows > 0 else { return [] }
        guard columns * rows <= 20 * limit else {
            throw SitingError.invalidRequest(
                "a \(NumberText.trimmed(spacing)) m grid has \(columns * rows) points over the district: give a coarser \(setting: .candidateGrid)")
        }
        let x0 = (box.minX / spacing).rounded(.up) * spacing, y0 = (box.minY / spacing).rounded(.up) * spacing
        var points: [Coordinate] = []
        for r in 0..<rows {
            for c in 0..<columns {
                let p = Coordinate(x: x0 + Double(c) * spacing, y: y0 + Double(r) * spacing)
                guard try layers.outsideDistance(p) == 0 else { continue }
                if layers.hasLandUse {
                    guard let parcel = try layers.parcel(at: p), let cls = parcel.landUse, allowed.contains(cls) else { continue }
                }
                points.append(p)
            }
        }
        let toWGS = try Transformer(from: layers.toMetric.target, to: .wgs84)
        let wgs = try toWGS.transform(points)
        return zip(points, wgs).map { p, w in
            ProposedSite(id: "grid-E\(Int(p.x.rounded()))-N\(Int(p.y.rounded()))", type: type, location: w)
        }
    }
}

extension DemandSet {
    /// The indices of the demand points.
    var indices: Range<Int> { 0..<count }
}
