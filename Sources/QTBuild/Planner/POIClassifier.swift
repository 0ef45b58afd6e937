import QTModel

/// What a POI is: facility types with the rule that decided, or why it is none.
enum POIClass: Equatable {
    /// Types and the basis (`code 141204`, `name contains '托育'`, `code 141202, name contains '初级中学'`).
    case types([FacilityType], basis: String)
    /// A known kind that is no life-circle service (`code 141206 科教文化服务;学校;职业技术学校`, a 高中).
    case noService(String)
    /// No rule knows it: counted by code.
    case unmapped(String)
}

/// Decides a POI's types through a ``POISchema`` (or, for OSM-tag POIs, `osm-facilities.json`'s rules):
/// name rules first, then every code (several codes give every type), a secondary school split by name.
struct POIClassifier {
    let schema: POISchema
    let osmRules: OSMFacilityRules

    func classify(_ poi: POIRecord) -> POIClass {
        if schema.codeStyle == .osmTags { return osm(poi) }
        let name = poi.name ?? ""
        for rule in schema.names where name.contains(rule.contains) {
            let types = expand(rule.targets, name: name).types
            return types.isEmpty ? .noService("name contains '\(rule.contains)'") : .types(types, basis: "name contains '\(rule.contains)'")
        }
        guard !poi.codes.isEmpty else { return .unmapped("pois: no code and no name rule") }
        var types: [FacilityType] = []
        var found: [String] = []
        var schoolBasis: String?
        var unknown: [String] = []
        for code in poi.codes {
            guard let (matched, entry) = schema.entry(code) else { unknown.append(code); continue }
            found.append(matched == code ? code : "\(code) as \(matched)")
            let (more, basis) = expand(entry.targets, name: name)
            if let basis { schoolBasis = basis }
            for t in more where !types.contains(t) { types.append(t) }
        }
        if found.isEmpty { return .unmapped("pois: code \(unknown.joined(separator: "|"))\(poi.label.map { " (\($0))" } ?? "")") }
        let basis = "code \(found.joined(separator: "|"))" + (schoolBasis.map { ", \($0)" } ?? "")
        return types.isEmpty ? .noService(basis) : .types(types, basis: basis)
    }

    /// Targets as types: a secondary school by its name.
    func expand(_ targets: [POITarget], name: String) -> (types: [FacilityType], schoolBasis: String?) {
        var out: [FacilityType] = []
        var basis: String?
        for target in targets {
            switch target {
            case .type(let t): if !out.contains(t) { out.append(t) }
            case .secondarySchool:
                let (types, why) = schema.schoolTypes(name: name)
                basis = why
                for t in types where !out.contains(t) { out.append(t) }
            }
        }
        return (out, basis)
    }

    func osm(_ poi: POIRecord) -> POIClass {
        guard let rule = osmRules.match(poi.tags) else {
            for key in osmRules.countedKeys { if let v = poi.tags[key] { return .unmapped("pois: \(key)=\(v)") } }
            return .unmapped("pois: no tag osm-facilities.json maps")
        }
        let tag = rule.pattern.tags.keys.sorted().map { "\($0)=\(poi.tags[$0] ?? "")" }.joined(separator: " ")
        if rule.type == "school" {
            guard let (types, basis) = osmRules.school.types(poi.tags) else { return .unmapped("pois: amenity=school (level not known)") }
            return types.isEmpty ? .noService("\(tag), \(basis)") : .types(types, basis: "\(tag), \(basis)")
        }
        guard let type = FacilityType(rawValue: rule.type) else { return .unmapped("pois: \(tag)") }
        return .types([type], basis: tag)
    }
}
