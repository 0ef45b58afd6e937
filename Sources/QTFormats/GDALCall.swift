import CGDAL

/// The one narrow place every GDAL call goes through.
///
/// GDAL records the last error per thread; each helper here clears it (`CPLErrorReset`), makes the call,
/// checks the documented failure value and throws ``FormatsError/gdal(function:message:)`` with the C
/// function's name and GDAL's own message (`CPLGetLastErrorMsg`). The calls are synchronous, so the error is
/// read on the thread that made the call.
enum GDALCall {
    /// Runs `body` and throws when `failed(result)`.
    @inline(__always)
    static func call<T>(_ function: StaticString, _ body: () -> T, failed: (T) -> Bool) throws -> T {
        GDALRuntime.ensure()
        CPLErrorReset()
        let result = body()
        if failed(result) { throw error(function) }
        return result
    }

    /// A call returning a handle; `nil` is failure.
    @inline(__always)
    static func handle<T>(_ function: StaticString, _ body: () -> T?) throws -> T {
        guard let result = try call(function, body, failed: { $0 == nil }) else { throw error(function) }
        return result
    }

    /// A call returning an `OGRErr`; anything but `OGRERR_NONE` is failure.
    @inline(__always)
    static func ogr(_ function: StaticString, _ body: () -> OGRErr) throws {
        _ = try call(function, body, failed: { $0 != OGRERR_NONE })
    }

    /// The error for a failed `function`, with GDAL's last message of this thread.
    static func error(_ function: StaticString) -> FormatsError {
        let message = CPLGetLastErrorMsg().map { String(cString: $0) } ?? ""
        return .gdal(function: "\(function)", message: message.isEmpty ? "failed without a message" : message)
    }

    /// Runs `body` with a thread-local error handler that keeps GDAL's warnings (a Shapefile field name
    /// shortened to 10 characters, a string truncated at 254 bytes), and returns them with the result.
    /// Errors (`CE_Failure`, `CE_Fatal`) reported during `body` are kept too, in ``GDALWarningSink/failures``
    /// of the sink `body` is given, with the feature the caller was at (``GDALWarningSink/feature``): a read
    /// loop ends when `OGR_L_GetNextFeature` returns `NULL`, at the end of the layer and on a damaged file alike,
    /// and only the error state tells them apart.
    /// `body` must not suspend: the handler belongs to the thread. The corresponding GDAL functions are
    /// `CPLPushErrorHandlerEx` and `CPLPopErrorHandler`.
    static func collectingWarnings<T>(_ body: () throws -> T) rethrows -> (T, [String]) {
        try collectingDiagnostics { _ in try body() }
    }

    /// Like ``collectingWarnings(_:)``, giving `body` the sink, whose ``GDALWarningSink/failures`` the caller
    /// checks after the call.
    static func collectingDiagnostics<T>(_ body: (GDALWarningSink) throws -> T) rethrows -> (T, [String]) {
        GDALRuntime.ensure()
        let sink = GDALWarningSink()
        let userdata = Unmanaged.passRetained(sink)
        CPLPushErrorHandlerEx(gdalWarningHandler, userdata.toOpaque())
        defer {
            CPLPopErrorHandler()
            userdata.release()
        }
        let result = try body(sink)
        return (result, sink.warnings)
    }
}

/// Where ``GDALCall/collectingWarnings(_:)`` keeps the warnings of one operation.
final class GDALWarningSink {
    /// GDAL's warnings, each once, in order.
    var warnings: [String] = []
    /// GDAL's errors, each with the value of ``feature`` when it was reported.
    var failures: [(feature: Int, message: String)] = []
    /// The feature a read loop is at (set by the loop), for naming where an error happened.
    var feature = 0
}

/// The thread-local handler: keeps warnings and errors (errors are also read from `CPLGetLastErrorMsg` by
/// ``GDALCall``).
private let gdalWarningHandler: CPLErrorHandler = { level, _, message in
    guard level == CE_Warning || level == CE_Failure || level == CE_Fatal, let data = CPLGetErrorHandlerUserData(),
        let message
    else { return }
    let sink = Unmanaged<GDALWarningSink>.fromOpaque(data).takeUnretainedValue()
    let text = String(cString: message)
    if level != CE_Warning {
        if sink.failures.count < 8 { sink.failures.append((sink.feature, text)) }
    } else if !sink.warnings.contains(text) && sink.warnings.count < 100 {
        sink.warnings.append(text)
    }
}
