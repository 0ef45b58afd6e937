import QTGeometry

/// A feature as the map draws it: its geometry in the map's metric CRS, and its properties.
public struct MapFeature: Sendable {
    /// The geometry, in the metric CRS.
    public var geometry: Geometry
    /// The source feature's properties.
    public var properties: PropertyMap

    /// The string property `key`, if any.
    public func string(_ key: String) -> String? { properties[key]?.stringValue }

    /// The number property `key`, if any.
    public func number(_ key: String) -> Double? { properties[key]?.doubleValue }
}

/// One layer of a map: features (WGS84) and how to draw, label and explain them.
public struct MapLayer: Sendable {
    /// A short identifier, used as the SVG group's class (`layer-ID`).
    public var id: String
    /// The legend's text.
    public var title: String
    /// The features, in WGS84 longitude/latitude.
    public var features: [Feature]
    /// How features are drawn when the layer has no classes.
    public var style: MapStyle
    /// Classes, each with its style and legend entry; a feature no class takes is not drawn.
    public var classes: [MapClass]
    /// A label drawn at the feature's point on surface (GEOS).
    public var label: (@Sendable (MapFeature) -> String?)?
    /// The text shown on hover (an SVG `<title>`, and `data-tip` for the report's own tooltip). Layers with a
    /// tooltip are drawn one element per feature; the others as one path per class, which keeps files small.
    public var tooltip: (@Sendable (MapFeature) -> String?)?
    /// Whether the legend lists the layer.
    public var inLegend: Bool

    /// Creates a layer.
    public init(
        id: String, title: String, features: [Feature], style: MapStyle = MapStyle(), classes: [MapClass] = [],
        label: (@Sendable (MapFeature) -> String?)? = nil, tooltip: (@Sendable (MapFeature) -> String?)? = nil,
        inLegend: Bool = true
    ) {
        self.id = id
        self.title = title
        self.features = features
        self.style = style
        self.classes = classes
        self.label = label
        self.tooltip = tooltip
        self.inLegend = inLegend
    }

    /// The style of `feature`: its class's, or the layer's; `nil` when no class takes it.
    func style(of feature: MapFeature) -> (style: MapStyle, classIndex: Int)? {
        if classes.isEmpty { return (style, -1) }
        guard let index = classes.firstIndex(where: { $0.matches(feature) }) else { return nil }
        return (classes[index].style, index)
    }
}
