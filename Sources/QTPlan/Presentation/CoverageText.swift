import QTAnalysis
import QTText

/// Rows of coverage tables: the district total only, or each sub-district too.
public enum CoverageGrouping: String, Sendable, CaseIterable {
    /// The district total only.
    case district
    /// The district total and each sub-district.
    case subdistrict
}

/// How coverage figures read; in Chinese the words come from ``QTText/ChromeWord``.
enum CoverageFigures {
    /// Minutes or metres as printed: `15 min`, `20 min (rural 30)`, `300 m` (radius mode and distances walked);
    /// in Chinese `15分钟`, `300米`.
    static func threshold(_ s: CoverageService, _ language: Language = .en) -> String {
        if s.effectiveMeasure == .distance {
            let rural =
                s.distanceRural.map { $0 != s.distance ? ChromeWord.rural.text(language, NumberText.fixed($0, 0) + ChromeWord.metres.text(language)) : "" }
                ?? ""
            return "\(NumberText.fixed(s.distance, 0))\(ChromeWord.metres.text(language))\(rural)"
        }
        let rural = s.minutesRural.map { ChromeWord.rural.text(language, NumberText.trimmed($0)) } ?? ""
        return "\(NumberText.trimmed(s.minutes))\(ChromeWord.minutes.text(language))\(rural)"
    }

    /// A mode as printed: `walk`, `drive`, `radius` (步行, 驾车, 直线).
    static func modeWord(_ mode: CoverageMode, _ language: Language = .en) -> String {
        switch mode {
        case .walk: ChromeWord.walk.text(language)
        case .drive: ChromeWord.drive.text(language)
        case .radius: ChromeWord.radius.text(language)
        }
    }

    /// A measure as printed: `distance` or `time` (距离, 时间).
    static func measureWord(_ measure: CoverageMeasure, _ language: Language = .en) -> String {
        measure == .distance ? ChromeWord.distanceMeasure.text(language) : ChromeWord.timeMeasure.text(language)
    }

    /// A share as a percentage to one decimal.
    static func share(_ c: CoverageCount) -> String { NumberText.fixed(c.share * 100, 1) + "%" }

    /// Capacity per 1,000 of the target group to one decimal, `unknown` when the group is unknown or empty.
    static func perThousand(_ value: Double?, _ language: Language = .en) -> String {
        value.map { NumberText.fixed($0, 1) } ?? ChromeWord.unknown.text(language)
    }

    /// The target group's share as a percentage to one decimal, `unknown` when the population layer lacks the band.
    static func targetShare(_ c: CoverageCount, _ language: Language = .en) -> String {
        c.targetShare.map { NumberText.fixed($0 * 100, 1) + "%" } ?? ChromeWord.unknown.text(language)
    }

    /// The mode as printed: `drive (profile)` when a drive-only rule kept its mode against the request.
    static func mode(_ s: CoverageService, _ language: Language = .en) -> String {
        modeWord(s.mode, language) + (s.modeFromRule ? ChromeWord.fromProfile.text(language) : "")
    }

    /// How the results were measured: the profile's walking measure and any override, one line.
    static func measureNote(_ results: [CoverageResult], profile: LifeCircleProfile, _ language: Language = .en) -> String? {
        let walked = results.filter { $0.service.mode == .walk }
        guard !walked.isEmpty else { return nil }
        let measures = Set(walked.map(\.service.measure))
        let what: ChromeWord = measures.count > 1 ? .measureMixed : measures.first == .distance ? .measureDistance : .measureTime
        let basis: ChromeWord = profile.measure == .distance ? .profileByDistance : .profileByTime
        return ChromeWord.measureNote.text(language, what.text(language), basis.text(language, profile.name))
    }

    /// Which target groups the population layer lacks, when any (their target figures are `unknown`).
    static func unknownTargets(_ results: [CoverageResult], _ language: Language = .en) -> String? {
        let groups = results.filter { $0.service.targetGroup != .all && $0.total.targetShare == nil }.map(\.service.targetGroup)
        guard !groups.isEmpty else { return nil }
        var seen: [TargetGroup] = []
        for g in groups where !seen.contains(g) { seen.append(g) }
        return ChromeWord.unknownTargetNote.text(language, seen.compactMap(\.shareKey).joined(separator: ", "))
    }

