import Foundation
import QTGeometry
import Testing

/// A geometry and its GeoJSON text exactly as ``GeoJSONWriter`` writes it (written by hand from the rules).
struct GeoJSONSample: Sendable, CustomTestStringConvertible {
    var name: String
    var json: String
    var geometry: Geometry
    var testDescription: String { name }
}

enum GeoJSONSamples {
    private static func c(_ x: Double, _ y: Double) -> Coordinate { Coordinate(x: x, y: y) }
    private static let square = [c(0, 0), c(1, 0), c(1, 1), c(0, 0)]

    static let geometries: [GeoJSONSample] = [
        GeoJSONSample(
            name: "Point", json: #"{"type":"Point","coordinates":[120.35,30.3]}"#,
            geometry: .point(Point(x: 120.35, y: 30.3))),
        GeoJSONSample(name: "empty Point", json: #"{"type":"Point","coordinates":[]}"#, geometry: .point(Point(nil))),
        GeoJSONSample(
            name: "LineString",
            json: #"{"type":"LineString","coordinates":[[120.1,30.2],[120.2,30.25],[-120.3,-30.2]]}"#,
            geometry: .lineString(LineString([c(120.1, 30.2), c(120.2, 30.25), c(-120.3, -30.2)]))),
        GeoJSONSample(
            name: "empty LineString", json: #"{"type":"LineString","coordinates":[]}"#,
            geometry: .lineString(LineString([]))),
        GeoJSONSample(
            name: "Polygon with a hole",
            json: #"{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,0]],"#
                + #"[[2,2],[2,3],[3,3],[3,2],[2,2]]]}"#,
            geometry: .polygon(
                Polygon(
                    exterior: [c(0, 0), c(10, 0), c(10, 10), c(0, 10), c(0, 0)],
                    holes: [[c(2, 2), c(2, 3), c(3, 3), c(3, 2), c(2, 2)]]))),
        GeoJSONSample(
            name: "empty Polygon", json: #"{"type":"Polygon","coordinates":[]}"#,
            geometry: .polygon(Polygon(rings: []))),
        GeoJSONSample(
            name: "MultiPoint with an empty member", json: #"{"type":"MultiPoint","coordinates":[[1,2],[],[-3.5,4]]}"#,
            geometry: .multiPoint(MultiPoint([Point(x: 1, y: 2), Point(nil), Point(x: -3.5, y: 4)]))),
        GeoJSONSample(
            name: "empty MultiPoint", json: #"{"type":"MultiPoint","coordinates":[]}"#,
            geometry: .multiPoint(MultiPoint([]))),
        GeoJSONSample(
            name: "MultiLineString", json: #"{"type":"MultiLineString","coordinates":[[[0,0],[1,1]],[]]}"#,
            geometry: .multiLineString(MultiLineString([LineString([c(0, 0), c(1, 1)]), LineString([])]))),
        GeoJSONSample(
            name: "empty MultiLineString", json: #"{"type":"MultiLineString","coordinates":[]}"#,
            geometry: .multiLineString(MultiLineString([]))),
        GeoJSONSample(
            name: "MultiPolygon", json: #"{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[]]}"#,
            geometry: .multiPolygon(MultiPolygon([Polygon(exterior: square), Polygon(rings: [])]))),
        GeoJSONSample(
            name: "empty MultiPolygon", json: #"{"type":"MultiPolygon","coordinates":[]}"#,
            geometry: .multiPolygon(MultiPolygon([]))),
        GeoJSONSample(
            name: "nested GeometryCollection",
            json: #"{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[1,2]},"#
                + #"{"type":"GeometryCollection","geometries":[{"type":"LineString","coordinates":[[0,0],[1,1]]},"#
                + #"{"type":"GeometryCollection","geometries":[]}]}]}"#,
            geometry: .geometryCollection(
                GeometryCollection([
                    .point(Point(x: 1, y: 2)),
                    .geometryCollection(
                        GeometryCollection([
                            .lineString(LineString([c(0, 0), c(1, 1)])),
                            .geometryCollection(GeometryCollection([]))
                        ]))
                ]))),
        GeoJSONSample(
            name: "empty GeometryCollection", json: #"{"type":"GeometryCollection","geometries":[]}"#,
            geometry: .geometryCollection(GeometryCollection([])))
    ]
}

@Suite("GeoJSON writing")
struct GeoJSONWriterTests {
    let writer = GeoJSONWriter()

