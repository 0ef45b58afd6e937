import ArgumentParser
import Foundation
import QTModel

/// The `--district DIR` option shared by every command that reads a district.
struct DistrictOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The district folder (a district.json and its layers).",
        discussion: "Default: $QTPLAN_DISTRICT, else the bundled geodata/qiantang.", valueName: "DIR"))
    var district: String?

    @Option(name: .long, help: ArgumentHelp(
        "Refuse layer files larger than this many bytes, before reading them.",
        discussion: "Default: 1073741824 (1 GiB; reading takes about 20 times a file's size in memory).",
        valueName: "BYTES"))
    var maxLayerBytes: Int = DistrictLoader.defaultMaximumLayerBytes

    func validate() throws {
        guard maxLayerBytes > 0 else { throw ValidationError("--max-layer-bytes must be a positive number of bytes") }
    }

    /// The folder to load: the option, then `$QTPLAN_DISTRICT`, then the bundled district.
    var directory: String {
        if let district { return district }
        if let fromEnvironment = ProcessInfo.processInfo.environment["QTPLAN_DISTRICT"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return BundledData.qiantangDirectory
    }

    /// The loader, with the size limit.
    var loader: DistrictLoader { DistrictLoader(maximumLayerBytes: maxLayerBytes) }

    /// Loads the district, printing load warnings to stderr.
    func load() throws -> District {
        let (district, warnings) = try loader.load(directory: directory)
        warnings.forEach { Diagnostics.warning($0.description) }
        return district
    }
}

/// Where the bundled Qiantang data lives.
///
/// qtplan is run from its source tree (`swift run qtplan`, or `.build/*/qtplan`), so the bundled data is
/// found relative to this source file's location at build time; when that tree is gone (an installed
/// binary), `./geodata/qiantang` is tried, and `$QTPLAN_DISTRICT` or `--district` always win.
enum BundledData {
    static var qiantangDirectory: String {
        let sourceRoot = URL(fileURLWithPath: #filePath)  // Sources/qtplan/Support/DistrictOptions.swift
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let bundled = sourceRoot.appendingPathComponent("geodata/qiantang").path
        if FileManager.default.fileExists(atPath: bundled) { return bundled }
        return "geodata/qiantang"
    }
}
