import Foundation
import QTFormats
import QTGeometry
import QTModel
import QTTestSupport
import Testing

/// The district as qtplan's GeoJSON reader loads it against GDAL's reading of the same files: the same
/// features in the same order, the same properties and every coordinate bit for bit. GDAL is the independent
/// reference for the direct reading of FeatureCollections. `VectorReader` leaves GeoJSON to qtplan's reader,
/// so GDAL's GeoJSON driver reads each file into a GeoPackage (`ogr2ogr`: coordinates as WKB doubles, fields
/// typed), which `VectorReader` then reads.
@Suite struct DistrictLoaderGDALTests {
    /// A property as GDAL gives it: an array of strings is a StringList, which the GeoPackage keeps as GDAL
    /// prints it, `(count:a,b)`; everything else as read.
    static func asGDAL(_ value: JSONValue) -> JSONValue {
        if case .array(let elements) = value, !elements.isEmpty, elements.allSatisfy({ $0.stringValue != nil }) {
            return .string("(\(elements.count):\(elements.compactMap(\.stringValue).joined(separator: ",")))")
        }
        return value
    }

    @Test func bundledDistrictReadsAsGDALReadsIt() throws {
        let district = try DistrictLoader().load(directory: Fixtures.bundled).district
        let folder = try Tool.temporaryFolder("gdal-agreement")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var layers = 0, features = 0, coordinates = 0
        for layer in LayerName.allCases.sorted() {
            guard let path = district.layerFile(layer) else { continue }
            let ours = district.features(layer)
            let copy = "\(folder)/\(layer.rawValue).gpkg"
            let (status, output) = try Tool.run("ogr2ogr", ["-q", "-f", "GPKG", copy, path])
            try #require(status == 0, "ogr2ogr \(path): \(output)")
            let gdal = try VectorReader().read(path: copy).features.features
            #expect(ours.count == gdal.count, "\(layer): \(ours.count) features, GDAL \(gdal.count)")
            layers += 1
            for (index, (a, b)) in zip(ours, gdal).enumerated() {
                features += 1
                let at = "\(layer.rawValue) feature \(index)"
                #expect(a.geometry == b.geometry, "\(at): geometry")
                a.geometry?.forEachCoordinate { _ in coordinates += 1 }
                for (key, value) in a.properties {
                    #expect(Self.asGDAL(value) == b.properties[key], "\(at): property \(key)")
                }
                // GDAL's fields are the layer's union: a field this feature lacks is absent or null there.
                for (key, value) in b.properties where a.properties[key] == nil {
                    #expect(value == .null, "\(at): property \(key) only in GDAL's reading")
                }
                if case .string(let id)? = a.id {
                    #expect(b.properties["id"] == .string(id), "\(at): id")
                }
            }
        }
        #expect(layers == 10)
        #expect(features == 12_648)
        #expect(coordinates > 50_000)
    }
}
