import Foundation
import QTGeometry
import QTProjection
import QTText

/// What the checks of one validation run share: the district, one GEOS context, the transformer to the
/// manifest's metric CRS, and per-feature geometries made once (in WGS84 and in metres).
///
/// Like the GEOS context it holds, a workspace belongs to one task; checks take it, read the district and
/// return Sendable values.
final class ValidationWorkspace {
    let district: District
    let context: GeometryContext
    let metricCRS: CRS
    let toMetric: Transformer

    /// Each layer's geometries made in GEOS (or `nil`) and why those that could not be made failed, per layer.
    private typealias Made = (geometries: [NativeGeometry?], errors: [Int: String])
    private var wgsCache: [LayerName: Made] = [:]
    private var metricCache: [LayerName: Made] = [:]
    private var boundaryCache: NativeGeometry??
    private var wgsBoundaryCache: NativeGeometry??
    private var wgsPolygonalCache: [LayerName: [NativeGeometry?]] = [:]

    /// - Throws: ``ProjectionError`` when the manifest's metric CRS is unknown to PROJ.
    init(district: District) throws {
        self.district = district
        context = try GeometryContext()
        metricCRS = try CRS(parsing: district.manifest.metricCRS)
        toMetric = try Transformer(from: .wgs84, to: metricCRS)
    }

    // MARK: Naming things in messages

    /// The layer's file as the manifest names it, joined to the district folder.
    func file(_ layer: LayerName) -> String { district.file(of: layer) }

    /// The features of a layer.
    func features(_ layer: LayerName) -> [Feature] { district.features(layer) }

    /// The layers present, in reporting order.
    var presentLayers: [LayerName] { district.layers.keys.sorted() }

    /// A feature's id: the `id` property when it is a string, else the GeoJSON Feature's string `id`.
    func featureId(_ layer: LayerName, _ index: Int) -> String? {
        Self.featureId(features(layer)[index])
    }

    static func featureId(_ feature: Feature) -> String? {
        feature.properties["id"]?.stringValue ?? feature.id?.stringValue
    }

    /// `file: feature 3 'id'` (or without the id when there is none).
    func locate(_ layer: LayerName, _ index: Int) -> String {
        let id = featureId(layer, index).map { " '\($0)'" } ?? ""
        return "\(file(layer)): feature \(index)\(id)"
    }

    /// An issue about one feature; the message is prefixed with the file and the feature.
    func issue(
        _ severity: ValidationSeverity, _ check: String, _ layer: LayerName, _ index: Int,
        _ what: String
    ) -> ValidationIssue {
        ValidationIssue(
            severity: severity, layer: layer, featureIndex: index, featureId: featureId(layer, index),
            check: check, message: "\(locate(layer, index)): \(what)")
    }

    /// An issue about a whole layer; the message is prefixed with the file.
    func issue(_ severity: ValidationSeverity, _ check: String, _ layer: LayerName, _ what: String) -> ValidationIssue {
        ValidationIssue(severity: severity, layer: layer, check: check, message: "\(file(layer)): \(what)")
    }

    // MARK: Geometries

    /// Drops the geometries made so far (they are made again when a later check asks for them).
    func releaseGeometries() {
        wgsCache = [:]
        metricCache = [:]
        boundaryCache = nil
        wgsBoundaryCache = nil
        wgsPolygonalCache = [:]
    }

    /// Drops one layer's geometries, in degrees and in metres (a check that goes through the layers one by one
    /// holds one layer's at a time).
    func releaseGeometries(of layer: LayerName) {
        wgsCache[layer] = nil
        metricCache[layer] = nil
    }

    /// Each feature's geometry in WGS84 as GEOS made it; `nil` for a feature without geometry or one GEOS
    /// refused (the reason is in ``wgsError(_:_:)``).
    func wgsGeometries(_ layer: LayerName) -> [NativeGeometry?] {
        if let cached = wgsCache[layer] { return cached.geometries }
        let made = make(layer) { feature in try feature.geometry.map { try context.make($0) } }
        wgsCache[layer] = made
        return made.geometries
    }

