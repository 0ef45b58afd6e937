import QTGeometry
import QTText

/// Geometries valid: GEOS's validity test (OGC rules) on each feature as stored (WGS84), with GEOS's reason
/// and location. An invalid geometry is an error; the message says whether make-valid would repair it and
/// into what. A geometry that cannot be put into the metric CRS is an error too. Polygon rings against RFC
/// 7946's right-hand rule (clockwise exterior, counter-clockwise hole) are a warning: qtplan reads either.
struct GeometryValidityCheck: DistrictCheck {
    let id = "geometry.valid"
    let title = "geometry validity"

    func run(_ workspace: ValidationWorkspace) throws -> [CheckOutcome] {
        var issues: [ValidationIssue] = []
        var checked = 0
        for layer in workspace.presentLayers {
            let natives = workspace.wgsGeometries(layer)
            for (index, native) in natives.enumerated() {
                if let reason = workspace.wgsError(layer, index) {
                    issues.append(workspace.issue(.error, "geometry.invalid", layer, index, "GEOS refuses the geometry: \(reason)"))
                    continue
                }
                guard let native, try !native.isEmpty() else { continue }
                checked += 1
                let validity = try native.validity()
                if !validity.isValid {
                    var what = "invalid \(try native.kind())"
                    what += ": " + (validity.reason ?? "no reason given")
                    if let at = validity.location { what += String(format: " at %.7f,%.7f", at.x, at.y) }
                    what += "; " + (try repairNote(native))
                    issues.append(workspace.issue(.error, "geometry.invalid", layer, index, what))
                } else if let reason = workspace.metricError(layer, index) {
                    issues.append(
                        workspace.issue(
                            .error, "geometry.projection", layer, index,
                            "cannot be put into \(workspace.metricCRS): \(reason)"))
                } else if let geometry = workspace.features(layer)[index].geometry, let note = Self.orientationNote(geometry) {
                    issues.append(workspace.issue(.warning, "geometry.orientation", layer, index, note))
                }
            }
            workspace.releaseGeometries(of: layer)
        }
        return [
            CheckOutcome(
                id: id, title: title, issues: issues, figures: [.count("features", checked)],
                summary: NumberText.count(checked, "feature") + " tested")
        ]
    }

    /// A warning for polygon rings against RFC 7946's right-hand rule (exterior rings counter-clockwise,
    /// holes clockwise), or `nil`. qtplan reads either orientation (areas and overlays do not depend on it),
    /// so this is a warning; the first ring at fault is named, with the count of the others.
    static func orientationNote(_ geometry: Geometry) -> String? {
        var wrong: [String] = []
        func check(_ polygon: Polygon, _ prefix: String) {
            for (k, ring) in polygon.rings.enumerated() {
                let area = signedArea(ring)
                if k == 0 && area < 0 { wrong.append("\(prefix)ring 0 (exterior) is clockwise") }
                if k > 0 && area > 0 { wrong.append("\(prefix)ring \(k) (hole) is counter-clockwise") }
            }
        }
        switch geometry {
        case .polygon(let p): check(p, "")
        case .multiPolygon(let m): for (i, p) in m.polygons.enumerated() { check(p, "polygon \(i): ") }
        default: return nil
        }
        guard let first = wrong.first else { return nil }
        let more = wrong.count > 1 ? " (and \(wrong.count - 1) more ring\(wrong.count == 2 ? "" : "s"))" : ""
        return "\(first)\(more): RFC 7946 wants exterior rings counter-clockwise and holes clockwise; qtplan reads "
            + "either, but other tools may not"
    }

    /// The shoelace area of a ring in degrees²: positive when counter-clockwise.
    static func signedArea(_ ring: [Coordinate]) -> Double {
        guard ring.count >= 4 else { return 0 }
        var sum = 0.0
        let origin = ring[0]
        for i in 0..<(ring.count - 1) {
            let a = ring[i], b = ring[i + 1]
            sum += (a.x - origin.x) * (b.y - origin.y) - (b.x - origin.x) * (a.y - origin.y)
        }
        return sum / 2
    }

    /// What make-valid would do with an invalid geometry.
    private func repairNote(_ native: NativeGeometry) throws -> String {
        guard let repaired = try? native.makeValid(), try repaired.isValid() else {
            return "make-valid cannot repair it"
        }
        let original = try native.kind()
        if original == .polygon || original == .multiPolygon,
            (try? repaired.area()).map({ $0 <= 0 }) ?? true
        {
            return "make-valid cannot repair it: it encloses no area (make-valid would leave a \(try repaired.kind()))"
        }
        let kind = try repaired.kind()
        let parts = try repaired.geometryCount()
        let pieces = kind == .multiPolygon || kind == .geometryCollection ? " of \(parts) parts" : ""
        return "make-valid would repair it (into a valid \(kind)\(pieces))"
    }
}
