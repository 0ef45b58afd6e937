import Foundation
import QTAnalysis
import QTText

/// An indicator row's figures as a planner reads them, the same in `qtplan indicators` and the report.
public enum IndicatorText {
    /// The value as printed: the indicator's decimals, thousands grouped; without a value, why not (in Chinese the
    /// reason's known words from ``QTText/ChromeWord/reason(_:_:)``).
    public static func value(_ row: IndicatorRow, _ language: Language = .en) -> String {
        guard let v = row.value else { return row.reason.map { ChromeWord.reason($0, language) } ?? "—" }
        return decimal(v, row.rule.valueDecimals) + (row.target.unit.hasPrefix("%") ? "%" : "")
    }

    /// The 2025 target as printed, `none` (无) when the targets file sets none.
    public static func target(_ row: IndicatorRow, _ language: Language = .en) -> String {
        guard let t = row.target.target else { return ChromeWord.none.text(language) }
        // 2.4, 3.5, 5.0 (per 1,000, as the plan writes it), 40, 5,000, 100%.
        let decimals = t == t.rounded() ? (row.rule.valueDecimals >= 2 ? 1 : 0) : (t * 10 == (t * 10).rounded() ? 1 : 2)
        return decimal(t, decimals) + (row.target.unit.hasPrefix("%") ? "%" : "")
    }

    /// A number with grouped thousands and fixed decimals: 1,665,300 or 2.10.
    public static func decimal(_ v: Double, _ decimals: Int) -> String { NumberText.grouped(v, decimals: decimals) }

    /// `yes`, `no`, or `—` when there is nothing to meet (是, 否 in Chinese).
    public static func met(_ row: IndicatorRow, _ language: Language = .en) -> String {
        switch row.status {
        case .met: ChromeWord.yes.text(language)
        case .notMet: ChromeWord.no.text(language)
        default: "—"
        }
    }

    /// "needs 237,900 m² more sports ground", "—" when met, "no target", or empty. The phrase after the number is
    /// the targets file's `needs_en` (else the indicator rule's); in Chinese the file's `needs_zh` with `{n}` for
    /// the number ("还需增加托位1,349个"), the English sentence when the file gives none.
    public static func needs(_ row: IndicatorRow, _ language: Language = .en) -> String {
        switch row.status {
        case .met: return "—"
        case .notMet:
            let n = row.shortfall ?? 0
            if language == .zh, let template = row.target.needsZh {
                return template.replacingOccurrences(of: "{n}", with: NumberText.grouped(n))
            }
            return "needs \(NumberText.grouped(n)) \(IndicatorRule.phrase(row.target.needsEn ?? row.rule.shortfallPhrase, for: n))"
        case .noTarget: return ChromeWord.noTarget.text(language)
        case .districtOnly, .notComputed: return ""
        }
    }

    /// The indicator's name in `language`: the targets file's `name_zh` in Chinese, when given.
    public static func name(_ row: IndicatorRow, _ language: Language) -> String {
        language == .zh ? row.target.nameZh ?? row.target.name : row.target.name
    }

    /// The indicator's unit in `language`: the targets file's `unit_zh` in Chinese, when given.
    public static func unit(_ row: IndicatorRow, _ language: Language) -> String {
        language == .zh ? row.target.unitZh ?? row.target.unit : row.target.unit
    }
}