    @Test("every geometry type is written as specified", arguments: GeoJSONSamples.geometries)
    func geometryText(_ sample: GeoJSONSample) {
        #expect(writer.string(sample.geometry) == sample.json)
    }

    @Test("every geometry type round trips through a FeatureCollection", arguments: GeoJSONSamples.geometries)
    func roundTrip(_ sample: GeoJSONSample) throws {
        let collection = FeatureCollection(features: [Feature(id: "f", geometry: sample.geometry, properties: ["name": "x"])])
        let data = writer.data(collection)
        #expect(try GeoJSONReader().read(data: data) == collection)
        #expect(!String(decoding: data, as: UTF8.self).contains("bbox"))
    }

    @Test("a feature with Chinese properties round trips byte-identically")
    func chineseRoundTrip() throws {
        let text = """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","id":"QT-01","properties":{"id":"QT-01","name":"钱塘区","name_en":"Qiantang District","type":"district","class":"行政区","source":"杭州市规划和自然资源局","accuracy_m":5,"area_km2":531.7,"population":793000,"街道":["白杨街道","下沙街道"]},"geometry":{"type":"Polygon","coordinates":[[[120.2345678,30.2],[120.5,30.2],[120.5,30.45],[120.2345678,30.2]]]}},
            {"type":"Feature","id":2,"properties":{"name":"江东工业园区","note":"引号\\"与反斜杠\\\\"},"geometry":null}
            ]}

            """
        let collection = try GeoJSONReader().read(data: Data(text.utf8))
        #expect(collection.features[0].properties["name"] == "钱塘区")
        #expect(collection.features[1].properties["note"] == #"引号"与反斜杠\"#)
        #expect(writer.data(collection) == Data(text.utf8))
    }

    @Test("the FeatureCollection layout: one feature per line")
    func collectionLayout() {
        let collection = FeatureCollection(features: [
            Feature(id: 7, geometry: nil),
            Feature(geometry: .point(Point(x: 1, y: 2)), properties: ["b": 1, "a": "x"])
        ])
        #expect(
            writer.string(collection) == """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","id":7,"properties":{},"geometry":null},
                {"type":"Feature","properties":{"a":"x","b":1},"geometry":{"type":"Point","coordinates":[1,2]}}
                ]}

                """)
        #expect(writer.string(FeatureCollection(features: [])) == "{\"type\":\"FeatureCollection\",\"features\":[]}\n")
        #expect(writer.string(Feature(id: "a", geometry: nil)) == #"{"type":"Feature","id":"a","properties":{},"geometry":null}"#)
    }

    @Test("coordinates: at most 7 decimals, trailing zeros trimmed, -0 written as 0")
    func coordinateRounding() {
        func text(_ x: Double, _ y: Double, decimals: Int = 7) -> String {
            GeoJSONWriter(decimals: decimals).string(.point(Point(x: x, y: y)))
        }
        #expect(text(120.123456789, 30.987654321) == #"{"type":"Point","coordinates":[120.1234568,30.9876543]}"#)
        #expect(text(120.3500000001, 30) == #"{"type":"Point","coordinates":[120.35,30]}"#)
        #expect(text(-0.0, -0.00000004) == #"{"type":"Point","coordinates":[0,0]}"#)
        #expect(text(0.0000001, -0.0000001) == #"{"type":"Point","coordinates":[0.0000001,-0.0000001]}"#)
        #expect(text(-120.99999999, 3350000.12345678) == #"{"type":"Point","coordinates":[-121,3350000.1234568]}"#)
        #expect(text(120.123456789, 30.9876, decimals: 3) == #"{"type":"Point","coordinates":[120.123,30.988]}"#)
        #expect(text(120.6, 30.4, decimals: 0) == #"{"type":"Point","coordinates":[121,30]}"#)
        #expect(text(120.123456789, 1, decimals: 12) == #"{"type":"Point","coordinates":[120.1234568,1]}"#)
    }

    @Test("property numbers: integral without a point, others shortest round-trip")
    func propertyNumbers() {
        let feature = Feature(
            geometry: nil,
            properties: [
                "a": 793000, "b": 0.1, "c": .number(-0.0), "d": 1e15, "e": 123_456_789_012_345, "f": 2.5, "g": 0.00001,
                "h": -42, "i": .number(.infinity), "j": 1e16
            ])
        // 1e15 is not below 1e15, so it gets Swift's `description`, which writes integral values below 2^53
        // in positional form with ".0" and switches to exponent form from 2^53 on (1e16).
        #expect(
            writer.string(feature) == #"{"type":"Feature","properties":{"a":793000,"b":0.1,"c":0,"#
                + #""d":1000000000000000.0,"e":123456789012345,"f":2.5,"g":1e-05,"h":-42,"i":null,"j":1e+16},"#
                + #""geometry":null}"#)
    }

