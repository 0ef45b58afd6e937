import Foundation
import QTBuild
import QTGeometry
import QTModel
import QTOSM

/// The fixtures and tables the builder's tests use.
enum BuildFixture {
    static let root = URL(fileURLWithPath: #filePath) // Tests/QTBuildTests/BuildFixture.swift
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func osm(_ name: String) -> String { root.appendingPathComponent("Tests/Fixtures/osm/\(name)").path }
    static var standards: String { root.appendingPathComponent("geodata/standards").path }
    static func tables() throws -> OSMTables { try OSMTables.load(folder: standards) }

    /// The hand-written extract built inside its boundary relation 920 with a 200 m margin.
    static func small(residents: Int? = nil, margin: Double = 200) throws -> DistrictBuildResult {
        try DistrictBuilder.build(
            DistrictBuildRequest(
                inputs: [BuildInput(role: .osm, path: osm("small.osm"))], boundary: .osmRelation(920),
                options: DistrictBuildOptions(marginMetres: margin, residents: residents), tables: try tables(),
                generator: "qtplan tests", folderName: "small"))
    }

    static func feature(_ result: DistrictBuildResult, _ layer: LayerName, _ id: String) -> Feature? {
        result.layers[layer]?.features.first { $0.properties["id"]?.stringValue == id }
    }

    /// The length of an arc of latitude φ spanning Δλ degrees on the WGS84 ellipsoid, N(φ)·cos φ·Δλ: the
    /// geodesic between two points of one parallel is shorter by far less than a millimetre at these lengths.
    static func parallelArc(latitude: Double, degrees: Double) -> Double {
        let a = 6_378_137.0, f = 1 / 298.257223563
        let e2 = f * (2 - f)
        let phi = latitude * .pi / 180
        let n = a / (1 - e2 * sin(phi) * sin(phi)).squareRoot()
        return n * cos(phi) * degrees * .pi / 180
    }

    /// The length of a meridian arc between two latitudes (Δφ small): M(φ)·Δφ at the mean latitude.
    static func meridianArc(from a0: Double, to a1: Double) -> Double {
        let a = 6_378_137.0, f = 1 / 298.257223563
        let e2 = f * (2 - f)
        let phi = (a0 + a1) / 2 * .pi / 180
        let m = a * (1 - e2) / pow(1 - e2 * sin(phi) * sin(phi), 1.5)
        return m * abs(a1 - a0) * .pi / 180
    }
}
