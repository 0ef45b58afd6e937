import Foundation
import QTGeometry
import QTModel
import QTText

/// Why a standards file could not be used: one line naming the file and the field.
public enum StandardsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file does not exist (exit 66 in the CLI).
    case missingFile(path: String)
    /// The file exists but breaks the schema (exit 65).
    case invalid(path: String, field: String, detail: String)
    /// The profile asked for is not in the file (exit 64: a usage error).
    case unknownProfile(path: String, name: String, known: [String])

    public var description: String {
        switch self {
        case .missingFile(let path): "\(path): standards file not found"
        case .invalid(let path, let field, let detail):
            field.isEmpty ? "\(path): \(detail)" : "\(path): field '\(field)': \(detail)"
        case .unknownProfile(let path, let name, let known):
            "\(path): no profile '\(name)' (profiles: \(known.joined(separator: ", ")))"
        }
    }
}

/// One life circle of a profile: its minutes and the straight-line distance radius mode uses for it.
public struct LifeCircle: Hashable, Sendable {
    /// Minutes.
    public var minutes: Double
    /// Metres (the upper bound of the standard's range).
    public var distance: Double
}

/// One rule of a profile: which facilities, which circle, measured how, and from which clause.
public struct LifeCircleRule: Hashable, Sendable {
    /// The row name (defaults to the type).
    public var label: String
    /// The facilities.
    public var supply: SupplySelector
    /// The circle (urban residents).
    public var minutes: Double
    /// The circle for rural residents, if different.
    public var minutesRural: Double?
    /// A radius-mode distance fixed by the rule itself (transit catchments), overriding the circle's.
    public var distance: Double?
    /// The mode the rule is stated in (walk unless it says drive).
    public var mode: CoverageMode
    /// Who travels.
    public var direction: TravelDirection
    /// The document and clause.
    public var source: String
    /// Whether the rule is one of its circle's life-circle services, counted in the combined share of the
    /// circle (``LifeCircleShare``): `false` for rules of their own kind (fire and rescue, transit catchments,
    /// a convenience-shopping circle), `in_life_circle: false` in the file.
    public var inLifeCircle: Bool = true
    /// Whether the standard says the facility shall be provided (▲ in GB 50180-2018 appendix B: `required: true`,
    /// the default) or should be provided where needed (△: `required: false`). Only required life-circle rules
    /// make up a circle's combined share.
    public var required: Bool = true
    /// Who the service is for (`target_group`; all residents when absent).
    public var targetGroup: TargetGroup = .all
    /// The facilities' capacity property (`capacity`: places, beds or physicians), when the rule names one.
    public var capacity: CapacityKind?
    /// The green area per resident the rule asks for, m² (`green_per_resident_m2`; parks).
    public var greenPerResident: Double?
    /// Why a straight-line distance has no basis for this rule, when it has none: a drive-time rule without
    /// its own `distance_m` (radius mode refuses it rather than use a walking circle's metres).
    public var radiusRefusal: SettingText? {
        guard mode == .drive, distance == nil else { return nil }
        return "\(label) is a rule of \(NumberText.trimmed(minutes)) minutes' drive and the standards file gives it no "
            + "straight-line distance (distance_m) for radius mode: measure it with \(setting: .mode) drive, give "
            + "\(setting: .distance) METRES, or leave \(label) out (\(setting: .types))"
    }
}

/// A named set of rules: `gb50180` (the national standard, the default) or `qiantang-plan` (the seeds).
public struct LifeCircleProfile: Hashable, Sendable {
    /// The name used with `--standard`.
    public var name: String
    /// A title for reports.
    public var title: String
    /// The document the profile comes from.
    public var source: String
    /// Minutes → metres for radius mode and for distances walked.
    public var circles: [LifeCircle]
    /// The rules, in file order.
    public var rules: [LifeCircleRule]
    /// What the profile's walking circles measure (`measure`): `distance` when the document defines them by
    /// walking distance (GB 50180-2018 table 3.0.4), `time` when by minutes (the plan's). Drive rules are timed
    /// whatever this says.
    public var measure: CoverageMeasure = .time
    /// The title in Chinese (`title_zh`), for tables and the report in Chinese; `nil` when the file gives none.
    public var titleZh: String?

