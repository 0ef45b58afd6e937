import QTGeometry
import Testing

/// STRtree (Index/STRtree.swift) against brute-force loops over every item.
@Suite("STRtree")
struct STRtreeTests {
    /// 100 squares on a 10 x 10 grid: item i = row * 10 + col is [10 col, 10 col + 8] x [10 row, 10 row + 8],
    /// so neighbours are 2 apart.
    static func gridBoxes() -> [Envelope] {
        (0..<100).map { i in
            let col = Double(i % 10), row = Double(i / 10)
            return Envelope(minX: 10 * col, minY: 10 * row, maxX: 10 * col + 8, maxY: 10 * row + 8)
        }
    }

    static func makeTree(_ context: GeometryContext, nodeCapacity: Int = 10) throws -> (STRtree, [Envelope]) {
        let boxes = gridBoxes()
        let geometries = try boxes.map { try context.make(GeomFixture.box($0.minX, $0.minY, $0.maxX, $0.maxY)) }
        return (try STRtree(context: context, geometries: geometries, nodeCapacity: nodeCapacity), boxes)
    }

    /// Boxes meet when they overlap or touch (closed intervals on both axes).
    static func boxesMeet(_ a: Envelope, _ b: Envelope) -> Bool {
        a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY
    }

    static func bruteForce(_ boxes: [Envelope], _ query: Envelope) -> [Int] {
        boxes.indices.filter { boxesMeet(boxes[$0], query) }
    }

