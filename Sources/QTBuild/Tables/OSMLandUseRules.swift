import Foundation
import QTGeometry
import QTModel

/// Which buildings hold residents and how their floor area is counted.
public struct ResidentialBuildingRules: Hashable, Sendable {
    /// The building key (`building`).
    public var key: String
    /// Values that are residential wherever the building stands.
    public var values: Set<String>
    /// Values that are residential inside `landuse=residential` (`yes`).
    public var insideResidentialValues: Set<String>
    /// The key giving storeys above ground (`building:levels`).
    public var levelsKey: String
    /// Storeys taken where the key is missing or not a number.
    public var defaultLevels: Double
    /// Floor area per resident, m², for the residents' total when `--residents` is not given.
    public var floorAreaPerResident: Double
}

/// The table `geodata/standards/osm-landuse.json`: OSM area tags → land-use classes, and residential buildings.
public struct OSMLandUseRules: Hashable, Sendable {
    /// Keys in order, each with value → class.
    public var keys: [(key: String, values: [String: LandUseClass])]
    /// Residential buildings.
    public var residential: ResidentialBuildingRules
    /// The file it was read from.
    public var path: String

    public static func == (a: OSMLandUseRules, b: OSMLandUseRules) -> Bool { a.path == b.path && a.residential == b.residential }
    public func hash(into hasher: inout Hasher) { hasher.combine(path) }

    /// Reads the table at `path`.
    public static func load(path: String) throws(TableError) -> OSMLandUseRules {
        let (reader, root) = try TableReader.root(path: path)
        return try parse(root, reader)
    }

    /// Reads a table from its text; `path` names it in errors.
    public static func parse(data: Data, path: String) throws(TableError) -> OSMLandUseRules {
        let (reader, root) = try TableReader.root(data: data, path: path)
        return try parse(root, reader)
    }

    static func parse(_ root: JSONValue, _ r: TableReader) throws(TableError) -> OSMLandUseRules {
        let top = try r.object(root, "")
        var keys: [(String, [String: LandUseClass])] = []
        for (i, item) in try r.array(top["keys"], "keys").enumerated() {
            let o = try r.object(item, "keys[\(i)]")
            let key = try r.string(o["key"], "keys[\(i)].key")
            var values: [String: LandUseClass] = [:]
            for (value, cls) in try r.object(o["values"], "keys[\(i)].values") {
                let text = try r.string(cls, "keys[\(i)].values.\(value)")
                guard let c = LandUseClass(rawValue: text) else {
                    throw r.fail(
                        "keys[\(i)].values.\(value)",
                        "unknown land-use class '\(text)' (known: "
                            + LandUseClass.allCases.map(\.rawValue).joined(separator: ", ") + ")")
                }
                values[value] = c
            }
            keys.append((key, values))
        }
        let b = try r.object(top["residential_buildings"], "residential_buildings")
        let residential = ResidentialBuildingRules(
            key: try r.string(b["key"], "residential_buildings.key"),
            values: Set(try r.strings(b["values"], "residential_buildings.values")),
            insideResidentialValues: Set(try r.strings(b["inside_residential_values"], "residential_buildings.inside_residential_values")),
            levelsKey: try r.string(b["levels_key"], "residential_buildings.levels_key"),
            defaultLevels: try r.number(b["default_levels"], "residential_buildings.default_levels"),
            floorAreaPerResident: try r.number(b["floor_area_per_resident_m2"], "residential_buildings.floor_area_per_resident_m2"))
        return OSMLandUseRules(keys: keys, residential: residential, path: r.path)
    }

    /// The class of an area with `tags` and the tag that decided; `nil` when no listed key has a listed value.
    public func landUse(_ tags: [String: String]) -> (cls: LandUseClass, tag: String)? {
        for (key, values) in keys {
            if let value = tags[key], let cls = values[value] { return (cls, "\(key)=\(value)") }
        }
        return nil
    }

    /// Every tag key the rules read.
    public var tagKeys: Set<String> {
        Set(keys.map(\.key)).union([residential.key, residential.levelsKey, "type", "name"])
    }
}
