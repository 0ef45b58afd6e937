import Foundation
import Testing

/// The same inputs give byte-identical outputs, so that a plan's results can be diffed in review.
@Suite struct DeterminismTests {
    @Test(arguments: [
        ["validate", "--format", "json"],
        ["validate", "--format", "json", "--district", "{fixtures}/districts/broken-overlap"],
        ["landuse", "--format", "json"],
        ["landuse", "--format", "json", "--by", "class,subdistrict", "--district", "{fixtures}/districts/landuse-split"],
        ["indicators", "--format", "json"],
        ["info", "--format", "json"],
    ])
    func twoRunsGiveTheSameBytes(_ arguments: [String]) throws {
        let fixtures = CLI.root.appendingPathComponent("Tests/Fixtures").path
        let expanded = arguments.map { $0.replacingOccurrences(of: "{fixtures}", with: fixtures) }
        let first = try CLI.run(expanded)
        let second = try CLI.run(expanded)
        #expect(first.status == second.status)
        #expect(!first.stdout.isEmpty)
        #expect(first.stdout == second.stdout)
        #expect(first.stderr == second.stderr)
    }
}
