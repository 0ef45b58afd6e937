import QTGeometry
import QTModel
import QTProjection
import QTText

/// Checks proposed sites against the siting rules on one district: prepared once (GEOS geometries and
/// indexes of the layers, the coverage engine's inputs and the existing coverage of each circle), then
/// asked site after site. Owns GEOS and PROJ handles, so it stays on the task that made it; its results
/// are Sendable values.
///
/// What each rule kind measures (every distance is planar, in the district's metric CRS, from the site's
/// point, which stands for the facility's main entrance):
/// - `inside_boundary`: metres outside the boundary polygon (GEOS `covers`, then `distance`).
/// - `landuse_class`, `landuse_compatibility`: the class of the land-use parcel covering the point (the
///   first in layer order on a shared edge).
/// - `constraint_zone`: whether a red-line or farmland polygon covers the point; else the distance to the nearest.
/// - `distance_from`: the GEOS distance to the nearest target feature (an STR tree's nearest), counting
///   features of every status (a planned railway binds a school built now) and the plan's other sites.
/// - `fire_district_area`: see ``SitingCoverage/fireDistrict(at:minutes:)``.
/// - `service_radius`: residents (population points) within the radius, straight line.
/// - `spacing`: distance to the nearest facility of the type counted by coverage (operating, or every
///   status with planned facilities included) or another site of the plan of the type, against a multiple
///   of the circle's straight-line distance; not checked for drive circles (fire stations).
/// - `duplicate_coverage`, `coverage_gain`: the residents inside the site's circle (the type's row in the
///   life-circle profile, in its mode or the requested one) and those already inside an existing one's.
public final class SiteChecker {
    /// The rules.
    public let rules: SitingRules
    /// The options.
    public let options: SitingOptions
    let layers: SitingLayers
    let coverage: SitingCoverage
    private let district: District

    /// Prepares checks of sites of `types` on `district`.
    /// - Throws: ``CoverageError`` for population or network features the coverage engine cannot use;
    ///   GEOS and PROJ errors for broken geometry or CRS.
    public init(district: District, rules: SitingRules, options: SitingOptions, types: [String]) throws {
        self.district = district
        self.rules = rules
        self.options = options
        layers = try SitingLayers(district: district)
        var services: [CoverageService] = []
        var fireMinutes: Set<Double> = []
        for type in Set(types).sorted() {
            let rows = options.profile.rules.filter { $0.supply.type == type }
            let sizes: [String?] =
                rows.isEmpty ? [nil] : rows.map { row in row.label.hasPrefix(type + "_") ? String(row.label.dropFirst(type.count + 1)) : nil }
            for size in sizes {
                if let s = options.service(for: type, sizeClass: size), !services.contains(s) { services.append(s) }
            }
            for rule in rules.rules(for: type) {
                if case .fireDistrictArea(let m) = rule.kind { fireMinutes.insert(m) }
            }
        }
        coverage = try SitingCoverage(district: district, services: services, fireMinutes: fireMinutes.sorted(), options: options)
    }

    /// Whether the district's residents or facilities are modelled rather than surveyed.
    public var modelledData: Bool {
        district.features(.population).contains { $0.properties["source"]?.stringValue == "modelled" }
            || district.features(.facilities).contains { $0.properties["source"]?.stringValue == "modelled" }
    }

    /// The circle `site`'s coverage rules use, or `nil` when the profile has none for its type.
    public func circle(for site: ProposedSite) -> CoverageService? { options.service(for: site.type, sizeClass: site.sizeClass) }

    /// Every applicable rule's verdict for `site`; `others` are the plan's other sites, which distance and
    /// spacing rules count as facilities (coverage gain is measured against the existing district only).
    /// - Throws: GEOS and PROJ errors (a position PROJ cannot transform).
    public func check(_ site: ProposedSite, alongside others: [ProposedSite] = []) throws -> SiteCheckResult {
        let p = try layers.metric(site.location)
        let otherPoints = try others.filter { $0.id != site.id }.map { ($0, try layers.metric($0.location)) }
        var results: [SiteRuleResult] = []
        for rule in rules.rules(for: site.type) {
            if let r = try evaluate(rule, site: site, at: p, others: otherPoints) { results.append(r) }
        }
        return SiteCheckResult(site: site, rules: results)
    }

    // MARK: - Rules

    private func result(
        _ rule: SitingRule, _ verdict: SiteVerdict, value: Double?, unit: String, measured: String,
        limit: String, bySubdistrict: [SubdistrictGain] = []
    ) -> SiteRuleResult {
        var result = SiteRuleResult(
            rule: rule.id, title: rule.title, verdict: verdict, value: value, unit: unit, measured: measured,
            limit: limit, limitValue: rule.failBelow ?? rule.failAbove ?? rule.warnBelow ?? rule.warnAbove,
            clause: rule.citation, verified: rule.verified, bySubdistrict: bySubdistrict)
        result.titleZh = rule.titleZh
        return result
    }

