import ArgumentParser

/// The `qtplan` command: planning questions about a district, answered from its data.
@main
struct QTPlan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qtplan",
        abstract: "A geospatial planning toolkit for Qiantang District (Hangzhou) and any district of the same shape.",
        discussion: """
            Exit codes: 0 ok, 64 usage error, 65 bad input data, 66 missing input, 73 cannot write output;
            site-check exits 1 when a siting rule fails.
            Results go to stdout, diagnostics to stderr.
            """,
        version: Version.text,
        subcommands: [InfoCommand.self, TransformCommand.self, ValidateCommand.self, IndicatorsCommand.self, LandUseCommand.self,
                      CoverageCommand.self, IsochroneCommand.self, SiteCheckCommand.self, SiteSuggestCommand.self,
                      ExportCommand.self, MapCommand.self, ReportCommand.self, DistrictCommand.self]
    )
}
