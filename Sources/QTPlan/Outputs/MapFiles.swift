import Foundation

/// Writes a map: SVG as it is, PNG rendered from it by `rsvg-convert` (librsvg, Debian's librsvg2-bin), both
/// atomically.
public enum MapFiles {
    /// Whether `path` names a PNG (by its extension); anything else is written as SVG.
    public static func isPNG(_ path: String) -> Bool { URL(fileURLWithPath: path).pathExtension.lowercased() == "png" }

    /// Writes `svg` to `path` (PNG when its extension says so).
    /// - Throws: ``PlanError`` (`cannotWrite`) when the file cannot be written or rsvg-convert fails or is missing.
    public static func write(_ svg: String, to path: String, settings: OutputSettings) throws {
        try AtomicOutput.stage(path, isFolder: false, what: "the map", settings: settings) { staged in
            let name = URL(fileURLWithPath: path).lastPathComponent
            guard isPNG(path) else { return try staged.write(Data(svg.utf8), as: name) }
            let source = staged.stagedPath(".map.svg")
            try staged.write(Data(svg.utf8), as: ".map.svg")
            try render(svg: source, png: staged.stagedPath(name), path: path)
            unlink(source)
        }
    }

    /// Runs `rsvg-convert`.
    private static func render(svg: String, png: String, path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["rsvg-convert", "--format", "png", "--output", png, svg]
        let errors = Pipe()
        process.standardError = errors
        do { try process.run() } catch {
            throw PlanError(.cannotWrite, "\(path): cannot run rsvg-convert: \(error)")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 127 {
            throw PlanError(.cannotWrite, "\(path): PNG needs rsvg-convert (Debian: librsvg2-bin, which tools/setup.sh installs); or write .svg")
        }
        guard process.terminationStatus == 0 else {
            throw PlanError(.cannotWrite, "\(path): rsvg-convert failed: \(message.split(separator: "\n").first ?? "")")
        }
    }
}
