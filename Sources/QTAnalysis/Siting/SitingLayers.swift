import QTGeometry
import QTModel
import QTProjection

/// The district's layers as GEOS geometries in its metric CRS, indexed for the questions site rules ask:
/// which parcel is this point on, is it inside a constraint zone, how far is the nearest feature of a kind.
/// Owns a GEOS context and a PROJ transformer, so it stays on one task.
final class SitingLayers {
    let context: GeometryContext
    let toMetric: Transformer
    let district: District
    private let boundary: NativeGeometry?
    private let boundaryPrepared: PreparedGeometry?
    private let parcels: [NativeGeometry]
    private let parcelClasses: [LandUseClass?]
    private let parcelIDs: [String]
    private let parcelTree: STRtree?
    private var zones: [ConstraintKind: Zones] = [:]
    private var targets: [SitingTarget: Targets] = [:]

    /// The zones of one constraint kind, prepared for point-in-polygon tests.
    private struct Zones {
        var ids: [String]
        var geometries: [NativeGeometry]
        var prepared: [PreparedGeometry]
    }

    /// The features of one distance target, in an STR tree.
    private struct Targets {
        var ids: [String]
        var names: [String]
        var tree: STRtree?
    }

    init(district: District) throws {
        self.district = district
        context = try GeometryContext()
        toMetric = try Transformer(from: .wgs84, to: try CRS(parsing: district.manifest.metricCRS))
        let outline = district.boundary
        if outline.isEmpty {
            boundary = nil
            boundaryPrepared = nil
        } else {
            let b = try context.make(try toMetric.transform(outline))
            boundary = b
            boundaryPrepared = try PreparedGeometry(b)
        }
        var parcels: [NativeGeometry] = [], classes: [LandUseClass?] = [], ids: [String] = []
        for (i, f) in district.features(.landuse).enumerated() {
            guard let g = f.geometry, g.kind == .polygon || g.kind == .multiPolygon else { continue }
            parcels.append(try context.make(try toMetric.transform(g)))
            classes.append(f.properties["class"]?.stringValue.flatMap(LandUseClass.init(rawValue:)))
            ids.append(f.properties["id"]?.stringValue ?? "#\(i + 1)")
        }
        self.parcels = parcels
        parcelClasses = classes
        parcelIDs = ids
        parcelTree = parcels.isEmpty ? nil : try STRtree(context: context, geometries: parcels)
    }

    /// The metric position of a WGS84 coordinate.
    func metric(_ c: Coordinate) throws -> Coordinate { try toMetric.transform(c) }

    /// Metres from the point to the district boundary when outside it, 0 inside (or on it); `nil` when the
    /// district has no boundary polygon.
    func outsideDistance(_ p: Coordinate) throws -> Double? {
        guard let boundary, let boundaryPrepared else { return nil }
        let point = try context.makePoint(x: p.x, y: p.y)
        if try boundaryPrepared.covers(point) { return 0 }
        return try boundary.distance(to: point)
    }

    /// Whether the district has a land-use layer.
    var hasLandUse: Bool { !parcels.isEmpty }

    /// The parcel the point stands on (the first in layer order when it is on a shared edge): its id and
    /// class (`nil` for a class outside the vocabulary); `nil` when no parcel covers it.
    func parcel(at p: Coordinate) throws -> (id: String, landUse: LandUseClass?)? {
        guard let parcelTree else { return nil }
        let point = try context.makePoint(x: p.x, y: p.y)
        for i in try parcelTree.query(point) where try parcels[i].covers(point) {
            return (parcelIDs[i], parcelClasses[i])
        }
        return nil
    }

    /// Whether the district has zones of this kind.
    func hasZones(_ kind: ConstraintKind) throws -> Bool { !(try zones(kind).ids.isEmpty) }

    /// The zone of `kind` covering the point (its id), or the distance to the nearest zone of the kind
    /// (`nil` when there is none).
    func zone(_ kind: ConstraintKind, at p: Coordinate) throws -> (inside: String?, distance: Double?) {
        let z = try zones(kind)
        let point = try context.makePoint(x: p.x, y: p.y)
        var nearest: Double?
        for i in z.ids.indices {
            if try z.prepared[i].covers(point) { return (z.ids[i], 0) }
            let d = try z.geometries[i].distance(to: point)
            if nearest == nil || d < nearest! { nearest = d }
        }
        return (nil, nearest)
    }

    private func zones(_ kind: ConstraintKind) throws -> Zones {
        if let z = zones[kind] { return z }
        var z = Zones(ids: [], geometries: [], prepared: [])
        for (i, f) in district.features(.constraints).enumerated() where f.properties["kind"]?.stringValue == kind.rawValue {
            guard let g = f.geometry, g.kind == .polygon || g.kind == .multiPolygon else { continue }
            let native = try context.make(try toMetric.transform(g))
            z.ids.append(f.properties["id"]?.stringValue ?? "#\(i + 1)")
            z.geometries.append(native)
            z.prepared.append(try PreparedGeometry(native))
        }
        zones[kind] = z
        return z
    }

    /// The nearest feature of `target` to the point: its id, name and the exact GEOS distance; `nil`
    /// when the district has no such feature.
    func nearest(_ target: SitingTarget, to p: Coordinate) throws -> (id: String, name: String, distance: Double)? {
        let t = try targets(target)
        guard let tree = t.tree else { return nil }
        let point = try context.makePoint(x: p.x, y: p.y)
        guard let i = try tree.nearest(to: point) else { return nil }
        return (t.ids[i], t.names[i], try tree.geometries[i].distance(to: point))
    }

    /// The straight-line distance between two metric points (through GEOS, like every other distance here).
    func distance(_ a: Coordinate, _ b: Coordinate) throws -> Double {
        try context.makePoint(x: a.x, y: a.y).distance(to: try context.makePoint(x: b.x, y: b.y))
    }

    private func targets(_ target: SitingTarget) throws -> Targets {
        if let t = targets[target] { return t }
        var ids: [String] = [], names: [String] = [], geometries: [NativeGeometry] = []
        for (i, f) in district.features(target.layer).enumerated() where target.matches(f) {
            guard let g = f.geometry, !g.isEmpty else { continue }
            geometries.append(try context.make(try toMetric.transform(g)))
            let id = f.properties["id"]?.stringValue ?? "#\(i + 1)"
            ids.append(id)
            names.append(f.properties["name"]?.stringValue ?? id)
        }
        let t = Targets(ids: ids, names: names, tree: geometries.isEmpty ? nil : try STRtree(context: context, geometries: geometries))
        targets[target] = t
        return t
    }
}

@available(*, unavailable)
extension SitingLayers: Sendable {}
