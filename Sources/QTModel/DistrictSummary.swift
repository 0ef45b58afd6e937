import QTGeometry
import QTProjection

/// The headline figures of a district: its names, the official area beside the boundary polygon's measured
/// areas (never one fudged into the other), residents and a feature count per layer.
public struct DistrictSummary: Hashable, Sendable {
    /// Chinese name.
    public var name: String
    /// English name.
    public var nameEn: String
    /// The official area, km², from the manifest.
    public var officialAreaKm2: Double
    /// The boundary's geodesic area on the WGS84 ellipsoid, km².
    public var geodesicAreaKm2: Double
    /// The boundary's planar area in the manifest's metric CRS, km².
    public var planarAreaKm2: Double
    /// The metric CRS used for the planar area.
    public var metricCRS: String
    /// Residents, from the manifest.
    public var residents: Int
    /// Feature count per layer present.
    public var layerCounts: [LayerName: Int]

    /// How far the geodesic area falls below (negative) or above the official figure, in percent.
    public var areaDifferencePercent: Double { (geodesicAreaKm2 - officialAreaKm2) / officialAreaKm2 * 100 }

    /// Measures a loaded district.
    /// - Throws: ``ProjectionError`` if the metric CRS is unknown, ``GeometryError`` if the boundary cannot be
    ///   measured in it.
    public init(_ district: District) throws {
        let manifest = district.manifest
        name = manifest.name
        nameEn = manifest.nameEn
        officialAreaKm2 = manifest.officialAreaKm2
        metricCRS = manifest.metricCRS
        residents = manifest.residents
        layerCounts = district.layers.mapValues(\.features.count)
        let boundary = district.boundary
        geodesicAreaKm2 = try Geodesic.wgs84.area(of: boundary) / 1e6
        let projected = try Transformer(from: .wgs84, to: try CRS(parsing: manifest.metricCRS)).transform(boundary)
        planarAreaKm2 = try GeometryContext().make(projected).area() / 1e6
    }
}
