import QTText

/// Turns GeoJSON geometry objects into ``Geometry`` values, counting dropped altitudes.
///
/// Errors carry a path relative to the geometry object; callers prefix their own location while the error
/// travels outwards (``GeoJSONError/under(_:)``, ``GeoJSONError/at(_:)``), so paths cost nothing unless
/// something is wrong. The policy is documented on ``GeoJSONReader``.
struct GeoJSONGeometryDecoder {
    /// Positions whose third number (altitude) was dropped so far.
    var droppedZCount = 0

    /// The seven RFC 7946 geometry types.
    static let geometryTypes: Set<String> = [
        "Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon", "GeometryCollection"
    ]
    static let typeNames = "Point, LineString, Polygon, MultiPoint, MultiLineString, MultiPolygon or GeometryCollection"

    /// Decodes a geometry object; `depth` is the number of GeometryCollections it sits in, plus one.
    mutating func geometry(_ json: JSONValue, depth: Int = 1) throws(GeoJSONError) -> Geometry {
        guard case .object(let members) = json else {
            throw GeoJSONError(message: "expected a geometry object, found \(json.typeDescription)")
        }
        let type = try Self.typeName(members)
        switch type {
        case "GeometryCollection": return try collection(members, depth: depth)
        case "Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon": break
        default: throw Self.unknownType(type)
        }
        guard let coordinates = members["coordinates"] else {
            throw GeoJSONError(message: "\(type) has no \"coordinates\" member")
        }
        do {
            switch type {
            case "Point": return .point(try point(coordinates))
            case "LineString": return .lineString(try lineString(coordinates))
            case "Polygon": return .polygon(try polygon(coordinates))
            case "MultiPoint":
                return .multiPoint(MultiPoint(try multi(coordinates) { (d: inout Self, v) throws(GeoJSONError) in try d.point(v) }))
            case "MultiLineString":
                return .multiLineString(MultiLineString(try multi(coordinates) { (d: inout Self, v) throws(GeoJSONError) in try d.lineString(v) }))
            default:
                return .multiPolygon(MultiPolygon(try multi(coordinates) { (d: inout Self, v) throws(GeoJSONError) in try d.polygon(v) }))
            }
        } catch {
            throw error.under("coordinates")
        }
    }

    /// The `"type"` member, which must be a string.
    static func typeName(_ members: [String: JSONValue]) throws(GeoJSONError) -> String {
        guard let type = members["type"] else { throw GeoJSONError(message: "missing \"type\" member") }
        guard case .string(let name) = type else {
            throw GeoJSONError(path: "type", message: "expected a string, found \(type.typeDescription)")
        }
        return name
    }

    static func unknownType(_ type: String) -> GeoJSONError {
        GeoJSONError(path: "type", message: "unknown geometry type \(JSONText.quoted(type)); expected \(typeNames)")
    }

