import Foundation
import QTGeometry
import QTModel

/// A set of tags an element must all carry: key → accepted values.
public struct TagPattern: Hashable, Sendable {
    /// key → the values that match.
    public var tags: [String: Set<String>]

    /// Whether `element` carries every key with an accepted value.
    public func matches(_ element: [String: String]) -> Bool {
        tags.allSatisfy { key, values in element[key].map(values.contains) ?? false }
    }
}

/// One facility rule: tags → a facility type (`school` is decided by ``OSMFacilityRules/school``).
public struct FacilityRule: Hashable, Sendable {
    /// The tags.
    public var pattern: TagPattern
    /// A ``QTModel/FacilityType`` raw value, or `school`.
    public var type: String
}

/// How a school's level decides primary or middle school: level tags, then names.
public struct SchoolLevelRules: Hashable, Sendable {
    /// key (`isced:level`, `school:level`) → value → types (empty: not a life-circle school, such as a high school).
    public var levelKeys: [String: [String: [FacilityType]]]
    /// Name fragments in order (case-insensitive), the first found deciding.
    public var names: [(contains: String, types: [FacilityType])]

    public static func == (a: SchoolLevelRules, b: SchoolLevelRules) -> Bool {
        a.levelKeys == b.levelKeys && a.names.map(\.contains) == b.names.map(\.contains) && a.names.map(\.types) == b.names.map(\.types)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(levelKeys) }

    /// The types of a school with `tags`, and what decided; `nil` when nothing does.
    public func types(_ tags: [String: String]) -> (types: [FacilityType], basis: String)? {
        for key in levelKeys.keys.sorted() {
            guard let value = tags[key], let table = levelKeys[key] else { continue }
            if let types = table[value] { return (types, "\(key)=\(value)") }
            // Several levels (`1;2`): every type of every part.
            let parts = value.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count > 1, parts.allSatisfy({ table[$0] != nil }) {
                var types: [FacilityType] = []
                for part in parts { for t in table[part]! where !types.contains(t) { types.append(t) } }
                return (types, "\(key)=\(value)")
            }
        }
        let name = (tags["name"] ?? "").lowercased()
        for rule in names where name.contains(rule.contains.lowercased()) {
            return (rule.types, "name contains '\(rule.contains)'")
        }
        return nil
    }
}

/// The transit part of `osm-facilities.json`.
public struct TransitRules: Hashable, Sendable {
    /// Bus stops (any pattern).
    public var busStop: [TagPattern]
    /// Stops of the same name (or both unnamed) nearer than this are one stop, metres.
    public var busStopMergeMetres: Double
    /// Metro stations.
    public var metroStation: [TagPattern]
    /// Rail stations (tried after metro stations).
    public var railStation: [TagPattern]
    /// The relations that are metro lines.
    public var metroRoute: TagPattern
    /// Member roles of a route that are its stops.
    public var stopRoles: Set<String>
    /// A station joins a line when one of the line's stops is this near (or has its name), metres.
    public var stationMatchMetres: Double
    /// Keys whose unmapped values are counted (`public_transport`, `railway`).
    public var countedKeys: [String]
}

/// The table `geodata/standards/osm-facilities.json`: OSM tags → facility types, school levels, sports ground
/// sizes, entrances and transit.
public struct OSMFacilityRules: Hashable, Sendable {
    /// The rules, in order.
    public var rules: [FacilityRule]
    /// Keys whose values no rule maps are counted by tag in the build's summary.
    public var countedKeys: [String]
    /// School levels.
    public var school: SchoolLevelRules
    /// (size class, from m²), largest first.
    public var sportsGroundSizes: [(sizeClass: String, fromM2: Double)]
    /// The size class of a sports ground mapped as a point (no area).
    public var sportsGroundPointSize: String
    /// The key of entrance nodes (`entrance`) and its preferred values (`main`).
    public var entranceKey: String
    /// Entrance values preferred as a facility's point.
    public var entrancePreferred: [String]
    /// Transit.
    public var transit: TransitRules
    /// The file it was read from.
    public var path: String

    public static func == (a: OSMFacilityRules, b: OSMFacilityRules) -> Bool { a.path == b.path && a.rules == b.rules }
    public func hash(into hasher: inout Hasher) { hasher.combine(path) }

    /// Reads the table at `path`.
    public static func load(path: String) throws(TableError) -> OSMFacilityRules {
        let (reader, root) = try TableReader.root(path: path)
        return try parse(root, reader)
    }

    /// Reads a table from its text; `path` names it in errors.
    public static func parse(data: Data, path: String) throws(TableError) -> OSMFacilityRules {
        let (reader, root) = try TableReader.root(data: data, path: path)
        return try parse(root, reader)
    }

    static func pattern(_ value: JSONValue?, _ field: String, _ r: TableReader) throws(TableError) -> TagPattern {
        let lists = try r.tagLists(value, field)
        guard !lists.isEmpty else { throw r.fail(field, "expected at least one tag") }
        return TagPattern(tags: lists)
    }

