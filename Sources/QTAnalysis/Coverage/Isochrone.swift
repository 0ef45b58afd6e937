import QTGeometry
import QTProjection
import QTText

/// Service areas around one place: nested bands (5 ⊂ 10 ⊂ 15 minutes) that follow the streets, with the
/// residents inside each.
public enum Isochrone {
    /// The bands around `origin` (metric CRS), which joins the network at its nearest point.
    /// - Throws: ``CoverageError/invalidRequest(_:)`` when the origin is farther than the options'
    ///   `maximumAccess` from every street of the mode; ``CoverageError/limit(_:)`` over the minutes limit.
    public static func bands(
        around origin: Coordinate, minutes: [Double], mode: CoverageMode, direction: TravelDirection,
        in inputs: CoverageInputs
    ) throws -> [IsochroneBand] {
        guard mode != .radius else { throw CoverageError.invalidRequest("an isochrone needs \(setting: .mode) walk or drive") }
        guard let network = inputs.networks[mode] else {
            throw CoverageError.invalidRequest("the \(mode.rawValue) network was not prepared")
        }
        let sorted = Array(Set(minutes)).sorted()
        guard let largest = sorted.last, sorted.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            throw CoverageError.invalidRequest("minutes must be numbers > 0")
        }
        guard largest <= inputs.options.maximumMinutes else {
            throw CoverageError.limit(
                "\(NumberText.trimmed(largest)) minutes is over the limit of \(NumberText.trimmed(inputs.options.maximumMinutes)) minutes (\(setting: .maximumMinutes))"
            )
        }
        let options = inputs.options
        guard let start = network.locate(x: origin.x, y: origin.y, maximumAccess: options.maximumAccess) else {
            throw CoverageError.invalidRequest(
                "the point is more than \(NumberText.trimmed(options.maximumAccess)) m from every street of the \(mode.rawValue) network")
        }
        let times = NetworkTimes(
            graph: network.graph, sources: [start], direction: direction,
            walkSpeed: options.walkSpeed, limit: largest * 60)
        let field = TravelTimeField(times: times, access: options.accessDistance, cell: options.cellSize, limit: largest * 60)
        let context = try GeometryContext()
        let toWGS = try Transformer(from: inputs.metricCRS, to: .wgs84)
        let demand = inputs.demand
        var reach = [Double](repeating: .infinity, count: demand.count)
        for i in 0..<demand.count {
            if let p = network.residents[i] {
                reach[i] = times.seconds(edge: Int(p.edge), offset: p.offset) + p.access / options.walkSpeed
            }
        }
        return try sorted.map { m in
            let area = try RasterPolygons.polygons(field, threshold: Float(m * 60), context: context)
            var residents = 0.0
            for i in 0..<demand.count where reach[i] <= m * 60 { residents += demand.population[i] }
            let geometry = try context.orientedForGeoJSON(try toWGS.transform(try area.value()))
            return IsochroneBand(
                minutes: m, area: geometry, areaSquareMetres: try area.area(), residents: residents,
                cellMetres: field.cell)
        }
    }
}
