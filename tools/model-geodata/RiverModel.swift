import QTGeometry

/// The Qiantang River water inside the district, modelled.
///
/// No public water polygon exists for the district (see `../shared/reference/README.md`), so the river is
/// modelled from the real boundary and known geography:
/// - the boundary with Xiaoshan south of the Xiasha block and with Haining north of the Jiangdong block runs
///   along the river, so a band inside those boundary stretches is water: 900 m along Xiasha's south bank
///   (the river is about 1.8 km wide there), 1,500 m along Jiangdong's north and east edges (the estuary
///   widens towards Hangzhou Bay);
/// - the neck between the two blocks is the river itself (the Metro Line 8 tunnel crosses it, 工商大学云滨 ↔
///   桥头堡), so it is water from bank to bank;
/// - the north-west edge of the Jiangdong block and the north-east edge of the Xiasha block face the notch
///   outside the district and are taken to be banks, so no water is added there.
/// The result is checked against the official 95.7 km² of river water less the ~9 km² by which the DataV
/// outline falls short of the official area (the shortfall is taken to be water).
struct RiverModel {
    /// A stretch of the boundary that runs along the river, with the width of water inside it.
    struct Reach {
        let name: String
        let minLon: Double, maxLon: Double, minLat: Double, maxLat: Double
        let widthMeters: Double
    }

    static let reaches = [
        Reach(name: "Xiasha south bank", minLon: 120.289, maxLon: 120.396, minLat: 30.25, maxLat: 30.2925, widthMeters: 900),
        Reach(name: "Jiangdong north edge", minLon: 120.43, maxLon: 120.70, minLat: 30.374, maxLat: 30.40, widthMeters: 1500),
        Reach(name: "Jiangdong east edge", minLon: 120.695, maxLon: 120.72, minLat: 30.29, maxLat: 30.385, widthMeters: 1500),
    ]

    /// The neck between the blocks, bank to bank (longitude/latitude; clipped by the boundary).
    static let neck: [(Double, Double)] = [
        (120.394, 30.28), (120.437, 30.28), (120.437, 30.312), (120.416, 30.338), (120.394, 30.33),
    ]

    /// Models the water and the land (boundary minus water) into the state.
    static func run(_ state: ModelState) throws {
        let frame = state.frame
        let water = try Self.water(frame, boundaryLonLat: try frame.wgs(frame.boundary))
        state.water = water
        state.land = try frame.polygonal(try frame.boundary.difference(water))
        print(String(format: "river: %.1f km² of water inside the boundary, %.1f km² of land",
                     try frame.areaKm2(water), try frame.areaKm2(state.land ?? water)))
    }

    /// The water polygon, in metres.
    static func water(_ frame: ModelFrame, boundaryLonLat: Geometry) throws -> NativeGeometry {
        guard case .polygon(let outline)? = Self.outline(boundaryLonLat), let ring = outline.exterior else {
            throw ModelError("the boundary must be one polygon to model the river")
        }
        var bands: [NativeGeometry] = [try frame.metricPolygon(neck)]
        for (a, b) in zip(ring, ring.dropFirst()) {
            let mid = Coordinate(x: (a.x + b.x) / 2, y: (a.y + b.y) / 2)
            guard let reach = reaches.first(where: {
                mid.x >= $0.minLon && mid.x <= $0.maxLon && mid.y >= $0.minLat && mid.y <= $0.maxLat
            }) else { continue }
            let segment = try frame.context.make(.lineString(LineString([
                try frame.metric(a.x, a.y), try frame.metric(b.x, b.y),
            ])))
            bands.append(try segment.buffer(reach.widthMeters, style: BufferStyle(quadrantSegments: 4)))
        }
        return try frame.polygonal(try frame.context.union(taking: &bands).intersection(frame.boundary))
    }

    private static func outline(_ g: Geometry) -> Geometry? {
        switch g {
        case .polygon: g
        case .multiPolygon(let m) where m.polygons.count == 1: .polygon(m.polygons[0])
        default: nil
        }
    }
}

/// A modelling failure, with its reason.
struct ModelError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
