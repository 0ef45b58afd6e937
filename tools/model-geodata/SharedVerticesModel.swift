import Foundation
import QTGeometry
import QTModel

/// The last step: makes the layers that tile the boundary (sub-districts, land use) share their vertices
/// with each other and with the boundary, then writes the three.
///
/// Layers are modelled in EPSG:4549 but stored as WGS84 with 7 decimals. Where a vertex of one polygon sits
/// on another's edge (a T-junction) the stored edges cannot match exactly: rounding moves the vertex by up to
/// 0.5 cm, and a straight edge in metres is not quite straight in degrees (up to 0.3 m over the outline's
/// 5 km edges). Either opens slivers of several m². So:
/// 0. the boundary's edges were split to about 50 m in lon/lat before modelling (ModelFrame), so the
///    projection's bend is negligible;
/// 1. the boundary takes in those 50 m vertices and every vertex of the two layers lying on it (GEOS snap,
///    1 mm): the outline is unchanged (up to the 0.5 cm of rounding) but has more vertices; this is the
///    only change model-geodata makes to a derived layer, and `shared_vertices` on the boundary says so;
/// 2. each polygon takes in the vertices of its neighbours and of the new boundary lying on its edges
///    (GEOS snap, 1 mm), so that every common edge has the same vertices on both sides;
/// 3. writing rounds to 7 decimals; a polygon that rounding makes invalid is repaired
///    (`ModelFrame.cleanedForStorage`).
/// Run derive-geodata before model-geodata: this step expects the boundary as derived.
struct SharedVerticesModel {
    static let boundaryTolerance = 0.001
    static let neighbourTolerance = 0.001

    static func run(_ state: ModelState) throws {
        let frame = state.frame
        let layers: [(LayerName, [PendingFeature])] = [(.subdistricts, state.pendingSubdistricts), (.landuse, state.pendingParcels)]
        let outline = frame.boundary
        // 1. The boundary takes in the layers' vertices near it.
        var near: [Coordinate] = []
        let band = try PreparedGeometry(try outline.boundaryLine().buffer(boundaryTolerance))
        for (_, features) in layers {
            for feature in features {
                try feature.geometry.value().forEachCoordinate { c in
                    if try band.contains(try frame.context.makePoint(x: c.x, y: c.y)) { near.append(c) }
                }
            }
        }
        let vertices = try frame.context.make(.multiPoint(MultiPoint(near.map { Point($0) })))
        let boundary = try outline.snapped(to: vertices, tolerance: boundaryTolerance)
        print(String(format: "shared vertices: boundary %d → %d vertices; area changed by %.2f m²",
                     try outline.value().coordinateCount, try boundary.value().coordinateCount,
                     try boundary.area() - outline.area()))
        try writeBoundary(boundary, frame: frame)

        // 2–3. Each polygon takes in its neighbours' and the boundary's vertices.
        for (layer, features) in layers {
            let geometries = features.map(\.geometry)
            let tree = try STRtree(context: frame.context, geometries: geometries)
            var written: [Feature] = []
            for (i, feature) in features.enumerated() {
                var references = try tree.query(feature.geometry).filter { $0 != i }.map { geometries[$0] }
                references.append(boundary)
                let reference = try frame.context.makeCollection(.geometryCollection, of: references)
                let shape = try frame.wgs(try feature.geometry.snapped(to: reference, tolerance: neighbourTolerance))
                written.append(Feature(id: feature.properties["id"], geometry: shape, properties: feature.properties))
            }
            try frame.write(written, layer: layer)
        }
    }

    private static func writeBoundary(_ boundary: NativeGeometry, frame: ModelFrame) throws {
        let path = (frame.outputDirectory as NSString).appendingPathComponent("boundary.geojson")
        guard let data = FileManager.default.contents(atPath: path),
              var feature = try GeoJSONReader().read(data: data).features.first else {
            throw ModelError("\(path): the derived boundary is missing; run derive-geodata first")
        }
        feature.geometry = try frame.wgs(boundary)
        feature.properties["shared_vertices"] = .string(
            "edges split to about 50 m and the vertices where sub-district and land-use edges meet the outline inserted by model-geodata; the outline is unchanged")
        try frame.write([feature], layer: .boundary)
    }
}

/// A polygon feature waiting for the shared-vertices step: its geometry in metres and its properties.
struct PendingFeature {
    let geometry: NativeGeometry
    let properties: [String: JSONValue]
}
