/// Text as it reaches a terminal: tables on stdout, error and warning lines on stderr. Characters a terminal
/// would act on instead of showing are written as visible escapes, so a name or id holding an escape sequence
/// (`ESC [ 2 J` clears the screen, `ESC ] 52` writes the clipboard) or a line break cannot rewrite what the user
/// sees or forge a line.
///
/// Escaped: the C0 controls U+0000–U+001F (ESC as `\e`, others as `\xHH`), DEL U+007F and the C1 controls
/// U+0080–U+009F (`\u{HH}`; U+009B is a one-character CSI), and the bidirectional overrides and isolates
/// U+202A–U+202E, U+2066–U+2069 (`\u{HHHH}`: they reorder what follows on the line). ``escape(_:)`` escapes
/// line breaks and tabs too (one cell, one line); ``lines(_:)`` keeps them (a whole table).
public enum TerminalText {
    /// `text` as one line: every character above escaped, line breaks and tabs included.
    public static func escape(_ text: String) -> String { escaped(text, keepingLayout: false) }

    /// `text` as lines: every character above escaped except line feeds and tabs.
    public static func lines(_ text: String) -> String { escaped(text, keepingLayout: true) }

    /// Whether `scalar` is acted on by a terminal (and so escaped).
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    private static func escaped(_ text: String, keepingLayout: Bool) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if !isUnsafe(scalar) || (keepingLayout && (scalar == "\n" || scalar == "\t")) {
                out.append(scalar)
                continue
            }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            let visible: String
            switch scalar.value {
            case 0x1B: visible = "\\e"
            case 0x0A: visible = "\\n"
            case 0x0D: visible = "\\r"
            case 0x09: visible = "\\t"
            case 0x00...0x1F: visible = "\\x" + (hex.count == 1 ? "0" : "") + hex
            default: visible = "\\u{\(hex)}"
            }
            out.append(contentsOf: visible.unicodeScalars)
        }
        return String(out)
    }
}
