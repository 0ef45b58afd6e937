import Foundation
import QTTestSupport
import Testing

/// qtplan's figures on the bundled district against PostGIS's own on the same tables (the district exported to
/// a throwaway server): land-use areas against `ST_Area(geography)` of GEOS intersections done by PostGIS, radius
/// coverage against `ST_DWithin` on the metric CRS (EPSG:4549) with residents at `ST_PointOnSurface`.
@Suite("Checked against PostGIS", .serialized)
struct PostGISPeerTests {
    static let exported: Result<TestDatabase, Error> = Result {
        let database = try TestDatabase.database("peers")
        let result = try CLI.run(["export", "--all", "-o", database.connection, "--schema", "qt"])
        guard result.status == 0 else { throw TestDatabaseError(message: "export failed: \(result.stderr)") }
        return database
    }

    /// CSV text as rows of columns by name (no quoted commas in these outputs).
    static func csv(_ text: String) -> [[String: String]] {
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test("land use by class and sub-district: every row within 0.01 % of PostGIS's ST_Area(geography) of ST_Intersection")
    func landUseAgainstPostGIS() throws {
        let database = try Self.exported.get()
        let result = try CLI.run(["landuse", "--by", "class,subdistrict", "--unit", "ha", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        var ours: [String: Double] = [:]
        for row in Self.csv(result.stdout) {
            guard let zone = row["subdistrict"], !zone.isEmpty, let landClass = row["class"], !landClass.isEmpty,
                let area = row["area_ha"].flatMap(Double.init)
            else { continue }
            ours["\(zone)/\(landClass)"] = area * 10_000
        }
        let theirs = try database.rows(
            """
            SELECT s.id, l.class, sum(ST_Area(ST_Intersection(l.geom, s.geom)::geography, true))
            FROM qt.landuse l JOIN qt.subdistricts s ON ST_Intersects(l.geom, s.geom)
            GROUP BY 1, 2 HAVING sum(ST_Area(ST_Intersection(l.geom, s.geom)::geography, true)) > 1 ORDER BY 1, 2
            """)
        #expect(theirs.count > 50)
        #expect(Set(theirs.map { "\($0[0])/\($0[1])" }) == Set(ours.filter { $0.value > 1 }.keys))
        var worst = 0.0
        for row in theirs {
            let key = "\(row[0])/\(row[1])", postgis = Double(row[2]) ?? .nan
            guard let mine = ours[key] else { continue }
            let relative = abs(mine - postgis) / postgis
            worst = max(worst, relative)
            #expect(relative <= 1e-4, "\(key): qtplan \(mine) m², PostGIS \(postgis) m²")
        }
        print("land use vs PostGIS: \(theirs.count) rows, largest difference \(worst * 100) %")
    }

    /// The rows of gb50180 (geodata/standards/life-circles.json) compared: type, row label, the standard's distance,
    /// and the facility levels the row admits (`nil`: any), as that file states them (a facility without a `level`
    /// counts as a centre: its `level_defaults`; every bundled health facility has one).
    static let radiusRows: [(type: String, label: String, metres: Double, levels: [String]?)] = [
        ("primary_school", "primary_school", 500, nil), ("kindergarten", "kindergarten", 300, nil),
        ("middle_school", "middle_school", 1000, nil),
        ("community_health_centre", "community_health_centre", 1000, ["centre"]),
        ("community_health_centre", "community_health_station", 300, ["station", "centre"])
    ]

    @Test("radius coverage: each share within 0.1 percentage point of ST_DWithin on EPSG:4549", arguments: radiusRows)
    func radiusCoverageAgainstPostGIS(_ row: (type: String, label: String, metres: Double, levels: [String]?)) throws {
        let database = try Self.exported.get()
        let result = try CLI.run(["coverage", "--type", row.type, "--mode", "radius", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = Self.csv(result.stdout).filter { $0["label"] == row.label }
        #expect(!rows.isEmpty, "no row labelled \(row.label)")
        // The standard's distance is an input of both computations: GB 50180's for the row.
        #expect(rows.first?["distance_m"].flatMap(Double.init) == row.metres)
        let levelFilter = row.levels.map { " AND coalesce(f.level, 'centre') IN (\($0.map { "'\($0)'" }.joined(separator: ", ")))" } ?? ""
        let (type, metres) = (row.type, row.metres)
        let theirs = try database.rows(
            """
            WITH residents AS (
                SELECT p.subdistrict, p.population::float8 AS people, ST_Transform(ST_PointOnSurface(p.geom), 4549) AS at
                FROM qt.population p),  -- (the bundled layer has no residents marked outside)
            sites AS (
                SELECT ST_Transform(f.geom, 4549) AS at FROM qt.facilities f
                WHERE f.type = '\(type)' AND coalesce(f.status, 'operating') = 'operating'\(levelFilter)),
            reached AS (
                SELECT r.subdistrict, r.people, EXISTS (SELECT 1 FROM sites s WHERE ST_DWithin(r.at, s.at, \(metres))) AS covered
                FROM residents r)
            SELECT coalesce(subdistrict, ''), sum(people), sum(CASE WHEN covered THEN people ELSE 0 END) / sum(people)
            FROM reached GROUP BY ROLLUP (subdistrict) ORDER BY 1
            """)
        var postgis: [String: Double] = [:]
        for row in theirs { postgis[row[0]] = Double(row[2]) }
        #expect(postgis.count == rows.count)
        for line in rows {
            let zone = line["subdistrict"] ?? ""
            guard let share = line["share"].flatMap(Double.init), let peer = postgis[zone] else {
                Issue.record("no PostGIS share for '\(zone)'")
                continue
            }
            #expect(abs(share - peer) <= 0.001, "\(row.label) \(zone.isEmpty ? "district" : zone): qtplan \(share), PostGIS \(peer)")
        }
    }
}
