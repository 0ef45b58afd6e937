import ArgumentParser
import Foundation
import QTModel
import QTPlan

/// The `--district DIR` option shared by every command that reads a district.
struct DistrictOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The district folder (a district.json and its layers).",
        discussion: "Default: $QTPLAN_DISTRICT, else the bundled geodata/qiantang.", valueName: "DIR"))
    var district: String?

    // Parsed here rather than by argument-parser: its failure path for an invalid value of an option inside an
    // @OptionGroup leaks (48 bytes, reported by LeakSanitizer in tools/sanitize.sh asan), and this also allows
    // the K, M and G suffixes.
    @Option(name: .customLong("max-layer-bytes"), help: ArgumentHelp(
        "Refuse layer files larger than this, before reading them: bytes, or with a K, M or G suffix (binary).",
        discussion: "Default: 512M (536,870,912 bytes; reading takes about 25 times a file's size in memory).",
        valueName: "BYTES"))
    var maxLayerBytesText: String?

    /// The layer size limit in bytes.
    var maxLayerBytes: Int {
        maxLayerBytesText.flatMap(Self.bytes) ?? DistrictLoader.defaultMaximumLayerBytes
    }

    func validate() throws {
        if let maxLayerBytesText, Self.bytes(maxLayerBytesText) == nil {
            throw ValidationError("--max-layer-bytes must be a positive number of bytes (such as 2147483648 or 2G), "
                                  + "not '\(maxLayerBytesText)'")
        }
    }

    /// `1024`, `512K`, `300M`, `2G` (binary multiples) as a positive byte count; `nil` for anything else.
    static func bytes(_ text: String) -> Int? {
        let multipliers: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        var digits = Substring(text.trimmingCharacters(in: .whitespaces))
        var multiplier = 1
        if let last = digits.last?.uppercased().first, let m = multipliers[last] {
            multiplier = m
            digits = digits.dropLast()
        }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let value = Int(digits), value > 0 else { return nil }
        let (product, overflow) = value.multipliedReportingOverflow(by: multiplier)
        return overflow ? nil : product
    }

    /// The folder to load: the option, then `$QTPLAN_DISTRICT`, then the bundled district.
    var directory: String {
        if let district { return district }
        if let fromEnvironment = ProcessInfo.processInfo.environment["QTPLAN_DISTRICT"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return BundledData.qiantangDirectory
    }

    /// The district's manifest and layer files, as inputs no output may replace.
    var inputs: RunInputs {
        var inputs = RunInputs()
        inputs.add(districtFolder: directory)
        return inputs
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
