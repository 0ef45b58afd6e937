import QTFormats
import QTGeometry
import QTPlan
import QTProjection

/// The version line of `qtplan --version`, with the C libraries it runs on.
enum Version {
    static let qtplan = QTPlanVersion.number
    static var text: String {
        "qtplan \(qtplan) (GEOS \(GeometryContext.geosVersion), PROJ \(PROJInfo.version), GDAL \(GDALRuntime.version))"
    }
}
