import Foundation
import QTTestSupport

/// Runs the built `qtplan` binary and captures what a user would see.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum CLI {
    /// The repository root, found from this file's location.
    static let root = URL(fileURLWithPath: #filePath) // Tests/qtplanTests/CLIRunner.swift
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A fixture district folder under Tests/Fixtures/districts.
    static func fixture(_ name: String) -> String {
        root.appendingPathComponent("Tests/Fixtures/districts/\(name)").path
    }

    /// The `qtplan` binary beside the test bundle (`swift test` builds it: the test target depends on it).
    static var binary: URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("qtplan")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            directory = directory.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/qtplan")
    }

    /// Runs `qtplan` (or `executable`) with `arguments`, feeding `stdin`, with `QTPLAN_DISTRICT` unset and
    /// `environment` added.
    static func run(
        _ arguments: [String], stdin: String = "", environment extra: [String: String] = [:],
        executable: URL = binary
    ) throws -> CLIResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "QTPLAN_DISTRICT")
        environment.merge(extra) { $1 }
        process.environment = environment
        // stderr goes to a file, not a pipe: reading one pipe to its end while the other fills would hang a
        // command that writes more than a pipe holds (64 KB) to the pipe read second.
        let errorsPath = FileManager.default.temporaryDirectory.appendingPathComponent("qtplan-stderr-\(UUID().uuidString)").path
        guard FileManager.default.createFile(atPath: errorsPath, contents: nil), let errors = FileHandle(forWritingAtPath: errorsPath) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: errorsPath])
        }
        defer { try? FileManager.default.removeItem(atPath: errorsPath) }
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        try errors.close()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: Tool.text(ofFile: errorsPath))
    }
}