    /// The sentence a result on modelled data carries.
    static let modelledNote = ChromeWord.modelledNote.text(.en)

    /// The sentence for a district where only the residents or only the facilities are modelled.
    static func modelledNote(residents: Bool, facilities: Bool, _ language: Language = .en) -> String? {
        if residents && facilities { return ChromeWord.modelledNote.text(language) }
        guard residents || facilities else { return nil }
        return ChromeWord.modelledSomeNote.text(language, (residents ? ChromeWord.modelledResidents : .modelledFacilities).text(language))
    }

    /// How many facilities outside the boundary (marked `outside: true`) serve residents inside, per service;
    /// `nil` when no service has any outside.
    static func outsideNote(_ results: [CoverageResult], _ language: Language = .en, wording: StandardsWording = StandardsWording()) -> String? {
        let withOutside = results.filter { $0.facilitiesOutside > 0 }
        guard !withOutside.isEmpty else { return nil }
        let parts = withOutside.map {
            "\(wording.service($0.service.label, language)) \(NumberText.grouped($0.facilitiesOutsideServing)) of \(NumberText.grouped($0.facilitiesOutside))"
        }
        return ChromeWord.outsideNote.text(language, parts.joined(separator: ", "))
    }

    /// A park tier's green area per resident against the table's figure, then each sub-district's:
    /// `park_15min: 1.92 m² per resident (GB 50180 table 4.0.4: ≥ 2.0), below; 白杨街道 0.80, …`.
    static func green(_ r: CoverageResult, _ g: GreenPerResident, _ language: Language, wording: StandardsWording) -> String {
        let figure = { (value: Double?) in value.map { NumberText.fixed($0, 2) } ?? "—" }
        let verdict = (g.total.map { $0 >= g.targetSquareMetres } ?? false) ? ChromeWord.greenMet : .greenBelow
        var text = ChromeWord.greenNote.text(
            language, wording.service(r.service.label, language), figure(g.total), NumberText.fixed(g.targetSquareMetres, 1), verdict.text(language))
        if !r.bySubdistrict.isEmpty {
            text +=
                (language == .zh ? "；" : "; ")
                + zip(r.bySubdistrict, g.bySubdistrict).map { "\($0.name) \(figure($1))" }.joined(separator: language == .zh ? "，" : ", ")
        }
        return text
    }

    /// A capacity kind as printed after its figure (`places`; 学位).
    static func capacityKind(_ kind: CapacityKind, _ language: Language = .en) -> String {
        switch kind {
        case .places: ChromeWord.places.text(language)
        case .beds: ChromeWord.beds.text(language)
        case .physicians: ChromeWord.physicians.text(language)
        }
    }
}

