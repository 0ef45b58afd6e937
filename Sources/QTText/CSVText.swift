/// CSV as RFC 4180 writes it: fields with a comma, a quote or a line break are quoted, quotes doubled. The one
/// CSV renderer of the project's tabular outputs (GDAL writes CSV layers).
public enum CSVText {
    /// One field.
    public static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record, ending with a newline.
    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }
}
