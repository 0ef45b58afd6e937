import Foundation
import QTAnalysis
import QTGeometry
import QTModel

/// What `compare` is asked: the coverage request every plan is measured with, and the plans.
public struct CompareRequest: Sendable {
    /// The services, profile and engine settings (as `coverage` takes them).
    public var coverage: CoverageRequest
    /// The plans, each applied to the district on its own.
    public var plans: [ScenarioPlan]
    /// Measure every service again for every plan, not only those a plan touches (for benchmarks and checks).
    public var recomputeAll: Bool
    /// How plans are applied.
    public var scenarioOptions: ScenarioOptions

    /// A request.
    /// - Throws: ``QTModel/ScenarioError/conflictingPlans(_:)`` for two plans of the same name.
    public init(
        coverage: CoverageRequest, plans: [ScenarioPlan], recomputeAll: Bool = false,
        scenarioOptions: ScenarioOptions = ScenarioOptions()
    ) throws {
        var names: [String: String] = [:]
        for plan in plans {
            if let other = names[plan.name] {
                throw ScenarioError.conflictingPlans("\(plan.path): plan '\(plan.name)' has the name of \(other); name them apart (the plan's name)")
            }
            names[plan.name] = plan.path
        }
        self.coverage = coverage
        self.plans = plans
        self.recomputeAll = recomputeAll
        self.scenarioOptions = scenarioOptions
    }
}

/// How one service's coverage changes under a plan, for the district and each sub-district.
public struct ServiceChange: Sendable {
    /// The service's label.
    public var label: String
    /// Residents covered under the plan who were not before (including the residents a plan adds, when covered).
    public var newlyCovered: Double
    /// Residents covered before who are not under the plan (residents the plan removes are not counted).
    public var newlyLost: Double
    /// The same per sub-district, in the baseline's sub-district order.
    public var bySubdistrict: [(newlyCovered: Double, newlyLost: Double)]
}

/// One plan measured against the baseline.
public struct PlanComparison: Sendable {
    /// The plan.
    public var plan: ScenarioPlan
    /// What applying it assumed.
    public var notes: [String]
    /// The coverage under the plan, one result per service in the baseline's order.
    public var results: [CoverageResult]
    /// The services measured again (the others are unchanged by the plan and taken from the baseline).
    public var recomputed: [String]
    /// The change of each service.
    public var changes: [ServiceChange]
    /// The indicators under the plan.
    public var indicators: IndicatorReport?
    /// The siting rules' verdicts of the facilities the plan adds.
    public var siteChecks: SiteCheckReport?
    /// Σ `cost` of what the plan adds or changes, and by facility type.
    public var cost: Double?
    /// Σ `cost` by facility type.
    public var costByType: [String: Double]
    /// The residents each population feature had covered, by demand id, for maps: services covering it before and under the plan.
    public var coverageCounts: [String: (before: Int, after: Int)]
    /// The population features' geometries under the plan, by id (for maps of who gains and who loses).
    public var populationGeometries: [String: Geometry]
    /// Whether any covered count, in the district or a sub-district, is at least one resident lower.
    public var isWorse: Bool
}

/// The baseline and every plan side by side.
public struct CompareOutcome: Sendable {
    /// The baseline's coverage.
    public var baseline: CoverageOutcome
    /// The baseline's indicators.
    public var baselineIndicators: IndicatorReport?
    /// Each plan against it.
    public var plans: [PlanComparison]
}

/// `compare` (方案比选): the district as it is and with each plan applied, side by side: coverage per service and
/// sub-district with the change in percentage points, residents newly covered and newly lost, the indicators
/// each plan meets, the siting verdicts of every added site, and residents newly covered per unit of cost.
/// Only the services a plan touches are measured again.
public enum CompareJob {
    /// What the comparison needs besides the district: the standards, targets and siting rules.
    public struct Inputs: Sendable {
        /// The life-circle standards.
        public var standards: LifeCircleStandards
        /// The targets (for the indicators each plan meets); `nil` leaves indicators out.
        public var targets: IndicatorTargets?
        /// The siting rules (for the verdicts of added sites); `nil` leaves them out.
        public var rules: SitingRules?

