import Foundation
import QTAnalysis
import QTText

/// An indicator row's figures as a planner reads them, the same in `qtplan indicators` and the report.
public enum IndicatorText {
    /// The value as printed: the indicator's decimals, thousands grouped.
    public static func value(_ row: IndicatorRow) -> String {
        guard let v = row.value else { return row.reason ?? "—" }
        return decimal(v, row.rule.valueDecimals) + (row.target.unit.hasPrefix("%") ? "%" : "")
    }

    /// The 2025 target as printed, `none` when the targets file sets none.
    public static func target(_ row: IndicatorRow) -> String {
        guard let t = row.target.target else { return "none" }
        // 2.4, 3.5, 5.0 (per 1,000, as the plan writes it), 40, 5,000, 100%.
        let decimals = t == t.rounded() ? (row.rule.valueDecimals >= 2 ? 1 : 0) : (t * 10 == (t * 10).rounded() ? 1 : 2)
        return decimal(t, decimals) + (row.target.unit.hasPrefix("%") ? "%" : "")
    }

    /// A number with grouped thousands and fixed decimals: 1,665,300 or 2.10.
    public static func decimal(_ v: Double, _ decimals: Int) -> String { NumberText.grouped(v, decimals: decimals) }

    /// `yes`, `no`, or `—` when there is nothing to meet.
    public static func met(_ row: IndicatorRow) -> String {
        switch row.status {
        case .met: "yes"
        case .notMet: "no"
        default: "—"
        }
    }

    /// "needs 237,900 m² more sports ground", "—" when met, "no target", or empty.
    public static func needs(_ row: IndicatorRow) -> String {
        switch row.status {
        case .met: "—"
        case .notMet: "needs \(NumberText.grouped(row.shortfall ?? 0)) \(row.rule.shortfallPhrase(for: row.shortfall ?? 0))"
        case .noTarget: "no target"
        case .districtOnly, .notComputed: ""
        }
    }
}