    /// A rule that could not be checked: a warning saying why.
    private func unchecked(_ rule: SitingRule, _ why: String, limit: String) -> SiteRuleResult {
        result(rule, .warn, value: nil, unit: "", measured: "not checked: \(why)", limit: limit)
    }

    private func evaluate(
        _ rule: SitingRule, site: ProposedSite, at p: Coordinate,
        others: [(ProposedSite, Coordinate)]
    ) throws -> SiteRuleResult? {
        switch rule.kind {
        case .insideBoundary:
            let limit = "inside the boundary"
            guard let d = try layers.outsideDistance(p) else { return unchecked(rule, "no boundary polygon", limit: limit) }
            return d == 0
                ? result(rule, .pass, value: 0, unit: "m", measured: "inside", limit: limit)
                : result(rule, rule.severity, value: d, unit: "m", measured: "outside, \(SitingText.metres(d)) from the boundary", limit: limit)

        case .landUseClass(let classes):
            let limit = "not on " + classes.map(SitingText.landUse).joined(separator: ", ")
            guard layers.hasLandUse else { return unchecked(rule, "no landuse layer", limit: limit) }
            guard let parcel = try layers.parcel(at: p) else {
                return result(rule, .pass, value: nil, unit: "", measured: "on no land-use parcel", limit: limit)
            }
            let measured = "\(parcel.landUse.map(SitingText.landUse) ?? "unknown class"), parcel \(parcel.id)"
            let broken = parcel.landUse.map(classes.contains) ?? false
            return result(rule, broken ? rule.severity : .pass, value: nil, unit: "", measured: measured, limit: limit)

        case .constraintZone(let kinds):
            let limit = "outside every " + kinds.map(\.rawValue).joined(separator: ", ") + " zone"
            guard district.layers[.constraints] != nil else { return unchecked(rule, "no constraints layer", limit: limit) }
            var nearest: Double?
            for kind in kinds {
                let z = try layers.zone(kind, at: p)
                if let inside = z.inside {
                    return result(rule, rule.severity, value: 0, unit: "m", measured: "inside \(inside) (\(kind.rawValue))", limit: limit)
                }
                if let d = z.distance { nearest = min(nearest ?? d, d) }
            }
            guard let nearest else { return result(rule, .pass, value: nil, unit: "m", measured: "no such zone in the district", limit: limit) }
            return result(rule, .pass, value: nearest, unit: "m", measured: "outside, \(SitingText.metres(nearest)) from the nearest", limit: limit)

        case .landUseCompatibility(let allowed, let conditional):
            guard let ok = allowed[site.type] else { return nil }
            let maybe = conditional[site.type] ?? []
            var limit = "allowed: " + (ok.isEmpty ? "none" : ok.map(\.rawValue).joined(separator: ", "))
            if !maybe.isEmpty { limit += "; conditional (warn): " + maybe.map(\.rawValue).joined(separator: ", ") }
            guard layers.hasLandUse else { return unchecked(rule, "no landuse layer", limit: limit) }
            guard let parcel = try layers.parcel(at: p) else { return unchecked(rule, "no land-use parcel at the site", limit: limit) }
            guard let c = parcel.landUse else { return unchecked(rule, "parcel \(parcel.id) has no known class", limit: limit) }
            let verdict: SiteVerdict = ok.contains(c) ? .pass : (maybe.contains(c) ? .warn : .fail)
            return result(rule, verdict, value: nil, unit: "", measured: "\(SitingText.landUse(c)), parcel \(parcel.id)", limit: limit)

        case .distanceFrom(let targets):
            let limit = SitingText.limits(rule, unit: "m")
            var best: (id: String, name: String, distance: Double)?
            var missing: [String] = []
            for target in targets {
                guard district.layers[target.layer] != nil else { missing.append(target.layer.rawValue); continue }
                if let n = try layers.nearest(target, to: p), best == nil || n.distance < best!.distance { best = n }
                guard target.layer == .facilities else { continue }
                for (other, q) in others where other.matches(target) {
                    let d = try layers.distance(p, q)
                    if best == nil || d < best!.distance { best = ("\(other.id) (this plan)", other.name, d) }
                }
            }
            guard let best else {
                if !missing.isEmpty { return unchecked(rule, "no \(missing.joined(separator: ", ")) layer", limit: limit) }
                return result(rule, .pass, value: nil, unit: "m", measured: "none in the district", limit: limit)
            }
            let name = SitingText.label(id: best.id, name: best.name)
            return result(
                rule, rule.verdict(for: best.distance), value: best.distance, unit: "m",
                measured: "\(SitingText.metres(best.distance)) to \(name)", limit: limit)

        case .fireDistrictArea(let minutes):
            let limit = SitingText.limits(rule, unit: "km2")
            if let why = coverage.networkUnavailable { return unchecked(rule, why, limit: limit) }
            guard coverage.inputs != nil else { return unchecked(rule, coverage.unavailable ?? "no population layer", limit: limit) }
            guard let d = coverage.fireDistrict(at: p, minutes: minutes) else {
                return result(
                    rule, .fail, value: nil, unit: "km2",
                    measured: "more than \(SitingText.metres(options.coverage.maximumAccess)) from every drive street: reaches nothing",
                    limit: limit)
            }
            return result(
                rule, rule.verdict(for: d.firstDueKm2), value: d.firstDueKm2, unit: "km2",
                measured: "\(SitingText.km2(d.firstDueKm2)) reached first within \(NumberText.trimmed(minutes)) min "
                    + "(\(SitingText.km2(d.reachKm2)) reached in all)", limit: limit)

        case .serviceRadius(let radii):
            guard let radius = radii[site.type] else { return nil }
            let limit = SitingText.limits(rule, unit: "residents")
            guard let inputs = coverage.inputs else { return unchecked(rule, coverage.unavailable ?? "no population layer", limit: limit) }
            let people = coverage.residents(within: radius, of: p).reduce(0.0) { $0 + inputs.demand.population[$1] }
            return result(
                rule, rule.verdict(for: people), value: people, unit: "residents",
                measured: "\(SitingText.people(people)) residents within \(SitingText.metres(radius))", limit: limit)

        case .spacing(let multiple):
            // A drive circle (fire stations) has no straight-line radius to space by: its districts do that.
            guard let service = circle(for: site), service.mode != .drive else { return nil }
            let radius = multiple * service.distance
            let word = rule.failBelow != nil ? "" : " (warn)"
            let limit = "≥ \(SitingText.metres(radius))\(word): \(NumberText.trimmed(multiple)) × the circle's \(SitingText.metres(service.distance))"
            let target = SitingTarget(layer: .facilities, values: [site.type], operatingOnly: !options.coverage.includePlanned)
            var best = try layers.nearest(target, to: p)
            for (other, q) in others where other.type == site.type {
                let d = try layers.distance(p, q)
                if best == nil || d < best!.distance { best = ("\(other.id) (this plan)", other.name, d) }
            }
            guard let best else { return result(rule, .pass, value: nil, unit: "m", measured: "no other \(site.type) in the district", limit: limit) }
            let verdict: SiteVerdict = best.distance < radius ? (rule.failBelow != nil ? .fail : .warn) : .pass
            let name = SitingText.label(id: best.id, name: best.name)
            return result(rule, verdict, value: best.distance, unit: "m", measured: "\(SitingText.metres(best.distance)) to \(name)", limit: limit)

        case .duplicateCoverage, .coverageGain:
            guard let service = circle(for: site) else { return nil }
            let duplicate = rule.kind == .duplicateCoverage
            let limit = SitingText.limits(rule, unit: duplicate ? "share" : "residents")
            if let why = coverage.problem(service) { return unchecked(rule, why, limit: limit) }
            guard let inputs = coverage.inputs, let existing = try coverage.existingCoverage(service) else {
                return unchecked(rule, "coverage not measured", limit: limit)
            }
            let circleText = SitingText.circle(service)
            guard let inside = coverage.covered(by: p, service) else {
                let why = "more than \(SitingText.metres(options.coverage.maximumAccess)) from every \(service.mode.rawValue) street: covers nobody"
                return duplicate
                    ? unchecked(rule, why, limit: limit)
                    : result(rule, rule.verdict(for: 0), value: 0, unit: "residents", measured: why, limit: limit)
            }
            let demand = inputs.demand
            var total = 0.0, already = 0.0
            var parts = [Double](repeating: 0, count: demand.subdistricts.count)
            for i in inside {
                total += demand.population[i]
                if existing.covered[i] {
                    already += demand.population[i]
                } else if demand.subdistrict[i] >= 0 {
                    parts[Int(demand.subdistrict[i])] += demand.population[i]
                }
            }
            if duplicate {
                guard total > 0 else {
                    return result(rule, .pass, value: nil, unit: "share", measured: "no residents inside its \(circleText) circle", limit: limit)
                }
                let share = already / total
                return result(
                    rule, rule.verdict(for: share), value: share, unit: "share",
                    measured: "\(SitingText.percent(share)) of the \(SitingText.people(total)) residents inside its \(circleText) circle already covered",
                    limit: limit)
            }
            let gain = total - already
            let bySubdistrict = demand.subdistricts.indices.compactMap { k in
                parts[k] > 0 ? SubdistrictGain(id: demand.subdistricts[k], name: demand.subdistrictNames[k], residents: parts[k]) : nil
            }
            return result(
                rule, rule.verdict(for: gain), value: gain, unit: "residents",
                measured: "\(SitingText.people(gain)) residents newly inside the \(circleText) circle (\(SitingText.people(total)) inside)",
                limit: limit, bySubdistrict: bySubdistrict)
        }
    }
}

extension ProposedSite {
    /// Whether the site counts as a feature of a facilities-layer target: its type is one of the target's,
    /// and the target's conditions hold (only `size_class` is known of a proposed site).
    func matches(_ target: SitingTarget) -> Bool {
        guard target.layer == .facilities, target.values.isEmpty || target.values.contains(type) else { return false }
        for (k, v) in target.conditions {
            guard k == "size_class", let s = sizeClass, v == .string(s) else { return false }
        }
        return true
    }
}

@available(*, unavailable)
extension SiteChecker: Sendable {}
