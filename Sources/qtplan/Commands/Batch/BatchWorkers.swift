import ArgumentParser
import Foundation
import QTFormats
import QTPlan

/// Starts a batch's worker processes (this same program, `qtplan batch … --worker`), waits for them, and shows
/// the progress on stderr.
enum BatchWorkers {
    /// This program's executable.
    static var executable: URL { URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath() }

    /// Starts `count` workers on the job table and waits for them; a progress bar on stderr (on a terminal) from
    /// the table's counts.
    static func start(count: Int, arguments: [String], table: JobTable) throws {
        let processes = try (0..<count).map { _ in try spawn(arguments + ["--worker"]) }
        let first = try table.status()
        let progress = Progress(label: "batch", total: first.total)
        var shown = first.done + first.failed
        while processes.contains(where: \.isRunning) {
            Thread.sleep(forTimeInterval: 1)
            if let now = try? table.status() {
                progress.advance(by: now.done + now.failed - shown)
                shown = now.done + now.failed
            }
        }
        progress.finish()
        for process in processes where process.terminationReason == .uncaughtSignal || process.terminationStatus != 0 {
            Diagnostics.warning(
                "worker \(process.processIdentifier) ended "
                    + (process.terminationReason == .uncaughtSignal ? "by signal \(process.terminationStatus)" : "with exit \(process.terminationStatus)")
                    + "; any job it held is waiting again")
        }
    }

    /// Prints the table's counts and its failures; returns whether any job failed.
    static func report(_ table: JobTable) throws -> Bool {
        let status = try table.status()
        print("jobs: \(status.done) done, \(status.failed) failed, \(status.running) running, \(status.waiting) waiting")
        for failure in try table.failures() {
            print("failed \(failure.id) \(PostGISLocation.redact(failure.district)): \(failure.error)")
        }
        return status.failed > 0
    }

    /// Runs `folders` in `count` processes (slot i of n takes every n-th folder); returns whether any failed.
    static func runFolders(count: Int, arguments: [String], folders: [String], output: String) throws -> Bool {
        let n = min(count, folders.count)
        let processes = try (0..<n).map { i in try spawn(arguments + ["--slot", "\(i)/\(n)"] + folders) }
        for process in processes { process.waitUntilExit() }
        let failed = processes.filter { $0.terminationReason == .uncaughtSignal || $0.terminationStatus != 0 }
        print("folders: \(folders.count - failedFolders(folders, output: output)) results files written to \(output)")
        return !failed.isEmpty
    }

    /// How many folders have no results file.
    private static func failedFolders(_ folders: [String], output: String) -> Int {
        folders.filter { !FileManager.default.fileExists(atPath: (output as NSString).appendingPathComponent(BatchFolders.fileName($0))) }.count
    }

    /// Starts this program with `arguments`, its stdout and stderr those of this process.
    private static func spawn(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw PlanError(.cannotWrite, "cannot start a worker process (\(executable.path)): \(error.localizedDescription)")
        }
        return process
    }
}

/// The folders of a batch without a database: their results files' names.
enum BatchFolders {
    /// The results file of `folder`: its last path component, `.json`.
    static func fileName(_ folder: String) -> String {
        let name = URL(fileURLWithPath: folder).standardizedFileURL.lastPathComponent
        return (name.isEmpty ? "district" : name) + ".json"
    }

    /// Refuses two folders that would write the same results file, and an output folder that does not exist.
    static func check(_ folders: [String], output: String) throws {
        var seen: [String: String] = [:]
        for folder in folders {
            let name = fileName(folder)
            if let other = seen[name] {
                throw PlanError(.usage, "\(other) and \(folder) would both write \(name): give folders of different names")
            }
            seen[name] = folder
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output, isDirectory: &isFolder), isFolder.boolValue else {
            throw PlanError(.cannotWrite, "-o \(output): no such folder (make it first)")
        }
    }
}