    /// Each feature of `layer` made by `body`, with the error of each that could not be made.
    private func make(_ layer: LayerName, _ body: (Feature) throws -> NativeGeometry?) -> Made {
        var errors: [Int: String] = [:]
        let geometries: [NativeGeometry?] = features(layer).enumerated().map { index, feature in
            do { return try body(feature) } catch {
                errors[index] = "\(error)"
                return nil
            }
        }
        return (geometries, errors)
    }

    /// Why GEOS could not make a feature's geometry, if it could not.
    func wgsError(_ layer: LayerName, _ index: Int) -> String? {
        _ = wgsGeometries(layer)
        return wgsCache[layer]?.errors[index]
    }

    /// Each feature's geometry in the metric CRS; `nil` for a feature without geometry or one that could not
    /// be projected or made (the reason is in ``metricError(_:_:)``). Edges are densified first (see
    /// ``metricArea(_:)``), so the metric geometry follows the stored lon/lat-straight edges to micrometres.
    /// Polygonal geometries that are invalid are repaired with make-valid here (the validity check reports
    /// them), so that overlays can run.
    func metricGeometries(_ layer: LayerName) -> [NativeGeometry?] {
        if let cached = metricCache[layer] { return cached.geometries }
        let made = make(layer) { feature -> NativeGeometry? in
            guard let geometry = feature.geometry, !geometry.isEmpty else { return nil }
            let native = try context.make(try toMetric.transform(Self.densified(geometry)))
            switch geometry.kind {
            case .polygon, .multiPolygon: return try native.isValid() ? native : try native.makeValid().polygonalPart()
            default: return native
            }
        }
        metricCache[layer] = made
        return made.geometries
    }

    /// Why a feature's geometry could not be put in the metric CRS, if it could not.
    func metricError(_ layer: LayerName, _ index: Int) -> String? {
        _ = metricGeometries(layer)
        return metricCache[layer]?.errors[index]
    }

    /// The boundary in the metric CRS as one valid geometry (the union of the boundary features, repaired
    /// when invalid), or `nil` when it cannot be made.
    func metricBoundary() -> NativeGeometry? {
        if let cached = boundaryCache { return cached }
        var result: NativeGeometry?
        do {
            let parts = metricGeometries(.boundary).compactMap { $0 }
            if !parts.isEmpty { result = try context.union(of: parts).polygonalPart() }
        } catch {
            result = nil
        }
        boundaryCache = .some(result)
        return result
    }

    /// Each polygonal feature's geometry in WGS84, repaired with make-valid when invalid (the validity check
    /// reports it); `nil` for features that are not polygons or cannot be made.
    func wgsPolygonal(_ layer: LayerName) -> [NativeGeometry?] {
        if let cached = wgsPolygonalCache[layer] { return cached }
        let made: [NativeGeometry?] = wgsGeometries(layer).map { native in
            guard let native, let kind = try? native.kind(), kind == .polygon || kind == .multiPolygon,
                (try? native.isEmpty()) == false
            else { return nil }
            if (try? native.isValid()) == true { return native }
            return try? native.makeValid().polygonalPart()
        }
        wgsPolygonalCache[layer] = made
        return made
    }

    /// The boundary in WGS84 as one valid geometry, or `nil` when it cannot be made.
    func wgsBoundary() -> NativeGeometry? {
        if let cached = wgsBoundaryCache { return cached }
        var result: NativeGeometry?
        let parts = wgsPolygonal(.boundary).compactMap { $0 }
        if !parts.isEmpty { result = try? context.union(of: parts).polygonalPart() }
        wgsBoundaryCache = .some(result)
        return result
    }

    /// The planar area in the metric CRS (m²) of a WGS84 polygon whose edges are straight in longitude and
    /// latitude, as RFC 7946 defines them. Edges are first split every ``densifyStepDegrees`` so that their
    /// images in the metric CRS stay straight to within micrometres: projecting only the vertices would bend
    /// a 1 km edge by about a centimetre there, which on a long, thin sliver is as wide as the sliver.
    func metricArea(_ polygons: [Polygon]) throws -> Double {
        // Each polygon densified on its own (its own vertex bound), as before the bound.
        let dense = Geometry.multiPolygon(
            MultiPolygon(
                polygons.map { polygon in
                    let densified = Self.densified(.polygon(polygon))
                    if case .polygon(let d) = densified { return d }
                    return polygon
                }))
        return try context.make(try toMetric.transform(dense)).area()
    }

