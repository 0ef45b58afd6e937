import CGEOS
import QTGeometry
import Testing

/// Pins the raw values of QTGeometry's enums to the C constants of geos_c.h they are passed as.
/// (The test target reaches CGEOS through QTGeometry, whose module map it inherits.)
@Suite("Enum raw values")
struct EnumRawValueTests {
    @Test("BufferCapStyle raw values are GEOSBufCapStyles")
    func capStyles() {
        #expect(BufferCapStyle.round.rawValue == Int32(GEOSBUF_CAP_ROUND.rawValue))
        #expect(BufferCapStyle.flat.rawValue == Int32(GEOSBUF_CAP_FLAT.rawValue))
        #expect(BufferCapStyle.square.rawValue == Int32(GEOSBUF_CAP_SQUARE.rawValue))
        #expect(BufferCapStyle.allCases.count == 3)
    }

    @Test("BufferJoinStyle raw values are GEOSBufJoinStyles")
    func joinStyles() {
        #expect(BufferJoinStyle.round.rawValue == Int32(GEOSBUF_JOIN_ROUND.rawValue))
        #expect(BufferJoinStyle.mitre.rawValue == Int32(GEOSBUF_JOIN_MITRE.rawValue))
        #expect(BufferJoinStyle.bevel.rawValue == Int32(GEOSBUF_JOIN_BEVEL.rawValue))
        #expect(BufferJoinStyle.allCases.count == 3)
    }

    @Test("GeometryKind raw values are GEOSGeomTypes")
    func geometryKinds() {
        let pairs: [(GeometryKind, GEOSGeomTypes)] = [
            (.point, GEOS_POINT), (.lineString, GEOS_LINESTRING), (.linearRing, GEOS_LINEARRING),
            (.polygon, GEOS_POLYGON), (.multiPoint, GEOS_MULTIPOINT), (.multiLineString, GEOS_MULTILINESTRING),
            (.multiPolygon, GEOS_MULTIPOLYGON), (.geometryCollection, GEOS_GEOMETRYCOLLECTION)
        ]
        for (kind, constant) in pairs {
            #expect(kind.rawValue == Int32(constant.rawValue), "\(kind)")
        }
        #expect(GeometryKind.allCases.count == pairs.count)
    }

    @Test("GeometryKind descriptions are the WKT/GeoJSON names")
    func kindNames() {
        #expect(
            GeometryKind.allCases.map(\.description) == [
                "Point", "LineString", "LinearRing", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon",
                "GeometryCollection"
            ])
    }

    @Test("GEOS reports the kind QTGeometry expects for each WKT type")
    func kindsFromGEOS() throws {
        let context = try GeometryContext()
        let cases: [(String, GeometryKind)] = [
            ("POINT (0 0)", .point), ("LINESTRING (0 0, 1 1)", .lineString), ("LINEARRING (0 0, 1 0, 1 1, 0 0)", .linearRing),
            ("POLYGON ((0 0, 1 0, 1 1, 0 0))", .polygon), ("MULTIPOINT ((0 0))", .multiPoint),
            ("MULTILINESTRING ((0 0, 1 1))", .multiLineString), ("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)))", .multiPolygon),
            ("GEOMETRYCOLLECTION (POINT (0 0))", .geometryCollection)
        ]
        for (text, kind) in cases {
            #expect(try context.read(wkt: text).kind() == kind, "\(text)")
        }
    }

    @Test("the linked GEOS is at least 3.11 (QTGeometry uses GEOSConcaveHull_r and GEOSMakeValidWithParams_r)")
    func version() throws {
        // For example "3.11.1-CAPI-1.17.1".
        let version = GeometryContext.geosVersion
        #expect(version.contains("CAPI"))
        let parts = version.split(separator: "-")[0].split(separator: ".").compactMap { Int($0) }
        let major = try #require(parts.first), minor = try #require(parts.dropFirst().first)
        #expect(major > 3 || (major == 3 && minor >= 11), "\(version)")
    }
}
