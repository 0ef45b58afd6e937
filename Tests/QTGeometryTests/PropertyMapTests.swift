import Foundation
import QTGeometry
import QTText
import Testing

/// ``PropertyMap`` against the `Dictionary` it replaced: the same operations on both must leave the same members.
@Suite("PropertyMap")
struct PropertyMapTests {
    static let keyPool = ["id", "name", "source", "a", "b", "B", "zeta", "é", "e\u{301}", "钱塘", "", "k10", "k9", "accuracy_m"]

    @Test("random inserts, updates, removals and merges agree with Dictionary", arguments: [1, 2, 3, 4, 5] as [UInt64])
    func agreesWithDictionary(seed: UInt64) {
        var random = GeomSeededGenerator(seed: seed)
        var map = PropertyMap()
        var dictionary: [String: JSONValue] = [:]
        for step in 0..<2_000 {
            let key = Self.keyPool.randomElement(using: &random)!
            switch Int.random(in: 0..<5, using: &random) {
            case 0:
                map[key] = nil
                dictionary[key] = nil
            case 1:
                #expect(map.removeValue(forKey: key) == dictionary.removeValue(forKey: key), "step \(step)")
            case 2:
                var other: [String: JSONValue] = [:]
                for _ in 0..<3 { other[Self.keyPool.randomElement(using: &random)!] = .number(Double(-step)) }
                let add: (JSONValue, JSONValue) -> JSONValue = { a, b in .array([a, b]) }
                if step % 2 == 0 {
                    map.merge(other, uniquingKeysWith: add)
                } else {
                    map.merge(PropertyMap(other), uniquingKeysWith: add)
                }
                dictionary.merge(other, uniquingKeysWith: add)
            default:
                let value = JSONValue.number(Double(step))
                #expect(map.updateValue(value, forKey: key) == dictionary.updateValue(value, forKey: key), "step \(step)")
            }
            for probe in Self.keyPool { #expect(map[probe] == dictionary[probe], "step \(step), key \(probe)") }
            #expect(map.count == dictionary.count)
            #expect(map.dictionary == dictionary)
            #expect(map == PropertyMap(dictionary))
            #expect(map.hashValue == PropertyMap(dictionary).hashValue)
        }
    }

    @Test("canonically equivalent keys are one key, as in a Dictionary")
    func canonicalEquivalence() {
        var map: PropertyMap = ["é": 1]
        map["e\u{301}"] = 2
        var dictionary: [String: JSONValue] = ["é": 1]
        dictionary["e\u{301}"] = 2
        #expect(map.count == 1 && dictionary.count == 1)
        #expect(map["é"] == 2)
        // The key keeps the spelling it was first given, as a Dictionary's does.
        #expect(Array(map.keys[0].utf8) == Array("\u{E9}".utf8))
        #expect(Array(dictionary.keys.first!.utf8) == Array("\u{E9}".utf8))
    }

    @Test("a key spelled in another Unicode form than the previous feature's keeps its own spelling when read")
    func readerKeepsSpelling() throws {
        let text =
            "{\"type\":\"FeatureCollection\",\"features\":["
            + "{\"type\":\"Feature\",\"properties\":{\"\u{E9}\":1},\"geometry\":null},"
            + "{\"type\":\"Feature\",\"properties\":{\"e\u{301}\":2},\"geometry\":null}]}"
        let features = try GeoJSONReader().read(data: Data(text.utf8)).features
        #expect(features.map { Array($0.properties.keys[0].utf8) } == [[0xC3, 0xA9], [0x65, 0xCC, 0x81]])
        let written = GeoJSONWriter().string(features[1])
        #expect(Array(written.utf8).starts(with: Array("{\"type\":\"Feature\",\"properties\":{\"e\u{301}\":2}".utf8)))
    }

    @Test("a sparse layer (every feature setting other fields) gets the right maps past the maker's memory of patterns")
    func sparseMaker() throws {
        let fields = (0..<600).map { "f\($0)" }
        var maker = try #require(PropertyMapMaker(fields: fields))
        for i in 0..<(PropertyMapMaker.rememberedPatterns + 100) {
            var values = [JSONValue?](repeating: .none, count: fields.count)
            values[i] = .number(Double(i))
            values[(i * 7 + 3) % fields.count] = .string("x")
            let map = maker.make(values)
            var expected: [String: JSONValue] = [:]
            for (field, value) in zip(fields, values) { if let value { expected[field] = value } }
            #expect(map.dictionary == expected, "feature \(i)")
            #expect(map.values.capacity < 16, "feature \(i): \(map.values.capacity) value slots")
        }
    }

    @Test("a literal or key list naming a key twice keeps its last value")
    func repeatedKeys() {
        let map = PropertyMap(keys: ["b", "a", "b", "c", "a"], values: [1, 2, 3, 4, 5])
        #expect(map.keys == ["a", "b", "c"])
        #expect(map.values == [5, 3, 4])
    }

    @Test("iteration, filter and the value transforms follow key order")
    func iteration() {
        let map: PropertyMap = ["zeta": 1, "alpha": "x", "mid": true]
        #expect(map.map(\.key) == ["alpha", "mid", "zeta"])
        #expect(map.filter { $0.value.doubleValue == nil }.keys == ["alpha", "mid"])
        #expect(map.compactMapValues(\.stringValue) == ["alpha": "x"])
        #expect(map.mapValues { $0 == .null } == ["alpha": false, "mid": false, "zeta": false])
        #expect(PropertyMap().description == "[:]")
    }

    @Test("maps made by one maker with the same keys share one key array")
    func makerSharesKeys() throws {
        var maker = try #require(PropertyMapMaker(fields: ["name", "id", "outside"]))
        let first = maker.make([.string("a"), .string("1"), nil])
        let second = maker.make([.string("b"), .string("2"), nil])
        let third = maker.make([.string("c"), .string("3"), .bool(true)])
        let fourth = maker.make([.string("d"), .string("4"), nil])
        #expect(first.keys == ["id", "name"] && third.keys == ["id", "name", "outside"])
        #expect(third.values == ["3", "c", true])
        func storage(_ m: PropertyMap) -> UnsafeRawPointer? { m.keys.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) } }
        #expect(storage(first) == storage(second))
        #expect(storage(first) == storage(fourth))
        #expect(storage(first) != storage(third))
        #expect(first == ["id": "1", "name": "a"])
        #expect(PropertyMapMaker(fields: ["a", "b", "a"]) == nil)
    }

    @Test("features read from GeoJSON with the same keys share one key array, and stay equal to their dictionaries")
    func readerSharesKeys() throws {
        let text = """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"b":1,"a":2},"geometry":null},
            {"type":"Feature","properties":{"a":3,"b":4},"geometry":null},
            {"type":"Feature","properties":{"a":5},"geometry":null}
            ]}
            """
        let features = try GeoJSONReader().read(data: Data(text.utf8)).features
        func storage(_ m: PropertyMap) -> UnsafeRawPointer? { m.keys.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) } }
        #expect(storage(features[0].properties) == storage(features[1].properties))
        #expect(features.map { $0.properties.dictionary } == [["a": 2, "b": 1], ["a": 3, "b": 4], ["a": 5]])
    }

    @Test("the writer puts non-ASCII keys in Unicode scalar order, whatever the map's own order")
    func writerOrder() {
        // "e\u{301}" sorts as "é" (U+00E9) for Swift, but its bytes (65 CC 81) come before "f" (66) and "é" (C3 A9).
        let feature = Feature(geometry: nil, properties: ["f": 1, "e\u{301}x": 2, "\u{E9}a": 3])
        // Compared as bytes: String's == would take "é" and "e\u{301}" as equal.
        #expect(
            Array(GeoJSONWriter().string(feature).utf8)
                == Array("{\"type\":\"Feature\",\"properties\":{\"e\u{301}x\":2,\"f\":1,\"\u{E9}a\":3},\"geometry\":null}".utf8))
    }
}

