import CPROJ

/// Facts about the linked PROJ library.
public enum PROJInfo {
    /// The PROJ release, for example `"9.1.1"`. The corresponding PROJ function is `proj_info`.
    public static var version: String { proj_info().version.map { String(cString: $0) } ?? "unknown" }
}
