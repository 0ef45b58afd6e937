import Foundation
import QTGeometry
import QTModel
import QTOSM

/// The district's boundary: polygons in WGS84 with a name, from a file or an OSM relation.
struct ResolvedBoundary {
    var geometry: Geometry
    var name: String?
    var nameEn: String?
    var source: String
    /// The file that gave it, for messages.
    var file: String
    var warnings: [BuildWarning] = []
}

enum BoundaryResolver {
    /// Reads `source`: a vector file through qtplan's loader (GeoJSON, GeoPackage, Shapefile, …), its polygons
    /// unioned; or an administrative relation of the extract, whose member ways must close into rings.
    static func resolve(_ source: BoundarySource, osm: OSMData?, osmPath: String?, context: GeometryContext) throws -> ResolvedBoundary {
        switch source {
        case .file(let path, let crs):
            let collection: FeatureCollection
            var warnings: [BuildWarning] = []
            do {
                let (read, loadWarnings) = try DistrictLoader().readFile(at: path, entry: LayerEntry(file: path, crs: crs), as: .boundary)
                collection = read
                warnings = loadWarnings.map { BuildWarning(path: $0.path, message: $0.message) }
            } catch let error as DistrictError {
                switch error {
                case .missingFile: throw BuildError.missingInput(path: path, what: "boundary file")
                case .invalidData(_, let detail): throw BuildError.invalidInput(path: path, detail: detail.description)
                case .unreadable(_, let detail): throw BuildError.invalidInput(path: path, detail: detail)
                }
            }
            let polygons = collection.features.flatMap { $0.geometry?.polygons ?? [] }
            guard !polygons.isEmpty else {
                throw BuildError.invalidInput(path: path, detail: "no Polygon or MultiPolygon: a boundary needs an area")
            }
            let native = try context.make(.multiPolygon(MultiPolygon(polygons)))
            let merged = try (try native.isValid() ? native.unaryUnion() : native.makeValid(method: .structure).unaryUnion()).value()
            let parts = merged.polygons
            guard !parts.isEmpty else { throw BuildError.invalidInput(path: path, detail: "the boundary's polygons enclose no area") }
            let first = collection.features.first?.properties
            let fileName = URL(fileURLWithPath: path).lastPathComponent
            return ResolvedBoundary(
                geometry: parts.count == 1 ? .polygon(parts[0]) : .multiPolygon(MultiPolygon(parts)),
                name: first?["name"]?.stringValue, nameEn: first?["name_en"]?.stringValue,
                source: first?["source"]?.stringValue ?? "reference:\(fileName)", file: path,
                warnings: warnings)
        case .osmRelation(let id):
            guard let osm, let osmPath else {
                throw BuildError.invalidRequest("--boundary osm:relation/\(id) needs --osm FILE, the extract holding the relation")
            }
            guard let relation = osm.relations.first(where: { $0.id == id }) else {
                throw BuildError.invalidInput(path: osmPath, detail: "no relation \(id) in the extract (--boundary osm:relation/\(id))")
            }
            let label = "relation \(id)" + (relation.tags["name"].map { " (\($0))" } ?? "")
            let assembler = AreaAssembler(data: osm, context: context)
            switch try assembler.relationArea(relation) {
            case .success(let (geometry, _)):
                var findings = AreaFindings()
                guard let valid = try assembler.valid(geometry, findings: &findings) else {
                    throw BuildError.invalidInput(path: osmPath, detail: "\(label) encloses no area")
                }
                return ResolvedBoundary(
                    geometry: valid, name: relation.tags["name"], nameEn: relation.tags["name:en"],
                    source: "osm:relation/\(id)", file: osmPath)
            case .failure(.open(let node, let at)):
                throw BuildError.invalidInput(
                    path: osmPath,
                    detail: "\(label) is not closed: its member ways leave a ring open at "
                        + "node \(node) (\(String(format: "%.7f", at.x)), \(String(format: "%.7f", at.y))); a boundary must be closed rings")
            case .failure(.missingMember(let way)):
                throw BuildError.invalidInput(
                    path: osmPath,
                    detail: "\(label) refers to way \(way), which the extract lacks "
                        + "(or one of its nodes): the boundary cannot be closed; use an extract made with complete ways")
            case .failure(.empty):
                throw BuildError.invalidInput(path: osmPath, detail: "\(label) has no member ways enclosing an area")
            }
        }
    }
}
