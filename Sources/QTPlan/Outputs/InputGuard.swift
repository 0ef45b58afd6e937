import Foundation
import QTFormats
import QTModel

/// Refuses outputs that would overwrite a district's own input files: its manifest and its layer files,
/// a Shapefile's members included, compared by their resolved real paths.
public enum InputGuard {
    /// The resolved real paths of `district`'s manifest and layer files.
    public static func inputs(of district: District) -> Set<String> {
        var inputs = Set([real((district.directory as NSString).appendingPathComponent(DistrictLoader.manifestName))])
        for entry in district.manifest.layers.values {
            inputs.insert(real(DistrictLoader.layerPath(directory: district.directory, file: entry.file)))
        }
        return inputs
    }

    /// Throws when writing `destinations` in `format` would replace an input file of `district`.
    /// - Throws: ``PlanError`` (`cannotWrite`) naming the file and how to allow it.
    public static func refuse(_ destinations: [String], format: VectorFormat, district: District) throws {
        let inputs = inputs(of: district)
        for destination in destinations {
            let stem = URL(fileURLWithPath: destination).deletingPathExtension().path
            let members = [destination] + format.companionExtensions.map { "\(stem).\($0)" }
            if let hit = members.first(where: { inputs.contains(real($0)) }) {
                throw PlanError(.cannotWrite, "\(hit): is an input file of the district \(district.directory); "
                    + "refusing to overwrite it (give \(setting: .overwriteInputs) to allow)")
            }
        }
    }

    private static func real(_ path: String) -> String { URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path }
}
