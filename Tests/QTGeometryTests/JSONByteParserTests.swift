import Foundation
import Testing

@testable import QTGeometry

/// The byte-level JSON parser against Foundation's `JSONSerialization` (the reference it replaces on the
/// fast path): whatever it accepts, Foundation accepts with the same value; strict RFC 8259 text is never
/// declined; numbers are read correctly rounded.
@Suite struct JSONByteParserTests {
    static func fast(_ text: [UInt8]) -> JSONValue? { text.withUnsafeBytes { JSONByteParser.parse($0) } }
    static func foundation(_ text: [UInt8]) -> JSONValue? { try? JSONValue.foundationParse(Data(text)) }

    /// A splitmix64 stream (QTModel's generator is not visible from this module's tests).
    struct Random: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Random JSON text: nested objects and arrays, strings with escapes and non-ASCII text, numbers written
    /// in every JSON form, literals, random white space.
    static func text(_ random: inout Random, depth: Int = 0) -> String {
        let space = [" ", "", "\n", "\t", "\r\n", "  "]
        func ws() -> String { space.randomElement(using: &random) ?? "" }
        switch Int.random(in: 0..<(depth > 4 ? 4 : 7), using: &random) {
        case 0: return number(&random)
        case 1: return string(&random)
        case 2: return ["true", "false", "null"].randomElement(using: &random) ?? "null"
        case 3: return number(&random)
        case 4:
            let n = Int.random(in: 0...4, using: &random)
            return "[" + ws() + (0..<n).map { _ in text(&random, depth: depth + 1) }.joined(separator: ws() + "," + ws()) + ws() + "]"
        default:
            let n = Int.random(in: 0...4, using: &random)
            return "{" + ws()
                + (0..<n).map { _ in string(&random) + ws() + ":" + ws() + text(&random, depth: depth + 1) }
                .joined(separator: "," + ws()) + ws() + "}"
        }
    }

    static func number(_ random: inout Random) -> String {
        switch Int.random(in: 0..<8, using: &random) {
        case 0: return String(Int.random(in: -1_000_000...1_000_000, using: &random))
        case 1: return String(Double.random(in: -180...180, using: &random))
        case 2: return String(format: "%.7f", Double.random(in: 119...121, using: &random))
        case 3: return String(format: "%.17g", Double.random(in: -1...1, using: &random) * pow(10, Double(Int.random(in: -30...30, using: &random))))
        case 4: return String(format: "%de%+d", Int.random(in: -99...99, using: &random), Int.random(in: -30...30, using: &random))
        case 5:
            return [
                "0", "-0", "0.0", "-0.0", "1E2", "1e-7", "12345678901234567890", "0.30000000000000004", "5e-324",
                "1.7976931348623157e308", "9007199254740993", "123456.789e-3", "1e22", "1e23"
            ].randomElement(using: &random) ?? "0"
        case 6: return String(UInt64.random(in: 0...UInt64.max, using: &random))
        default: return String(Double(bitPattern: UInt64.random(in: 0...0x7FEF_FFFF_FFFF_FFFF, using: &random)))
        }
    }

    static func string(_ random: inout Random) -> String {
        let pieces = [
            "a", "id", "名称", "白杨街道", "\\n", "\\\"", "\\\\", "\\/", "\\u00e9", "\\u4E2D", "\\ud83d\\ude00",
            "\\t", "😀", "é", " ", "\\u0000", "\\b\\f\\r"
        ]
        let n = Int.random(in: 0...5, using: &random)
        return "\"" + (0..<n).map { _ in pieces.randomElement(using: &random) ?? "" }.joined() + "\""
    }

    @Test func randomJSONIsAcceptedWithFoundationsValue() throws {
        var random = Random(state: 4549)
        for _ in 0..<3000 {
            let text = Array(Self.text(&random).utf8)
            let fast = Self.fast(text)
            #expect(fast != nil, "declined valid JSON: \(String(decoding: text, as: UTF8.self))")
            #expect(fast == Self.foundation(text), "\(String(decoding: text, as: UTF8.self))")
        }
    }

