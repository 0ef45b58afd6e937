import Foundation
import QTGeometry
import QTModel
import QTProjection
import QTTestSupport
import Testing

@testable import QTAnalysis

/// Drive times from five fire stations over the bundled district's streets, against pgRouting's
/// `pgr_withPointsDD` on the same edges in a throwaway PostgreSQL server.
///
/// The peer's graph is built in SQL from the network layer as GDAL's own `ogr2ogr` loads it: nodes where edge ends
/// are exactly equal, `cost` the edge's length in EPSG:4549 (PostGIS's `ST_Transform`) over its `speed_kmh`,
/// `reverse_cost = -1` on one-way edges and on edges drivers may not use. The stations start part-way along
/// their edges, at the fraction where qtplan joins them to the network (the one input taken from qtplan); their
/// walked access legs are left out of both sides. Every node's time must agree within 1 s.
@Suite("Drive times against pgRouting")
struct PgRoutingPeerTests {
    @Test("five fire stations: every node's drive time within 1 s of pgr_withPointsDD")
    func driveTimesAgainstPgRouting() throws {
        let database = try TestDatabase.database("routing")
        let network = IndicatorFixtures.bundled + "/network.geojson"
        let loaded = try Tool.run(
            "ogr2ogr",
            [
                "-f", "PostgreSQL", database.connection, network, "-nln", "network",
                "-lco", "GEOMETRY_NAME=geom", "-lco", "FID=fid"
            ])
        #expect(loaded.status == 0, "\(loaded.output)")

        let district = try DistrictLoader().load(directory: IndicatorFixtures.bundled).district
        let toMetric = try Transformer(from: .wgs84, to: try CRS(parsing: district.manifest.metricCRS))
        let graph = try StreetGraph.network(of: district, mode: .drive, walkSpeedKmh: 4.5, driveSpeedKmh: [:], toMetric: toMetric)
        // Edge e of the graph is the e-th edge drivers may use, in layer order (none is dropped: checked).
        let driveIDs = district.features(.network).filter { $0.properties["drive"]?.boolValue == true }
            .compactMap { $0.properties["id"]?.stringValue }
        #expect(graph.edgeCount == driveIDs.count)
        let prepared = PreparedNetwork(
            graph: graph,
            demand: DemandSet(
                ids: [], xs: [], ys: [], population: [], subdistrict: [], urban: [],
                subdistricts: [], subdistrictNames: [], featureIndex: []),
            maximumAccess: 1_000)
        let stations = district.features(.facilities).filter { $0.properties["type"]?.stringValue == "fire_station" }.prefix(5)
        #expect(stations.count == 5)
        var sources: [EdgePosition] = []
        for station in stations {
            guard case .point(let p)? = station.geometry, let at = p.coordinate else { continue }
            let metric = try toMetric.transform([at])[0]
            let position = try #require(prepared.locate(x: metric.x, y: metric.y, maximumAccess: 1_000))
            sources.append(EdgePosition(edge: position.edge, offset: position.offset, access: 0))
        }
        let limit = 1_800.0
        let ours = NetworkTimes(graph: graph, sources: sources, direction: .fromFacility, walkSpeed: 1, limit: limit).nodeTimes

        // (not named `edges`: pgr_withPointsDD names its own CTE so, which would hide the table)
        let points = sources.enumerated().map { k, s in
            "(\(-(k + 1)), \(SQLValue.text(driveIDs[Int(s.edge)])), \(s.offset / graph.length[Int(s.edge)]))"
        }.joined(separator: ", ")
        try database.sql(
            """
            CREATE TABLE ends AS SELECT fid, id, ST_AsEWKB(ST_StartPoint(geom)) AS a, ST_AsEWKB(ST_EndPoint(geom)) AS b,
                ST_Length(ST_Transform(geom, 4549)) / (speed_kmh / 3.6) AS seconds, coalesce(oneway, false) AS oneway
                FROM network WHERE drive;
            CREATE TABLE nodes AS SELECT row_number() OVER (ORDER BY p) AS node, p FROM (SELECT a AS p FROM ends UNION SELECT b FROM ends) q;
            CREATE TABLE drive_edges AS SELECT e.fid AS id, e.id AS name, s.node AS source, t.node AS target, e.seconds AS cost,
                CASE WHEN e.oneway THEN -1 ELSE e.seconds END AS reverse_cost
                FROM ends e JOIN nodes s ON s.p = e.a JOIN nodes t ON t.p = e.b;
            CREATE TABLE stations (pid bigint, name text, fraction float8);
            INSERT INTO stations VALUES \(points);
            """)
        let reached = try database.rows(
            """
            SELECT node, min(agg_cost) FROM pgr_withPointsDD(
                'SELECT id, source, target, cost, reverse_cost FROM drive_edges',
                'SELECT -s.pid AS pid, e.id AS edge_id, s.fraction FROM stations s JOIN drive_edges e ON e.name = s.name',
                ARRAY[-1, -2, -3, -4, -5]::bigint[], \(limit), directed => true, driving_side => 'b', details => false)
            WHERE node > 0 GROUP BY node
            """)
        // pgRouting's node → qtplan's node, through the edges' ends.
        let ends = try database.rows("SELECT name, source, target FROM drive_edges")
        let index = Dictionary(uniqueKeysWithValues: driveIDs.enumerated().map { ($1, $0) })
        var node: [String: Int] = [:]
        for row in ends {
            guard let e = index[row[0]] else { continue }
            node[row[1]] = Int(graph.from[e])
            node[row[2]] = Int(graph.to[e])
        }
        #expect(reached.count > 1_000)
        var worst = 0.0, compared = 0
        var theirs = Set<Int>()
        for row in reached {
            guard let n = node[row[0]], let seconds = Double(row[1]) else {
                Issue.record("pgRouting node \(row[0]) is not a node of qtplan's graph")
                continue
            }
            theirs.insert(n)
            let difference = abs(ours[n] - seconds)
            worst = max(worst, difference.isFinite ? difference : .infinity)
            compared += 1
            #expect(difference <= 1, "node \(n): qtplan \(ours[n]) s, pgRouting \(seconds) s")
        }
        // Every node qtplan reaches well inside the limit, pgRouting reaches too.
        let missing = ours.indices.filter { ours[$0] < limit - 1 && !theirs.contains($0) }
        #expect(missing.isEmpty, "\(missing.count) nodes reached by qtplan only")
        print("drive times vs pgRouting: \(compared) nodes, largest difference \(worst) s")
    }
}

/// SQL text for the test's values.
enum SQLValue {
    /// A string literal.
    static func text(_ value: String) -> String { "'" + value.replacingOccurrences(of: "'", with: "''") + "'" }
}
