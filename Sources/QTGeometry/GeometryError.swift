/// Why a geometry operation or a geometry reader failed.
///
/// Every GEOS failure becomes ``geos(function:message:)`` naming the C function and GEOS's own message;
/// the process is never stopped.
public enum GeometryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A GEOS C function reported failure. `message` is the text GEOS gave its error handler.
    case geos(function: String, message: String)
    /// A coordinate is NaN or infinite.
    case nonFiniteCoordinate(String)
    /// Text or bytes in a geometry format (WKT, WKB, GeoJSON) could not be read.
    case parse(format: String, message: String)
    /// An argument or structure GEOS would mishandle, refused before the call (a NaN buffer distance, a
    /// ring of fewer than four positions, a multi-point holding polygons).
    case invalidInput(String)

    public var description: String {
        switch self {
        case .geos(let function, let message): "\(function) failed: \(message)"
        case .nonFiniteCoordinate(let detail): "non-finite coordinate: \(detail)"
        case .parse(let format, let message): "invalid \(format): \(message)"
        case .invalidInput(let detail): detail
        }
    }
}
