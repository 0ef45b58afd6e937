import Foundation

/// Why bytes could not be parsed as JSON text.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, as Foundation's parser reports it (often with a character offset).
    public var message: String

    /// Creates an error with `message`.
    public init(message: String) { self.message = message }

    /// `invalid JSON: ` followed by the message.
    public var description: String { "invalid JSON: \(message)" }
}

/// A key repeated in one JSON object, where qtplan's parser found it: the line and column (1-based, in bytes)
/// just after the repeated key.
public struct JSONDuplicateKey: Sendable, Hashable, CustomStringConvertible {
    /// The key.
    public var key: String
    /// The line of its repetition.
    public var line: Int
    /// The column (bytes) just after the repeated key.
    public var column: Int

    /// Creates a report.
    public init(key: String, line: Int, column: Int) {
        self.key = key
        self.line = line
        self.column = column
    }

    /// `duplicate key 'name' at line 3, column 40`.
    public var description: String { "duplicate key '\(key)' at line \(line), column \(column)" }
}

extension JSONValue {
    /// Parses JSON text (RFC 8259; any value at the top level, not only objects and arrays).
    ///
    /// Strict RFC 8259 text is read by qtplan's own byte-level parser (`JSONByteParser`, several times faster);
    /// any text it declines is read again by Foundation's `JSONSerialization`, whose verdict and message then
    /// stand, so the accepted texts, the values read and the diagnostics are Foundation's. Nesting is limited to
    /// 512 arrays/objects and numbers outside `Double`'s range (such as `1e400`) are refused, so every number
    /// read is finite. Booleans stay booleans on every platform, and numbers with more than 15 significant
    /// digits (which Foundation on Linux hands over as `NSDecimalNumber`, whose `doubleValue` is not correctly
    /// rounded) are converted from their exact decimal text, so `0.30000000000000004` reads back as the same
    /// `Double` that wrote it.
    /// - Throws: ``JSONSyntaxError`` for text that is not JSON (truncated, misspelled, out-of-range numbers).
    public init(parsing data: Data) throws(JSONSyntaxError) {
        self = try Self.parseReportingDuplicates(data).value
    }

    /// Parses like ``init(parsing:)`` and refuses an object with a repeated key: JSON leaves its meaning open
    /// (RFC 8259 §4), and readers differ (GDAL and Python keep the last value). For files whose every key is
    /// read as a setting: manifests, standards, rules and targets files.
    /// - Throws: ``JSONSyntaxError`` naming the first repeated key and its line.
    public init(parsingRefusingDuplicates data: Data) throws(JSONSyntaxError) {
        let (value, duplicates) = try Self.parseReportingDuplicates(data)
        if let first = duplicates.first {
            throw JSONSyntaxError(
                message: "\(first): JSON leaves the meaning of a repeated key open (RFC 8259 §4); "
                    + "keep one of them")
        }
        self = value
    }

    /// Texts larger than this that qtplan's parser declines are not handed to Foundation: `JSONSerialization`
    /// takes about 108 times a text's size in memory (a 20 MB file took 2.2 GB), so only its diagnostics of
    /// small texts are worth it. A larger text gets the byte parser's own position.
    public static let foundationFallbackLimit = 4 << 20

    /// Parses, returning the value and the repeated keys of objects (the last value of each is kept). Text that
    /// is UTF-16 or UTF-32 is refused (JSON is UTF-8, RFC 8259 §8.1); a UTF-8 byte order mark is skipped.
    /// Repeated keys are found by qtplan's parser only: text it declines and Foundation accepts (numbers of more
    /// than 38 digits, say) is read without that report.
    /// - Throws: ``JSONSyntaxError``.
    public static func parseReportingDuplicates(_ data: Data) throws(JSONSyntaxError) -> (value: JSONValue, duplicates: [JSONDuplicateKey]) {
        let outcome = data.withUnsafeBytes { JSONByteParser.parseReporting($0) }
        if let value = outcome.value { return (value, outcome.duplicates) }
        if let encoding = wideEncoding(data) {
            throw JSONSyntaxError(
                message: "the text is \(encoding), not UTF-8: JSON must be UTF-8 (RFC 8259 §8.1); "
                    + "re-save the file as UTF-8")
        }
        if data.count > foundationFallbackLimit {
            if let diagnosis = diagnose(data) { throw JSONSyntaxError(message: diagnosis) }
            throw JSONSyntaxError(message: position(of: outcome.stoppedAt, in: data))
        }
        return (try Self.foundationParse(data), [])
    }

