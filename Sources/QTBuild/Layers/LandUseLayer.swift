import QTGeometry
import QTModel
import QTOSM
import QTProjection

/// The land-use layer from OSM areas through ``OSMLandUseRules``: where areas overlap, the smaller wins (each
/// area loses what any smaller area it meets covers, so parcels never overlap); everything is clipped to the
/// boundary; land OSM leaves blank stays uncovered (the manifest says `landuse_tiles_boundary: false`).
struct LandUseLayer {
    let rules: OSMLandUseRules
    let accuracy: Double

    struct Output {
        var features: [Feature] = []
        var unmapped: [String: Int] = [:]
        var coveredM2 = 0.0
        /// The residential areas as found in OSM (before cutting), for residential buildings.
        var residential: [NativeGeometry] = []
    }

    func build(areas: [OSMArea], zone: Zone) throws -> Output {
        var out = Output()
        let context = zone.context
        var items: [(area: OSMArea, cls: LandUseClass, tag: String, m2: Double, native: NativeGeometry)] = []
        for area in areas {
            guard let (cls, tag) = rules.landUse(area.tags) else {
                for key in ["landuse", "natural"] {
                    if let value = area.tags[key] { out.unmapped["landuse: \(key)=\(value)", default: 0] += 1; break }
                }
                continue
            }
            let native = try context.make(area.geometry)
            if cls == .residential { out.residential.append(native) }
            items.append((area, cls, tag, try Geodesic.wgs84.area(of: area.geometry), native))
        }
        // Smallest first; equal areas by source, so that the order never depends on the file's.
        items.sort { ($0.m2, $0.area.kind.rawValue, $0.area.id) < ($1.m2, $1.area.kind.rawValue, $1.area.id) }
        guard !items.isEmpty else { return out }
        let tree = try STRtree(context: context, geometries: items.map(\.native))
        for (i, item) in items.enumerated() {
            var piece = item.native
            let smaller = try tree.query(item.native).filter { $0 < i }.sorted()
            if !smaller.isEmpty {
                let prepared = try PreparedGeometry(item.native)
                var cutters: [NativeGeometry] = []
                for j in smaller where try prepared.intersects(items[j].native) { cutters.append(items[j].native) }
                if !cutters.isEmpty { piece = try piece.difference(try context.union(of: cutters)) }
            }
            guard let clipped = try zone.clip(piece) else { continue }
            let m2 = try Geodesic.wgs84.area(of: clipped)
            guard m2 > 0 else { continue }
            out.coveredM2 += m2
            var p: PropertyMap = [
                "id": .string("lu-\(item.area.shortId)"),
                "class": .string(item.cls.rawValue),
                "code": .string(item.cls.nationalCode),
                "source": .string(item.area.source),
                "accuracy_m": .number(accuracy),
                "osm_tag": .string(item.tag),
                "area_m2": .number(NetworkLayer.rounded(m2, 10))
            ]
            if let name = item.area.tags["name"] { p["name"] = .string(name) }
            out.features.append(Feature(id: p["id"], geometry: clipped, properties: p))
        }
        // In the order of the file, not of size, for readable diffs.
        out.features.sort { ($0.properties["id"]?.stringValue ?? "") < ($1.properties["id"]?.stringValue ?? "") }
        return out
    }
}
