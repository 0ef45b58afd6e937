/// A tabular result as named columns and rows of text: the one source of a command's CSV (``csv``) and of the
/// table it writes to a database (`--results`), so that the two always hold the same figures.
///
/// Cells are the text the CSV shows (numbers already rounded as the CSV rounds them); an empty cell is an absent
/// value (a database `NULL`). A column says whether it holds numbers, so that a database column can be numeric.
public struct ResultRows: Sendable, Hashable {
    /// What a column holds.
    public enum Kind: Sendable, Hashable {
        /// Text.
        case text
        /// Decimal numbers (an empty cell is none).
        case number
    }

    /// One column: its name (the CSV header) and what it holds.
    public struct Column: Sendable, Hashable {
        /// The name, as in the CSV header.
        public var name: String
        /// What it holds.
        public var kind: Kind

        /// A column named `name` holding `kind`.
        public init(_ name: String, _ kind: Kind) {
            self.name = name
            self.kind = kind
        }
    }

    /// The columns, in order.
    public var columns: [Column]
    /// The rows, one cell per column.
    public private(set) var rows: [[String]] = []

    /// No rows yet, these columns.
    public init(columns: [Column]) {
        self.columns = columns
    }

    /// Appends a row; it must have one cell per column.
    public mutating func append(_ row: [String]) {
        precondition(row.count == columns.count, "a row of \(row.count) cells for \(columns.count) columns")
        rows.append(row)
    }

    /// The rows as CSV (``CSVText``): the header, then one record per row.
    public var csv: String {
        var out = CSVText.row(columns.map(\.name))
        for row in rows { out += CSVText.row(row) }
        return out
    }
}