extension CoverageOutcome {
    /// The results for people: one row per service (and sub-district), then how they were measured.
    ///
    /// In Chinese (`language: .zh`) the header, the service names, the target groups and the units (人, 处) are
    /// Chinese: the names and units from the standards file (``wording``), the header words, modes, measures and
    /// the notes below the table from ``QTText/ChromeWord``.
    public func table(by grouping: CoverageGrouping, language: Language = .en) -> String {
        let zh = language == .zh
        // Chinese headers name the unit of the column: 居民（人）, 设施（处）.
        let people = zh ? "（\(wording.unit("residents", .zh, fallback: "人"))）" : ""
        let places = zh ? "（\(wording.unit("facilities", .zh, fallback: "处"))）" : ""
        var lines: [[String]] = [
            [
                ChromeWord.service.text(language), ChromeWord.mode.text(language), ChromeWord.measure.text(language),
                ChromeWord.circle.text(language), ChromeWord.facilityCount.text(language) + places, ChromeWord.residents.text(language) + people,
                ChromeWord.covered.text(language) + people, ChromeWord.share.text(language), ChromeWord.target.text(language),
                ChromeWord.targetShare.text(language)
            ]
        ]
        for r in results {
            let s = r.service
            lines.append([
                wording.service(s.label, language), CoverageFigures.mode(s, language), CoverageFigures.measureWord(s.effectiveMeasure, language),
                CoverageFigures.threshold(s, language),
                NumberText.grouped(r.facilities), NumberText.grouped(rounding: r.total.population),
                NumberText.grouped(rounding: r.total.covered), CoverageFigures.share(r.total),
                wording.targetGroup(s.targetGroup.rawValue, language), CoverageFigures.targetShare(r.total, language)
            ])
            if grouping == .subdistrict {
                for c in r.bySubdistrict {
                    lines.append([
                        "  " + c.name, "", "", "", "", NumberText.grouped(rounding: c.population),
                        NumberText.grouped(rounding: c.covered), CoverageFigures.share(c), "", CoverageFigures.targetShare(c, language)
                    ])
                }
            }
        }
        if !capacity.isEmpty { // 2SFCA: capacity per 1,000 of the target group within reach
            lines[0] += [ChromeWord.capacity.text(language), ChromeWord.perThousand.text(language)]
            var row = 1
            for (k, r) in results.enumerated() {
                let access = k < capacity.count ? capacity[k] : nil
                lines[row] += [
                    access.map { "\(NumberText.grouped(rounding: $0.capacity)) \(CoverageFigures.capacityKind($0.kind, language))" } ?? "",
                    access.map { CoverageFigures.perThousand($0.perThousand, language) } ?? ""
                ]
                row += 1
                if grouping == .subdistrict {
                    for s in r.bySubdistrict.indices {
                        lines[row] += ["", access.map { CoverageFigures.perThousand($0.perThousandBySubdistrict[s], language) } ?? ""]
                        row += 1
                    }
                }
            }
        }
        var text = TextColumns.render(lines, rightAligned: [4, 5, 6, 7, 9, 10, 11])
        var footer: [(String, String)] = [
            (ChromeWord.district.text(language), district),
            (ChromeWord.standard.text(language), "\(profile.name): \(profile.title(language))"),
            (ChromeWord.walkingSpeed.text(language), ChromeWord.walkingSpeedNote.text(language, NumberText.trimmed(options.walkSpeedKmh))),
            (ChromeWord.residentsLabel.text(language), ChromeWord.residentsNote.text(language))
        ]
        if let measure = CoverageFigures.measureNote(results, profile: profile, language) { footer.append((ChromeWord.measureLabel.text(language), measure)) }
        if let unknown = CoverageFigures.unknownTargets(results, language) { footer.append((ChromeWord.targetLabel.text(language), unknown)) }
        let hazards = results.compactMap { r in
            r.hazardousSites.map {
                ChromeWord.hazardsReach.text(
                    language, wording.service(r.service.label, language),
                    $0 == 0
                        ? ChromeWord.hazardsNone.text(language)
                        : "\(NumberText.grouped(r.hazardousSitesReached ?? 0))\(zh ? "/" : " of ")\(NumberText.grouped($0))\(zh ? "处" : "")",
                    CoverageFigures.threshold(r.service, language))
            }
        }
        if !hazards.isEmpty {
            footer.append((ChromeWord.hazardousLabel.text(language), hazards.joined(separator: "; ") + ChromeWord.hazardsNote.text(language)))
        }
        if capacity.contains(where: { $0 != nil }) {
            footer.append((ChromeWord.capacityLabel.text(language), ChromeWord.capacityNote.text(language)))
        }
        let off = results.filter { $0.service.mode != .radius }.map(\.residentsOffNetwork).max() ?? 0
        if off > 0 {
            footer.append(
                (
                    ChromeWord.offNetworkLabel.text(language),
                    ChromeWord.offNetworkNote.text(language, NumberText.grouped(rounding: off), NumberText.fixed(options.maximumAccess, 0))
                ))
        }
        if let outside = CoverageFigures.outsideNote(results, language, wording: wording) { footer.append((ChromeWord.outsideLabel.text(language), outside)) }
        let optional = results.filter { !$0.service.required }.map { wording.service($0.service.label, language) }
        if !optional.isEmpty {
            footer.append((ChromeWord.shouldLabel.text(language), ChromeWord.shouldNote.text(language, optional.joined(separator: zh ? "、" : ", "))))
        }
        for r in results {
            if let green = r.greenPerResident {
                footer.append((ChromeWord.greenLabel.text(language), CoverageFigures.green(r, green, language, wording: wording)))
            }
        }
        let narrow = results.filter { !$0.narrowParks.isEmpty }
        if !narrow.isEmpty {
            let parts = narrow.map {
                ChromeWord.narrowPart.text(
                    language, wording.service($0.service.label, language), String($0.narrowParks.count),
                    NumberText.fixed($0.service.supply.minimumWidth ?? 0, 0))
            }
            footer.append((ChromeWord.narrowLabel.text(language), ChromeWord.narrowNote.text(language, parts.joined(separator: zh ? "；" : "; "))))
        }
        if let scenario { footer.append((ChromeWord.planLabel.text(language), scenario)) }
        if let note = CoverageFigures.modelledNote(residents: modelledResidents, facilities: modelledFacilities, language) {
            footer.append((ChromeWord.dataLabel.text(language), note))
        }
        text += "\n" + TextColumns.labelled(footer)
        return text
    }

