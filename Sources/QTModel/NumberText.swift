/// Numbers as every module prints them for people: one implementation of thousands grouping, shared by the
/// CLI, the report and the analyses' messages.
public enum NumberText {
    /// An integer with thousands separators: `793,000`, `-1,024`.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return value < 0 ? "-" + out : out
    }
}
