import Foundation
import QTTestSupport
import Testing

/// `district build --population` against an independent zonal sum (tools/planner-peers/raster_zonal.py: the
/// ASCII grid read as text, the boundary projected by pyproj, cell shares inside by shapely): totals within 0.1%,
/// the manifest's residents the rounded sum, and the folder validates.
@Suite struct PlannerRasterPeerTests {
    static let small = CLI.root.appendingPathComponent("Tests/Fixtures/osm/small.osm").path
    static func planner(_ name: String) -> String { CLI.root.appendingPathComponent("Tests/Fixtures/planner/\(name)").path }

    @Test(arguments: ["population-100m", "population-1km"])
    func rasterTotalsMatchShapely(name: String) throws {
        let scratch = try Tool.temporaryFolder("planner-raster")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let folder = (scratch as NSString).appendingPathComponent("d")
        let built = try CLI.run([
            "district", "build", "-o", folder, "--boundary", "osm:relation/920", "--osm", Self.small,
            "--margin", "200", "--population", Self.planner("\(name).tif")
        ])
        #expect(built.status == 0, "\(built.stderr)")
        // "… sum 446.707, residents 447"
        let line = try #require(built.stdout.split(separator: "\n").first { $0.hasPrefix("Planner's file") })
        let sumText = try #require(line.components(separatedBy: "sum ").last?.components(separatedBy: ",").first)
        let sum = try #require(Double(sumText.replacingOccurrences(of: ",", with: "")))
        let residentsText = try #require(line.components(separatedBy: "residents ").last)
        #expect(Int(residentsText.replacingOccurrences(of: ",", with: "")) == Int(sum.rounded()))
        let peer = try Tool.run(
            "python3",
            [
                CLI.root.appendingPathComponent("tools/planner-peers/raster_zonal.py").path,
                "--asc", Self.planner("\(name).asc"), "--crs", "EPSG:4549", "--district", folder
            ])
        #expect(peer.status == 0, "\(peer.output)")
        let shapely = try #require(Double(peer.output.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(shapely > 100)
        #expect(abs(sum - shapely) / shapely < 0.001, "qtplan \(sum), shapely \(shapely)")
        let validate = try CLI.run(["validate", "--district", folder, "--strict"])
        #expect(validate.status == 0, "\(validate.stdout)")
        let info = try CLI.run(["info", "--district", folder])
        #expect(info.stdout.contains("(raster:\(name).tif (modelled))"))
    }

    /// The bundled Helsinki district rebuilt with a population raster made from its own buildings (each building's
    /// residents summed into the 100 m cell of its point on surface, EPSG:32635) and with a census table of two
    /// made-up zones: both validate and coverage runs on them.
    @Test func helsinkiWithARasterAndWithACensus() throws {
        let scratch = try Tool.temporaryFolder("planner-helsinki")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let base = [
            "district", "build", "--boundary", CLI.root.appendingPathComponent("tools/helsinki/boundary.geojson").path,
            "--osm", CLI.root.appendingPathComponent("Tests/Fixtures/osm/Helsinki.osm.pbf").path, "--margin", "200"
        ]
        let rasterFolder = (scratch as NSString).appendingPathComponent("r")
        let raster = try CLI.run(base + ["-o", rasterFolder, "--population", Self.planner("helsinki/population-100m.tif")])
        #expect(raster.status == 0, "\(raster.stderr)")
        let line = try #require(raster.stdout.split(separator: "\n").first { $0.hasPrefix("Planner's file") })
        let sumText = try #require(line.components(separatedBy: "sum ").last?.components(separatedBy: ",").first)
        let sum = try #require(Double(sumText))
        let peer = try Tool.run(
            "python3",
            [
                CLI.root.appendingPathComponent("tools/planner-peers/raster_zonal.py").path,
                "--asc", Self.planner("helsinki/population-100m.asc"), "--crs", "EPSG:32635", "--district", rasterFolder
            ])
        let shapely = try #require(Double(peer.output.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(abs(sum - shapely) / shapely < 0.001, "qtplan \(sum), shapely \(shapely)")
        let censusFolder = (scratch as NSString).appendingPathComponent("c")
        let census = try CLI.run(
            base + [
                "-o", censusFolder, "--census", Self.planner("helsinki/census.csv"),
                "--census-zones", Self.planner("helsinki/zones.geojson"), "--zone-field", "zone"
            ])
        #expect(census.status == 0, "\(census.stderr)")
        #expect(census.stdout.contains("Residents         500 (census: census.csv, 2 zones"))
        for folder in [rasterFolder, censusFolder] {
            let validate = try CLI.run(["validate", "--district", folder, "--strict"])
            #expect(validate.status == 0, "\(validate.stdout)")
            let coverage = try CLI.run(["coverage", "--district", folder, "--all", "--mode", "walk"])
            #expect(coverage.status == 0, "\(coverage.stderr)")
            #expect(coverage.stdout.contains("primary_school"))
        }
    }
}
