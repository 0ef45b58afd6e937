import CPROJ

/// Receives PROJ's log messages for one context, so that errors reach the thrown error instead of stderr.
final class PROJMessageSink {
    var lastMessage: String?
}

private let projLogHandler: PJ_LOG_FUNCTION = { userdata, level, message in
    guard let userdata, level <= Int32(PJ_LOG_ERROR.rawValue) else { return }
    let sink = Unmanaged<PROJMessageSink>.fromOpaque(userdata).takeUnretainedValue()
    sink.lastMessage = message.map { String(cString: $0) }
}

/// A PROJ threading context (`PJ_CONTEXT`): one per task, reused for all of that task's PROJ objects.
///
/// It routes PROJ's error log into the thrown ``ProjectionError`` rather than stderr. The corresponding PROJ
/// functions are `proj_context_create`, `proj_log_func` and `proj_context_destroy`.
final class PROJContext {
    let handle: OpaquePointer
    private let sink = PROJMessageSink()

    init() throws {
        guard let handle = proj_context_create() else {
            throw ProjectionError.proj(function: "proj_context_create", message: "could not allocate a PROJ context")
        }
        self.handle = handle
        proj_log_level(handle, PJ_LOG_ERROR)
        proj_log_func(handle, Unmanaged.passUnretained(sink).toOpaque(), projLogHandler)
    }

    deinit { proj_context_destroy(handle) }

    /// Resets the error state, runs `body`, and throws a ``ProjectionError`` naming `function` when `body`
    /// returns `nil`, with PROJ's logged message and `proj_context_errno_string`.
    func call(_ function: StaticString, _ body: (OpaquePointer) -> OpaquePointer?) throws -> OpaquePointer {
        // PROJ has no context-level errno reset without a PJ at hand; a stale code is harmless because
        // failure is detected from the result, and the code is read only then.
        sink.lastMessage = nil
        guard let result = body(handle) else { throw error(function) }
        return result
    }

    func error(_ function: StaticString) -> ProjectionError {
        let code = proj_context_errno(handle)
        var message = sink.lastMessage ?? ""
        if code != 0, let text = proj_context_errno_string(handle, code) {
            let reason = String(cString: text)
            message = message.isEmpty ? reason : "\(message) (\(reason))"
        }
        return .proj(function: "\(function)", message: message.isEmpty ? "failed without a message" : message)
    }
}
