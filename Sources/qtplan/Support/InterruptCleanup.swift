import Dispatch
import Foundation
import QTPlan

/// Removes the staging folders of outputs still being written when the process is interrupted (Ctrl-C,
/// SIGTERM, SIGHUP), then exits with 128 + the signal's number (130 for Ctrl-C). A signal the caller ignored
/// (`nohup` ignores SIGHUP) is left ignored.
///
/// Signal dispositions belong to the whole process, so this is the one place that sets them, once, when the
/// first output is staged (before that there is nothing to clean up and the default disposition is right).
/// The signals are received by Dispatch sources on a global queue rather than by a C signal handler, so the
/// clean-up may use the file system freely. Outputs stay atomic either way: files reach their destination
/// only by `rename` (``QTFormats/StagedOutput``), so an interrupted run leaves the previous output intact;
/// this only removes the half-written staging folder. A commit in progress (its renames) finishes before the
/// clean-up runs, because both hold the same lock.
final class InterruptCleanup: StagingObserver, @unchecked Sendable {
    /// The process's one instance (it owns the process's signal dispositions).
    static let shared = InterruptCleanup()

    private let lock = NSLock()
    private var staging: Set<String> = []
    private var sources: [DispatchSourceSignal] = []

    private init() {
        for number in [SIGINT, SIGTERM, SIGHUP] where !Self.ignoredByCaller(number) {
            signal(number, SIG_IGN) // delivered to the Dispatch source instead of killing the process
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [unowned self] in self.interrupted(by: number) }
            source.resume()
            sources.append(source)
        }
    }

    /// Whether the signal was ignored when the process started (`nohup` ignores SIGHUP, a shell's `&` without job
    /// control SIGINT): such a signal stays ignored, as POSIX asks of programs that catch signals, so that
    /// `nohup qtplan export …` outlives the terminal. Read with `sigaction`, which changes nothing.
    static func ignoredByCaller(_ number: Int32) -> Bool {
        var current = sigaction()
        guard sigaction(number, nil, &current) == 0 else { return false }
        return unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    /// Creates a staging folder and remembers it, under the lock the interrupt handler takes first.
    func creating(_ create: () throws -> String) throws {
        try lock.withLock { _ = staging.insert(try create()) }
    }

    /// Remembers a staging folder to remove on interrupt.
    func staging(_ path: String) {
        lock.withLock { _ = staging.insert(path) }
    }

    /// Forgets a staging folder (committed or already removed).
    func finished(_ path: String) {
        lock.withLock { _ = staging.remove(path) }
    }

    /// Runs `commit` (an output's renames) so that an interrupt waits until it has finished.
    func committing(_ commit: () throws -> Void) throws {
        try lock.withLock(commit)
    }

    /// Output settings that report staging folders here and guard `inputs`, the files the command reads
    /// (``QTPlan/InputGuard``: no output replaces one).
    static func outputs(reading inputs: RunInputs) -> OutputSettings { OutputSettings(observer: shared, inputs: inputs) }

    private func interrupted(by number: Int32) {
        lock.lock() // never unlocked: the process ends here
        for path in staging { try? FileManager.default.removeItem(atPath: path) }
        let name = number == SIGINT ? "interrupted" : "terminated by signal \(number)"
        FileHandle.standardError.write(Data("qtplan: \(name); outputs not yet written were discarded, earlier ones left as they were\n".utf8))
        _exit(128 + number) // not exit(): other threads may be inside GDAL or GEOS, whose static destructors must not run under them
    }
}
