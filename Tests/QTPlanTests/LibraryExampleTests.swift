import QTAnalysis
import QTModel
import QTPlan
import Testing

/// The README's worked example of the planning API ("The library"), run as written.
struct LibraryExampleTests {
    @Test func coverageOfTheGB50180ProfileWithoutTheCLI() async throws {
        let district = try DistrictLoader().load(directory: BundledData.qiantangDirectory).district
        let standards = try StandardsFiles.lifeCircles()
        let request = CoverageRequest(selection: ServiceSelection(.types(["kindergarten"])), profile: "gb50180")
        let outcome = try await CoverageJob(request, standards: standards).run(on: district)
        let kindergartens = outcome.results[0]
        // gb50180's 5-minute circle is 300 m along the streets (table 3.0.4); at equal distance the streets cover
        // no more than the straight line, whose 300 m count is checked by brute force in CoverageBundledTests.
        #expect(kindergartens.service.minutes == 5 && kindergartens.service.distance == 300 && kindergartens.total.population == 793_000)
        #expect(kindergartens.service.effectiveMeasure == .distance && kindergartens.total.covered > 0)
        let radius = CoverageRequest(selection: ServiceSelection(.types(["kindergarten"]), mode: .radius), profile: "gb50180")
        let straight = try await CoverageJob(radius, standards: standards).run(on: district).results[0]
        #expect(kindergartens.total.covered <= straight.total.covered)
        #expect(
            outcome.table(by: .district).hasPrefix(
                "service       mode  measure   circle  facilities  residents  covered  share  target    target share\nkindergarten  walk  distance  300 m"))
    }
}
