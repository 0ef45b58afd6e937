import Foundation
import Testing

@testable import QTGeometry

/// The direct reading of FeatureCollections (`JSONByteParser.featureCollection`) against the generic one
/// (`GeoJSONReader.readGeneric`, through the whole document's JSONValue tree): whatever the direct reading
/// accepts, the generic one accepts with the same features, properties, coordinates and warnings; whatever it
/// declines is read the generic way, so the errors are the generic ones.
@Suite struct GeoJSONDirectReadingTests {
    static func direct(_ data: Data) -> GeoJSONReadResult? {
        data.withUnsafeBytes { JSONByteParser.featureCollection($0) }
    }

    static func generic(_ data: Data) -> Result<GeoJSONReadResult, GeoJSONError> {
        Result { () throws(GeoJSONError) in try GeoJSONReader().readGeneric(data: data) }
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Checks one text: a direct reading must equal the generic one; the public reader gives the generic outcome.
    /// Returns whether the direct reading took it.
    @discardableResult
    static func agree(_ data: Data, _ name: String) -> Bool {
        let reference = generic(data)
        let read = Result { () throws(GeoJSONError) in try GeoJSONReader().readWithDiagnostics(data: data) }
        #expect(read == reference, "\(name)")
        guard let fast = direct(data) else { return false }
        #expect(Result.success(fast) == reference, "\(name): the direct reading differs from the generic one")
        return true
    }

    static func text(_ s: String) -> Data { Data(s.utf8) }

    /// The bundled district's layers: every one read directly, to the generic reading's features.
    @Test func bundledLayersAreReadDirectlyAndTheSame() throws {
        let folder = Self.root.appendingPathComponent("geodata/qiantang")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".geojson") }
        #expect(files.count >= 10)
        for file in files {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            #expect(Self.agree(data, file), "\(file) was not read directly")
        }
    }

    /// Every GeoJSON file of the test fixtures (the bad-input corpus included): the same outcome both ways.
    @Test func fixtureFilesAgree() throws {
        let folder = Self.root.appendingPathComponent("Tests/Fixtures")
        let files = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".geojson") }.sorted()
        #expect(files.count > 100)
        var taken = 0
        for file in files {
            // Empty files (corpus cases) are left out before reading: they hold nothing to compare, and Foundation's
            // Data(contentsOf:) leaks its buffer on an empty file (LeakSanitizer, tools/sanitize.sh asan).
            let path = folder.appendingPathComponent(file).path
            let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
            if size == 0 || size > 4 << 20 { continue }
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            if Self.agree(data, file) { taken += 1 }
        }
        #expect(taken > files.count / 2, "only \(taken) of \(files.count) fixture files read directly")
    }

    /// A FeatureCollection of `features` (JSON text of the array's elements).
    static func collection(_ features: String) -> String { #"{"type":"FeatureCollection","features":["# + features + "]}" }

    /// A FeatureCollection of one feature with empty properties and `geometry`.
    static func withGeometry(_ geometry: String) -> String {
        collection(#"{"type":"Feature","properties":{},"geometry":"# + geometry + "}")
    }

    /// Shapes the direct reading takes, and shapes it hands to the generic decoder for one geometry, or to the
    /// generic reading for the whole text; each with the generic result.
    @Test(arguments: [
        // Taken directly.
        (collection(""), true),
        (#"{"features":[],"type":"FeatureCollection","name":"x","bbox":[1,2,3,4]}"#, true),
        ("\u{FEFF}" + collection(""), true),
        (collection(#"{"type":"Feature","id":7,"properties":null,"geometry":null}"#), true),
        (collection(#"{"geometry":{"type":"Point","coordinates":[]},"type":"Feature"}"#), true),
        (
            #" { "type" : "FeatureCollection" , "features" : [ { "type" : "Feature" , "properties" : { "a" : [ 1 , { "b" : null } ] } , "#
                + #""geometry" : { "type" : "LineString" , "coordinates" : [ [ 1 , 2 ] , [ -0 , -0.0 ] ] , "bbox" : [ 0 , 0 , 1 , 2 ] } } ] } "#,
            true
        ),
        (withGeometry(#"{"type":"MultiPolygon","coordinates":[[],[[[0,0],[1,0],[1,1],[0,0]]]]}"#), true),
        (withGeometry(#"{"type":"MultiPoint","coordinates":[[],[1e2,2.5E-3]]}"#), true),
        (withGeometry(#"{"type":"MultiLineString","coordinates":[[[1,2],[3,4]],[]]}"#), true),
        (#"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},"features":[]}"#, true),
        (
            collection(
                #"{"type":"Feature","id":"a\"b\u00e9","properties":{"名":"钱塘","n":1.5,"t":true},"geometry":{"type":"Point","coordinates":[120.1,30.2]}}"#),
            true
        ),
        // One geometry read by the generic decoder: altitudes, members in another order, collections.
        (withGeometry(#"{"type":"Point","coordinates":[1,2,3]}"#), true),
        (withGeometry(#"{"coordinates":[1,2],"type":"Point"}"#), true),
        (withGeometry(#"{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[1,2]}]}"#), true),
        (
            collection(
                #"{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[1,2,9],[3,4]]}},"#
                    + #"{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[1,2],[3,4,5]]}}"#),
            true
        ),
        // Left to the generic reading: not a collection, repeated keys, errors.
        (#"{"type":"Feature","properties":{},"geometry":null}"#, false),
        (#"{"type":"Point","coordinates":[1,2]}"#, false),
        (collection(#"{"type":"Feature","properties":{"a":1,"a":2},"geometry":null}"#), false),
        (collection(#"{"type":"Feature","properties":{"a":{"b":1,"b":2}},"geometry":null}"#), false),
        (collection(#"{"type":"Feature","type":"Feature","properties":{},"geometry":null}"#), false),
        (collection(#"{"type":"Feature","bbox":[],"bbox":[],"properties":{},"geometry":null}"#), false),
        (withGeometry(#"{"type":"Point","coordinates":[1,2],"type":"Point"}"#), false),
        (#"{"type":"FeatureCollection","features":[],"features":[]}"#, false),
        (#"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:4549"}},"features":[]}"#, false),
        (collection(#"{"type":"Feature","properties":{}}"#), false),
        (collection(#"{"type":"Feature","properties":[],"geometry":null}"#), false),
        (collection(#"{"type":"Feature","id":true,"properties":{},"geometry":null}"#), false),
        (collection(#"{"type":"Featur","properties":{},"geometry":null}"#), false),
        (withGeometry(#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}"#), false),
        (withGeometry(#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}"#), false),
        (withGeometry(#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]],[]]}"#), false),
        (withGeometry(#"{"type":"LineString","coordinates":[[0,0]]}"#), false),
        (withGeometry(#"{"type":"Point","coordinates":[1,2,3,4]}"#), false),
        (withGeometry(#"{"type":"Point","coordinates":[1,"2"]}"#), false),
        (withGeometry(#"{"type":"Point","coordinates":[1,1e400]}"#), false),
        (withGeometry(#"{"type":"Circle","coordinates":[1,2]}"#), false),
        (collection(#"{"type":"Feature","properties":{},"geometry":null},"#), false),
        (collection(#"{"type":"Feature","properties":{},"geometry":null}"#) + " x", false),
        (String(collection(#"{"type":"Feature","properties":{},"geometry":null}"#).dropLast()), false)
    ])
    func shapes(_ json: String, directly: Bool) {
        #expect(Self.agree(Self.text(json), json) == directly, "\(json)")
    }

    /// Random damage to a small collection of every geometry type (bytes deleted, repeated, replaced by JSON's
    /// punctuation): a text the direct reading accepts is always one the generic reading accepts alike.
    @Test func damagedTextsAgree() {
        let base = Array(
            (#"{"type":"FeatureCollection","features":[{"type":"Feature","id":"f1","properties":{"name":"钱塘","n":12,"#
                + #""x":[1,{"y":null}],"ok":true},"geometry":{"type":"Polygon","coordinates":[[[120.1,30.2],[120.2,30.2],"#
                + #"[120.2,30.3],[120.1,30.2]]]}},{"type":"Feature","id":2,"properties":null,"geometry":{"type":"MultiLineString","#
                + #""coordinates":[[[1,2],[3,4]],[[5,6],[7,8,9]]]}},{"type":"Feature","properties":{},"geometry":{"type":"Point","#
                + #""coordinates":[]}}]}"#).utf8)
        let alphabet = Array(#"{}[],:"0-.e1 nt\ "#.utf8)
        var state: UInt64 = 20_261_202
        func next(_ n: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(n))
        }
        var taken = 0
        for round in 0..<3_000 {
            var text = base
            for _ in 0..<(1 + next(3)) {
                let at = next(text.count)
                switch next(3) {
                case 0: text.remove(at: at)
                case 1: text.insert(text[at], at: at)
                default: text[at] = alphabet[next(alphabet.count)]
                }
            }
            if Self.agree(Data(text), "round \(round): \(String(decoding: text, as: UTF8.self))") { taken += 1 }
        }
        #expect(taken > 100)
    }
}
