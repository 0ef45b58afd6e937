import QTGeometry
import QTModel
import QTProjection

/// The geometry behind coverage figures: service areas (per facility or dissolved) and gaps (the residents
/// a service does not reach, as their population polygons). Each call makes its own GEOS context and PROJ
/// transformer, so calls can run in parallel tasks.
public enum ServiceAreas {
    /// The service areas of `service` as WGS84 features: one per facility, or one dissolved area (two when
    /// rural residents have their own threshold), each with its planar area and, as numbers, the residents within
    /// its threshold (`residents`) and the service's target group among them (`target_residents`; `null` when the
    /// population layer lacks the group's band); `applies_to` says whose threshold the area is (`all`, or
    /// `urban` and `rural`), `target_group` names the group. A dissolved area's `residents` is the result's
    /// covered count (of the residents it applies to).
    ///
    /// Radius mode: circles of the service's distance around each facility (GEOS buffers, 32 segments a
    /// quarter), dissolved by a cascaded union. Network modes: the streets reachable within the threshold,
    /// partial edges included, buffered by the access distance, on a travel-time grid of
    /// ``CoverageOptions/cellSize`` (see ``TravelTimeField``), dissolved by GEOS coverage union.
    public static func areas(_ service: CoverageService, in inputs: CoverageInputs, dissolve: Bool) throws -> [Feature] {
        let context = try GeometryContext()
        let toWGS = try Transformer(from: inputs.metricCRS, to: .wgs84)
        let supply = inputs.supplies[service.supply] ?? SupplySet(ids: [], names: [], xs: [], ys: [])
        var thresholds: [(String, Double, Double)] = [("all", service.minutes, service.distance)]
        if let rural = service.minutesRural, rural != service.minutes {
            thresholds = [
                ("urban", service.minutes, service.distance),
                ("rural", rural, service.distanceRural ?? service.distance)
            ]
        }
        var features: [Feature] = []
        let demand = inputs.demand
        let groups: [[Int]] = dissolve ? [Array(0..<supply.count)] : (0..<supply.count).map { [$0] }
        for group in groups where !group.isEmpty {
            for (residents, minutes, distance) in thresholds {
                let area: NativeGeometry
                var cell: Double? // the grid's cell, when the area comes from one
                // Whether demand point i is one of the residents this area is drawn for (urban, rural or all).
                let applies = { (i: Int) in residents == "all" || demand.urban[i] == (residents == "urban") }
                var reached = [Bool](repeating: false, count: demand.count) // the residents within this area's threshold
                switch service.mode {
                case .radius:
                    var circles = try group.map {
                        try context.makePoint(x: supply.xs[$0], y: supply.ys[$0]).buffer(distance, style: BufferStyle(quadrantSegments: 32))
                    }
                    area = circles.count == 1 ? circles[0] : try context.union(taking: &circles)
                    let grid = PointGrid(xs: group.map { supply.xs[$0] }, ys: group.map { supply.ys[$0] }, cell: max(distance, 1))
                    for i in 0..<demand.count where applies(i) {
                        reached[i] = grid.nearest(within: distance, ofX: demand.xs[i], y: demand.ys[i]) != nil
                    }
                case .walk, .drive:
                    guard let network = inputs.networks[service.mode] else {
                        throw CoverageError.invalidRequest("\(service.label): the \(service.mode.rawValue) network was not prepared")
                    }
                    // A distance walked: the streets within that many metres (seconds at the uniform walking speed).
                    let limit = service.effectiveMeasure == .distance ? distance / inputs.options.walkSpeed : minutes * 60
                    let members = SupplySet(
                        ids: group.map { supply.ids[$0] }, names: group.map { supply.names[$0] },
                        xs: group.map { supply.xs[$0] }, ys: group.map { supply.ys[$0] })
                    let (times, _) = Coverage.pass(service, supply: members, network: network, options: inputs.options, limit: limit)
                    let field = TravelTimeField(
                        times: times, access: inputs.options.accessDistance,
                        cell: inputs.options.cellSize, limit: limit)
                    area = try RasterPolygons.polygons(field, threshold: Float(limit), context: context)
                    cell = field.cell
                    let walk = inputs.options.walkSpeed
                    for i in 0..<demand.count where applies(i) {
                        guard let p = network.residents[i] else { continue }
                        reached[i] = times.seconds(edge: Int(p.edge), offset: p.offset) + p.access / walk <= limit
                    }
                }
                // Head-counts as numbers: everyone within the threshold, and the service's target group among them.
                var people = 0.0, members: Double? = 0
                for i in 0..<demand.count where reached[i] {
                    people += demand.population[i]
                    if let m = demand.members(service.targetGroup, at: i), let sum = members { members = sum + m } else { members = nil }
                }
                var properties: PropertyMap = [
                    "service": .string(service.label), "type": .string(service.supply.type),
                    "mode": .string(service.mode.rawValue), "applies_to": .string(residents),
                    "residents": .number(people.rounded()), "target_group": .string(service.targetGroup.rawValue),
                    "target_residents": members.map { .number($0.rounded()) } ?? .null,
                    "area_km2": .number((try area.area() / 1e6 * 1e6).rounded() / 1e6),
                    "source": "computed: qtplan coverage"
                ]
                if service.effectiveMeasure == .distance { properties["distance_m"] = .number(distance) } else { properties["minutes"] = .number(minutes) }
                // The grid's cell: larger than asked when the area would need more than 16 million cells.
                if let cell { properties["cell_m"] = .number((cell * 100).rounded() / 100) }
                if !dissolve, let k = group.first {
                    properties["id"] = .string("area-\(supply.ids[k])" + (residents == "all" ? "" : "-\(residents)"))
                    properties["facility"] = .string(supply.ids[k])
                    properties["name"] = .string(supply.names[k])
                } else {
                    properties["id"] = .string("area-\(service.label)" + (residents == "all" ? "" : "-\(residents)"))
                    properties["facilities"] = .number(Double(group.count))
                }
                let geometry = try context.orientedForGeoJSON(try toWGS.transform(try area.value()))
                features.append(Feature(id: properties["id"], geometry: geometry, properties: properties))
            }
        }
        return features
    }

