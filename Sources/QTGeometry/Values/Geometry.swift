/// A point; `coordinate` is `nil` for the empty point.
public struct Point: Hashable, Sendable {
    /// The position, or `nil` when the point is empty.
    public var coordinate: Coordinate?
    /// Creates a point, empty when `coordinate` is `nil`.
    public init(_ coordinate: Coordinate?) { self.coordinate = coordinate }
    /// Creates a point from `x` (longitude or easting) and `y` (latitude or northing).
    public init(x: Double, y: Double) { self.coordinate = Coordinate(x: x, y: y) }
}

/// A line string: two or more positions, or none when empty.
public struct LineString: Hashable, Sendable {
    /// The vertices in order.
    public var coordinates: [Coordinate]
    /// Creates a line string from its vertices.
    public init(_ coordinates: [Coordinate]) { self.coordinates = coordinates }
}

/// A polygon: an exterior ring followed by zero or more holes, each ring closed (first == last).
/// A polygon with no rings is the empty polygon.
public struct Polygon: Hashable, Sendable {
    /// All rings, exterior first. Each ring repeats its first coordinate at the end.
    public var rings: [[Coordinate]]
    /// Creates a polygon from its rings, exterior first.
    public init(rings: [[Coordinate]]) { self.rings = rings }
    /// Creates a polygon from an exterior ring and holes.
    public init(exterior: [Coordinate], holes: [[Coordinate]] = []) { self.rings = [exterior] + holes }
    /// The exterior ring, or `nil` for the empty polygon.
    public var exterior: [Coordinate]? { rings.first }
    /// The interior rings (holes).
    public var holes: ArraySlice<[Coordinate]> { rings.dropFirst() }
}

/// A collection of points.
public struct MultiPoint: Hashable, Sendable {
    /// The member points.
    public var points: [Point]
    /// Creates a multi-point from its members.
    public init(_ points: [Point]) { self.points = points }
}

/// A collection of line strings.
public struct MultiLineString: Hashable, Sendable {
    /// The member line strings.
    public var lineStrings: [LineString]
    /// Creates a multi-line-string from its members.
    public init(_ lineStrings: [LineString]) { self.lineStrings = lineStrings }
}

/// A collection of polygons.
public struct MultiPolygon: Hashable, Sendable {
    /// The member polygons.
    public var polygons: [Polygon]
    /// Creates a multi-polygon from its members.
    public init(_ polygons: [Polygon]) { self.polygons = polygons }
}

/// A heterogeneous collection of geometries.
public struct GeometryCollection: Hashable, Sendable {
    /// The member geometries.
    public var geometries: [Geometry]
    /// Creates a collection from its members.
    public init(_ geometries: [Geometry]) { self.geometries = geometries }
}

/// A 2-D geometry as a plain Sendable value, independent of any GEOS context.
///
/// Values are what qtplan stores, returns and passes between tasks. To compute with one, turn it into a
/// ``NativeGeometry`` owned by a task's ``GeometryContext``: `try context.make(geometry)`.
public enum Geometry: Hashable, Sendable {
    case point(Point)
    case lineString(LineString)
    case polygon(Polygon)
    case multiPoint(MultiPoint)
    case multiLineString(MultiLineString)
    case multiPolygon(MultiPolygon)
    case geometryCollection(GeometryCollection)

    /// The geometry's type.
    public var kind: GeometryKind {
        switch self {
        case .point: .point
        case .lineString: .lineString
        case .polygon: .polygon
        case .multiPoint: .multiPoint
        case .multiLineString: .multiLineString
        case .multiPolygon: .multiPolygon
        case .geometryCollection: .geometryCollection
        }
    }

    /// Whether the geometry has no coordinates at all.
    public var isEmpty: Bool {
        var empty = true
        forEachCoordinate { _ in empty = false }
        return empty
    }

    /// Calls `body` on every vertex, in storage order (rings include their closing vertex).
    public func forEachCoordinate(_ body: (Coordinate) throws -> Void) rethrows {
        switch self {
        case .point(let p): if let c = p.coordinate { try body(c) }
        case .lineString(let l): try l.coordinates.forEach(body)
        case .polygon(let p): for ring in p.rings { try ring.forEach(body) }
        case .multiPoint(let m): for p in m.points { if let c = p.coordinate { try body(c) } }
        case .multiLineString(let m): for l in m.lineStrings { try l.coordinates.forEach(body) }
        case .multiPolygon(let m): for p in m.polygons { for ring in p.rings { try ring.forEach(body) } }
        case .geometryCollection(let g): for member in g.geometries { try member.forEachCoordinate(body) }
        }
    }

