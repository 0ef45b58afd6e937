import Foundation

/// Runs the independent programs the tests check qtplan against (GDAL's `ogrinfo`, `ogr2ogr` and `gdalinfo`,
/// `rsvg-convert`, `chromium`), found on PATH, and makes scratch folders. Shared by the test targets.
public enum Tool {
    /// Runs `program` with `arguments`; returns its exit status and its stdout and stderr together.
    public static func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The text of the file at `path` ("" when it is empty or cannot be read). An empty file is not read at all:
    /// Foundation's `FileManager.contents(atPath:)` and `String(contentsOfFile:)` leak their 4 KiB buffer on one
    /// (LeakSanitizer, tools/sanitize.sh asan), and the tests read many empty stderr files.
    public static func text(ofFile path: String) -> String {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > 0,
            let data = FileManager.default.contents(atPath: path)
        else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    /// A fresh, empty folder under the system's temporary folder; the caller removes it.
    public static func temporaryFolder(_ label: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("qtplan-\(label)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
