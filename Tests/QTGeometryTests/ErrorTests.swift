import Testing

// @testable only for the last test of "error buffer" below, which drives the internal `call` directly to make a
// failure GEOS does not describe; everything else uses the public API.
@testable import QTGeometry

/// GEOS failures become `.geos(function:message:)` naming the C function, with GEOS's own message, and a
/// context keeps working after one (GEOS/GeometryContext.swift's `call`).
@Suite("Errors")
struct ErrorTests {
    typealias F = GeomFixture

    /// The function and message of a `.geos` error thrown by `body`, or a recorded issue.
    static func geosError(
        sourceLocation: SourceLocation = #_sourceLocation,
        _ body: () throws -> Void
    ) -> (function: String, message: String)? {
        let error = #expect(throws: GeometryError.self, sourceLocation: sourceLocation) { try body() }
        guard case .geos(let function, let message) = error else {
            Issue.record("expected .geos, got \(String(describing: error))", sourceLocation: sourceLocation)
            return nil
        }
        return (function, message)
    }

    @Test("an overlay on the invalid bow-tie names GEOSIntersection_r / GEOSUnion_r and GEOS's TopologyException")
    func overlayFailure() throws {
        let context = try GeometryContext()
        let bowTie = try context.make(F.bowTie)
        let square = try context.make(F.box(0, 0, 2, 2))
        let intersection = try #require(Self.geosError { _ = try bowTie.intersection(square) })
        #expect(intersection.function == "GEOSIntersection_r")
        #expect(intersection.message.contains("TopologyException"))
        #expect(intersection.message.contains("Self-intersection"))
        let union = try #require(Self.geosError { _ = try bowTie.union(square) })
        #expect(union.function == "GEOSUnion_r")
        #expect(union.message.contains("Self-intersection"))
        // The description names the function first.
        let error = GeometryError.geos(function: intersection.function, message: intersection.message)
        #expect(error.description == "GEOSIntersection_r failed: \(intersection.message)")
    }

