/// A strict RFC 8259 JSON parser working on the raw UTF-8 bytes, building ``JSONValue`` trees directly.
///
/// Why it exists: reading the bundled district through Foundation's `JSONSerialization` took most of a
/// `qtplan coverage` run (Foundation builds `Any`/`NSNumber` objects that ``JSONValue`` then converts again,
/// with a dynamic cast, a retain and a release per value). GEOS's GeoJSON reader cannot stand in: through the
/// C API it drops Feature properties and refuses 3-D positions (see ``GeoJSONReader``).
///
/// It is the fast path only. It accepts exactly RFC 8259 JSON and nothing more; whenever it declines a text
/// (``parse(_:)`` returns `nil`), ``JSONValue/init(parsing:)`` hands the same bytes to Foundation, so every
/// diagnostic and every leniency Foundation has (trailing commas, a byte order mark, UTF-16 text) stays what it
/// was. It declines, besides malformed text:
/// - nesting deeper than ``maximumDepth`` arrays and objects (Foundation's own limit);
/// - numbers that do not fit a finite `Double`, that underflow to zero, or that have more than 38 significant
///   digits (Foundation reads those through `Decimal`, which keeps 38);
/// - strings with bytes that are not UTF-8, unescaped control characters or unpaired surrogate escapes.
///
/// Numbers are converted correctly rounded: by one exact multiplication or division when the digits and the
/// power of ten are both exact in a `Double` (at most 2^53, at most 10^22; Clinger's fast path), otherwise
/// by the standard library's `Double(_:)`. `-0` reads as `0`, as Foundation reads it (an integer).
struct JSONByteParser {
    /// Arrays and objects may nest this deep (Foundation refuses the 513th level).
    static let maximumDepth = 512

    /// The value of `bytes`, or `nil` when the text is not JSON this parser accepts (see the type's notes).
    static func parse(_ bytes: UnsafeRawBufferPointer) -> JSONValue? {
        parseReporting(bytes).value
    }

    /// What ``parseReporting(_:)`` found: the value (or `nil`), the offset where parsing stopped when it
    /// declined, and the repeated keys of objects (the first ``maximumDuplicatesReported``; the last value of a
    /// repeated key is kept, as GDAL and Python keep it).
    struct Outcome {
        var value: JSONValue?
        var stoppedAt: Int
        var duplicates: [JSONDuplicateKey]
    }

    /// Repeated keys reported at most.
    static let maximumDuplicatesReported = 8

