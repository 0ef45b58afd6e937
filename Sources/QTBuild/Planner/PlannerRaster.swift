import Foundation
import QTFormats
import QTGeometry
import QTModel
import QTProjection
import QTText

/// A population raster (WorldPop, GHS-POP, any GDAL raster with a CRS) as the population layer: each cell a
/// polygon in the raster's CRS (cells over ``maximumCellMetres`` split evenly into k × k parts, GHS-POP's 1 km
/// into 250 m), transformed to WGS84 and clipped to the boundary, its value weighted by the share of its area
/// inside (geodesic areas); the residents are the rounded sum, spread back over the pieces as integers by
/// largest remainder. Features say `raster:FILE`, with `method` and `modelled: true`.
enum PlannerRaster {
    static let maximumCellMetres = 250.0

    struct Outcome {
        var features: [Feature] = []
        var residents = 0
        var exactSum = 0.0
        var residentsSource = ""
        var line: String?
    }

    static func build(_ input: BuildInput, zone: Zone, aged60: Double) throws -> Outcome {
        let path = input.path
        let file = path.split(separator: "/").last.map(String.init) ?? path
        let grid: RasterGrid
        do { grid = try RasterReader.read(path: path) } catch let error as FormatsError {
            if case .missingFile = error { throw BuildError.missingInput(path: path, what: "population raster") }
            throw BuildError.invalidInput(path: path, detail: error.detail)
        }
        let toWGS = try Transformer(from: grid.crs, to: .wgs84)
        let angular = try Transformer(from: .wgs84, to: grid.crs).targetIsAngular
        // The cell's size in metres (at the grid's centre for a lon/lat grid).
        let centre = try toWGS.transform(
            Coordinate(
                x: grid.corner(col: Double(grid.width) / 2, row: Double(grid.height) / 2).x,
                y: grid.corner(col: Double(grid.width) / 2, row: Double(grid.height) / 2).y))
        let scale = angular ? 111_320.0 * max(cos(centre.y * .pi / 180), 0.01) : 1
        let cellMetres = max(abs(grid.geoTransform[1]) * scale, abs(grid.geoTransform[5]) * (angular ? 110_574 : 1))
        let k = max(1, Int((cellMetres / maximumCellMetres).rounded(.up)))
        let context = zone.context
        var pieces: [(id: String, geometry: Geometry, weight: Double)] = []
        var negative: (Int, Int, Double)?
        for row in 0..<grid.height {
            for col in 0..<grid.width {
                guard let value = grid.values[row * grid.width + col] else { continue }
                if value < 0 { negative = negative ?? (row, col, value); continue }
                guard value > 0 else { continue }
                for sr in 0..<k {
                    for sc in 0..<k {
                        let c0 = Double(col) + Double(sc) / Double(k), c1 = Double(col) + Double(sc + 1) / Double(k)
                        let r0 = Double(row) + Double(sr) / Double(k), r1 = Double(row) + Double(sr + 1) / Double(k)
                        let corners = [(c0, r0), (c1, r0), (c1, r1), (c0, r1), (c0, r0)].map { grid.corner(col: $0.0, row: $0.1) }
                        let ring = try toWGS.transform(corners.map { Coordinate(x: $0.x, y: $0.y) })
                        var exterior = ring
                        if Self.signedArea(exterior) < 0 { exterior.reverse() }
                        let cell = Geometry.polygon(Polygon(exterior: exterior))
                        guard let clipped = try zone.clip(try context.make(cell)) else { continue }
                        let full = try Geodesic.wgs84.area(of: cell)
                        guard full > 0 else { continue }
                        let inside = try Geodesic.wgs84.area(of: clipped)
                        let id = k == 1 ? "pop-r\(row)-c\(col)" : "pop-r\(row)-c\(col)-\(sr)-\(sc)"
                        pieces.append((id, clipped, value / Double(k * k) * min(1, inside / full)))
                    }
                }
            }
        }
        if let (row, col, value) = negative {
            throw BuildError.invalidInput(path: path, detail: "cell (row \(row), column \(col)) holds \(value): a head-count is never negative")
        }
        var out = Outcome()
        out.exactSum = pieces.reduce(0) { $0 + $1.weight }
        out.residents = Int(out.exactSum.rounded())
        let counts = PopulationLayer.largestRemainder(total: out.residents, weights: pieces.map(\.weight))
        let method =
            "raster cells of \(file) (\(NumberText.fixed(cellMetres, 0)) m\(k > 1 ? ", each split evenly into \(k) × \(k)" : "")) "
            + "clipped to the boundary, each weighted by the share of its area inside; the rounded sum spread by largest remainder"
        for (piece, count) in zip(pieces, counts) where count > 0 {
            let p: PropertyMap = [
                "id": .string(piece.id), "population": .number(Double(count)), "aged_60_plus_share": .number(aged60),
                "urban": .bool(true), "future_community": .bool(false), "source": .string(input.sourcePrefix),
                "accuracy_m": .number((cellMetres / Double(k) / 2).rounded()), "method": .string(method), "modelled": .bool(true),
                "raster_value": .number((piece.weight * 1000).rounded() / 1000)
            ]
            out.features.append(Feature(id: p["id"], geometry: piece.geometry, properties: p))
        }
        out.residentsSource = "raster: \(file), cells inside the boundary summing to \(NumberText.fixed(out.exactSum, 1)), rounded (modelled)"
        out.line =
            "\(file) (\(grid.width) × \(grid.height) cells of \(NumberText.fixed(cellMetres, 0)) m, \(grid.crs)\(k > 1 ? ", split \(k) × \(k)" : "")): "
            + "\(NumberText.grouped(pieces.count)) pieces inside, sum \(NumberText.fixed(out.exactSum, 3)), residents \(NumberText.grouped(out.residents))"
        return out
    }

    /// Twice the signed area of a ring (shoelace): positive counter-clockwise.
    static func signedArea(_ ring: [Coordinate]) -> Double {
        zip(ring, ring.dropFirst()).reduce(0) { $0 + ($1.0.x * $1.1.y - $1.1.x * $1.0.y) }
    }
}