    private static func counts(_ c: CoverageCount) -> [JSONMember] {
        [
            JSONMember("population", .fixed(c.population, 0)), JSONMember("covered", .fixed(c.covered, 0)),
            JSONMember("share", .fixed(c.share, 6)),
            JSONMember("target_population", c.targetPopulation.map { .fixed($0, 0) } ?? .null),
            JSONMember("target_covered", c.targetCovered.map { .fixed($0, 0) } ?? .null),
            JSONMember("target_share", c.targetShare.map { .fixed($0, 6) } ?? .null)
        ]
    }

    /// The results for programs: one object per service.
    public var json: String {
        let objects: [JSONNode] = results.enumerated().map { k, r in
            let s = r.service
            let access = k < capacity.count ? capacity[k] : nil
            let parts: [JSONNode] = r.bySubdistrict.enumerated().map { j, c in
                var members = [JSONMember("subdistrict", .string(c.id)), JSONMember("name", .string(c.name))] + Self.counts(c)
                if let green = r.greenPerResident {
                    members += [
                        JSONMember("park_area_m2", .fixed(green.areaBySubdistrict[j], 0)),
                        JSONMember("green_per_resident_m2", green.bySubdistrict[j].map { .fixed($0, 3) } ?? .null)
                    ]
                }
                if !capacity.isEmpty {
                    members.append(JSONMember("capacity_per_1000", access?.perThousandBySubdistrict[j].map { .fixed($0, 3) } ?? .null))
                }
                return .object(members, .inline)
            }
            var members: [JSONMember] = [
                JSONMember("type", .string(s.supply.type)), JSONMember("label", .string(s.label)),
                JSONMember("mode", .string(s.mode.rawValue)), JSONMember("mode_from_profile", .bool(s.modeFromRule)),
                JSONMember("measure", .string(s.effectiveMeasure.rawValue)), JSONMember("direction", .string(s.direction.rawValue)),
                JSONMember("minutes", .trimmed(s.minutes)), JSONMember("minutes_rural", s.minutesRural.map(JSONNode.trimmed) ?? .null),
                JSONMember("distance_m", s.effectiveMeasure == .distance ? .fixed(s.distance, 1) : .null),
                JSONMember("distance_rural_m", s.effectiveMeasure == .distance ? s.distanceRural.map { .fixed($0, 1) } ?? .null : .null),
                JSONMember("target_group", .string(s.targetGroup.rawValue)),
                JSONMember("size_class", s.supply.sizeClasses.map { .array($0.map(JSONNode.string), .inline) } ?? .null),
                JSONMember("level", s.supply.levels.map { .array($0.map(JSONNode.string), .inline) } ?? .null),
                JSONMember("min_area_m2", s.supply.minimumArea.map { .fixed($0, 0) } ?? .null),
                JSONMember("min_width_m", s.supply.minimumWidth.map { .fixed($0, 0) } ?? .null),
                JSONMember("required", .bool(s.required)),
                JSONMember("facilities", .int(r.facilities)), JSONMember("facilities_off_network", .int(r.facilitiesOffNetwork))
            ]
            members += Self.counts(r.total)
            if let green = r.greenPerResident {
                members += [
                    JSONMember("park_area_m2", .fixed(green.areaSquareMetres, 0)),
                    JSONMember("green_per_resident_m2", green.total.map { .fixed($0, 3) } ?? .null),
                    JSONMember("green_per_resident_target_m2", .trimmed(green.targetSquareMetres)),
                    JSONMember("parks_too_narrow", .array(r.narrowParks.map(JSONNode.string), .inline))
                ]
            }
            if !capacity.isEmpty {
                members += [
                    JSONMember("capacity", access.map { .string($0.kind.rawValue) } ?? .null),
                    JSONMember("capacity_total", access.map { .fixed($0.capacity, 0) } ?? .null),
                    JSONMember("capacity_reaching", access.map { .fixed($0.capacityReaching, 0) } ?? .null),
                    JSONMember("capacity_per_1000", access?.perThousand.map { .fixed($0, 3) } ?? .null)
                ]
            }
            members += [
                JSONMember("residents_off_network", .fixed(r.residentsOffNetwork, 0)),
                JSONMember("hazardous_sites", r.hazardousSites.map(JSONNode.int) ?? .null),
                JSONMember("hazardous_sites_reached", r.hazardousSitesReached.map(JSONNode.int) ?? .null),
                JSONMember("walk_speed_kmh", .trimmed(options.walkSpeedKmh)),
                JSONMember("profile", .string(profile.name)), JSONMember("source", .string(s.source)),
                JSONMember("by_subdistrict", .array(parts, .inline))
            ]
            if let scenario { members.append(JSONMember("plan", .string(scenario))) }
            return .object(members, .inline)
        }
        return JSONNode.array(objects, .lines).text + "\n"
    }