    /// The title in `language`: ``titleZh`` in Chinese when given, else ``title``.
    public func title(_ language: Language) -> String { language == .zh ? titleZh ?? title : title }

    /// The radius-mode distance for `minutes`: the circle's when the profile has one for exactly that many
    /// minutes, otherwise `minutes` at the pace of the profile's largest circle (GB 50180: 1,000 m per 15
    /// minutes, 66.7 m a minute).
    public func distance(forMinutes minutes: Double) -> Double {
        if let circle = circles.first(where: { $0.minutes == minutes }) { return circle.distance }
        guard let largest = circles.max(by: { $0.minutes < $1.minutes }), largest.minutes > 0 else {
            return minutes * 1000 / 15
        }
        return minutes * largest.distance / largest.minutes
    }

    /// The rule turned into a service to measure; `mode` overrides the rule's own, `distance` the circle's
    /// metres (radius mode and distances walked), `measure` the profile's ``measure``. A drive rule is never
    /// walked: asked for walk mode it stays a drive (``CoverageService/modeFromRule``). A drive-time rule without
    /// its own `distance_m` gets no distance from the circles (a walking circle's metres mean nothing for a fire
    /// engine): in radius mode, without `distance`, the service carries ``CoverageService/radiusRefusal`` and
    /// ``Coverage/prepare(_:services:standards:options:)`` refuses it.
    public func service(
        _ rule: LifeCircleRule, mode: CoverageMode? = nil, distance: Double? = nil,
        measure: CoverageMeasure? = nil
    ) -> CoverageService {
        let urbanDistance = distance ?? rule.distance ?? self.distance(forMinutes: rule.minutes)
        let ruralDistance = rule.minutesRural.map { distance ?? self.distance(forMinutes: $0) }
        let keepsDrive = rule.mode == .drive && mode == .walk
        var service = CoverageService(
            label: rule.label, supply: rule.supply, minutes: rule.minutes,
            minutesRural: rule.minutesRural, distance: urbanDistance,
            distanceRural: ruralDistance, mode: keepsDrive ? .drive : mode ?? rule.mode,
            direction: rule.direction, source: "\(name): \(rule.source)")
        if distance == nil { service.radiusRefusal = rule.radiusRefusal.map { "\(name): \($0)" as SettingText } }
        service.required = rule.required
        service.measure = measure ?? self.measure
        service.modeFromRule = keepsDrive
        service.targetGroup = rule.targetGroup
        service.capacity = rule.capacity
        service.greenPerResidentTarget = rule.greenPerResident
        return service
    }

    /// A service for `type` at `minutes` instead of the profile's circle (`--minutes`): the mode and direction of
    /// the profile's row for the type when it has one, else the type's own (``defaultMode(for:)``,
    /// ``defaultDirection(for:)``); radius mode at `distance`, else the profile's distance for those minutes.
    /// - Parameters:
    ///   - label: the result's label.
    ///   - source: where the circle comes from, as results show it.
    ///   - refusingRadius: whether a drive-time type without `distance` carries a ``CoverageService/radiusRefusal``
    ///     (coverage refuses to measure a fire engine's circle in walking metres; siting measures it as asked).
    ///   - measure: what a walking threshold measures (the profile's ``measure`` when `nil`); a drive is timed.
    public func service(
        forType type: String, minutes: Double, label: String, mode: CoverageMode?, distance: Double?,
        source: String, refusingRadius: Bool, measure: CoverageMeasure? = nil
    ) -> CoverageService {
        let row = rules.first { $0.supply.type == type }
        let ownMode = row?.mode ?? Self.defaultMode(for: type)
        let keepsDrive = ownMode == .drive && mode == .walk
        var service = CoverageService(
            label: label, supply: SupplySelector(type: type), minutes: minutes,
            distance: distance ?? self.distance(forMinutes: minutes), mode: keepsDrive ? .drive : mode ?? ownMode,
            direction: row?.direction ?? Self.defaultDirection(for: type), source: source)
        service.measure = measure ?? self.measure
        service.modeFromRule = keepsDrive
        service.targetGroup = row?.targetGroup ?? .all
        service.capacity = row?.capacity
        if refusingRadius && distance == nil && ownMode == .drive {
            service.radiusRefusal =
                "\(label): \(setting: .minutes) \(NumberText.trimmed(minutes)): \(name) measures \(type) as a drive "
                + "time; a walking circle's distance means nothing for it: measure it with \(setting: .mode) drive, or give "
                + "\(setting: .distance) METRES"
        }
        return service
    }

