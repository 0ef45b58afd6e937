import QTGeometry
import QTModel

/// Something a build says that is worth knowing but does not stop it: one line, naming the input.
public typealias BuildWarning = FileWarning

/// One mode's network as built: edges, length, components and the share of length in the largest.
public struct NetworkFigures: Sendable, Hashable {
    /// Edges of the mode.
    public var edges: Int
    /// Their geodesic length, metres.
    public var lengthMetres: Double
    /// Connected components (direction ignored).
    public var components: Int
    /// The share of the length in the largest component.
    public var largestShare: Double
}

/// The figures of a build, for the summary the CLI prints.
public struct DistrictBuildSummary: Sendable, Hashable {
    /// Features per layer.
    public var counts: [LayerName: Int]
    /// Of those, features marked `outside: true` (within the margin).
    public var outside: [LayerName: Int]
    /// The walk and drive networks.
    public var walk: NetworkFigures, drive: NetworkFigures
    /// What could not be mapped, by tag.
    public var unmapped: [String: Int]
    /// What was left out on purpose, by reason.
    public var excluded: [String: Int]
    /// The metric CRS and why.
    public var metricCRS: String, metricCRSBasis: String
    /// The boundary's geodesic area, km².
    public var boundaryAreaKm2: Double
    /// Residents and how the figure was set.
    public var residents: Int, residentsSource: String
    /// The share of the boundary's area that land use covers.
    public var landUseCoveredShare: Double
    /// One line per planner's file (POIs, parcels, …): its CRS and what became of its features.
    public var plannerInputs: [String] = []
}

/// A built district: the manifest (with its `build` record), the layers and the summary. Nothing is written
/// until ``DistrictWriter`` writes it.
public struct DistrictBuildResult: Sendable {
    /// The manifest; its layer entries name the files the writer will write.
    public var manifest: DistrictManifest
    /// The layers, each in WGS84.
    public var layers: [LayerName: FeatureCollection]
    /// The figures.
    public var summary: DistrictBuildSummary
    /// What is worth saying.
    public var warnings: [BuildWarning]
}

/// Why a build cannot go on: one line naming the input and what is wrong.
public enum BuildError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An input file does not exist (exit 66).
    case missingInput(path: String, what: String)
    /// An input's content is wrong (exit 65).
    case invalidInput(path: String, detail: String)
    /// The request itself is wrong (exit 64).
    case invalidRequest(String)

    public var description: String {
        switch self {
        case .missingInput(let path, let what): "\(path): \(what) not found"
        case .invalidInput(let path, let detail): "\(path): \(detail)"
        case .invalidRequest(let detail): detail
        }
    }
}
