import QTGeometry
import QTOSM
import QTProjection

/// A place an OSM element stands for: a tagged node's point, or an area's entrance or point on surface.
struct OSMPlace {
    /// `node`, `way` or `relation`.
    var kind: OSMElementKind
    /// Its id.
    var id: Int64
    /// Its tags.
    var tags: [String: String]
    /// Its point (WGS84).
    var point: Coordinate
    /// The area, for elements drawn as areas.
    var area: OSMArea?
    /// The geodesic area, m², for areas.
    var areaM2: Double?
    /// How the point was chosen: `node`, `entrance osm:node/ID` or `point on surface`.
    var pointRule: String

    /// `osm:node/ID`, `osm:way/ID`, `osm:relation/ID`.
    var source: String { "osm:\(kind.rawValue)/\(id)" }
    /// `osm-n40`, `osm-w130`, `osm-r940`.
    var featureId: String { "osm-\(kind == .node ? "n" : kind == .way ? "w" : "r")\(id)" }
}

/// Turns tagged nodes and areas into places: an area's point is a tagged entrance on its outline (a preferred
/// value such as `entrance=main` first, then the lowest node id), else GEOS's point on surface.
struct PlaceFinder {
    let data: OSMData
    let context: GeometryContext
    let entranceKey: String
    let preferred: [String]
    /// Entrance nodes by id.
    let entrances: [Int64: OSMTaggedNode]
    /// Ways by id.
    let wayIndex: [Int64: Int]

    init(data: OSMData, context: GeometryContext, entranceKey: String, preferred: [String], wayIndex: [Int64: Int]) {
        self.wayIndex = wayIndex
        self.data = data
        self.context = context
        self.entranceKey = entranceKey
        self.preferred = preferred
        var entrances: [Int64: OSMTaggedNode] = [:]
        for node in data.taggedNodes where node.tags[entranceKey] != nil { entrances[node.id] = node }
        self.entrances = entrances
    }

    func place(_ node: OSMTaggedNode) -> OSMPlace {
        OSMPlace(
            kind: .node, id: node.id, tags: node.tags, point: Coordinate(x: node.lon, y: node.lat), area: nil,
            areaM2: nil, pointRule: "node")
    }

    func place(_ area: OSMArea) throws -> OSMPlace {
        let m2 = try Geodesic.wgs84.area(of: area.geometry)
        let candidates = Set(area.outline).compactMap { entrances[$0] }
        let best = candidates.min { a, b in
            let ra = preferred.firstIndex(of: a.tags[entranceKey] ?? "") ?? preferred.count
            let rb = preferred.firstIndex(of: b.tags[entranceKey] ?? "") ?? preferred.count
            return (ra, a.id) < (rb, b.id)
        }
        if let best {
            return OSMPlace(
                kind: area.kind, id: area.id, tags: area.tags, point: Coordinate(x: best.lon, y: best.lat),
                area: area, areaM2: m2, pointRule: "entrance osm:node/\(best.id)")
        }
        let point = try context.make(area.geometry).pointOnSurface().value()
        var c = Coordinate(x: 0, y: 0)
        if case .point(let p) = point, let at = p.coordinate { c = at }
        return OSMPlace(
            kind: area.kind, id: area.id, tags: area.tags, point: c, area: area, areaM2: m2,
            pointRule: "point on surface")
    }

    /// The entrances on an area's outline as `[lon, lat]` pairs, by node id.
    func entrancePositions(_ area: OSMArea) -> [JSONValue] {
        Set(area.outline).compactMap { entrances[$0] }.sorted { $0.id < $1.id }
            .map { .array([.number($0.lon), .number($0.lat)]) }
    }
}
