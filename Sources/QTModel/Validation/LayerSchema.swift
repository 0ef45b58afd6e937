import QTGeometry

/// The layer schemas of geodata/README.md as data: which geometry types a feature may have and which
/// properties it needs, by layer (and, for transit and constraints, by `kind`).
///
/// The common properties (`id`, `source`, `accuracy_m`) have checks of their own, as have the counts and
/// measures (``CountsCheck``) and the controlled vocabularies (``VocabularyCheck``).
enum LayerSchema {
    /// A property's JSON type.
    enum FieldType: Equatable {
        case string, bool, stringArray, orderObject, positionArray

        var description: String {
            switch self {
            case .string: "a string"
            case .bool: "true or false"
            case .stringArray: "an array of strings"
            case .orderObject: "an object (line → order)"
            case .positionArray: "an array of [longitude, latitude] positions"
            }
        }

        func accepts(_ value: JSONValue) -> Bool {
            switch self {
            case .string: value.stringValue != nil
            case .bool: value.boolValue != nil
            case .stringArray: value.arrayValue?.allSatisfy { $0.stringValue != nil } == true
            case .orderObject: value.objectValue != nil
            case .positionArray:
                value.arrayValue?.allSatisfy { position in
                    guard let pair = position.arrayValue, pair.count == 2, let x = pair[0].doubleValue, let y = pair[1].doubleValue
                    else { return false }
                    return abs(x) <= 180 && abs(y) <= 90
                } == true
            }
        }
    }

    /// How a value that failed ``FieldType/accepts(_:)`` is described: its type, or for an array the type
    /// of its first wrong element.
    static func found(_ value: JSONValue) -> String {
        if let elements = value.arrayValue, let odd = elements.first(where: { $0.stringValue == nil }) {
            return "an array holding \(odd.typeDescription)"
        }
        return value.typeDescription
    }

    /// A property a feature must (or may) have.
    struct Field {
        var name: String
        var type: FieldType
        var required: Bool
    }

    static let polygonal: [GeometryKind] = [.polygon, .multiPolygon]

    /// The geometry types a feature of `layer` may have; `nil` when the feature's `kind` is unknown (the
    /// vocabulary check reports that).
    static func geometryKinds(_ layer: LayerName, _ feature: Feature) -> [GeometryKind]? {
        switch layer {
        case .boundary, .subdistricts, .industrialParks, .landuse, .population, .parks: return polygonal
        case .facilities: return [.point]
        case .network: return [.lineString]
        case .transit:
            switch kind(feature).flatMap(TransitKind.init(rawValue:)) {
            case .metroStation?, .railStation?, .busStop?: return [.point]
            case .metroLine?: return [.lineString]
            case .railLine?: return [.lineString, .multiLineString]
            case nil: return nil
            }
        case .constraints:
            switch kind(feature).flatMap(ConstraintKind.init(rawValue:)) {
            case .ecologicalRedLine?, .basicFarmland?: return polygonal
            case .hazardousSite?: return [.point]
            case nil: return nil
            }
        }
    }

    /// The layer-specific properties of a feature (beyond id, name, source, accuracy and the counts).
    static func fields(_ layer: LayerName, _ feature: Feature) -> [Field] {
        var fields = [
            Field(name: "name", type: .string, required: false),
            Field(name: "name_en", type: .string, required: false),
            Field(name: "outside", type: .bool, required: false)
        ]
        switch layer {
        case .boundary, .population:
            break
        case .parks:
            fields.append(Field(name: "entrances", type: .positionArray, required: false))
        case .subdistricts:
            fields.append(Field(name: "block", type: .string, required: true))
        case .industrialParks:
            fields += [
                Field(name: "kind", type: .string, required: true),
                Field(name: "industries", type: .string, required: true)
            ]
        case .transit:
            fields += [
                Field(name: "kind", type: .string, required: true),
                Field(name: "status", type: .string, required: true)
            ]
            switch kind(feature).flatMap(TransitKind.init(rawValue:)) {
            case .metroStation?:
                fields += [
                    Field(name: "lines", type: .stringArray, required: true),
                    Field(name: "order", type: .orderObject, required: true)
                ]
            case .metroLine?:
                fields += [
                    Field(name: "line", type: .string, required: true),
                    Field(name: "stations", type: .stringArray, required: true)
                ]
            default: break
            }
        case .facilities:
            fields += [
                Field(name: "type", type: .string, required: true),
                Field(name: "size_class", type: .string, required: false),
                Field(name: "grade", type: .string, required: false),
                Field(name: "level", type: .string, required: false),
                Field(name: "ownership", type: .string, required: false)
            ]
        case .constraints:
            fields.append(Field(name: "kind", type: .string, required: true))
            if kind(feature) == ConstraintKind.hazardousSite.rawValue {
                fields.append(Field(name: "industry", type: .string, required: true))
            }
        case .landuse:
            fields += [
                Field(name: "class", type: .string, required: true),
                Field(name: "code", type: .string, required: true)
            ]
        case .network:
            fields += [
                Field(name: "road_class", type: .string, required: true),
                Field(name: "walk", type: .bool, required: true),
                Field(name: "drive", type: .bool, required: true),
                Field(name: "oneway", type: .bool, required: true),
                Field(name: "walk_oneway", type: .bool, required: false),
                Field(name: "crossing", type: .string, required: false)
            ]
        }
        if layer == .population {
            fields += [
                Field(name: "urban", type: .bool, required: true),
                Field(name: "future_community", type: .bool, required: true)
            ]
        }
        return fields
    }

    /// The feature's `kind` property when it is a string.
    static func kind(_ feature: Feature) -> String? { feature.properties["kind"]?.stringValue }

    /// The values allowed for `industrial_parks.kind`.
    static let industrialParkKinds = ["platform", "planning_area"]
    /// The values allowed for `facilities.size_class`.
    static let sizeClasses = ["small", "medium", "large"]
    /// The values allowed for `facilities.ownership` (kindergartens: 公办, 民办普惠, other 民办).
    static let ownerships = ["public", "private_inclusive", "private"]
    /// The `level` values each facility type may carry (GB 50180-2018 appendix B's tiers of one type); a type not
    /// listed carries no `level`.
    public static let facilityLevels: [String: [String]] = [
        FacilityType.communityHealthCentre.rawValue: ["centre", "station"],
        FacilityType.cultureFacility.rawValue: ["district", "centre", "station"],
        FacilityType.elderlyCareHome.rawValue: ["care_home", "nursing_home"]
    ]
}
