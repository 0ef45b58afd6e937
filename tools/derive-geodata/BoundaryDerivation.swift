import Foundation
import QTGeometry
import QTProjection

/// The district boundary: DataV's GCJ-02 polygon converted to WGS84 with qtplan's GCJ-02 inverse, simplified
/// in EPSG:4549 with GEOS's topology-preserving simplifier at 20 m (a derived outline, not a vertex-for-vertex
/// copy), and oriented counter-clockwise for RFC 7946.
struct BoundaryDerivation {
    let reference: ReferenceFiles
    /// The simplification tolerance in metres.
    static let toleranceMeters = 20.0
    /// The stated accuracy of the derived boundary, metres; see geodata/SOURCES.md for the reasoning.
    static let accuracyMeters = 100

    func run() throws -> FeatureCollection {
        let source = try reference.read(reference.boundaryName)
        guard source.features.count == 1, let gcj = source.features[0].geometry else {
            throw DerivationError("\(reference.boundaryName): expected one feature with a geometry")
        }
        let wgs = gcj.mapCoordinates(GCJ02.toWGS84)
        let toMetric = try Transformer(from: .wgs84, to: .cgcs2000GK120)
        let toWGS = try Transformer(from: .cgcs2000GK120, to: .wgs84)
        let context = try GeometryContext()
        let full = try context.make(try toMetric.transform(wgs))
        let simplified = try full.simplify(tolerance: Self.toleranceMeters)
        let validity = try simplified.validity()
        guard validity.isValid else { throw DerivationError("simplified boundary is invalid: \(validity.reason ?? "?")") }
        let derived = try context.orientedForGeoJSON(try toWGS.transform(try simplified.value()))

        let stray = try full.hausdorffDistance(to: simplified)
        var gcjVertices: [Coordinate] = [], wgsVertices: [Coordinate] = []
        gcj.forEachCoordinate { gcjVertices.append($0) }
        wgs.forEachCoordinate { wgsVertices.append($0) }
        let shifts = zip(gcjVertices, wgsVertices).map { Geodesic.wgs84.distance(from: $0, to: $1) }
        print(String(format: "boundary: %d vertices in the reference, %d derived (tolerance %.0f m)",
                     gcj.coordinateCount, derived.coordinateCount, Self.toleranceMeters))
        print(String(format: "boundary: farthest derived vertex from the reference outline (Hausdorff): %.1f m", stray))
        print(String(format: "boundary: GCJ-02 → WGS84 shift per vertex: %.0f–%.0f m",
                     shifts.min() ?? 0, shifts.max() ?? 0))
        print(String(format: "boundary: geodesic area %.3f km² in the reference (converted), %.3f km² derived",
                     try Geodesic.wgs84.area(of: wgs) / 1e6, try Geodesic.wgs84.area(of: derived) / 1e6))

        let properties: [String: JSONValue] = [
            "id": "330114",
            "name": "钱塘区",
            "name_en": "Qiantang District",
            "admin_code": "330114",
            "source": "reference:qiantang_330114_datav_gcj02",
            "accuracy_m": .number(Double(Self.accuracyMeters)),
            "simplify_tolerance_m": .number(Self.toleranceMeters),
        ]
        return FeatureCollection(features: [Feature(id: "330114", geometry: derived, properties: properties)])
    }
}
