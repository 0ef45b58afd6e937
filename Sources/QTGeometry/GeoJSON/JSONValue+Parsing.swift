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

extension JSONValue {
    /// Parses JSON text (RFC 8259; any value at the top level, not only objects and arrays).
    ///
    /// Uses Foundation's `JSONSerialization`, which limits nesting to 512 arrays/objects and refuses numbers
    /// outside `Double`'s range (such as `1e400`), so every number read is finite. Booleans stay booleans on
    /// every platform, and numbers with more than 15 significant digits (which Foundation on Linux hands over
    /// as `NSDecimalNumber`, whose `doubleValue` is not correctly rounded) are converted from their exact
    /// decimal text, so `0.30000000000000004` reads back as the same `Double` that wrote it.
    /// - Throws: ``JSONSyntaxError`` for text that is not JSON (truncated, misspelled, out-of-range numbers).
    public init(parsing data: Data) throws(JSONSyntaxError) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw JSONSyntaxError(message: Self.describe(error))
        }
        self = try Self.convert(object)
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
