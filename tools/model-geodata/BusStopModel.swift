import Foundation
import QTGeometry
import QTModel

/// Bus stops (kind `bus_stop` in the `transit` layer), modelled: no stop list was found for the district.
///
/// Rules:
/// 1. Buses run on the arterial and secondary roads of the network model, urban and rural alike (the
///    九纵十横 arterials and the roads named after metro stations); not on expressways, local streets or
///    village roads.
/// 2. Stops stand every 600 m along each road, the first half a spacing (300 m) from the start of each part
///    of the road (a road clipped by the river or the block edge has several parts; each is measured from its
///    own start, in the direction the road is drawn in NetworkModel), as long as the part lasts. 600 m is
///    inside the urban stop spacing of GB 50220-95 (城市道路交通规划设计规范, 500–800 m for urban lines); the
///    same spacing is used on rural roads (the standard allows 800–1,000 m for suburban lines), so stops in
///    the fields are, if anything, generous.
/// 3. A stop is kept only if it lies within 5 m of a final network edge of its road (a fragment the network
///    step dropped carries no buses).
/// 4. Stops are never placed by looking at metro stations or at coverage. The plan's targets (seed 001: bus
///    transfer within 50 m, and within 150 m for every eligible rail station) are what the analysis
///    measures on this layer; placing stops to meet them would make that measure circular.
/// 5. The transit layer is shared with tools/derive-geodata (metro and rail): every feature whose `kind` is
///    not `bus_stop` is kept as it is, in its order, and the stops follow in road order.
struct BusStopModel {
    static let spacingMeters = 600.0
    static let onRoadToleranceMeters = 5.0

    static func run(_ state: ModelState) throws {
        let frame = state.frame
        let context = frame.context
        guard !state.busRoads.isEmpty else { throw ModelError("bus stops need the network step") }

        // The final edges of each bus road, indexed.
        let busEdges = state.networkEdges.filter { $0.roadClass == .arterial || $0.roadClass == .secondary }
        let edgeGeometries = try busEdges.map { try context.make(.lineString(LineString($0.line))) }
        let tree = try STRtree(context: context, geometries: edgeGeometries)

        var stops: [Feature] = []
        var offRoad = 0
        var spacings: [Double] = []
        for road in state.busRoads {
            var k = 0
            for (part, line) in road.parts.enumerated() {
                let length = NetworkGraph.length(line)
                var chainage = spacingMeters / 2
                var previous: Coordinate?
                while chainage <= length {
                    let p = NetworkGraph.point(along: line, at: chainage)
                    let point = try context.makePoint(x: p.x, y: p.y)
                    let box = Envelope(minX: p.x - onRoadToleranceMeters, minY: p.y - onRoadToleranceMeters,
                                       maxX: p.x + onRoadToleranceMeters, maxY: p.y + onRoadToleranceMeters)
                    let onRoad = try tree.query(box).contains {
                        try busEdges[$0].name == road.name && edgeGeometries[$0].distance(to: point) <= onRoadToleranceMeters
                    }
                    if onRoad {
                        k += 1
                        if let previous { spacings.append(NetworkGraph.distance(previous, p)) }
                        previous = p
                        let id = String(format: "bus-%04d", stops.count + 1)
                        stops.append(Feature(id: .string(id), geometry: try frame.toWGS.transform(Geometry.point(Point(p))), properties: [
                            "id": .string(id), "kind": .string(TransitKind.busStop.rawValue),
                            "name": .string("\(road.name)站 \(k) (modelled)"),
                            "road": .string(road.name), "road_class": .string(road.roadClass.rawValue),
                            "road_part": .number(Double(part + 1)), "chainage_m": .number((chainage * 10).rounded() / 10),
                            "status": .string(Status.operating.rawValue), "source": "modelled",
                            "accuracy_m": .number(Double(road.accuracy)),
                            "rule": .string("every \(Int(spacingMeters)) m along the road part from \(Int(spacingMeters / 2)) m (GB 50220-95: 500–800 m); not placed by station or coverage"),
                        ]))
                    } else {
                        offRoad += 1
                        previous = nil
                    }
                    chainage += spacingMeters
                }
            }
        }
        let perClass = Dictionary(grouping: stops, by: { $0.properties["road_class"]?.stringValue ?? "" }).mapValues(\.count)
        print("bus stops: \(stops.count) on \(state.busRoads.count) roads (arterial \(perClass["arterial"] ?? 0), "
            + "secondary \(perClass["secondary"] ?? 0)); \(offRoad) positions skipped off the final network")
        if let lo = spacings.min(), let hi = spacings.max() {
            print(String(format: "bus stops: straight-line spacing of consecutive stops %.1f–%.1f m (rule: %.0f m along the road)",
                         lo, hi, spacingMeters))
        }

        // Merge into the transit layer.
        let path = (frame.outputDirectory as NSString).appendingPathComponent("\(LayerName.transit.rawValue).geojson")
        var kept: [Feature] = []
        if FileManager.default.fileExists(atPath: path) {
            let existing = try GeoJSONReader().read(data: try Data(contentsOf: URL(fileURLWithPath: path)))
            kept = existing.features.filter { $0.properties["kind"]?.stringValue != TransitKind.busStop.rawValue }
            print("bus stops: kept \(kept.count) transit features of other kinds from \(path)")
        } else {
            print("bus stops: no transit layer yet; writing bus stops only (the manifest must list \"transit\")")
        }
        try frame.write(kept + stops, layer: .transit)
    }
}
