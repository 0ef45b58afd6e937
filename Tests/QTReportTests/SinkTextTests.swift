import Foundation
import QTGeometry
import QTProjection
import QTText
import Testing

@testable import QTReport

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Text escaped for each sink it goes to (issue 19, class 6): XML (maps, the report), a terminal (tables and
/// error lines), CSV (formulas), JSON (controls). Expected values are written out by hand from the rules in
/// each type's documentation, not taken from the program's output.
@Suite("Text for each sink")
struct SinkTextTests {
    static let hostile = "a\u{01}b\u{1B}[2J\u{07}c\u{9B}31m\u{202E}d\u{7F}\u{FFFE}e"

    @Test("XML: what XML 1.0 forbids becomes U+FFFD; tab, line feed and carriage return stay; markup escaped")
    func xml() {
        #expect(XMLText.escape(Self.hostile) == "a\u{FFFD}b\u{FFFD}[2J\u{FFFD}c\u{9B}31m\u{202E}d\u{7F}\u{FFFD}e")
        #expect(XMLText.escape("x\ty\nz\r<&>\"'") == "x\ty\nz\r&lt;&amp;&gt;&quot;&#39;")
        #expect(XMLText.escape("钱塘区 🏫") == "钱塘区 🏫")
    }

    @Test("a map whose names hold control characters is XML a parser reads, with the names' visible parts kept")
    func mapWithControlCharacters() throws {
        let corners = [(533_000.0, 3_353_000.0), (534_000, 3_353_000), (534_000, 3_354_000), (533_000, 3_354_000), (533_000, 3_353_000)]
        let toWGS = try Transformer(from: .cgcs2000GK120, to: .wgs84)
        let ring = try corners.map { try toWGS.transform(Coordinate(x: $0.0, y: $0.1)) }
        let feature = Feature(geometry: .polygon(Polygon(exterior: ring)), properties: ["name": .string("西\u{01}区\u{1B}[2J")])
        let layer = MapLayer(
            id: "b", title: "区界\u{08}", features: [feature], style: MapStyle(stroke: "#000"),
            label: { $0.string("name") }, tooltip: { $0.string("name") })
        let svg = try MapDocument(title: "方块\u{0B} Square", layers: [layer], metricCRS: .cgcs2000GK120).svg()
        #expect(!svg.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" })
        let document = try XMLDocument(data: Data(svg.utf8), options: [])
        #expect(document.rootElement()?.name == "svg")
        #expect(svg.contains("西\u{FFFD}区\u{FFFD}[2J"))
    }

    @Test("terminal: controls, DEL, C1 and bidi overrides made visible; a table cell cannot break its line")
    func terminal() {
        #expect(TerminalText.escape(Self.hostile) == "a\\x01b\\e[2J\\x07c\\u{9B}31m\\u{202E}d\\u{7F}\u{FFFE}e")
        #expect(TerminalText.escape("line\nforged\ttab\r") == "line\\nforged\\ttab\\r")
        #expect(TerminalText.lines("row 1\tx\nrow \u{1B}]0;title\u{07}\n") == "row 1\tx\nrow \\e]0;title\\x07\n")
        #expect(TerminalText.escape("钱塘区 plain") == "钱塘区 plain")
        let table = TextColumns.render([["id", "name"], ["kg\u{1B}[31m", "two\nlines"]])
        #expect(table == "id" + String(repeating: " ", count: 8) + "name\n" + "kg\\e[31m  two\\nlines\n")
        #expect(TextColumns.labelled([("District", "x\u{1B}c")]) == "District  x\\ec\n")
    }

    @Test("CSV: a cell a spreadsheet would run as a formula gets a quote in front; numbers stay numbers")
    func csv() {
        #expect(CSVText.field("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")
        for formula in ["+1+2", "-1+2", "@SUM(A1)", "\tx", "\rx", "=1", "-", "+", "-e5", "-.e1", "-1e", "--1"] {
            #expect(CSVText.neutralised(formula) == "'" + formula, "\(formula)")
        }
        for number in ["-12.5", "+3", "-1e-05", "-0", "-.5", "-5.", "12", "=", ""].dropLast(2) {
            #expect(CSVText.neutralised(number) == number, "\(number)")
        }
        #expect(CSVText.neutralised("=") == "'=")
        #expect(CSVText.neutralised("") == "")
        #expect(CSVText.row(["a", "-3", "=cmd|' /C calc'!A0"]) == "a,-3,'=cmd|' /C calc'!A0\n")
        #expect(CSVText.neutralised("钱塘 = 区") == "钱塘 = 区")
    }

    @Test("JSON: DEL and C1 controls escaped like C0, so JSON on a terminal cannot act on it")
    func json() {
        #expect(JSONText.quoted("a\u{1B}b\u{7F}c\u{9B}d\u{A0}e区") == "\"a\\u001Bb\\u007Fc\\u009Bd\u{A0}e区\"")
    }
}
