import Foundation
import QTGeometry
import QTModel

/// One POI input of a build: read, checked for a wrong datum, classified and merged into the facilities layer.
enum PlannerPOIs {
    struct Outcome {
        var unmapped: [String: Int] = [:]
        var excluded: [String: Int] = [:]
        var warnings: [BuildWarning] = []
        var defaults: [String: String] = [:]
        /// One line for the summary: the file, its CRS and what became of its POIs.
        var line: String?
    }

    static func merge(
        _ input: BuildInput, schema: POISchema, tables: OSMTables, accuracy: Double,
        layers: inout [LayerName: FeatureCollection], zone: Zone
    ) throws -> Outcome {
        var outcome = Outcome()
        let read = try POIReader(schema: schema, input: input).read()
        outcome.warnings += read.warnings
        let file = input.path.split(separator: "/").last.map(String.init) ?? input.path
        if read.records.isEmpty {
            outcome.warnings.append(BuildWarning(path: input.path, message: "no POI in the file"))
            return outcome
        }
        if input.crs == nil && read.crsBasis != "the file's own" {
            outcome.defaults["pois \(file).crs"] = "\(read.crsBasis): no --pois-crs"
        }
        var facilities = layers[.facilities]?.features ?? []
        let match = schema.nameMatch
        let streets = (layers[.network]?.features ?? []).compactMap(\.geometry)
        if let finding = try POIDatumProbe.probe(read, facilities: facilities, streets: streets, zone: zone, match: match) {
            let given = POIDatumProbe.name(read.crs)
            let better = POIDatumProbe.name(finding.crs)
            throw BuildError.invalidInput(
                path: input.path,
                detail: "the file looks like \(better), not \(given) (\(read.crsBasis)): "
                    + "\(finding.evidence); give --pois-crs \(finding.crs)")
        }
        let layer = POILayer(
            schema: schema, classifier: POIClassifier(schema: schema, osmRules: tables.facilities),
            source: input.sourcePrefix, accuracy: accuracy)
        let out = try layer.merge(read, into: &facilities, zone: zone)
        if !facilities.isEmpty { layers[.facilities] = FeatureCollection(features: facilities) }
        for (k, n) in out.unmapped { outcome.unmapped["\(k) [\(file)]", default: 0] += n }
        for (k, n) in out.noService { outcome.excluded["\(k) [\(file)]", default: 0] += n }
        if out.merged > 0 {
            outcome.excluded[
                "pois: the same facility as one already built (same type within \(ValidationNumber.plain(schema.dedupeMetres)) m, "
                    + "name matching): merged, both sources kept [\(file)]"] = out.merged
        }
        if out.beyond > 0 { outcome.excluded["pois: beyond the boundary and its margin [\(file)]"] = out.beyond }
        let noService = out.noService.values.reduce(0, +), unmappedCount = out.unmapped.values.reduce(0, +)
        outcome.line =
            "\(file) (\(POIDatumProbe.name(read.crs) == "WGS84" ? "\(read.crs)" : POIDatumProbe.name(read.crs)), \(read.crsBasis)): "
            + "\(read.records.count) POIs: \(out.added) facilities added, \(out.merged) merged with one already built, "
            + "\(noService) no life-circle service, \(unmappedCount) unmapped, \(out.beyond) beyond the margin"
        if out.added == 0 && out.merged == 0 {
            outcome.warnings.append(
                BuildWarning(
                    path: input.path,
                    message: "none of its \(read.records.count) POIs maps to a facility "
                        + "type (\(schema.path)): is it the right --poi-schema?"))
        }
        return outcome
    }
}
