import QTAnalysis
import QTModel
import QTText

extension LandUseResult {
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

    /// m² for reconciliation figures: 0.0371, 12.5, 1,234,567.8.
    static func m2(_ value: Double) -> String {
        if abs(value) < 0.00005 { return "0" }
        if abs(value) < 1 { return String(format: "%.4f", value) }
        return NumberText.grouped(value, decimals: 1)
    }

    /// The rows and the reconciliation for people.
    public var table: String { table(language: .en) }

    /// The rows and the reconciliation for people in `language`: in Chinese the header (``QTText/ChromeWord``)
    /// with the area's unit in the standards file's word (`units` in life-circles.json: 平方公里, 公顷, 亩); the
    /// rows' figures and the footer are the same in both.
    public func table(language: Language, wording: StandardsWording = StandardsWording()) -> String {
        let r = report
        let d = Self.decimals(unit, table: true)
        func a(_ m2: Double) -> String { NumberText.fixed(unit.value(m2), d) }
        let zh = language == .zh
        var header: [String] = []
        if r.grouping.zone != nil {
            header.append(
                zh ? (r.grouping.zone == .industrialPark ? ChromeWord.industrialPark : .subdistrictColumn).text(.zh) : Self.zoneHeader(r.grouping))
        }
        if r.grouping.byClass { header += zh ? [ChromeWord.landClass.text(.zh), ChromeWord.code.text(.zh), "名称"] : ["class", "code", "名称"] }
        let areaHeader =
            zh
            ? "\(ChromeWord.area.text(.zh))（\(wording.unit(unit.rawValue, .zh, fallback: unit.symbol))）" : "area \(unit.symbol)"
        let zoneShare = r.grouping.byClass && r.grouping.zone != nil
        header += [areaHeader, zoneShare ? ChromeWord.shareOfZone.text(language) : zh ? ChromeWord.shareColumn.text(.zh) : "share"]
        var lines: [[String]] = [header]
        for row in r.rows {
            var cells: [String] = []
            if r.grouping.zone != nil { cells.append(Self.zoneLabel(row)) }
            cells += Self.classCells(row)
            cells += [a(row.area), NumberText.fixed(row.share * 100, 1) + "%"]
            lines.append(cells)
        }
        var text = TextColumns.render(lines, rightAligned: Set([header.count - 2, header.count - 1]))

        let method = r.method == .geodesic ? ChromeWord.luGeodesic.text(language) : ChromeWord.luPlanar.text(language, r.metricCRS)
        let difference = NumberText.fixed((r.total - r.officialArea) / r.officialArea * 100, 1)
        let reconciled = r.total - r.reconciledTotal
        let symbol = zh ? wording.unit(unit.rawValue, .zh, fallback: unit.symbol) : unit.symbol
        let m2 = zh ? wording.unit("m2", .zh, fallback: "m²") : "m²"
        let w = { (word: ChromeWord) in word.text(language) }
        var footer: [(String, String)] = [
            (w(.district), district),
            (
                w(.luParcels),
                "\(NumberText.grouped(r.parcelCount))"
                    + (r.grouping.zone != nil ? ChromeWord.luCut.text(language, NumberText.grouped(r.cutParcelCount)) : "")
            ),
            (w(.totalOfParcels), ChromeWord.luTotal.text(language, "\(a(r.total)) \(symbol)", method, difference)),
            (w(.infoBoundaryArea), "\(a(r.boundaryArea)) \(symbol)"),
            (w(.infoOfficialArea), "\(a(r.officialArea)) \(symbol)"),
            (w(.luGaps), "\(Self.m2(r.gapArea)) \(m2)"),
            (w(.luOverlaps), "\(Self.m2(r.overlapArea)) \(m2)"),
            (w(.luOutside), "\(Self.m2(r.outsideBoundaryArea)) \(m2)"),
            (w(.reconciliation), ChromeWord.luReconciliation.text(language, "\(Self.m2(reconciled)) \(m2)"))
        ]
        if r.grouping.zone != nil {
            footer.append((w(.luOutsideZones), "\(Self.m2(r.outsideZonesArea)) \(m2)"))
        }
        let derived = r.derived
        let built = "\(NumberText.fixed(derived.urbanConstructionArea / 1e6, 2)) km²"
        let cropland = "\(NumberText.grouped(Int(derived.croplandMu.rounded()))) 亩"
        let green = ChromeWord.luGreenShare.text(language, NumberText.fixed(derived.greenSpaceShare * 100, 1))
        if let targets {
            footer += [
                (
                    w(.luBuiltUp),
                    ChromeWord.luBuiltUpTarget.text(
                        language, built, NumberText.trimmed(targets.urbanConstructionKm2.target), targets.urbanConstructionKm2.seedLabel)
                ),
                (
                    w(.luCropland),
                    ChromeWord.luCroplandTarget.text(
                        language, cropland, NumberText.grouped(Int(targets.croplandMu.target)), targets.croplandMu.seedLabel)
                ),
                (
                    w(.luGreen),
                    ChromeWord.luGreenTarget.text(
                        language, green, NumberText.trimmed(targets.parkGreenSharePercent.target), targets.parkGreenSharePercent.seedLabel)
                )
            ]
        } else {
            footer += [(w(.luBuiltUp), built), (w(.luCropland), cropland), (w(.luGreen), green)]
        }
        if let scenario { footer.append((w(.planLabel), scenario)) }
        if r.isModelled {
            footer.append((w(.dataLabel), ChromeWord.luModelled.text(language, Self.sourcesText(r.sources))))
        } else {
            footer.append((w(.dataLabel), Self.sourcesText(r.sources)))
        }
        text += "\n" + TextColumns.labelled(footer)
        return text
    }