    static func facilityType(_ text: String, _ field: String, _ r: TableReader) throws(TableError) -> FacilityType {
        guard let type = FacilityType(rawValue: text) else {
            throw r.fail(field, "unknown facility type '\(text)' (known: \(FacilityType.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return type
    }

    static func parse(_ root: JSONValue, _ r: TableReader) throws(TableError) -> OSMFacilityRules {
        let top = try r.object(root, "")
        var rules: [FacilityRule] = []
        for (i, item) in try r.array(top["rules"], "rules").enumerated() {
            let o = try r.object(item, "rules[\(i)]")
            let type = try r.string(o["type"], "rules[\(i)].type")
            if type != "school" { _ = try facilityType(type, "rules[\(i)].type", r) }
            rules.append(FacilityRule(pattern: try pattern(o["tags"], "rules[\(i)].tags", r), type: type))
        }
        let school = try r.object(top["school"], "school")
        var levelKeys: [String: [String: [FacilityType]]] = [:]
        for (key, table) in try r.object(school["level_keys"], "school.level_keys") {
            var values: [String: [FacilityType]] = [:]
            for (value, list) in try r.object(table, "school.level_keys.\(key)") {
                var types: [FacilityType] = []
                for (j, t) in try r.strings(list, "school.level_keys.\(key).\(value)").enumerated() {
                    types.append(try facilityType(t, "school.level_keys.\(key).\(value)[\(j)]", r))
                }
                values[value] = types
            }
            levelKeys[key] = values
        }
        var names: [(String, [FacilityType])] = []
        for (i, item) in try r.array(school["names"], "school.names").enumerated() {
            let o = try r.object(item, "school.names[\(i)]")
            var types: [FacilityType] = []
            for (j, t) in try r.strings(o["types"], "school.names[\(i)].types").enumerated() {
                types.append(try facilityType(t, "school.names[\(i)].types[\(j)]", r))
            }
            names.append((try r.string(o["contains"], "school.names[\(i)].contains"), types))
        }
        var sizes: [(String, Double)] = []
        for (i, item) in try r.array(top["sports_ground_sizes"], "sports_ground_sizes").enumerated() {
            let o = try r.object(item, "sports_ground_sizes[\(i)]")
            let size = try r.string(o["size_class"], "sports_ground_sizes[\(i)].size_class")
            guard ["small", "medium", "large"].contains(size) else {
                throw r.fail("sports_ground_sizes[\(i)].size_class", "expected small, medium or large, found '\(size)'")
            }
            sizes.append((size, try r.number(o["from_m2"], "sports_ground_sizes[\(i)].from_m2", above: 0, inclusive: true)))
        }
        sizes.sort { $0.1 > $1.1 }
        let transit = try r.object(top["transit"], "transit")
        func patterns(_ key: String) throws(TableError) -> [TagPattern] {
            var out: [TagPattern] = []
            for (i, item) in try r.array(transit[key], "transit.\(key)").enumerated() {
                out.append(try pattern(item, "transit.\(key)[\(i)]", r))
            }
            return out
        }
        let transitRules = TransitRules(
            busStop: try patterns("bus_stop"),
            busStopMergeMetres: try r.number(transit["bus_stop_merge_m"], "transit.bus_stop_merge_m", above: 0, inclusive: true),
            metroStation: try patterns("metro_station"), railStation: try patterns("rail_station"),
            metroRoute: try pattern(transit["metro_route"], "transit.metro_route", r),
            stopRoles: Set(try r.strings(transit["stop_roles"], "transit.stop_roles")),
            stationMatchMetres: try r.number(transit["station_match_m"], "transit.station_match_m"),
            countedKeys: try r.strings(transit["counted_keys"], "transit.counted_keys"))
        return OSMFacilityRules(
            rules: rules, countedKeys: try r.strings(top["counted_keys"], "counted_keys"),
            school: SchoolLevelRules(levelKeys: levelKeys, names: names), sportsGroundSizes: sizes,
            sportsGroundPointSize: try r.string(top["sports_ground_point_size"], "sports_ground_point_size"),
            entranceKey: try r.string(top["entrance_key"], "entrance_key"),
            entrancePreferred: try r.strings(top["entrance_preferred"], "entrance_preferred"),
            transit: transitRules, path: r.path)
    }

    /// The facility type of the first rule matching `tags` (`school` for schools), with the rule's tag.
    public func match(_ tags: [String: String]) -> FacilityRule? {
        rules.first { $0.pattern.matches(tags) }
    }

    /// The size class of a sports ground of `area` m² (``sportsGroundPointSize`` without one).
    public func sizeClass(area: Double?) -> String {
        guard let area else { return sportsGroundPointSize }
        return sportsGroundSizes.first { area >= $0.fromM2 }?.sizeClass ?? sportsGroundPointSize
    }

    /// Every tag key the rules read.
    public var keys: Set<String> {
        var keys: Set<String> = ["name", "name:en", "name:zh", "ref", "type", "route", entranceKey, "operator"]
        for rule in rules { keys.formUnion(rule.pattern.tags.keys) }
        keys.formUnion(countedKeys)
        keys.formUnion(school.levelKeys.keys)
        for p in transit.busStop + transit.metroStation + transit.railStation + [transit.metroRoute] { keys.formUnion(p.tags.keys) }
        keys.formUnion(transit.countedKeys)
        return keys
    }
}
