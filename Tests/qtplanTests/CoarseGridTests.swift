import Foundation
import Testing

/// A travel-time grid holds at most 16 million cells; a larger reachable area gets larger cells, and the
/// user is told (the files carry `cell_m`).
@Suite struct CoarseGridTests {
    @Test("a 15-minute drive at --cell 1 m is drawn on a coarser grid, said on stderr and in cell_m")
    func coarsenedGridIsSaid() throws {
        let result = try CLI.run(["isochrone", "--facility", "chc-jinshahu", "--minutes", "15", "--mode", "drive", "--cell", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stderr.hasPrefix("qtplan: warning: the isochrone: areas drawn on a ") && result.stderr.contains("instead of 1.0 m"),
            "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let band = (json?["features"] as? [[String: Any]])?.first?["properties"] as? [String: Any]
        let cell = try #require(band?["cell_m"] as? Double)
        // The area reached is at least 4 km across: more than 16 million 1 m cells, so each cell is > 1 m.
        #expect(cell > 1)
        let normal = try CLI.run(["isochrone", "--facility", "chc-jinshahu", "--minutes", "5"])
        #expect(normal.stderr.isEmpty, "\(normal.stderr)") // 25 m cells: nothing to say
    }
}
