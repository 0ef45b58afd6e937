import CGDAL
import QTProjection

/// An OGR spatial reference owned by Swift: made from a qtplan ``CRS`` for writing, released in `deinit`.
///
/// Every reference qtplan makes or reads asks for the traditional GIS axis order (longitude or easting first,
/// `OAMS_TRADITIONAL_GIS_ORDER`): without it GDAL follows the EPSG registry's order, latitude first for
/// EPSG:4326 and northing first for EPSG:4549, and coordinates come back swapped.
///
/// The corresponding GDAL functions are `OSRNewSpatialReference`, `OSRImportFromEPSG`,
/// `OSRSetFromUserInput`, `OSRSetAxisMappingStrategy` and `OSRRelease`.
final class SpatialReference {
    let handle: OGRSpatialReferenceH

    /// Makes the reference for `crs`.
    /// - Throws: ``FormatsError/unsupported(path:detail:)`` for GCJ-02, which no CRS definition can express;
    ///   ``FormatsError/gdal(function:message:)`` when GDAL does not know the CRS.
    init(_ crs: CRS, path: String) throws {
        if crs.isChineseOffset {
            throw FormatsError.unsupported(
                path: path,
                detail: "\(crs == .bd09 ? "BD-09" : "GCJ-02") is not a CRS a file can declare (it is an "
                    + "obfuscation of WGS84, unknown to PROJ and GDAL): write WGS84 or a projected CRS such as EPSG:4549")
        }
        handle = try GDALCall.handle("OSRNewSpatialReference") { OSRNewSpatialReference(nil) }
        do {
            switch crs {
            case .epsg(let code): try GDALCall.ogr("OSRImportFromEPSG") { OSRImportFromEPSG(handle, Int32(code)) }
            case .definition(let text): try GDALCall.ogr("OSRSetFromUserInput") { OSRSetFromUserInput(handle, text) }
            case .gcj02, .bd09: break
            }
        } catch {
            OSRRelease(handle)
            throw error
        }
        OSRSetAxisMappingStrategy(handle, OAMS_TRADITIONAL_GIS_ORDER)
    }

    deinit { OSRRelease(handle) }

    /// The qtplan ``CRS`` of a reference GDAL read from a file (borrowed: not released here): `EPSG:n` when
    /// GDAL identifies an EPSG code, otherwise its WKT2 definition, which PROJ reads.
    /// The corresponding GDAL functions are `OSRClone`, `OSRAutoIdentifyEPSG`, `OSRGetAuthorityName`,
    /// `OSRGetAuthorityCode` and `OSRExportToWktEx`.
    static func crs(of borrowed: OGRSpatialReferenceH) throws -> CRS {
        let copy = try GDALCall.handle("OSRClone") { OSRClone(borrowed) }
        defer { OSRRelease(copy) }
        func epsg() -> Int? {
            guard let name = OSRGetAuthorityName(copy, nil).map({ String(cString: $0) }), name.uppercased() == "EPSG",
                let code = OSRGetAuthorityCode(copy, nil).map({ String(cString: $0) })
            else { return nil }
            return Int(code)
        }
        if let code = epsg() { return .epsg(code) }
        if OSRAutoIdentifyEPSG(copy) == OGRERR_NONE, let code = epsg() { return .epsg(code) }
        var text: UnsafeMutablePointer<CChar>?
        // Freed on failure too: GDAL hands back an empty string it allocated when the export fails (a 1-byte
        // leak found by fuzz-gdal on a FlatGeobuf whose CRS GDAL cannot export).
        defer { VSIFree(text) } // CPLFree is a macro for VSIFree
        let options = CStringList(["FORMAT=WKT2_2019"])
        try options.withConstPointer { list in
            try GDALCall.ogr("OSRExportToWktEx") { OSRExportToWktEx(copy, &text, list) }
        }
        guard let text else { throw GDALCall.error("OSRExportToWktEx") }
        return .definition(String(cString: text))
    }
}

@available(*, unavailable)
extension SpatialReference: Sendable {}
