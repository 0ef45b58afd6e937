import CPROJ
import QTGeometry

/// Transforms coordinates between two CRSs, longitude (or easting) first whatever the CRSs' own axis order.
///
/// A transformer owns its PROJ context and its `PJ*` (created with `proj_create_crs_to_crs` and
/// normalised with `proj_normalize_for_visualization`). It belongs to one task; make one per task and reuse
/// it for every coordinate of a batch. GCJ-02 or BD-09 on either side is converted through WGS84 with ``GCJ02``
/// and ``BD09``.
/// The first transformer of a CRS pair in a process resolves the pair in PROJ's database; later ones reuse
/// the pipeline it found (see `PipelineCache`), so making one per task or per call costs little.
///
/// Datum note: WGS84 (EPSG:4326) and CGCS2000 (EPSG:4490, the datum of EPSG:4549) differ by a few
/// centimetres in China; PROJ has no grid for them and applies a "ballpark" null transformation, which is
/// accurate to well under a metre and adequate for planning.
public final class Transformer {
    /// The source CRS.
    public let source: CRS
    /// The target CRS.
    public let target: CRS
    private let context: PROJContext
    private let pj: OpaquePointer?
    private let fromGCJ: Bool
    private let toGCJ: Bool
    private let angularOutput: Bool

    /// Creates a transformer from `source` to `target`.
    /// - Throws: ``ProjectionError/proj(function:message:)`` when PROJ does not know a CRS or finds no
    ///   transformation between them.
    public convenience init(from source: CRS, to target: CRS) throws {
        try self.init(from: source, to: target, cache: .shared)
    }

    /// Creates a transformer, reusing and recording resolved pipelines in `cache` (`nil`: always resolve).
    init(from source: CRS, to target: CRS, cache: PipelineCache?) throws {
        self.source = source
        self.target = target
        self.context = try PROJContext()
        fromGCJ = source.isChineseOffset
        toGCJ = target.isChineseOffset
        let projSource = fromGCJ ? CRS.wgs84 : source
        let projTarget = toGCJ ? CRS.wgs84 : target
        if projSource == .wgs84 && projTarget == .wgs84 { // GCJ-02/BD-09 ↔ WGS84 only: no PROJ step
            pj = nil
            angularOutput = true
            return
        }
        if let entry = cache?.entry(from: projSource, to: projTarget) {
            pj = try context.call("proj_create") { proj_create($0, entry.pipeline) }
            angularOutput = entry.targetIsAngular
            return
        }
        let raw = try context.call("proj_create_crs_to_crs") {
            proj_create_crs_to_crs($0, projSource.description, projTarget.description, nil)
        }
        defer { proj_destroy(raw) }
        let normalized = try context.call("proj_normalize_for_visualization") { proj_normalize_for_visualization($0, raw) }
        pj = normalized
        angularOutput = proj_degree_output(normalized, PJ_FWD) != 0 || proj_angular_output(normalized, PJ_FWD) != 0
        // nil when PROJ kept several candidate operations: such a pair is not cached.
        if let cache, let text = proj_as_proj_string(context.handle, normalized, PJ_PROJ_5, nil) {
            cache.store(
                PipelineCache.Entry(pipeline: String(cString: text), targetIsAngular: angularOutput),
                from: projSource, to: projTarget)
        }
    }

    deinit { if let pj { proj_destroy(pj) } }

    /// Whether the output is in degrees (longitude/latitude) rather than linear units. GCJ-02 and an identity
    /// transformation count as degrees when the target is geographic. The corresponding PROJ function is
    /// `proj_degree_output` (asked of the operation PROJ resolved for the pair).
    public var targetIsAngular: Bool {
        guard pj != nil, !toGCJ else { return true }
        return angularOutput
    }

    /// Transforms one coordinate.
    /// - Throws: ``ProjectionError/coordinate(index:x:y:message:)`` when it cannot be transformed.
    public func transform(_ c: Coordinate) throws -> Coordinate {
        try transform([c])[0]
    }

    /// Transforms many coordinates in one PROJ call (`proj_trans_generic`).
    /// - Throws: ``ProjectionError/coordinate(index:x:y:message:)`` naming the first coordinate that
    ///   could not be transformed.
    public func transform(_ coordinates: [Coordinate]) throws -> [Coordinate] {
        for (i, c) in coordinates.enumerated() where !c.isFinite {
            throw ProjectionError.coordinate(index: i, x: c.x, y: c.y, message: "not a finite number")
        }
        var xs = [Double](), ys = [Double]()
        xs.reserveCapacity(coordinates.count)
        ys.reserveCapacity(coordinates.count)
        for c in coordinates {
            let input = fromGCJ ? source.offsetToWGS84(c) : c
            xs.append(input.x)
            ys.append(input.y)
        }
        if let pj, !coordinates.isEmpty {
            let stride = MemoryLayout<Double>.stride
            proj_errno_reset(pj)
            let count = coordinates.count
            let done = xs.withUnsafeMutableBufferPointer { x in
                ys.withUnsafeMutableBufferPointer { y in
                    proj_trans_generic(
                        pj, PJ_FWD, x.baseAddress, stride, count, y.baseAddress, stride, count,
                        nil, 0, 0, nil, 0, 0)
                }
            }
            for i in 0..<count where !(xs[i].isFinite && ys[i].isFinite) || done != count {
                let code = proj_errno(pj)
                let reason = code != 0 ? proj_context_errno_string(context.handle, code).map { String(cString: $0) } : nil
                throw ProjectionError.coordinate(
                    index: i, x: coordinates[i].x, y: coordinates[i].y,
                    message: reason ?? "outside the domain of \(source) → \(target)")
            }
        }
        var out = [Coordinate]()
        out.reserveCapacity(coordinates.count)
        for i in xs.indices {
            let c = Coordinate(x: xs[i], y: ys[i])
            out.append(toGCJ ? target.offsetFromWGS84(c) : c)
        }
        return out
    }

    /// Transforms every vertex of a geometry in one batch, keeping its structure.
    public func transform(_ geometry: Geometry) throws -> Geometry {
        var all = [Coordinate]()
        all.reserveCapacity(geometry.coordinateCount)
        geometry.forEachCoordinate { all.append($0) }
        let moved = try transform(all)
        var next = 0
        return geometry.mapCoordinates { _ in
            defer { next += 1 }
            return moved[next]
        }
    }
}

@available(*, unavailable)
extension Transformer: Sendable {}
