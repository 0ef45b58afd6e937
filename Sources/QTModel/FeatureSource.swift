/// The documented forms of a feature's `source` (geodata/README.md): `reference:<dataset>`, `seed:<file>`,
/// `modelled`, `osm:<node|way|relation>/<id>`, and the planner's own inputs `poi:<file>`, `parcels:<file>`,
/// `census:<file>`, `raster:<file>`.
public enum FeatureSource {
    /// The kinds, in the order reports list them.
    public static let kinds = ["reference", "seed", "osm", "poi", "parcels", "census", "raster", "modelled"]

    /// The prefixes of sources naming a file or dataset.
    static let filePrefixes = ["seed", "reference", "poi", "parcels", "census", "raster"]

    /// Whether sources of `kind` are counted by their file (the planner's own inputs: `poi`, `parcels`, `census`,
    /// `raster`), so that a summary says which file a figure comes from.
    public static func namesFile(_ kind: String) -> Bool { ["poi", "parcels", "census", "raster"].contains(kind) }

    /// The order of a summary's source key (a kind, or a planner's `poi:FILE`): by kind, then by name.
    public static func order(_ a: String, _ b: String) -> Bool {
        func rank(_ key: String) -> Int {
            let kind = key.split(separator: ":", maxSplits: 1).first.map(String.init) ?? key
            return kinds.firstIndex(of: kind) ?? kinds.count
        }
        return (rank(a), a) < (rank(b), b)
    }

    /// The kind of a well-formed source (`reference`, `seed`, `modelled`, `osm`, `poi`, …), or `nil`.
    public static func kind(_ source: String) -> String? {
        if source == "modelled" { return "modelled" }
        if source.hasPrefix("osm:") {
            let parts = source.dropFirst(4).split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, ["node", "way", "relation"].contains(String(parts[0])), !parts[1].isEmpty,
                parts[1].allSatisfy({ $0.isASCII && $0.isNumber })
            else { return nil }
            return "osm"
        }
        for prefix in filePrefixes where source.hasPrefix(prefix + ":") {
            return source.dropFirst(prefix.count + 1).allSatisfy({ $0 == " " || $0 == "\t" }) ? nil : prefix
        }
        return nil
    }
}
