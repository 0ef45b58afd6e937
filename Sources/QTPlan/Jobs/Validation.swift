import QTFormats
import QTModel

/// `validate`: checks a district folder against the layer schemas (geodata/README.md).
public enum Validation {
    /// Loads the district in `directory` with `loader` and checks it. A district whose data cannot be loaded is
    /// reported (the parse check fails with the loader's message), not thrown.
    /// - Parameter names: how the report names settings in the loader's messages.
    /// - Throws: ``QTModel/DistrictError`` when a file or folder is missing or unreadable (exit 66, as for every job).
    public static func run(directory: String, loader: DistrictLoader, names: SettingNames = .library) throws -> ValidationReport {
        do {
            let (district, warnings) = try loader.load(directory: directory)
            var report = try DistrictValidator().validate(district, loadWarnings: warnings)
            report.manifestLanguage = district.manifest.lang
            return report
        } catch let error as DistrictError {
            switch error {
            case .missingFile, .unreadable: throw error
            case .invalidData:
                // A database is named with its password redacted.
                let shown =
                    PostGISLocation.names(directory)
                    ? (try? PostGISLocation(directory).description) ?? PostGISLocation.redact(directory) : directory
                return DistrictValidator.loadFailure(directory: shown, error: error, names: names)
            }
        }
    }
}
