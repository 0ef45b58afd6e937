import QTGeometry

/// Turns the cells of a ``TravelTimeField`` at or under a threshold into polygons.
///
/// The boundary of the qualifying cells is traced directly into rings (``RasterBoundary``): one polygon per
/// 4-connected group of cells, corner vertices only, valid by construction, and `GEOSNormalize` puts rings and
/// polygons in GEOS's canonical order so that output does not depend on the tracing order.
///
/// Formerly each row's runs became rectangles dissolved by `GEOSCoverageUnion`: it spent most of a
/// service-area run in GEOS's planar graph and polygonizer, and it refuses some rasters outright
/// ("CoverageUnion cannot process overlapping inputs" on random rasters with corner-touching runs). Should the
/// tracer ever meet a configuration it cannot assign, ``overlayUnion(_:threshold:context:)`` (GEOS's
/// cascaded overlay union of the runs' rectangles: robust, slower) answers instead.
enum RasterPolygons {
    /// The union of cells whose value is ≤ `threshold`, as a polygon or multi-polygon (possibly empty).
    static func polygons(_ field: TravelTimeField, threshold: Float, context: GeometryContext) throws -> NativeGeometry {
        guard !field.values.isEmpty else { return try context.make(.multiPolygon(MultiPolygon([]))) }
        let inside = field.values.map { $0 <= threshold }
        guard let traced = RasterBoundary.trace(inside: inside, columns: field.columns, rows: field.rows) else {
            return try overlayUnion(field, threshold: threshold, context: context)
        }
        guard !traced.isEmpty else { return try context.make(.multiPolygon(MultiPolygon([]))) }
        let size = field.cell
        func ring(_ vertices: [(column: Int, row: Int)]) -> [Coordinate] {
            vertices.map { Coordinate(x: field.originX + Double($0.column) * size, y: field.originY + Double($0.row) * size) }
        }
        let polygons = traced.map { Polygon(rings: [ring($0.shell)] + $0.holes.map(ring)) }
        return try context.make(.multiPolygon(MultiPolygon(polygons))).normalized()
    }

    /// The same union by GEOS's cascaded overlay union of one rectangle per run of cells, with collinear
    /// vertices removed (`GEOSNormalize` starts each ring at a true corner, then `GEOSSimplify` at tolerance 0).
    static func overlayUnion(_ field: TravelTimeField, threshold: Float, context: GeometryContext) throws -> NativeGeometry {
        let runs = self.runs(field, threshold: threshold)
        var rectangles: [NativeGeometry] = []
        let size = field.cell
        func x(_ column: Int) -> Double { field.originX + Double(column) * size }
        for r in 0..<field.rows {
            let y0 = field.originY + Double(r) * size, y1 = y0 + size
            for run in runs[r] {
                let a = x(run.lowerBound), b = x(run.upperBound)
                rectangles.append(
                    try context.make(
                        .polygon(
                            Polygon(exterior: [
                                Coordinate(x: a, y: y0), Coordinate(x: b, y: y0), Coordinate(x: b, y: y1), Coordinate(x: a, y: y1),
                                Coordinate(x: a, y: y0)
                            ]))))
            }
        }
        guard !rectangles.isEmpty else { return try context.make(.multiPolygon(MultiPolygon([]))) }
        return try context.union(taking: &rectangles).normalized().simplify(tolerance: 0, preserveTopology: false)
    }

    /// Per row, the column ranges of qualifying cells.
    static func runs(_ field: TravelTimeField, threshold: Float) -> [[Range<Int>]] {
        var out: [[Range<Int>]] = Array(repeating: [], count: field.rows)
        guard !field.values.isEmpty else { return out }
        for r in 0..<field.rows {
            var start: Int?
            let base = r * field.columns
            for c in 0..<field.columns {
                let inside = field.values[base + c] <= threshold
                if inside, start == nil { start = c }
                if !inside, let s = start { out[r].append(s..<c); start = nil }
            }
            if let s = start { out[r].append(s..<field.columns) }
        }
        return out
    }
}
