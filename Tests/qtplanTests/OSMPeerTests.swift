import Foundation
import QTTestSupport
import Testing

/// The district build checked against independent tools on the real Helsinki extract (tools/osm-peers): the
/// walk and drive graphs against osmnx built from the same ways (and pyrosm's own network reported beside it),
/// and one service's walking coverage share against a networkx computation. The scripts need pyrosm, osmnx and
/// networkx (tools/setup.sh installs them) and osmium-tool.
@Suite(.serialized) struct OSMPeerTests {
    static let extract = CLI.root.appendingPathComponent("Tests/Fixtures/osm/Helsinki.osm.pbf").path
    static func script(_ name: String) -> String { CLI.root.appendingPathComponent("tools/osm-peers/\(name)").path }

    /// The whole extract (a boundary around it, no margin), so that every network way is in the district.
    @Test(arguments: ["walk", "drive"])
    func graphsMatchOsmnxOnTheSameWays(_ mode: String) throws {
        let scratch = try Tool.temporaryFolder("osm-peers-graph")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let boundary = (scratch as NSString).appendingPathComponent("all.geojson")
        try Data(
            """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Helsinki extract"},"geometry":{"type":"Polygon","coordinates":[[[24.93,60.16],[24.96,60.16],[24.96,60.185],[24.93,60.185],[24.93,60.16]]]}}]}
            """.utf8
        ).write(to: URL(fileURLWithPath: boundary))
        let folder = (scratch as NSString).appendingPathComponent("d")
        let built = try CLI.run(["district", "build", "-o", folder, "--boundary", boundary, "--osm", Self.extract, "--margin", "0"])
        #expect(built.status == 0, "\(built.stderr)")
        let check = try Tool.run(
            "python3",
            [
                Self.script("graph_check.py"), "--district", folder, "--osm", Self.extract,
                "--mode", mode, "--pyrosm"
            ])
        print(check.output)
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains("\"edge_ends_are_junctions\": true"))
        // pyrosm's own selection differs only where explained: the ways it keeps that refer to nodes the extract
        // lacks (qtplan skips and warns), and the cycleways with foot access that qtplan walks.
        if mode == "walk" {
            #expect(check.output.contains("\"only_pyrosm\": 85") && check.output.contains("\"only_pyrosm_refer_to_missing_nodes\": 85"))
            #expect(check.output.contains("\"cycleway\": 73"))
        }
    }

    /// Every building counted as residential (a test table), so that residents are spread over 167 buildings
    /// and the shares mean something: bus stops within 5 and 2 minutes' walk, and within 300 and 150 m walked.
    @Test(arguments: [["--minutes", "5"], ["--minutes", "2"], ["--metres", "300"], ["--metres", "150"]])
    func busStopCoverageEqualsNetworkx(_ circle: [String]) throws {
        let scratch = try Tool.temporaryFolder("osm-peers-coverage")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let standards = (scratch as NSString).appendingPathComponent("standards")
        try FileManager.default.copyItem(atPath: CLI.root.appendingPathComponent("geodata/standards").path, toPath: standards)
        let table = (standards as NSString).appendingPathComponent("osm-landuse.json")
        let text = try String(contentsOfFile: table, encoding: .utf8)
            .replacingOccurrences(of: "\"values\": [\"residential\", \"apartments\"", with: "\"values\": [\"yes\", \"residential\", \"apartments\"")
        try Data(text.utf8).write(to: URL(fileURLWithPath: table))
        let folder = (scratch as NSString).appendingPathComponent("d")
        let built = try CLI.run([
            "district", "build", "-o", folder, "--boundary", CLI.root.appendingPathComponent("tools/helsinki/boundary.geojson").path,
            "--osm", Self.extract, "--margin", "200", "--standards", standards
        ])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stdout.contains("Layer population  167 features"))
        // Timed (--minutes, --measure time) and walked distance (--metres: gb50180's measure, issue 15).
        let check = try Tool.run(
            "python3",
            [Self.script("coverage_check.py"), "--district", folder, "--type", "bus_stop"]
                + circle + ["--qtplan", CLI.binary.path])
        print(check.output)
        #expect(check.status == 0, "\(check.output)")
    }
}