    /// Vertices are inserted so that no segment spans more than this in longitude or latitude (about 10 m).
    static let densifyStepDegrees = 1e-4

    /// Most vertices densifying may add to one feature: 100,000, about 1,000 km of edges at the 10 m step
    /// (the bundled district's largest feature adds 32,088). Beyond it that feature's step grows until it
    /// adds no more. A mistyped longitude (20.3095 for 120.3095) makes a 100° edge, a million vertices at
    /// 10 m, on which GEOS's make-valid took 21 s and 2.7 GB for one feature (found by fuzzing): GEOS 3.11
    /// can only interrupt the whole process, not one call, so the input is bounded before the call. Such a
    /// feature is an error of "inside the boundary" anyway; its metric shape is only needed to say so.
    static let maximumAddedVertices = 100_000

    /// The geometry densified at ``densifyStepDegrees`` within ``maximumAddedVertices`` (QTGeometry's one
    /// densifier, ``QTGeometry/Geometry/densified(step:maximumAddedVertices:)``).
    static func densified(_ geometry: Geometry) -> Geometry {
        geometry.densified(step: densifyStepDegrees, maximumAddedVertices: maximumAddedVertices)
    }

    // MARK: Inside the boundary

    private var preparedCache: PreparedGeometry??
    private var preparedRingsCache: PreparedGeometry??
    private var outsideCache: [LayerName: [Int]] = [:]

    /// The metric boundary, prepared (its facet index serves `covers` and each distance); `nil` when there is
    /// no boundary that can be measured.
    func preparedBoundary() throws -> PreparedGeometry? {
        if let cached = preparedCache { return cached }
        let result = try metricBoundary().map { try PreparedGeometry($0) }
        preparedCache = .some(result)
        return result
    }

    /// The metric boundary's rings as lines, prepared: the distance of a point outside the boundary (or on it) to
    /// the boundary is its distance to these rings, and measuring it against the lines needs no point-in-polygon
    /// test. GEOS's point-in-area index sorts segments by latitude, so a ring whose segments all span the same
    /// narrow band (a zig-zag of 250,000 vertices) made every test walk all of them: ten minutes for three parcels
    /// crossing it (issue 19).
    func preparedBoundaryRings() throws -> PreparedGeometry? {
        if let cached = preparedRingsCache { return cached }
        let result = try metricBoundary().map { try PreparedGeometry($0.boundaryLine()) }
        preparedRingsCache = .some(result)
        return result
    }

    /// Whether a metric geometry lies inside the boundary within ``DistrictValidator/boundaryToleranceM``:
    /// covered by the prepared boundary, or with every point of its part outside the boundary within the
    /// tolerance of it (``reach(of:)``). The boundary is never buffered: buffering a boundary of a million
    /// vertices by 1 m took GEOS 8 minutes and 7.5 GB before it failed with `bad_alloc` (issue 19).
    func isInsideWithTolerance(_ geometry: NativeGeometry) throws -> Bool {
        guard let prepared = try preparedBoundary() else { return true }
        if try prepared.covers(geometry) { return true }
        return try reach(of: geometry, sampled: true) <= DistrictValidator.boundaryToleranceM
    }

    /// How far (m) the part of a metric geometry outside the boundary reaches from it: the largest distance of
    /// a vertex of that part, once simplified within ``reachToleranceM`` (the metric geometries are densified
    /// every 10 m: a mistyped position 5° away made 50,000 vertices, and a fuzzed district took half a minute
    /// here). Each vertex is measured through the prepared boundary rings' facet index (``preparedBoundaryRings()``): five parcels with a mistyped
    /// longitude (12.03 for 120.3) against the bundled boundary's 10,000 vertices took 49 s with a plain
    /// distance per vertex. With `sampled`, when every vertex is within the tolerance, the outside part's edges
    /// are also sampled every ``reachSampleM`` (at most ``maximumAddedVertices`` points), so that an edge
    /// bulging between two near vertices is measured too (to within half the step).
    func reach(of geometry: NativeGeometry, sampled: Bool = false) throws -> Double {
        guard let boundary = metricBoundary(), let prepared = try preparedBoundaryRings() else { return 0 }
        let outside = try geometry.difference(boundary)
        var farthest = 0.0
        func measure(_ value: Geometry) throws {
            try value.forEachCoordinate { c in
                farthest = max(farthest, try prepared.distance(to: try context.makePoint(x: c.x, y: c.y)))
            }
        }
        try measure(try outside.simplify(tolerance: Self.reachToleranceM, preserveTopology: false).value())
        if sampled && farthest <= DistrictValidator.boundaryToleranceM {
            try measure(try outside.value().densified(step: Self.reachSampleM, maximumAddedVertices: Self.maximumAddedVertices))
        }
        return farthest
    }

