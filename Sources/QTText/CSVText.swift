/// CSV as RFC 4180 writes it: fields with a comma, a quote or a line break are quoted, quotes doubled. The one
/// CSV renderer of the project's tabular outputs; exported CSV layers (written by GDAL) pass their text through
/// ``neutralised(_:)`` too.
///
/// **Formulas**: a spreadsheet opening a CSV runs a cell that starts with `=`, `+`, `-` or `@` (and, in some,
/// a tab or carriage return) as a formula (`=HYPERLINK(…)`, `=cmd|…`). Such a cell is written with a single quote
/// in front (`'=1+2`), which spreadsheets show as text; a cell that is a plain number (`-12.5`, `+3`, `-1e-05`)
/// is left as it is.
public enum CSVText {
    /// One field: neutralised, then quoted when needed.
    public static func field(_ s: String) -> String {
        let s = neutralised(s)
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record, ending with a newline.
    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }

    /// `s` with a `'` in front when a spreadsheet would read it as a formula (see the type's notes).
    public static func neutralised(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), !isPlainNumber(s) else { return s }
        return "'" + s
    }

    /// Whether `s` is a decimal number: an optional sign, digits with an optional fraction, an optional exponent.
    public static func isPlainNumber(_ s: String) -> Bool {
        var bytes = Substring(s).utf8[...]
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let isDigit = { (b: UInt8) in b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        let whole = bytes.prefix(while: isDigit)
        bytes = bytes.dropFirst(whole.count)
        var fraction = 0
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            fraction = bytes.prefix(while: isDigit).count
            bytes = bytes.dropFirst(fraction)
        }
        guard whole.count + fraction > 0 else { return false }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            let digits = bytes.prefix(while: isDigit).count
            guard digits > 0 else { return false }
            bytes = bytes.dropFirst(digits)
        }
        return bytes.isEmpty
    }
}
