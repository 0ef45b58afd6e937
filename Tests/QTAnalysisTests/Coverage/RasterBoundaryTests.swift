import QTGeometry
import QTModel
import Testing

@testable import QTAnalysis

/// The raster tracer behind service areas against hand-worked rasters and against GEOS's overlay union of the
/// same cells, one square each: the same point set, valid, one polygon per 4-connected group.
@Suite struct RasterBoundaryTests {
    /// A field of 1 m cells at the origin from rows of text, the top line northmost: `#` inside, `.` outside.
    static func field(_ lines: [String]) -> TravelTimeField {
        let rows = lines.count, columns = lines[0].count
        var values = [Float](repeating: .infinity, count: rows * columns)
        for (k, line) in lines.enumerated() {
            let r = rows - 1 - k
            for (c, ch) in line.enumerated() where ch == "#" { values[r * columns + c] = 0 }
        }
        return TravelTimeField(originX: 0, originY: 0, cell: 1, columns: columns, rows: rows, values: values)
    }

    static func trace(_ field: TravelTimeField) -> [RasterBoundary.TracedPolygon]? {
        RasterBoundary.trace(inside: field.values.map { $0 <= 0 }, columns: field.columns, rows: field.rows)
    }

    /// Twice the signed area of a closed ring (shoelace), lattice units.
    static func doubleArea(_ ring: [(column: Int, row: Int)]) -> Int {
        zip(ring, ring.dropFirst()).reduce(0) { $0 + $1.0.column * $1.1.row - $1.1.column * $1.0.row }
    }

    @Test func oneCellIsOneCounterClockwiseSquare() throws {
        let traced = try #require(Self.trace(Self.field(["#"])))
        #expect(traced.count == 1)
        let shell = traced[0].shell
        #expect(shell.map { [$0.column, $0.row] } == [[1, 0], [1, 1], [0, 1], [0, 0], [1, 0]])
        #expect(traced[0].holes.isEmpty)
    }

    @Test func anLShapeHasSixCornersAndNoStraightVertices() throws {
        let traced = try #require(Self.trace(Self.field(["#.", "##"])))
        #expect(traced.count == 1)
        #expect(traced[0].shell.count == 7) // 6 corners + the closing vertex
        #expect(Self.doubleArea(traced[0].shell) == 2 * 3)
    }

    @Test func diagonalCellsAreTwoPolygonsTouchingAtACorner() throws {
        let traced = try #require(Self.trace(Self.field([".#", "#."])))
        #expect(traced.count == 2)
        #expect(traced.allSatisfy { $0.holes.isEmpty && Self.doubleArea($0.shell) == 2 })
    }

    @Test func aFrameHasOneHole() throws {
        let traced = try #require(Self.trace(Self.field(["###", "#.#", "###"])))
        #expect(traced.count == 1)
        #expect(traced[0].holes.count == 1)
        #expect(Self.doubleArea(traced[0].shell) == 18)
        #expect(Self.doubleArea(traced[0].holes[0]) == -2) // clockwise
    }

    @Test func aHoleOpenAtACornerTouchesTheShellThere() throws {
        // The pocket in the middle meets the outside only at the corner of the missing north-east cell, so the
        // shell's boundary passes that vertex twice: split into a shell and a hole touching it at one point.
        let traced = try #require(Self.trace(Self.field(["##.", "#.#", "###"])))
        #expect(traced.count == 1)
        #expect(traced[0].holes.count == 1)
        #expect(Self.doubleArea(traced[0].shell) + Self.doubleArea(traced[0].holes[0]) == 2 * 7)
        let context = try GeometryContext()
        let area = try RasterPolygons.polygons(Self.field(["##.", "#.#", "###"]), threshold: 0, context: context)
        #expect(try area.isValid())
        #expect(try area.area() == 7)
    }

    @Test func anIslandInAHoleIsAPolygonOfItsOwn() throws {
        let traced = try #require(Self.trace(Self.field(["#####", "#...#", "#.#.#", "#...#", "#####"])))
        #expect(traced.count == 2)
        #expect(traced.map(\.holes.count).sorted() == [0, 1])
    }

