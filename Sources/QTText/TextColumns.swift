/// Plain-text tables for a terminal: cells padded to their column's width, two spaces apart, East Asian wide
/// characters counted as two columns (so Chinese names line up). The one table renderer of the project. Every
/// cell and label passes through ``TerminalText/escape(_:)``: a control character in a name cannot act on the
/// terminal or break the table's lines.
public enum TextColumns {
    /// Terminal columns a string takes: East Asian wide characters (CJK ideographs, Hangul, full-width forms)
    /// take two, everything else one.
    public static func displayWidth(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }

    private static func isWide(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            true
        default: false
        }
    }

    /// `text` padded with spaces on the right (or, `right`, on the left) to `width` display columns.
    public static func pad(_ text: String, to width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - displayWidth(text)))
        return right ? fill + text : text + fill
    }

    /// Rows of cells as columns, each line ending with a newline.
    ///
    /// - Parameters:
    ///   - rows: the lines, header first; rows may be shorter than the widest.
    ///   - rightAligned: the columns aligned right (numbers).
    ///   - trimTrailing: remove the spaces a line ends with (when its last cells are empty).
    /// A left-aligned last cell of a row is not padded.
    public static func render(_ rows: [[String]], rightAligned: Set<Int> = [], trimTrailing: Bool = false) -> String {
        let rows = rows.map { $0.map(TerminalText.escape) }
        let count = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], displayWidth(cell)) } }
        return rows.map { row in
            var line = row.enumerated().map { i, cell in
                if rightAligned.contains(i) { return pad(cell, to: widths[i], right: true) }
                return i == row.count - 1 ? cell : pad(cell, to: widths[i])
            }.joined(separator: "  ")
            if trimTrailing { while line.hasSuffix(" ") { line.removeLast() } }
            return line
        }.joined(separator: "\n") + "\n"
    }

    /// Label–value pairs as two columns, the labels padded to one width: the footers and summaries of every
    /// command (`District   钱塘区`).
    public static func labelled(_ rows: [(String, String)]) -> String {
        let rows = rows.map { (TerminalText.escape($0.0), TerminalText.escape($0.1)) }
        let width = rows.map { displayWidth($0.0) }.max() ?? 0
        return rows.map { label, value in pad(label, to: width + 2) + value }.joined(separator: "\n") + "\n"
    }
}
