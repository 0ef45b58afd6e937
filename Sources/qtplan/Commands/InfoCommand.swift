import ArgumentParser
import Foundation
import QTModel
import QTProjection

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
            let district = try districtOptions.load()
            let summary = try DistrictSummary(district)
            let subdistricts = summary.subdistrictAreas
            switch format {
            case .table: print(InfoReport.table(summary, subdistricts: subdistricts), terminator: "")
            case .json: print(InfoReport.json(summary, subdistricts: subdistricts), terminator: "")
            }
        }
    }
}

/// Formats a ``DistrictSummary`` (and the sub-district areas) for `qtplan info`.
enum InfoReport {
    static func table(_ s: DistrictSummary, subdistricts: [SubdistrictArea]? = nil) -> String {
        let difference = String(format: "%+.1f%%", s.areaDifferencePercent)
        var rows: [(String, String)] = [
            ("District", "\(s.name) \(s.nameEn)"),
            ("Official area", "\(Number.fixed(s.officialAreaKm2, 1)) km²"),
            ("Boundary area", "\(Number.fixed(s.geodesicAreaKm2, 1)) km² geodesic (WGS84), \(difference) vs official"),
            ("Planar area", "\(Number.fixed(s.planarAreaKm2, 1)) km² in \(s.metricCRS)"),
            ("Residents", Number.grouped(s.residents)),
        ]
        if let basis = s.metricCRSBasis { rows.insert(("Metric CRS", "\(s.metricCRS): \(basis)"), at: 4) }
        for layer in s.layerCounts.keys.sorted() {
            let count = s.layerCounts[layer] ?? 0
            let outside = s.outsideCounts[layer].map { ", \(Number.grouped($0)) outside the boundary (margin)" } ?? ""
            rows.append(("Layer " + layer.rawValue, "\(Number.grouped(count)) feature\(count == 1 ? "" : "s")"
                         + provenance(s.layerSources[layer] ?? [:]) + outside))
        }
        if let attribution = s.attribution { rows.append(("Data", attribution)) }
        for subdistrict in subdistricts ?? [] {
            let label = subdistrict.name ?? subdistrict.nameEn ?? subdistrict.id ?? "?"
            rows.append(("Subdistrict " + label, "\(Number.fixed(subdistrict.areaKm2, 1)) km²"))
        }
        return TextTable.render(rows)
    }

    /// " (modelled)", " (reference)", or " (25 reference, 692 modelled)" for a mixed layer.
    static func provenance(_ sources: [String: Int]) -> String {
        let kinds = (FeatureSource.kinds + ["unstated"]).filter { (sources[$0] ?? 0) > 0 }
        if kinds.count == 1 { return " (\(kinds[0]))" }
        return " (" + kinds.map { "\(Number.grouped(sources[$0] ?? 0)) \($0)" }.joined(separator: ", ") + ")"
    }

    static func json(_ s: DistrictSummary, subdistricts: [SubdistrictArea]? = nil) -> String {
        let layers = s.layerCounts.keys.sorted().map { "\"\($0.rawValue)\": \(s.layerCounts[$0] ?? 0)" }
        let sources = s.layerCounts.keys.sorted().map { layer in
            let counts = (s.layerSources[layer] ?? [:]).sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }
            return "\"\(layer.rawValue)\": {\(counts.joined(separator: ", "))}"
        }
        let modelled = s.layerCounts.keys.sorted().filter(s.isModelled).map { JSONText.string($0.rawValue) }
        func optional(_ text: String?) -> String { text.map(JSONText.string) ?? "null" }
        var subdistrictList = ""
        if let subdistricts {
            let items = subdistricts.map {
                "{\"id\": \(optional($0.id)), \"name\": \(optional($0.name)), \"name_en\": \(optional($0.nameEn)), "
                    + "\"area_km2\": \(Number.fixed($0.areaKm2, 3))}"
            }
            subdistrictList = ",\n  \"subdistricts\": " + (items.isEmpty ? "[]" : "[\n    " + items.joined(separator: ",\n    ") + "\n  ]")
        }
        return """
            {
              "name": \(JSONText.string(s.name)),
              "name_en": \(JSONText.string(s.nameEn)),
              "official_area_km2": \(Number.fixed(s.officialAreaKm2, 3)),
              "area_km2": \(Number.fixed(s.geodesicAreaKm2, 3)),
              "area_method": "geodesic, WGS84 ellipsoid",
              "planar_area_km2": \(Number.fixed(s.planarAreaKm2, 3)),
              "metric_crs": \(JSONText.string(s.metricCRS)),\(s.metricCRSBasis.map { "\n  \"metric_crs_basis\": \(JSONText.string($0))," } ?? "")
              "area_difference_percent": \(Number.fixed(s.areaDifferencePercent, 2)),
              "residents": \(s.residents),
              "layers": {\(layers.isEmpty ? "" : " " + layers.joined(separator: ", ") + " ")},
              "layer_sources": {\(sources.joined(separator: ", "))},
              "modelled_layers": [\(modelled.joined(separator: ", "))]\(subdistrictList)
            }

            """
    }
}