    /// How a type without a row in a profile is reached: fire stations by road (GB 51080-2015 measures their
    /// districts by driving time), everything else on foot.
    public static func defaultMode(for type: String) -> CoverageMode {
        type == FacilityType.fireStation.rawValue ? .drive : .walk
    }

    /// Who travels for a type without a row in a profile: a fire crew leaves its station
    /// (``TravelDirection/fromFacility``); for everything else residents travel to the facility.
    public static func defaultDirection(for type: String) -> TravelDirection {
        type == FacilityType.fireStation.rawValue ? .fromFacility : .toFacility
    }

    /// The rules of the life circle of `minutes` (urban minutes) counted in its combined share, file order: the
    /// life-circle rules the standard requires (▲), not the ones it leaves to local need (△, `required: false`).
    public func lifeCircleRules(minutes: Double) -> [LifeCircleRule] {
        combinedRules.filter { $0.minutes == minutes }
    }

    /// Every rule counted in some circle's combined share: `in_life_circle` not `false` and `required` not `false`.
    public var combinedRules: [LifeCircleRule] {
        rules.filter { $0.inLifeCircle && $0.required }
    }
}

/// The life-circle standards file (`geodata/standards/life-circles.json`; schema in its README): speeds,
/// the access distance of service areas and the named profiles.
public struct LifeCircleStandards: Hashable, Sendable {
    /// The profile used when none is named.
    public var defaultProfile: String
    /// Walking speed, km/h.
    public var walkSpeedKmh: Double
    /// Driving speed by road class, km/h, for edges without their own `speed_kmh`.
    public var driveSpeedKmh: [String: Double]
    /// The off-street distance that service areas extend beyond the reachable streets, metres.
    public var accessDistance: Double
    /// The profiles, in file order.
    public var profiles: [LifeCircleProfile]
    /// The file it was read from (for messages).
    public var path: String
    /// Names of services, target groups and units in English and Chinese (`names`, `target_groups`, `units`).
    public var wording = StandardsWording()

    /// The profile called `name` (the default when `nil`).
    public func profile(_ name: String? = nil) throws(StandardsError) -> LifeCircleProfile {
        let wanted = name ?? defaultProfile
        guard let p = profiles.first(where: { $0.name == wanted }) else {
            throw .unknownProfile(path: path, name: wanted, known: profiles.map(\.name))
        }
        return p
    }

    /// Checks the text of a standards file; `path` names it in errors.
    public static func parse(data: Data, path: String) throws(StandardsError) -> LifeCircleStandards {
        let root: JSONValue
        do { root = try JSONValue(parsingRefusingDuplicates: data) } catch { throw .invalid(path: path, field: "", detail: "\(error)") }
        var reader = StandardsReader(path: path)
        return try reader.standards(root)
    }
}

/// The field-by-field reader behind ``LifeCircleStandards/parse(data:path:)``.
private struct StandardsReader: JSONFieldReading {
    let path: String
    /// `level_defaults`: the level of a facility of the type without a `level` property.
    var levelDefaults: [String: String] = [:]

    func fail(_ field: String, _ detail: String) -> StandardsError { .invalid(path: path, field: field, detail: detail) }

    /// A positive finite number (`nil` when absent and not required).
    func positive(_ value: JSONValue?, _ field: String, required: Bool = true) throws(StandardsError) -> Double? {
        guard let value, !value.isNull else {
            if required { throw fail(field, "missing") }
            return nil
        }
        guard let d = value.doubleValue, d.isFinite, d > 0 else {
            throw fail(field, "expected a number > 0, found \(value.doubleValue.map { "\($0)" } ?? value.typeDescription)")
        }
        return d
    }

