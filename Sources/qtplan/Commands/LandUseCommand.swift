import ArgumentParser
import Foundation
import QTAnalysis
import QTGeometry
import QTModel

extension LandUseGrouping: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
    public static var allValueStrings: [String] {
        ["class", "subdistrict", "class,subdistrict", "industrial_park", "class,industrial_park"]
    }
}

extension AreaUnit: ExpressibleByArgument {}
extension AreaMethod: ExpressibleByArgument {}

/// `qtplan landuse`: land area by class and sub-district (or industrial park), reconciled with the boundary.
struct LandUseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "landuse",
        abstract: "Land use by class and sub-district (or industrial park), reconciled with the boundary and the official area.",
        discussion: """
            Parcels are cut by the sub-district (or industrial-park) boundaries; the pieces of a parcel add up \
            to it. The output reconciles the parcels' total with the boundary's area, the official area and \
            any gap or overlap between parcels (m²), and gives the seeds' figures: built-up (urban \
            construction) land against 124 km² for 2025, cropland in 亩 against 90,000 亩, and park green \
            space as a share of urban construction land against 12%. Results on a modelled landuse layer say \
            so. CSV carries the rows only. Exit 66 when the landuse layer (or the zone layer) is absent, 73 \
            when --gaps cannot be written.
            """)

    @OptionGroup var districtOptions: DistrictOptions

    @Option(name: .long, help: ArgumentHelp("Group rows by: class, subdistrict, class,subdistrict, industrial_park or class,industrial_park.",
                                            valueName: "GROUPING"))
    var by: LandUseGrouping = LandUseGrouping(byClass: true, zone: .subdistrict)

    @Option(name: .long, help: "Area unit: km2, ha or mu (1 亩 = 10,000/15 m²).")
    var unit: AreaUnit = .km2

    @Option(name: .long, help: "Area: geodesic (WGS84 ellipsoid) or planar (the manifest's metric CRS).")
    var area: AreaMethod = .geodesic

    @Option(name: .long, help: "Output format.")
    var format: TabularFormat = .table

    @Option(name: .long, help: ArgumentHelp("Write the gap, overlap and outside-the-boundary pieces to this file (.geojson, .gpkg, .shp, .fgb, .csv).",
                                            valueName: "FILE"))
    var gaps: String?

    func validate() throws { try FeatureOutput.validate(gaps, option: "--gaps") }

    func run() throws {
        try runReportingErrors {
            let district = try districtOptions.load()
            let report: LandUseReport
            do {
                report = try LandUse.compute(district, options: LandUseOptions(grouping: by, method: area))
            } catch let error as LandUseError {
                switch error {
                case .missingLayer: throw CLIFailure(status: .noInput, message: "\(district.directory): \(error)")
                case .invalidFeature(let layer, let index, let id, let detail):
                    // Named by its file, as the loader and the validator name features.
                    throw CLIFailure(status: .dataError,
                                     message: "\(district.file(of: layer)): feature \(index)\(id.map { " '\($0)'" } ?? ""): \(detail)")
                }
            }
            // Invalid parcels and zones are measured as make-valid repairs them: said on stderr, one line each.
            for repair in report.repairs { Diagnostics.warning("\(district.file(of: repair.layer)): \(repair)") }
            let name = district.manifest.name
            switch format {
            case .table: print(LandUseText.table(report, unit: unit, district: name), terminator: "")
            case .json: print(LandUseText.json(report, unit: unit, district: name), terminator: "")
            case .csv: print(LandUseText.csv(report, unit: unit), terminator: "")
            }
            if let gaps {
                try FeatureOutput.write(report.pieces, layer: "gaps", to: gaps, what: "the gaps file", option: "--gaps")
            }
        }
    }
}

/// Formats a ``LandUseReport`` for `qtplan landuse`.
enum LandUseText {
    /// Decimals for areas in JSON and CSV (about 1 m² or finer) and in tables.
    static func decimals(_ unit: AreaUnit, table: Bool) -> Int {
        switch unit {
        case .km2: table ? 3 : 6
        case .ha: table ? 2 : 4
        case .mu: table ? 1 : 3
        }
    }

    static func classCells(_ row: LandUseRow) -> [String] {
        guard let c = row.landClass else { return [] }
        return [c.rawValue, c.nationalCode, c.chineseName]
    }

