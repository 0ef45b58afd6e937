import Foundation
import QTFormats
import QTGeometry

/// Why a table of `geodata/standards/` (osm-network.json, osm-facilities.json, osm-landuse.json) could not be
/// used: one line naming the file and the field.
public enum TableError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file does not exist (exit 66 in the CLI).
    case missingFile(path: String)
    /// The file breaks its schema (exit 65).
    case invalid(path: String, field: String, detail: String)

    public var description: String {
        switch self {
        case .missingFile(let path): "\(path): table not found"
        case .invalid(let path, let field, let detail): field.isEmpty ? "\(path): \(detail)" : "\(path): field '\(field)': \(detail)"
        }
    }
}

/// The typed field reads of a table file: each problem is one ``TableError`` naming the field.
struct TableReader {
    let path: String

    /// Reads `path` through ``QTFormats/InputFile`` (measured on the opened descriptor, regular files only, at most
    /// ``QTFormats/InputFile/standardsFileLimit``) and parses it as JSON.
    static func root(path: String) throws(TableError) -> (TableReader, JSONValue) {
        let data: Data
        do {
            data = try InputFile.read(path, limit: InputFile.standardsFileLimit)
        } catch {
            if error == .missing { throw .missingFile(path: path) }
            throw .invalid(path: path, field: "", detail: "\(error)")
        }
        return try root(data: data, path: path)
    }

    /// Parses `data` as JSON; `path` names it in errors.
    static func root(data: Data, path: String) throws(TableError) -> (TableReader, JSONValue) {
        do {
            return (TableReader(path: path), try JSONValue(parsingRefusingDuplicates: data))
        } catch {
            throw .invalid(path: path, field: "", detail: "\(error)")
        }
    }

    func fail(_ field: String, _ detail: String) -> TableError { .invalid(path: path, field: field, detail: detail) }

    func object(_ value: JSONValue?, _ field: String) throws(TableError) -> [String: JSONValue] {
        guard let value else { throw fail(field, "missing") }
        guard let o = value.objectValue else { throw fail(field, "expected an object, found \(value.typeDescription)") }
        return o
    }

    func array(_ value: JSONValue?, _ field: String) throws(TableError) -> [JSONValue] {
        guard let value else { throw fail(field, "missing") }
        guard let a = value.arrayValue else { throw fail(field, "expected an array, found \(value.typeDescription)") }
        return a
    }

    func string(_ value: JSONValue?, _ field: String) throws(TableError) -> String {
        guard let value else { throw fail(field, "missing") }
        guard let s = value.stringValue else { throw fail(field, "expected a string, found \(value.typeDescription)") }
        return s
    }

    func strings(_ value: JSONValue?, _ field: String) throws(TableError) -> [String] {
        var out: [String] = []
        for (i, item) in try array(value, field).enumerated() { out.append(try string(item, "\(field)[\(i)]")) }
        return out
    }

    func bool(_ value: JSONValue?, _ field: String) throws(TableError) -> Bool {
        guard let value else { throw fail(field, "missing") }
        guard let b = value.boolValue else { throw fail(field, "expected true or false, found \(value.typeDescription)") }
        return b
    }

    /// A finite number ≥ `minimum` (exclusive when `above`).
    func number(_ value: JSONValue?, _ field: String, above minimum: Double = 0, inclusive: Bool = false) throws(TableError) -> Double {
        guard let value else { throw fail(field, "missing") }
        guard let d = value.doubleValue, d.isFinite, inclusive ? d >= minimum : d > minimum else {
            throw fail(
                field,
                "expected a number \(inclusive ? "≥" : ">") \(ValidationNumber.plain(minimum)), found "
                    + (value.doubleValue.map(ValidationNumber.plain) ?? value.typeDescription))
        }
        return d
    }

    /// key → list of values, for tag filters such as `{"service": ["private"]}`.
    func tagLists(_ value: JSONValue?, _ field: String) throws(TableError) -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        for (key, list) in try object(value, field) { out[key] = Set(try strings(list, "\(field).\(key)")) }
        return out
    }
}

/// Numbers in messages.
enum ValidationNumber {
    static func plain(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
