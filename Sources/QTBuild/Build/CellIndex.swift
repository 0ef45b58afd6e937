import QTGeometry

/// A grid over an area in WGS84 whose cells are classified once, lazily, by a GEOS test of the cell's
/// rectangle: whether the whole cell is in (say) the boundary, wholly out, or neither. A geometry whose
/// envelope only meets cells of one kind is of that kind without any GEOS call of its own; the rest are left to
/// the exact test. Streets and buildings are small beside a district, so almost all are settled by the grid.
final class CellIndex {
    /// What a cell (or a geometry) is.
    enum State: UInt8 {
        case unknown = 0
        case whollyIn, whollyOut, mixed
    }

    let minX: Double, minY: Double, cell: Double
    let columns: Int, rows: Int
    private var states: [State]
    private let classify: (Envelope) throws -> State

    /// A grid over `box` of at most `maximum` cells a side; `classify` decides a cell's state from its rectangle.
    init(box: Envelope, maximum: Int = 128, classify: @escaping (Envelope) throws -> State) {
        let side = max(box.maxX - box.minX, box.maxY - box.minY, 1e-9)
        cell = side / Double(maximum)
        minX = box.minX
        minY = box.minY
        columns = max(1, Int(((box.maxX - box.minX) / cell).rounded(.up)))
        rows = max(1, Int(((box.maxY - box.minY) / cell).rounded(.up)))
        states = [State](repeating: .unknown, count: columns * rows)
        self.classify = classify
    }

    /// The state every cell meeting `envelope` shares, or `.mixed` (also for envelopes reaching off the grid).
    func state(of envelope: Envelope) throws -> State {
        let c0 = Int(((envelope.minX - minX) / cell).rounded(.down)), c1 = Int(((envelope.maxX - minX) / cell).rounded(.down))
        let r0 = Int(((envelope.minY - minY) / cell).rounded(.down)), r1 = Int(((envelope.maxY - minY) / cell).rounded(.down))
        guard c0 >= 0, r0 >= 0, c1 < columns, r1 < rows else { return .mixed }
        var shared: State?
        for r in r0...r1 {
            for c in c0...c1 {
                let i = r * columns + c
                if states[i] == .unknown {
                    let x = minX + Double(c) * cell, y = minY + Double(r) * cell
                    states[i] = try classify(Envelope(minX: x, minY: y, maxX: x + cell, maxY: y + cell))
                }
                if states[i] == .mixed { return .mixed }
                if let s = shared, s != states[i] { return .mixed }
                shared = states[i]
            }
        }
        return shared ?? .mixed
    }
}
