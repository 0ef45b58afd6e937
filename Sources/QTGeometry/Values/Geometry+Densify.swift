/// Densifying a geometry's edges (splitting them so that their images under a projection stay straight), bounded
/// so that one mistyped coordinate cannot turn a feature into millions of vertices before a GEOS call: GEOS 3.11
/// can interrupt only the whole process, never one call, so the size of its input is the limit that holds.
///
/// This is the one densifier of the project (validation and land use both use it). It splits every edge longer
/// than the step, in x or in y, into ⌈span / step⌉ equal segments, and computes the split points from the
/// edge's lexicographically smaller end, so that an edge shared by two polygons gets the same points whichever
/// way each ring runs: shared edges stay shared after densifying, and two parcels that tile stay tiling.
extension Geometry {
    /// Segments an edge spanning `span` (its larger extent in x or y) is split into at `step`: ⌈span / step⌉,
    /// less a hair, so that an edge of exactly n steps (120.30 → 120.32 is 0.020000000000003°) is split into n,
    /// like its neighbours, not n + 1.
    static func segments(span: Double, step: Double) -> Int {
        max(1, Int((span / step - 1e-9).rounded(.up)))
    }

    /// How many vertices ``densified(step:)`` would add, counted without making them. Points add none.
    public func verticesAddedByDensifying(step: Double) -> Double {
        guard step > 0 else { return 0 }
        var total = 0.0
        forEachPath { path in
            for (a, b) in zip(path, path.dropFirst()) {
                total += Double(Self.segments(span: max(abs(b.x - a.x), abs(b.y - a.y)), step: step) - 1)
            }
        }
        return total
    }

    /// `step`, doubled as often as needed for densifying to add at most `maximumAddedVertices` vertices:
    /// `step` itself for any ordinary feature, a coarser one for a feature with edges across a continent.
    public func densifyStep(_ step: Double, maximumAddedVertices: Int) -> Double {
        guard step > 0, step.isFinite else { return step }
        var chosen = step
        while verticesAddedByDensifying(step: chosen) > Double(maximumAddedVertices) { chosen *= 2 }
        return chosen
    }

    /// The geometry with every edge longer than `step` (in x or in y) split into equal segments, the split
    /// points computed from the edge's smaller end (see the type's discussion). A `step` that is not positive
    /// leaves the geometry as it is.
    public func densified(step: Double) -> Geometry {
        guard step > 0 else { return self }
        return mapPaths { Self.densified($0, step: step) }
    }

    /// ``densified(step:)`` at `step`, or, for a geometry that would get more than `maximumAddedVertices` new
    /// vertices, at the coarser step ``densifyStep(_:maximumAddedVertices:)`` chooses.
    public func densified(step: Double, maximumAddedVertices: Int) -> Geometry {
        densified(step: densifyStep(step, maximumAddedVertices: maximumAddedVertices))
    }

    /// A ring or path with its long edges split (see ``densified(step:)``).
    static func densified(_ path: [Coordinate], step: Double) -> [Coordinate] {
        guard var previous = path.first else { return path }
        var out = [previous]
        out.reserveCapacity(path.count)
        for next in path.dropFirst() {
            let steps = segments(span: max(abs(next.x - previous.x), abs(next.y - previous.y)), step: step)
            if steps > 1 {
                let forward = (previous.x, previous.y) < (next.x, next.y)
                let (a, b) = forward ? (previous, next) : (next, previous)
                for k in 1..<steps {
                    let t = Double(forward ? k : steps - k) / Double(steps)
                    out.append(Coordinate(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t))
                }
            }
            out.append(next)
            previous = next
        }
        return out
    }
}
