import Foundation
import QTGeometry
import QTModel

/// A regulatory plan's land-use codes → qtplan's land-use classes: `geodata/standards/landuse-gb50137.json`
/// (GB 50137-2011: R2, A33, B1, …), `landuse-land-sea-2023.json` (the 2023 classification: 0701, 0803, 1401, …)
/// or a planner's own table of the same keys.
public struct LandUseCodeTable: Hashable, Sendable {
    /// How codes are written.
    public enum Style: String, Sendable, Hashable {
        /// Letters then digits (GB 50137: `R21`, `A33`); looked up by ever shorter prefixes (`R21` → `R2` → `R`).
        case letters
        /// Digits (2023: `0701`, `080403`); looked up as given, then by 4 and 2 digits.
        case digits
    }

    /// `gb50137`, `land-sea-2023` or the table's own name.
    public var name: String
    /// How codes are written.
    public var style: Style
    /// code → class.
    public var codes: [String: LandUseClass]
    /// The file it was read from.
    public var path: String

    /// Reads the table at `path`.
    public static func load(path: String) throws(TableError) -> LandUseCodeTable {
        let (reader, root) = try TableReader.root(path: path)
        return try parse(root, reader)
    }

    /// Reads a table from its text; `path` names it in errors.
    public static func parse(data: Data, path: String) throws(TableError) -> LandUseCodeTable {
        let (reader, root) = try TableReader.root(data: data, path: path)
        return try parse(root, reader)
    }

    static func parse(_ root: JSONValue, _ r: TableReader) throws(TableError) -> LandUseCodeTable {
        let top = try r.object(root, "")
        let styleText = try r.string(top["style"], "style")
        guard let style = Style(rawValue: styleText) else { throw r.fail("style", "expected letters or digits, found '\(styleText)'") }
        var codes: [String: LandUseClass] = [:]
        for (code, value) in try r.object(top["codes"], "codes") {
            let text = try r.string(value, "codes.\(code)")
            guard let cls = LandUseClass(rawValue: text) else {
                throw r.fail("codes.\(code)", "unknown land-use class '\(text)' (known: \(LandUseClass.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            codes[normalized(code)] = cls
        }
        guard !codes.isEmpty else { throw r.fail("codes", "expected at least one code") }
        return LandUseCodeTable(name: try r.string(top["table"], "table"), style: style, codes: codes, path: r.path)
    }

    /// A code as compared: upper case, no spaces.
    static func normalized(_ code: String) -> String {
        code.uppercased().filter { !$0.isWhitespace }
    }

    /// The codes of a cell: `R2/B1`, `R2+B1`, `R2、B1`, `R2,B1` and run-together `B1B2` (letters style) split, in order.
    public func split(_ cell: String) -> [String] {
        let text = Self.normalized(cell)
        var parts = text.split { "/+、,，;；|".contains($0) }.map(String.init)
        if style == .letters {
            // B1B2, R2B1: a new code starts at a letter following a digit.
            parts = parts.flatMap { part -> [String] in
                var out: [String] = []
                var current = ""
                for ch in part {
                    if ch.isLetter, let last = current.last, last.isNumber { out.append(current); current = "" }
                    current.append(ch)
                }
                if !current.isEmpty { out.append(current) }
                return out
            }
        }
        return parts.filter { !$0.isEmpty }
    }

    /// The class of one code and the entry that decided (`R21` as `R2`), or `nil`.
    public func lookUp(_ code: String) -> (cls: LandUseClass, entry: String)? {
        let c = Self.normalized(code)
        if let cls = codes[c] { return (cls, c) }
        switch style {
        case .letters:
            var prefix = c
            while prefix.count > 1 {
                prefix.removeLast()
                if let cls = codes[prefix] { return (cls, prefix) }
            }
        case .digits:
            guard c.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            for n in [4, 2] where c.count > n {
                let prefix = String(c.prefix(n))
                if let cls = codes[prefix] { return (cls, prefix) }
            }
        }
        return nil
    }
}
