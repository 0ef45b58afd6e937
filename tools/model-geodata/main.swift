// model-geodata: generates the modelled layers of the bundled district from stated rules, reproducibly.
//
//   swift run model-geodata [--district DIR]
//
// Each layer's rules are in the file that models it (RiverModel, SubdistrictModel, …) and summarised in
// tools/model-geodata/README.md. Every feature it writes says `source: modelled` and how exact it is; random
// choices use a fixed seed, so two runs write identical files.
import Foundation
import QTGeometry
import QTModel

let arguments = Array(CommandLine.arguments.dropFirst())
let repositoryRoot = URL(fileURLWithPath: #filePath)  // tools/model-geodata/main.swift
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
var district = repositoryRoot.appendingPathComponent("geodata/qiantang").path
if let i = arguments.firstIndex(of: "--district"), i + 1 < arguments.count { district = arguments[i + 1] }

do {
    let frame = try ModelFrame(districtDirectory: district)
    let water = try RiverModel.water(frame, boundaryLonLat: try frame.wgs(frame.boundary))
    print(String(format: "river: %.1f km² of water inside the boundary", try frame.areaKm2(water)))
    let subdistricts = try SubdistrictModel.model(frame)
    var features: [Feature] = []
    for (s, cell, error) in subdistricts {
        let km2 = try frame.areaKm2(cell)
        let waterKm2 = try frame.areaKm2(try frame.polygonal(try cell.intersection(water)))
        print(String(format: "subdistrict %@ %@: %.1f km² (%.1f km² water), target error %+.2f%%",
                     s.nameEn, s.name, km2, waterKm2, error * 100))
        var properties: [String: JSONValue] = [
            "id": .string(s.id), "name": .string(s.name), "name_en": .string(s.nameEn),
            "block": .string(s.block), "source": "modelled", "accuracy_m": 1000,
            "area_source": .string(s.areaSource), "seed_reason": .string(s.seedReason),
        ]
        if let published = s.publishedAreaKm2 { properties["published_area_km2"] = .number(published) }
        features.append(Feature(id: .string(s.id), geometry: try frame.wgs(cell), properties: properties))
    }
    try frame.write(features, layer: .subdistricts)
} catch {
    FileHandle.standardError.write(Data("model-geodata: error: \(error)\n".utf8))
    exit(1)
}
