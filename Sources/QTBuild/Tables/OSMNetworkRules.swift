import Foundation
import QTGeometry
import QTModel

/// How one `highway=*` class enters the network: its qtplan road class, whether walkers and drivers may use
/// it by default, its default driving speed and whether it is one-way without a tag.
public struct HighwayClassRule: Hashable, Sendable {
    /// The qtplan road class (``QTModel/RoadClass``).
    public var roadClass: RoadClass
    /// Walkable unless tags close it.
    public var walk: Bool
    /// Drivable unless tags close it.
    public var drive: Bool
    /// The class's driving speed, km/h, where `maxspeed` gives none (for classes never driven, the walking
    /// speed of OSRM's foot profile, 5 km/h: the network layer needs a speed on every edge, and qtplan's walk
    /// mode walks at its own speed whatever the edge says).
    public var speedKmh: Double
    /// One-way without an `oneway` tag (OSM's convention for motorways).
    public var impliedOneway: Bool
}

/// The table `geodata/standards/osm-network.json`: which ways make the walk and drive networks, one-way rules
/// and speeds. Read by ``load(path:)``; every value is data a planner can edit (schema in the README beside it).
public struct OSMNetworkRules: Hashable, Sendable {
    /// The highway classes of the network, by `highway` value. Values not listed and not excluded are counted
    /// as unmapped.
    public var highway: [String: HighwayClassRule]
    /// Highway values that are never part of the network (not built, not a way).
    public var excludedHighway: Set<String>
    /// The key marking a way under construction (`construction`) and the values that leave it usable
    /// (`no`, `widening`, `minor`: OSRM's construction whitelist); any other value takes the way out.
    public var constructionKey: String
    /// Values of ``constructionKey`` that leave the way in the network.
    public var constructionOpen: Set<String>
    /// Tags that take a way out of both networks, of walking or of driving: key → values.
    public var excludedBoth: [String: Set<String>]
    /// Tags that take a way out of the walk network.
    public var excludedWalk: [String: Set<String>]
    /// Tags that take a way out of the drive network.
    public var excludedDrive: [String: Set<String>]
    /// The access keys of walking, most specific first (`foot`, `access`).
    public var walkAccessKeys: [String]
    /// The access keys of driving, most specific first (`motorcar`, `motor_vehicle`, `vehicle`, `access`).
    public var driveAccessKeys: [String]
    /// Access values that close a way to the mode.
    public var closedAccess: Set<String>
    /// Access values that open a way to the mode even when its class is closed to it (a cycleway with
    /// `foot=designated` is walked).
    public var openingAccess: Set<String>
    /// `oneway` values meaning first → last node.
    public var onewayForward: Set<String>
    /// `oneway` values meaning last → first node.
    public var onewayBackward: Set<String>
    /// `oneway` values meaning two-way (also where a class implies one-way).
    public var onewayTwoWay: Set<String>
    /// `oneway` values that leave a way out of driving (it changes direction during the day).
    public var onewayNotDriven: Set<String>
    /// `junction` values that make a way one-way.
    public var onewayJunctions: Set<String>
    /// The key that makes a way one-way for walkers (`oneway:foot`).
    public var walkOnewayKey: String
    /// Unit suffixes of `maxspeed` → km/h per unit (the empty suffix: a bare number, km/h).
    public var maxspeedUnits: [String: Double]
    /// The range of plausible speeds; values outside are warned about and replaced by the class's speed.
    public var maxspeedRange: ClosedRange<Double>
    /// Zone values (`cn:urban`, `gb:nsl_single`, lower-case) → km/h.
    public var maxspeedZones: [String: Double]
    /// Zone kinds (`urban`, `rural`, `trunk`, `motorway`) → km/h for countries the zone table does not list.
    public var maxspeedZoneDefaults: [String: Double]
    /// Words meaning no limit (`none`) → the speed taken.
    public var maxspeedUnlimited: [String: Double]
    /// The file it was read from.
    public var path: String

    /// Reads the table at `path`.
    public static func load(path: String) throws(TableError) -> OSMNetworkRules {
        let (reader, root) = try TableReader.root(path: path)
        return try parse(root, reader)
    }

    /// Reads a table from its text; `path` names it in errors.
    public static func parse(data: Data, path: String) throws(TableError) -> OSMNetworkRules {
        let (reader, root) = try TableReader.root(data: data, path: path)
        return try parse(root, reader)
    }