    static func zoneLabel(_ row: LandUseRow) -> String {
        if row.isOutside { return "(outside)" }
        guard let zone = row.zone else { return "" }
        return zone.name.map { "\($0) \(zone.id)" } ?? zone.id
    }

    static func zoneHeader(_ grouping: LandUseGrouping) -> String {
        grouping.zone == .industrialPark ? "industrial_park" : "subdistrict"
    }

    static func table(_ r: LandUseReport, unit: AreaUnit, district: String) -> String {
        let d = decimals(unit, table: true)
        func a(_ m2: Double) -> String { Number.fixed(unit.value(m2), d) }
        var header: [String] = []
        if r.grouping.zone != nil { header.append(zoneHeader(r.grouping)) }
        if r.grouping.byClass { header += ["class", "code", "名称"] }
        header += ["area \(unit.symbol)", r.grouping.byClass && r.grouping.zone != nil ? "share of zone" : "share"]
        var lines: [[String]] = [header]
        for row in r.rows {
            var cells: [String] = []
            if r.grouping.zone != nil { cells.append(zoneLabel(row)) }
            cells += classCells(row)
            cells += [a(row.area), Number.fixed(row.share * 100, 1) + "%"]
            lines.append(cells)
        }
        var text = columns(lines, rightAligned: Set([header.count - 2, header.count - 1]))

        let method = r.method == .geodesic ? "geodesic (WGS84)" : "planar (\(r.metricCRS))"
        let difference = Number.fixed((r.total - r.officialArea) / r.officialArea * 100, 1)
        let reconciled = r.total - r.reconciledTotal
        var footer: [(String, String)] = [
            ("District", district),
            ("Parcels", "\(Number.grouped(r.parcelCount))" + (r.grouping.zone != nil ? ", \(Number.grouped(r.cutParcelCount)) cut by zone boundaries" : "")),
            ("Total of parcels", "\(a(r.total)) \(unit.symbol) \(method), \(difference)% vs official"),
            ("Boundary area", "\(a(r.boundaryArea)) \(unit.symbol)"),
            ("Official area", "\(a(r.officialArea)) \(unit.symbol)"),
            ("Gaps between parcels", "\(m2(r.gapArea)) m²"),
            ("Overlaps of parcels", "\(m2(r.overlapArea)) m²"),
            ("Parcels outside boundary", "\(m2(r.outsideBoundaryArea)) m²"),
            ("Reconciliation", "total − (boundary − gaps + overlaps + outside) = \(m2(reconciled)) m²"),
        ]
        if r.grouping.zone != nil {
            footer.append(("Outside every zone", "\(m2(r.outsideZonesArea)) m²"))
        }
        let derived = r.derived
        footer += [
            ("Built-up (urban constr.)", "\(Number.fixed(derived.urbanConstructionArea / 1e6, 2)) km² vs 124 km² for 2025 (seed 002)"),
            ("Cropland", "\(Number.grouped(Int(derived.croplandMu.rounded()))) 亩 vs 90,000 亩 (seed 001)"),
            ("Green space share", "\(Number.fixed(derived.greenSpaceShare * 100, 1))% of urban construction land vs ≥ 12% (seed 001)"),
        ]
        if r.isModelled {
            footer.append(("Data", "MODELLED: the landuse layer is modelled (\(sourcesText(r.sources))), not a survey"))
        } else {
            footer.append(("Data", sourcesText(r.sources)))
        }
        text += "\n" + TextTable.render(footer)
        return text
    }

    static func sourcesText(_ sources: [String: Int]) -> String {
        (FeatureSource.kinds + ["unstated"]).filter { (sources[$0] ?? 0) > 0 }
            .map { "\(Number.grouped(sources[$0] ?? 0)) \($0)" }.joined(separator: ", ")
    }

    /// m² for reconciliation figures: 0.0371, 12.5, 1,234,567.
    static func m2(_ value: Double) -> String {
        if abs(value) < 0.00005 { return "0" }
        if abs(value) < 1 { return String(format: "%.4f", value) }
        let text = Number.fixed(value, 1)
        let parts = text.split(separator: ".")
        let whole = Int(parts[0]) ?? 0
        return (value < 0 && whole == 0 ? "-" : "") + Number.grouped(whole) + "." + parts[1]
    }

