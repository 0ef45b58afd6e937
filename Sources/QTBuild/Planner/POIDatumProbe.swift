import QTGeometry
import QTModel
import QTProjection

/// Whether a POI file's lon/lat positions were read in the wrong datum: Chinese web maps publish GCJ-02 (Amap,
/// Tencent) or BD-09 (Baidu), about 500 m and 1 km from WGS84 in Qiantang, and exports often arrive labelled
/// otherwise. The positions are read in each of WGS84, GCJ-02 and BD-09, and each reading is scored against
/// what the build already has:
///
/// 1. names: POIs standing within ``nameMetres`` of an existing facility (OpenStreetMap's) of the same name
///    (``NameMatch``); a reading that matches at least 3 POIs and 3 times as many as the given one wins;
/// 2. without name matches, streets: the median distance from a POI to the nearest street; a reading whose
///    median is under half the given one's and 100 m shorter wins;
/// 3. without streets, the boundary: a reading that puts at least 80% of the POIs inside it, and 30 points
///    more than the given one, wins.
///
/// A winner other than the CRS given refuses the file: "looks like GCJ-02".
struct POIDatumProbe {
    static let nameMetres = 100.0

    struct Finding {
        var crs: CRS
        var evidence: String
    }

    static func readings(_ read: POIRead) -> [CRS] { [CRS.wgs84, .gcj02, .bd09].filter { $0 != read.crs } }

    static func name(_ crs: CRS) -> String {
        switch crs {
        case .gcj02: "GCJ-02"
        case .bd09: "BD-09"
        default: "WGS84"
        }
    }

    static func probe(_ read: POIRead, facilities: [Feature], streets: [Geometry], zone: Zone, match: NameMatch) throws -> Finding? {
        guard read.rawIsLonLat, read.records.count >= 3 else { return nil }
        let given = read.records.map(\.position)
        func positions(_ crs: CRS) -> [Coordinate] { read.records.map { crs.offsetToWGS84($0.raw) } }
        // 1. Names.
        let named = facilities.filter { $0.properties["name"]?.stringValue != nil && $0.properties["source"]?.stringValue?.hasPrefix("poi:") != true }
        if !named.isEmpty {
            var grid = FacilityGrid(cell: nameMetres)
            for (i, f) in named.enumerated() { grid.insert(i, f) }
            func matches(_ points: [Coordinate]) -> Int {
                zip(read.records, points).filter { poi, c in
                    guard let n = poi.name else { return false }
                    return grid.nearby(c, within: nameMetres, of: named) { ($0.properties["name"]?.stringValue).map { match.matches($0, n) } == true } != nil
                }.count
            }
            let base = matches(given)
            let scored = readings(read).map { ($0, matches(positions($0))) }.max { $0.1 < $1.1 }
            if let (crs, n) = scored, n >= 3, n >= 3 * max(base, 1) {
                return Finding(
                    crs: crs,
                    evidence: "\(n) of \(read.records.count) POIs stand within \(Int(nameMetres)) m of a "
                        + "facility of the same name read as \(name(crs)), \(base) read as \(name(read.crs))")
            }
            if base > 0 || scored.map({ $0.1 > 0 }) == true { return nil }
        }
        // 2. Streets.
        if !streets.isEmpty {
            let context = zone.context
            let natives = try streets.map { try context.make(try zone.toMetric.transform($0)) }
            let tree = try STRtree(context: context, geometries: natives)
            func median(_ points: [Coordinate]) throws -> Double {
                let step = max(1, points.count / 200)
                var d: [Double] = []
                for c in stride(from: 0, to: points.count, by: step).map({ points[$0] }) {
                    let m = try zone.toMetric.transform(c)
                    let p = try context.makePoint(x: m.x, y: m.y)
                    if let i = try tree.nearest(to: p) { d.append(try natives[i].distance(to: p)) }
                }
                d.sort()
                return d.isEmpty ? 0 : d[d.count / 2]
            }
            let base = try median(given)
            var best: (CRS, Double)?
            for crs in readings(read) {
                let m = try median(positions(crs))
                if best == nil || m < best!.1 { best = (crs, m) }
            }
            if let (crs, m) = best, m <= base / 2, base - m >= 100 {
                return Finding(
                    crs: crs,
                    evidence: "the median distance from a POI to the nearest street is \(Int(base.rounded())) m "
                        + "read as \(name(read.crs)), \(Int(m.rounded())) m read as \(name(crs))")
            }
            return nil
        }
        // 3. The boundary.
        func share(_ points: [Coordinate]) throws -> Double {
            Double(try points.filter { try zone.contains($0) }.count) / Double(points.count)
        }
        let base = try share(given)
        for crs in readings(read) {
            let s = try share(positions(crs))
            if s >= 0.8, s - base >= 0.3 {
                return Finding(
                    crs: crs,
                    evidence: "\(Int((s * 100).rounded()))% of the POIs lie inside the boundary read as "
                        + "\(name(crs)), \(Int((base * 100).rounded()))% read as \(name(read.crs))")
            }
        }
        return nil
    }
}
