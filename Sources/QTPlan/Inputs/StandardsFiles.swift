import Foundation
import QTAnalysis
import QTFormats

/// Reads the standards, rules and targets files into values: the one place that opens them (QTAnalysis parses
/// their text but reads no file). Each takes a path, or `nil` for the bundled file.
public enum StandardsFiles {
    /// The bundled life-circle standards (`geodata/standards/life-circles.json`).
    public static var bundledLifeCircles: String { BundledData.standardsFile("life-circles.json") }
    /// The bundled siting rules (`geodata/standards/siting-rules.json`).
    public static var bundledSitingRules: String { BundledData.standardsFile("siting-rules.json") }
    /// The bundled targets (`geodata/standards/targets.json`).
    public static var bundledTargets: String { BundledData.standardsFile("targets.json") }

    /// The largest standards, rules or targets file read: ``QTFormats/InputFile/standardsFileLimit`` (4 MiB).
    public static let maximumBytes = InputFile.standardsFileLimit

    /// The bytes of a standards file, through one descriptor (``QTFormats/InputFile``): `nil` when it is
    /// missing, otherwise the data or what is wrong with the file.
    static func contents(_ path: String) -> Result<Data, InputFile.Problem>? {
        do {
            return .success(try InputFile.read(path, limit: maximumBytes))
        } catch {
            return error == .missing ? nil : .failure(error)
        }
    }

    /// The life-circle standards at `path` (the bundled file when `nil`).
    /// - Throws: ``QTAnalysis/StandardsError``: `missingFile` (exit 66), `invalid` (65).
    public static func lifeCircles(path: String? = nil) throws(StandardsError) -> LifeCircleStandards {
        let path = path ?? bundledLifeCircles
        guard let read = contents(path) else { throw .missingFile(path: path) }
        guard case .success(let data) = read else { throw .invalid(path: path, field: "", detail: "\(read.problem)") }
        return try LifeCircleStandards.parse(data: data, path: path)
    }

    /// The siting rules at `path`; the bundled file when `nil`, named in reports by its path in the repository.
    /// - Throws: ``QTAnalysis/SitingError``: `missingFile` (exit 66), `invalidRules` (65).
    public static func sitingRules(path: String? = nil) throws(SitingError) -> SitingRules {
        let file = path ?? bundledSitingRules
        guard let read = contents(file) else { throw .missingFile(path: file, what: "siting rules file") }
        guard case .success(let data) = read else { throw .invalidRules(path: file, field: "", detail: "\(read.problem)") }
        var rules = try SitingRules.parse(data: data, path: file)
        if path == nil { rules.path = "geodata/standards/siting-rules.json (bundled)" }
        return rules
    }

    /// The targets at `path` (the bundled file when `nil`).
    /// - Throws: ``QTAnalysis/IndicatorTargetsError``: `missingFile` (exit 66), `invalid` (65).
    public static func targets(path: String? = nil) throws(IndicatorTargetsError) -> IndicatorTargets {
        let path = path ?? bundledTargets
        guard let read = contents(path) else { throw .missingFile(path: path) }
        guard case .success(let data) = read else { throw .invalid(path: path, field: "", detail: "\(read.problem)") }
        return try IndicatorTargets.parse(data: data, path: path)
    }
}

extension Result where Failure == InputFile.Problem {
    /// The problem of a failed read (for messages); empty for a success.
    var problem: String {
        if case .failure(let problem) = self { return problem.description }
        return ""
    }
}
