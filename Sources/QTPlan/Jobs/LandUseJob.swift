import QTAnalysis
import QTModel

/// What `landuse` is asked: the grouping of rows, how areas are measured and the unit they are shown in.
public struct LandUseRequest: Sendable, Hashable {
    /// Rows by class, by zone, or both.
    public var grouping: LandUseGrouping
    /// Geodesic (WGS84 ellipsoid) or planar (the metric CRS) areas.
    public var method: AreaMethod
    /// The unit areas are shown in.
    public var unit: AreaUnit

    /// A request.
    public init(
        grouping: LandUseGrouping = LandUseGrouping(byClass: true, zone: .subdistrict), method: AreaMethod = .geodesic,
        unit: AreaUnit = .km2
    ) {
        self.grouping = grouping
        self.method = method
        self.unit = unit
    }
}

/// Land use of a district, with what a planner needs beside the report to read it.
public struct LandUseResult: Sendable {
    /// The areas and their reconciliation.
    public var report: LandUseReport
    /// The unit areas are shown in.
    public var unit: AreaUnit
    /// The district's name.
    public var district: String
    /// The plan's land figures the derived figures are compared with, when the targets give them.
    public var targets: LandTargets?
    /// Parcels and zones measured as make-valid repaired them, one line each naming the file.
    public var warnings: [String]
    /// The plan the district was changed by, as results name it, if any.
    public var scenario: String?
}

/// `landuse`: land area by class and zone, parcels cut by the zones, reconciled with the boundary.
public enum LandUseJob {
    /// Computes land use of `district`.
    /// - Parameter targets: the plan's land figures (the targets file's `land`), or `nil` to leave the comparison out.
    /// - Throws: ``PlanError``: `missingInput` when the landuse layer or the grouping's zone layer is absent,
    ///   `badData` for a parcel or zone that cannot be used (named by its file and feature).
    public static func run(_ request: LandUseRequest, on district: District, targets: LandTargets?) throws -> LandUseResult {
        let report: LandUseReport
        do {
            report = try LandUse.compute(district, options: LandUseOptions(grouping: request.grouping, method: request.method))
        } catch let error as LandUseError {
            switch error {
            case .missingLayer: throw PlanError(.missingInput, "\(district.directory): \(error)")
            case .invalidFeature(let layer, let index, let id, let detail):
                // Named by its file, as the loader and the validator name features.
                throw PlanError(.badData, "\(district.file(of: layer)): feature \(index)\(id.map { " '\($0)'" } ?? ""): \(detail)")
            }
        }
        return LandUseResult(
            report: report, unit: request.unit, district: district.manifest.name, targets: targets,
            warnings: report.repairs.map { "\(district.file(of: $0.layer)): \($0)" }, scenario: nil)
    }
}
