/// Why an OpenStreetMap file could not be read: one line naming the file and what is wrong.
public enum OSMError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file does not exist (exit 66 in the CLI).
    case missingFile(path: String)
    /// Something is at the path but cannot be read: a folder, no permission (exit 66).
    case unreadable(path: String, detail: String)
    /// The file's name says no format the reader reads (exit 64: the request is wrong, not the data).
    case unsupportedName(path: String)
    /// The content is not a readable OSM file, or reading stopped part-way (exit 65). No data read before the
    /// failure is ever used.
    case invalidData(path: String, detail: String)

    public var description: String {
        switch self {
        case .missingFile(let path): "\(path): OSM file not found"
        case .unreadable(let path, let detail): "\(path): \(detail)"
        case .unsupportedName(let path):
            "\(path): not an OSM file name: give an extract ending in .osm.pbf (or .pbf), .osm or .osm.bz2"
        case .invalidData(let path, let detail): "\(path): \(detail)"
        }
    }
}
