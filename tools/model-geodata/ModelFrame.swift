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
    /// The real district boundary (a derived reference layer), in metres. Its edges are first split in
    /// longitude/latitude to at most 0.0005° (about 50 m), so that in metres they follow the stored
    /// straight lon/lat edges to a small fraction of a millimetre: a 5 km edge projected as one straight
    /// metric segment strays 0.3 m from its lon/lat line, which would open slivers between layers.
    let boundary: NativeGeometry
    /// The boundary as densified, in longitude/latitude.
    let boundaryLonLat: Geometry
    /// Where layers are written.
    let outputDirectory: String

    init(districtDirectory: String) throws {
        context = try GeometryContext()
        toMetric = try Transformer(from: .wgs84, to: .cgcs2000GK120)
        toWGS = try Transformer(from: .cgcs2000GK120, to: .wgs84)
        let (district, _) = try DistrictLoader().load(directory: districtDirectory)
        let densified = try context.make(district.boundary).densified(maximumSegmentLength: 0.0005)
        boundaryLonLat = try densified.value().mapCoordinates {
            Coordinate(x: ($0.x * 1e7).rounded() / 1e7, y: ($0.y * 1e7).rounded() / 1e7)
        }
        boundary = try context.make(try toMetric.transform(boundaryLonLat))
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

    /// A polygonal geometry as it will be stored: coordinates rounded to 7 decimals (as GeoJSONWriter
    /// does), repeated vertices and rings that rounding collapsed removed, and, if rounding made it invalid
    /// (a thin spike crossing itself), repaired with GEOS make-valid and rounded again. Other geometries
    /// are returned unchanged.
    func cleanedForStorage(_ geometry: Geometry) throws -> Geometry {
        func polygons(_ g: Geometry) -> [Polygon]? {
            switch g {
            case .polygon(let p): [p]
            case .multiPolygon(let m): m.polygons
            default: nil
            }
        }
        guard var parts = polygons(geometry) else { return geometry }
        for _ in 0..<3 {
            parts = parts.compactMap(Self.roundedPolygon)
            let candidate: Geometry = parts.count == 1 ? .polygon(parts[0]) : .multiPolygon(MultiPolygon(parts))
            let native = try context.make(candidate)
            if try native.isValid() { return try context.orientedForGeoJSON(candidate) }
            parts = polygons(try polygonal(try native.makeValid(method: .structure)).value()) ?? []
        }
        throw ModelError("a polygon stays invalid after rounding to 7 decimals and make-valid")
    }

    private static func roundedPolygon(_ polygon: Polygon) -> Polygon? {
        var rings: [[Coordinate]] = []
        for (index, ring) in polygon.rings.enumerated() {
            var out: [Coordinate] = []
            for c in ring {
                let r = Coordinate(x: (c.x * 1e7).rounded() / 1e7, y: (c.y * 1e7).rounded() / 1e7)
                if out.last != r { out.append(r) }
            }
            if out.count < 4 {
                if index == 0 { return nil }  // the shell collapsed: drop the polygon
                continue  // a hole collapsed: drop the hole
            }
            rings.append(out)
        }
        return rings.isEmpty ? nil : Polygon(rings: rings)
    }

    /// Geodesic area of a metric geometry, km².
    func areaKm2(_ geometry: NativeGeometry) throws -> Double {
        try Geodesic.wgs84.area(of: try toWGS.transform(try geometry.value())) / 1e6
    }

    /// Only the polygonal parts of an overlay result (overlay may add slivers of lower dimension).
    func polygonal(_ geometry: NativeGeometry) throws -> NativeGeometry { try geometry.polygonalPart() }

    /// Writes a layer in WGS84 with the project's GeoJSON writer, polygons cleaned for 7 decimals.
    func write(_ features: [Feature], layer: LayerName) throws {
        let features = try features.map { feature in
            var cleanedFeature = feature
            cleanedFeature.geometry = try feature.geometry.map(cleanedForStorage)
            return cleanedFeature
        }
        let path = (outputDirectory as NSString).appendingPathComponent("\(layer.rawValue).geojson")
        try GeoJSONWriter().data(FeatureCollection(features: features)).write(to: URL(fileURLWithPath: path), options: .atomic)
        print("wrote \(path) (\(features.count) features)")
    }
}
