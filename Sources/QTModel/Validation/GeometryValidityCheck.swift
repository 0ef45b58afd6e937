import QTGeometry

/// Geometries valid: GEOS's validity test (OGC rules) on each feature as stored (WGS84), with GEOS's reason
/// and location. An invalid geometry is an error; the message says whether make-valid would repair it and
/// into what. A geometry that cannot be put into the metric CRS is an error too.
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
                    issues.append(workspace.issue(.error, "geometry.projection", layer, index,
                                                  "cannot be put into \(workspace.metricCRS): \(reason)"))
                }
            }
        }
        return [CheckOutcome(id: id, title: title, issues: issues, figures: [.count("features", checked)],
                             summary: ValidationText.count(checked, "feature") + " tested")]
    }

    /// What make-valid would do with an invalid geometry.
    private func repairNote(_ native: NativeGeometry) throws -> String {
        guard let repaired = try? native.makeValid(), try repaired.isValid() else {
            return "make-valid cannot repair it"
        }
        let kind = try repaired.kind()
        let parts = try repaired.geometryCount()
        let pieces = kind == .multiPolygon || kind == .geometryCollection ? " of \(parts) parts" : ""
        return "make-valid would repair it (into a valid \(kind)\(pieces))"
    }
}