    /// The results for spreadsheets: one row per service and sub-district (the district total first, with an
    /// empty sub-district).
    public var csv: String { rows.csv }

    /// The rows of ``csv``, which `--results` writes to a database table.
    public var rows: ResultRows {
        var rows = ResultRows(
            columns: [
                .init("profile", .text), .init("label", .text), .init("type", .text), .init("mode", .text), .init("measure", .text),
                .init("minutes", .number), .init("minutes_rural", .number), .init("distance_m", .number), .init("subdistrict", .text),
                .init("population", .number), .init("covered", .number), .init("share", .number), .init("target_group", .text),
                .init("target_population", .number), .init("target_covered", .number), .init("target_share", .number)
            ])
        for r in results {
            let s = r.service
            let head = [
                profile.name, s.label, s.supply.type, s.mode.rawValue, s.effectiveMeasure.rawValue, NumberText.trimmed(s.minutes),
                s.minutesRural.map(NumberText.trimmed) ?? "", s.effectiveMeasure == .distance ? NumberText.fixed(s.distance, 1) : ""
            ]
            for c in [r.total] + r.bySubdistrict {
                rows.append(
                    head + [
                        c.id, NumberText.fixed(c.population, 0), NumberText.fixed(c.covered, 0), NumberText.fixed(c.share, 6),
                        s.targetGroup.rawValue, c.targetPopulation.map { NumberText.fixed($0, 0) } ?? "",
                        c.targetCovered.map { NumberText.fixed($0, 0) } ?? "", c.targetShare.map { NumberText.fixed($0, 6) } ?? ""
                    ])
            }
        }
        return rows
    }
}
