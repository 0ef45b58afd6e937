/// Why a projection, transformation or geodesic computation failed.
public enum ProjectionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A PROJ C function reported failure; `message` is PROJ's own text.
    case proj(function: String, message: String)
    /// A CRS name qtplan cannot interpret.
    case unknownCRS(String)
    /// A coordinate could not be transformed (outside the CRS's domain, or not finite).
    case coordinate(index: Int, x: Double, y: Double, message: String)

    public var description: String {
        switch self {
        case .proj(let function, let message): "\(function) failed: \(message)"
        case .unknownCRS(let name): "unknown CRS '\(name)' (use EPSG:n, GCJ02, WGS84 or a PROJ string)"
        case .coordinate(let index, let x, let y, let message):
            "cannot transform coordinate \(index) (\(x), \(y)): \(message)"
        }
    }
}
