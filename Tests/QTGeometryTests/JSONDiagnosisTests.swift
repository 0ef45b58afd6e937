import Foundation
import QTGeometry
import Testing

/// The clearer reasons given for JSON that Foundation refuses: no text, not UTF-8, NaN and Infinity.
@Suite struct JSONDiagnosisTests {
    static func message(_ bytes: [UInt8]) -> String? {
        do {
            _ = try JSONValue(parsing: Data(bytes))
            return nil
        } catch {
            return error.description
        }
    }

    @Test func emptyAndWhiteSpaceOnlyText() {
        #expect(Self.message([]) == "invalid JSON: no JSON value: the text is empty or only white space")
        #expect(Self.message(Array(" \n\t\r".utf8)) == "invalid JSON: no JSON value: the text is empty or only white space")
    }

    @Test func gbkBytesAreNamedWithTheirOffset() throws {
        // {"name":"幼"} with 幼 in GBK (0xD3 0xD7) instead of UTF-8.
        let bytes: [UInt8] = Array("{\"name\":\"".utf8) + [0xD3, 0xD7] + Array("\"}".utf8)
        let message = try #require(Self.message(bytes))
        #expect(
            message.hasPrefix(
                "invalid JSON: not UTF-8 text: byte 9 (0xD3) starts no valid UTF-8 sequence; JSON must be "
                    + "UTF-8 (RFC 8259): re-save the file as UTF-8 (it may be GBK or another legacy code page)"))
    }

    @Test(arguments: [
        ("[1,\n NaN]", "NaN at line 2, column 2"), ("[Infinity]", "Infinity at line 1, column 2"),
        ("{\"x\": -Infinity}", "-Infinity at line 1, column 7")
    ])
    func nonFiniteLiteralsAreNamedWhereTheyAre(text: String, location: String) throws {
        let message = try #require(Self.message(Array(text.utf8)))
        #expect(
            message == "invalid JSON: \(location): NaN and Infinity are not JSON numbers (RFC 8259); write a finite "
                + "number, or leave the position out")
    }

    @Test func nanInsideAStringIsNotTheReason() throws {
        let message = try #require(Self.message(Array("[\"NaN\", 1".utf8)))
        #expect(!message.contains("NaN and Infinity"))
        #expect(message.hasPrefix("invalid JSON: "))
    }

    @Test func validUTF8TextStillParses() throws {
        #expect(try JSONValue(parsing: "{\"名称\": \"白杨街道\", \"n\": 1}")["名称"] == "白杨街道")
    }
}
