import CGDAL
import Foundation

/// A NULL-terminated list of C strings (GDAL's `char **` option lists, `"KEY=VALUE"`), alive for the
/// duration of ``withPointer(_:)``.
struct CStringList {
    var items: [String]

    init(_ items: [String]) { self.items = items }

    /// Calls `body` with the list as `char **` (`nil` for an empty list, which GDAL reads as "no options").
    func withPointer<T>(_ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) throws -> T) rethrows -> T {
        if items.isEmpty { return try body(nil) }
        var pointers: [UnsafeMutablePointer<CChar>?] = items.map { strdup($0) }
        pointers.append(nil)
        defer { for p in pointers { free(p) } }
        return try pointers.withUnsafeMutableBufferPointer { try body($0.baseAddress) }
    }
}

extension CStringList {
    /// Calls `body` with the list as `const char * const *` (GDAL's `CSLConstList`).
    func withConstPointer<T>(_ body: (UnsafePointer<UnsafePointer<CChar>?>?) throws -> T) rethrows -> T {
        try withPointer { list in
            guard let list else { return try body(nil) }
            return try list.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: items.count + 1) { try body($0) }
        }
    }
}
