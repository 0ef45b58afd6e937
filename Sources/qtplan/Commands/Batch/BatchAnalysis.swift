import ArgumentParser
import QTModel
import QTPlan
import QTText

/// One `--run` of `qtplan batch`: a tabular command and its arguments (`coverage --all`, `landuse --by
/// class,subdistrict`, `indicators`), parsed by that command's own parser and run in-process on each district
/// through the planning API (the command's `resultRows(on:)`), never as a subprocess.
struct BatchAnalysis: Sendable {
    /// The command's name: `coverage`, `landuse` or `indicators` (the name of its results table's prefix).
    let command: String
    /// The arguments after the command's name, split at spaces.
    let arguments: [String]

    /// The commands a batch runs.
    static let commands = ["coverage", "landuse", "indicators"]
    /// Options a batch sets itself, or that write files of their own: refused inside `--run`.
    static let reserved = ["--district", "--schema", "--results", "--format", "--areas", "--gaps", "-o", "--output", "--force", "--plan"]

    /// Parses `text` (`"coverage --all --mode walk"`; words separated by spaces, no quoting) and checks it with
    /// the command's own parser.
    /// - Throws: `ValidationError` naming the `--run` for an unknown command, a reserved option or arguments the
    ///   command refuses.
    init(_ text: String) throws {
        let words = text.split(separator: " ").map(String.init)
        guard let name = words.first, Self.commands.contains(name) else {
            throw ValidationError("--run '\(text)': give one of \(Self.commands.joined(separator: ", ")) and its options")
        }
        if let bad = words.dropFirst().first(where: { word in Self.reserved.contains { word == $0 || word.hasPrefix($0 + "=") } }) {
            throw ValidationError("--run '\(text)': \(bad) is not allowed here (the batch chooses each district and writes the results)")
        }
        command = name
        arguments = Array(words.dropFirst())
        _ = try parsed(district: nil)
    }

    /// The command parsed with `--district district` in front (none: the default district, for checking).
    func parsed(district: String?) throws -> any BatchRunnable {
        let full = (district.map { ["--district", $0] } ?? []) + arguments
        do {
            switch command {
            case "coverage": return try CoverageCommand.parse(full)
            case "landuse": return try LandUseCommand.parse(full)
            default: return try IndicatorsCommand.parse(full)
            }
        } catch {
            let message =
                switch command {
                case "coverage": CoverageCommand.message(for: error)
                case "landuse": LandUseCommand.message(for: error)
                default: IndicatorsCommand.message(for: error)
                }
            throw ValidationError("--run '\(([command] + arguments).joined(separator: " "))': \(message)")
        }
    }
}

/// A tabular command a batch runs: the files it reads and its result rows on a loaded district.
protocol BatchRunnable {
    /// The files the run reads (for the run record's checksum).
    var inputs: RunInputs { get }
    /// The result rows on `district`, printed nowhere.
    func resultRows(on district: District) async throws -> ResultRows
}

extension CoverageCommand: BatchRunnable {}
extension LandUseCommand: BatchRunnable {}
extension IndicatorsCommand: BatchRunnable {}
