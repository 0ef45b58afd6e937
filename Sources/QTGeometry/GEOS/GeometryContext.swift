import CGEOS

/// Receives GEOS's error messages for one context; the context's userdata points here.
final class GEOSMessageSink {
    var lastError: String?
}

/// GEOS's error callback. It cannot capture Swift state, so it finds its sink through `userdata`.
private let geosErrorHandler: GEOSMessageHandler_r = { message, userdata in
    guard let userdata else { return }
    let sink = Unmanaged<GEOSMessageSink>.fromOpaque(userdata).takeUnretainedValue()
    sink.lastError = message.map { String(cString: $0) } ?? "unknown GEOS error"
}

/// A GEOS context: the handle every re-entrant GEOS call takes, with its error handler.
///
/// A context belongs to one task at a time. Batch work makes one and reuses it for every call; parallel
/// work gives each child task its own. Everything made by a context (``NativeGeometry``,
/// ``PreparedGeometry``, ``STRtree``) keeps it alive and must stay on the same task.
///
/// The corresponding GEOS functions are `GEOS_init_r`, `GEOSContext_setErrorMessageHandler_r` and
/// `GEOS_finish_r`.
public final class GeometryContext {
    let handle: GEOSContextHandle_t
    private let sink: GEOSMessageSink
    private var wktReader: OpaquePointer?
    private var wktWriter: OpaquePointer?
    private var wkbReader: OpaquePointer?
    private var wkbWriter: OpaquePointer?

    /// Creates a context with its own error handler.
    /// - Throws: ``GeometryError/geos(function:message:)`` if GEOS cannot allocate a context.
    public init() throws {
        guard let handle = GEOS_init_r() else {
            throw GeometryError.geos(function: "GEOS_init_r", message: "could not allocate a GEOS context")
        }
        self.handle = handle
        self.sink = GEOSMessageSink()
        GEOSContext_setErrorMessageHandler_r(handle, geosErrorHandler, Unmanaged.passUnretained(sink).toOpaque())
    }

    deinit {
        if let wktReader { GEOSWKTReader_destroy_r(handle, wktReader) }
        if let wktWriter { GEOSWKTWriter_destroy_r(handle, wktWriter) }
        if let wkbReader { GEOSWKBReader_destroy_r(handle, wkbReader) }
        if let wkbWriter { GEOSWKBWriter_destroy_r(handle, wkbWriter) }
        GEOS_finish_r(handle)
    }

    /// The version of the linked GEOS library, for example `"3.11.1-CAPI-1.17.1"`.
    public static var geosVersion: String { String(cString: GEOSversion()) }

    // MARK: - The one narrow place every GEOS call goes through

    /// Clears the error buffer, runs `body`, and turns `failed(result)` into a thrown error naming `function`.
    @inline(__always)
    func call<T>(_ function: StaticString, _ body: (GEOSContextHandle_t) -> T, failed: (T) -> Bool) throws -> T {
        sink.lastError = nil
        let result = body(handle)
        if failed(result) { throw error(function) }
        return result
    }

    /// A call returning a newly allocated pointer the caller owns; `nil` means failure.
    @inline(__always)
    func callPointer(_ function: StaticString, _ body: (GEOSContextHandle_t) -> OpaquePointer?) throws -> OpaquePointer {
        guard let pointer = try call(function, body, failed: { $0 == nil }) else { throw error(function) }
        return pointer
    }

    /// A call returning a new geometry; wraps it so that Swift owns it.
    @inline(__always)
    func callGeometry(_ function: StaticString, _ body: (GEOSContextHandle_t) -> OpaquePointer?) throws -> NativeGeometry {
        NativeGeometry(context: self, pointer: try callPointer(function, body))
    }

    /// A predicate: GEOS returns 1 for true, 0 for false and 2 for an exception.
    @inline(__always)
    func callPredicate(_ function: StaticString, _ body: (GEOSContextHandle_t) -> CChar) throws -> Bool {
        try call(function, body, failed: { $0 != 0 && $0 != 1 }) == 1
    }

    /// A measurement writing into an out-parameter: GEOS returns 0 on exception, 1 on success.
    @inline(__always)
    func callMeasure(_ function: StaticString, _ body: (GEOSContextHandle_t, UnsafeMutablePointer<Double>) -> Int32) throws -> Double {
        var value = 0.0
        _ = try call(function, { body($0, &value) }, failed: { $0 == 0 })
        return value
    }

    /// Forgets the last message, before a call whose failure is checked by hand.
    func clearError() { sink.lastError = nil }

    func error(_ function: StaticString) -> GeometryError {
        .geos(function: "\(function)", message: sink.lastError ?? "failed without a message")
    }

    // MARK: - Cached readers and writers (one per context, created on first use)

    func wktReaderHandle() throws -> OpaquePointer {
        if let wktReader { return wktReader }
        let reader = try callPointer("GEOSWKTReader_create_r") { GEOSWKTReader_create_r($0) }
        wktReader = reader
        return reader
    }

    func wktWriterHandle() throws -> OpaquePointer {
        if let wktWriter { return wktWriter }
        let writer = try callPointer("GEOSWKTWriter_create_r") { GEOSWKTWriter_create_r($0) }
        GEOSWKTWriter_setTrim_r(handle, writer, 1)
        GEOSWKTWriter_setOutputDimension_r(handle, writer, 2)
        wktWriter = writer
        return writer
    }

    func wkbReaderHandle() throws -> OpaquePointer {
        if let wkbReader { return wkbReader }
        let reader = try callPointer("GEOSWKBReader_create_r") { GEOSWKBReader_create_r($0) }
        wkbReader = reader
        return reader
    }

    func wkbWriterHandle() throws -> OpaquePointer {
        if let wkbWriter { return wkbWriter }
        let writer = try callPointer("GEOSWKBWriter_create_r") { GEOSWKBWriter_create_r($0) }
        GEOSWKBWriter_setOutputDimension_r(handle, writer, 2)
        GEOSWKBWriter_setByteOrder_r(handle, writer, Int32(GEOS_WKB_NDR.rawValue)) // little-endian
        wkbWriter = writer
        return writer
    }
}

/// A context must never be shared between tasks: GEOS contexts are not thread-safe.
@available(*, unavailable)
extension GeometryContext: Sendable {}
