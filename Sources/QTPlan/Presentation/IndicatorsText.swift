import QTAnalysis
import QTReport
import QTText

extension IndicatorsResult {
    /// The indicators for people: one row per scope and indicator, then the notes on what was counted.
    public var table: String { table(language: .en) }

    /// The indicators for people in `language`: in Chinese the header, the indicators' names and units and what
    /// each shortfall needs come from the targets file (`name_zh`, `unit_zh`, `needs_zh`) and ``QTText/ChromeWord``,
    /// as do the notes below the table (the reasons the analysis gives for a row, and notes on the data, stay English).
    public func table(language: Language) -> String {
        let zh = language == .zh
        var out =
            zh
            ? "\(report.districtName) \(report.year)\(ChromeWord.indicatorsHeading.text(.zh))\n\n"
            : "Indicators of \(report.districtName) \(report.districtNameEn) against the \(report.year) "
                + "targets of the 14th Five-Year Plan\n\n"
        let words: [ChromeWord] = [.scope, .indicator, .unit, .targetValue, .value, .met, .whatIsMissing]
        var header = words.map { $0.text(language) }
        if let at = atPlanPopulation {
            let n = NumberText.grouped(at.residents)
            header +=
                zh
                ? [n + ChromeWord.valueAtPopulation.text(.zh), ChromeWord.met.text(.zh), n + ChromeWord.missingAtPopulation.text(.zh)]
                : ["value at \(n)", "met", "what is missing at \(n)"]
        }
        var lines: [[String]] = [header]
        for (s, scope) in report.scopes.enumerated() {
            for (r, row) in scope.rows.enumerated() {
                var cells = [
                    scope.name, IndicatorText.name(row, language), IndicatorText.unit(row, language), IndicatorText.target(row, language),
                    IndicatorText.value(row, language), IndicatorText.met(row, language), IndicatorText.needs(row, language)
                ]
                if let at = atPlanPopulation?.report.scopes[s].rows[r] {
                    cells += [IndicatorText.value(at, language), IndicatorText.met(at, language), IndicatorText.needs(at, language)]
                }
                lines.append(cells)
            }
        }
        out += TextColumns.render(lines, trimTrailing: true)
        out += "\n"
        let district = report.district
        let list = zh ? "、" : ", "
        var residents = ChromeWord.indResidents.text(language, NumberText.grouped(district.residents ?? 0), report.residentsSource)
        if let elderly = district.elderly {
            residents += ChromeWord.indElderly.text(language, NumberText.grouped(Int(elderly.rounded())))
        }
        out += residents + ChromeWord.indEnd.text(language) + "\n"
        out += ChromeWord.indCounted.text(language) + "\n"
        if let at = atPlanPopulation {
            out += ChromeWord.indAtPopulation.text(language, NumberText.grouped(at.residents), at.source) + "\n"
        }
        let calibrated = report.district.rows.filter(report.isCalibrated).map { IndicatorText.name($0, language) }
        if !calibrated.isEmpty {
            out += ChromeWord.indCalibrated.text(language, calibrated.joined(separator: list)) + "\n"
        }
        if let profile = report.lifeCircleProfile {
            out += ChromeWord.indLifeCircles.text(language, profile) + "\n"
            for row in report.district.rows where row.rule.kind == .coverage && row.status != .notComputed {
                let set = row.serviceSet.map {
                    ChromeWord.indServiceSet.text(.zh, $0.profile, $0.services.map { wording.service($0, .zh) }.joined(separator: "、"))
                }
                if let reason = zh ? set ?? row.reason : row.reason {
                    out += "  \(IndicatorText.name(row, language))\(zh ? "：" : ": ")\(reason)\(ChromeWord.indEnd.text(language))\n"
                }
            }
        }
        let green = report.district.rows.filter { [.parkGreenShare, .greenCoverShare, .kindergartenPublicShare].contains($0.target.id) }
        for row in green where row.status != .notComputed {
            if let reason = row.reason { out += "\(IndicatorText.name(row, language))\(zh ? "：" : ": ")\(reason)\(ChromeWord.indEnd.text(language))\n" }
        }
        if !report.notCounted.isEmpty {
            out +=
                ChromeWord.indNotCounted.text(
                    language, report.notCounted.map { "\($0.name ?? $0.id) (\($0.type), \($0.status))" }.joined(separator: zh ? "；" : "; ")) + "\n"
        }
        if !report.stations.isEmpty {
            let far = report.stations.filter { ($0.distanceM ?? .infinity) > 150 }
            if !far.isEmpty {
                let stations = far.map {
                    "\($0.name ?? $0.id) " + ($0.distanceM.map { NumberText.fixed($0, 0) + (zh ? "米" : " m") } ?? ChromeWord.indNoBusStops.text(language))
                }
                out += ChromeWord.indFarStations.text(language, stations.joined(separator: zh ? "，" : ", ")) + "\n"
            }
        }
        for note in report.notes { out += ChromeWord.indNote.text(language, note) + "\n" }
        if report.modelled {
            let layers = report.inputs.filter { $0.modelled > 0 }.map {
                ChromeWord.indModelledLayer.text(language, $0.layer.rawValue, NumberText.grouped($0.modelled), NumberText.grouped($0.features))
            }
            out += ChromeWord.indModelled.text(language, layers.joined(separator: zh ? "；" : ", ")) + "\n"
        } else {
            out += ChromeWord.indNotModelled.text(language, report.inputs.map(\.layer.rawValue).joined(separator: ", ")) + "\n"
        }
        out += ChromeWord.indTargets.text(language, targetsPath) + "\n"
        if let scenario { out += ChromeWord.indPlan.text(language, scenario) + "\n" }
        return out
    }

