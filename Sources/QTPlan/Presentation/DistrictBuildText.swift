import Foundation
import QTBuild
import QTModel
import QTText

extension DistrictBuildResult {
    /// What was built, for people: layers, networks, residents, what OpenStreetMap tags went unmapped.
    public func table(folder: String) -> String {
        let result = self
        let s = result.summary
        let m = result.manifest
        var rows: [(String, String)] = [
            ("District", m.name == m.nameEn ? m.name : "\(m.name) \(m.nameEn)"),
            ("Folder", "\(folder) (\(result.layers.count) layers)"),
            ("Boundary", "\(NumberText.fixed(s.boundaryAreaKm2, 3)) km² geodesic (WGS84)"),
            ("Metric CRS", "\(s.metricCRS) (\(s.metricCRSBasis))")
        ]
        for layer in result.layers.keys.sorted() {
            let n = s.counts[layer] ?? 0
            let outside = s.outside[layer].map { ", \(NumberText.grouped($0)) outside the boundary within the margin" } ?? ""
            rows.append(("Layer \(layer.rawValue)", "\(NumberText.grouped(n)) feature\(n == 1 ? "" : "s")\(outside)"))
        }
        for (mode, f) in [("Walk network", s.walk), ("Drive network", s.drive)] where f.edges > 0 {
            rows.append(
                (
                    mode,
                    "\(NumberText.grouped(f.edges)) edges, \(NumberText.fixed(f.lengthMetres / 1000, 2)) km, "
                        + "\(NumberText.grouped(f.components)) component\(f.components == 1 ? "" : "s"), "
                        + "\(NumberText.fixed(f.largestShare * 100, 1))% of the length in the largest"
                ))
        }
        for line in s.plannerInputs { rows.append(("Planner's file", line)) }
        rows.append(("Residents", "\(NumberText.grouped(s.residents)) (\(s.residentsSource))"))
        if result.layers[.landuse] != nil {
            rows.append(
                (
                    "Land use",
                    "\(NumberText.fixed(s.landUseCoveredShare * 100, 1))% of the boundary covered; "
                        + "land OSM leaves blank stays uncovered"
                ))
        }
        let unmapped = s.unmapped.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        if !unmapped.isEmpty {
            let total = unmapped.reduce(0) { $0 + $1.value }
            let top = unmapped.prefix(8).map { "\($0.key) \(NumberText.grouped($0.value))" }.joined(separator: "; ")
            rows.append(
                (
                    "Unmapped",
                    "\(NumberText.grouped(total)) elements by \(NumberText.grouped(unmapped.count)) tags: \(top)"
                        + (unmapped.count > 8 ? "; … (all in district.json, build.unmapped)" : "")
                ))
        }
        if let attribution = m.build?.attribution {
            rows.append(("Data", "\(attribution) (\(DistrictWriter.attributionName))"))
        }
        return TextColumns.labelled(rows)
    }
}