        /// Inputs.
        public init(standards: LifeCircleStandards, targets: IndicatorTargets?, rules: SitingRules?) {
            self.standards = standards
            self.targets = targets
            self.rules = rules
        }
    }

    /// The baseline a plan is compared with: the coverage job, its inputs and results, its indicators.
    public struct Baseline: Sendable {
        /// The coverage job (services, profile, options).
        public var job: CoverageJob
        /// The district as it is.
        public var district: District
        /// The coverage inputs of the district as it is.
        public var inputs: CoverageInputs
        /// One result per service of the job.
        public var results: [CoverageResult]
        /// The indicators of the district as it is, when targets are given.
        public var indicators: IndicatorReport?
    }

    /// Compares the plans of `request` on `district`.
    public static func run(_ request: CompareRequest, on district: District, inputs: Inputs) async throws -> CompareOutcome {
        let job = try CoverageJob(request.coverage, standards: inputs.standards)
        let coverageInputs = try Coverage.prepare(district, services: job.services, standards: inputs.standards, options: job.options)
        let results = try await Coverage.measure(job.services, in: coverageInputs)
        let baseline = Baseline(
            job: job, district: district, inputs: coverageInputs, results: results,
            indicators: try inputs.targets.map { try indicators(district, targets: $0, job: job, results: results, demand: coverageInputs.demand) })
        var comparisons: [PlanComparison] = []
        for plan in request.plans {
            comparisons.append(
                try await compare(
                    plan, with: baseline, inputs: inputs, recomputeAll: request.recomputeAll,
                    options: request.scenarioOptions, names: request.coverage.names))
        }
        let outcome = CoverageOutcome(
            results: results, profile: job.profile, options: job.options, district: district.manifest.name,
            modelledResidents: district.isModelled(.population), modelledFacilities: district.isModelled(.facilities),
            areas: nil, gaps: nil, warnings: [], scenario: nil, wording: job.standards.wording)
        return CompareOutcome(baseline: outcome, baselineIndicators: baseline.indicators, plans: comparisons)
    }

    /// One plan applied to the baseline's district and measured: only the services it touches again (all of them
    /// with `recomputeAll`), the others taken from the baseline.
    public static func compare(
        _ plan: ScenarioPlan, with baseline: Baseline, inputs: Inputs, recomputeAll: Bool = false,
        options: ScenarioOptions = ScenarioOptions(), names: SettingNames = .library
    ) async throws -> PlanComparison {
        let job = baseline.job
        let applied = try baseline.district.applying(plan, options: options)
        let touched = job.services.filter { service in
            recomputeAll || applied.touch.population
                || applied.touch.facilityTypes.contains(service.supply.type) || applied.touch.transitKinds.contains(service.supply.type)
                || (applied.touch.network && service.mode != .radius)
        }
        var results = baseline.results
        var demand = baseline.inputs.demand
        if !touched.isEmpty {
            let planInputs = try Coverage.prepare(applied.district, services: touched, standards: inputs.standards, options: job.options)
            let measured = try await Coverage.measure(touched, in: planInputs)
            if applied.touch.population || recomputeAll { demand = planInputs.demand }
            for (service, result) in zip(touched, measured) {
                if let i = job.services.firstIndex(of: service) { results[i] = result }
            }
        }
        var siteChecks: SiteCheckReport?
        if let rules = inputs.rules, !applied.addedFacilities.isEmpty {
            let sites = applied.addedFacilities.map { f in
                ProposedSite(
                    id: f.properties["id"]?.stringValue ?? "site", name: f.properties["name"]?.stringValue,
                    type: f.properties["type"]?.stringValue ?? "", location: f.geometry?.firstCoordinate ?? Coordinate(x: 0, y: 0),
                    sizeClass: f.properties["size_class"]?.stringValue)
            }
            let siting = SitingOptions(profile: job.profile, coverage: job.options, driveSpeedKmh: inputs.standards.driveSpeedKmh, settingNames: names)
            siteChecks = try SiteCheck.check(sites, in: baseline.district, rules: rules, options: siting)
        }
        let before = baseline.results
        return PlanComparison(
            plan: plan, notes: applied.notes, results: results, recomputed: touched.map(\.label),
            changes: zip(before, results).map { change($0, baseline.inputs.demand, $1, demand) },
            indicators: try inputs.targets.map { try indicators(applied.district, targets: $0, job: job, results: results, demand: demand) },
            siteChecks: siteChecks, cost: applied.cost, costByType: applied.costByType,
            coverageCounts: coverageCounts(before: before, beforeDemand: baseline.inputs.demand, after: results, afterDemand: demand),
            populationGeometries: Dictionary(
                applied.district.features(.population).compactMap { f in
                    f.properties["id"]?.stringValue.flatMap { id in f.geometry.map { (id, $0) } }
                }, uniquingKeysWith: { a, _ in a }),
            isWorse: zip(before, results).contains { before, after in
                after.total.covered < before.total.covered - 0.5
                    || zip(before.bySubdistrict, after.bySubdistrict).contains { $1.covered < $0.covered - 0.5 }
            })
    }

