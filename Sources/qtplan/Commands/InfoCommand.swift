import ArgumentParser
import QTPlan

/// `qtplan info`: what a district is, its official and measured areas, and its layers.
struct InfoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Summarise a district: names, official and measured area, residents, features per layer.")

    @OptionGroup var districtOptions: DistrictOptions

    @Option(name: .long, help: "Output format.")
    var format: OutputFormat = .table

    func run() async throws {
        try await CommandBody.run {
            let summary = try Info.run(on: try districtOptions.load())
            if format == .table { Terminal.table(summary.table) } else { print(summary.json, terminator: "") }
        }
    }
}
