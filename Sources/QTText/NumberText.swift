import Foundation

/// Numbers as qtplan prints them for people and programs: fixed decimals, no locale, no exponent where a
/// person reads the figure, `-0` never. The one implementation every module uses (the CLI, the report, the
/// maps and the analyses' messages).
public enum NumberText {
    /// An integer with thousands separators: `793,000`, `-1,024`.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        out.reserveCapacity(digits.count + digits.count / 3 + 1)
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return value < 0 ? "-" + out : out
    }

    /// A number with thousands separators and exactly `decimals` decimals: `1,665,300`, `1,234.5`, `-0.5`;
    /// a value that rounds to zero prints without a sign (`0.0`).
    public static func grouped(_ value: Double, decimals: Int) -> String {
        let text = fixed(value, decimals)
        let negative = text.hasPrefix("-")
        let parts = (negative ? text.dropFirst() : Substring(text)).split(separator: ".", maxSplits: 1)
        guard let whole = parts.first, whole.allSatisfy(\.isASCII), let number = Int(whole) else { return text }
        let grouped = grouped(number)
        return (negative ? "-" : "") + grouped + (parts.count == 2 ? "." + parts[1] : "")
    }

    /// A count of people (or anything counted) rounded to a whole number with thousands separators; a value
    /// too large for an integer (beyond 10¹⁵) prints as Swift writes a `Double`, never trapping.
    public static func grouped(rounding value: Double) -> String {
        abs(value) < 1e15 ? grouped(Int(value.rounded())) : String(value)
    }

    /// `value` with exactly `decimals` digits after the point (`%.Nf`); `-0` prints as `0`.
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", value)
        return Double(text) == 0 ? String(format: "%.\(decimals)f", 0.0) : text
    }

    /// A number without a trailing `.0`: `15`, `4.5`, `0.25` (minutes, speeds, limits). Whole numbers beyond
    /// 10¹⁵ print as Swift writes a `Double` (`Int(_:)` would trap on 1e300).
    public static func trimmed(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// At most `decimals` decimals with trailing zeros and a bare point removed, `-0` as `0`, non-finite as `0`:
    /// the compact numbers of SVG coordinates and attributes (`12.5`, `300`).
    public static func compact(_ value: Double, _ decimals: Int = 1) -> String {
        guard value.isFinite else { return "0" }
        let scale = pow(10, Double(decimals))
        let rounded = (value * scale).rounded() / scale
        if rounded == 0 { return "0" }
        var text = String(format: "%.\(decimals)f", rounded)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// `n things`, with the plural `s` when n ≠ 1 and n grouped: `1 feature`, `12,440 features`.
    public static func count(_ n: Int, _ noun: String) -> String {
        "\(grouped(n)) \(noun)\(n == 1 ? "" : "s")"
    }
}
