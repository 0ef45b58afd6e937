/// Bounds on densifying a geometry's edges (splitting them so that projected edges stay straight), so that
/// one mistyped coordinate cannot turn a feature into millions of vertices before a GEOS call: GEOS 3.11 can
/// interrupt only the whole process, never one call, so the size of its input is the limit that holds.
extension Geometry {
    /// How many vertices splitting every edge into equal segments of at most `step` in x and in y would add
    /// (an edge spanning `d` gets ⌈d / step⌉ − 1), counted without making them. Points add none.
    public func verticesAddedByDensifying(step: Double) -> Double {
        guard step > 0 else { return 0 }
        var total = 0.0
        forEachPath { path in
            for (a, b) in zip(path, path.dropFirst()) {
                total += max(0, (max(abs(b.x - a.x), abs(b.y - a.y)) / step).rounded(.up) - 1)
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
}
