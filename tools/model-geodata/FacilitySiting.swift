import QTGeometry
import QTModel

/// Where a facility may stand and where its entrance goes (FacilityModel's siting rules).
///
/// - A facility stands on a land-use parcel of a class its type permits. Each permitted class has a rank
///   (0 = preferred); a parcel's score is its distance from the target point plus 500 m per rank, and the
///   lowest score wins (ties: the earlier parcel). So a less preferred class wins only when it is more than
///   500 m nearer per rank step; parcels of classes the type does not list are never used.
/// - The buildable part of a parcel is the parcel (clipped to the facility's sub-district, for modelled
///   facilities) inset by 5 m; for modelled facilities it excludes the ecological red line, taken as
///   ConstraintModel defines it (the river and a land belt along it), which seed 001 makes a hard
///   constraint on siting. Named facilities are placed where their sources put them and are not moved off it.
/// - The main entrance is the point of the buildable part's outline nearest the target point (a gate 5 m
///   inside the plot line, so it lies on exactly one parcel). If another facility's entrance is within 25 m,
///   the next-nearest point of the outline (sampled every 10 m) that is 25 m clear of all entrances is used.
final class FacilitySiting {
    struct Site {
        let parcel: Parcel
        let entrance: Coordinate
        /// Distance from the target point to the chosen buildable part, m.
        let distance: Double
    }

    static let inset = 5.0
    static let rankPenalty = 500.0
    static let spacing = 25.0
    static let sampleStep = 10.0

    let frame: ModelFrame
    let parcels: [Parcel]
    let subdistricts: [String: NativeGeometry]
    let redLine: PreparedGeometry
    private var buildable: [String: NativeGeometry?] = [:]
    private var entrances: [Int: [Coordinate]] = [:]

    init(state: ModelState) throws {
        guard let water = state.water else { throw ModelError("facility siting needs the river step") }
        frame = state.frame
        parcels = state.parcels
        subdistricts = Dictionary(state.subdistricts.map { ($0.id, $0.geometry) }, uniquingKeysWith: { a, _ in a })
        redLine = try PreparedGeometry(try water.buffer(ConstraintModel.riverBeltMeters, style: BufferStyle(quadrantSegments: 4)))
    }

    /// The best site near `target` (metres) on a parcel of the ranked classes; within a sub-district's
    /// parcels (and clipped to it) when `subdistrict` is given, anywhere otherwise.
    func site(near target: Coordinate, classes: [LandUseClass: Int], subdistrict: String?, avoidRedLine: Bool,
              onlyParcel: String? = nil) throws -> Site? {
        let point = try frame.context.makePoint(x: target.x, y: target.y)
        var best: (index: Int, score: Double, distance: Double, part: NativeGeometry)?
        for (i, parcel) in parcels.enumerated() {
            guard let rank = classes[parcel.landUse] else { continue }
            if let onlyParcel, parcel.id != onlyParcel { continue }
            if let subdistrict, parcel.subdistrict != subdistrict { continue }
            guard let part = try buildablePart(i, subdistrict: subdistrict, avoidRedLine: avoidRedLine) else { continue }
            let distance = try part.distance(to: point)
            let score = distance + Double(rank) * Self.rankPenalty
            if best == nil || score < best!.score { best = (i, score, distance, part) }
        }
        guard let best else { return nil }
        let entrance = try self.entrance(on: best.part, near: target)
        register(entrance)
        return Site(parcel: parcels[best.index], entrance: entrance, distance: best.distance)
    }

    /// The entrance of a park, a given parcel: its buildable outline nearest `target`.
    func entrance(ofParcel index: Int, near target: Coordinate) throws -> Coordinate? {
        guard let part = try buildablePart(index, subdistrict: nil, avoidRedLine: false) else { return nil }
        let entrance = try self.entrance(on: part, near: target)
        register(entrance)
        return entrance
    }

    /// Records an entrance that was placed some other way (a reference point).
    func register(_ c: Coordinate) { entrances[bucket(c), default: []].append(c) }

    private func buildablePart(_ i: Int, subdistrict: String?, avoidRedLine: Bool) throws -> NativeGeometry? {
        let key = "\(i)|\(subdistrict ?? "*")|\(avoidRedLine)"
        if let cached = buildable[key] { return cached }
        var part = parcels[i].geometry
        if let subdistrict, let cell = subdistricts[subdistrict], try !cell.covers(part) {
            part = try frame.polygonal(try part.intersection(cell))
        }
        part = try frame.polygonal(try part.buffer(-Self.inset))
        if avoidRedLine, try !part.isEmpty(), try redLine.intersects(part) {
            part = try frame.polygonal(try part.difference(redLine.source))
        }
        let result: NativeGeometry? = try part.isEmpty() || part.area() < 1 ? nil : part
        buildable[key] = result
        return result
    }

    private func entrance(on part: NativeGeometry, near target: Coordinate) throws -> Coordinate {
        var rings: [[Coordinate]] = []
        switch try part.value() {
        case .polygon(let p): rings = p.rings
        case .multiPolygon(let m): rings = m.polygons.flatMap(\.rings)
        default: break
        }
        var candidates: [Coordinate] = []
        for ring in rings {
            for (a, b) in zip(ring, ring.dropFirst()) {
                let dx = b.x - a.x, dy = b.y - a.y
                let length = (dx * dx + dy * dy).squareRoot()
                if length == 0 { continue }
                let t = max(0, min(1, ((target.x - a.x) * dx + (target.y - a.y) * dy) / (length * length)))
                candidates.append(Coordinate(x: a.x + t * dx, y: a.y + t * dy))
                var s = 0.0
                while s < length {
                    candidates.append(Coordinate(x: a.x + dx * s / length, y: a.y + dy * s / length))
                    s += Self.sampleStep
                }
            }
        }
        guard !candidates.isEmpty else { throw ModelError("a buildable part without an outline") }
        func d2(_ c: Coordinate) -> Double { (c.x - target.x) * (c.x - target.x) + (c.y - target.y) * (c.y - target.y) }
        let ordered = candidates.enumerated().sorted { d2($0.element) != d2($1.element) ? d2($0.element) < d2($1.element) : $0.offset < $1.offset }
            .map(\.element)
        return ordered.first { isClear($0) } ?? ordered[0]
    }

    private func isClear(_ c: Coordinate) -> Bool {
        let size = 100.0
        let bx = Int((c.x / size).rounded(.down)), by = Int((c.y / size).rounded(.down))
        for x in (bx - 1)...(bx + 1) {
            for y in (by - 1)...(by + 1) {
                for e in entrances[key(x, y)] ?? [] where (e.x - c.x) * (e.x - c.x) + (e.y - c.y) * (e.y - c.y) < Self.spacing * Self.spacing {
                    return false
                }
            }
        }
        return true
    }

    private func bucket(_ c: Coordinate) -> Int { key(Int((c.x / 100).rounded(.down)), Int((c.y / 100).rounded(.down))) }
    private func key(_ x: Int, _ y: Int) -> Int { x &* 1_000_003 &+ y }
}
