import Foundation
import QTPlan

/// A progress bar on stderr for runs that take a while: silent for the first two seconds, and only when
/// stderr is a terminal (logs and tests see nothing). Used from one task.
final class Progress: JobProgress {
    private let label: String
    private let total: Int
    private var done = 0
    private let start = Date()
    private var shown = false

    init(label: String, total: Int) {
        self.label = label
        self.total = max(1, total)
    }

    /// Records `n` more steps done and redraws the bar when due.
    func advance(by steps: Int = 1) {
        done = min(total, done + steps)
        guard isatty(STDERR_FILENO) == 1, Date().timeIntervalSince(start) > 2 else { return }
        shown = true
        let width = 30, filled = width * done / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let seconds = Int(Date().timeIntervalSince(start))
        FileHandle.standardError.write(Data("\r\(label) \(bar) \(done)/\(total) \(seconds) s".utf8))
    }

    /// Ends the bar's line, if one was drawn.
    func finish() {
        if shown { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
