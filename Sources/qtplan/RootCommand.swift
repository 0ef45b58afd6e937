import ArgumentParser
import Foundation
import QTText

/// The `qtplan` command: planning questions about a district, answered from its data.
@main
struct RootCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qtplan",
        abstract: "A geospatial planning toolkit for Qiantang District (Hangzhou) and any district of the same shape.",
        discussion: """
            Exit codes: 0 ok, 64 usage error, 65 bad input data, 66 missing input, 70 internal error (a bug),
            73 cannot write output, 130 interrupted; site-check exits 1 when a siting rule fails.
            Results go to stdout, diagnostics to stderr.
            """,
        version: Version.text,
        subcommands: [
            InfoCommand.self, TransformCommand.self, ValidateCommand.self, IndicatorsCommand.self, LandUseCommand.self,
            CoverageCommand.self, CompareCommand.self, IsochroneCommand.self, SiteCheckCommand.self, SiteSuggestCommand.self,
            ExportCommand.self, MapCommand.self, ReportCommand.self, DistrictCommand.self, BatchCommand.self
        ]
    )

    /// Runs the command as argument-parser's own `main` does, except that an error message (a usage error quotes
    /// the arguments given) reaches stderr with its control characters made visible (``QTText/TerminalText``).
    static func main() async {
        do {
            var command = try await asyncParseAsRoot(nil)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let text = fullMessage(for: error)
            let code = exitCode(for: error)
            if !text.isEmpty {
                if code == .success {
                    print(text)
                } else {
                    FileHandle.standardError.write(Data((TerminalText.lines(text) + "\n").utf8))
                }
            }
            Foundation.exit(code.rawValue)
        }
    }
}
