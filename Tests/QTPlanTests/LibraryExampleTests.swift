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
        // 88,901 of 793,000 residents within a 5-minute walk (as `qtplan coverage --type kindergarten` prints).
        #expect(kindergartens.service.minutes == 5 && kindergartens.total.covered == 88_901 && kindergartens.total.population == 793_000)
        #expect(outcome.table(by: .district).hasPrefix("service       mode  circle  facilities  residents  covered  share\nkindergarten  walk  5 min"))
    }
}
