import QTText

/// How a map draws a feature: fill and stroke in CSS colours, widths in pixels.
public struct MapStyle: Hashable, Sendable {
    /// Fill colour (`nil`: no fill).
    public var fill: String?
    /// Fill opacity, 0–1.
    public var fillOpacity: Double
    /// Stroke colour (`nil`: no outline).
    public var stroke: String?
    /// Stroke width in pixels.
    public var strokeWidth: Double
    /// A dash pattern in pixels, e.g. `"4 3"`.
    public var dash: String?
    /// Radius of point symbols in pixels.
    public var radius: Double

    /// Creates a style.
    public init(
        fill: String? = nil, fillOpacity: Double = 1, stroke: String? = nil, strokeWidth: Double = 1,
        dash: String? = nil, radius: Double = 3
    ) {
        self.fill = fill
        self.fillOpacity = fillOpacity
        self.stroke = stroke
        self.strokeWidth = strokeWidth
        self.dash = dash
        self.radius = radius
    }

    /// The SVG presentation attributes.
    var attributes: String {
        var out = "fill=\"\(fill ?? "none")\""
        if fill != nil && fillOpacity < 1 { out += " fill-opacity=\"\(NumberText.compact(fillOpacity, 2))\"" }
        if let stroke {
            out += " stroke=\"\(stroke)\" stroke-width=\"\(NumberText.compact(strokeWidth, 2))\" stroke-linejoin=\"round\""
            if let dash { out += " stroke-dasharray=\"\(dash)\"" }
        } else {
            out += " stroke=\"none\""
        }
        return out
    }
}

/// One class of a classified layer: a legend entry and the features it takes.
public struct MapClass: Sendable {
    /// The legend's text.
    public var title: String
    /// How its features are drawn.
    public var style: MapStyle
    /// Whether a feature belongs to it (the first matching class wins).
    public var matches: @Sendable (MapFeature) -> Bool

    /// Creates a class.
    public init(title: String, style: MapStyle, matches: @escaping @Sendable (MapFeature) -> Bool) {
        self.title = title
        self.style = style
        self.matches = matches
    }
}
