/// A GeoJSON Feature (RFC 7946 §3.2): an optional geometry with an optional id and a properties object.
public struct Feature: Hashable, Sendable {
    /// The feature's `"id"` member (a string or a number), or `nil` when it has none.
    public var id: JSONValue?
    /// The geometry, or `nil` for a feature written with `"geometry": null`.
    public var geometry: Geometry?
    /// The `"properties"` members; empty when the feature has none (or `"properties": null`).
    public var properties: PropertyMap

    /// Creates a feature.
    public init(id: JSONValue? = nil, geometry: Geometry?, properties: PropertyMap = PropertyMap()) {
        self.id = id
        self.geometry = geometry
        self.properties = properties
    }

    /// Creates a feature with the members of a dictionary as its properties.
    public init(id: JSONValue? = nil, geometry: Geometry?, properties: [String: JSONValue]) {
        self.init(id: id, geometry: geometry, properties: PropertyMap(properties))
    }
}

/// A GeoJSON FeatureCollection (RFC 7946 §3.3): features in file order.
public struct FeatureCollection: Hashable, Sendable {
    /// The features, in the order read or to be written.
    public var features: [Feature]

    /// Creates a collection of `features`.
    public init(features: [Feature] = []) { self.features = features }
}
