import Foundation
import QTGeometry
import QTModel

/// One dimension land use can be grouped by.
public enum LandUseDimension: String, CaseIterable, Sendable {
    /// The parcel's land-use class.
    case landClass = "class"
    /// The sub-district (街道) the parcel, or the piece of it, lies in.
    case subdistrict
    /// The industrial platform or planning area the piece lies in (parks may overlap, and most land lies
    /// in none).
    case industrialPark = "industrial_park"

    /// The layer whose polygons cut parcels for this dimension, if any.
    public var zoneLayer: LayerName? {
        switch self {
        case .landClass: nil
        case .subdistrict: .subdistricts
        case .industrialPark: .industrialParks
        }
    }
}

/// How land use is grouped: by class, by a zone layer (sub-districts or industrial parks), or by both.
public struct LandUseGrouping: Hashable, Sendable, CustomStringConvertible {
    /// Whether rows are split by class.
    public var byClass: Bool
    /// The zone layer rows are split by, if any.
    public var zone: LandUseDimension?

    /// Creates a grouping; `zone` must be `.subdistrict` or `.industrialPark` (or `nil`).
    public init(byClass: Bool, zone: LandUseDimension?) {
        self.byClass = byClass
        self.zone = zone == .landClass ? nil : zone
    }

    /// Parses `class`, `subdistrict`, `class,subdistrict`, `industrial_park`, `class,industrial_park`.
    /// - Returns: `nil` for anything else (an unknown name, a repeat, or two zone layers at once).
    public init?(parsing text: String) {
        var byClass = false
        var zone: LandUseDimension?
        let names = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard !names.isEmpty else { return nil }
        for name in names {
            guard let dimension = LandUseDimension(rawValue: name) else { return nil }
            if dimension == .landClass {
                if byClass { return nil }
                byClass = true
            } else {
                if zone != nil { return nil }
                zone = dimension
            }
        }
        self.init(byClass: byClass, zone: zone)
    }

    /// The grouping as written on the command line: `class,subdistrict`.
    public var description: String {
        ([byClass ? "class" : nil, zone?.rawValue].compactMap { $0 }).joined(separator: ",")
    }
}

/// How areas are measured.
public enum AreaMethod: String, CaseIterable, Sendable {
    /// On the WGS84 ellipsoid (Karney's geodesic polygon area).
    case geodesic
    /// Planar, in the manifest's metric CRS (EPSG:4549 for Qiantang).
    case planar
}

/// A unit of area.
public enum AreaUnit: String, CaseIterable, Sendable {
    /// Square kilometres.
    case km2
    /// Hectares (10,000 m²).
    case ha
    /// Mu (亩): 10,000/15 m².
    case mu

    /// Square metres in one unit.
    public var squareMetres: Double {
        switch self {
        case .km2: 1_000_000
        case .ha: 10_000
        case .mu: QTAnalysis.squareMetresPerMu
        }
    }

    /// The unit's symbol for people: `km²`, `ha`, `亩`.
    public var symbol: String {
        switch self {
        case .km2: "km²"
        case .ha: "ha"
        case .mu: "亩"
        }
    }

    /// `m2` square metres in this unit.
    public func value(_ m2: Double) -> Double { m2 / squareMetres }
}

/// A zone (a sub-district or an industrial park) as rows name it.
public struct LandUseZone: Hashable, Sendable {
    /// The feature's `id`.
    public var id: String
    /// The feature's `name` (Chinese), if any.
    public var name: String?
    /// The feature's `name_en`, if any.
    public var nameEn: String?

    /// Creates a zone.
    public init(id: String, name: String? = nil, nameEn: String? = nil) {
        self.id = id
        self.name = name
        self.nameEn = nameEn
    }
}

/// One row of the land-use table: a class, a zone, or both, and the area in m².
public struct LandUseRow: Hashable, Sendable {
    /// The class, when rows are split by class.
    public var landClass: LandUseClass?
    /// The zone, when rows are split by a zone layer; `nil` there means outside every zone.
    public var zone: LandUseZone?
    /// Whether this row is the land outside every zone (only when rows are split by a zone layer).
    public var isOutside: Bool
    /// The area in m² (by the report's method).
    public var area: Double
    /// The row's share of its group: of the zone's parcel area when split by class and zone, else of the
    /// total parcel area. 0 when the group is empty.
    public var share: Double

    /// Creates a row.
    public init(landClass: LandUseClass?, zone: LandUseZone?, isOutside: Bool = false, area: Double, share: Double) {
        self.landClass = landClass
        self.zone = zone
        self.isOutside = isOutside
        self.area = area
        self.share = share
    }
}

/// The figures the plan's seeds state, computed from class totals.
public struct LandUseDerived: Hashable, Sendable {
    /// Urban construction land (城镇建设用地, ``LandUseClass/isUrbanConstruction``), m²: the seeds' built-up area.
    public var urbanConstructionArea: Double
    /// Cropland (耕地, class 01), m².
    public var croplandArea: Double
    /// Park green space (绿地与开敞空间用地, class 14), m².
    public var greenSpaceArea: Double