    mutating func standards(_ root: JSONValue) throws(StandardsError) -> LifeCircleStandards {
        let top = try object(root, "")
        let walk = try positive(top["walk_speed_kmh"], "walk_speed_kmh")!
        guard walk <= 20 else { throw fail("walk_speed_kmh", "\(walk) km/h is not a walking speed (expected at most 20)") }
        var drive: [String: Double] = [:]
        for (key, value) in try object(top["drive_speed_kmh"], "drive_speed_kmh") {
            drive[key] = try positive(value, "drive_speed_kmh.\(key)")!
        }
        let access = try positive(top["access_m"], "access_m")!
        if let defaults = top["level_defaults"] {
            for (type, value) in try object(defaults, "level_defaults").sorted(by: { $0.key < $1.key }) {
                guard FacilityKinds.known.contains(type) else {
                    throw fail("level_defaults.\(type)", "unknown facility type '\(type)'")
                }
                levelDefaults[type] = try string(value, "level_defaults.\(type)")
            }
        }
        var profiles: [LifeCircleProfile] = []
        for (i, item) in try array(top["profiles"], "profiles").enumerated() {
            let p = try profile(item, "profiles[\(i)]")
            guard !profiles.contains(where: { $0.name == p.name }) else { throw fail("profiles[\(i)].name", "'\(p.name)' appears twice") }
            profiles.append(p)
        }
        guard !profiles.isEmpty else { throw fail("profiles", "expected at least one profile") }
        let defaultName = try string(top["default_profile"], "default_profile")
        guard profiles.contains(where: { $0.name == defaultName }) else {
            throw fail("default_profile", "no profile '\(defaultName)' in the file")
        }
        var standards = LifeCircleStandards(
            defaultProfile: defaultName, walkSpeedKmh: walk, driveSpeedKmh: drive,
            accessDistance: access, profiles: profiles, path: path)
        standards.wording = StandardsWording(
            names: try wordings(top["names"], "names"), targetGroups: try wordings(top["target_groups"], "target_groups"),
            units: try wordings(top["units"], "units"))
        return standards
    }

    /// An optional object of `{"en": "…", "zh": "…"}` texts by key.
    func wordings(_ value: JSONValue?, _ field: String) throws(StandardsError) -> [String: Wording] {
        guard let value else { return [:] }
        var out: [String: Wording] = [:]
        for (key, item) in try object(value, field) {
            let o = try object(item, "\(field).\(key)")
            let zh = try o["zh"].map { v throws(StandardsError) in try string(v, "\(field).\(key).zh") }
            out[key] = Wording(en: try string(o["en"], "\(field).\(key).en"), zh: zh)
        }
        return out
    }

    func profile(_ value: JSONValue, _ at: String) throws(StandardsError) -> LifeCircleProfile {
        let p = try object(value, at)
        let name = try string(p["name"], "\(at).name")
        let title = try string(p["title"], "\(at).title")
        let source = try object(p["source"], "\(at).source")
        let document = try string(source["document"], "\(at).source.document")
        var circles: [LifeCircle] = []
        for (j, c) in try array(p["circles"], "\(at).circles").enumerated() {
            let o = try object(c, "\(at).circles[\(j)]")
            circles.append(
                LifeCircle(
                    minutes: try positive(o["minutes"], "\(at).circles[\(j)].minutes")!,
                    distance: try positive(o["distance_m"], "\(at).circles[\(j)].distance_m")!))
        }
        var rules: [LifeCircleRule] = []
        for (j, r) in try array(p["services"], "\(at).services").enumerated() {
            let rule = try self.rule(r, "\(at).services[\(j)]", document: document)
            guard !rules.contains(where: { $0.label == rule.label }) else {
                throw fail("\(at).services[\(j)].label", "'\(rule.label)' appears twice in the profile (give one a label)")
            }
            rules.append(rule)
        }
        var measure = CoverageMeasure.time
        if let m = p["measure"] {
            let text = try string(m, "\(at).measure")
            guard let parsed = CoverageMeasure(rawValue: text) else { throw fail("\(at).measure", "expected distance or time, found '\(text)'") }
            measure = parsed
        }
        var profile = LifeCircleProfile(name: name, title: title, source: document, circles: circles, rules: rules, measure: measure)
        profile.titleZh = try p["title_zh"].map { v throws(StandardsError) in try string(v, "\(at).title_zh") }
        return profile
    }

