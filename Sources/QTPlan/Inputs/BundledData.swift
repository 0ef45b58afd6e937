import Foundation

/// Where the bundled data lives: the Qiantang district (`geodata/qiantang`) and the standards files
/// (`geodata/standards`).
///
/// qtplan is run from its source tree (`swift run qtplan`, or `.build/*/qtplan`), so the bundled data is found
/// relative to this source file's location at build time; when that tree is gone (an installed binary),
/// `./geodata` is tried. A caller's own paths always win.
public enum BundledData {
    /// The repository's `geodata` folder.
    public static var geodataDirectory: String {
        let sourceRoot = URL(fileURLWithPath: #filePath) // Sources/QTPlan/Inputs/BundledData.swift
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let bundled = sourceRoot.appendingPathComponent("geodata").path
        if FileManager.default.fileExists(atPath: bundled) { return bundled }
        return "geodata"
    }

    /// The bundled Qiantang district folder.
    public static var qiantangDirectory: String { (geodataDirectory as NSString).appendingPathComponent("qiantang") }

    /// The bundled standards folder (`geodata/standards`).
    public static var standardsDirectory: String { (geodataDirectory as NSString).appendingPathComponent("standards") }

    /// A bundled standards file, by name (`life-circles.json`).
    public static func standardsFile(_ name: String) -> String {
        ((geodataDirectory as NSString).appendingPathComponent("standards") as NSString).appendingPathComponent(name)
    }
}
