/// Deterministic JSON text built as UTF-8 bytes: the one JSON writer of the project. Strings, numbers and
/// coordinates are written here (QTGeometry's `GeoJSONWriter` and the ordered documents of ``JSONNode`` both
/// write through it), so every JSON qtplan prints or writes escapes and rounds the same way.
public struct JSONText: Sendable {
    /// The UTF-8 text written so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty text.
    public init() {}

    /// The text written so far as a `String`.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends ASCII or UTF-8 text verbatim (no escaping).
    public mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// Appends one byte verbatim.
    public mutating func byte(_ byte: UInt8) { bytes.append(byte) }

    /// Appends `text` as a JSON string: `"` and `\` escaped, U+0000–U+001F, DEL U+007F and the C1 controls
    /// U+0080–U+009F as `\u00XX` (upper-case hex; the last two are legal raw in JSON, but a terminal showing the
    /// output would act on them), everything else (Chinese included) as UTF-8.
    public mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        // Most keys and values are printable ASCII without a quote or backslash: copied as they are.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 >= 0x7F }) {
            bytes.append(contentsOf: text.utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22, 0x5C:
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(UInt8(scalar.value))
            case 0x00...0x1F, 0x7F...0x9F:
                raw("\\u00")
                bytes.append(Self.hexDigits[Int(scalar.value >> 4)])
                bytes.append(Self.hexDigits[Int(scalar.value & 0x0F)])
            case 0x20..<0x80:
                bytes.append(UInt8(scalar.value))
            default:
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// Appends a property number: integral values below 1e15 in magnitude without a decimal point (`793000`,
    /// `-0` as `0`), others as Swift's shortest round-trip `description` (`0.1`, `1e-05`, `1e+16`, all valid
    /// JSON). JSON has no NaN or infinity: those are written as `null`.
    public mutating func number(_ value: Double) {
        guard value.isFinite else { return raw("null") }
        if value.rounded(.towardZero) == value, abs(value) < 1e15 {
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            return digits(UInt64(abs(value)))
        }
        raw(value.description)
    }

    /// Appends a coordinate rounded to `decimals` places (half away from zero after scaling by 10^decimals),
    /// with trailing zeros and a bare point trimmed: `120.35`, `30`, never `-0`. Values too large to scale
    /// exactly (|value| × 10^decimals ≥ 2^53) are written as ``number(_:)`` writes them; non-finite as `null`.
    public mutating func coordinate(_ value: Double, decimals: Int) {
        guard value.isFinite else { return raw("null") }
        let scaled = (value * Self.powersOfTen[decimals]).rounded(.toNearestOrAwayFromZero)
        guard abs(scaled) < 9_007_199_254_740_992 else { return number(value) }
        var units = Int64(scaled).magnitude
        if units == 0 { return bytes.append(UInt8(ascii: "0")) }
        if scaled < 0 { bytes.append(UInt8(ascii: "-")) }
        var places = decimals
        while places > 0, units % 10 == 0 { units /= 10; places -= 1 }
        let scale = UInt64(Self.powersOfTen[places])
        digits(units / scale)
        guard places > 0 else { return }
        bytes.append(UInt8(ascii: "."))
        digits(units % scale, width: places)
    }

    /// Appends the decimal digits of `value`, with leading zeros up to `width` digits.
    private mutating func digits(_ value: UInt64, width: Int = 1) {
        var reversed: (UInt64, UInt64, UInt64) = (0, 0, 0) // 24 bytes: UInt64.max has 20 digits
        var value = value, count = 0
        withUnsafeMutableBytes(of: &reversed) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
                count += 1
            } while value > 0 || count < min(width, buffer.count)
            for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[i]) }
        }
    }

    private static let powersOfTen: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7]

    /// The largest number of coordinate decimals the writer uses.
    public static let maximumDecimals = 7

    /// `text` as a quoted JSON string, for messages.
    public static func quoted(_ text: String) -> String {
        var out = JSONText()
        out.string(text)
        return out.text
    }
}
