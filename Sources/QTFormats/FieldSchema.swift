import CGDAL
import QTGeometry

/// How one feature property is stored in a GDAL field, decided from the values of every feature.
///
/// - `integer`: every value is a whole number below 2^53 in magnitude (OGR `Integer64`);
/// - `real`: every value is a number (OGR `Real`);
/// - `boolean`: every value is `true` or `false` (OGR `Integer`, subtype `Boolean`);
/// - `string`: every value is a string, or the values mix types (numbers and booleans then written as their
///   JSON text);
/// - `json`: some value is an array or an object: each value is written as JSON text (OGR `String`, subtype
///   `JSON`), which GDAL's readers and qtplan's loader turn back into values.
/// `null` values leave the field null whatever its kind; a property absent from a feature leaves it unset.
enum FieldKind: Equatable {
    case integer, real, boolean, string, json

    var ogrType: OGRFieldType {
        switch self {
        case .integer: OFTInteger64
        case .real: OFTReal
        case .boolean: OFTInteger
        case .string, .json: OFTString
        }
    }

    var ogrSubtype: OGRFieldSubType {
        switch self {
        case .boolean: OFSTBoolean
        case .json: OFSTJSON
        default: OFSTNone
        }
    }
}

/// A field to create: its property name and kind.
struct FieldSchema: Equatable {
    var name: String
    var kind: FieldKind

    /// The fields for `features`: every property key of any feature (and `id` when a feature has a GeoJSON id
    /// but no `id` property), in `keyOrder` first, then sorted, as qtplan's GeoJSON writer orders them.
    static func infer(_ features: [Feature], keyOrder: [String] = GeoJSONWriter.defaultKeyOrder) -> [FieldSchema] {
        var kinds: [String: FieldKind?] = [:] // .some(nil): only nulls seen so far
        for feature in features {
            for (key, value) in properties(of: feature) {
                let seen = kinds[key] ?? nil
                kinds[key] = merge(seen, kind(of: value))
            }
        }
        let ordered = keyOrder.filter { kinds[$0] != nil } + kinds.keys.filter { !keyOrder.contains($0) }.sorted()
        return ordered.map { FieldSchema(name: $0, kind: (kinds[$0] ?? nil) ?? .string) }
    }

    /// A feature's properties, with its GeoJSON id as `id` when the properties have none.
    static func properties(of feature: Feature) -> PropertyMap {
        var properties = feature.properties
        if properties["id"] == nil, let id = feature.id { properties["id"] = id }
        return properties
    }

    private static func kind(of value: JSONValue) -> FieldKind? {
        switch value {
        case .null: nil
        case .bool: .boolean
        case .number(let d): d == d.rounded() && abs(d) < 9_007_199_254_740_992 ? .integer : .real
        case .string: .string
        case .array, .object: .json
        }
    }

    private static func merge(_ a: FieldKind?, _ b: FieldKind?) -> FieldKind? {
        guard let a else { return b }
        guard let b, a != b else { return a }
        switch (a, b) {
        case (.integer, .real), (.real, .integer): return .real
        case (.json, _), (_, .json): return .json
        default: return .string
        }
    }
}
