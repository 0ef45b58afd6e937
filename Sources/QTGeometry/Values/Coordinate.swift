/// A 2-D position. `x` is longitude or easting, `y` latitude or northing: longitude first, always.
///
/// qtplan models the district in two dimensions. Heights carried by input data (GeoJSON's third position
/// element) are dropped on read; see ``GeoJSONReader`` for the policy.
public struct Coordinate: Hashable, Sendable, CustomStringConvertible {
    /// Longitude in degrees or easting in metres.
    public var x: Double
    /// Latitude in degrees or northing in metres.
    public var y: Double

    /// Creates a coordinate from longitude/easting `x` and latitude/northing `y`.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// Creates a coordinate from a longitude and a latitude in degrees.
    public init(lon: Double, lat: Double) {
        self.init(x: lon, y: lat)
    }

    /// Whether both ordinates are finite numbers (not NaN, not infinite).
    public var isFinite: Bool { x.isFinite && y.isFinite }

    public var description: String { "(\(x) \(y))" }
}
