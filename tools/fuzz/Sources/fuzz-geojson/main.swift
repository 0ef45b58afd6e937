import Foundation
import QTGeometry

/// libFuzzer entry point: the bytes are a GeoJSON document. Every error must be a thrown `GeoJSONError`;
/// what reads is handed to GEOS (make, validity, area) as a district's layers would be.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGeoJSON(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let data = Data(bytes: start, count: count)
    guard let collection = try? GeoJSONReader().read(data: data) else { return 0 }
    guard let context = try? GeometryContext() else { return 0 }
    for feature in collection.features.prefix(64) {
        guard let geometry = feature.geometry, let native = try? context.make(geometry) else { continue }
        _ = try? native.validity()
        _ = try? native.area()
        if (try? native.isValid()) == false { _ = try? native.makeValid() }
    }
    _ = GeoJSONWriter().data(collection)
    return 0
}