    /// How far (m) the simplified outside part may depart from the true one when measuring the reach.
    static let reachToleranceM = 0.05

    /// The step (m) at which the outside part's edges are sampled when deciding the tolerance.
    static let reachSampleM = 0.2

    /// The indices of a layer's features (with a metric geometry) outside the boundary beyond the tolerance.
    func outsideIndices(_ layer: LayerName) throws -> [Int] {
        if let cached = outsideCache[layer] { return cached }
        var outside: [Int] = []
        let features = self.features(layer)
        for (index, geometry) in metricGeometries(layer).enumerated() {
            // A feature marked `outside: true` is kept outside on purpose (within a build's margin: streets and
            // facilities that serve residents across the boundary).
            guard let geometry, features[index].properties["outside"]?.boolValue != true else { continue }
            if try !isInsideWithTolerance(geometry) { outside.append(index) }
        }
        outsideCache[layer] = outside
        return outside
    }

    /// Whether a WGS84 geometry value lies inside the boundary (within the tolerance); false when it cannot be
    /// put into the metric CRS (positions out of range, for example). For the axis-order and datum checks,
    /// which try what-if versions of a layer.
    func isInside(_ geometry: Geometry) -> Bool {
        var inRange = true
        geometry.forEachCoordinate { c in if abs(c.x) > 180 || abs(c.y) > 90 { inRange = false } }
        guard inRange, !geometry.isEmpty, (try? preparedBoundary()) != nil,
            let metric = try? context.make(try toMetric.transform(Self.densified(geometry)))
        else { return false }
        return (try? isInsideWithTolerance(metric)) == true
    }

    /// `lon,lat` of a WGS84 coordinate, 6 decimals (about 10 cm), for messages.
    func lonLat(wgs c: Coordinate) -> String { String(format: "%.6f,%.6f", c.x, c.y) }
}

/// Number formatting for validation messages: deterministic, no locale.
enum ValidationText {
    /// An area in m²: `0`, `0.3`, `0.00412`, `10,667.3`.
    static func area(_ m2: Double) -> String {
        if m2 == 0 { return "0" }
        if m2 < 0.001 { return "<0.001" }
        if m2 < 1 { return String(format: "%.3g", m2) }
        return NumberText.grouped(m2, decimals: 1)
    }

    /// A length in metres with one decimal, grouped: `22.1`, `1,234.5`.
    static func metres(_ m: Double) -> String { NumberText.grouped(m, decimals: 1) }
}

extension ValidationText {
    /// A number as JSON would show it: `-5`, `0.25`.
    static func plain(_ value: Double) -> String {
        if let int = Int(exactly: value) { return String(int) }
        return "\(value)"
    }

    /// A JSON value in a message: a number as written, a string quoted, anything else by its type.
    static func shown(_ value: JSONValue) -> String {
        switch value {
        case .number(let d): plain(d)
        case .string(let s): "'\(s)'"
        default: value.typeDescription
        }
    }
}

/// Lon/lat geometries made ready for projection as validate makes them: every edge split every 0.0001° (about
/// 10 m), so that projected edges follow the stored straight lon/lat edges (a 30 km east-west edge projected
/// by its end points alone bends by metres). Builders use it to decide what validate will find inside.
public enum MetricDensify {
    /// `geometry` with its edges split as validate splits them before projecting.
    public static func densified(_ geometry: Geometry) -> Geometry { ValidationWorkspace.densified(geometry) }
}