    private mutating func collection(_ members: [String: JSONValue], depth: Int) throws(GeoJSONError) -> Geometry {
        guard depth <= GeoJSONReader.maximumCollectionDepth else {
            throw GeoJSONError(message: "GeometryCollections nested more than \(GeoJSONReader.maximumCollectionDepth) deep")
        }
        guard let list = members["geometries"] else {
            throw GeoJSONError(message: "GeometryCollection has no \"geometries\" member")
        }
        guard case .array(let elements) = list else {
            throw GeoJSONError(path: "geometries", message: "expected an array of geometries, found \(list.typeDescription)")
        }
        var geometries: [Geometry] = []
        geometries.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            do {
                geometries.append(try geometry(element, depth: depth + 1))
            } catch {
                throw error.at(index).under("geometries")
            }
        }
        return .geometryCollection(GeometryCollection(geometries))
    }

    // MARK: Coordinates of each type; `[]` is the empty geometry of that type.

    private mutating func point(_ json: JSONValue) throws(GeoJSONError) -> Point {
        if json == .array([]) { return Point(nil) }
        return Point(try position(json))
    }

    private mutating func lineString(_ json: JSONValue) throws(GeoJSONError) -> LineString {
        let elements = try Self.array(json, of: "positions")
        let coordinates = try positions(elements)
        guard coordinates.isEmpty || coordinates.count >= 2 else {
            throw GeoJSONError(message: "line string has 1 position, expected at least 2 (or none for an empty line string)")
        }
        return LineString(coordinates)
    }

    private mutating func polygon(_ json: JSONValue) throws(GeoJSONError) -> Polygon {
        let elements = try Self.array(json, of: "linear rings")
        var rings: [[Coordinate]] = []
        rings.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            do {
                rings.append(try ring(element, index: index))
            } catch {
                throw error.at(index)
            }
        }
        return Polygon(rings: rings)
    }

    private mutating func ring(_ json: JSONValue, index: Int) throws(GeoJSONError) -> [Coordinate] {
        let name = index == 0 ? "ring 0 (exterior)" : "ring \(index) (hole)"
        let elements = try Self.array(json, of: "positions")
        guard elements.count >= 4 else {
            throw GeoJSONError(
                message: "\(name) has \(Self.count(elements.count, "position")), expected at least 4 "
                    + "(a closed ring repeats its first position at the end)")
        }
        let coordinates = try positions(elements)
        let first = coordinates[0], last = coordinates[coordinates.count - 1]
        guard first == last else {
            throw GeoJSONError(
                message: "\(name) is not closed: first position \(Self.show(first)) differs from last "
                    + "\(Self.show(last)); RFC 7946 requires the last position to equal the first, and qtplan does not "
                    + "close rings itself")
        }
        return coordinates
    }

    private mutating func multi<Member>(
        _ json: JSONValue, _ decode: (inout Self, JSONValue) throws(GeoJSONError) -> Member
    ) throws(GeoJSONError) -> [Member] {
        let elements = try Self.array(json, of: "members")
        var result: [Member] = []
        result.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            do {
                result.append(try decode(&self, element))
            } catch {
                throw error.at(index)
            }
        }
        return result
    }

    // MARK: Positions

    private mutating func positions(_ elements: [JSONValue]) throws(GeoJSONError) -> [Coordinate] {
        var coordinates: [Coordinate] = []
        coordinates.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            do {
                coordinates.append(try position(element))
            } catch {
                throw error.at(index)
            }
        }
        return coordinates
    }

    private mutating func position(_ json: JSONValue) throws(GeoJSONError) -> Coordinate {
        guard case .array(let numbers) = json else {
            throw GeoJSONError(message: "expected a position (an array of 2 or 3 numbers), found \(json.typeDescription)")
        }
        guard numbers.count >= 2 else {
            throw GeoJSONError(message: "position has \(Self.count(numbers.count, "number")), expected 2 or 3")
        }
        guard numbers.count <= 3 else {
            throw GeoJSONError(
                message: "position has \(numbers.count) numbers, expected 2 or 3: RFC 7946 §3.1.1 says "
                    + "positions SHOULD NOT have more than three elements, and qtplan refuses rather than guess what "
                    + "element 4 means")
        }
        var values: (Double, Double) = (0, 0)
        for (index, element) in numbers.enumerated() {
            guard case .number(let value) = element else {
                throw GeoJSONError(path: "[\(index)]", message: "expected a number, found \(element.typeDescription)")
            }
            guard value.isFinite else {
                throw GeoJSONError(path: "[\(index)]", message: "number \(value) is not finite")
            }
            if index == 0 { values.0 = value } else if index == 1 { values.1 = value }
        }
        if numbers.count == 3 { droppedZCount += 1 }
        return Coordinate(x: values.0, y: values.1)
    }

    // MARK: Helpers

    private static func array(_ json: JSONValue, of what: String) throws(GeoJSONError) -> [JSONValue] {
        guard case .array(let elements) = json else {
            throw GeoJSONError(message: "expected an array of \(what), found \(json.typeDescription)")
        }
        return elements
    }

    static func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }

    /// A position for messages: `[120.35, 30]`.
    private static func show(_ c: Coordinate) -> String {
        var out = JSONText()
        out.raw("[")
        out.number(c.x)
        out.raw(", ")
        out.number(c.y)
        out.raw("]")
        return out.text
    }
}
