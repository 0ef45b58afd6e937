import ArgumentParser
import Foundation
import QTFormats
import QTGeometry
import QTModel
import QTProjection

extension VectorFormat: ExpressibleByArgument {}

/// `qtplan export`: a district's layers as GeoJSON, GeoPackage, Shapefile, FlatGeobuf or CSV.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a district's layers as GeoJSON, GeoPackage, Shapefile, FlatGeobuf or CSV (with WKT).",
        discussion: """
            -o FILE: the extension picks the format (.geojson .gpkg .shp .fgb .csv); several layers need a \
            .gpkg (one table per layer, each with its spatial index) or a folder. -o DIR (an existing folder, \
            a path ending in /, or one without extension): one file per layer, LAYER.EXT, in --format \
            (default geojson). GeoJSON is written by qtplan (RFC 7946: WGS84, 7 decimals); the others by GDAL \
            in --crs (default WGS84), with every property, UTF-8 text (a Shapefile says so in its .cpg; a \
            layer mixing points and lines becomes NAME_points.shp and NAME_lines.shp). Writes are atomic: \
            an interrupted export leaves the previous output as it was. The district's own input files are \
            never overwritten unless --force. Exit 64 for a bad request, 66 for a missing layer, 73 when the \
            output cannot be written.
            """)

    @OptionGroup var districtOptions: DistrictOptions

    @Option(name: .long, help: ArgumentHelp("Layers to write, comma-separated (\(LayerName.allCases.map(\.rawValue).joined(separator: ", "))).", valueName: "NAME[,NAME…]"))
    var layer: String?

    @Flag(name: .long, help: "Every layer of the district.")
    var all = false

    @Option(name: .shortAndLong, help: ArgumentHelp("The output file, or a folder for one file per layer.", valueName: "FILE|DIR"))
    var output: String

    @Option(name: .long, help: ArgumentHelp("Format of a folder's files: geojson (default), gpkg, shp, fgb or csv.", valueName: "FORMAT"))
    var format: VectorFormat?

    @Option(name: .long, help: ArgumentHelp("The CRS written (EPSG:n or a PROJ string; default WGS84). GeoJSON is always WGS84.", valueName: "CRS"))
    var crs: String?

    @Flag(name: .long, help: "Allow overwriting the district's own input files.")
    var force = false

    func validate() throws {
        guard layer != nil || all else { throw ValidationError("give --layer NAME[,NAME…] or --all") }
        guard layer == nil || !all else { throw ValidationError("give --layer or --all, not both") }
        if let format, !format.isWritable { throw ValidationError("--format \(format.rawValue): qtplan reads DXF but does not write it") }
    }

    func run() throws {
        try runReportingErrors {
            let target: CRS
            do {
                target = try crs.map(CRS.init(parsing:)) ?? .wgs84
                if target != .gcj02 { _ = try Transformer(from: .wgs84, to: target) }  // known to PROJ?
            } catch {
                throw CLIFailure(status: .usage, message: "--crs \(crs ?? ""): not a CRS PROJ knows (use EPSG:n or a PROJ string)")
            }
            let asFolder = Self.isFolder(output)
            let fileFormat = asFolder ? (format ?? .geojson) : try FeatureOutput.format(of: output, option: "-o")
            if let format, !asFolder, format != fileFormat {
                throw CLIFailure(status: .usage, message: "--format \(format.rawValue) disagrees with -o \(output) (.\(fileFormat.fileExtension)); "
                    + "drop --format, or give a folder")
            }
            let names = try requestedLayers()
            // --all counts the layers the district has (optional layers may be absent): checked once it is loaded.
            try FeatureOutput.check(format: fileFormat, crs: target, layerCount: asFolder || all ? 1 : names.count, path: output, option: "-o")

            let district = try districtOptions.load()
            // --all: every layer the district has (optional layers such as parks may be absent).
            let layers = try names.filter { !all || district.layers[$0] != nil }.map { name -> VectorLayer in
                guard let collection = district.layers[name] else {
                    throw CLIFailure(status: .noInput, message: "\(district.directory): the district has no '\(name.rawValue)' layer")
                }
                return VectorLayer(name: name.rawValue, features: collection)
            }
            if all && !asFolder {
                try FeatureOutput.check(format: fileFormat, crs: target, layerCount: layers.count, path: output, option: "-o")
            }
            let destinations = asFolder ? layers.map { (output as NSString).appendingPathComponent("\($0.name).\(fileFormat.fileExtension)") } : [output]
            if !force { try Self.refuseInputs(destinations, format: fileFormat, district: district) }
            if asFolder {
                try FeatureOutput.writeFolder(layers, to: output, format: fileFormat, crs: target, what: "the export")
            } else {
                try FeatureOutput.write(layers, to: output, crs: target, what: "the export", option: "-o")
            }
            var rows: [(String, String)] = []
            for (layer, destination) in zip(layers, asFolder ? destinations : Array(repeating: output, count: layers.count)) {
                let count = layer.features.features.count
                rows.append((layer.name, "\(Number.grouped(count)) feature\(count == 1 ? "" : "s") → \(destination)"))
            }
            rows.append(("CRS", "\(target)\(fileFormat == .geojson ? " (RFC 7946)" : "")"))
            print(TextTable.render(rows), terminator: "")
        }
    }

    /// The layers asked for, in the district's layer order.
    private func requestedLayers() throws -> [LayerName] {
        if all { return LayerName.allCases }
        var names: [LayerName] = []
        for text in CoverageRequest.list(layer ?? "") {
            guard let name = LayerName(rawValue: text) else {
                throw CLIFailure(status: .usage, message: "--layer: unknown layer '\(text)' (known: \(LayerName.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            if !names.contains(name) { names.append(name) }
        }
        guard !names.isEmpty else { throw CLIFailure(status: .usage, message: "--layer: no layer given") }
        return names.sorted()
    }

    /// Whether `-o` names a folder: an existing one, a path ending in `/`, or a name without extension.
    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) { return isDirectory.boolValue }
        return path.hasSuffix("/") || URL(fileURLWithPath: path).pathExtension.isEmpty
    }

    /// Refuses to write over the manifest or a layer file of `district` (a Shapefile's members included).
    static func refuseInputs(_ destinations: [String], format: VectorFormat, district: District) throws {
        func real(_ path: String) -> String { URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path }
        var inputs = Set([real((district.directory as NSString).appendingPathComponent(DistrictLoader.manifestName))])
        for entry in district.manifest.layers.values {
            inputs.insert(real(DistrictLoader.layerPath(directory: district.directory, file: entry.file)))
        }
        for destination in destinations {
            let stem = URL(fileURLWithPath: destination).deletingPathExtension().path
            let members = [destination] + format.companionExtensions.map { "\(stem).\($0)" }
            if let hit = members.first(where: { inputs.contains(real($0)) }) {
                throw CLIFailure(status: .cannotCreate, message: "\(hit): is an input file of the district \(district.directory); "
                    + "refusing to overwrite it (give --force to allow)")
            }
        }
    }
}