    /// `unexpected text at line L, column C (byte B)`, for where the byte parser stopped in a large text.
    static func position(of offset: Int, in data: Data) -> String {
        var line = 1, lineStart = 0
        data.withUnsafeBytes { bytes in
            for i in 0..<min(offset, bytes.count) where bytes[i] == 0x0A {
                line += 1
                lineStart = i + 1
            }
        }
        let what = offset >= data.count ? "unexpected end of the text" : "unexpected text"
        return "\(what) at line \(line), column \(offset - lineStart + 1) (byte \(offset))"
    }

    /// The wide encoding the text is in, from its byte order mark or from the zero bytes around its first
    /// character (JSON text starts with an ASCII character): `UTF-16 (little-endian)`, …; `nil` for UTF-8.
    static func wideEncoding(_ data: Data) -> String? {
        let b = [UInt8](data.prefix(4))
        func starts(_ prefix: [UInt8]) -> Bool { b.starts(with: prefix) }
        if starts([0x00, 0x00, 0xFE, 0xFF]) { return "UTF-32 (big-endian, with a byte order mark)" }
        if starts([0xFF, 0xFE, 0x00, 0x00]) { return "UTF-32 (little-endian, with a byte order mark)" }
        if starts([0xFE, 0xFF]) { return "UTF-16 (big-endian, with a byte order mark)" }
        if starts([0xFF, 0xFE]) { return "UTF-16 (little-endian, with a byte order mark)" }
        guard b.count == 4 else {
            if b.count >= 2 && b[0] == 0 && b[1] != 0 { return "UTF-16 (big-endian)" }
            if b.count >= 2 && b[0] != 0 && b[1] == 0 { return "UTF-16 (little-endian)" }
            return nil
        }
        if b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0 { return "UTF-32 (big-endian)" }
        if b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0 { return "UTF-32 (little-endian)" }
        if b[0] == 0 && b[1] != 0 { return "UTF-16 (big-endian)" }
        if b[0] != 0 && b[1] == 0 { return "UTF-16 (little-endian)" }
        return nil
    }

