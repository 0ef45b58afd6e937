import Foundation
import QTGeometry
import QTProjection

/// The default metric CRS of a district: inside China the CGCS2000 3-degree Gauss-Krüger zone of the
/// boundary's centroid (EPSG:4534–4554, central meridians 75°E–135°E; Qiantang's is EPSG:4549, 120°E), elsewhere
/// its UTM zone on WGS84 (EPSG:326NN north of the equator, 327NN south).
///
/// Assumptions, named: "inside China" is the rectangle 72.004–137.8347°E, 0.8293–55.8271°N that the GCJ-02
/// formula uses (``QTProjection/GCJ02/isOutsideChina(_:)``), which also takes in parts of neighbouring
/// countries; the UTM zone is the plain 6° one (the Norway and Svalbard exceptions are not applied).
public enum MetricCRSChoice {
    /// The CRS (`EPSG:n`) and a sentence saying why.
    public static func choose(centroid: Coordinate) -> (crs: String, basis: String) {
        let lon = centroid.x, lat = centroid.y
        if !GCJ02.isOutsideChina(centroid) {
            let meridian = min(135, max(75, Int((lon / 3).rounded()) * 3))
            let code = 4534 + (meridian - 75) / 3
            return (
                "EPSG:\(code)",
                "default inside China: CGCS2000 / 3-degree Gauss-Kruger CM \(meridian)E, the zone of "
                    + "the boundary's centroid (\(format(lon)), \(format(lat)))"
            )
        }
        let zone = min(60, max(1, Int(((lon + 180) / 6).rounded(.down)) + 1))
        let code = (lat >= 0 ? 32600 : 32700) + zone
        return (
            "EPSG:\(code)",
            "default outside China: WGS 84 / UTM zone \(zone)\(lat >= 0 ? "N" : "S"), the zone of the "
                + "boundary's centroid (\(format(lon)), \(format(lat)))"
        )
    }

    private static func format(_ x: Double) -> String { String(format: "%.4f", x) }
}
