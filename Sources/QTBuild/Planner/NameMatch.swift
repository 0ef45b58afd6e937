/// Whether two facility names are the same place's. Both names are first normalized: brackets and their content,
/// spaces and the table's `strip` suffixes (分校, 校区, 分园 …) removed, so `实验学校(东校区)` and `实验学校` are one
/// name. Each is then split into its distinctive core and its generic type suffix, the longest of the table's
/// `generic` suffixes it ends with (`阳光幼儿园` → `阳光` + `幼儿园`). Two names match when
/// - their generic suffixes are equal, or one name has none (an OpenStreetMap name often leaves it out), and
/// - their cores are equal, or within `⌊share × length of the shorter core⌋` edits (at most `maximumEdits`), and
///   hold the same numerals and directions (一二三…, 0–9, 东南西北), which a typo does not change.
///
/// A short core therefore never takes an edit (`阳光` and `彩虹` do not match; with a share of 0.2 a core needs 5
/// characters for one edit and 10 for two), and 第一 never matches 第二.
struct NameMatch {
    /// The most edits allowed, whatever the length (`max_edit_distance`).
    let maximumEdits: Int
    /// Suffixes removed before comparing (`strip`).
    let suffixes: [String]
    /// Generic type suffixes split off as the name's type (`generic`), longest tried first.
    let generic: [String]
    /// Edits allowed per character of the shorter core (`edit_share`).
    let editShare: Double

    init(maximumEdits: Int, suffixes: [String], generic: [String] = [], editShare: Double = 0.2) {
        self.maximumEdits = maximumEdits
        self.suffixes = suffixes
        self.generic = generic.filter { !$0.isEmpty }.sorted { ($0.count, $0) > ($1.count, $1) }
        self.editShare = editShare
    }

    /// Characters a typo does not change: a name differing in one of them is another place (第一/第二, 东/西).
    static let distinctive: Set<Character> = Set("〇零一二三四五六七八九十百两壹贰叁肆伍陆柒捌玖0123456789０１２３４５６７８９东南西北")

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

    /// The normalized name split into its core and its generic suffix (`""` where it has none).
    func parts(_ name: String) -> (core: String, generic: String) {
        let n = normalized(name)
        for g in generic where n.hasSuffix(g) && n.count > g.count {
            return (String(n.dropLast(g.count)), g)
        }
        return (n, "")
    }

    /// The edits allowed between two cores, the shorter `length` characters long.
    func allowedEdits(length: Int) -> Int {
        min(maximumEdits, Int((editShare * Double(length)).rounded(.down)))
    }

    /// Whether `a` and `b` name one place (two empty names never do).
    func matches(_ a: String, _ b: String) -> Bool {
        let x = parts(a), y = parts(b)
        guard !x.core.isEmpty, !y.core.isEmpty else { return false }
        guard x.generic == y.generic || x.generic.isEmpty || y.generic.isEmpty else { return false }
        if x.core == y.core { return true }
        let marks = { (s: String) in s.filter { Self.distinctive.contains($0) } }
        guard marks(x.core) == marks(y.core) else { return false }
        let limit = allowedEdits(length: min(x.core.count, y.core.count))
        guard limit > 0 else { return false }
        return Self.distance(Array(x.core), Array(y.core), limit: limit) <= limit
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
