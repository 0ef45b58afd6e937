import ArgumentParser

/// How a command prints data: `table` for people, `json` for programs.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
}