    /// Parses `bytes` (after a UTF-8 byte order mark, which RFC 8259 lets a parser ignore), reporting where it
    /// stopped and the repeated keys.
    static func parseReporting(_ bytes: UnsafeRawBufferPointer) -> Outcome {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), !bytes.isEmpty else {
            return Outcome(value: nil, stoppedAt: 0, duplicates: [])
        }
        var parser = JSONByteParser(base: base, count: bytes.count)
        if bytes.count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF { parser.index = 3 }
        do {
            parser.skipWhiteSpace()
            let value = try parser.value(depth: 0)
            parser.skipWhiteSpace()
            guard parser.index == parser.count else { return Outcome(value: nil, stoppedAt: parser.index, duplicates: parser.duplicates) }
            return Outcome(value: value, stoppedAt: parser.index, duplicates: parser.duplicates)
        } catch {
            return Outcome(value: nil, stoppedAt: parser.index, duplicates: parser.duplicates)
        }
    }

    /// Why parsing stopped; never shown (Foundation gives the message on its second reading).
    struct Declined: Error {}

    // Internal rather than private: `JSONByteParser+GeoJSON.swift` reads GeoJSON with the same primitives.
    let base: UnsafePointer<UInt8>
    let count: Int
    var index = 0
    var duplicates: [JSONDuplicateKey] = []
    /// Members of the properties object being read by the direct GeoJSON reading, before they become a dictionary.
    var pendingMembers: [(String, JSONValue)] = []
    /// The keys of the last properties object read, sorted: the next feature's map shares them when its keys are the same.
    var sharedKeys: [String] = []
    /// Positions of the list being read by the direct GeoJSON reading, before they become an array.
    var pendingPositions: [Coordinate] = []

    init(base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    // MARK: Bytes

    static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")

    @inline(__always)
    func peek() -> UInt8? { index < count ? base[index] : nil }

    @inline(__always)
    mutating func skipWhiteSpace() {
        while index < count {
            switch base[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    // MARK: Values

    mutating func value(depth: Int) throws(Declined) -> JSONValue {
        guard let byte = peek() else { throw Declined() }
        switch byte {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case Self.quote: return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw Declined()
        }
    }

    mutating func literal(_ word: StaticString) throws(Declined) {
        let length = word.utf8CodeUnitCount
        guard count - index >= length else { throw Declined() }
        let text = word.utf8Start
        for k in 0..<length where base[index + k] != text[k] { throw Declined() }
        index += length
    }

    private mutating func array(depth: Int) throws(Declined) -> JSONValue {
        guard depth <= Self.maximumDepth else { throw Declined() }
        index += 1 // [
        var elements: [JSONValue] = []
        skipWhiteSpace()
        if peek() == UInt8(ascii: "]") { index += 1; return .array(elements) }
        while true {
            skipWhiteSpace()
            elements.append(try value(depth: depth))
            skipWhiteSpace()
            guard let next = peek() else { throw Declined() }
            index += 1
            if next == UInt8(ascii: ",") { continue }
            if next == UInt8(ascii: "]") { return .array(elements) }
            throw Declined()
        }
    }

    private mutating func object(depth: Int) throws(Declined) -> JSONValue {
        guard depth <= Self.maximumDepth else { throw Declined() }
        index += 1 // {
        var members: [String: JSONValue] = [:]
        skipWhiteSpace()
        if peek() == UInt8(ascii: "}") { index += 1; return .object(members) }
        while true {
            skipWhiteSpace()
            guard peek() == Self.quote else { throw Declined() }
            let key = try string()
            let keyEnd = index
            skipWhiteSpace()
            guard peek() == UInt8(ascii: ":") else { throw Declined() }
            index += 1
            skipWhiteSpace()
            // A repeated key: the last value wins, as GDAL and Python take it; reported to the caller.
            if members.updateValue(try value(depth: depth), forKey: key) != nil, duplicates.count < Self.maximumDuplicatesReported {
                duplicates.append(duplicateKey(key, endingAt: keyEnd))
            }
            skipWhiteSpace()
            guard let next = peek() else { throw Declined() }
            index += 1
            if next == UInt8(ascii: ",") { continue }
            if next == UInt8(ascii: "}") { return .object(members) }
            throw Declined()
        }
    }

    /// A repeated key with its 1-based line and column (bytes), counted from the start (only for the few reported).
    private func duplicateKey(_ key: String, endingAt end: Int) -> JSONDuplicateKey {
        var line = 1, lineStart = 0
        var i = 0
        // The key's opening quote: back from the colon over white space and the key's bytes is not exact with
        // escapes, so the key's end is reported (just after its closing quote).
        while i < end {
            if base[i] == 0x0A { line += 1; lineStart = i + 1 }
            i += 1
        }
        return JSONDuplicateKey(key: key, line: line, column: end - lineStart + 1)
    }

    // MARK: Strings

    /// A string starting at its opening quote; the index ends after the closing quote.
    mutating func string() throws(Declined) -> String {
        index += 1 // "
        let start = index
        var ascii = true
        while index < count {
            let byte = base[index]
            if byte == Self.quote {
                let run = UnsafeBufferPointer(start: base + start, count: index - start)
                index += 1
                if ascii { return String(decoding: run, as: UTF8.self) }
                guard let text = String(validating: run, as: UTF8.self) else { throw Declined() }
                return text
            }
            if byte == Self.backslash { break }
            if byte < 0x20 { throw Declined() } // control characters must be escaped
            if byte >= 0x80 { ascii = false }
            index += 1
        }
        guard index < count else { throw Declined() }
        // Escapes: collect the bytes, then validate them as UTF-8 once.
        var bytes = [UInt8](UnsafeBufferPointer(start: base + start, count: index - start))
        while index < count {
            let byte = base[index]
            if byte == Self.quote {
                index += 1
                guard let text = String(validating: bytes, as: UTF8.self) else { throw Declined() }
                return text
            }
            if byte < 0x20 { throw Declined() }
            if byte != Self.backslash {
                bytes.append(byte)
                index += 1
                continue
            }
            index += 1
            guard let escape = peek() else { throw Declined() }
            index += 1
            switch escape {
            case Self.quote, Self.backslash, UInt8(ascii: "/"): bytes.append(escape)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) { // a high surrogate needs its low one
                    guard count - index >= 2, base[index] == Self.backslash, base[index + 1] == UInt8(ascii: "u")
                    else { throw Declined() }
                    index += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw Declined() }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw Declined()
                }
                Self.appendUTF8(scalar, to: &bytes)
            default:
                throw Declined()
            }
        }
        throw Declined()
    }

    /// Appends the UTF-8 form of a scalar value (surrogates already combined or refused).
    private static func appendUTF8(_ scalar: UInt32, to bytes: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            bytes.append(UInt8(scalar))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | scalar >> 6))
            bytes.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | scalar >> 12))
            bytes.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | scalar & 0x3F))
        default:
            bytes.append(UInt8(0xF0 | scalar >> 18))
            bytes.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            bytes.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    private mutating func hex4() throws(Declined) -> UInt32 {
        guard count - index >= 4 else { throw Declined() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = base[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Declined()
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    // MARK: Numbers

    /// Exact powers of ten as doubles (10^22 is the largest).
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22
    ]

    /// Significant digits beyond which Foundation's reading (through `Decimal`) and a correctly rounded one
    /// could differ: such numbers are left to Foundation.
    private static let mostSignificantDigits = 38

    mutating func number() throws(Declined) -> Double {
        let start = index
        var negative = false
        if base[index] == UInt8(ascii: "-") { negative = true; index += 1 }
        var mantissa: UInt64 = 0
        var digits = 0 // significant digits seen (leading zeros not counted)
        var exact = true // mantissa holds every significant digit
        var fractionDigits = 0
        var integral = true
        @inline(__always) func isDigit(_ b: UInt8) -> Bool { b &- UInt8(ascii: "0") < 10 }
        @inline(__always) func take(_ b: UInt8) {
            let d = UInt64(b &- UInt8(ascii: "0"))
            if digits == 0 && d == 0 { return }
            digits += 1
            if mantissa <= (UInt64.max - 9) / 10 { mantissa = mantissa * 10 + d } else { exact = false }
        }
        // Integer part: 0 or a non-zero digit followed by digits.
        guard let first = peek(), isDigit(first) else { throw Declined() }
        if first == UInt8(ascii: "0") {
            index += 1
            if let next = peek(), isDigit(next) { throw Declined() } // leading zero
        } else {
            while let b = peek(), isDigit(b) { take(b); index += 1 }
        }
        if peek() == UInt8(ascii: ".") {
            integral = false
            index += 1
            guard let b = peek(), isDigit(b) else { throw Declined() }
            while let b = peek(), isDigit(b) {
                take(b)
                if exact { fractionDigits += 1 }
                index += 1
            }
        }
        var exponent = 0
        if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            integral = false
            index += 1
            var exponentNegative = false
            if let sign = peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                exponentNegative = sign == UInt8(ascii: "-")
                index += 1
            }
            guard let b = peek(), isDigit(b) else { throw Declined() }
            while let b = peek(), isDigit(b) {
                if exponent < 100_000 { exponent = exponent * 10 + Int(b &- UInt8(ascii: "0")) }
                index += 1
            }
            if exponentNegative { exponent = -exponent }
        }
        guard digits <= Self.mostSignificantDigits else { throw Declined() }
        if mantissa == 0 && exact {
            // Zero: "-0" is Foundation's integer 0; "-0.0" its double −0.
            return negative && !integral ? -0.0 : 0
        }
        let power = exponent - fractionDigits
        if exact, mantissa <= 1 << 53, (-22...22).contains(power) {
            let m = Double(mantissa)
            let magnitude = power >= 0 ? m * Self.powersOfTen[power] : m / Self.powersOfTen[-power]
            return negative ? -magnitude : magnitude
        }
        let text = String(decoding: UnsafeBufferPointer(start: base + start, count: index - start), as: UTF8.self)
        guard let value = Double(text), value.isFinite, value != 0 else { throw Declined() } // overflow, underflow
        return value
    }
}
