import ArgumentParser
import Foundation
import QTFormats
import QTGeometry
import QTModel
import QTPlan
import QTProjection
import QTText

extension VectorFormat: ExpressibleByArgument {}

/// `qtplan export`: a district's layers as GeoJSON, GeoPackage, Shapefile, FlatGeobuf or CSV.
struct ExportCommand: AsyncParsableCommand {
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

    @Option(
        name: .long,
        help: ArgumentHelp("Layers to write, comma-separated (\(LayerName.allCases.map(\.rawValue).joined(separator: ", "))).", valueName: "NAME[,NAME…]"))
    var layer: String?

    @Flag(name: .long, help: "Every layer of the district.")
    var all = false

    @Option(name: .shortAndLong, help: ArgumentHelp("The output file, or a folder for one file per layer.", valueName: "FILE|DIR"))
    var output: String

    @Option(name: .long, help: ArgumentHelp("Format of a folder's files: geojson (default), gpkg, shp, fgb or csv.", valueName: "FORMAT"))
    var format: VectorFormat?

    @Option(name: .long, help: ArgumentHelp("The CRS written (EPSG:n or a PROJ string; default WGS84). GeoJSON is always WGS84.", valueName: "CRS"))
    var crs: String?

    func validate() throws {
        guard layer != nil || all else { throw ValidationError("give --layer NAME[,NAME…] or --all") }
        guard layer == nil || !all else { throw ValidationError("give --layer or --all, not both") }
        if let format, !format.isWritable { throw ValidationError("--format \(format.rawValue): qtplan reads DXF but does not write it") }
    }

    func run() async throws {
        try await CommandBody.run {
            let target: CRS
            do {
                target = try crs.map(CRS.init(parsing:)) ?? .wgs84
                if !target.isChineseOffset { _ = try Transformer(from: .wgs84, to: target) } // known to PROJ?
            } catch {
                throw PlanError(.usage, "--crs \(crs ?? ""): not a CRS PROJ knows (use EPSG:n or a PROJ string)")
            }
            let output = districtOptions.destination(self.output)
            let asFolder = ExportRequest.isFolder(output)
            let fileFormat = asFolder ? (format ?? .geojson) : try FeatureFiles.format(of: output, setting: .output)
            if let format, !asFolder, format != fileFormat, !PostGISLocation.names(output) {
                throw PlanError(
                    .usage,
                    "--format \(format.rawValue) disagrees with -o \(output) (.\(fileFormat.fileExtension)); "
                        + "drop --format, or give a folder")
            }
            let request = ExportRequest(
                layers: try requestedLayers(), destination: output, asFolder: asFolder, format: fileFormat,
                crs: target, overwriteInputs: districtOptions.force, presentOnly: all)
            try ExportJob.check(request)
            let result = try ExportJob.run(
                request, on: try districtOptions.load(),
                settings: districtOptions.outputs(reading: districtOptions.force ? RunInputs() : districtOptions.inputs))
            result.warnings.forEach(Diagnostics.warning)
            Terminal.table(result.table)
        }
    }

    /// The layers asked for, in the district's layer order.
    private func requestedLayers() throws -> [LayerName] {
        if all { return LayerName.allCases }
        var names: [LayerName] = []
        for text in Arguments.list(layer ?? "") {
            guard let name = LayerName(rawValue: text) else {
                throw PlanError(.usage, "--layer: unknown layer '\(text)' (known: \(LayerName.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            if !names.contains(name) { names.append(name) }
        }
        guard !names.isEmpty else { throw PlanError(.usage, "--layer: no layer given") }
        return names.sorted()
    }
}
