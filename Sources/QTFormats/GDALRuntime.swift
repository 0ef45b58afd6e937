import CGDAL
import Foundation

/// GDAL's process-wide set-up, done once, thread-safely, in this one place.
///
/// GDAL keeps a driver registry, an error handler and configuration options for the whole process (they are
/// not per thread or per dataset), so qtplan sets them up exactly once, the first time any QTFormats type
/// touches GDAL; Swift runs a `static let` initialiser once even when several tasks reach it at the same time.
/// What it sets:
/// - every driver is registered (`GDALAllRegister`);
/// - GDAL's default error handler, which prints to stderr, is replaced by `CPLQuietErrorHandler`: GDAL still
///   records the last error of each thread, and ``GDALCall`` turns it into a thrown ``FormatsError`` naming the
///   C function (warnings are collected per operation with a thread-local handler, see ``GDALCall/collectingWarnings(_:)``);
/// - `OGR_CURRENT_DATE` (the timestamp GeoPackage writes into `gpkg_contents.last_change`) from
///   `SOURCE_DATE_EPOCH` when that is set, the reproducible-builds convention, so that a GeoPackage can be made
///   byte-identical run to run; otherwise GDAL writes the current time.
///
/// The corresponding GDAL functions are `GDALAllRegister`, `CPLSetErrorHandler` and `CPLSetConfigOption`.
public enum GDALRuntime {
    private static let ready: Bool = {
        GDALAllRegister()
        CPLSetErrorHandler(CPLQuietErrorHandler)
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Double.init) {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime]
            CPLSetConfigOption("OGR_CURRENT_DATE", formatter.string(from: Date(timeIntervalSince1970: epoch)))
        }
        return true
    }()

    /// Makes sure GDAL is set up; cheap after the first call.
    static func ensure() { _ = ready }

    /// The linked GDAL's release name, for example `"3.6.2"`. The corresponding GDAL function is `GDALVersionInfo`.
    public static var version: String {
        ensure()
        return GDALVersionInfo("RELEASE_NAME").map { String(cString: $0) } ?? "unknown"
    }
}
