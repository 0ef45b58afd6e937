import Foundation
import QTGeometry
import QTModel

/// libFuzzer entry point: the bytes are a district manifest and one layer, separated by the first NUL byte
/// (no NUL: the bytes are the layer, under a fixed manifest). They are written to a temporary folder, loaded
/// with DistrictLoader and, when that succeeds, validated. Every problem must be a thrown DistrictError or a
/// validation issue.
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qtplan-fuzz-district-\(getpid())")
// Strings, made into Data on each call: a global Data's heap storage sits behind an enum payload LeakSanitizer
// cannot follow, and was reported as leaked at exit.
let fixedManifest = """
    {"name": "模糊区", "name_en": "Fuzz District", "official_area_km2": 1.1, "metric_crs": "EPSG:4549",
     "residents": 1000, "layers": {"boundary": {"file": "boundary.geojson"}, "facilities": {"file": "layer.geojson"},
     "network": {"file": "layer.geojson"}, "landuse": {"file": "layer.geojson"}}}
    """
let boundary = """
    {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"sq","source":"modelled","accuracy_m":0},
    "geometry":{"type":"Polygon","coordinates":[[[120.3,30.3],[120.31,30.3],[120.31,30.31],[120.3,30.31],[120.3,30.3]]]}}]}
    """

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDistrict(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let bytes = Data(bytes: start, count: count)
    let manifest: Data, layer: Data
    if let nul = bytes.firstIndex(of: 0) {
        manifest = bytes[..<nul]
        layer = bytes[(nul + 1)...]
    } else {
        manifest = Data(fixedManifest.utf8)
        layer = bytes
    }
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    do {
        try manifest.write(to: folder.appendingPathComponent("district.json"))
        try layer.write(to: folder.appendingPathComponent("layer.geojson"))
        try Data(boundary.utf8).write(to: folder.appendingPathComponent("boundary.geojson"))
    } catch {
        return 0
    }
    guard let (district, warnings) = try? DistrictLoader(maximumLayerBytes: 1 << 20).load(directory: folder.path) else { return 0 }
    _ = try? DistrictValidator().validate(district, loadWarnings: warnings)
    return 0
}
