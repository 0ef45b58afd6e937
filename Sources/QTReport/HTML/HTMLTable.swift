import QTText

/// A table as HTML: a header row (none when empty), body rows, numeric columns right-aligned.
struct HTMLTable {
    var header: [String]
    var rows: [[String]] = []
    /// Columns (by index) that hold numbers.
    var numeric: Set<Int> = []
    /// A CSS class per row (`"fail"`, `"total"`), by index.
    var rowClasses: [Int: String] = [:]
    /// A caption under the table.
    var caption: String?

    /// The table's HTML; cells are escaped.
    var html: String {
        var out = "<table>\n"
        if !header.isEmpty {
            out += "<thead><tr>"
            for (i, cell) in header.enumerated() { out += "<th\(numeric.contains(i) ? " class=\"num\"" : "")>\(XMLText.escape(cell))</th>" }
            out += "</tr></thead>\n"
        }
        out += "<tbody>\n"
        for (r, row) in rows.enumerated() {
            out += rowClasses[r].map { "<tr class=\"\($0)\">" } ?? "<tr>"
            for (i, cell) in row.enumerated() { out += "<td\(numeric.contains(i) ? " class=\"num\"" : "")>\(XMLText.escape(cell))</td>" }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        if let caption { out += "<p class=\"caption\">\(XMLText.escape(caption))</p>\n" }
        return out
    }
}