    static func parse(_ root: JSONValue, _ r: TableReader) throws(TableError) -> OSMNetworkRules {
        let top = try r.object(root, "")
        var highway: [String: HighwayClassRule] = [:]
        for (value, item) in try r.object(top["highway"], "highway") {
            let at = "highway.\(value)"
            let o = try r.object(item, at)
            let classText = try r.string(o["road_class"], "\(at).road_class")
            guard let roadClass = RoadClass(rawValue: classText) else {
                throw r.fail(
                    "\(at).road_class",
                    "unknown road class '\(classText)' (known: "
                        + RoadClass.allCases.map(\.rawValue).joined(separator: ", ") + ")")
            }
            let drive = try r.bool(o["drive"], "\(at).drive")
            let speed = try r.number(o["speed_kmh"], "\(at).speed_kmh")
            let implied = try o["implied_oneway"].map { v throws(TableError) in try r.bool(v, "\(at).implied_oneway") } ?? false
            highway[value] = HighwayClassRule(
                roadClass: roadClass, walk: try r.bool(o["walk"], "\(at).walk"), drive: drive,
                speedKmh: speed, impliedOneway: implied)
        }
        let excluded = Set(try r.strings(top["excluded_highway"], "excluded_highway"))
        if let both = excluded.intersection(highway.keys).sorted().first {
            throw r.fail("excluded_highway", "'\(both)' is also a class of 'highway'")
        }
        let construction = try r.object(top["construction"], "construction")
        let tags = try r.object(top["excluded_tags"], "excluded_tags")
        let access = try r.object(top["access"], "access")
        let oneway = try r.object(top["oneway"], "oneway")
        let speed = try r.object(top["maxspeed"], "maxspeed")
        var units: [String: Double] = [:]
        for (unit, factor) in try r.object(speed["units"], "maxspeed.units") {
            units[unit.lowercased()] = try r.number(factor, "maxspeed.units.\(unit)")
        }
        let range = try r.object(speed["valid_kmh"], "maxspeed.valid_kmh")
        let low = try r.number(range["min"], "maxspeed.valid_kmh.min")
        let high = try r.number(range["max"], "maxspeed.valid_kmh.max")
        guard low < high else { throw r.fail("maxspeed.valid_kmh", "min must be below max") }
        func speeds(_ key: String) throws(TableError) -> [String: Double] {
            var out: [String: Double] = [:]
            for (k, v) in try r.object(speed[key], "maxspeed.\(key)") { out[k.lowercased()] = try r.number(v, "maxspeed.\(key).\(k)") }
            return out
        }
        return OSMNetworkRules(
            highway: highway, excludedHighway: excluded,
            constructionKey: try r.string(construction["key"], "construction.key"),
            constructionOpen: Set(try r.strings(construction["open"], "construction.open")),
            excludedBoth: try r.tagLists(tags["both"], "excluded_tags.both"),
            excludedWalk: try r.tagLists(tags["walk"], "excluded_tags.walk"),
            excludedDrive: try r.tagLists(tags["drive"], "excluded_tags.drive"),
            walkAccessKeys: try r.strings(access["walk"], "access.walk"),
            driveAccessKeys: try r.strings(access["drive"], "access.drive"),
            closedAccess: Set(try r.strings(access["closed"], "access.closed")),
            openingAccess: Set(try r.strings(access["opens"], "access.opens")),
            onewayForward: Set(try r.strings(oneway["forward"], "oneway.forward")),
            onewayBackward: Set(try r.strings(oneway["backward"], "oneway.backward")),
            onewayTwoWay: Set(try r.strings(oneway["two_way"], "oneway.two_way")),
            onewayNotDriven: Set(try r.strings(oneway["not_driven"], "oneway.not_driven")),
            onewayJunctions: Set(try r.strings(oneway["junctions"], "oneway.junctions")),
            walkOnewayKey: try r.string(oneway["walk_key"], "oneway.walk_key"),
            maxspeedUnits: units, maxspeedRange: low...high,
            maxspeedZones: try speeds("zones"), maxspeedZoneDefaults: try speeds("zone_defaults"),
            maxspeedUnlimited: try speeds("unlimited"), path: r.path)
    }

    /// Every tag key the rules read (the reader keeps only these, and the facility and land-use tables' own).
    public var keys: Set<String> {
        var keys: Set<String> = ["highway", "maxspeed", "oneway", "junction", "name", walkOnewayKey, constructionKey]
        for list in [excludedBoth, excludedWalk, excludedDrive] { keys.formUnion(list.keys) }
        keys.formUnion(walkAccessKeys)
        keys.formUnion(driveAccessKeys)
        return keys
    }
}
