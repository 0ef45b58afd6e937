// derive-geodata: derives the bundled district's real layers from the reference data in ../shared/reference.
//
//   swift run derive-geodata [--reference DIR] [--out DIR]
//
// The raw reference files are not committed (their terms say "reference"); what this tool derives is, with
// its source, tolerance and terms recorded in geodata/SOURCES.md. It prints how far each derived feature
// lies from its reference so a reviewer can check the derivation without rerunning it.
//
// Layers: boundary.geojson (BoundaryDerivation) and the real parts of transit.geojson (TransitDerivation:
// metro stations and lines, the 钱塘 HSR hub, the 下沙–长安 intercity railway; see TRANSIT_SOURCES.md).
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String, default value: String) -> String {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return value }
    return arguments[i + 1]
}

let repositoryRoot = URL(fileURLWithPath: #filePath)  // tools/derive-geodata/main.swift
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let referenceDirectory = option("--reference", default: repositoryRoot.appendingPathComponent("../shared/reference").path)
let outputDirectory = option("--out", default: repositoryRoot.appendingPathComponent("geodata/qiantang").path)

do {
    let reference = ReferenceFiles(directory: referenceDirectory)
    let boundary = try BoundaryDerivation(reference: reference).run()
    try LayerFile.write(boundary, to: (outputDirectory as NSString).appendingPathComponent("boundary.geojson"))
    print("wrote \(outputDirectory)/boundary.geojson")

    guard let boundaryGeometry = boundary.features.first?.geometry else { throw DerivationError("no boundary geometry") }
    let transitPath = (outputDirectory as NSString).appendingPathComponent("transit.geojson")
    var transit = try TransitDerivation(reference: reference, boundary: boundaryGeometry).run()
    // Bus stops are another step's (modelled) output: keep any already in the layer, after the derived features.
    let kept = try TransitDerivation.modelledFeatures(inLayerAt: transitPath)
    transit.features += kept
    try LayerFile.write(transit, to: transitPath)
    print("wrote \(transitPath) (\(transit.features.count - kept.count) derived features"
        + (kept.isEmpty ? ")" : ", \(kept.count) modelled bus stops kept from the existing file)"))
} catch {
    FileHandle.standardError.write(Data("derive-geodata: error: \(error)\n".utf8))
    exit(1)
}
