import Foundation
import QTGeometry
import QTModel
import QTProjection

/// A place proposed for a facility: what would stand there and where (WGS84 longitude/latitude).
public struct ProposedSite: Hashable, Sendable {
    /// An id (the feature's `id`, or `site-N`).
    public var id: String
    /// A name (or the id).
    public var name: String
    /// The facility type.
    public var type: String
    /// WGS84 longitude/latitude of the main entrance.
    public var location: Coordinate
    /// The size class (`sports_ground`), when given: picks the matching circle of the profile.
    public var sizeClass: String?

    /// Creates a site.
    public init(id: String, name: String? = nil, type: String, location: Coordinate, sizeClass: String? = nil) {
        self.id = id
        self.name = name ?? id
        self.type = type
        self.location = location
        self.sizeClass = sizeClass
    }

    /// The site as messages name it: its id, then its name when it has one of its own (`kg-new 规划幼儿园`).
    public var label: String { SitingText.label(id: id, name: name) }
}

/// Turns point features into proposed sites (a plan for `site-check`, candidates for `site-suggest`); reading
/// the file is the planning layer's (QTPlan's `SitePlanFile`).
public enum SitePlan {
    /// Files larger than this are refused before they are read: 16 MiB (a plan is small; the district loader's
    /// limit is for layers). At up to 28 times its size in memory, a plan at the limit adds under 0.5 GB to a
    /// district at its own limit, and the command stays under 4 GB (docs/hardening.md, "Inputs").
    public static let maximumBytes = 16 << 20

    /// Turns a position in `crs` into WGS84 longitude/latitude: GCJ-02 by qtplan's inverse, anything else by PROJ.
    /// - Throws: ``QTProjection/ProjectionError`` for a CRS PROJ does not know or a failed transformation.
    public static func toWGS84(_ positions: [Coordinate], from crs: CRS) throws -> [Coordinate] {
        switch crs {
        case .gcj02, .bd09: return positions.map(crs.offsetToWGS84)
        case .epsg(4326): return positions
        default: return try Transformer(from: crs, to: .wgs84).transform(positions)
        }
    }

    /// The point features of a file as sites. Each needs a Point geometry; its type is the feature's `type`
    /// property, or `defaultType` when the file gives none.
    /// - Parameters:
    ///   - collection: the features as read.
    ///   - path: the file, for messages.
    ///   - crs: the CRS of the positions (WGS84 when the reader already transformed them).
    ///   - defaultType: the type of features without one (`site-suggest --type`); `nil` makes `type` required.
    /// - Throws: ``SitingError/invalidSite(path:feature:detail:)`` for a feature without a point, type or finite
    ///   position, an unknown type, duplicate ids or no features (exit 65); ``QTProjection/ProjectionError``.
    public static func sites(from collection: FeatureCollection, path: String, crs: CRS, defaultType: String?) throws -> [ProposedSite] {
        guard !collection.features.isEmpty else { throw SitingError.invalidSite(path: path, feature: "", detail: "no features") }
        var sites: [ProposedSite] = [], positions: [Coordinate] = [], seen: Set<String> = []
        for (i, f) in collection.features.enumerated() {
            let id = f.properties["id"]?.stringValue ?? f.id?.stringValue ?? "site-\(i + 1)"
            let label = "feature \(i) '\(id)'"
            guard case .point(let p)? = f.geometry, let c = p.coordinate else {
                throw SitingError.invalidSite(path: path, feature: label, detail: "expected a Point geometry (the main entrance)")
            }
            guard let type = f.properties["type"]?.stringValue ?? defaultType else {
                throw SitingError.invalidSite(path: path, feature: label, detail: "no 'type' property (a facility type such as kindergarten)")
            }
            guard FacilityType(rawValue: type) != nil else {
                throw SitingError.invalidSite(
                    path: path, feature: label,
                    detail: "unknown facility type '\(type)' (known: \(FacilityType.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            if let defaultType, type != defaultType {
                throw SitingError.invalidSite(path: path, feature: label, detail: "type '\(type)' is not the requested '\(defaultType)'")
            }
            guard seen.insert(id).inserted else { throw SitingError.invalidSite(path: path, feature: label, detail: "id '\(id)' appears twice") }
            if crs == .wgs84 || crs.isChineseOffset, abs(c.x) > 180 || abs(c.y) > 90 {
                throw SitingError.invalidSite(
                    path: path, feature: label,
                    detail: "position \(c.x), \(c.y) is not longitude/latitude (give \(setting: .inputCRS) for projected coordinates)")
            }
            sites.append(
                ProposedSite(
                    id: id, name: f.properties["name"]?.stringValue, type: type, location: c,
                    sizeClass: f.properties["size_class"]?.stringValue))
            positions.append(c)
        }
        let wgs = try toWGS84(positions, from: crs)
        for i in sites.indices { sites[i].location = wgs[i] }
        return sites
    }
}
