import Foundation
import QTModel
import QTText

/// How siting results word their measured values and limits (deterministic: fixed decimals, no locale).
enum SitingText {
    /// Whole metres with thousands separators: "1,234 m".
    static func metres(_ d: Double) -> String { NumberText.grouped(rounding: d) + " m" }

    /// Square kilometres to two decimals: "6.25 km²".
    static func km2(_ a: Double) -> String { String(format: "%.2f", a) + " km²" }

    /// Whole residents with thousands separators.
    static func people(_ x: Double) -> String { NumberText.grouped(rounding: x) }

    /// A 0–1 share as a percentage to one decimal: "12.5%".
    static func percent(_ s: Double) -> String { String(format: "%.1f", s * 100) + "%" }

    /// A land-use class with its national code and Chinese name: "cropland (01 耕地)".
    static func landUse(_ c: LandUseClass) -> String { "\(c.rawValue) (\(c.nationalCode) \(c.chineseName))" }

    /// A circle: "5 min walk", "15 min drive (rural 20)", "300 m radius".
    static func circle(_ s: CoverageService) -> String {
        switch s.mode {
        case .radius:
            let rural = s.distanceRural.map { $0 != s.distance ? " (rural \(metres($0)))" : "" } ?? ""
            return "\(metres(s.distance)) radius\(rural)"
        case .walk where s.effectiveMeasure == .distance:
            let rural = s.distanceRural.map { $0 != s.distance ? " (rural \(metres($0)))" : "" } ?? ""
            return "\(metres(s.distance)) walk\(rural)"
        case .walk, .drive:
            let rural = s.minutesRural.map { $0 != s.minutes ? " (rural \(NumberText.trimmed($0)))" : "" } ?? ""
            return "\(NumberText.trimmed(s.minutes)) min \(s.mode.rawValue)\(rural)"
        }
    }

    /// A value in a unit, for limits: "50 m", "7 km²", "1 resident", "90%".
    static func value(_ x: Double, unit: String) -> String {
        switch unit {
        case "m": metres(x)
        case "km2": NumberText.trimmed(x) + " km²"
        case "share": String(format: "%g", x * 100) + "%"
        case "residents": NumberText.grouped(rounding: x) + (x == 1 ? " resident" : " residents")
        default: NumberText.trimmed(x)
        }
    }

    /// The limits of a measured rule: "≥ 50 m", "≤ 7 km² (warn), ≤ 15 km² (fail)".
    static func limits(_ rule: SitingRule, unit: String) -> String {
        var parts: [String] = []
        if let l = rule.warnBelow { parts.append("≥ \(value(l, unit: unit)) (warn)") }
        if let l = rule.warnAbove { parts.append("≤ \(value(l, unit: unit)) (warn)") }
        let warns = !parts.isEmpty
        if let l = rule.failBelow { parts.append("≥ \(value(l, unit: unit))" + (warns ? " (fail)" : "")) }
        if let l = rule.failAbove { parts.append("≤ \(value(l, unit: unit))" + (warns ? " (fail)" : "")) }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }

    /// An id, then the name when it differs from the id: how a site or facility is named in messages.
    static func label(id: String, name: String) -> String { name == id ? id : "\(id) \(name)" }
}
