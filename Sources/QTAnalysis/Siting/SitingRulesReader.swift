import QTGeometry
import QTModel

/// The field-by-field reader behind ``SitingRules/parse(data:path:)``: every problem is one error naming
/// the field (`rules[3].fail_below_m`).
struct SitingRulesReader: JSONFieldReading {
    let path: String

    func fail(_ field: String, _ detail: String) -> SitingError { .invalidRules(path: path, field: field, detail: detail) }

    func strings(_ value: JSONValue?, _ field: String) throws(SitingError) -> [String] {
        var out: [String] = []
        for (i, v) in try array(value, field).enumerated() { out.append(try string(v, "\(field)[\(i)]")) }
        return out
    }

    /// A finite number ≥ 0 (`nil` when absent).
    func number(_ value: JSONValue?, _ field: String) throws(SitingError) -> Double? {
        guard let value, !value.isNull else { return nil }
        guard let d = value.doubleValue, d.isFinite, d >= 0 else {
            throw fail(field, "expected a number ≥ 0, found \(value.doubleValue.map { "\($0)" } ?? value.typeDescription)")
        }
        return d
    }

    func classes(_ value: JSONValue?, _ field: String) throws(SitingError) -> [LandUseClass] {
        var out: [LandUseClass] = []
        for (i, name) in try strings(value, field).enumerated() {
            guard let c = LandUseClass(rawValue: name) else {
                throw fail("\(field)[\(i)]", "unknown land-use class '\(name)' (known: \(LandUseClass.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            out.append(c)
        }
        return out
    }

    func facilityType(_ name: String, _ field: String) throws(SitingError) {
        guard FacilityType(rawValue: name) != nil else {
            throw fail(field, "unknown facility type '\(name)' (known: \(FacilityType.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
    }

    func rules(_ root: JSONValue) throws(SitingError) -> SitingRules {
        let top = try object(root, "")
        let grid = try number(top["candidate_grid_m"], "candidate_grid_m") ?? 200
        guard grid >= 10 else { throw fail("candidate_grid_m", "expected at least 10 m, found \(grid)") }
        var rules: [SitingRule] = []
        for (i, item) in try array(top["rules"], "rules").enumerated() {
            let rule = try self.rule(item, "rules[\(i)]")
            guard !rules.contains(where: { $0.id == rule.id }) else { throw fail("rules[\(i)].id", "'\(rule.id)' appears twice") }
            rules.append(rule)
        }
        guard !rules.isEmpty else { throw fail("rules", "expected at least one rule") }
        return SitingRules(rules: rules, candidateGridMetres: grid, path: path)
    }

    func rule(_ value: JSONValue, _ at: String) throws(SitingError) -> SitingRule {
        let r = try object(value, at)
        let id = try string(r["id"], "\(at).id")
        let title = try string(r["title"], "\(at).title")
        let kindName = try string(r["kind"], "\(at).kind")
        let typeList = try strings(r["types"], "\(at).types")
        guard !typeList.isEmpty else { throw fail("\(at).types", "expected at least one type, or [\"*\"] for every type") }
        var types: Set<String>?
        if typeList != ["*"] {
            for (k, t) in typeList.enumerated() { try facilityType(t, "\(at).types[\(k)]") }
            types = Set(typeList)
        }
        var severity = SiteVerdict.fail
        if let s = r["severity"] {
            let text = try string(s, "\(at).severity")
            guard let v = SiteVerdict(rawValue: text), v != .pass else { throw fail("\(at).severity", "expected fail or warn, found '\(text)'") }
            severity = v
        }
        let kind: SitingRuleKind
        var limits: (fb: Double?, wb: Double?, fa: Double?, wa: Double?) = (nil, nil, nil, nil)
        switch kindName {
        case "inside_boundary":
            kind = .insideBoundary
        case "landuse_class":
            let list = try classes(r["classes"], "\(at).classes")
            guard !list.isEmpty else { throw fail("\(at).classes", "expected at least one class") }
            kind = .landUseClass(list)
        case "constraint_zone":
            var kinds: [ConstraintKind] = []
            for (k, name) in try strings(r["constraint_kinds"], "\(at).constraint_kinds").enumerated() {
                guard let c = ConstraintKind(rawValue: name), c != .hazardousSite else {
                    throw fail(
                        "\(at).constraint_kinds[\(k)]",
                        "expected ecological_red_line or basic_farmland, found '\(name)' (hazardous sites are points: use a distance_from rule)")
                }
                kinds.append(c)
            }
            guard !kinds.isEmpty else { throw fail("\(at).constraint_kinds", "expected at least one kind") }
            kind = .constraintZone(kinds)
        case "landuse_compatibility":
            var allowed: [String: [LandUseClass]] = [:], conditional: [String: [LandUseClass]] = [:]
            for (t, list) in try object(r["allowed"], "\(at).allowed").sorted(by: { $0.key < $1.key }) {
                try facilityType(t, "\(at).allowed.\(t)")
                allowed[t] = try classes(list, "\(at).allowed.\(t)")
            }
            var conditionalItems: [String: JSONValue] = [:]
            if let v = r["conditional"] { conditionalItems = try object(v, "\(at).conditional") }
            for (t, list) in conditionalItems.sorted(by: { $0.key < $1.key }) {
                try facilityType(t, "\(at).conditional.\(t)")
                conditional[t] = try classes(list, "\(at).conditional.\(t)")
                if let both = conditional[t]?.first(where: { allowed[t]?.contains($0) ?? false }) {
                    throw fail("\(at).conditional.\(t)", "'\(both.rawValue)' is also in allowed.\(t)")
                }
            }
            kind = .landUseCompatibility(allowed: allowed, conditional: conditional)
        case "distance_from":
            var targets: [SitingTarget] = []
            for (k, t) in try array(r["from"], "\(at).from").enumerated() { targets.append(try target(t, "\(at).from[\(k)]")) }
            guard !targets.isEmpty else { throw fail("\(at).from", "expected at least one target") }
            kind = .distanceFrom(targets)
            limits.fb = try number(r["fail_below_m"], "\(at).fail_below_m")
            limits.wb = try number(r["warn_below_m"], "\(at).warn_below_m")
            guard limits.fb != nil || limits.wb != nil else { throw fail("\(at)", "a distance_from rule needs fail_below_m or warn_below_m") }
        case "fire_district_area":
            let minutes = try number(r["minutes"], "\(at).minutes") ?? 5
            guard minutes > 0 else { throw fail("\(at).minutes", "expected a number of minutes > 0") }
            kind = .fireDistrictArea(minutes: minutes)
            limits.fa = try number(r["fail_above_km2"], "\(at).fail_above_km2")
            limits.wa = try number(r["warn_above_km2"], "\(at).warn_above_km2")
            guard limits.fa != nil || limits.wa != nil else { throw fail("\(at)", "a fire_district_area rule needs fail_above_km2 or warn_above_km2") }
        case "service_radius":
            var radii: [String: Double] = [:]
            for (t, v) in try object(r["radius_m"], "\(at).radius_m").sorted(by: { $0.key < $1.key }) {
                try facilityType(t, "\(at).radius_m.\(t)")
                guard let m = try number(v, "\(at).radius_m.\(t)"), m > 0 else { throw fail("\(at).radius_m.\(t)", "expected a radius > 0") }
                radii[t] = m
            }
            kind = .serviceRadius(radiusMetres: radii)
            limits.fb = try number(r["fail_below_residents"], "\(at).fail_below_residents")
            limits.wb = try number(r["warn_below_residents"], "\(at).warn_below_residents")
        case "spacing":
            let warnMultiple = try number(r["warn_below_circle"], "\(at).warn_below_circle")
            let failMultiple = try number(r["fail_below_circle"], "\(at).fail_below_circle")
            let multiple = failMultiple ?? warnMultiple ?? 1
            kind = .spacing(circleMultiple: multiple)
            if r["fail_below_circle"] != nil { limits.fb = multiple } else { limits.wb = multiple }
        case "duplicate_coverage":
            kind = .duplicateCoverage
            limits.wa = try number(r["warn_above_share"], "\(at).warn_above_share")
            limits.fa = try number(r["fail_above_share"], "\(at).fail_above_share")
            for (v, f) in [(limits.wa, "warn_above_share"), (limits.fa, "fail_above_share")] where (v ?? 0) > 1 {
                throw fail("\(at).\(f)", "expected a share between 0 and 1")
            }
        case "coverage_gain":
            kind = .coverageGain
            limits.wb = try number(r["warn_below_residents"], "\(at).warn_below_residents")
            limits.fb = try number(r["fail_below_residents"], "\(at).fail_below_residents")
        default:
            throw fail(
                "\(at).kind",
                "unknown kind '\(kindName)' (known: inside_boundary, landuse_class, constraint_zone, "
                    + "landuse_compatibility, distance_from, fire_district_area, service_radius, spacing, duplicate_coverage, coverage_gain)")
        }
        let document = try string(r["document"], "\(at).document")
        let clause = try string(r["clause"], "\(at).clause")
        let wording = try r["wording"].map { v throws(SitingError) in try string(v, "\(at).wording") }
        var verified = false
        if let v = r["verified"] {
            guard let b = v.boolValue else { throw fail("\(at).verified", "expected true or false, found \(v.typeDescription)") }
            verified = b
        }
        var rule = SitingRule(
            id: id, title: title, kind: kind, types: types, severity: severity, failBelow: limits.fb,
            warnBelow: limits.wb, failAbove: limits.fa, warnAbove: limits.wa, document: document,
            clause: clause, wording: wording, verified: verified)
        rule.titleZh = try r["title_zh"].map { v throws(SitingError) in try string(v, "\(at).title_zh") }
        return rule
    }

    func target(_ value: JSONValue, _ at: String) throws(SitingError) -> SitingTarget {
        let t = try object(value, at)
        let layerName = try string(t["layer"], "\(at).layer")
        guard let layer = LayerName(rawValue: layerName), [.facilities, .transit, .constraints, .network].contains(layer) else {
            throw fail("\(at).layer", "expected facilities, transit, constraints or network, found '\(layerName)'")
        }
        let field: String
        switch layer {
        case .facilities: field = "types"
        case .network: field = "road_classes"
        default: field = "kinds"
        }
        let values = try t[field].map { v throws(SitingError) in try strings(v, "\(at).\(field)") } ?? []
        for (k, v) in values.enumerated() {
            let known: Bool
            switch layer {
            case .facilities: known = FacilityType(rawValue: v) != nil
            case .network: known = RoadClass(rawValue: v) != nil
            case .transit: known = TransitKind(rawValue: v) != nil
            default: known = ConstraintKind(rawValue: v) != nil
            }
            guard known else { throw fail("\(at).\(field)[\(k)]", "unknown value '\(v)' for the \(layerName) layer") }
        }
        let conditions = try t["where"].map { v throws(SitingError) in try object(v, "\(at).where") } ?? [:]
        return SitingTarget(layer: layer, values: values, conditions: conditions)
    }
}
