import CPROJ
import QTGeometry

/// Measurement on the WGS84 ellipsoid with Karney's geodesic algorithms (PROJ's `geodesic.h`), for
/// longitude/latitude geometries. Accurate to nanometres for lengths and to about a square millimetre per
/// square kilometre for areas; no projection is involved.
public struct Geodesic: Sendable {
    /// Semi-major axis in metres.
    public let semiMajorAxis: Double
    /// Flattening.
    public let flattening: Double

    /// The WGS84 ellipsoid (a = 6378137 m, f = 1/298.257223563).
    public static let wgs84 = Geodesic(semiMajorAxis: 6_378_137, flattening: 1 / 298.257223563)

    /// Creates a geodesic calculator for an ellipsoid.
    public init(semiMajorAxis: Double, flattening: Double) {
        self.semiMajorAxis = semiMajorAxis
        self.flattening = flattening
    }

    private func ellipsoid() -> geod_geodesic {
        var g = geod_geodesic()
        geod_init(&g, semiMajorAxis, flattening)
        return g
    }

    /// The area in square metres of the polygons in `geometry` (holes subtracted; points and lines add 0).
    /// Rings are measured by absolute value, so orientation does not matter. The corresponding PROJ function
    /// is `geod_polygonarea`.
    /// - Throws: ``ProjectionError/coordinate(index:x:y:message:)`` when a vertex is not a longitude/latitude
    ///   (a latitude beyond ±90°, or not finite), as happens when a projected geometry is passed by mistake.
    public func area(of geometry: Geometry) throws -> Double {
        try requireLongitudeLatitude(geometry)
        var g = ellipsoid()
        return geometry.polygons.reduce(0) { total, polygon in
            var area = 0.0
            for (i, ring) in polygon.rings.enumerated() {
                let a = abs(ringArea(ring, &g))
                area += i == 0 ? a : -a
            }
            return total + area
        }
    }

    /// The length in metres of the lines in `geometry`, plus the perimeter of its polygons (as GEOS's
    /// `GEOSLength_r` defines length). The corresponding PROJ function is `geod_inverse`.
    /// - Throws: ``ProjectionError/coordinate(index:x:y:message:)`` when a vertex is not a longitude/latitude.
    public func length(of geometry: Geometry) throws -> Double {
        try requireLongitudeLatitude(geometry)
        var g = ellipsoid()
        var total = 0.0
        func path(_ coordinates: [Coordinate]) {
            for (a, b) in zip(coordinates, coordinates.dropFirst()) { total += distance(a, b, &g) }
        }
        switch geometry {
        case .point, .multiPoint: break
        case .lineString(let l): path(l.coordinates)
        case .multiLineString(let m): m.lineStrings.forEach { path($0.coordinates) }
        case .polygon(let p): p.rings.forEach(path)
        case .multiPolygon(let m): m.polygons.forEach { $0.rings.forEach(path) }
        case .geometryCollection(let c): total += try c.geometries.reduce(0) { $0 + (try length(of: $1)) }
        }
        return total
    }

    /// The geodesic distance in metres between two longitude/latitude positions. The PROJ function is `geod_inverse`.
    public func distance(from a: Coordinate, to b: Coordinate) -> Double {
        var g = ellipsoid()
        return distance(a, b, &g)
    }

    private func distance(_ a: Coordinate, _ b: Coordinate, _ g: inout geod_geodesic) -> Double {
        var s12 = 0.0
        geod_inverse(&g, a.y, a.x, b.y, b.x, &s12, nil, nil)
        return s12
    }

    private func requireLongitudeLatitude(_ geometry: Geometry) throws {
        var index = 0
        try geometry.forEachCoordinate { c in
            guard c.isFinite, abs(c.y) <= 90, abs(c.x) <= 540 else {
                throw ProjectionError.coordinate(
                    index: index, x: c.x, y: c.y,
                    message: "not a longitude/latitude in degrees")
            }
            index += 1
        }
    }

    private func ringArea(_ ring: [Coordinate], _ g: inout geod_geodesic) -> Double {
        // geod_polygonarea wants an open ring: drop the closing vertex.
        let open = ring.count > 1 && ring.first == ring.last ? Array(ring.dropLast()) : ring
        guard open.count >= 3 else { return 0 }
        var lats = open.map(\.y), lons = open.map(\.x)
        var area = 0.0, perimeter = 0.0
        geod_polygonarea(&g, &lats, &lons, Int32(open.count), &area, &perimeter)
        return area
    }
}
