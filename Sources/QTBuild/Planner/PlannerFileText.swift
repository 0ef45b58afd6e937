import Foundation
import QTFormats

/// Text checks of the planner's tables (CSV): UTF-8, or the code page the user names, recoded through GDAL.
enum PlannerFileText {
    /// The 1-based line of the first bytes that are not UTF-8, or `nil` when the file is UTF-8.
    static func firstNonUTF8Line(_ data: Data) -> Int? {
        if String(data: data, encoding: .utf8) != nil { return nil }
        var line = 1
        for piece in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if String(data: Data(piece), encoding: .utf8) == nil { return line }
            line += 1
        }
        return line
    }

    /// A CSV at `path` as a UTF-8 copy in a fresh temporary folder when `encoding` is given (GDAL's CSV driver has
    /// no code-page option), or `path` itself; a CSV that is not UTF-8 without an encoding is refused with the line.
    /// - Returns: the path to read and the folder to remove afterwards.
    static func utf8CSV(_ path: String, encoding: String?, flag: String) throws -> (path: String, cleanup: URL?) {
        let data = try BuildInputFile.read(path, what: "table")
        guard let encoding, encoding.uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" else {
            if let line = firstNonUTF8Line(data) {
                throw BuildError.invalidInput(
                    path: path,
                    detail: "line \(line): the text is not UTF-8 (a CSV saved by Excel "
                        + "in GBK?): give its code page (\(flag) GBK)")
            }
            return (path, nil)
        }
        let text: String
        do {
            text = try TextRecoding.utf8(data, from: encoding)
        } catch {
            throw BuildError.invalidRequest("\(flag) \(encoding): \(error)")
        }
        let csvt = URL(fileURLWithPath: path).deletingPathExtension().appendingPathExtension("csvt")
        let types = try FileManager.default.fileExists(atPath: csvt.path) ? BuildInputFile.read(csvt.path, what: "column types (.csvt)") : nil
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qtplan-recoded-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let copy = folder.appendingPathComponent(URL(fileURLWithPath: path).lastPathComponent)
            try Data(text.utf8).write(to: copy)
            if let types { try types.write(to: copy.deletingPathExtension().appendingPathExtension("csvt")) }
            return (copy.path, folder)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw BuildError.invalidInput(path: path, detail: "cannot stage its UTF-8 copy: \(error)")
        }
    }
}
