/// Whether two facility names are the same place's: equal, or within an edit distance, once brackets and their
/// content, spaces and suffixes such as 分校 are removed (`实验学校(东校区)` and `实验学校` are one name).
struct NameMatch {
    let maximumEdits: Int
    let suffixes: [String]

    /// The name as compared.
    func normalized(_ name: String) -> String {
        var out = ""
        var depth = 0
        for ch in name {
            if "(（[【〔".contains(ch) { depth += 1; continue }
            if ")）]】〕".contains(ch) { depth = max(0, depth - 1); continue }
            if depth > 0 || ch.isWhitespace { continue }
            out.append(ch)
        }
        var changed = true
        while changed {
            changed = false
            for suffix in suffixes where !suffix.isEmpty && out.hasSuffix(suffix) && out.count > suffix.count {
                out.removeLast(suffix.count)
                changed = true
            }
        }
        return out.lowercased()
    }

    /// Whether `a` and `b` name one place (two empty names never do).
    func matches(_ a: String, _ b: String) -> Bool {
        let x = normalized(a), y = normalized(b)
        guard !x.isEmpty, !y.isEmpty else { return false }
        if x == y { return true }
        return Self.distance(Array(x), Array(y), limit: maximumEdits) <= maximumEdits
    }

    /// Levenshtein distance in characters, stopping early above `limit`.
    static func distance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            var best = current[0]
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                best = min(best, current[j])
            }
            if best > limit { return limit + 1 }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
