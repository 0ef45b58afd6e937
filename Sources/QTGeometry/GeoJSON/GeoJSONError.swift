/// Why GeoJSON could not be read, and where: one line such as
/// `feature 12: geometry.coordinates[0][3]: position has 1 number, expected 2 or 3`.
public struct GeoJSONError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The index of the feature in the FeatureCollection's `"features"` array, or `nil` when the problem is
    /// not inside one feature of a collection (bad JSON, the collection itself, a lone Feature or Geometry).
    public var featureIndex: Int?
    /// Where in the feature (or in the document when ``featureIndex`` is `nil`) the problem is, in
    /// JavaScript-like notation: `geometry.coordinates[0][3]`, `crs`, `features`. Empty for the whole document.
    public var path: String
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(featureIndex: Int? = nil, path: String = "", message: String) {
        self.featureIndex = featureIndex
        self.path = path
        self.message = message
    }

    /// `feature N: path: message`, leaving out the parts that are absent.
    public var description: String {
        GeoJSONLocation.prefix(featureIndex: featureIndex, path: path) + message
    }

    /// The same error located one level further out, below member `key`.
    func under(_ key: String) -> GeoJSONError {
        var copy = self
        copy.path = path.isEmpty ? key : (path.hasPrefix("[") ? key + path : key + "." + path)
        return copy
    }

    /// The same error located one level further out, at array element `index`.
    func at(_ index: Int) -> GeoJSONError {
        var copy = self
        copy.path = path.isEmpty || path.hasPrefix("[") ? "[\(index)]" + path : "[\(index)]." + path
        return copy
    }

    /// The same error attributed to feature `index` of a collection.
    func inFeature(_ index: Int) -> GeoJSONError {
        var copy = self
        copy.featureIndex = index
        return copy
    }
}

/// Something GeoJSON reading accepted but changed, such as altitudes dropped from positions.
public struct GeoJSONWarning: Hashable, Sendable, CustomStringConvertible {
    /// The index of the feature in the collection, or `nil` for a lone Feature or Geometry.
    public var featureIndex: Int?
    /// What was changed, for example `12 positions had a Z value, dropped`.
    public var message: String

    /// Creates a warning.
    public init(featureIndex: Int? = nil, message: String) {
        self.featureIndex = featureIndex
        self.message = message
    }

    /// `feature N: message`, or just the message when ``featureIndex`` is `nil`.
    public var description: String {
        GeoJSONLocation.prefix(featureIndex: featureIndex, path: "") + message
    }
}

enum GeoJSONLocation {
    /// Paths longer than this many characters are shortened in messages (deeply nested collections).
    static let longestPath = 120

    static func prefix(featureIndex: Int?, path: String) -> String {
        var text = ""
        if let featureIndex { text += "feature \(featureIndex): " }
        if !path.isEmpty { text += shortened(path) + ": " }
        return text
    }

    /// The path itself, or its first and last 50 characters around `…` when it is longer than ``longestPath``.
    static func shortened(_ path: String) -> String {
        guard path.count > longestPath else { return path }
        return String(path.prefix(50)) + "…" + String(path.suffix(50))
    }
}
