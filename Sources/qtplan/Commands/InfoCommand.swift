import ArgumentParser
import Foundation
import QTModel

/// `qtplan info`: what a district is, its official and measured areas, and its layers.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Summarise a district: names, official and measured area, residents, features per layer.")

    @OptionGroup var districtOptions: DistrictOptions

    @Option(name: .long, help: "Output format.")
    var format: OutputFormat = .table

    func run() throws {
        try runReportingErrors {
            let summary = try DistrictSummary(try districtOptions.load())
            switch format {
            case .table: print(InfoReport.table(summary), terminator: "")
            case .json: print(InfoReport.json(summary), terminator: "")
            }
        }
    }
}

/// Formats a ``DistrictSummary`` for `qtplan info`.
enum InfoReport {
    static func table(_ s: DistrictSummary) -> String {
        let difference = String(format: "%+.1f%%", s.areaDifferencePercent)
        var rows: [(String, String)] = [
            ("District", "\(s.name) \(s.nameEn)"),
            ("Official area", "\(Number.fixed(s.officialAreaKm2, 1)) km²"),
            ("Boundary area", "\(Number.fixed(s.geodesicAreaKm2, 1)) km² geodesic (WGS84), \(difference) vs official"),
            ("Planar area", "\(Number.fixed(s.planarAreaKm2, 1)) km² in \(s.metricCRS)"),
            ("Residents", Number.grouped(s.residents)),
        ]
        for layer in s.layerCounts.keys.sorted() {
            let count = s.layerCounts[layer] ?? 0
            rows.append(("Layer " + layer.rawValue, "\(Number.grouped(count)) feature\(count == 1 ? "" : "s")"))
        }
        return TextTable.render(rows)
    }

    static func json(_ s: DistrictSummary) -> String {
        let layers = s.layerCounts.keys.sorted().map { "\"\($0.rawValue)\": \(s.layerCounts[$0] ?? 0)" }
        return """
            {
              "name": \(JSONText.string(s.name)),
              "name_en": \(JSONText.string(s.nameEn)),
              "official_area_km2": \(Number.fixed(s.officialAreaKm2, 3)),
              "area_km2": \(Number.fixed(s.geodesicAreaKm2, 3)),
              "area_method": "geodesic, WGS84 ellipsoid",
              "planar_area_km2": \(Number.fixed(s.planarAreaKm2, 3)),
              "metric_crs": \(JSONText.string(s.metricCRS)),
              "area_difference_percent": \(Number.fixed(s.areaDifferencePercent, 2)),
              "residents": \(s.residents),
              "layers": {\(layers.isEmpty ? "" : " " + layers.joined(separator: ", ") + " ")}
            }

            """
    }
}
