/// Why a district folder could not be loaded. Each message is one line naming the file and what is wrong.
public enum DistrictError: SettingNamingError, Sendable, Equatable {
    /// A file that must exist does not (exit 66 in the CLI).
    case missingFile(path: String, what: String)
    /// A file exists but its content is wrong (exit 65 in the CLI).
    case invalidData(path: String, detail: SettingText)
    /// Something exists at the path but cannot be read as the input wanted: a file where a folder is
    /// expected, a folder where a file is, a file without read permission (exit 66 in the CLI).
    case unreadable(path: String, detail: String)

    /// The message, with any setting it points to named by `names`.
    public func message(_ names: SettingNames) -> String {
        switch self {
        case .missingFile(let path, let what): "\(path): \(what) not found"
        case .invalidData(let path, let detail): "\(path): \(detail.rendered(names))"
        case .unreadable(let path, let detail): "\(path): \(detail)"
        }
    }
}
