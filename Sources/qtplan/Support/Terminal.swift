import Foundation
import QTText

/// Standard output for people: tables, and CSV when it reaches a terminal, with the characters a terminal acts
/// on made visible (``QTText/TerminalText``). JSON and GeoJSON go out as they are: their strings are already
/// escaped (``QTText/JSONText``).
enum Terminal {
    /// Prints a table or summary, always escaped (a pipe or file gets the same text a terminal shows).
    static func table(_ text: String) { print(TerminalText.lines(text), terminator: "") }

    /// Prints CSV: escaped when stdout is a terminal, byte for byte otherwise (a file keeps the data exact).
    static func csv(_ text: String) { print(isatty(STDOUT_FILENO) != 0 ? TerminalText.lines(text) : text, terminator: "") }
}
