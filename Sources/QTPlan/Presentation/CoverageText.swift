import QTAnalysis
import QTText

/// Rows of coverage tables: the district total only, or each sub-district too.
public enum CoverageGrouping: String, Sendable, CaseIterable {
    /// The district total only.
    case district
    /// The district total and each sub-district.
    case subdistrict
}

/// How coverage figures read.
enum CoverageFigures {
    /// Minutes or metres as printed: `15 min`, `20 min (rural 30)`, `300 m`.
    static func threshold(_ s: CoverageService) -> String {
        if s.mode == .radius {
            let rural = s.distanceRural.map { $0 != s.distance ? " (rural \(NumberText.fixed($0, 0)) m)" : "" } ?? ""
            return "\(NumberText.fixed(s.distance, 0)) m\(rural)"
        }
        let rural = s.minutesRural.map { " (rural \(NumberText.trimmed($0)))" } ?? ""
        return "\(NumberText.trimmed(s.minutes)) min\(rural)"
    }

    /// A share as a percentage to one decimal.
    static func share(_ c: CoverageCount) -> String { NumberText.fixed(c.share * 100, 1) + "%" }

    /// The sentence a result on modelled data carries.
    static let modelledNote = "modelled residents and facilities (see geodata/SOURCES.md): figures show the method, not the district's real provision"

    /// The sentence for a district where only the residents or only the facilities are modelled.
    static func modelledNote(residents: Bool, facilities: Bool) -> String? {
        if residents && facilities { return modelledNote }
        guard residents || facilities else { return nil }
        return "modelled \(residents ? "residents" : "facilities") (see the district's sources): figures show the method, not the district's real provision"
    }

    /// How many facilities outside the boundary (marked `outside: true`) serve residents inside, per service;
    /// `nil` when no service has any outside.
    static func outsideNote(_ results: [CoverageResult]) -> String? {
        let withOutside = results.filter { $0.facilitiesOutside > 0 }
        guard !withOutside.isEmpty else { return nil }
        let parts = withOutside.map { "\($0.service.label) \(NumberText.grouped($0.facilitiesOutsideServing)) of \(NumberText.grouped($0.facilitiesOutside))" }
        return "facilities outside the boundary (within the build's margin) serving residents inside: " + parts.joined(separator: ", ")
    }
}

extension CoverageOutcome {
    /// The results for people: one row per service (and sub-district), then how they were measured.
    public func table(by grouping: CoverageGrouping) -> String {
        var lines: [[String]] = [["service", "mode", "circle", "facilities", "residents", "covered", "share"]]
        for r in results {
            lines.append([r.service.label, r.service.mode.rawValue, CoverageFigures.threshold(r.service), NumberText.grouped(r.facilities),
                          NumberText.grouped(rounding: r.total.population), NumberText.grouped(rounding: r.total.covered),
                          CoverageFigures.share(r.total)])
            if grouping == .subdistrict {
                for c in r.bySubdistrict {
                    lines.append(["  " + c.name, "", "", "", NumberText.grouped(rounding: c.population),
                                  NumberText.grouped(rounding: c.covered), CoverageFigures.share(c)])
                }
            }
        }
        var text = TextColumns.render(lines, rightAligned: [3, 4, 5, 6])
        var footer: [(String, String)] = [
            ("District", district),
            ("Standard", "\(profile.name): \(profile.title)"),
            ("Walking speed", "\(NumberText.trimmed(options.walkSpeedKmh)) km/h (access legs walked in every mode)"),
            ("Residents", "the population layer's features, each at its point on surface"),
        ]
        let off = results.filter { $0.service.mode != .radius }.map(\.residentsOffNetwork).max() ?? 0
        if off > 0 {
            footer.append(("Off the network", "\(NumberText.grouped(rounding: off)) residents more than "
                           + "\(NumberText.fixed(options.maximumAccess, 0)) m from a street (not covered)"))
        }
        if let outside = CoverageFigures.outsideNote(results) { footer.append(("Outside", outside)) }
        let optional = results.filter { !$0.service.required }.map(\.service.label)
        if !optional.isEmpty {
            footer.append(("Should (△)", optional.joined(separator: ", ") + ": provided where needed (GB 50180 appendix B △), "
                           + "left out of the combined life-circle rows"))
        }
        if let scenario { footer.append(("Plan", scenario)) }
        if let note = CoverageFigures.modelledNote(residents: modelledResidents, facilities: modelledFacilities) { footer.append(("Data", note)) }
        text += "\n" + TextColumns.labelled(footer)
        return text
    }

