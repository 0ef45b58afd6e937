import Foundation
import QTAnalysis

// QTAnalysis reads no files (QTPlan's StandardsFiles does, for the product); these tests read their fixtures and
// the bundled files here and hand the bytes to the same parsers, with the same errors for a missing file.

extension LifeCircleStandards {
    /// The standards file at `path`.
    static func load(path: String) throws(StandardsError) -> LifeCircleStandards {
        guard let data = FileManager.default.contents(atPath: path) else { throw .missingFile(path: path) }
        return try parse(data: data, path: path)
    }
}

extension SitingRules {
    /// The rules file at `path`.
    static func load(path: String) throws(SitingError) -> SitingRules {
        guard let data = FileManager.default.contents(atPath: path) else { throw .missingFile(path: path, what: "siting rules file") }
        return try parse(data: data, path: path)
    }
}

extension IndicatorTargets {
    /// The targets file at `path`.
    static func load(path: String) throws(IndicatorTargetsError) -> IndicatorTargets {
        guard let data = FileManager.default.contents(atPath: path) else { throw .missingFile(path: path) }
        return try parse(data: data, path: path)
    }
}
