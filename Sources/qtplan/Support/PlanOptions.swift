import ArgumentParser
import QTModel
import QTPlan
import QTProjection

/// `--plan FILE`: compute on the district with a scenario's plan applied (coverage, indicators, landuse, map).
struct PlanOptions: ParsableArguments {
    @Option(
        name: .customLong("plan"),
        help: ArgumentHelp(
            "A plan file (GeoJSON, .gpkg, .shp, .fgb, .csv): features to add, close or change, each naming its layer; results are for the district with it applied.",
            valueName: "FILE"))
    var plan: String?

    @Option(
        name: .customLong("plan-crs"), help: ArgumentHelp("The CRS of the plan's positions when its file says none (WGS84, GCJ02, EPSG:n).", valueName: "CRS"))
    var planCRS: String = "WGS84"

    /// The plan file, as an input no output may replace.
    var inputs: RunInputs {
        var inputs = RunInputs()
        inputs.add(file: plan, role: "the plan file")
        return inputs
    }

    /// The CRS of `--plan-crs`.
    func crs() throws -> CRS { try Self.crs(planCRS) }

    /// The CRS a `--plan-crs` value names.
    static func crs(_ text: String) throws -> CRS {
        do { return try CRS(parsing: text) } catch {
            throw PlanError(.usage, "--plan-crs \(text): expected WGS84, GCJ02 or EPSG:n")
        }
    }

    /// `district` with the plan applied (unchanged without `--plan`), and how results name the plan.
    func apply(to district: District) throws -> (District, String?) {
        guard let plan else { return (district, nil) }
        let applied = try Scenarios.apply(path: plan, crs: try crs(), to: district)
        applied.notes.forEach { Diagnostics.warning("\(plan): \($0)") }
        return (applied.district, applied.label)
    }
}