    @Test("integral numbers read back as exact integers")
    func integralRoundTrip() throws {
        let feature = Feature(id: 12, geometry: nil, properties: ["population": 793000, "big": 999_999_999_999_999])
        let collection = try GeoJSONReader().read(data: writer.data(FeatureCollection(features: [feature])))
        #expect(collection.features[0].properties["population"]?.intValue == 793000)
        #expect(collection.features[0].properties["big"]?.intValue == 999_999_999_999_999)
        #expect(collection.features[0].id?.intValue == 12)
    }

    @Test("strings: quotes, backslash and control characters escaped, Chinese as UTF-8")
    func stringEscaping() {
        let feature = Feature(geometry: nil, properties: ["s": "a\"b\\c\n\t\u{01}\u{1F}/é钱塘"])
        #expect(
            writer.string(feature)
                == #"{"type":"Feature","properties":{"s":"a\"b\\c\u000A\u0009\u0001\u001F/é钱塘"},"geometry":null}"#)
    }

    @Test("key order: the preference list first, then Unicode scalar order, at every level")
    func keyOrder() {
        let properties: [String: JSONValue] = [
            "zeta": true, "Alpha": nil, "area_km2": 531.7, "accuracy_m": 5, "class": "district", "name": "钱塘区",
            "id": "QT-01", "é": 1, "Zulu": 2, "nested": ["source": "b", "b": 1, "a": 2]
        ]
        let feature = Feature(geometry: nil, properties: properties)
        #expect(
            writer.string(feature) == #"{"type":"Feature","properties":{"id":"QT-01","name":"钱塘区","#
                + #""class":"district","accuracy_m":5,"Alpha":null,"Zulu":2,"area_km2":531.7,"nested":{"source":"b","a":2,"b":1},"#
                + #""zeta":true,"é":1},"geometry":null}"#)
        let custom = GeoJSONWriter(keyOrder: ["zeta", "nested"])
        #expect(
            custom.string(Feature(geometry: nil, properties: ["a": 1, "nested": 2, "zeta": 3]))
                == #"{"type":"Feature","properties":{"zeta":3,"nested":2,"a":1},"geometry":null}"#)
    }

    @Test("output is deterministic")
    func deterministic() {
        var properties: [String: JSONValue] = [:]
        for i in 0..<50 { properties["k\(i)"] = .number(Double(i) / 7) }
        let collection = FeatureCollection(features: [Feature(geometry: .point(Point(x: 1, y: 2)), properties: properties)])
        let first = writer.data(collection)
        let reordered = FeatureCollection(features: [
            Feature(
                geometry: .point(Point(x: 1, y: 2)),
                properties: Dictionary(uniqueKeysWithValues: properties.reversed().map { ($0.key, $0.value) }))
        ])
        #expect(writer.data(reordered) == first)
    }
}

/// A collection written in pieces (what the district writer does on two cores) is the collection written whole.
@Suite("GeoJSON written in pieces")
struct GeoJSONPieceTests {
    @Test("the pieces' texts, concatenated, are the collection's text", arguments: [0, 1, 2, 7])
    func piecesConcatenate(count: Int) {
        let features = (0..<count).map { i in
            Feature(id: .string("f\(i)"), geometry: .point(Point(x: Double(i), y: 30)), properties: ["n": .number(Double(i))])
        }
        let collection = FeatureCollection(features: features)
        let writer = GeoJSONWriter()
        for size in [1, 2, 3, 100] {
            let pieces = writer.pieces(of: collection, featuresPerPiece: size)
            #expect(pieces.count == max(1, (count + size - 1) / size))
            // The collection's text by its rule, from each feature's own text (not through the pieces).
            let whole =
                features.isEmpty
                ? "{\"type\":\"FeatureCollection\",\"features\":[]}\n"
                : "{\"type\":\"FeatureCollection\",\"features\":[\n" + features.map(writer.string).joined(separator: ",\n") + "\n]}\n"
            #expect(pieces.reduce(Data()) { $0 + writer.data($1) } == Data(whole.utf8), "\(count) features, pieces of \(size)")
            #expect(writer.data(collection) == Data(whole.utf8))
        }
    }
}