    /// Cropland in mu (亩).
    public var croplandMu: Double { croplandArea / QTAnalysis.squareMetresPerMu }
    /// Green space as a share of urban construction land (0 when there is none).
    public var greenSpaceShare: Double { urbanConstructionArea > 0 ? greenSpaceArea / urbanConstructionArea : 0 }

    /// Creates the figures from areas in m².
    public init(urbanConstructionArea: Double, croplandArea: Double, greenSpaceArea: Double) {
        self.urbanConstructionArea = urbanConstructionArea
        self.croplandArea = croplandArea
        self.greenSpaceArea = greenSpaceArea
    }
}

/// Land use of a district: rows by the grouping, and the reconciliation of the parcels with the boundary
/// and the official area. Areas are in m², by ``method``.
public struct LandUseReport: Sendable {
    /// The grouping of ``rows``.
    public var grouping: LandUseGrouping
    /// How areas were measured.
    public var method: AreaMethod
    /// The metric CRS of the overlays (and of planar areas).
    public var metricCRS: String
    /// The rows, zones in layer order (outside last), classes in vocabulary order; rows of area 0 are left out.
    public var rows: [LandUseRow]
    /// The area of each class present, m².
    public var classTotals: [LandUseClass: Double]
    /// Number of parcels.
    public var parcelCount: Int
    /// Parcels a zone boundary crosses, which were cut (0 without a zone layer).
    public var cutParcelCount: Int
    /// The total area of the parcels, m² (overlaps counted twice).
    public var total: Double
    /// The boundary's area, m².
    public var boundaryArea: Double
    /// The official area from the manifest, m².
    public var officialArea: Double
    /// Land inside the boundary that no parcel covers, m².
    public var gapArea: Double
    /// Land two or more parcels cover, m² (counted once per extra parcel).
    public var overlapArea: Double
    /// Parcel area outside the boundary, m².
    public var outsideBoundaryArea: Double
    /// Parcel area outside every zone of the zone layer, m² (0 without a zone layer).
    public var outsideZonesArea: Double
    /// The gap, overlap and outside-the-boundary pieces in WGS84, with `kind`, `area_m2` and, for overlaps,
    /// `features` (the two parcel ids).
    public var pieces: [Feature]
    /// Built-up area, cropland and green space.
    public var derived: LandUseDerived
    /// How many landuse features come from each kind of source: `reference`, `seed`, `modelled`, `unstated`.
    public var sources: [String: Int]
    /// The parcels, zones and boundary parts that were invalid and were repaired with make-valid before
    /// measuring, by layer (``LayerName`` order) and index. Empty when every geometry was valid.
    public var repairs: [GeometryRepair] = []

    /// Whether any parcel is modelled: results on it must say so.
    public var isModelled: Bool { (sources["modelled"] ?? 0) > 0 }

    /// What the parcels should add up to: the boundary, less the gaps, plus the overlaps and what lies
    /// outside the boundary.
    public var reconciledTotal: Double { boundaryArea - gapArea + overlapArea + outsideBoundaryArea }
}

/// A feature an analysis found invalid and repaired with GEOS's make-valid (keeping its polygonal part)
/// before using it: the analysis goes on, and says so.
public struct GeometryRepair: Hashable, Sendable, CustomStringConvertible {
    /// The feature's layer.
    public var layer: LayerName
    /// The feature's index in its layer.
    public var index: Int
    /// The feature's `id`, when it has one.
    public var id: String?
    /// GEOS's reason for the invalidity (`GEOSisValidDetail_r`), such as `Self-intersection`.
    public var reason: String

    /// Creates a repair record.
    public init(layer: LayerName, index: Int, id: String?, reason: String) {
        self.layer = layer
        self.index = index
        self.id = id
        self.reason = reason
    }

    /// `feature 3 'p1': invalid Polygon (Self-intersection), repaired with make-valid …`, without the layer
    /// (the caller names its file).
    public var description: String {
        "feature \(index)\(id.map { " '\($0)'" } ?? ""): invalid geometry (\(reason)), repaired with make-valid "
            + "(its polygonal part) for this computation; the file is unchanged (qtplan validate reports it)"
    }
}

/// Why land use could not be computed.
public enum LandUseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A layer the grouping needs is absent.
    case missingLayer(LayerName)
    /// A parcel or zone that cannot be used: its layer, index, id and what is wrong.
    case invalidFeature(layer: LayerName, index: Int, id: String?, detail: String)

    public var description: String {
        switch self {
        case .missingLayer(let layer):
            "the district has no '\(layer.rawValue)' layer, which this needs"
        case .invalidFeature(let layer, let index, let id, let detail):
            "\(layer.rawValue): feature \(index)\(id.map { " '\($0)'" } ?? ""): \(detail)"
        }
    }
}
