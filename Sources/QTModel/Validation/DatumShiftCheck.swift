import QTGeometry
import QTProjection
import QTText

/// GCJ-02 offset: Chinese web maps (Amap, DataV, Tencent) publish coordinates in GCJ-02, offset from WGS84 by
/// about 500 m in Qiantang, and such data often arrives labelled WGS84. A layer whose features lie outside
/// the boundary as stored, but inside it once converted from GCJ-02 to WGS84, is warned about; so is the
/// opposite (the layer fits a GCJ-02 reading of the boundary: the boundary is the shifted one). A warning:
/// the inside check reports the features themselves as errors.
struct DatumShiftCheck: DistrictCheck {
    let id = "datum"
    let title = "GCJ-02 offset"

    func run(_ workspace: ValidationWorkspace) throws -> [CheckOutcome] {
        let (issues, tested) = try ShiftProbe.eachLayer(workspace) { layer in
            if let finding = try ShiftProbe.probe(layer, workspace, GCJ02.toWGS84) {
                return workspace.issue(
                    .warning, "datum.gcj02", layer,
                    "the layer looks GCJ-02-shifted (about \(Self.rounded(finding.shiftMetres)) m "
                        + "from WGS84): \(finding.outsideAsStored) of \(finding.features) features "
                        + "lie outside the boundary as stored, \(finding.outsideAfter) after "
                        + "converting from GCJ-02 to WGS84; data from Chinese web maps (Amap, "
                        + "DataV) is GCJ-02: convert it (qtplan transform --from GCJ02 --to WGS84)")
            } else if let finding = try ShiftProbe.probe(layer, workspace, GCJ02.fromWGS84) {
                return workspace.issue(
                    .warning, "datum.gcj02", layer,
                    "the boundary looks GCJ-02-shifted against this layer (about "
                        + "\(Self.rounded(finding.shiftMetres)) m): \(finding.outsideAsStored) of "
                        + "\(finding.features) features lie outside it as stored, "
                        + "\(finding.outsideAfter) once the layer is converted from WGS84 to "
                        + "GCJ-02; convert the boundary from GCJ-02 to WGS84")
            }
            return nil
        }
        let summary =
            issues.isEmpty
            ? "no layer offset from the boundary"
            : NumberText.count(issues.count, "layer") + " offset like GCJ-02"
        return [CheckOutcome(id: id, title: title, issues: issues, figures: [.count("layers", tested)], summary: summary)]
    }

    /// Metres rounded to 10.
    static func rounded(_ metres: Double) -> Int { Int((metres / 10).rounded()) * 10 }
}