    /// The indicators of `district`, the life-circle rows combined from `results` when they hold every rule of the
    /// profile, else not computed.
    static func indicators(
        _ district: District, targets: IndicatorTargets, job: CoverageJob, results: [CoverageResult],
        demand: DemandSet
    ) throws -> IndicatorReport {
        let figures: IndicatorCalculator.LifeCircleFigures
        if let shares = try? LifeCircleShare.combined(profile: job.profile, results: results, demand: demand) {
            figures = .measured(shares)
        } else {
            figures = .unavailable(reason: "not computed: compare --all measures every service of the circles")
        }
        return try IndicatorCalculator(targets: targets).report(for: district, lifeCircles: figures)
    }

    /// Residents newly covered and newly lost between two results of one service, by demand id (residents only in
    /// the plan count as newly covered when covered; residents the plan removes are not counted as lost).
    static func change(_ before: CoverageResult, _ beforeDemand: DemandSet, _ after: CoverageResult, _ afterDemand: DemandSet) -> ServiceChange {
        var covered: [String: Bool] = [:]
        for (i, id) in beforeDemand.ids.enumerated() { covered[id] = before.covered[i] }
        let zones = beforeDemand.subdistricts.count
        var gained = [Double](repeating: 0, count: zones), lost = [Double](repeating: 0, count: zones)
        var totalGained = 0.0, totalLost = 0.0
        for (i, id) in afterDemand.ids.enumerated() {
            let was = covered[id] ?? false, now = after.covered[i]
            guard was != now else { continue }
            let people = afterDemand.population[i]
            let zone = Int(afterDemand.subdistrict[i])
            if now {
                totalGained += people
                if zone >= 0 && zone < zones { gained[zone] += people }
            } else if covered[id] != nil {
                totalLost += people
                if zone >= 0 && zone < zones { lost[zone] += people }
            }
        }
        return ServiceChange(
            label: before.service.label, newlyCovered: totalGained, newlyLost: totalLost,
            bySubdistrict: zip(gained, lost).map { ($0, $1) })
    }

    /// For each demand id: how many services cover it before and under the plan.
    static func coverageCounts(before: [CoverageResult], beforeDemand: DemandSet, after: [CoverageResult], afterDemand: DemandSet) -> [String: (
        before: Int, after: Int
    )] {
        var counts: [String: (before: Int, after: Int)] = [:]
        for (i, id) in beforeDemand.ids.enumerated() { counts[id] = (before.filter { $0.covered[i] }.count, 0) }
        for (i, id) in afterDemand.ids.enumerated() { counts[id, default: (0, 0)].after = after.filter { $0.covered[i] }.count }
        return counts
    }
}

extension Geometry {
    /// The first position of the geometry, if it has one.
    var firstCoordinate: Coordinate? {
        var first: Coordinate?
        forEachCoordinate { if first == nil { first = $0 } }
        return first
    }
}
