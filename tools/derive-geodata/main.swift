// derive-geodata: derives the bundled district's real layers from the reference data in ../shared/reference.
//
//   swift run derive-geodata [--reference DIR] [--out DIR]
//
// The raw reference files are not committed (their terms say "reference"); what this tool derives is, with
// its source, tolerance and terms recorded in geodata/SOURCES.md. It prints how far each derived feature
// lies from its reference so a reviewer can check the derivation without rerunning it.
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
} catch {
    FileHandle.standardError.write(Data("derive-geodata: error: \(error)\n".utf8))
    exit(1)
}