    private static func number(_ v: Double?, _ decimals: Int) -> JSONNode { v.map { .fixed($0, decimals) } ?? .null }

    private static func row(_ r: IndicatorRow, calibrated: Bool, at: IndicatorRow?) -> JSONNode {
        let met: JSONNode =
            switch r.status {
            case .met: .bool(true)
            case .notMet: .bool(false)
            default: .null
            }
        let source: JSONNode = .object([
            "seed": .stringOrNull(r.target.source.seed), "where": .stringOrNull(r.target.source.location),
            "wording": .stringOrNull(r.target.source.wording)
        ])
        let pairs: KeyValuePairs<String, JSONNode> = [
            "id": .string(r.target.id.rawValue), "name": .string(r.target.name), "name_zh": .stringOrNull(r.target.nameZh),
            "unit": .string(r.target.unit), "target": number(r.target.target, 4), "value": number(r.value, 4),
            "status": .string(r.status.rawValue), "met": met, "amount": number(r.amount, 2),
            "amount_unit": .stringOrNull(r.rule.amountUnit), "base": number(r.base, 2),
            "shortfall": r.shortfall.map(JSONNode.int) ?? .null,
            "needs": .stringOrNull(r.status == .notMet ? IndicatorText.needs(r) : nil), "reason": .stringOrNull(r.reason),
            "source": source, "calibrated_to_2020_baseline": .bool(calibrated)
        ]
        return .object(
            pairs.map { JSONMember($0.key, $0.value) }
                + (at.map { a in
                    [
                        JSONMember(
                            "at_plan_population",
                            .object([
                                "value": number(a.value, 4), "status": .string(a.status.rawValue),
                                "shortfall": a.shortfall.map(JSONNode.int) ?? .null,
                                "needs": .stringOrNull(a.status == .notMet ? IndicatorText.needs(a) : nil)
                            ]))
                    ]
                } ?? []), .inline)
    }

