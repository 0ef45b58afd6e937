import ArgumentParser
import Foundation
import QTAnalysis
import QTFormats
import QTModel
import QTPlan

extension CoverageMode: ExpressibleByArgument {}
extension CoverageMeasure: ExpressibleByArgument {}
extension TravelDirection: ExpressibleByArgument {}
extension CoverageGrouping: ExpressibleByArgument {}

/// Parsing of the option values argument-parser leaves as text: comma-separated lists, minutes, positions.
enum Arguments {
    /// `a, b,,c` → `["a", "b", "c"]`.
    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// `5,10,15` → minutes, each a number > 0.
    static func minutes(_ text: String) throws -> [Double] {
        let values = list(text)
        guard !values.isEmpty else { throw PlanError(.usage, "--minutes: expected numbers such as 5,10,15") }
        return try values.map {
            guard let m = Double($0), m > 0, m.isFinite else { throw PlanError(.usage, "--minutes: '\($0)' is not a number of minutes > 0") }
            return m
        }
    }

    /// For a command's `validate()`: an output path's extension must name a writable format.
    static func checkOutput(_ path: String?, _ setting: RequestSetting) throws {
        guard let path, !PostGISLocation.names(path) else { return }
        do { _ = try FeatureFiles.format(of: path, setting: setting) } catch {
            throw ValidationError(error.message(.commandLine))
        }
    }
}
