import QTGeometry
import QTProjection

/// The district's boundary in the metric CRS and the margin around it: what is kept (anything reaching into
/// boundary + margin) and what is marked `outside: true` (anything not within the boundary + 0.5 m, stricter
/// than validate's 1 m so that every unmarked feature passes it).
final class Zone {
    let context: GeometryContext
    let toMetric: Transformer
    let boundary: NativeGeometry
    private let kept: PreparedGeometry
    private let inside: PreparedGeometry
    private let within: PreparedGeometry
    /// The boundary as stored (WGS84), where land use and population are clipped: parts inside keep their
    /// OSM vertices exactly, and the tiling check overlays the same coordinates.
    let wgsBoundary: NativeGeometry
    private let wgsWithin: PreparedGeometry

    init(boundary wgs84: Geometry, metricCRS: CRS, margin: Double, context: GeometryContext) throws {
        self.context = context
        toMetric = try Transformer(from: .wgs84, to: metricCRS)
        boundary = try context.make(try toMetric.transform(wgs84))
        kept = try PreparedGeometry(margin > 0 ? try boundary.buffer(margin) : boundary)
        inside = try PreparedGeometry(try boundary.buffer(0.5))
        within = try PreparedGeometry(boundary)
        wgsBoundary = try context.make(wgs84)
        wgsWithin = try PreparedGeometry(wgsBoundary)
    }

    /// Where a feature stands.
    enum Placement { case inside, outside, beyond }

    /// Where `geometry` (WGS84) stands: inside the boundary, outside it but reaching into the margin, or beyond.
    func place(_ geometry: Geometry) throws -> Placement {
        let metric = try context.make(try toMetric.transform(geometry))
        if try inside.covers(metric) { return .inside }
        return try kept.intersects(metric) ? .outside : .beyond
    }

    /// Whether a point (WGS84) is inside the boundary itself.
    func contains(_ c: Coordinate) throws -> Bool {
        let m = try toMetric.transform(c)
        return try within.contains(x: m.x, y: m.y)
    }

    /// A polygonal `geometry` (WGS84) clipped to the boundary in WGS84 (lines and points of the intersection
    /// dropped); `nil` when no area is left.
    func clip(_ native: NativeGeometry) throws -> Geometry? {
        if try wgsWithin.covers(native) { return try native.value() }
        guard try wgsWithin.intersects(native) else { return nil }
        let polygons = try native.intersection(wgsBoundary).value().polygonalParts
        guard !polygons.isEmpty else { return nil }
        return polygons.count == 1 ? .polygon(polygons[0]) : .multiPolygon(MultiPolygon(polygons))
    }
}
