import Foundation
import QTGeometry

/// libFuzzer entry point: the bytes are WKT text for GeometryContext.read(wkt:). Every error must be thrown.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWKT(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    guard let context = try? GeometryContext(), let native = try? context.read(wkt: text) else { return 0 }
    _ = try? native.validity()
    _ = try? native.value()
    _ = try? native.area()
    return 0
}
