// model-geodata: generates the modelled layers of the bundled district from stated rules, reproducibly.
//
//   swift run model-geodata [--district DIR]
//
// It reads the real (derived) boundary and writes the modelled layers beside it. Each step's rules are in
// the file that models it and summarised in tools/model-geodata/README.md. Every feature it writes says
// `source: modelled` and how exact it is; random choices use fixed seeds, so two runs write identical files.
import Foundation
import QTGeometry
import QTModel

let arguments = Array(CommandLine.arguments.dropFirst())
let repositoryRoot = URL(fileURLWithPath: #filePath)  // tools/model-geodata/main.swift
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
var districtDirectory = repositoryRoot.appendingPathComponent("geodata/qiantang").path
if let i = arguments.firstIndex(of: "--district"), i + 1 < arguments.count { districtDirectory = arguments[i + 1] }

/// The steps, in order: each uses what the earlier ones left in the state.
let steps: [(name: String, run: (ModelState) throws -> Void)] = [
    ("river", RiverModel.run),
    ("subdistricts", SubdistrictModel.run),
    ("industrial parks", IndustrialParkModel.run),
    ("land use", LandUseModel.run),
    ("population", PopulationModel.run),
    ("facilities", FacilityModel.run),
    ("parks", ParkAreaModel.run),
    ("constraints", ConstraintModel.run),
    ("network", NetworkModel.run),
    ("bus stops", BusStopModel.run),
    ("shared vertices", SharedVerticesModel.run),
]

do {
    let state = ModelState(frame: try ModelFrame(districtDirectory: districtDirectory))
    for step in steps {
        print("== \(step.name)")
        try step.run(state)
    }
} catch {
    FileHandle.standardError.write(Data("model-geodata: error: \(error)\n".utf8))
    exit(1)
}
