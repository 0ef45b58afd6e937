import Foundation
import QTGeometry
import QTText

/// Axis order: a layer whose features lie outside the boundary as stored, but inside it with longitude and
/// latitude exchanged, has its axes swapped (latitude first, as EPSG:4326 defines them and many exports
/// write them). A warning naming the counts; the inside check reports the features themselves as errors.
///
/// Positions whose latitude is beyond ±90 are refused by the loader, which names swapped axes there; this
/// check finds the swaps that stay in range (anywhere both coordinates are below 90°, such as Europe).
struct AxisOrderCheck: DistrictCheck {
    let id = "axes"
    let title = "axis order"

    func run(_ workspace: ValidationWorkspace) throws -> [CheckOutcome] {
        let (issues, tested) = try ShiftProbe.eachLayer(workspace) { layer in
            guard let finding = try ShiftProbe.probe(layer, workspace, { Coordinate(x: $0.y, y: $0.x) }) else { return nil }
            return workspace.issue(
                .warning, "axes.swapped", layer,
                "the axes look swapped (latitude first): \(finding.outsideAsStored) of "
                    + "\(finding.features) features lie outside the boundary as stored, "
                    + "\(finding.outsideAfter) with longitude and latitude exchanged; GeoJSON "
                    + "positions are longitude first (RFC 7946)")
        }
        let summary = issues.isEmpty ? "longitude first in every layer" : NumberText.count(issues.count, "layer") + " swapped"
        return [CheckOutcome(id: id, title: title, issues: issues, figures: [.count("layers", tested)], summary: summary)]
    }
}

/// What a what-if version of a layer (axes exchanged, datum converted) does to its features outside the
/// boundary.
struct ShiftProbe {
    /// Features with a geometry in the layer.
    var features: Int
    /// Of those, outside the boundary as stored.
    var outsideAsStored: Int
    /// Outside the boundary after the change (all features counted, not only the ones outside before).
    var outsideAfter: Int
    /// How far the change moves the first outside feature's first position, in metres (approximate).
    var shiftMetres: Double

    /// Runs `find` on every layer but the boundary (the reference the probes measure against).
    /// - Returns: the issues found, and how many layers were tested.
    static func eachLayer(
        _ workspace: ValidationWorkspace,
        _ find: (LayerName) throws -> ValidationIssue?
    ) rethrows -> (issues: [ValidationIssue], tested: Int) {
        let layers = workspace.presentLayers.filter { $0 != .boundary }
        return (try layers.compactMap(find), layers.count)
    }

    /// The probe for `layer` under `change`, when the change fixes the layer: at least two features outside
    /// (or every feature of a smaller layer), and at most a quarter as many outside after the change. `nil`
    /// otherwise, and without any work when no feature lies outside.
    static func probe(
        _ layer: LayerName, _ workspace: ValidationWorkspace,
        _ change: (Coordinate) -> Coordinate
    ) throws -> ShiftProbe? {
        let outside = try workspace.outsideIndices(layer)
        let features = workspace.features(layer)
        let withGeometry = features.filter { !($0.geometry?.isEmpty ?? true) }.count
        guard !outside.isEmpty, outside.count >= 2 || outside.count == withGeometry else { return nil }
        var after = 0
        for feature in features {
            guard let geometry = feature.geometry, !geometry.isEmpty else { continue }
            if !workspace.isInside(geometry.mapCoordinates(change)) { after += 1 }
            if after * 4 > outside.count { return nil } // not a fix: stop early
        }
        guard after < outside.count else { return nil }
        var shift = 0.0
        if let first = features[outside[0]].geometry {
            var start: Coordinate?
            first.forEachCoordinate { if start == nil { start = $0 } }
            if let a = start {
                let b = change(a)
                let metresPerDegree = 111_195.0
                let dx = (b.x - a.x) * metresPerDegree * cos(a.y * .pi / 180), dy = (b.y - a.y) * metresPerDegree
                shift = (dx * dx + dy * dy).squareRoot()
            }
        }
        return ShiftProbe(features: withGeometry, outsideAsStored: outside.count, outsideAfter: after, shiftMetres: shift)
    }
}
