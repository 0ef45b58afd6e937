import Foundation
import QTAnalysis
import QTGeometry
import QTModel
import QTProjection
import QTTestSupport
import Testing

/// qtplan's shortest walking distances on the bundled Helsinki district (real OpenStreetMap streets, built by
/// `qtplan district build`) against networkx on the same exported edges (tools/osm-peers/paths_check.py).
@Suite struct HelsinkiPathsTests {
    static let root = URL(fileURLWithPath: #filePath) // Tests/QTAnalysisTests/OSM/HelsinkiPathsTests.swift
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// From 200 seeded graph nodes to every node reached: the coverage engine walking at 1 m/s (seconds are
    /// metres), each source a facility on its node and every node a resident on it (access legs 0), searched up to
    /// 2 hours (7.2 km, more than the extract spans).
    @Test func walkingDistancesFrom200NodesEqualNetworkx() throws {
        let folder = Self.root.appendingPathComponent("geodata/helsinki").path
        let (district, _) = try DistrictLoader().load(directory: folder)
        let crs = try CRS(parsing: district.manifest.metricCRS)
        let toMetric = try Transformer(from: .wgs84, to: crs)
        let graph = try StreetGraph.network(of: district, mode: .walk, walkSpeedKmh: 3.6, driveSpeedKmh: [:], toMetric: toMetric)
        var seen = Set<String>()
        var nodes: [Coordinate] = []
        for f in district.features(.network) where f.properties["walk"]?.boolValue == true {
            guard case .lineString(let line)? = f.geometry, let a = line.coordinates.first, let b = line.coordinates.last else { continue }
            for c in [a, b] where seen.insert("\(c.x),\(c.y)").inserted { nodes.append(c) }
        }
        #expect(nodes.count > 3000)
        var rng = SeededGenerator(seed: 2026)
        let sources = Array(nodes.shuffled(using: &rng).prefix(200))
        let metric = try toMetric.transform(nodes)
        let demand = DemandSet(
            ids: nodes.indices.map { "n\($0)" }, xs: metric.map(\.x), ys: metric.map(\.y),
            population: nodes.map { _ in 1 }, subdistrict: nodes.map { _ in -1 }, urban: nodes.map { _ in true },
            subdistricts: [], subdistrictNames: [], featureIndex: Array(nodes.indices))
        let network = PreparedNetwork(graph: graph, demand: demand, maximumAccess: 0.001)
        let selector = SupplySelector(type: "source")
        let service = CoverageService(label: "source", supply: selector, minutes: 120, distance: 7200, mode: .walk, direction: .fromFacility)
        var options = CoverageOptions(walkSpeedKmh: 3.6, maximumAccess: 0.001, maximumMinutes: 120)
        options.reachHorizonFactor = 1
        var csv = ""
        for source in sources {
            let m = try toMetric.transform(source)
            let supply = SupplySet(ids: ["s"], names: ["s"], xs: [m.x], ys: [m.y])
            let inputs = CoverageInputs(demand: demand, supplies: [selector: supply], networks: [.walk: network], metricCRS: crs, options: options)
            let result = try Coverage.measure(service, in: inputs)
            for (i, seconds) in result.reach.enumerated() where seconds.isFinite && nodes[i] != source {
                csv += "\(source.x),\(source.y),\(nodes[i].x),\(nodes[i].y),\(seconds)\n"
            }
        }
        let scratch = try Tool.temporaryFolder("helsinki-paths")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let file = (scratch as NSString).appendingPathComponent("distances.csv")
        try Data(csv.utf8).write(to: URL(fileURLWithPath: file))
        let check = try Tool.run(
            "python3",
            [
                Self.root.appendingPathComponent("tools/osm-peers/paths_check.py").path,
                "--district", folder, "--distances", file
            ])
        print(check.output) // the figures, for the log
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains("\"sources\": 200"), "\(check.output)")
    }
}