    func rule(_ value: JSONValue, _ at: String, document: String) throws(StandardsError) -> LifeCircleRule {
        let r = try object(value, at)
        let type = try string(r["type"], "\(at).type")
        guard FacilityKinds.known.contains(type) else {
            throw fail("\(at).type", "unknown facility type '\(type)' (known: \(FacilityKinds.known.sorted().joined(separator: ", ")))")
        }
        var sizes: [String]?
        if let list = r["size_class"] {
            sizes = []
            for (k, s) in try array(list, "\(at).size_class").enumerated() { sizes!.append(try string(s, "\(at).size_class[\(k)]")) }
        }
        var levels: [String]?
        if let list = r["level"] {
            levels = []
            for (k, s) in try array(list, "\(at).level").enumerated() { levels!.append(try string(s, "\(at).level[\(k)]")) }
            guard !levels!.isEmpty else { throw fail("\(at).level", "expected at least one level") }
        }
        let minutes = try positive(r["minutes"], "\(at).minutes")!
        let rural = try positive(r["minutes_rural"], "\(at).minutes_rural", required: false)
        let distance = try positive(r["distance_m"], "\(at).distance_m", required: false)
        var mode = CoverageMode.walk
        if let m = r["mode"] {
            let text = try string(m, "\(at).mode")
            guard let parsed = CoverageMode(rawValue: text) else { throw fail("\(at).mode", "expected radius, walk or drive, found '\(text)'") }
            mode = parsed
        }
        var direction = TravelDirection.toFacility
        if let d = r["direction"] {
            let text = try string(d, "\(at).direction")
            guard let parsed = TravelDirection(rawValue: text) else {
                throw fail("\(at).direction", "expected to_facility or from_facility, found '\(text)'")
            }
            direction = parsed
        }
        let label = try r["label"].map { v throws(StandardsError) in try string(v, "\(at).label") } ?? type
        let doc = try r["document"].map { v throws(StandardsError) in try string(v, "\(at).document") } ?? document
        let clause = try string(r["where"], "\(at).where")
        var inCircle = true
        if let flag = r["in_life_circle"] {
            guard let b = flag.boolValue else { throw fail("\(at).in_life_circle", "expected true or false, found \(flag.typeDescription)") }
            inCircle = b
        }
        var required = true
        if let flag = r["required"] {
            guard let b = flag.boolValue else { throw fail("\(at).required", "expected true (▲) or false (△), found \(flag.typeDescription)") }
            required = b
        }
        var group = TargetGroup.all
        if let g = r["target_group"] {
            let text = try string(g, "\(at).target_group")
            guard let parsed = TargetGroup(rawValue: text) else {
                throw fail("\(at).target_group", "expected one of \(TargetGroup.allCases.map(\.rawValue).joined(separator: ", ")), found '\(text)'")
            }
            group = parsed
        }
        var capacity: CapacityKind?
        if let c = r["capacity"] {
            let text = try string(c, "\(at).capacity")
            guard let parsed = CapacityKind(rawValue: text) else {
                throw fail("\(at).capacity", "expected places, beds or physicians, found '\(text)'")
            }
            capacity = parsed
        }
        let area = try positive(r["min_area_m2"], "\(at).min_area_m2", required: false)
        let width = try positive(r["min_width_m"], "\(at).min_width_m", required: false)
        let green = try positive(r["green_per_resident_m2"], "\(at).green_per_resident_m2", required: false)
        if (width != nil || green != nil) && type != FacilityType.park.rawValue {
            throw fail(width != nil ? "\(at).min_width_m" : "\(at).green_per_resident_m2", "only a park row has a width or green area per resident")
        }
        let supply = SupplySelector(
            type: type, sizeClasses: sizes, levels: levels,
            defaultLevel: levels == nil ? nil : levelDefaults[type], minimumArea: area, minimumWidth: width)
        var rule = LifeCircleRule(
            label: label, supply: supply, minutes: minutes, minutesRural: rural, distance: distance,
            mode: mode, direction: direction, source: "\(doc), \(clause)", inLifeCircle: inCircle,
            required: required, targetGroup: group, capacity: capacity)
        rule.greenPerResident = green
        return rule
    }
}
