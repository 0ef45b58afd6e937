import QTGeometry

/// Hand-made geometry values and small numeric helpers shared by the QTGeometry test files.
/// (Namespaced so they cannot clash with helpers written by other test files in this target.)
enum GeomFixture {
    /// The closed counter-clockwise ring of the box [minX, maxX] x [minY, maxY].
    static func boxRing(_ minX: Double, _ minY: Double, _ maxX: Double, _ maxY: Double) -> [Coordinate] {
        [
            Coordinate(x: minX, y: minY), Coordinate(x: maxX, y: minY), Coordinate(x: maxX, y: maxY),
            Coordinate(x: minX, y: maxY), Coordinate(x: minX, y: minY)
        ]
    }

    /// The box [minX, maxX] x [minY, maxY] as a polygon value.
    static func box(_ minX: Double, _ minY: Double, _ maxX: Double, _ maxY: Double) -> Geometry {
        .polygon(Polygon(exterior: boxRing(minX, minY, maxX, maxY)))
    }

    /// A closed ring from (x, y) pairs; the first pair is repeated at the end.
    static func ring(_ xy: [(Double, Double)]) -> [Coordinate] {
        let coords = xy.map { Coordinate(x: $0.0, y: $0.1) }
        return coords + [coords[0]]
    }

    /// A line string value from (x, y) pairs.
    static func line(_ xy: [(Double, Double)]) -> Geometry {
        .lineString(LineString(xy.map { Coordinate(x: $0.0, y: $0.1) }))
    }

    static func point(_ x: Double, _ y: Double) -> Geometry { .point(Point(x: x, y: y)) }

    /// The bow-tie of the brief: its two diagonals cross at (1, 1).
    static let bowTie: Geometry = .polygon(Polygon(exterior: ring([(0, 0), (2, 2), (2, 0), (0, 2)])))

    /// Whether `a` and `b` differ by at most `tolerance`.
    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
        abs(a - b) <= tolerance
    }

    /// Whether an envelope matches the expected one to within `tolerance` on every side.
    static func close(_ a: Envelope?, _ b: Envelope, _ tolerance: Double = 1e-9) -> Bool {
        guard let a else { return false }
        return close(a.minX, b.minX, tolerance) && close(a.minY, b.minY, tolerance)
            && close(a.maxX, b.maxX, tolerance) && close(a.maxY, b.maxY, tolerance)
    }

    /// The shoelace area of a closed ring (absolute value), computed independently of GEOS.
    static func shoelaceArea(_ ring: [Coordinate]) -> Double {
        var twice = 0.0
        for i in 0..<(ring.count - 1) {
            twice += ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y
        }
        return abs(twice) / 2
    }

    /// The length of a polyline (or closed ring), computed independently of GEOS.
    static func pathLength(_ coords: [Coordinate]) -> Double {
        var total = 0.0
        for i in 0..<(coords.count - 1) {
            total +=
                ((coords[i + 1].x - coords[i].x) * (coords[i + 1].x - coords[i].x)
                + (coords[i + 1].y - coords[i].y) * (coords[i + 1].y - coords[i].y)).squareRoot()
        }
        return total
    }

    /// The exterior ring of a polygon value, or nil.
    static func exterior(_ g: Geometry) -> [Coordinate]? {
        if case .polygon(let p) = g { return p.exterior }
        return nil
    }

    /// The single coordinate of a point value, or nil.
    static func coordinate(_ g: Geometry) -> Coordinate? {
        if case .point(let p) = g { return p.coordinate }
        return nil
    }
}

/// A small seeded generator (SplitMix64) so that "random" test inputs are reproducible.
struct GeomSeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
