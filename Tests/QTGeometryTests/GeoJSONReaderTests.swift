import Foundation
import QTGeometry
import Testing

/// Reads `json`, returning the error or `nil` when it was accepted.
private func readError(_ json: String) -> GeoJSONError? {
    do {
        _ = try GeoJSONReader().read(data: Data(json.utf8))
        return nil
    } catch {
        return error
    }
}

private func read(_ json: String) throws -> FeatureCollection {
    try GeoJSONReader().read(data: Data(json.utf8))
}

/// A FeatureCollection whose feature 1 has `geometry`.
private func secondFeature(_ geometry: String) -> String {
    #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":null},"#
        + #"{"type":"Feature","properties":{},"geometry":"# + geometry + "}]}"
}

@Suite("GeoJSON reading: JSONValue")
struct GeoJSONJSONValueTests {
    @Test("true is a boolean and 1 a number, on every platform")
    func booleansAreNotNumbers() throws {
        let value = try JSONValue(parsing: "[true, 1, false, 0, 1.0, null]")
        #expect(value == .array([.bool(true), .number(1), .bool(false), .number(0), .number(1), .null]))
        #expect(value[0]?.boolValue == true)
        #expect(value[0]?.doubleValue == nil)
        #expect(value[1]?.boolValue == nil)
        #expect(value[1]?.intValue == 1)
        #expect(try JSONValue(parsing: "true") == .bool(true))
        #expect(try JSONValue(parsing: "1") == .number(1))
    }

    @Test("numbers with 17 significant digits read back exactly")
    func longNumbersAreExact() throws {
        let value = try JSONValue(parsing: "[0.30000000000000004, 120.12345678901234, 12345678901234567890, 5e-324]")
        #expect(
            value == [
                .number(0.30000000000000004), .number(120.12345678901234),
                .number(12345678901234567890.0), .number(5e-324)
            ])
    }

    @Test("accessors and literals")
    func accessors() throws {
        let value: JSONValue = ["name": "钱塘区", "area": 531.7, "count": 12, "ok": true, "none": nil, "list": [1, "a"]]
        #expect(value["name"]?.stringValue == "钱塘区")
        #expect(value["area"]?.doubleValue == 531.7)
        #expect(value["area"]?.intValue == nil)
        #expect(value["count"]?.intValue == 12)
        #expect(value["ok"]?.boolValue == true)
        #expect(value["ok"]?.intValue == nil)
        #expect(value["none"]?.isNull == true)
        #expect(value["missing"] == nil)
        #expect(value["list"]?.arrayValue?.count == 2)
        #expect(value["list"]?[5] == nil)
        #expect(value.objectValue?.count == 6)
        #expect(JSONValue.number(1e300).intValue == nil)
        #expect(try JSONValue(parsing: #"{"a": {"b": [1, 2.5]}}"#) == ["a": ["b": [1, 2.5]]])
    }

    @Test("syntax errors carry Foundation's detail")
    func syntaxErrors() {
        #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: "[1, 2") }
        do {
            _ = try JSONValue(parsing: "[1e400]")
            Issue.record("1e400 was accepted")
        } catch {
            #expect(error.description.contains("1e400"))
        }
    }
}

@Suite("GeoJSON reading")
struct GeoJSONReaderTests {
    // MARK: Accepted input

    @Test("a FeatureCollection with ids, properties and a null geometry")
    func featureCollection() throws {
        let collection = try read(
            """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","id":"QT-01","properties":{"name":"钱塘区","area_km2":531.7,"pop":793000,"ok":true},
             "geometry":{"type":"Point","coordinates":[120.35,30.3]}},
            {"type":"Feature","id":7,"properties":null,"geometry":null}
            ]}
            """)
        #expect(collection.features.count == 2)
        let first = collection.features[0]
        #expect(first.id == "QT-01")
        #expect(first.properties == ["name": "钱塘区", "area_km2": 531.7, "pop": 793000, "ok": true])
        #expect(first.geometry == .point(Point(x: 120.35, y: 30.3)))
        #expect(collection.features[1] == Feature(id: 7, geometry: nil, properties: [:]))
    }

    @Test("a FeatureCollection with 0 features reads as empty")
    func emptyCollection() throws {
        #expect(try read(#"{"type":"FeatureCollection","features":[]}"#) == FeatureCollection(features: []))
    }

