import Foundation
import QTAnalysis
import QTFormats
import QTGeometry
import QTModel
import QTProjection

/// Reads a plan's sites (`site-check --sites`) or candidate sites (`site-suggest --candidates`) from a file:
/// GeoJSON by qtplan's reader, any other format GDAL reads through ``QTFormats/VectorReader``.
public enum SitePlanFile {
    /// The sites of the file at `path`.
    /// - Parameters:
    ///   - crs: the CRS of positions in a file that says none (GeoJSON is WGS84 unless the caller says otherwise).
    ///   - defaultType: the type of features without one; `nil` makes `type` required.
    ///   - what: what the file is, for messages ("sites file").
    /// - Throws: ``QTAnalysis/SitingError``: `missingFile` (exit 66); `invalidSite` for a file that is empty, too
    ///   large or unreadable as its format, and for its features (65).
    public static func read(path: String, crs: CRS = .wgs84, defaultType: String? = nil, what: String) throws -> [ProposedSite] {
        // Measured through one descriptor (a symbolic link by its target); GeoJSON is read through it too.
        let isGeoJSON = VectorFormat(path: path).map { $0 == .geojson } ?? true
        var data = Data()
        do throws(InputFile.Problem) {
            if isGeoJSON {
                data = try InputFile.read(path, limit: SitePlan.maximumBytes)
            } else if try InputFile.size(of: path, limit: SitePlan.maximumBytes) == 0 {
                throw InputFile.Problem.empty
            }
        } catch {
            switch error {
            case .missing: throw SitingError.missingFile(path: path, what: what)
            case .folder: throw SitingError.missingFile(path: path, what: "\(what) (a folder is there)")
            case .tooLarge(let size, let limit):
                throw SitingError.invalidSite(path: path, feature: "", detail: "\(size) bytes, over the limit of \(limit) bytes for a plan file")
            default: throw SitingError.invalidSite(path: path, feature: "", detail: SettingText(error.description))
            }
        }
        if let format = VectorFormat(path: path), format != .geojson {
            // A GeoPackage, Shapefile, FlatGeobuf, CSV or DXF: GDAL reads it in its own CRS (or `crs` for a file
            // without one) and hands back WGS84.
            let collection: FeatureCollection
            do {
                collection = try VectorReader(assumedCRS: crs).read(path: path).features
            } catch {
                throw SitingError.invalidSite(path: path, feature: "", detail: SettingText((error as? FormatsError)?.detail ?? "\(error)"))
            }
            return try SitePlan.sites(from: collection, path: path, crs: .wgs84, defaultType: defaultType)
        }
        let collection: FeatureCollection
        do { collection = try GeoJSONReader().read(data: data) } catch {
            throw SitingError.invalidSite(path: path, feature: "", detail: SettingText(error.description))
        }
        return try SitePlan.sites(from: collection, path: path, crs: crs, defaultType: defaultType)
    }
}
