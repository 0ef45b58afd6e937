import Foundation
import QTFormats
import QTModel
import QTText

/// The bytes of a file `district build` reads whole (a planner's GeoJSON or CSV, a `.csvt` beside a CSV), through
/// ``QTFormats/InputFile``: measured on the opened descriptor (a symbolic link by its target), regular files only
/// (a FIFO is refused without blocking), at most ``maximumBytes``. Files GDAL or the OSM reader open by path are
/// not read here.
enum BuildInputFile {
    /// The size limit: the district loader's layer limit, since a planner file becomes a layer of that size or
    /// less, and reading GeoJSON takes up to ``QTModel/DistrictLoader/memoryPerByte`` times its size in memory.
    static let maximumBytes = DistrictLoader.defaultMaximumLayerBytes

    /// The bytes of the file at `path`; `what` names it in errors ("POI file"). A missing file is
    /// ``BuildError/missingInput(path:what:)`` (exit 66), every other problem ``BuildError/invalidInput(path:detail:)``.
    static func read(_ path: String, what: String) throws(BuildError) -> Data {
        do {
            return try InputFile.read(path, limit: maximumBytes)
        } catch {
            switch error {
            case .missing: throw .missingInput(path: path, what: what)
            case .tooLarge(let size, let limit):
                throw .invalidInput(
                    path: path,
                    detail: "\(what): \(NumberText.grouped(size)) bytes, over the limit of \(NumberText.grouped(limit)) bytes "
                        + "for a file read whole (reading GeoJSON takes up to \(DistrictLoader.memoryPerByte) times its size in "
                        + "memory): split it")
            default: throw .invalidInput(path: path, detail: "\(what): \(error)")
            }
        }
    }
}
