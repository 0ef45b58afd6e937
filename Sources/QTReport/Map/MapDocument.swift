import Foundation
import QTGeometry
import QTProjection
import QTText

/// A map: layers drawn in a metric CRS into a fixed frame, with a title, a legend, a scale bar and a north
/// arrow, rendered as SVG.
///
/// The map is drawn in the district's metric CRS (EPSG:4549 for Qiantang, a conformal Gauss-Krüger
/// projection), so shapes and distances are true to within its scale factor (1.00003 at most in the district)
/// and the scale bar holds everywhere. The arrow points to true north: grid north turned by the meridian
/// convergence PROJ gives at the map's centre (about 0.2° here). Geometries are simplified by GEOS to half a
/// pixel before drawing (topology preserved), so a file stays small without a visible change.
///
/// ```swift
/// let map = MapDocument(title: "钱塘区 Qiantang", layers: [boundary, subdistricts], metricCRS: .cgcs2000GK120)
/// let svg = try map.svg()
/// ```
public struct MapDocument: Sendable {
    /// The title, top left.
    public var title: String
    /// A line under the title (what is shown, with which rule).
    public var subtitle: String?
    /// A line at the bottom: where the data comes from, and whether it is modelled.
    public var note: String?
    /// The layers, drawn first to last.
    public var layers: [MapLayer]
    /// The features the frame is fitted to (WGS84); by default the first layer's.
    public var extent: [Feature]?
    /// The CRS the map is drawn in (metres).
    public var metricCRS: CRS
    /// The SVG's size in pixels.
    public var width: Double, height: Double
    /// The language of the map's own words (the legend's heading, the north arrow's note); the layers' titles
    /// are given in it by whoever makes them (``StandardLayers``).
    public var language: Language = .en

    /// Creates a map.
    public init(
        title: String, subtitle: String? = nil, note: String? = nil, layers: [MapLayer], extent: [Feature]? = nil,
        metricCRS: CRS, width: Double = 1000, height: Double = 720
    ) {
        self.title = title
        self.subtitle = subtitle
        self.note = note
        self.layers = layers
        self.extent = extent
        self.metricCRS = metricCRS
        self.width = width
        self.height = height
    }

    /// The font stack of every text: Noto Sans CJK (Debian's fonts-noto-cjk) and other fonts with Chinese glyphs.
    public static let fontFamily = "'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','WenQuanYi Micro Hei','Microsoft YaHei',sans-serif"

    /// The map as an SVG document (with the XML declaration when `standalone`, as an inline element otherwise).
    /// - Throws: ``QTProjection/ProjectionError`` or ``QTGeometry/GeometryError`` for geometries that cannot be
    ///   projected or simplified, and ``MapError`` for a map with nothing to fit.
    public func svg(standalone: Bool = true) throws -> String {
        try MapRenderer(document: self).render(standalone: standalone)
    }
}

/// Why a map cannot be drawn.
public enum MapError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The extent (or first layer) has no geometry to fit the frame to.
    case emptyExtent

    public var description: String {
        switch self {
        case .emptyExtent: "the map has nothing to fit its frame to (the extent layer has no geometry)"
        }
    }
}