    @Test("a single Feature reads as a one-feature collection")
    func singleFeature() throws {
        let collection = try read(#"{"type":"Feature","properties":{"name":"江东"},"geometry":{"type":"Point","coordinates":[1,2]}}"#)
        #expect(collection == FeatureCollection(features: [Feature(geometry: .point(Point(x: 1, y: 2)), properties: ["name": "江东"])]))
    }

    @Test("a bare Geometry reads as one feature without properties")
    func bareGeometry() throws {
        let collection = try read(#"{"type":"LineString","coordinates":[[1,2],[3,4]]}"#)
        let line = Geometry.lineString(LineString([Coordinate(x: 1, y: 2), Coordinate(x: 3, y: 4)]))
        #expect(collection == FeatureCollection(features: [Feature(geometry: line)]))
    }

    @Test(
        "every geometry type, empty ones and nested collections",
        arguments: GeoJSONSamples.geometries)
    func geometryTypes(_ sample: GeoJSONSample) throws {
        let geometry = try GeoJSONReader().geometry(from: JSONValue(parsing: sample.json))
        #expect(geometry == sample.geometry)
    }

    @Test("`coordinates: []` is the empty geometry of the declared type")
    func emptyGeometries() throws {
        let reader = GeoJSONReader()
        #expect(try reader.geometry(from: ["type": "Point", "coordinates": []]) == .point(Point(nil)))
        #expect(try reader.geometry(from: ["type": "LineString", "coordinates": []]) == .lineString(LineString([])))
        #expect(try reader.geometry(from: ["type": "Polygon", "coordinates": []]) == .polygon(Polygon(rings: [])))
        #expect(try reader.geometry(from: ["type": "MultiPolygon", "coordinates": []]) == .multiPolygon(MultiPolygon([])))
        #expect(
            try reader.geometry(from: ["type": "GeometryCollection", "geometries": []])
                == .geometryCollection(GeometryCollection([])))
    }

    @Test("the crs member: absent, null, CRS84 and EPSG:4326 are accepted")
    func wgs84CRS() throws {
        for name in [
            "urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84", "urn:ogc:def:crs:EPSG::4326",
            "EPSG:4326", "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
        ] {
            let json = #"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"\#(name)"}},"features":[]}"#
            #expect(try read(json).features.isEmpty, "\(name)")
        }
        #expect(try read(#"{"type":"FeatureCollection","crs":null,"features":[]}"#).features.isEmpty)
    }

    // MARK: Z policy

    @Test("a third number (altitude) is dropped and counted per feature")
    func zDroppedAndCounted() throws {
        let json = """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,2]}},
            {"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[1,2,10],[3,4,11.5],[5,6]]}},
            {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0,1],[1,0,1],[1,1,1],[0,0,1]]]}}
            ]}
            """
        let result = try GeoJSONReader().readWithDiagnostics(data: Data(json.utf8))
        #expect(result.droppedZCount == 6)
        #expect(
            result.warnings.map(\.description) == [
                "feature 1: 2 positions had a Z value, dropped",
                "feature 2: 4 positions had a Z value, dropped"
            ])
        #expect(
            result.collection.features[1].geometry
                == .lineString(
                    LineString([
                        Coordinate(x: 1, y: 2), Coordinate(x: 3, y: 4), Coordinate(x: 5, y: 6)
                    ])))
        #expect(try GeoJSONReader().read(data: Data(json.utf8)) == result.collection)
    }

    @Test("a lone feature's Z warning has no feature index")
    func zWarningWithoutIndex() throws {
        let json = #"{"type":"Point","coordinates":[120,30,5]}"#
        let result = try GeoJSONReader().readWithDiagnostics(data: Data(json.utf8))
        #expect(result.droppedZCount == 1)
        #expect(result.warnings == [GeoJSONWarning(message: "1 position had a Z value, dropped")])
        #expect(result.collection.features[0].geometry == .point(Point(x: 120, y: 30)))
    }

    @Test("positions with 4 numbers are refused")
    func fourDimensionsRefused() throws {
        let error = try #require(readError(secondFeature(#"{"type":"LineString","coordinates":[[1,2],[3,4,5,6]]}"#)))
        #expect(error.featureIndex == 1)
        #expect(error.path == "geometry.coordinates[1]")
        #expect(error.description.hasPrefix("feature 1: geometry.coordinates[1]: position has 4 numbers, expected 2 or 3"))
        #expect(error.message.contains("RFC 7946"))
    }

    // MARK: Refused input

    @Test("truncated JSON")
    func truncated() throws {
        let error = try #require(readError(#"{"type":"FeatureCollection","features":[{"type":"Feature","#))
        #expect(error.featureIndex == nil)
        #expect(error.description.hasPrefix("invalid JSON: "))
    }

    @Test("deeply nested JSON is refused by the parser, not by a stack overflow")
    func deepJSON() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let error = try #require(readError(deep))
        #expect(error.description.contains("invalid JSON"))
        // Nesting the parser still accepts (500 levels) is refused by the geometry rules.
        let coordinates = String(repeating: "[", count: 500) + "1" + String(repeating: "]", count: 500)
        let nested = try #require(readError(#"{"type":"Point","coordinates":"# + coordinates + "}"))
        #expect(nested.description.contains("coordinates"))
    }

    @Test("the top level must be an object")
    func topLevelArray() throws {
        let error = try #require(readError("[1, 2]"))
        #expect(error.description == "expected a GeoJSON object at the top level, found an array")
    }

    @Test("coordinates as a string")
    func coordinatesString() throws {
        let error = try #require(readError(secondFeature(#"{"type":"Polygon","coordinates":"0 0, 1 1"}"#)))
        #expect(error.description == "feature 1: geometry.coordinates: expected an array of linear rings, found a string")
    }

    @Test("a position element that is not a number")
    func positionElementString() throws {
        let error = try #require(readError(#"{"type":"Point","coordinates":["120",30]}"#))
        #expect(error.description == "coordinates[0]: expected a number, found a string")
        let bool = try #require(readError(#"{"type":"Point","coordinates":[true,30]}"#))
        #expect(bool.description.contains("found a boolean"))
    }

    @Test("a position with 1 number names the feature and the position")
    func shortPosition() throws {
        let error = try #require(
            readError(
                secondFeature(
                    #"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0],[0,0]]]}"#)))
        #expect(error.description == "feature 1: geometry.coordinates[0][3]: position has 1 number, expected 2 or 3")
    }

    @Test("unknown type Circle")
    func unknownType() throws {
        let error = try #require(readError(secondFeature(#"{"type":"Circle","coordinates":[1,2],"radius":3}"#)))
        #expect(error.featureIndex == 1)
        #expect(error.path == "geometry.type")
        #expect(error.message.hasPrefix(#"unknown geometry type "Circle""#))
        let topLevel = try #require(readError(#"{"type":"Circle","coordinates":[1,2]}"#))
        #expect(topLevel.description.hasPrefix(#"type: unknown GeoJSON type "Circle"; expected FeatureCollection, Feature"#))
    }

    @Test("missing type and missing coordinates")
    func missingMembers() throws {
        let noType = try #require(readError(secondFeature(#"{"coordinates":[1,2]}"#)))
        #expect(noType.description == #"feature 1: geometry: missing "type" member"#)
        let noCoordinates = try #require(readError(secondFeature(#"{"type":"Point"}"#)))
        #expect(noCoordinates.description == #"feature 1: geometry: Point has no "coordinates" member"#)
        let nullCoordinates = try #require(readError(#"{"type":"LineString","coordinates":null}"#))
        #expect(nullCoordinates.description == "coordinates: expected an array of positions, found null")
        let noGeometry = try #require(readError(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{}}]}"#))
        #expect(noGeometry.description.hasPrefix(#"feature 0: Feature has no "geometry" member"#))
    }

    @Test("wrong types for features, properties and id")
    func wrongFeatureTypes() throws {
        let features = try #require(readError(#"{"type":"FeatureCollection","features":{}}"#))
        #expect(features.description == "features: expected an array of features, found an object")
        let notFeature = try #require(readError(#"{"type":"FeatureCollection","features":[{"type":"Point","coordinates":[1,2]}]}"#))
        #expect(notFeature.description == #"feature 0: type: expected "Feature", found "Point""#)
        let properties = try #require(readError(#"{"type":"Feature","properties":[1],"geometry":null}"#))
        #expect(properties.description == "properties: expected an object or null, found an array")
        let id = try #require(readError(#"{"type":"Feature","id":true,"properties":{},"geometry":null}"#))
        #expect(id.description == "id: expected a string or a number, found a boolean")
    }

    @Test("1e400 is refused: out of range, not a finite double")
    func hugeNumber() throws {
        let error = try #require(readError(secondFeature(#"{"type":"Point","coordinates":[1e400,30]}"#)))
        #expect(error.description.hasPrefix("invalid JSON: "))
        #expect(error.description.contains("1e400"))
        #expect(error.description.contains("not a finite double"))
    }

    @Test("non-finite numbers built in code are refused")
    func nonFiniteValue() throws {
        do {
            _ = try GeoJSONReader().geometry(from: ["type": "Point", "coordinates": [.number(.infinity), 30]])
            Issue.record("infinity was accepted")
        } catch {
            #expect(error.description == "coordinates[0]: number inf is not finite")
        }
    }

    @Test("an unclosed ring is refused, naming the feature and the ring")
    func unclosedRing() throws {
        let polygon =
            #"{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,0]],"#
            + #"[[2,2],[3,2],[3,3],[2,3]]]}"#
        let error = try #require(readError(secondFeature(polygon)))
        #expect(error.featureIndex == 1)
        #expect(error.path == "geometry.coordinates[1]")
        #expect(
            error.description.hasPrefix(
                "feature 1: geometry.coordinates[1]: ring 1 (hole) is not closed: first position [2, 2] differs from last [2, 3]"))
        let multi = try #require(readError(#"{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,1]]]]}"#))
        #expect(multi.description.hasPrefix("coordinates[0][0]: ring 0 (exterior) is not closed"))
    }

    @Test("a ring with 3 positions is refused")
    func shortRing() throws {
        let error = try #require(readError(secondFeature(#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}"#)))
        #expect(
            error.description.hasPrefix(
                "feature 1: geometry.coordinates[0]: ring 0 (exterior) has 3 positions, expected at least 4"))
    }

    @Test("a line string with 1 position is refused")
    func shortLineString() throws {
        let error = try #require(readError(#"{"type":"MultiLineString","coordinates":[[[0,0],[1,1]],[[2,2]]]}"#))
        #expect(error.description.hasPrefix("coordinates[1]: line string has 1 position, expected at least 2"))
    }

    @Test("GeometryCollections nested 32 deep are read, 33 deep refused")
    func deepCollections() throws {
        func nested(_ depth: Int) -> String {
            var json = #"{"type":"Point","coordinates":[1,2]}"#
            for _ in 0..<depth { json = #"{"type":"GeometryCollection","geometries":["# + json + "]}" }
            return json
        }
        #expect(readError(nested(32)) == nil)
        let error = try #require(readError(nested(33)))
        #expect(error.message == "GeometryCollections nested more than 32 deep")
        #expect(error.path.hasPrefix("geometries[0].geometries[0]."))
        let veryDeep = try #require(readError(nested(200)))
        #expect(veryDeep.message.contains("nested more than 32 deep"))
    }

    @Test("a collection member's error path goes through geometries[i]")
    func collectionMemberPath() throws {
        let json =
            #"{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[1,2]},"#
            + #"{"type":"LineString","coordinates":[[1,2],[3]]}]}"#
        let error = try #require(readError(secondFeature(json)))
        #expect(
            error.description
                == "feature 1: geometry.geometries[1].coordinates[1]: position has 1 number, expected 2 or 3")
    }

    @Test("a non-WGS84 crs member is refused, naming the CRS")
    func nonWGS84CRS() throws {
        let json = #"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4549"}},"features":[]}"#
        let error = try #require(readError(json))
        #expect(error.path == "crs")
        #expect(error.message.contains(#""urn:ogc:def:crs:EPSG::4549""#))
        #expect(error.message.contains("RFC 7946 GeoJSON is WGS84"))
        let linked = try #require(readError(#"{"type":"FeatureCollection","crs":{"type":"link","properties":{"href":"x"}},"features":[]}"#))
        #expect(linked.description.hasPrefix("crs: cannot tell which CRS"))
    }
}
