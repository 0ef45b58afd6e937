/// Why reading or writing a file through GDAL failed.
///
/// Every GDAL failure becomes ``gdal(function:message:)`` naming the C function and GDAL's own message; the
/// others name the file and what is wrong with it in words a GIS user acts on.
public enum FormatsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A GDAL C function reported failure; `message` is GDAL's own text.
    case gdal(function: String, message: String)
    /// The file's extension names no format qtplan reads or writes (or not in this direction).
    case unknownFormat(path: String, detail: String)
    /// The data cannot be held by the format or CRS asked for (a GeometryCollection in a Shapefile, GCJ-02
    /// coordinates in a file whose CRS cannot say so).
    case unsupported(path: String, detail: String)
    /// A file that GDAL opened holds something qtplan cannot use (text that is not UTF-8, no CRS, an unknown
    /// layer name).
    case invalidData(path: String, detail: String)
    /// The file does not exist.
    case missingFile(path: String)
    /// An output could not be written (a missing or read-only folder, a full disk, a failed rename).
    case cannotWrite(path: String, detail: String)
    /// A database could not be reached: `target` is the connection (password redacted), `message` the
    /// server's or libpq's own words.
    case unreachable(target: String, message: String)

    public var description: String {
        switch self {
        case .gdal(let function, let message): "\(function) failed: \(message)"
        case .unknownFormat(let path, let detail), .unsupported(let path, let detail), .invalidData(let path, let detail),
            .cannotWrite(let path, let detail):
            "\(path): \(detail)"
        case .missingFile(let path): "\(path): file not found"
        case .unreachable(let target, let message): "\(target): cannot connect: \(message)"
        }
    }

    /// What is wrong, without the file: for callers whose messages name the file themselves (the district
    /// loader, the CLI naming an output's destination rather than its staging folder).
    public var detail: String {
        switch self {
        case .gdal: description
        case .unknownFormat(_, let detail), .unsupported(_, let detail), .invalidData(_, let detail), .cannotWrite(_, let detail):
            detail
        case .missingFile: "file not found"
        case .unreachable(_, let message): "cannot connect: \(message)"
        }
    }
}
