import CGDAL
import Foundation
import QTProjection

/// One band of a raster as values: its size, its affine geotransform, its CRS and the cells row by row.
public struct RasterGrid: Sendable, Hashable {
    /// Columns and rows.
    public var width: Int, height: Int
    /// GDAL's geotransform: x = t0 + col·t1 + row·t2, y = t3 + col·t4 + row·t5 (at a cell's top-left corner).
    public var geoTransform: [Double]
    /// The raster's CRS.
    public var crs: CRS
    /// Band 1, row-major from the top row; `nil` for a nodata cell.
    public var values: [Double?]

    /// The corner (col, row) of the grid in the raster's CRS.
    public func corner(col: Double, row: Double) -> (x: Double, y: Double) {
        (geoTransform[0] + col * geoTransform[1] + row * geoTransform[2], geoTransform[3] + col * geoTransform[4] + row * geoTransform[5])
    }
}

/// Reads band 1 of a raster (GeoTIFF, ASCII grid, any format GDAL's raster drivers open) through GDAL's raster API.
/// The corresponding GDAL functions are `GDALOpenEx` (raster), `GDALGetRasterXSize`, `GDALGetRasterYSize`,
/// `GDALGetGeoTransform`, `GDALGetSpatialRef`, `GDALGetRasterBand`, `GDALGetRasterNoDataValue`, `GDALRasterIO`
/// and `GDALClose`.
public enum RasterReader {
    /// Cells read at most (a 1 km grid of all China is 10 million).
    public static let maximumCells = 50_000_000

    /// Reads band 1 of the raster at `path`.
    /// - Throws: ``FormatsError`` naming the file: missing, not a raster, without a CRS or a geotransform, too large.
    public static func read(path: String) throws -> RasterGrid {
        guard FileManager.default.fileExists(atPath: path) else { throw FormatsError.missingFile(path: path) }
        GDALRuntime.ensure()
        let dataset: GDALDatasetH
        do {
            dataset = try GDALCall.handle("GDALOpenEx") {
                GDALOpenEx(path, UInt32(GDAL_OF_RASTER | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR), nil, nil, nil)
            }
        } catch let FormatsError.gdal(_, message) {
            throw FormatsError.invalidData(path: path, detail: "GDAL cannot read it as a raster: \(message)")
        }
        defer { GDALClose(dataset) }
        let width = Int(GDALGetRasterXSize(dataset)), height = Int(GDALGetRasterYSize(dataset))
        guard GDALGetRasterCount(dataset) >= 1, width > 0, height > 0 else {
            throw FormatsError.invalidData(path: path, detail: "the raster has no band")
        }
        guard width * height <= maximumCells else {
            throw FormatsError.invalidData(
                path: path, detail: "\(width) × \(height) cells, more than \(maximumCells): clip it to the district first (gdal_translate -projwin)")
        }
        var transform = [Double](repeating: 0, count: 6)
        guard GDALGetGeoTransform(dataset, &transform) == CE_None, transform[1] != 0, transform[5] != 0 else {
            throw FormatsError.invalidData(path: path, detail: "the raster has no geotransform: where its cells lie is unknown")
        }
        guard let reference = GDALGetSpatialRef(dataset) else {
            throw FormatsError.invalidData(
                path: path,
                detail: "the raster says no CRS: a population grid without one cannot be placed "
                    + "(assign it with gdal_edit.py -a_srs EPSG:n)")
        }
        let crs = try SpatialReference.crs(of: reference)
        let band = try GDALCall.handle("GDALGetRasterBand") { GDALGetRasterBand(dataset, 1) }
        var hasNoData: Int32 = 0
        let noData = GDALGetRasterNoDataValue(band, &hasNoData)
        var buffer = [Double](repeating: 0, count: width * height)
        let status = buffer.withUnsafeMutableBytes { raw in
            GDALRasterIO(band, GF_Read, 0, 0, Int32(width), Int32(height), raw.baseAddress, Int32(width), Int32(height), GDT_Float64, 0, 0)
        }
        guard status == CE_None else { throw GDALCall.error("GDALRasterIO") }
        let values: [Double?] = buffer.map { v in
            if hasNoData != 0 && (v == noData || (v.isNaN && noData.isNaN)) { return nil }
            return v.isFinite ? v : nil
        }
        return RasterGrid(width: width, height: height, geoTransform: transform, crs: crs, values: values)
    }
}
