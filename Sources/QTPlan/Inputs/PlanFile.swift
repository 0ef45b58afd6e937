import Foundation
import QTAnalysis
import QTFormats
import QTGeometry
import QTModel
import QTProjection

/// Reads a scenario's plan file: GeoJSON by qtplan's reader (the collection's own `name` and `description`
/// members name the scenario), any other format GDAL reads through ``QTFormats/VectorReader``: a GeoPackage with a
/// table per layer (features without a `layer` field belong to their table's layer; an optional `scenario` table
/// holds `name` and `description`), a Shapefile or CSV for one layer (a `layer` field, or the file named after
/// the layer, `facilities.shp`). A scenario without a name is named after its file.
public enum PlanFile {
    /// The plan at `path`; positions in files without a CRS are in `crs`.
    /// - Throws: ``QTModel/ScenarioError``: `missingFile` (exit 66), `invalidPlan` naming the file and feature (65).
    public static func read(path: String, crs: CRS = .wgs84) throws -> ScenarioPlan {
        // Measured and read through one descriptor (a symbolic link by its target).
        let data: Data
        do throws(InputFile.Problem) {
            let format = VectorFormat(path: path)
            if format == nil || format == .geojson {
                data = try InputFile.read(path, limit: SitePlan.maximumBytes)
            } else {
                if try InputFile.size(of: path, limit: SitePlan.maximumBytes) == 0 { throw InputFile.Problem.empty }
                data = Data()
            }
        } catch {
            switch error {
            case .missing, .folder: throw ScenarioError.missingFile(path: path)
            case .tooLarge(let size, let limit):
                throw ScenarioError.invalidPlan(path: path, feature: "", detail: "\(size) bytes, over the limit of \(limit) bytes for a plan file")
            default: throw ScenarioError.invalidPlan(path: path, feature: "", detail: error.description)
            }
        }
        let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        var name: String?, description: String?
        var features: [Feature] = []
        do {
            if let format = VectorFormat(path: path), format != .geojson {
                let reader = VectorReader(assumedCRS: crs)
                for table in try reader.layerNames(at: path) {
                    let read = try reader.read(path: path, layer: table).features.features
                    if table == "scenario" {
                        name = read.first?.properties["name"]?.stringValue
                        description = read.first?.properties["description"]?.stringValue
                        continue
                    }
                    let implied = LayerName(rawValue: table) ?? LayerName(rawValue: stem)
                    features += read.map { feature in
                        var f = feature
                        if f.properties["layer"] == nil, let implied { f.properties["layer"] = .string(implied.rawValue) }
                        return f
                    }
                }
            } else {
                features = try GeoJSONReader().read(data: data).features
                if let top = try? JSONValue(parsing: data).objectValue {
                    name = top["name"]?.stringValue
                    description = top["description"]?.stringValue
                }
                if crs != .wgs84 { features = try features.map { try reproject($0, from: crs) } }
            }
        } catch let error as ScenarioError {
            throw error
        } catch let error as FormatsError {
            throw ScenarioError.invalidPlan(path: path, feature: "", detail: error.detail)
        } catch {
            throw ScenarioError.invalidPlan(path: path, feature: "", detail: "\(error)")
        }
        return try ScenarioPlan(name: name ?? stem, description: description, path: path, features: features)
    }

    /// A GeoJSON feature whose positions the user says are in `crs` (GCJ-02 from a web map, say), in WGS84.
    private static func reproject(_ feature: Feature, from crs: CRS) throws -> Feature {
        var f = feature
        if let g = f.geometry {
            f.geometry = crs.isChineseOffset ? g.mapCoordinates(crs.offsetToWGS84) : try Transformer(from: crs, to: .wgs84).transform(g)
        }
        return f
    }
}
