import Foundation
import QTBuild
import QTModel

/// The table `district build` prints.
enum DistrictBuildText {
    static func render(_ result: DistrictBuildResult, folder: String) -> String {
        let s = result.summary
        let m = result.manifest
        var rows: [(String, String)] = [
            ("District", m.name == m.nameEn ? m.name : "\(m.name) \(m.nameEn)"),
            ("Folder", "\(folder) (\(result.layers.count) layers)"),
            ("Boundary", "\(Number.fixed(s.boundaryAreaKm2, 3)) km² geodesic (WGS84)"),
            ("Metric CRS", "\(s.metricCRS) (\(s.metricCRSBasis))"),
        ]
        for layer in result.layers.keys.sorted() {
            let n = s.counts[layer] ?? 0
            let outside = s.outside[layer].map { ", \(Number.grouped($0)) outside the boundary within the margin" } ?? ""
            rows.append(("Layer \(layer.rawValue)", "\(Number.grouped(n)) feature\(n == 1 ? "" : "s")\(outside)"))
        }
        for (mode, f) in [("Walk network", s.walk), ("Drive network", s.drive)] where f.edges > 0 {
            rows.append((mode, "\(Number.grouped(f.edges)) edges, \(Number.fixed(f.lengthMetres / 1000, 2)) km, "
                         + "\(Number.grouped(f.components)) component\(f.components == 1 ? "" : "s"), "
                         + "\(Number.fixed(f.largestShare * 100, 1))% of the length in the largest"))
        }
        rows.append(("Residents", "\(Number.grouped(s.residents)) (\(s.residentsSource))"))
        if result.layers[.landuse] != nil {
            rows.append(("Land use", "\(Number.fixed(s.landUseCoveredShare * 100, 1))% of the boundary covered; "
                         + "land OSM leaves blank stays uncovered"))
        }
        let unmapped = s.unmapped.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        if !unmapped.isEmpty {
            let total = unmapped.reduce(0) { $0 + $1.value }
            let top = unmapped.prefix(8).map { "\($0.key) \(Number.grouped($0.value))" }.joined(separator: "; ")
            rows.append(("Unmapped", "\(Number.grouped(total)) elements by \(Number.grouped(unmapped.count)) tags: \(top)"
                         + (unmapped.count > 8 ? "; … (all in district.json, build.unmapped)" : "")))
        }
        if let attribution = m.build?.attribution {
            rows.append(("Data", "\(attribution) (\(DistrictWriter.attributionName))"))
        }
        return TextTable.render(rows)
    }
}
