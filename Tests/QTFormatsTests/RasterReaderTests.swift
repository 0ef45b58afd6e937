import Foundation
import QTFormats
import QTProjection
import Testing

/// GDAL's raster API on GeoTIFFs written by `gdal_translate -a_srs EPSG:4549` from hand-written ASCII grids
/// (Tests/Fixtures/planner): size, geotransform, CRS, values and nodata as the text says.
@Suite struct RasterReaderTests {
    static func planner(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/planner/\(name)").path
    }

    @Test func aOneKilometreGrid() throws {
        let grid = try RasterReader.read(path: Self.planner("population-1km.tif"))
        #expect(grid.width == 2 && grid.height == 2)
        #expect(grid.geoTransform == [528500, 1000, 0, 3_355_000, 0, -1000])
        #expect(grid.crs == .epsg(4549))
        #expect(grid.values == [4000, 2000, 1000, 500])
        #expect(grid.corner(col: 1, row: 2) == (x: 529500, y: 3_353_000))
    }

    @Test func nodataCellsAreNil() throws {
        let grid = try RasterReader.read(path: Self.planner("population-100m.tif"))
        #expect(grid.width == 12 && grid.height == 11)
        #expect(grid.values[0] == nil) // row 0, column 0: -9999
        #expect(grid.values[5 * 12 + 6] == nil) // row 5, column 6
        #expect(grid.values[1] == 3) // (0·7 + 1·3) mod 10
        #expect(grid.values[10 * 12 + 11] == Double((10 * 7 + 11 * 3) % 10))
        #expect(grid.values.compactMap { $0 }.count == 130)
    }

    @Test func aRasterWithoutCRSIsRefused() {
        let path = Self.planner("../bad/raster-without-crs/population.tif")
        #expect(throws: FormatsError.self) { _ = try RasterReader.read(path: path) }
        #expect(throws: FormatsError.missingFile(path: "/nowhere.tif")) { _ = try RasterReader.read(path: "/nowhere.tif") }
    }
}