/// The writer's digits, written without `String` since the property-map change, against `String`'s own
/// formatting of the same rounded integers.
@Suite("JSONText digits")
struct JSONTextDigitTests {
    /// The coordinate text by string operations on `String(Int64)`: the rule of ``JSONText/coordinate(_:decimals:)``.
    static func expected(_ value: Double, decimals: Int) -> String {
        let scaled = (value * pow(10, Double(decimals))).rounded(.toNearestOrAwayFromZero)
        if scaled == 0 { return "0" }
        var digits = String(Int64(scaled).magnitude)
        if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
        var text = String(digits.dropLast(decimals)) + "." + String(digits.suffix(decimals))
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return (scaled < 0 ? "-" : "") + text
    }

    @Test("coordinates and integral numbers over 200,000 seeded values")
    func digits() {
        var random = GeomSeededGenerator(seed: 42)
        for _ in 0..<200_000 {
            let magnitude = [1e-8, 1e-3, 1, 180, 1e6, 9e8][Int.random(in: 0..<6, using: &random)]
            let value = Double.random(in: -magnitude...magnitude, using: &random)
            let decimals = Int.random(in: 0...7, using: &random)
            var text = JSONText()
            text.coordinate(value, decimals: decimals)
            #expect(text.text == Self.expected(value, decimals: decimals), "\(value) at \(decimals)")
            let integral = value.rounded(.towardZero)
            var number = JSONText()
            number.number(integral)
            #expect(number.text == (integral == 0 ? "0" : String(Int64(integral))), "\(integral)")
        }
        // Past 2^53 after scaling, a coordinate is written as a number; 1e15 and up as Swift's description.
        var large = JSONText()
        large.coordinate(1_000_000_000.5, decimals: 7)
        large.raw(" ")
        large.coordinate(-2e9, decimals: 7)
        large.raw(" ")
        large.number(1e15)
        #expect(large.text == "1000000000.5 -2000000000 1000000000000000.0")
        var edge = JSONText()
        edge.number(999_999_999_999_999)
        edge.raw(" ")
        edge.number(-0.0)
        edge.raw(" ")
        edge.number(1e16)
        #expect(edge.text == "999999999999999 0 1e+16")
    }
}
