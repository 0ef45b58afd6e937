import ArgumentParser

/// How a command prints a table of results: `table` for people, `json` for programs, `csv` for spreadsheets.
enum TabularFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
    case csv
}
