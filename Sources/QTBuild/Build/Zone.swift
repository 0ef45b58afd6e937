import QTGeometry
import QTModel
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
    /// Cells wholly inside the boundary (+ 0.5 m) or wholly beyond the margin, for ``place(_:)``.
    private var placeCells: CellIndex!
    /// Cells wholly inside the boundary itself or wholly outside it, for ``clip(_:)``.
    private var clipCells: CellIndex!

    init(boundary wgs84: Geometry, metricCRS: CRS, margin: Double, context: GeometryContext) throws {
        self.context = context
        toMetric = try Transformer(from: .wgs84, to: metricCRS)
        // Densified as validate densifies before projecting: a long lon/lat edge is a curve in the metric CRS.
        boundary = try context.make(try toMetric.transform(MetricDensify.densified(wgs84)))
        kept = try PreparedGeometry(margin > 0 ? try boundary.buffer(margin) : boundary)
        inside = try PreparedGeometry(try boundary.buffer(0.5))
        within = try PreparedGeometry(boundary)
        wgsBoundary = try context.make(wgs84)
        wgsWithin = try PreparedGeometry(wgsBoundary)
        let back = try Transformer(from: metricCRS, to: .wgs84)
        guard let box = try (margin > 0 ? try boundary.buffer(margin + 1) : boundary).envelope() else { return }
        let metricBox = Geometry.polygon(
            Polygon(exterior: [
                Coordinate(x: box.minX, y: box.minY), Coordinate(x: box.maxX, y: box.minY), Coordinate(x: box.maxX, y: box.maxY),
                Coordinate(x: box.minX, y: box.maxY), Coordinate(x: box.minX, y: box.minY)
            ]))
        let dense = try context.make(metricBox).densified(maximumSegmentLength: max(1, (box.maxX - box.minX) / 64)).value()
        guard let keptBox = try back.transform(dense).envelope else { return }
        let toMetric = self.toMetric, inside = self.inside, kept = self.kept, wgsWithin = self.wgsWithin
        placeCells = CellIndex(box: keptBox) { cell in
            let rectangle = try context.make(try toMetric.transform(MetricDensify.densified(try context.makeRectangle(cell).value())))
            if try inside.covers(rectangle) { return .whollyIn }
            return try kept.intersects(rectangle) ? .mixed : .whollyOut
        }
        clipCells = CellIndex(box: keptBox) { cell in
            let rectangle = try context.makeRectangle(cell)
            if try wgsWithin.covers(rectangle) { return .whollyIn }
            return try wgsWithin.intersects(rectangle) ? .mixed : .whollyOut
        }
    }

    /// Where a feature stands.
    enum Placement { case inside, outside, beyond }

    /// Where `geometry` (WGS84) stands: inside the boundary, outside it but reaching into the margin, or beyond.
    func place(_ geometry: Geometry) throws -> Placement {
        if let cells = placeCells, let envelope = geometry.envelope {
            switch try cells.state(of: envelope) {
            case .whollyIn: return .inside
            case .whollyOut: return .beyond
            default: break
            }
        }
        let metric = try context.make(try toMetric.transform(MetricDensify.densified(geometry)))
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
        if let cells = clipCells, let envelope = try native.envelope() {
            switch try cells.state(of: envelope) {
            case .whollyIn: return try native.value()
            case .whollyOut: return nil
            default: break
            }
        }
        if try wgsWithin.covers(native) { return try native.value() }
        guard try wgsWithin.intersects(native) else { return nil }
        let polygons = try native.intersection(wgsBoundary).value().polygons
        guard !polygons.isEmpty else { return nil }
        return polygons.count == 1 ? .polygon(polygons[0]) : .multiPolygon(MultiPolygon(polygons))
    }
}
