import Foundation
import QTAnalysis
import QTModel

/// Formats coverage results for `qtplan coverage`.
enum CoverageText {
    /// Minutes or metres as printed.
    static func threshold(_ s: CoverageService) -> String {
        if s.mode == .radius {
            let rural = s.distanceRural.map { $0 != s.distance ? " (rural \(Number.fixed($0, 0)) m)" : "" } ?? ""
            return "\(Number.fixed(s.distance, 0)) m\(rural)"
        }
        let rural = s.minutesRural.map { " (rural \(Number.trimmedMinutes($0)))" } ?? ""
        return "\(Number.trimmedMinutes(s.minutes)) min\(rural)"
    }

    static func people(_ x: Double) -> String { abs(x) < 1e15 ? Number.grouped(Int(x.rounded())) : String(x) }

    static func share(_ c: CoverageCount) -> String { Number.fixed(c.share * 100, 1) + "%" }

    static func table(_ results: [CoverageResult], profile: LifeCircleProfile, options: CoverageOptions,
                      by: CoverageGrouping, district: District) -> String {
        var lines: [[String]] = [["service", "mode", "circle", "facilities", "residents", "covered", "share"]]
        for r in results {
            lines.append([r.service.label, r.service.mode.rawValue, threshold(r.service), Number.grouped(r.facilities),
                          people(r.total.population), people(r.total.covered), share(r.total)])
            if by == .subdistrict {
                for c in r.bySubdistrict {
                    lines.append(["  " + c.name, "", "", "", people(c.population), people(c.covered), share(c)])
                }
            }
        }
        var text = LandUseText.columns(lines, rightAligned: [3, 4, 5, 6])
        var footer: [(String, String)] = [
            ("District", district.manifest.name),
            ("Standard", "\(profile.name): \(profile.title)"),
            ("Walking speed", "\(Number.trimmedMinutes(options.walkSpeedKmh)) km/h (access legs walked in every mode)"),
            ("Residents", "the population layer's features, each at its point on surface"),
        ]
        if results.contains(where: { $0.service.mode != .radius }) {
            let off = results.filter { $0.service.mode != .radius }.map(\.residentsOffNetwork).max() ?? 0
            if off > 0 { footer.append(("Off the network", "\(people(off)) residents more than \(Number.fixed(options.maximumAccess, 0)) m from a street (not covered)")) }
        }
        if let outside = outsideNote(results) { footer.append(("Outside", outside)) }
        let modelledResidents = district.features(.population).contains { $0.properties["source"]?.stringValue == "modelled" }
        let modelledFacilities = district.features(.facilities).contains { $0.properties["source"]?.stringValue == "modelled" }
        if modelledResidents && modelledFacilities {
            footer.append(("Data", "modelled residents and facilities (see geodata/SOURCES.md): figures show the method, not the district's real provision"))
        } else if modelledResidents || modelledFacilities {
            footer.append(("Data", "modelled \(modelledResidents ? "residents" : "facilities") (see the district's sources): figures show the method, not the district's real provision"))
        }
        text += "\n" + TextTable.render(footer)
        return text
    }

    /// How many facilities outside the boundary (marked `outside: true`) serve residents inside, per service;
    /// `nil` when no service has any outside.
    static func outsideNote(_ results: [CoverageResult]) -> String? {
        let withOutside = results.filter { $0.facilitiesOutside > 0 }
        guard !withOutside.isEmpty else { return nil }
        let parts = withOutside.map { "\($0.service.label) \(Number.grouped($0.facilitiesOutsideServing)) of \(Number.grouped($0.facilitiesOutside))" }
        return "facilities outside the boundary (within the build's margin) serving residents inside: " + parts.joined(separator: ", ")
    }

    static func json(_ results: [CoverageResult], profile: LifeCircleProfile, options: CoverageOptions) -> String {
        func count(_ c: CoverageCount) -> String {
            "\"population\": \(Number.fixed(c.population, 0)), \"covered\": \(Number.fixed(c.covered, 0)), \"share\": \(Number.fixed(c.share, 6))"
        }
        let objects = results.map { r -> String in
            let s = r.service
            let parts = r.bySubdistrict.map {
                "{\"subdistrict\": \(JSONText.string($0.id)), \"name\": \(JSONText.string($0.name)), \(count($0))}"
            }
            return """
              {"type": \(JSONText.string(s.supply.type)), "label": \(JSONText.string(s.label)), \
            "mode": \(JSONText.string(s.mode.rawValue)), "direction": \(JSONText.string(s.direction.rawValue)), \
            "minutes": \(Number.trimmedMinutes(s.minutes)), \
            "minutes_rural": \(s.minutesRural.map(Number.trimmedMinutes) ?? "null"), \
            "distance_m": \(s.mode == .radius ? Number.fixed(s.distance, 1) : "null"), \
            "distance_rural_m": \(s.mode == .radius ? s.distanceRural.map { Number.fixed($0, 1) } ?? "null" : "null"), \
            "size_class": \(s.supply.sizeClasses.map { "[" + $0.map(JSONText.string).joined(separator: ", ") + "]" } ?? "null"), \
            "facilities": \(r.facilities), "facilities_off_network": \(r.facilitiesOffNetwork), \
            \(count(r.total)), "residents_off_network": \(Number.fixed(r.residentsOffNetwork, 0)), \
            "walk_speed_kmh": \(Number.trimmedMinutes(options.walkSpeedKmh)), \
            "profile": \(JSONText.string(profile.name)), "source": \(JSONText.string(s.source)), \
            "by_subdistrict": [\(parts.joined(separator: ", "))]}
            """
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    static func csv(_ results: [CoverageResult], profile: LifeCircleProfile) -> String {
        var out = "profile,label,type,mode,minutes,minutes_rural,distance_m,subdistrict,population,covered,share\n"
        for r in results {
            let s = r.service
            let head = [profile.name, s.label, s.supply.type, s.mode.rawValue, Number.trimmedMinutes(s.minutes),
                        s.minutesRural.map(Number.trimmedMinutes) ?? "", s.mode == .radius ? Number.fixed(s.distance, 1) : ""]
            for c in [r.total] + r.bySubdistrict {
                out += (head + [c.id, Number.fixed(c.population, 0), Number.fixed(c.covered, 0), Number.fixed(c.share, 6)])
                    .map(csvField).joined(separator: ",") + "\n"
            }
        }
        return out
    }

    static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