    /// The residents `result` leaves out, as the population layer's polygons with their head-count, the
    /// sub-district (its id, and its name from the sub-district layer, `subdistrict_name`) and the time or distance to the nearest facility: `nearest_minutes` (`nearest_m` in radius
    /// mode) is `null` when no facility is within `horizon_minutes` (`horizon_m`), how far the search went
    /// (``CoverageResult/reachHorizon``; measure with ``CoverageOptions/reachHorizonFactor`` above 1 to see
    /// beyond the threshold).
    public static func gaps(_ result: CoverageResult, inputs: CoverageInputs, district: District) -> [Feature] {
        let population = district.features(.population)
        let demand = inputs.demand
        let service = result.service
        var out: [Feature] = []
        for i in 0..<demand.count where !result.covered[i] {
            let source = population[demand.featureIndex[i]]
            var p: PropertyMap = [
                "id": .string("gap-\(service.label)-\(demand.ids[i])"), "population_feature": .string(demand.ids[i]),
                "population": .number(demand.population[i]), "service": .string(service.label),
                "mode": .string(service.mode.rawValue), "urban": .bool(demand.urban[i]),
                "source": "computed: qtplan coverage"
            ]
            let s = Int(demand.subdistrict[i])
            if s >= 0 {
                p["subdistrict"] = .string(demand.subdistricts[s])
                p["subdistrict_name"] = .string(demand.subdistrictNames[s])
            }
            let threshold = service.threshold(urban: demand.urban[i])
            let reach = result.reach[i]
            if service.effectiveMeasure == .distance {
                p["distance_m"] = .number(threshold)
                p["nearest_m"] = reach.isFinite ? .number((reach * 10).rounded() / 10) : .null
                p["horizon_m"] = result.reachHorizon.isFinite ? .number((result.reachHorizon * 10).rounded() / 10) : .null
            } else {
                p["minutes"] = .number(threshold / 60)
                p["nearest_minutes"] = reach.isFinite ? .number((reach / 60 * 10).rounded() / 10) : .null
                p["horizon_minutes"] = result.reachHorizon.isFinite ? .number((result.reachHorizon / 60 * 10).rounded() / 10) : .null
            }
            out.append(Feature(id: p["id"], geometry: source.geometry, properties: p))
        }
        return out
    }
}