    /// A NaN mitre limit once reached GEOS, whose orientation test then met NaN coordinates and failed;
    /// it is now refused before the call, with both values named.
    @Test("a NaN mitre limit is refused before GEOSBufferWithStyle_r")
    func bufferFailure() throws {
        let context = try GeometryContext()
        let line = try context.make(F.line([(0, 0), (10, 0), (10, 10)]))
        #expect(throws: GeometryError.invalidInput("buffer distance 1.0 and mitre limit nan must be finite")) {
            _ = try line.buffer(1, style: BufferStyle(join: .mitre, mitreLimit: .nan))
        }
    }

    @Test("coverageUnion of lines names GEOSCoverageUnion_r")
    func coverageUnionFailure() throws {
        let context = try GeometryContext()
        let lines = try context.make(
            .multiLineString(
                MultiLineString([
                    LineString([Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 1)]),
                    LineString([Coordinate(x: 1, y: 1), Coordinate(x: 2, y: 2)])
                ])))
        let failure = try #require(Self.geosError { _ = try lines.coverageUnion() })
        #expect(failure.function == "GEOSCoverageUnion_r")
        #expect(failure.message.contains("Unhandled geometry type in CoverageUnion"))
    }

    @Test("after a failure the context keeps working, and a later failure reports its own message")
    func errorBufferIsCleared() throws {
        let context = try GeometryContext()
        let bowTie = try context.make(F.bowTie)
        let a = try context.make(F.box(0, 0, 2, 2))
        let b = try context.make(F.box(1, 1, 3, 3))

        // 1. A failure.
        let first = try #require(Self.geosError { _ = try bowTie.intersection(a) })
        #expect(first.message.contains("Self-intersection"))

        // 2. Successful calls of every wrapper family do not throw the stale message.
        #expect(F.close(try a.intersection(b).area(), 1))
        #expect(try a.intersects(b))
        #expect(try bowTie.isValid() == false)
        #expect(try a.buffer(1).area() > 4)
        #expect(try context.read(wkt: "POINT (1 2)").value() == F.point(1, 2))
        #expect(try a.value() == F.box(0, 0, 2, 2))
        let tree = try STRtree(context: context, geometries: [a, b])
        #expect(try tree.nearest(to: context.makePoint(x: 10, y: 10)) == 1)
        #expect(try PreparedGeometry(a).contains(x: 1, y: 1))

        // 3. A different failure reports its own message, not the first one.
        let lines = try context.make(F.line([(0, 0), (1, 1)]))
        let second = try #require(Self.geosError { _ = try lines.coverageUnion() })
        #expect(second.function == "GEOSCoverageUnion_r")
        #expect(second.message.contains("CoverageUnion"))
        #expect(!second.message.contains("Self-intersection"))

        // 4. Parse and construction failures also carry their own messages.
        let parse = #expect(throws: GeometryError.self) { try context.read(wkt: "HELLO") }
        if case .parse(_, let message) = parse {
            #expect(message.contains("Unknown type"))
            #expect(!message.contains("CoverageUnion"))
        } else {
            Issue.record("got \(String(describing: parse))")
        }
        let ring = try #require(
            Self.geosError {
                _ = try context.make(
                    .polygon(
                        Polygon(exterior: [
                            Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 0), Coordinate(x: 1, y: 1),
                            Coordinate(x: 0, y: 1)
                        ])))
            })
        #expect(ring.function == "GEOSGeom_createLinearRing_r")
        #expect(!ring.message.contains("Unknown type"))

        // 5. And it still works.
        #expect(F.close(try a.union(b).area(), 7))
    }

    @Test("a failure GEOS does not describe never borrows the previous failure's message")
    func noStaleMessage() throws {
        let context = try GeometryContext()
        let bowTie = try context.make(F.bowTie)
        let square = try context.make(F.box(0, 0, 2, 2))
        let first = try #require(Self.geosError { _ = try bowTie.intersection(square) })
        #expect(first.message.contains("Self-intersection"))
        // A call that reports failure without GEOS calling the error handler: the message must not be the stale
        // "Self-intersection" one.
        let silent = #expect(throws: GeometryError.self) {
            _ = try context.call("GEOSPretend_r", { _ in Int32(-1) }, failed: { $0 < 0 })
        }
        #expect(silent == .geos(function: "GEOSPretend_r", message: "failed without a message"))
        // Likewise a predicate answering 2 (GEOS's "exception") with no message.
        let predicate = #expect(throws: GeometryError.self) {
            _ = try context.callPredicate("GEOSPretendPredicate_r") { _ in 2 }
        }
        #expect(predicate == .geos(function: "GEOSPretendPredicate_r", message: "failed without a message"))
    }

    @Test("contexts keep their errors apart")
    func separateContexts() throws {
        let one = try GeometryContext()
        let two = try GeometryContext()
        let bowTie = try one.make(F.bowTie)
        let square = try one.make(F.box(0, 0, 2, 2))
        let lines = try two.make(F.line([(0, 0), (1, 1)]))
        let first = try #require(Self.geosError { _ = try bowTie.intersection(square) })
        let second = try #require(Self.geosError { _ = try lines.coverageUnion() })
        #expect(first.message.contains("Self-intersection"))
        #expect(second.message.contains("CoverageUnion"))
        // A new failure in the first context is still its own.
        let again = try #require(Self.geosError { _ = try bowTie.union(square) })
        #expect(again.function == "GEOSUnion_r")
        #expect(again.message.contains("Self-intersection"))
    }

    // MARK: - Input GEOS 3.11 mishandles, refused before the call

    /// GEOS 3.11.1's GEOSGeom_createCollection_r does not check member types: it builds a "multi-point" of
    /// polygons. `makeCollection` checks the kinds itself.
    @Test("makeCollection(.multiPoint) of polygons is refused, and the member stays usable")
    func wrongMemberKinds() throws {
        let context = try GeometryContext()
        let square = try context.make(F.box(0, 0, 1, 1))
        #expect(throws: GeometryError.invalidInput("MultiPoint member 0 is a Polygon, not a Point")) {
            try context.makeCollection(.multiPoint, of: [square])
        }
        #expect(try square.value() == F.box(0, 0, 1, 1))
    }

    /// GEOSGeom_createCollection_r frees the members itself when it fails ("Unsupported type request"), so a
    /// non-collection kind once led to a double free. It is now refused before GEOS is called.
    @Test(
        "makeCollection with a non-collection kind throws, and the member stays usable",
        arguments: [GeometryKind.point, .lineString, .linearRing, .polygon])
    func nonCollectionKind(kind: GeometryKind) throws {
        let context = try GeometryContext()
        let point = try context.makePoint(x: 0, y: 0)
        #expect(throws: GeometryError.invalidInput("\(kind) is not a collection kind")) {
            try context.makeCollection(kind, of: [point])
        }
        #expect(try point.value() == .point(Point(x: 0, y: 0)))
    }

    /// GEOS 3.11.1 segfaults (in geomgraph::PlanarGraph's destructor) when buffering a point or a polygon by a
    /// NaN distance; `buffer(_:style:)` refuses non-finite distances and mitre limits.
    @Test("buffer by a non-finite distance throws", arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteBuffer(distance: Double) throws {
        let context = try GeometryContext()
        let point = try context.makePoint(x: 0, y: 0)
        let polygon = try context.make(F.box(0, 0, 1, 1))
        for g in [point, polygon] {
            #expect(throws: GeometryError.self) { try g.buffer(distance) }
        }
        #expect(throws: GeometryError.self) { try point.buffer(1, style: BufferStyle(join: .mitre, mitreLimit: .nan)) }
        // The context is still good afterwards.
        #expect(try point.buffer(1).area() > 3)
    }
}
