import ArgumentParser
import Foundation
import QTFormats
import QTModel
import QTPlan

/// The `--district DIR` option shared by every command that reads a district.
struct DistrictOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The district folder (a district.json and its layers).",
            discussion: "Default: $QTPLAN_DISTRICT, else the bundled geodata/qiantang.", valueName: "DIR"))
    var district: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The schema of a PG: district or destination (default public; schema=NAME inside the string wins).",
            valueName: "NAME"))
    var schema: String?

    @Flag(
        name: .long,
        help: ArgumentHelp(
            "Replace tables that exist already in a PG: destination (export: also allow overwriting the district's own input files).",
            discussion: "Without it, a destination schema that holds a table of the same name is refused before anything is written."))
    var force = false

    // Parsed here rather than by argument-parser: its failure path for an invalid value of an option inside an
    // @OptionGroup leaks (48 bytes, reported by LeakSanitizer in tools/sanitize.sh asan), and this also allows
    // the K, M and G suffixes.
    @Option(
        name: .customLong("max-layer-bytes"),
        help: ArgumentHelp(
            "Refuse layer files larger than this, before reading them: bytes, or with a K, M or G suffix (binary).",
            discussion: "Default: 96M (100,663,296 bytes), for each layer and for the district's layers together "
                + "(reading GeoJSON takes up to 28 times a file's size in memory; at the default every command stays under 4 GB).",
            valueName: "BYTES"))
    var maxLayerBytesText: String?

    // Parsed here too, for the same reason.
    @Option(
        name: .customLong("max-vertices"),
        help: ArgumentHelp(
            "Refuse a layer with a feature of more vertices than this.",
            discussion: "Default: 250000 (GEOS's work on one feature grows with its vertices and cannot be interrupted).",
            valueName: "COUNT"))
    var maxVerticesText: String?

    @Flag(
        name: .customLong("confine"),
        help: ArgumentHelp(
            "Refuse layer files that do not resolve inside the district folder (for a district from someone else)."))
    var confine = false

    /// The vertex limit of one feature.
    var maxVertices: Int {
        maxVerticesText.flatMap(Self.count) ?? DistrictLoader.defaultMaximumVertices
    }

    /// A positive whole number (digits only); `nil` for anything else.
    static func count(_ text: String) -> Int? {
        let digits = text.trimmingCharacters(in: .whitespaces)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits), value > 0 else { return nil }
        return value
    }

    /// The layer size limit in bytes.
    var maxLayerBytes: Int {
        maxLayerBytesText.flatMap(Self.bytes) ?? DistrictLoader.defaultMaximumLayerBytes
    }

    func validate() throws {
        if let district, PostGISLocation.names(district) {
            do { _ = try PostGISLocation(district, schema: schema) } catch let error as FormatsError {
                throw ValidationError("--district \(PostGISLocation.redact(district)): \(error.detail)")
            }
        }
        if let maxLayerBytesText, Self.bytes(maxLayerBytesText) == nil {
            throw ValidationError(
                "--max-layer-bytes must be a positive number of bytes (such as 2147483648 or 2G), "
                    + "not '\(maxLayerBytesText)'")
        }
        if let maxVerticesText, Self.count(maxVerticesText) == nil {
            throw ValidationError("--max-vertices must be a positive whole number of vertices (such as 1000000), not '\(maxVerticesText)'")
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

    /// A command's output path, with `--schema` added when it is a database (`PG:…`) that names none.
    func destination(_ path: String) -> String { PostGISLocation.naming(path, defaultSchema: schema) }

    /// How outputs are written: staged for the interrupt clean-up, guarding `inputs` (the files the command
    /// reads); tables of a database destination replaced with `--force`.
    func outputs(reading inputs: RunInputs) -> OutputSettings {
        var settings = InterruptCleanup.outputs(reading: inputs)
        settings.replaceTables = force
        return settings
    }

    /// The folder to load: the option, then `$QTPLAN_DISTRICT`, then the bundled district; a database
    /// (`PG:…`) with `--schema` added.
    var directory: String {
        if let district { return destination(district) }
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
    var loader: DistrictLoader { DistrictLoader(maximumLayerBytes: maxLayerBytes, maximumVertices: maxVertices, confine: confine) }

    /// Loads the district, printing load warnings to stderr.
    func load() throws -> District {
        let (district, warnings) = try loader.load(directory: directory)
        warnings.forEach { Diagnostics.warning($0.description) }
        return district
    }
}
