import Foundation
import QTFormats
import QTGeometry
import QTModel

/// Writes a ``DistrictBuildResult`` into a staged folder (``QTFormats/StagedOutput``): `district.json`, the
/// layers (one GeoJSON per layer, or one GeoPackage) and, for a folder built from OpenStreetMap, the
/// attribution file. Output is deterministic: the manifest's keys are sorted, GeoJSON is qtplan's writer; a
/// GeoPackage records its writing time unless `SOURCE_DATE_EPOCH` is set.
public enum DistrictWriter {
    /// The GeoPackage of a folder written with ``LayerFileFormat/gpkg``.
    public static let geopackageName = "district.gpkg"
    /// The attribution file of a folder built from OpenStreetMap.
    public static let attributionName = "ATTRIBUTION.md"

    /// Writes the folder's files into `staged` (which the caller commits).
    /// - Returns: GDAL's warnings, if any.
    public static func write(_ result: DistrictBuildResult, into staged: StagedOutput) throws -> [String] {
        var warnings: [String] = []
        let order = result.layers.keys.sorted()
        let gpkg = result.manifest.layers.values.contains { $0.file == geopackageName }
        if gpkg {
            let layers = order.map { VectorLayer(name: $0.rawValue, features: result.layers[$0] ?? FeatureCollection()) }
            // Without R-trees: the loader reads every feature, and filling them took most of the writing time of a
            // million-way district (GDAL adds one later: ogrinfo FILE -sql "SELECT CreateSpatialIndex('network','geom')").
            var writer = try VectorWriter(format: .gpkg)
            writer.spatialIndex = false
            warnings += try writer.write(layers, to: staged.stagedPath(geopackageName))
        } else {
            // Every layer cut into pieces of 20,000 features, encoded on both cores (the network is most of the
            // text), then each layer's file written on both cores too: copying into the page cache is a large
            // share of the writing time.
            let writer = GeoJSONWriter()
            let layerPieces = order.map { writer.pieces(of: result.layers[$0] ?? FeatureCollection(), featuresPerPiece: 20_000) }
            let texts = try Concurrently.map(layerPieces.flatMap { $0 }) { writer.data($0) }
            var start = 0
            let files = layerPieces.map { pieces in
                defer { start += pieces.count }
                return Array(texts[start..<start + pieces.count])
            }
            let paths = order.map { staged.stagedPath("\($0.rawValue).geojson") }, destination = staged.destination
            _ = try Concurrently.map(Array(zip(paths, files))) { path, parts in
                try StagedOutput.write(parts, atStagedPath: path, destination: destination)
            }
        }
        try staged.write(try manifestData(result.manifest), as: DistrictLoader.manifestName)
        if let attribution = result.manifest.build?.attribution {
            try staged.write(Data(attributionText(result.manifest, attribution: attribution).utf8), as: attributionName)
        }
        return warnings
    }

    /// The manifest as JSON: two-space indentation, keys sorted, a final newline.
    public static func manifestData(_ manifest: DistrictManifest) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(manifest)
        data.append(0x0A)
        return data
    }

    static func attributionText(_ manifest: DistrictManifest, attribution: String) -> String {
        let inputs =
            manifest.build?.inputs.filter { $0.role == "osm" }.map { "- `\($0.file)` (\($0.bytes) bytes, SHA-256 `\($0.sha256)`)" }
            .joined(separator: "\n") ?? ""
        return """
            # \(manifest.name): attribution and licence

            \(attribution).

            This folder is a Derivative Database of OpenStreetMap data made by `qtplan district build` from:

            \(inputs)

            It is made available under the same licence, the Open Database License (ODbL) 1.0
            (https://opendatacommons.org/licenses/odbl/1-0/). Anyone using it must attribute OpenStreetMap
            contributors, and share any database derived from it under the ODbL. The layers' `source` says which OSM
            element each feature comes from (`osm:node/ID`, `osm:way/ID`, `osm:relation/ID`); features marked
            `modelled` (the population layer) were spread by a stated rule (see `district.json`, `build`).

            """
    }
}
