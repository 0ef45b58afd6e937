import Foundation
import QTGeometry
import QTModel
import QTProjection

/// The POIs of one file as facilities, merged into the facilities already built (OpenStreetMap's, earlier POI
/// files'): a POI of a type with an existing facility of that type within ``POISchema/dedupeMetres`` and a
/// matching name (``NameMatch``) is that facility: it is not added, and the facility keeps both sources (the
/// POI's in `also`, with `poi_id` and `poi_name`). POIs repeated within one file merge the same way.
struct POILayer {
    let schema: POISchema
    let classifier: POIClassifier
    /// `poi:<file name>`.
    let source: String
    let accuracy: Double

    struct Output {
        var added = 0
        var merged = 0
        var beyond = 0
        var unmapped: [String: Int] = [:]
        var noService: [String: Int] = [:]
    }

    func merge(_ read: POIRead, into facilities: inout [Feature], zone: Zone) throws -> Output {
        var out = Output()
        let match = schema.nameMatch
        var grid = FacilityGrid(cell: max(schema.dedupeMetres, 1))
        for (i, f) in facilities.enumerated() { grid.insert(i, f) }
        var usedIds = Set(facilities.compactMap { $0.properties["id"]?.stringValue })
        for poi in read.records {
            let types: [FacilityType]
            let basis: String
            switch classifier.classify(poi) {
            case .unmapped(let why): out.unmapped[why, default: 0] += 1; continue
            case .noService(let why): out.noService["pois: \(why): no life-circle service", default: 0] += 1; continue
            case .types(let t, let b): (types, basis) = (t, b)
            }
            let placement = try zone.place(.point(Point(poi.position)))
            if placement == .beyond { out.beyond += 1; continue }
            let base = "poi-" + Self.idPart(poi.id ?? "row\(poi.row)")
            for type in types {
                if let name = poi.name,
                    let j = grid.nearby(
                        poi.position, within: schema.dedupeMetres, of: facilities,
                        where: {
                            $0.properties["type"]?.stringValue == type.rawValue
                                && ($0.properties["name"]?.stringValue).map { match.matches($0, name) } == true
                        })
                {
                    var p = facilities[j].properties
                    var also = p["also"]?.arrayValue ?? []
                    if !also.contains(.string(source)) { also.append(.string(source)) }
                    p["also"] = .array(also)
                    if p["poi_id"] == nil, let id = poi.id { p["poi_id"] = .string(id) }
                    if p["poi_name"] == nil, p["name"]?.stringValue != name { p["poi_name"] = .string(name) }
                    facilities[j].properties = p
                    out.merged += 1
                    continue
                }
                var id = types.count > 1 ? "\(base)-\(type.rawValue)" : base
                if usedIds.contains(id) { id += "-row\(poi.row)" }
                usedIds.insert(id)
                var p: PropertyMap = [
                    "id": .string(id), "type": .string(type.rawValue), "source": .string(source),
                    "accuracy_m": .number(accuracy), "type_basis": .string(basis)
                ]
                if let name = poi.name { p["name"] = .string(name) }
                if let pid = poi.id { p["poi_id"] = .string(pid) }
                if !poi.codes.isEmpty { p["poi_code"] = .string(poi.codes.joined(separator: "|")) }
                if let label = poi.label, label != poi.codes.joined(separator: "|") { p["poi_label"] = .string(label) }
                if type == .sportsGround { p["size_class"] = .string(classifier.osmRules.sportsGroundPointSize) }
                if placement == .outside { p["outside"] = .bool(true) }
                let c = Coordinate(x: (poi.position.x * 1e7).rounded() / 1e7, y: (poi.position.y * 1e7).rounded() / 1e7)
                facilities.append(Feature(id: p["id"], geometry: .point(Point(c)), properties: p))
                grid.insert(facilities.count - 1, facilities[facilities.count - 1])
                out.added += 1
            }
        }
        return out
    }

    /// An id fragment: letters, digits, `-` and `_` kept, anything else `_`.
    static func idPart(_ text: String) -> String {
        String(text.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
    }
}

/// Point facilities bucketed by cells of about `cell` metres, for the dedupe's neighbourhood search.
struct FacilityGrid {
    let cellDegrees: Double
    var cells: [Int64: [Int]] = [:]

    init(cell metres: Double) { cellDegrees = metres / 111_000 }

    func key(_ c: Coordinate, dx: Int64 = 0, dy: Int64 = 0) -> Int64 {
        let x = Int64((c.x / cellDegrees / max(cos(c.y * .pi / 180), 0.1)).rounded(.down)) + dx
        let y = Int64((c.y / cellDegrees).rounded(.down)) + dy
        return x &* 10_000_019 &+ y
    }

    mutating func insert(_ index: Int, _ feature: Feature) {
        guard case .point(let p)? = feature.geometry, let c = p.coordinate else { return }
        cells[key(c), default: []].append(index)
    }

    /// The nearest facility within `metres` (geodesic) satisfying `accept`.
    func nearby(_ c: Coordinate, within metres: Double, of features: [Feature], where accept: (Feature) -> Bool) -> Int? {
        var best: (Int, Double)?
        for dx in -1...1 {
            for dy in -1...1 {
                for i in cells[key(c, dx: Int64(dx), dy: Int64(dy))] ?? [] {
                    guard case .point(let p)? = features[i].geometry, let q = p.coordinate, accept(features[i]) else { continue }
                    let d = Geodesic.wgs84.distance(from: c, to: q)
                    if d <= metres, best == nil || d < best!.1 { best = (i, d) }
                }
            }
        }
        return best?.0
    }
}