    /// Damaged JSON (bytes deleted, inserted or replaced): whatever the fast parser accepts, Foundation accepts
    /// too, with the same value; what it declines is left to Foundation (whose message then stands).
    @Test func damagedJSONIsNeverAcceptedWhereFoundationRefuses() throws {
        var random = Random(state: 793_000)
        let alphabet = Array("{}[]:,\"\\ -+.eE0123456789tfnulrsa".utf8) + [0x00, 0x1F, 0x7F, 0x80, 0xC3, 0xE4, 0xFF]
        var declined = 0
        for _ in 0..<6000 {
            var text = Array(Self.text(&random).utf8)
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let at = Int.random(in: 0...text.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0 where at < text.count: text.remove(at: at)
                case 1 where at < text.count: text[at] = alphabet.randomElement(using: &random) ?? 0
                default: text.insert(alphabet.randomElement(using: &random) ?? 0, at: at)
                }
            }
            let reference = Self.foundation(text)
            if let fast = Self.fast(text) {
                #expect(reference == fast, "\(String(decoding: text, as: UTF8.self).debugDescription)")
            } else {
                declined += 1
            }
        }
        #expect(declined > 1000) // the damage does reach the parser
    }

    /// Texts Foundation reads leniently, or refuses, are declined, so Foundation's verdict and message stand.
    @Test(arguments: [
        "[1,]", "{\"a\":1,}", "1\u{0}", "01", "1.", "1e", ".5", "+1", "-", "1e400", "1e-400",
        "\"\\ud800\"", "\"\\udc00\"", "\"a\tb\"", "\"\\x\"", "tru", "[1 2]", "{1:2}", "", " ",
        String(repeating: "[", count: 513) + String(repeating: "]", count: 513),
        "123456789012345678901234567890123456789012345", "NaN", "Infinity"
    ])
    func nonStrictTextIsDeclined(text: String) {
        #expect(Self.fast(Array(text.utf8)) == nil)
    }

    /// A UTF-8 byte order mark, which RFC 8259 lets a parser ignore, is skipped here rather than handed to
    /// Foundation (whose reading takes about 108 times the text's size in memory): the same value as Foundation's.
    @Test func aUTF8ByteOrderMarkIsSkipped() {
        let text = Array("\u{FEFF}{\"a\":[1,2.5]}".utf8)
        #expect(Self.fast(text) == Self.foundation(text))
        #expect(Self.fast(text) == .object(["a": .array([.number(1), .number(2.5)])]))
    }

    @Test func fiveHundredAndTwelveLevelsAreRead() throws {
        let text = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(Self.fast(Array(text.utf8)) != nil)
    }

    /// Numbers: the same bits as the standard library's correctly rounded `Double(_:)`, over random doubles
    /// written shortest, with 17 digits, with 7 decimals (coordinates) and in exponent form.
    @Test func numbersAreCorrectlyRounded() throws {
        var random = Random(state: 120)
        for _ in 0..<20_000 {
            let d = Double(bitPattern: UInt64.random(in: 0...0x7FEF_FFFF_FFFF_FFFF, using: &random)) * (Bool.random(using: &random) ? 1 : -1)
            let c = Double.random(in: -180...180, using: &random)
            for text in [
                d.description, String(format: "%.17g", d), String(format: "%.7f", c), String(format: "%.3e", c),
                String(format: "%.15g", c)
            ] {
                let json = text.replacingOccurrences(of: "e+", with: "e")
                guard let expected = Double(json), expected.isFinite, expected != 0 || c == 0 else { continue }
                guard let fast = Self.fast(Array(json.utf8)) else {
                    // Declined only beyond 38 significant digits (left to Foundation) or on underflow.
                    #expect(json.filter(\.isNumber).count > 38 || expected.magnitude < 1e-300, "\(json)")
                    continue
                }
                #expect(fast.doubleValue?.bitPattern == expected.bitPattern, "\(json)")
            }
        }
    }

    /// The bundled district's layers (6 MB of real GeoJSON text) read to the same values both ways.
    @Test func bundledLayersReadTheSameBothWays() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("geodata/qiantang")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".geojson") || $0.hasSuffix(".json") }
        #expect(files.count >= 10)
        for file in files {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            let fast = try #require(Self.fast([UInt8](data)), "\(file) declined")
            #expect(fast == (try JSONValue.foundationParse(data)), "\(file)")
        }
    }
}
