/// Text as it goes into XML and HTML (the SVG maps and the report).
public enum XMLText {
    /// Escapes `&`, `<`, `>`, `"` and `'` for text and attribute values, and replaces the characters XML 1.0 does
    /// not allow at all, escaped or not (the C0 controls other than tab, line feed and carriage return, U+FFFE and
    /// U+FFFF), with U+FFFD (�): a name holding a control character still makes a document every XML parser
    /// reads (and `rsvg-convert` renders), and the reader sees where a character was dropped.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return out
    }

    /// Whether XML 1.0 allows `scalar` (its `Char` production; surrogates cannot occur in a Swift string).
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