    /// Reads `data` with Foundation's `JSONSerialization` only (the reference the fast parser is tested against).
    static func foundationParse(_ data: Data) throws(JSONSyntaxError) -> JSONValue {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw JSONSyntaxError(message: Self.diagnose(data) ?? Self.describe(error))
        }
        return try Self.convert(object)
    }

    /// Parses JSON text given as a string; see the `Data` overload.
    public init(parsing text: String) throws(JSONSyntaxError) {
        try self.init(parsing: Data(text.utf8))
    }

    private static let booleanType = ObjectIdentifier(type(of: NSNumber(value: true)))
    private static let arrayType = ObjectIdentifier([Any].self)
    private static let dictionaryType = ObjectIdentifier([String: Any].self)
    private static let stringType = ObjectIdentifier(String.self)

    /// Converts what `JSONSerialization` returned. On Linux it returns Swift arrays, dictionaries and strings,
    /// recognised here by their exact type first: a chain of `as?` casts costs many times more on large files.
    private static func convert(_ object: Any) throws(JSONSyntaxError) -> JSONValue {
        let type = ObjectIdentifier(Swift.type(of: object))
        if type == arrayType, let array = object as? [Any] { return try convert(array: array) }
        if type == dictionaryType, let dictionary = object as? [String: Any] { return try convert(dictionary: dictionary) }
        if type == stringType, let string = object as? String { return .string(string) }
        if let number = object as? NSNumber { return convert(number: number) }
        if let array = object as? [Any] { return try convert(array: array) }
        if let dictionary = object as? [String: Any] { return try convert(dictionary: dictionary) }
        if let string = object as? String { return .string(string) }
        if object is NSNull { return .null }
        throw JSONSyntaxError(message: "unexpected value of type \(Swift.type(of: object)) from JSONSerialization")
    }

    private static func convert(array: [Any]) throws(JSONSyntaxError) -> JSONValue {
        var values: [JSONValue] = []
        values.reserveCapacity(array.count)
        for element in array { values.append(try convert(element)) }
        return .array(values)
    }

    private static func convert(dictionary: [String: Any]) throws(JSONSyntaxError) -> JSONValue {
        var members: [String: JSONValue] = [:]
        members.reserveCapacity(dictionary.count)
        for (key, value) in dictionary { members[key] = try convert(value) }
        return .object(members)
    }

    private static func convert(number: NSNumber) -> JSONValue {
        if ObjectIdentifier(Swift.type(of: number)) == booleanType { return .bool(number.boolValue) }
        if number is NSDecimalNumber, let exact = Double(number.description) { return .number(exact) }
        return .number(number.doubleValue)
    }

    /// A clearer reason than Foundation's for the commonest failures, looked for only once parsing has failed:
    /// no text at all, bytes that are not UTF-8 (a file saved in GBK or another legacy code page), and the
    /// JavaScript literals `NaN` and `Infinity`, which JSON does not have.
    static func diagnose(_ data: Data) -> String? {
        let bytes = [UInt8](data)
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return "no JSON value: the text is empty or only white space"
        }
        // UTF-16 and UTF-32 with a byte order mark are Foundation's business; look for invalid UTF-8 only in
        // text that does not start with one.
        let bom16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        if !bom16, let offset = firstInvalidUTF8(bytes) {
            return "not UTF-8 text: byte \(offset) (0x\(String(bytes[offset], radix: 16, uppercase: true))) starts no "
                + "valid UTF-8 sequence; JSON must be UTF-8 (RFC 8259): re-save the file as UTF-8 (it may be GBK or "
                + "another legacy code page)"
        }
        if let (literal, line, column) = nonFiniteLiteral(bytes) {
            return "\(literal) at line \(line), column \(column): NaN and Infinity are not JSON numbers (RFC 8259); "
                + "write a finite number, or leave the position out"
        }
        return nil
    }

    /// The offset of the first byte that does not begin or continue a valid UTF-8 sequence, or `nil`.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            guard i + length <= bytes.count else { return i }
            for k in 1..<max(length, 1) where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }

    /// The first `NaN`, `Infinity` or `-Infinity` outside a string, with its 1-based line and column (bytes).
    static func nonFiniteLiteral(_ bytes: [UInt8]) -> (String, Int, Int)? {
        var inString = false, escaped = false
        var line = 1, lineStart = 0
        var i = 0
        func matches(_ word: String, at start: Int) -> Bool {
            let w = Array(word.utf8)
            guard start + w.count <= bytes.count else { return false }
            return Array(bytes[start..<(start + w.count)]) == w
        }
        while i < bytes.count {
            let b = bytes[i]
            if inString {
                if escaped { escaped = false } else if b == 0x5C { escaped = true } else if b == 0x22 { inString = false }
            } else if b == 0x22 {
                inString = true
            } else if b == 0x0A {
                line += 1
                lineStart = i + 1
            } else {
                for word in ["-Infinity", "Infinity", "NaN", "-NaN"] where matches(word, at: i) {
                    return (word, line, i - lineStart + 1)
                }
            }
            i += 1
        }
        return nil
    }

    /// Foundation's own detail (`NSDebugDescription`), with its out-of-range message made explicit.
    private static func describe(_ error: any Error) -> String {
        let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
        // Foundation: "Number 1e400 is not representable in Swift."
        let prefix = "Number ", suffix = " is not representable in Swift."
        if detail.hasPrefix(prefix), detail.hasSuffix(suffix) {
            let number = detail.dropFirst(prefix.count).dropLast(suffix.count)
            return "number \(number) is out of range: not a finite double"
        }
        return detail
    }
}
