/// Deterministic JSON text for ``JSONValue``s and coordinates, built as UTF-8 bytes: the formatting rules
/// of ``GeoJSONWriter``.
struct JSONText {
    /// The UTF-8 text written so far.
    private(set) var bytes: [UInt8] = []

    /// The text written so far as a `String`.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends ASCII or UTF-8 text verbatim (no escaping).
    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// Appends `value`; object members come in `keyOrder` first, the rest sorted by Unicode scalar values.
    mutating func value(_ value: JSONValue, keyOrder: [String]) {
        switch value {
        case .null: raw("null")
        case .bool(let b): raw(b ? "true" : "false")
        case .number(let d): number(d)
        case .string(let s): string(s)
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                self.value(element, keyOrder: keyOrder)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            object(members, keyOrder: keyOrder)
        }
    }

    /// Appends an object with members in a stable order (see ``orderedKeys(_:keyOrder:)``).
    mutating func object(_ members: [String: JSONValue], keyOrder: [String]) {
        bytes.append(UInt8(ascii: "{"))
        for (index, key) in Self.orderedKeys(members, keyOrder: keyOrder).enumerated() {
            guard let member = members[key] else { continue }  // keys come from `members`: always present
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            string(key)
            bytes.append(UInt8(ascii: ":"))
            value(member, keyOrder: keyOrder)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// The keys of `members`: those named in `keyOrder`, in that order, then the others sorted by their
    /// Unicode scalar values (not by Swift's `String` ordering, which compares canonical equivalents).
    static func orderedKeys(_ members: [String: JSONValue], keyOrder: [String]) -> [String] {
        var keys: [String] = []
        keys.reserveCapacity(members.count)
        for key in keyOrder where members[key] != nil && !keys.contains(key) { keys.append(key) }
        let preferred = keys.count
        for key in members.keys where !keyOrder.contains(key) { keys.append(key) }
        // UTF-8 byte order is Unicode scalar order, and cheaper to compare.
        keys[preferred...].sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return keys
    }

    /// Appends `text` as a JSON string: `"` and `\` escaped, U+0000–U+001F as `\u00XX` (upper-case hex),
    /// everything else (Chinese included) as UTF-8. Working on UTF-8 bytes is safe: bytes below 0x80 never
    /// occur inside a multi-byte sequence.
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(byte)
            case 0x00...0x1F:
                raw("\\u00")
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0x0F)])
            default:
                bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// Appends a property number: integral values below 1e15 in magnitude without a decimal point (`793000`,
    /// `-0` as `0`), others as Swift's shortest round-trip `description` (`0.1`, `1e-05`, `1e+16`, all valid
    /// JSON). JSON has no NaN or infinity: those are written as `null`.
    mutating func number(_ value: Double) {
        guard value.isFinite else { return raw("null") }
        if value.rounded(.towardZero) == value, abs(value) < 1e15 { return raw(String(Int64(value))) }
        raw(value.description)
    }

    /// Appends a coordinate rounded to `decimals` places (half away from zero after scaling by 10^decimals),
    /// with trailing zeros and a bare point trimmed: `120.35`, `30`, never `-0`. Values too large to scale
    /// exactly (|value| × 10^decimals ≥ 2^53) are written as ``number(_:)`` writes them; non-finite as `null`.
    mutating func coordinate(_ value: Double, decimals: Int) {
        guard value.isFinite else { return raw("null") }
        let scaled = (value * Self.powersOfTen[decimals]).rounded(.toNearestOrAwayFromZero)
        guard abs(scaled) < 9_007_199_254_740_992 else { return number(value) }
        var units = Int64(scaled).magnitude
        if units == 0 { return bytes.append(UInt8(ascii: "0")) }
        if scaled < 0 { bytes.append(UInt8(ascii: "-")) }
        var places = decimals
        while places > 0, units % 10 == 0 { units /= 10; places -= 1 }
        let digits = String(units).utf8
        if digits.count > places {
            bytes.append(contentsOf: digits.prefix(digits.count - places))
        } else {
            bytes.append(UInt8(ascii: "0"))
        }
        guard places > 0 else { return }
        bytes.append(UInt8(ascii: "."))
        if digits.count < places { bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: places - digits.count)) }
        bytes.append(contentsOf: digits.suffix(min(places, digits.count)))
    }

    private static let powersOfTen: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7]

    /// The largest number of coordinate decimals the writer uses.
    static let maximumDecimals = 7

    /// `text` as a quoted JSON string, for messages.
    static func quoted(_ text: String) -> String {
        var out = JSONText()
        out.string(text)
        return out.text
    }
}
