import Foundation
import QTBuild
import QTModel
import QTOSM

/// `district build`: a district folder from a boundary and an OpenStreetMap extract (QTBuild), written as one
/// staged folder renamed into place.
public enum DistrictBuildJob {
    /// What a build wrote.
    public struct Outcome: Sendable {
        /// The build's layers, manifest and summary.
        public var result: DistrictBuildResult
        /// What the build and the writing said (skipped ways, renamed fields, …).
        public var warnings: [String]
        /// Seconds building and writing.
        public var seconds: (building: Double, writing: Double)
    }

    /// The program and library versions a build records in its manifest.
    public static func generator(version: String) -> String {
        "\(version.replacingOccurrences(of: ")", with: "")), libosmium \(OSMReader.libosmiumVersion))"
    }

    /// Builds the district of `request` and writes it to the folder `output`.
    /// - Parameter replacing: replace an existing folder whole (otherwise it is refused).
    /// - Throws: ``PlanError`` (`cannotWrite`) for an existing folder without `replacing`; QTBuild's and QTFormats'
    ///   errors for bad inputs and failed writes.
    public static func run(_ request: DistrictBuildRequest, to output: String, replacing: Bool, settings: OutputSettings) throws -> Outcome {
        if FileManager.default.fileExists(atPath: output) && !replacing {
            throw PlanError(.cannotWrite, "\(output): already exists; refusing to overwrite it (give \(setting: .overwriteInputs) to replace it)")
        }
        var read = RunInputs()
        for input in request.inputs { read.add(file: input.path, role: Self.roleText(input.role)) }
        if case .file(let path, _) = request.boundary { read.add(file: path, role: "the boundary file") }
        let settings = settings.guarding(read)
        // Refused before the build (minutes), not after it: a folder replaced whole must hold no input.
        try AtomicOutput.check(output, isFolder: true, replacing: replacing, settings: settings)
        let started = Date()
        let result = try DistrictBuilder.build(request)
        let built = Date()
        var warnings = result.warnings.map(\.description)
        try AtomicOutput.stage(output, isFolder: true, replacing: replacing, what: "the district folder", settings: settings) { staged in
            warnings += try DistrictWriter.write(result, into: staged)
        }
        return Outcome(
            result: result, warnings: warnings,
            seconds: (built.timeIntervalSince(started), Date().timeIntervalSince(built)))
    }
}

extension DistrictBuildJob {
    /// How the output guard names an input of a build in its refusal ("… would remove FILE, the POI export").
    static func roleText(_ role: BuildInputRole) -> String {
        switch role {
        case .osm: "the OpenStreetMap extract"
        case .pois: "the POI export"
        case .parcels: "the parcels file"
        case .census: "the census table"
        case .raster: "the population raster"
        }
    }
}
