import ArgumentParser
import QTPlan
import QTText

/// `qtplan info`: what a district is, its official and measured areas, and its layers.
struct InfoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Summarise a district: names, official and measured area, residents, features per layer.")

    @OptionGroup var districtOptions: DistrictOptions

    @Option(name: .long, help: "Output format.")
    var format: OutputFormat = .table

    @OptionGroup var language: LanguageOptions

    func run() async throws {
        try await CommandBody.run {
            let district = try districtOptions.load()
            let summary = try Info.run(on: district)
            if format == .table { Terminal.table(summary.table(language: language.language(for: district))) } else { print(summary.json, terminator: "") }
        }
    }
}