    /// The indicators for programs.
    public var json: String {
        let scopes: [JSONNode] = report.scopes.enumerated().map { s, scope in
            let rows = scope.rows.enumerated().map { r, row in
                Self.row(row, calibrated: scope.isDistrict && report.isCalibrated(row), at: atPlanPopulation?.report.scopes[s].rows[r])
            }
            return .object(
                [
                    JSONMember("id", .stringOrNull(scope.id)), JSONMember("name", .string(scope.name)),
                    JSONMember("level", .string(scope.isDistrict ? "district" : "subdistrict")),
                    JSONMember("residents", scope.residents.map(JSONNode.int) ?? .null),
                    JSONMember("aged_60_plus", Self.number(scope.elderly, 2)),
                    JSONMember("indicators", .array(rows, .lines), startsLine: true)
                ], .inline)
        }
        let notCounted: [JSONNode] = report.notCounted.map {
            .object([
                "layer": .string($0.layer.rawValue), "id": .string($0.id), "name": .stringOrNull($0.name),
                "type": .string($0.type), "status": .string($0.status), "subdistrict": .stringOrNull($0.subdistrict)
            ])
        }
        let stations: [JSONNode] = report.stations.map {
            .object([
                "id": .string($0.id), "name": .stringOrNull($0.name), "kind": .string($0.kind.rawValue),
                "nearest_bus_stop": .stringOrNull($0.nearestStop), "distance_m": Self.number($0.distanceM, 1)
            ])
        }
        let inputs: [JSONNode] = report.inputs.map {
            .object(["layer": .string($0.layer.rawValue), "features": .int($0.features), "modelled": .int($0.modelled)])
        }
        return JSONNode.object(
            [
                "district": .string(report.districtName),
                "name_en": .string(report.districtNameEn),
                "year": .int(report.year),
                "targets_file": .string(targetsPath),
                "residents": report.district.residents.map(JSONNode.int) ?? .null,
                "residents_source": .string(report.residentsSource),
                "aged_60_plus": Self.number(report.district.elderly, 2),
                "modelled": .bool(report.modelled),
                "modelled_layers": .array(report.modelledLayers.map { .string($0.rawValue) }, .inline),
                "life_circle_profile": .stringOrNull(report.lifeCircleProfile),
                "inputs": .array(inputs, .lines),
                "scopes": .array(scopes, .lines),
                "not_counted": .array(notCounted, .lines),
                "stations": .array(stations, .lines),
                "notes": .array(report.notes.map { .string($0) }, .inline),
                "plan_population": atPlanPopulation.map { .object(["residents": .int($0.residents), "source": .string($0.source)]) } ?? .null
            ], .lines
        ).text + "\n"
    }

    /// The indicators for spreadsheets: one row per scope and indicator.
    public var csv: String { rows.csv }

    /// The rows of ``csv``, which `--results` writes to a database table.
    public var rows: ResultRows {
        var columns: [ResultRows.Column] = [
            .init("scope_id", .text), .init("scope_name", .text), .init("indicator", .text), .init("unit", .text), .init("target", .number),
            .init("value", .number), .init("status", .text), .init("shortfall", .number), .init("shortfall_unit", .text),
            .init("amount", .number), .init("base", .number), .init("reason", .text), .init("modelled", .text)
        ]
        if atPlanPopulation != nil {
            columns += [
                .init("residents_at_plan", .number), .init("value_at_plan", .number), .init("status_at_plan", .text), .init("shortfall_at_plan", .number)
            ]
        }
        var rows = ResultRows(columns: columns)
        for (s, scope) in report.scopes.enumerated() {
            for (i, r) in scope.rows.enumerated() {
                let at =
                    atPlanPopulation.map { plan -> [String] in
                        let a = plan.report.scopes[s].rows[i]
                        return [String(plan.residents), a.value.map { NumberText.fixed($0, 4) } ?? "", a.status.rawValue, a.shortfall.map(String.init) ?? ""]
                    } ?? []
                rows.append(
                    [
                        scope.id ?? "", scope.name, r.target.id.rawValue, r.target.unit,
                        r.target.target.map { NumberText.fixed($0, 4) } ?? "", r.value.map { NumberText.fixed($0, 4) } ?? "",
                        r.status.rawValue, r.shortfall.map(String.init) ?? "", r.shortfall == nil ? "" : r.rule.amountUnit,
                        r.amount.map { NumberText.fixed($0, 2) } ?? "", r.base.map { NumberText.fixed($0, 2) } ?? "",
                        r.reason ?? "", report.modelled ? "true" : "false"
                    ] + at)
            }
        }
        return rows
    }
}
