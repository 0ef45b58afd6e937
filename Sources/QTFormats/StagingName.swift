import Foundation

/// The names of staging folders (``StagedOutput``), short enough for any output name, recognisable, and the
/// rule by which a later run removes the ones a killed run left behind.
///
/// A staging folder is named `.qtplan-PID-N-new.NAME` (its moved-aside predecessor, when a folder is replaced
/// whole, `.qtplan-PID-N-old.NAME`), where NAME is the output's name cut at a character boundary so that the
/// whole stays within the file system's longest name (NAME_MAX, 255 bytes on Linux): an output named with 255
/// bytes still has a staging folder.
///
/// **Stale staging folders** are removed when a later run stages an output in the same folder, only when all of
/// these hold: the name has the form above (or the older `.NAME.qtplan-PID-N`), the kind is `new` (a staging
/// folder, never a moved-aside `old` one, which may hold the only copy of a replaced folder), it is a folder
/// (not a link) owned by the user running qtplan, the process PID is not running on this machine, and nothing in
/// the folder itself changed for ``staleAge`` seconds (a run on another machine writing to a shared folder has a
/// PID this machine cannot see).
public enum StagingName {
    /// Seconds a staging folder must be unchanged before a later run may remove it (10 minutes).
    public static let staleAge: TimeInterval = 600

    /// The staging name for the output `name`, for the process `pid`, attempt `attempt` and `kind` (`new`, `old`),
    /// within `limit` bytes.
    public static func make(for name: String, pid: Int32, attempt: Int, kind: String, limit: Int) -> String {
        let prefix = ".qtplan-\(pid)-\(attempt)-\(kind)."
        let room = max(0, limit - prefix.utf8.count)
        var kept = ""
        var used = 0
        for character in name {
            let size = character.utf8.count
            if used + size > room { break }
            kept.append(character)
            used += size
        }
        return prefix + kept
    }

    /// The longest file name in `folder` (NAME_MAX), 255 when the system does not say.
    public static func nameLimit(in folder: String) -> Int {
        let limit = pathconf(folder, Int32(_PC_NAME_MAX))
        return limit > 0 ? min(limit, 4096) : 255
    }

    /// The PID and kind of a staging folder's name, `nil` for any other name.
    public static func parse(_ entry: String) -> (pid: Int32, kind: String)? {
        if entry.hasPrefix(".qtplan-") {
            let parts = entry.dropFirst(".qtplan-".count).split(separator: "-", maxSplits: 2)
            guard parts.count == 3, let pid = Int32(parts[0]), pid > 0, Int(parts[1]) != nil else { return nil }
            let rest = parts[2]
            if rest.hasPrefix("new.") { return (pid, "new") }
            if rest.hasPrefix("old.") { return (pid, "old") }
            return nil
        }
        // The older form: .NAME.qtplan-PID-N, or .NAME.qtplan-PID-N-old.
        guard entry.hasPrefix("."), let range = entry.range(of: ".qtplan-", options: .backwards), range.lowerBound > entry.startIndex
        else { return nil }
        var tail = entry[range.upperBound...]
        var kind = "new"
        if tail.hasSuffix("-old") { tail = tail.dropLast(4); kind = "old" }
        let parts = tail.split(separator: "-")
        guard parts.count == 2, let pid = Int32(parts[0]), pid > 0, Int(parts[1]) != nil else { return nil }
        return (pid, kind)
    }

    /// Removes the stale staging folders in `folder` (the rule above); returns the paths removed.
    @discardableResult
    public static func removeStale(in folder: String, now: Date = Date()) -> [String] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var removed: [String] = []
        for entry in entries {
            guard let (pid, kind) = parse(entry), kind == "new", pid != getpid() else { continue }
            let path = (folder as NSString).appendingPathComponent(entry)
            var status = stat()
            guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR, status.st_uid == geteuid() else { continue }
            let changed = Date(timeIntervalSince1970: TimeInterval(status.st_mtim.tv_sec))
            guard now.timeIntervalSince(changed) >= staleAge else { continue }
            guard kill(pid, 0) == -1 && errno == ESRCH else { continue }
            if (try? FileManager.default.removeItem(atPath: path)) != nil { removed.append(path) }
        }
        return removed
    }
}
