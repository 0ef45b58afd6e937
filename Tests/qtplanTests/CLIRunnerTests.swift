import Foundation
import Testing

/// The runner every CLI test uses captures large outputs on both streams without hanging.
struct CLIRunnerTests {
    /// 200 KB on stderr and 200 KB on stdout: with two pipes read one after the other, the process blocks on
    /// the full stderr pipe while the runner waits for stdout's end, and the test never returns.
    @Test(.timeLimit(.minutes(1))) func largeOutputOnBothStreams() throws {
        let script = "head -c 200000 /dev/zero | tr '\\0' e >&2; head -c 200000 /dev/zero | tr '\\0' o; exit 3"
        let result = try CLI.run(["-c", script], executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(result.status == 3)
        #expect(result.stderr.utf8.count == 200_000 && result.stderr.allSatisfy { $0 == "e" })
        #expect(result.stdout.utf8.count == 200_000 && result.stdout.allSatisfy { $0 == "o" })
    }
}