    /// Returns the geometry with `transform` applied to every vertex, keeping the structure.
    public func mapCoordinates(_ transform: (Coordinate) throws -> Coordinate) rethrows -> Geometry {
        func ring(_ r: [Coordinate]) throws -> [Coordinate] { try r.map(transform) }
        func polygon(_ p: Polygon) throws -> Polygon { Polygon(rings: try p.rings.map(ring)) }
        switch self {
        case .point(let p): return .point(Point(try p.coordinate.map(transform)))
        case .lineString(let l): return .lineString(LineString(try ring(l.coordinates)))
        case .polygon(let p): return .polygon(try polygon(p))
        case .multiPoint(let m): return .multiPoint(MultiPoint(try m.points.map { Point(try $0.coordinate.map(transform)) }))
        case .multiLineString(let m):
            return .multiLineString(MultiLineString(try m.lineStrings.map { LineString(try ring($0.coordinates)) }))
        case .multiPolygon(let m): return .multiPolygon(MultiPolygon(try m.polygons.map(polygon)))
        case .geometryCollection(let g):
            return .geometryCollection(GeometryCollection(try g.geometries.map { try $0.mapCoordinates(transform) }))
        }
    }

    /// Returns the geometry with every path (a line string, or a polygon's ring) replaced by `transform` of it,
    /// keeping the structure; points are unchanged. What densifying and similar edge-wise work is built on.
    public func mapPaths(_ transform: ([Coordinate]) throws -> [Coordinate]) rethrows -> Geometry {
        func polygon(_ p: Polygon) throws -> Polygon { Polygon(rings: try p.rings.map(transform)) }
        switch self {
        case .point, .multiPoint: return self
        case .lineString(let l): return .lineString(LineString(try transform(l.coordinates)))
        case .polygon(let p): return .polygon(try polygon(p))
        case .multiLineString(let m):
            return .multiLineString(MultiLineString(try m.lineStrings.map { LineString(try transform($0.coordinates)) }))
        case .multiPolygon(let m): return .multiPolygon(MultiPolygon(try m.polygons.map(polygon)))
        case .geometryCollection(let g):
            return .geometryCollection(GeometryCollection(try g.geometries.map { try $0.mapPaths(transform) }))
        }
    }

    /// Calls `body` with every path (a line string, or a polygon's ring), in order; points have none.
    public func forEachPath(_ body: ([Coordinate]) throws -> Void) rethrows {
        switch self {
        case .point, .multiPoint: break
        case .lineString(let l): try body(l.coordinates)
        case .polygon(let p): try p.rings.forEach(body)
        case .multiLineString(let m): try m.lineStrings.forEach { try body($0.coordinates) }
        case .multiPolygon(let m): try m.polygons.forEach { try $0.rings.forEach(body) }
        case .geometryCollection(let g): try g.geometries.forEach { try $0.forEachPath(body) }
        }
    }

    /// The number of vertices (rings count their closing vertex).
    public var coordinateCount: Int {
        var n = 0
        forEachCoordinate { _ in n += 1 }
        return n
    }

    /// The bounding box, or `nil` for an empty geometry.
    public var envelope: Envelope? {
        var box: Envelope?
        forEachCoordinate { c in
            if box == nil { box = Envelope(minX: c.x, minY: c.y, maxX: c.x, maxY: c.y) } else { box!.expand(to: c) }
        }
        return box
    }
}

/// The seven geometry types of the OGC simple-features model, with GEOS's type ids as raw values.
public enum GeometryKind: Int32, Sendable, CaseIterable, CustomStringConvertible {
    case point = 0
    case lineString = 1
    case linearRing = 2
    case polygon = 3
    case multiPoint = 4
    case multiLineString = 5
    case multiPolygon = 6
    case geometryCollection = 7

    /// The name used by WKT and GeoJSON (`"LineString"`, `"MultiPolygon"`, …).
    public var description: String {
        switch self {
        case .point: "Point"
        case .lineString: "LineString"
        case .linearRing: "LinearRing"
        case .polygon: "Polygon"
        case .multiPoint: "MultiPoint"
        case .multiLineString: "MultiLineString"
        case .multiPolygon: "MultiPolygon"
        case .geometryCollection: "GeometryCollection"
        }
    }
}

/// An axis-aligned bounding box.
public struct Envelope: Hashable, Sendable {
    /// Smallest x (west).
    public var minX: Double
    /// Smallest y (south).
    public var minY: Double
    /// Largest x (east).
    public var maxX: Double
    /// Largest y (north).
    public var maxY: Double

    /// Creates a box from its bounds.
    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX; self.minY = minY; self.maxX = maxX; self.maxY = maxY
    }

    /// Grows the box to include `c`.
    public mutating func expand(to c: Coordinate) {
        minX = Swift.min(minX, c.x); minY = Swift.min(minY, c.y)
        maxX = Swift.max(maxX, c.x); maxY = Swift.max(maxY, c.y)
    }

    /// Whether `c` lies inside or on the box.
    public func contains(_ c: Coordinate) -> Bool {
        c.x >= minX && c.x <= maxX && c.y >= minY && c.y <= maxY
    }
}