    static func sourcesText(_ sources: [String: Int]) -> String {
        (FeatureSource.kinds + ["unstated"]).filter { (sources[$0] ?? 0) > 0 }
            .map { "\(NumberText.grouped(sources[$0] ?? 0)) \($0)" }.joined(separator: ", ")
    }

    /// The rows and the reconciliation for programs.
    public var json: String {
        let r = report
        let d = Self.decimals(unit, table: false)
        func a(_ m2: Double) -> JSONNode { .fixed(unit.value(m2), d) }
        let zoneKey = Self.zoneHeader(r.grouping)
        let rows: [JSONNode] = r.rows.map { row in
            var fields: [JSONMember] = []
            if r.grouping.zone != nil {
                fields.append(JSONMember(zoneKey, row.isOutside ? .null : .string(row.zone?.id ?? "")))
                fields.append(JSONMember("\(zoneKey)_name", .stringOrNull(row.zone?.name)))
            }
            if let c = row.landClass {
                fields += [
                    JSONMember("class", .string(c.rawValue)), JSONMember("code", .string(c.nationalCode)),
                    JSONMember("class_name", .string(c.chineseName))
                ]
            }
            fields += [JSONMember("area", a(row.area)), JSONMember("share", .fixed(row.share, 6))]
            return .object(fields, .inline)
        }
        let derived = r.derived
        var derivedMembers: [JSONMember] = [JSONMember("urban_construction_area", a(derived.urbanConstructionArea))]
        if let targets { derivedMembers.append(JSONMember("urban_construction_target_2025", a(targets.urbanConstructionSquareMetres))) }
        derivedMembers += [JSONMember("cropland_area", a(derived.croplandArea)), JSONMember("cropland_mu", .fixed(derived.croplandMu, 1))]
        if let targets { derivedMembers.append(JSONMember("cropland_target_mu", .fixed(targets.croplandMu.target, 0))) }
        derivedMembers += [
            JSONMember("green_space_area", a(derived.greenSpaceArea)),
            JSONMember("green_space_share", .fixed(derived.greenSpaceShare, 6))
        ]
        if let targets { derivedMembers.append(JSONMember("green_space_share_target", .fixed(targets.parkGreenShare, 2))) }
        let pairs: KeyValuePairs<String, JSONNode> = [
            "district": .string(district),
            "by": .string(r.grouping.description),
            "unit": .string(unit.rawValue),
            "area_method": .string(r.method.rawValue),
            "metric_crs": .string(r.metricCRS),
            "rows": .array(rows, .lines),
            "total": a(r.total),
            "boundary_area": a(r.boundaryArea),
            "official_area": a(r.officialArea),
            "gap_area": a(r.gapArea),
            "overlap_area": a(r.overlapArea),
            "outside_boundary_area": a(r.outsideBoundaryArea),
            "outside_zones_area": a(r.outsideZonesArea),
            "gap_area_m2": .fixed(r.gapArea, 4),
            "overlap_area_m2": .fixed(r.overlapArea, 4),
            "outside_boundary_area_m2": .fixed(r.outsideBoundaryArea, 4),
            "outside_zones_area_m2": .fixed(r.outsideZonesArea, 4),
            "parcels": .int(r.parcelCount),
            "cut_parcels": .int(r.cutParcelCount),
            "derived": .object(derivedMembers, .inline),
            "modelled": .bool(r.isModelled),
            "sources": .object(r.sources.sorted { $0.key < $1.key }.map { JSONMember($0.key, .int($0.value)) }, .inline)
        ]
        var members = pairs.map { JSONMember($0.key, $0.value) }
        if let scenario { members.append(JSONMember("plan", .string(scenario))) }
        return JSONNode.object(members, .lines).text + "\n"
    }

    /// The rows for spreadsheets.
    public var csv: String { rows.csv }

    /// The rows of ``csv``, which `--results` writes to a database table.
    public var rows: ResultRows {
        let r = report
        let d = Self.decimals(unit, table: false)
        var columns: [ResultRows.Column] = []
        if r.grouping.zone != nil { columns += [.init(Self.zoneHeader(r.grouping), .text), .init(Self.zoneHeader(r.grouping) + "_name", .text)] }
        if r.grouping.byClass { columns += [.init("class", .text), .init("code", .text), .init("class_name", .text)] }
        columns += [.init("area_\(unit.rawValue)", .number), .init("share", .number)]
        var rows = ResultRows(columns: columns)
        for row in r.rows {
            var cells: [String] = []
            if r.grouping.zone != nil { cells += [row.isOutside ? "" : row.zone?.id ?? "", row.zone?.name ?? ""] }
            if let c = row.landClass { cells += [c.rawValue, c.nationalCode, c.chineseName] }
            cells += [NumberText.fixed(unit.value(row.area), d), NumberText.fixed(row.share, 6)]
            rows.append(cells)
        }
        return rows
    }
}
