import ArgumentParser

/// `qtplan district`: making district folders.
struct DistrictCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "district",
        abstract: "Make district folders (district build: from an OpenStreetMap extract).",
        subcommands: [DistrictBuildCommand.self])
}
