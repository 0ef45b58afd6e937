/// Deterministic JSON text for ``JSONValue``s and coordinates: the formatting rules of ``GeoJSONWriter``.
enum JSONText {
    /// Appends `value`; object members come in `keyOrder` first, the rest sorted by Unicode scalar values.
    static func appendValue(_ value: JSONValue, keyOrder: [String], to out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let d): out += number(d)
        case .string(let s): appendString(s, to: &out)
        case .array(let elements):
            out += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { out += "," }
                appendValue(element, keyOrder: keyOrder, to: &out)
            }
            out += "]"
        case .object(let members):
            appendObject(members, keyOrder: keyOrder, to: &out)
        }
    }

    /// Appends an object with members in a stable order (see ``orderedKeys(_:keyOrder:)``).
    static func appendObject(_ members: [String: JSONValue], keyOrder: [String], to out: inout String) {
        out += "{"
        for (index, key) in orderedKeys(members, keyOrder: keyOrder).enumerated() {
            if index > 0 { out += "," }
            appendString(key, to: &out)
            out += ":"
            appendValue(members[key]!, keyOrder: keyOrder, to: &out)
        }
        out += "}"
    }

    /// The keys of `members`: those named in `keyOrder`, in that order, then the others sorted by their
    /// Unicode scalar values (not by Swift's `String` ordering, which compares canonical equivalents).
    static func orderedKeys(_ members: [String: JSONValue], keyOrder: [String]) -> [String] {
        var preferred: [String] = []
        var seen = Set<String>()
        for key in keyOrder where members[key] != nil && seen.insert(key).inserted { preferred.append(key) }
        let rest = members.keys.filter { !seen.contains($0) }.sorted {
            $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars)
        }
        return preferred + rest
    }

    /// Appends `text` as a JSON string: `"` and `\` escaped, U+0000–U+001F as `\u00XX` (upper-case hex),
    /// everything else (Chinese included) as UTF-8.
    static func appendString(_ text: String, to out: inout String) {
        out += "\""
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": scalars.append(contentsOf: "\\\"".unicodeScalars)
            case "\\": scalars.append(contentsOf: "\\\\".unicodeScalars)
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16, uppercase: true)
                scalars.append(contentsOf: ("\\u00" + (hex.count == 1 ? "0" : "") + hex).unicodeScalars)
            default: scalars.append(scalar)
            }
        }
        out += String(scalars)
        out += "\""
    }

    /// A property number: integral values below 1e15 in magnitude without a decimal point (`793000`, `-0` as
    /// `0`), others as Swift's shortest round-trip `description` (`0.1`, `1e-05`, `1e+20`, all valid JSON).
    /// JSON has no NaN or infinity: those are written as `null`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value.rounded(.towardZero) == value, abs(value) < 1e15 { return String(Int64(value)) }
        return value.description
    }

    /// A coordinate rounded to `decimals` places (half away from zero after scaling by 10^decimals), with
    /// trailing zeros and a bare point trimmed: `120.35`, `30`, never `-0`. Values too large to scale exactly
    /// (|value| × 10^decimals ≥ 2^53) are written as ``number(_:)`` writes them.
    static func coordinate(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "null" }
        let scale = pow10[decimals]
        let scaled = (value * scale).rounded(.toNearestOrAwayFromZero)
        guard abs(scaled) < 9_007_199_254_740_992 else { return number(value) }
        let units = Int64(scaled)
        if units == 0 { return "0" }
        var digits = String(units.magnitude)
        if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
        let whole = String(digits.prefix(digits.count - decimals))
        var fraction = digits.suffix(decimals)
        while fraction.last == "0" { fraction = fraction.dropLast() }
        return (units < 0 ? "-" : "") + whole + (fraction.isEmpty ? "" : "." + String(fraction))
    }

    private static let pow10: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7]

    /// The largest number of coordinate decimals the writer uses.
    static let maximumDecimals = 7
}
