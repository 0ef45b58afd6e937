import Foundation

/// The PROJ pipelines resolved so far in this process, by (source, target), shared by every task.
///
/// Resolving a CRS pair (`proj_create_crs_to_crs`) searches `proj.db` through SQLite for candidate operations:
/// 40–70 ms for WGS84 → EPSG:4549 on the development machine, and a coverage run used to pay it for every
/// service area. The operation it picks, once normalised for longitude-first axes, is exported here as a PROJ
/// pipeline string (`proj_as_proj_string`); a later ``Transformer`` for the same pair instantiates that string
/// in its own PROJ context with `proj_create` (a fraction of a millisecond, no database), which is the same
/// pipeline PROJ would have instantiated itself, so results are identical.
///
/// Only pairs that resolve to one operation are cached: when PROJ keeps several candidates (chosen per
/// coordinate by area of use), the result cannot be exported as one string and every transformer resolves
/// the pair afresh. The cache holds plain strings (no PROJ handle crosses a task) behind a lock.
final class PipelineCache: @unchecked Sendable {
    /// One resolved pair.
    struct Entry: Sendable {
        /// The normalised operation as a PROJ pipeline string.
        var pipeline: String
        /// Whether its output is angular (see ``Transformer/targetIsAngular``), taken from the resolved operation.
        var targetIsAngular: Bool
    }

    private struct Key: Hashable {
        let source: CRS
        let target: CRS
    }

    /// The process-wide cache.
    static let shared = PipelineCache()

    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]

    /// The cached pipeline from `source` to `target`, if that pair was resolved before.
    func entry(from source: CRS, to target: CRS) -> Entry? {
        lock.lock()
        defer { lock.unlock() }
        return entries[Key(source: source, target: target)]
    }

    /// Records the resolved pipeline of a pair.
    func store(_ entry: Entry, from source: CRS, to target: CRS) {
        lock.lock()
        defer { lock.unlock() }
        entries[Key(source: source, target: target)] = entry
    }

    /// Forgets every pair (tests compare cached and freshly resolved transformers).
    func removeAll() {
        lock.lock()
        defer { lock.unlock() }
        entries.removeAll()
    }
}
