import Dispatch
import Foundation

/// Two independent pieces of work run on the machine's two cores: one on a GCD worker thread, the other on the
/// calling thread. Each piece makes its own GEOS context and PROJ transformers (C handles are never shared
/// across threads); only Sendable values cross over.
enum Concurrently {
    /// Runs `background` on another thread while `foreground` runs on this one, and returns both results once
    /// both have finished. When both throw, `background`'s error is the one thrown (it is the earlier step of
    /// the build, so the error shown does not depend on timing).
    static func run<A: Sendable, B>(
        _ background: @escaping @Sendable () throws -> A,
        while foreground: () throws -> B
    ) throws -> (A, B) {
        let handoff = Handoff<A>()
        DispatchQueue.global(qos: .userInitiated).async {
            handoff.put(Result { try background() })
        }
        let b = Result { try foreground() }
        let a = try handoff.take().get()
        return (a, try b.get())
    }
}

extension Concurrently {
    /// `transform` applied to every item, on as many threads as the machine has cores (DispatchQueue's
    /// concurrentPerform), the results in the items' order. The first item's error is thrown when several fail.
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @escaping @Sendable (T) throws -> R) throws -> [R] {
        let slots = (0..<items.count).map { _ in Handoff<R>() }
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            slots[i].put(Result { try transform(items[i]) })
        }
        return try slots.map { try $0.take().get() }
    }
}

/// One result passed from a worker thread to the waiting one: written once under the lock, then the
/// semaphore lets the reader take it. The lock makes the unchecked Sendable conformance sound.
private final class Handoff<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private let ready = DispatchSemaphore(value: 0)
    private var value: Result<Value, any Error>?

    func put(_ result: Result<Value, any Error>) {
        lock.withLock { value = result }
        ready.signal()
    }

    func take() -> Result<Value, any Error> {
        ready.wait()
        return lock.withLock { value! }
    }
}
