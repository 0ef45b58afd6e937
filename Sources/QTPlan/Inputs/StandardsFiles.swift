import Foundation
import QTAnalysis

/// Reads the standards, rules and targets files into values: the one place that opens them (QTAnalysis parses
/// their text but reads no file). Each takes a path, or `nil` for the bundled file.
public enum StandardsFiles {
    /// The bundled life-circle standards (`geodata/standards/life-circles.json`).
    public static var bundledLifeCircles: String { BundledData.standardsFile("life-circles.json") }
    /// The bundled siting rules (`geodata/standards/siting-rules.json`).
    public static var bundledSitingRules: String { BundledData.standardsFile("siting-rules.json") }
    /// The bundled targets (`geodata/standards/targets.json`).
    public static var bundledTargets: String { BundledData.standardsFile("targets.json") }

    /// The life-circle standards at `path` (the bundled file when `nil`).
    /// - Throws: ``QTAnalysis/StandardsError``: `missingFile` (exit 66), `invalid` (65).
    public static func lifeCircles(path: String? = nil) throws(StandardsError) -> LifeCircleStandards {
        let path = path ?? bundledLifeCircles
        guard let data = FileManager.default.contents(atPath: path) else { throw .missingFile(path: path) }
        return try LifeCircleStandards.parse(data: data, path: path)
    }

    /// The siting rules at `path`; the bundled file when `nil`, named in reports by its path in the repository.
    /// - Throws: ``QTAnalysis/SitingError``: `missingFile` (exit 66), `invalidRules` (65).
    public static func sitingRules(path: String? = nil) throws(SitingError) -> SitingRules {
        let file = path ?? bundledSitingRules
        guard let data = FileManager.default.contents(atPath: file) else { throw .missingFile(path: file, what: "siting rules file") }
        var rules = try SitingRules.parse(data: data, path: file)
        if path == nil { rules.path = "geodata/standards/siting-rules.json (bundled)" }
        return rules
    }

    /// The targets at `path` (the bundled file when `nil`).
    /// - Throws: ``QTAnalysis/IndicatorTargetsError``: `missingFile` (exit 66), `invalid` (65).
    public static func targets(path: String? = nil) throws(IndicatorTargetsError) -> IndicatorTargets {
        let path = path ?? bundledTargets
        guard let data = FileManager.default.contents(atPath: path) else { throw .missingFile(path: path) }
        return try IndicatorTargets.parse(data: data, path: path)
    }
}