    private static func counts(_ c: CoverageCount) -> [JSONMember] {
        [JSONMember("population", .fixed(c.population, 0)), JSONMember("covered", .fixed(c.covered, 0)),
         JSONMember("share", .fixed(c.share, 6))]
    }

    /// The results for programs: one object per service.
    public var json: String {
        let objects: [JSONNode] = results.map { r in
            let s = r.service
            let parts: [JSONNode] = r.bySubdistrict.map {
                .object([JSONMember("subdistrict", .string($0.id)), JSONMember("name", .string($0.name))] + Self.counts($0), .inline)
            }
            var members: [JSONMember] = [
                JSONMember("type", .string(s.supply.type)), JSONMember("label", .string(s.label)),
                JSONMember("mode", .string(s.mode.rawValue)), JSONMember("direction", .string(s.direction.rawValue)),
                JSONMember("minutes", .trimmed(s.minutes)), JSONMember("minutes_rural", s.minutesRural.map(JSONNode.trimmed) ?? .null),
                JSONMember("distance_m", s.mode == .radius ? .fixed(s.distance, 1) : .null),
                JSONMember("distance_rural_m", s.mode == .radius ? s.distanceRural.map { .fixed($0, 1) } ?? .null : .null),
                JSONMember("size_class", s.supply.sizeClasses.map { .array($0.map(JSONNode.string), .inline) } ?? .null),
                JSONMember("level", s.supply.levels.map { .array($0.map(JSONNode.string), .inline) } ?? .null),
                JSONMember("min_area_m2", s.supply.minimumArea.map { .fixed($0, 0) } ?? .null),
                JSONMember("required", .bool(s.required)),
                JSONMember("facilities", .int(r.facilities)), JSONMember("facilities_off_network", .int(r.facilitiesOffNetwork)),
            ]
            members += Self.counts(r.total)
            members += [
                JSONMember("residents_off_network", .fixed(r.residentsOffNetwork, 0)),
                JSONMember("walk_speed_kmh", .trimmed(options.walkSpeedKmh)),
                JSONMember("profile", .string(profile.name)), JSONMember("source", .string(s.source)),
                JSONMember("by_subdistrict", .array(parts, .inline)),
            ]
            if let scenario { members.append(JSONMember("plan", .string(scenario))) }
            return .object(members, .inline)
        }
        return JSONNode.array(objects, .lines).text + "\n"
    }

    /// The results for spreadsheets: one row per service and sub-district (the district total first, with an
    /// empty sub-district).
    public var csv: String {
        var out = "profile,label,type,mode,minutes,minutes_rural,distance_m,subdistrict,population,covered,share\n"
        for r in results {
            let s = r.service
            let head = [profile.name, s.label, s.supply.type, s.mode.rawValue, NumberText.trimmed(s.minutes),
                        s.minutesRural.map(NumberText.trimmed) ?? "", s.mode == .radius ? NumberText.fixed(s.distance, 1) : ""]
            for c in [r.total] + r.bySubdistrict {
                out += CSVText.row(head + [c.id, NumberText.fixed(c.population, 0), NumberText.fixed(c.covered, 0), NumberText.fixed(c.share, 6)])
            }
        }
        return out
    }
}
