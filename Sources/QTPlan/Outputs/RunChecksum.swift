import Foundation
import QTFormats
import QTModel

/// The SHA-256 that identifies what a run read, for its ``RunRecord``: two runs with the same checksum (and the
/// same options and version) read the same data and give the same results.
///
/// It is the SHA-256 (GDAL's `CPL_SHA256`) of a text of one line per input, sorted: the input's role (`the
/// district's layer 'facilities'`, `the standards file`, …; not its path, so that a copied folder keeps its
/// checksum), a tab, and the SHA-256 of its content. A file's content is its bytes; a folder input stands for
/// each of its regular files (role and file name). For a district held in a database, each table the manifest
/// names is hashed by the server (`sha256` of its rows as text, sorted, so that row order does not matter), and
/// the manifest is the `district` table's JSON; the district's file entries of ``RunInputs`` are left out then.
public enum RunChecksum {
    /// The checksum of `inputs`, with `database` the `PG:` location of the district when it is held in one.
    /// - Throws: ``PlanError`` `missingInput` for an input that cannot be read (a file removed meanwhile, a table the
    ///   server cannot hash).
    public static func of(_ inputs: RunInputs, database: String? = nil) throws -> String {
        var lines: [String] = []
        for entry in inputs.entries {
            if database != nil && entry.role.hasPrefix("the district's") { continue }
            let paths: [(role: String, path: String)]
            if entry.isFolder {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: entry.path)) ?? []
                paths = names.sorted().map { ("\(entry.role) \($0)", (entry.path as NSString).appendingPathComponent($0)) }
                    .filter { !isFolder($0.1) }
            } else {
                paths = [(entry.role, entry.path)]
            }
            for (role, path) in paths {
                do {
                    lines.append("\(role)\t\(try FileChecksum.sha256(path: path).hex)")
                } catch let error as FormatsError {
                    throw PlanError(.missingInput, "\(path): cannot be read for the run's checksum: \(error.detail)")
                }
            }
        }
        if let database { lines += try tableLines(database) }
        let text = lines.sorted().joined(separator: "\n") + "\n"
        return FileChecksum.hex(FileChecksum.sha256(Data(text.utf8)))
    }

    /// One line per table of a database district: the manifest and every layer it names, hashed by the server.
    static func tableLines(_ text: String) throws -> [String] {
        do {
            let database = try PostGISDatabase(try PostGISLocation(text))
            let manifest = try database.query("SELECT manifest::text FROM \(database.qualified("district"))")
            guard manifest.count == 1, let json = manifest[0][0] else {
                throw PlanError(.missingInput, "\(PostGISLocation.redact(text)): the district table is not one row")
            }
            var lines = ["the district's manifest\t\(FileChecksum.hex(FileChecksum.sha256(Data(json.utf8))))"]
            let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any]
            let layers = (object?["layers"] as? [String: Any]) ?? [:]
            for (name, value) in layers.sorted(by: { $0.key < $1.key }) {
                guard let table = (value as? [String: Any])?["file"] as? String else { continue }
                let rows = try database.query(
                    "SELECT encode(sha256(convert_to(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), ''), 'UTF8')), 'hex') "
                        + "FROM \(database.qualified(table)) t")
                lines.append("the district's layer '\(name)'\t\(rows.first?.first.flatMap { $0 } ?? "")")
            }
            return lines
        } catch let error as FormatsError {
            throw PlanError(.missingInput, "\(PostGISLocation.redact(text)): cannot checksum the district's tables: \(error.detail)")
        }
    }

    private static func isFolder(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }
}
