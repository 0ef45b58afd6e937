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
    /// Per layer, how many features come from each kind of source: `reference`, `seed`, `modelled`, `osm`, the
    /// planner's files by their full source (`poi:amap.csv`, `parcels:FILE`, `census:FILE`, `raster:FILE`), or
    /// `unstated` for features without a `source` of those forms.
    public var layerSources: [LayerName: [String: Int]]
    /// The sub-districts' land areas in layer order, or `nil` without a subdistricts layer.
    public var subdistrictAreas: [SubdistrictArea]?
    /// Why the metric CRS is what it is, for a folder `qtplan district build` wrote (its `build` record).
    public var metricCRSBasis: String?
    /// The attribution the data asks for (OpenStreetMap's ODbL), from the `build` record.
    public var attribution: String?
    /// Per layer, the features marked `outside: true` (kept outside the boundary within a build's margin).
    public var outsideCounts: [LayerName: Int]

    /// Whether any feature of `layer` is modelled rather than real; results built on it must say so.
    public func isModelled(_ layer: LayerName) -> Bool {
        (layerSources[layer] ?? [:]).contains { ($0.key == "modelled" || $0.key.hasSuffix(" (modelled)")) && $0.value > 0 }
    }

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
        metricCRSBasis = manifest.build?.metricCRSBasis
        attribution = manifest.build?.attribution
        outsideCounts = district.layers.mapValues { $0.features.filter { $0.properties["outside"]?.boolValue == true }.count }
            .filter { $0.value > 0 }
        layerSources = district.layers.mapValues { collection in
            var counts: [String: Int] = [:]
            for feature in collection.features {
                let source = feature.properties["source"]?.stringValue ?? ""
                let kind = source.isEmpty ? "unstated" : ProvenanceCheck.kind(source) ?? "unstated"
                // The planner's own files are named: `poi:amap.csv`, `parcels:plan.shp`.
                // A planner's figure spread by a rule (a census over buildings) says so: `census:t.csv (modelled)`.
                let spread = feature.properties["modelled"]?.boolValue == true ? " (modelled)" : ""
                counts[FeatureSource.namesFile(kind) ? source + spread : kind, default: 0] += 1
            }
            return counts
        }
        if district.layers[.subdistricts] != nil {
            subdistrictAreas = try district.features(.subdistricts).map { feature in
                SubdistrictArea(
                    id: feature.properties["id"]?.stringValue ?? feature.id?.stringValue,
                    name: feature.properties["name"]?.stringValue,
                    nameEn: feature.properties["name_en"]?.stringValue,
                    areaKm2: try feature.geometry.map { try Geodesic.wgs84.area(of: $0) / 1e6 } ?? 0)
            }
        }
        let boundary = district.boundary
        geodesicAreaKm2 = try Geodesic.wgs84.area(of: boundary) / 1e6
        let projected = try Transformer(from: .wgs84, to: try CRS(parsing: manifest.metricCRS)).transform(boundary)
        planarAreaKm2 = try GeometryContext().make(projected).area() / 1e6
    }
}

/// A sub-district's land area: the geodesic (WGS84) area of its polygons.
public struct SubdistrictArea: Hashable, Sendable {
    /// The sub-district's id.
    public var id: String?
    /// Its Chinese name.
    public var name: String?
    /// Its English name.
    public var nameEn: String?
    /// Geodesic area, km².
    public var areaKm2: Double

    /// Creates an entry.
    public init(id: String?, name: String?, nameEn: String?, areaKm2: Double) {
        self.id = id
        self.name = name
        self.nameEn = nameEn
        self.areaKm2 = areaKm2
    }
}
