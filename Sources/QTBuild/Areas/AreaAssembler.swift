import QTGeometry
import QTOSM

/// An OSM area: a closed way or a multipolygon relation, as polygons in WGS84.
struct OSMArea {
    /// `way` or `relation`.
    var kind: OSMElementKind
    /// Its id.
    var id: Int64
    /// Its kept tags (a relation's own).
    var tags: [String: String]
    /// Its polygons (a Polygon or MultiPolygon), valid in GEOS's sense.
    var geometry: Geometry
    /// The node ids of its outline, for entrances.
    var outline: [Int64]

    /// `osm:way/ID` or `osm:relation/ID`.
    var source: String { "osm:\(kind.rawValue)/\(id)" }
    /// `w123` or `r456`, for feature ids.
    var shortId: String { "\(kind == .way ? "w" : "r")\(id)" }
}

/// What assembling areas found wrong.
struct AreaFindings {
    /// Areas that GEOS found invalid and made valid.
    var repaired = 0
    /// Closed ways skipped because they refer to nodes the extract lacks.
    var missingNodeWays: [Int64] = []
    /// Multipolygon relations skipped: members missing from the extract, or rings that do not close.
    var incompleteRelations: [Int64] = []
}

/// Makes polygons of closed ways and multipolygon relations with GEOS: a closed way's ring is a polygon;
/// a relation's member ways are noded and their areas built by even-odd nesting (`GEOSBuildArea`), so outer
/// and inner rings split across several ways come out right. Invalid results are made valid
/// (`GEOSMakeValid`, structure method) and counted.
struct AreaAssembler {
    let data: OSMData
    let context: GeometryContext
    /// Ways by id, for relation members.
    let wayIndex: [Int64: Int]

    init(data: OSMData, context: GeometryContext) {
        self.data = data
        self.context = context
        var index: [Int64: Int] = [:]
        index.reserveCapacity(data.ways.count)
        for (i, way) in data.ways.enumerated() { index[way.id] = i }
        wayIndex = index
    }

    /// The areas whose tags `wanted` accepts: closed ways, then multipolygon relations, in file order.
    func areas(_ wanted: ([String: String]) -> Bool, findings: inout AreaFindings) throws -> [OSMArea] {
        var out: [OSMArea] = []
        for way in data.ways where way.isClosed && wanted(way.tags) {
            guard let ring = coordinates(way.refs) else { findings.missingNodeWays.append(way.id); continue }
            let polygon = Geometry.polygon(Polygon(exterior: ring))
            guard let geometry = try valid(polygon, findings: &findings) else { continue }
            out.append(OSMArea(kind: .way, id: way.id, tags: way.tags, geometry: geometry, outline: way.refs))
        }
        for relation in data.relations where relation.tags["type"] == "multipolygon" && wanted(relation.tags) {
            switch try relationArea(relation) {
            case .success(let (geometry, outline)):
                guard let geometry = try valid(geometry, findings: &findings) else { continue }
                out.append(OSMArea(kind: .relation, id: relation.id, tags: relation.tags, geometry: geometry, outline: outline))
            case .failure:
                findings.incompleteRelations.append(relation.id)
            }
        }
        return out
    }

    /// Why a relation makes no area.
    enum RelationProblem: Error {
        /// A member way the extract lacks, or a node of one.
        case missingMember(Int64)
        /// The ring is open at this node (an odd number of member-way ends meet there).
        case open(node: Int64, at: Coordinate)
        /// The members enclose no area.
        case empty
    }

    /// The polygons of a relation's way members (any role), or why there are none.
    func relationArea(_ relation: OSMRelation) throws -> Result<(Geometry, [Int64]), RelationProblem> {
        var lines: [LineString] = []
        var ends: [Int64: Int] = [:]
        var outline: [Int64] = []
        for member in relation.members where member.kind == .way {
            guard let index = wayIndex[member.ref] else { return .failure(.missingMember(member.ref)) }
            let way = data.ways[index]
            guard let line = coordinates(way.refs), line.count >= 2 else { return .failure(.missingMember(member.ref)) }
            lines.append(LineString(line))
            outline += way.refs
            if let first = way.refs.first, let last = way.refs.last, first != last {
                ends[first, default: 0] += 1
                ends[last, default: 0] += 1
            }
        }
        if let open = ends.filter({ $0.value % 2 == 1 }).keys.min() {
            let p = data.nodes.position(of: open).map { Coordinate(x: $0.lon, y: $0.lat) } ?? Coordinate(x: 0, y: 0)
            return .failure(.open(node: open, at: p))
        }
        guard !lines.isEmpty else { return .failure(.empty) }
        let noded = try context.make(.multiLineString(MultiLineString(lines))).unaryUnion()
        let area = try noded.buildArea().value()
        let polygons = area.polygons
        guard !polygons.isEmpty else { return .failure(.empty) }
        return .success((polygons.count == 1 ? .polygon(polygons[0]) : .multiPolygon(MultiPolygon(polygons)), outline))
    }

    /// The positions of `refs`, or `nil` when the extract lacks one.
    func coordinates(_ refs: [Int64]) -> [Coordinate]? {
        var out: [Coordinate] = []
        out.reserveCapacity(refs.count)
        for ref in refs {
            guard let p = data.nodes.position(of: ref) else { return nil }
            out.append(Coordinate(x: p.lon, y: p.lat))
        }
        return out
    }

    /// The geometry, made valid when GEOS finds it invalid; `nil` when nothing polygonal remains.
    func valid(_ geometry: Geometry, findings: inout AreaFindings) throws -> Geometry? {
        let native = try context.make(geometry)
        if try native.isValid() { return geometry }
        findings.repaired += 1
        let polygons = try native.makeValid(method: .structure).value().polygons
        guard !polygons.isEmpty else { return nil }
        return polygons.count == 1 ? .polygon(polygons[0]) : .multiPolygon(MultiPolygon(polygons))
    }
}