    /// Columns padded to their widths (CJK counted double), separated by two spaces.
    static func columns(_ lines: [[String]], rightAligned: Set<Int>) -> String {
        let count = lines.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: count)
        for line in lines { for (i, cell) in line.enumerated() { widths[i] = max(widths[i], TextTable.displayWidth(cell)) } }
        return lines.map { line in
            line.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - TextTable.displayWidth(cell))
                if rightAligned.contains(i) { return pad + cell }
                return i == line.count - 1 ? cell : cell + pad
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    static func json(_ r: LandUseReport, unit: AreaUnit, district: String) -> String {
        let d = decimals(unit, table: false)
        func a(_ m2: Double) -> String { Number.fixed(unit.value(m2), d) }
        let zoneKey = zoneHeader(r.grouping)
        let rows = r.rows.map { row in
            var fields: [String] = []
            if r.grouping.zone != nil {
                fields.append("\"\(zoneKey)\": " + (row.isOutside ? "null" : JSONText.string(row.zone?.id ?? "")))
                fields.append("\"\(zoneKey)_name\": " + (row.zone?.name.map(JSONText.string) ?? "null"))
            }
            if let c = row.landClass {
                fields += ["\"class\": \(JSONText.string(c.rawValue))", "\"code\": \(JSONText.string(c.nationalCode))",
                           "\"class_name\": \(JSONText.string(c.chineseName))"]
            }
            fields += ["\"area\": \(a(row.area))", "\"share\": \(Number.fixed(row.share, 6))"]
            return "{" + fields.joined(separator: ", ") + "}"
        }
        let sources = r.sources.sorted { $0.key < $1.key }.map { "\(JSONText.string($0.key)): \($0.value)" }
        let derived = r.derived
        return """
            {
              "district": \(JSONText.string(district)),
              "by": \(JSONText.string(r.grouping.description)),
              "unit": \(JSONText.string(unit.rawValue)),
              "area_method": \(JSONText.string(r.method.rawValue)),
              "metric_crs": \(JSONText.string(r.metricCRS)),
              "rows": \(rows.isEmpty ? "[]" : "[\n    " + rows.joined(separator: ",\n    ") + "\n  ]"),
              "total": \(a(r.total)),
              "boundary_area": \(a(r.boundaryArea)),
              "official_area": \(a(r.officialArea)),
              "gap_area": \(a(r.gapArea)),
              "overlap_area": \(a(r.overlapArea)),
              "outside_boundary_area": \(a(r.outsideBoundaryArea)),
              "outside_zones_area": \(a(r.outsideZonesArea)),
              "gap_area_m2": \(Number.fixed(r.gapArea, 4)),
              "overlap_area_m2": \(Number.fixed(r.overlapArea, 4)),
              "outside_boundary_area_m2": \(Number.fixed(r.outsideBoundaryArea, 4)),
              "outside_zones_area_m2": \(Number.fixed(r.outsideZonesArea, 4)),
              "parcels": \(r.parcelCount),
              "cut_parcels": \(r.cutParcelCount),
              "derived": {"urban_construction_area": \(a(derived.urbanConstructionArea)), "urban_construction_target_2025": \(a(LandUseDerived.urbanConstructionTarget2025)), "cropland_area": \(a(derived.croplandArea)), "cropland_mu": \(Number.fixed(derived.croplandMu, 1)), "cropland_target_mu": \(Number.fixed(LandUseDerived.croplandTargetMu, 0)), "green_space_area": \(a(derived.greenSpaceArea)), "green_space_share": \(Number.fixed(derived.greenSpaceShare, 6)), "green_space_share_target": \(Number.fixed(LandUseDerived.greenSpaceShareTarget, 2))},
              "modelled": \(r.isModelled),
              "sources": {\(sources.joined(separator: ", "))}
            }

            """
    }

    static func csv(_ r: LandUseReport, unit: AreaUnit) -> String {
        let d = decimals(unit, table: false)
        var header: [String] = []
        if r.grouping.zone != nil { header += [zoneHeader(r.grouping), zoneHeader(r.grouping) + "_name"] }
        if r.grouping.byClass { header += ["class", "code", "class_name"] }
        header += ["area_\(unit.rawValue)", "share"]
        var lines = [header.joined(separator: ",")]
        for row in r.rows {
            var cells: [String] = []
            if r.grouping.zone != nil { cells += [row.isOutside ? "" : row.zone?.id ?? "", row.zone?.name ?? ""] }
            if let c = row.landClass { cells += [c.rawValue, c.nationalCode, c.chineseName] }
            cells += [Number.fixed(unit.value(row.area), d), Number.fixed(row.share, 6)]
            lines.append(cells.map(csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

}
