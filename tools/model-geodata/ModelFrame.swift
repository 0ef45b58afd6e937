import Foundation
import QTGeometry
import QTModel
import QTProjection

/// What every modelling step shares: the real boundary, in WGS84 and in EPSG:4549 metres, one GEOS context
/// and the transformers between the two CRSs. All modelling is done in metres; layers are written in WGS84.
final class ModelFrame {
    let context: GeometryContext
    let toMetric: Transformer
    let toWGS: Transformer
    /// The real district boundary (a derived reference layer), in metres.
    let boundary: NativeGeometry
    /// Where layers are written.
    let outputDirectory: String

    init(districtDirectory: String) throws {
        context = try GeometryContext()
        toMetric = try Transformer(from: .wgs84, to: .cgcs2000GK120)
        toWGS = try Transformer(from: .cgcs2000GK120, to: .wgs84)
        let (district, _) = try DistrictLoader().load(directory: districtDirectory)
        boundary = try context.make(try toMetric.transform(district.boundary))
        outputDirectory = districtDirectory
    }

    /// A longitude/latitude point in metres.
    func metric(_ lon: Double, _ lat: Double) throws -> Coordinate {
        try toMetric.transform(Coordinate(lon: lon, lat: lat))
    }

    /// A polygon given by longitude/latitude vertices (closed here), in metres.
    func metricPolygon(_ lonLat: [(Double, Double)]) throws -> NativeGeometry {
        var ring = try lonLat.map { try metric($0.0, $0.1) }
        if let first = ring.first { ring.append(first) }
        return try context.make(.polygon(Polygon(exterior: ring)))
    }

    /// The geometry in WGS84, oriented for RFC 7946.
    func wgs(_ geometry: NativeGeometry) throws -> Geometry {
        try context.orientedForGeoJSON(try toWGS.transform(try geometry.value()))
    }

    /// Geodesic area of a metric geometry, km².
    func areaKm2(_ geometry: NativeGeometry) throws -> Double {
        try Geodesic.wgs84.area(of: try toWGS.transform(try geometry.value())) / 1e6
    }

    /// Only the polygonal parts of an overlay result (overlay may add slivers of lower dimension).
    func polygonal(_ geometry: NativeGeometry) throws -> NativeGeometry {
        let value = try geometry.value()
        var polygons: [Polygon] = []
        func collect(_ g: Geometry) {
            switch g {
            case .polygon(let p): if !p.rings.isEmpty { polygons.append(p) }
            case .multiPolygon(let m): polygons.append(contentsOf: m.polygons)
            case .geometryCollection(let c): c.geometries.forEach(collect)
            default: break
            }
        }
        collect(value)
        return try context.make(polygons.count == 1 ? .polygon(polygons[0]) : .multiPolygon(MultiPolygon(polygons)))
    }

    /// Writes a layer in WGS84 with the project's GeoJSON writer.
    func write(_ features: [Feature], layer: LayerName) throws {
        let path = (outputDirectory as NSString).appendingPathComponent("\(layer.rawValue).geojson")
        try GeoJSONWriter().data(FeatureCollection(features: features)).write(to: URL(fileURLWithPath: path), options: .atomic)
        print("wrote \(path) (\(features.count) features)")
    }
}
