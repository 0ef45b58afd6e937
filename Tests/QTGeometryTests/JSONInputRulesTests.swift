import Foundation
import Testing

@testable import QTGeometry

/// What JSON text qtplan refuses or reports before reading it (issue 19, classes 3 and 7): repeated keys, text
/// that is not UTF-8, and large texts that would go to Foundation.
@Suite struct JSONInputRulesTests {
    @Test func repeatedKeysAreReportedWithTheirLineAndTheLastValueIsKept() throws {
        let text = "{\"a\": 1,\n \"b\": {\"c\": 1, \"c\": 2},\n \"a\": 3}"
        let (value, duplicates) = try JSONValue.parseReportingDuplicates(Data(text.utf8))
        #expect(value == .object(["a": .number(3), "b": .object(["c": .number(2)])])) // the last, as Python's json reads it
        #expect(duplicates == [JSONDuplicateKey(key: "c", line: 2, column: 19), JSONDuplicateKey(key: "a", line: 3, column: 5)])
        #expect(
            throws: JSONSyntaxError(
                message: "duplicate key 'c' at line 2, column 19: JSON leaves the meaning of a "
                    + "repeated key open (RFC 8259 §4); keep one of them")
        ) {
            _ = try JSONValue(parsingRefusingDuplicates: Data(text.utf8))
        }
        // Distinct keys, and the same key in different objects, are no repetition.
        #expect(try JSONValue.parseReportingDuplicates(Data("[{\"a\":1},{\"a\":2}]".utf8)).duplicates.isEmpty)
    }

    @Test(arguments: [
        (String.Encoding.utf16LittleEndian, "UTF-16 (little-endian)"), (.utf16BigEndian, "UTF-16 (big-endian)"),
        (.utf16, "UTF-16 (little-endian, with a byte order mark)"), (.utf32BigEndian, "UTF-32 (big-endian)"),
        (.utf32LittleEndian, "UTF-32 (little-endian)"), (.utf32, "UTF-32 (little-endian, with a byte order mark)")
    ])
    func wideTextIsRefusedNamingItsEncoding(encoding: String.Encoding, name: String) throws {
        let data = try #require("{\"type\": \"FeatureCollection\", \"features\": []}".data(using: encoding))
        #expect(
            throws: JSONSyntaxError(
                message: "the text is \(name), not UTF-8: JSON must be UTF-8 (RFC 8259 §8.1); "
                    + "re-save the file as UTF-8")
        ) {
            _ = try JSONValue(parsing: data)
        }
    }

    /// A large text the byte parser declines gets the byte parser's position, not Foundation's reading (which
    /// builds the whole tree first: about 108 times the text's size).
    @Test func aLargeDeclinedTextIsPlacedByTheByteParser() throws {
        let body = String(repeating: "[1],", count: (JSONValue.foundationFallbackLimit / 4) + 10)
        let text = "{\"x\": [\n" + body + "]}" // a trailing comma before ]
        #expect(throws: JSONSyntaxError(message: "unexpected text at line 2, column \(body.utf8.count + 1) (byte \(body.utf8.count + 8))")) {
            _ = try JSONValue(parsing: Data(text.utf8))
        }
        let cut = "{\"x\": [\n" + body.dropLast()
        #expect(throws: JSONSyntaxError(message: "unexpected end of the text at line 2, column \(body.utf8.count) (byte \(cut.utf8.count))")) {
            _ = try JSONValue(parsing: Data(cut.utf8))
        }
    }

    /// No prefix of a GeoJSON layer reads as a shorter layer: cut anywhere before its last bracket, it is refused.
    @Test func aGeoJSONLayerCutAnywhereIsRefused() throws {
        let layer = """
            {"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"id": "kg-1", "name": "西幼儿园"}, "geometry": {"type": "Point", "coordinates": [120.3025, 30.3021]}},
            {"type": "Feature", "properties": {"id": "kg-2"}, "geometry": {"type": "Point", "coordinates": [120.3175, 30.3079]}},
            {"type": "Feature", "properties": {"id": "fire-1"}, "geometry": {"type": "Point", "coordinates": [120.3181, 30.3081]}}
            ]}

            """
        let bytes = Array(layer.utf8)
        #expect(try GeoJSONReader().read(data: Data(bytes)).features.count == 3)
        let last = try #require(bytes.lastIndex(of: UInt8(ascii: "}")))
        var refused = 0
        for cut in 1...last {
            do {
                _ = try GeoJSONReader().read(data: Data(bytes[..<cut]))
                Issue.record("a prefix of \(cut) of \(bytes.count) bytes was read")
            } catch {
                refused += 1
            }
        }
        #expect(refused == last)
    }
}