    static let queryBoxes: [Envelope] = [
        Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1), // inside item 0 only
        Envelope(minX: 8.5, minY: 8.5, maxX: 9.5, maxY: 9.5), // in the gap between items: nothing
        Envelope(minX: 8, minY: 8, maxX: 10, maxY: 10), // touches the corners of items 0, 1, 10, 11
        Envelope(minX: 25, minY: 35, maxX: 61, maxY: 42), // a band across several rows and columns
        Envelope(minX: -100, minY: -100, maxX: 1000, maxY: 1000), // everything
        Envelope(minX: 200, minY: 200, maxX: 300, maxY: 300), // nothing
        Envelope(minX: 45, minY: 45, maxX: 45, maxY: 45), // a degenerate box (a point) inside item 44
        Envelope(minX: 0, minY: 50, maxX: 95, maxY: 50) // a degenerate box (a segment) along row 5's bottom
    ]

    @Test("query by envelope returns exactly the brute-force indices", arguments: queryBoxes)
    func queryByEnvelope(_ box: Envelope) throws {
        let context = try GeometryContext()
        let (tree, boxes) = try Self.makeTree(context)
        #expect(try tree.query(box) == Self.bruteForce(boxes, box))
    }

    @Test("the hand-picked envelope answers")
    func handPicked() throws {
        let context = try GeometryContext()
        let (tree, _) = try Self.makeTree(context)
        #expect(try tree.query(Self.queryBoxes[0]) == [0])
        #expect(try tree.query(Self.queryBoxes[1]) == [])
        #expect(try tree.query(Self.queryBoxes[2]) == [0, 1, 10, 11])
        #expect(try tree.query(Self.queryBoxes[4]) == Array(0..<100))
        #expect(try tree.query(Self.queryBoxes[6]) == [44])
    }

    @Test("query by geometry uses the geometry's bounding box", arguments: [2, 4, 10, 16])
    func queryByGeometry(nodeCapacity: Int) throws {
        let context = try GeometryContext()
        let (tree, boxes) = try Self.makeTree(context, nodeCapacity: nodeCapacity)
        // A diagonal line whose box covers [5, 33] x [5, 27]: its box meets items its line does not.
        let queries: [(Geometry, Envelope)] = [
            (GeomFixture.line([(5, 5), (33, 27)]), Envelope(minX: 5, minY: 5, maxX: 33, maxY: 27)),
            (GeomFixture.point(18.5, 4), Envelope(minX: 18.5, minY: 4, maxX: 18.5, maxY: 4)),
            (
                .polygon(Polygon(exterior: GeomFixture.ring([(50, 50), (75, 52), (60, 71)]))),
                Envelope(minX: 50, minY: 50, maxX: 75, maxY: 71)
            )
        ]
        for (geometry, envelope) in queries {
            let native = try context.make(geometry)
            #expect(try native.envelope() == envelope)
            #expect(try tree.query(native) == Self.bruteForce(boxes, envelope), "\(geometry)")
        }
        // Every query result is a candidate list: the items the line really crosses are among them.
        let line = try context.make(GeomFixture.line([(5, 5), (33, 27)]))
        let candidates = try tree.query(line)
        let hits = try tree.geometries.indices.filter { try tree.geometries[$0].intersects(line) }
        #expect(Set(hits).isSubset(of: Set(candidates)))
        #expect(hits.count < candidates.count)
    }

    @Test("nearest matches a brute-force minimum distance for 50 seeded random points", arguments: [2, 10])
    func nearest(nodeCapacity: Int) throws {
        let context = try GeometryContext()
        let (tree, boxes) = try Self.makeTree(context, nodeCapacity: nodeCapacity)
        var rng = GeomSeededGenerator(seed: 20_240_601)
        for _ in 0..<50 {
            let x = Double.random(in: -30...130, using: &rng), y = Double.random(in: -30...130, using: &rng)
            // Independent distance from (x, y) to a box: the clamped offsets on each axis.
            func distance(_ b: Envelope) -> Double {
                let dx = max(b.minX - x, 0, x - b.maxX), dy = max(b.minY - y, 0, y - b.maxY)
                return (dx * dx + dy * dy).squareRoot()
            }
            let best = boxes.map(distance).min()!
            let found = try #require(try tree.nearest(to: context.makePoint(x: x, y: y)))
            // Compare distances, not indices: a point in a gap may be equally near two items.
            #expect(GeomFixture.close(distance(boxes[found]), best, 1e-9), "(\(x) \(y)) -> \(found)")
        }
    }

    @Test("nearest to a point inside an item is that item")
    func nearestInside() throws {
        let context = try GeometryContext()
        let (tree, _) = try Self.makeTree(context)
        // (54, 73) is in row 7, column 5: item 75.
        #expect(try tree.nearest(to: context.makePoint(x: 54, y: 73)) == 75)
        // A line from (-50 -50) to (-1 -1) is nearest item 0.
        #expect(try tree.nearest(to: context.make(GeomFixture.line([(-50, -50), (-1, -1)]))) == 0)
    }

    @Test("nearest uses exact geometry distance, not bounding boxes")
    func nearestExact() throws {
        let context = try GeometryContext()
        // Item 0: a long diagonal line whose box [0,100]^2 contains the query point, but which is far from it.
        // Item 1: a point 5 away from the query.
        let geometries = try [
            context.make(GeomFixture.line([(0, 0), (100, 100)])),
            context.makePoint(x: 95, y: 5)
        ]
        let tree = try STRtree(context: context, geometries: geometries)
        // Query (90, 5): to the line y = x, |90 - 5| / sqrt(2) = 60.1; to the point, 5.
        #expect(try tree.nearest(to: context.makePoint(x: 90, y: 5)) == 1)
    }

    @Test("an empty tree has no nearest item and answers no query")
    func emptyTree() throws {
        let context = try GeometryContext()
        let tree = try STRtree(context: context, geometries: [])
        #expect(try tree.nearest(to: context.makePoint(x: 0, y: 0)) == nil)
        #expect(try tree.query(Envelope(minX: -1e9, minY: -1e9, maxX: 1e9, maxY: 1e9)) == [])
    }

    @Test("a one-item tree")
    func oneItem() throws {
        let context = try GeometryContext()
        let tree = try STRtree(context: context, geometries: [context.make(GeomFixture.box(0, 0, 1, 1))])
        #expect(try tree.nearest(to: context.makePoint(x: 50, y: 50)) == 0)
        #expect(try tree.query(Envelope(minX: 0.5, minY: 0.5, maxX: 2, maxY: 2)) == [0])
        #expect(try tree.query(Envelope(minX: 2, minY: 2, maxX: 3, maxY: 3)) == [])
    }

    @Test("repeated queries on one tree do not leak results into each other")
    func repeatedQueries() throws {
        let context = try GeometryContext()
        let (tree, boxes) = try Self.makeTree(context)
        for box in Self.queryBoxes + Self.queryBoxes.reversed() {
            #expect(try tree.query(box) == Self.bruteForce(boxes, box))
        }
        #expect(try tree.nearest(to: context.makePoint(x: 4, y: 4)) == 0)
        #expect(try tree.query(Self.queryBoxes[0]) == [0])
    }
}
