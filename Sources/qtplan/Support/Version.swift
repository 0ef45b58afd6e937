import QTFormats
import QTGeometry
import QTProjection

/// The version line of `qtplan --version`, with the C libraries it runs on.
enum Version {
    static let qtplan = "0.1.0"
    static var text: String {
        "qtplan \(qtplan) (GEOS \(GeometryContext.geosVersion), PROJ \(PROJInfo.version), GDAL \(GDALRuntime.version))"
    }
}
