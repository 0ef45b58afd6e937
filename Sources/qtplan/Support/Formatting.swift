import Foundation
import QTModel

/// Deterministic number formatting: fixed decimals, no locale, no exponent.
enum Number {
    /// `value` with exactly `decimals` digits after the point; -0 prints as 0.
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", value)
        return Double(text) == 0 ? String(format: "%.\(decimals)f", 0.0) : text
    }

    /// An integer with thousands separators: 793,000.
    static func grouped(_ value: Int) -> String { NumberText.grouped(value) }
}

/// JSON string literals for hand-assembled, key-ordered JSON output.
enum JSONText {
    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20: out += String(format: "\\u%04x", c.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// A two-column table for people: labels padded to one width (counting CJK characters as two columns).
enum TextTable {
    static func render(_ rows: [(String, String)]) -> String {
        let width = rows.map { displayWidth($0.0) }.max() ?? 0
        return rows.map { label, value in
            label + String(repeating: " ", count: width - displayWidth(label) + 2) + value
        }.joined(separator: "\n") + "\n"
    }

    /// Terminal columns of a string: East Asian wide characters take two.
    static func displayWidth(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }

    private static func isWide(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD: true
        default: false
        }
    }
}