    @Test func nothingInsideIsNoPolygon() throws {
        #expect(try #require(Self.trace(Self.field(["...", "..."]))).isEmpty)
        let context = try GeometryContext()
        #expect(try RasterPolygons.polygons(Self.field(["..", ".."]), threshold: 0, context: context).isEmpty())
    }

    /// Random rasters of several densities, with saddles, holes, islands and pinches in numbers: the traced
    /// polygons are valid, cover exactly the inside cells (area = cell count, no symmetric difference with
    /// GEOS's union of one square per cell) and are one polygon per 4-connected group of cells. The fallback
    /// (GEOS's union of the runs' rectangles) gives the same set.
    @Test(arguments: [0.2, 0.45, 0.55, 0.7, 0.85])
    func randomRastersMatchGEOSUnionOfTheCells(density: Double) throws {
        var random = SeededGenerator(seed: UInt64(density * 1000))
        let context = try GeometryContext()
        for _ in 0..<20 {
            let columns = Int.random(in: 1...40, using: &random), rows = Int.random(in: 1...40, using: &random)
            let values = (0..<(columns * rows)).map { _ in Double.random(in: 0..<1, using: &random) < density ? Float(0) : .infinity }
            let field = TravelTimeField(originX: 1000, originY: -500, cell: 2, columns: columns, rows: rows, values: values)
            let traced = try RasterPolygons.polygons(field, threshold: 0, context: context)
            var squares: [NativeGeometry] = []
            for k in values.indices where values[k] == 0 {
                let x = 1000 + Double(k % columns) * 2, y = -500 + Double(k / columns) * 2
                squares.append(
                    try context.make(
                        .polygon(
                            Polygon(exterior: [
                                Coordinate(x: x, y: y), Coordinate(x: x + 2, y: y), Coordinate(x: x + 2, y: y + 2),
                                Coordinate(x: x, y: y + 2), Coordinate(x: x, y: y)
                            ]))))
            }
            let cells = squares.count
            let reference = cells == 0 ? try context.make(.multiPolygon(MultiPolygon([]))) : try context.union(of: squares)
            let fallback = try RasterPolygons.overlayUnion(field, threshold: 0, context: context)
            #expect(try fallback.symmetricDifference(reference).area() == 0)
            #expect(try traced.isValid(), "\(columns)×\(rows)")
            #expect(try traced.area() == Double(cells) * 4)
            #expect(try traced.symmetricDifference(reference).area() == 0)
            #expect(try traced.topologicallyEquals(reference) || cells == 0)
            let groups = Self.fourConnectedGroups(values.map { $0 == 0 }, columns: columns, rows: rows)
            let polygons: Int
            switch try traced.value() {
            case .polygon: polygons = 1
            case .multiPolygon(let m): polygons = m.polygons.count
            default: polygons = -1
            }
            #expect(polygons == groups, "\(columns)×\(rows)")
            // Corner vertices only: no vertex in the middle of a straight edge.
            #expect(
                try traced.simplify(tolerance: 0, preserveTopology: false).value().coordinateCount
                    == traced.value().coordinateCount)
        }
    }

    /// Groups of inside cells joined through shared edges, by flood fill (independent of the tracer's runs).
    static func fourConnectedGroups(_ inside: [Bool], columns: Int, rows: Int) -> Int {
        var seen = [Bool](repeating: false, count: inside.count)
        var groups = 0
        for start in inside.indices where inside[start] && !seen[start] {
            groups += 1
            var stack = [start]
            seen[start] = true
            while let k = stack.popLast() {
                let c = k % columns, r = k / columns
                for (nc, nr) in [(c + 1, r), (c - 1, r), (c, r + 1), (c, r - 1)]
                where nc >= 0 && nr >= 0 && nc < columns && nr < rows {
                    let n = nr * columns + nc
                    if inside[n] && !seen[n] { seen[n] = true; stack.append(n) }
                }
            }
        }
        return groups
    }
}
