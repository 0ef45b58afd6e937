/// A JSON document whose key order and layout are part of an output's contract: what `--format json` of every
/// command prints. Members keep the order they are given in; numbers are written as the caller formatted them
/// (fixed decimals are part of the contract too); strings are escaped by ``JSONText``. See ``int(_:)``,
/// ``fixed(_:_:)``, ``trimmed(_:)`` and ``stringOrNull(_:)`` for the usual leaves.
///
/// Layouts, per container:
/// - ``JSONLayout/compact``: `{"a":1,"b":[1,2]}`
/// - ``JSONLayout/inline``: `{"a": 1, "b": [1, 2]}`
/// - ``JSONLayout/padded``: `{ "a": 1, "b": 2 }` (`{}` when empty)
/// - ``JSONLayout/lines``: one member or element per line, indented two spaces past the line the container
///   starts on, the closing bracket back on that indentation (`[]` when empty).
///
/// A member of an inline object may start a line of its own (``JSONMember/startsLine``), indented two spaces
/// past the object's line: how a long list closes an otherwise one-line object.
public indirect enum JSONNode: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A string, escaped when written.
    case string(String)
    /// A number literal exactly as it is to be written (`0.5`, `793000`): see ``int(_:)``, ``fixed(_:_:)``.
    case number(String)
    /// An array.
    case array([JSONNode], JSONLayout)
    /// An object with its members in order.
    case object([JSONMember], JSONLayout)

    /// An integer.
    public static func int(_ value: Int) -> JSONNode { .number(String(value)) }

    /// A number with exactly `decimals` decimals (``NumberText/fixed(_:_:)``); non-finite values are `null`.
    public static func fixed(_ value: Double, _ decimals: Int) -> JSONNode {
        value.isFinite ? .number(NumberText.fixed(value, decimals)) : .null
    }

    /// A number without a trailing `.0` (``NumberText/trimmed(_:)``); non-finite values are `null`.
    public static func trimmed(_ value: Double) -> JSONNode {
        value.isFinite ? .number(NumberText.trimmed(value)) : .null
    }

    /// A string, or `null` when there is none.
    public static func stringOrNull(_ value: String?) -> JSONNode { value.map(JSONNode.string) ?? .null }

    /// The document as text, without a trailing newline.
    public var text: String {
        var out = JSONText()
        write(into: &out, indent: 0)
        return out.text
    }

    private func write(into out: inout JSONText, indent: Int) {
        switch self {
        case .null: out.raw("null")
        case .bool(let b): out.raw(b ? "true" : "false")
        case .string(let s): out.string(s)
        case .number(let n): out.raw(n)
        case .array(let elements, let layout):
            writeContainer(open: "[", close: "]", count: elements.count, layout: layout, into: &out, indent: indent) { i, out, indent, _ in
                elements[i].write(into: &out, indent: indent)
            }
        case .object(let members, let layout):
            writeContainer(
                open: "{", close: "}", count: members.count, layout: layout, into: &out, indent: indent,
                startsLine: { members[$0].startsLine },
                element: { i, out, indent, keySeparator in
                    out.string(members[i].key)
                    out.raw(keySeparator)
                    members[i].value.write(into: &out, indent: indent)
                }
            )
        }
    }

    private func writeContainer(
        open: String, close: String, count: Int, layout: JSONLayout, into out: inout JSONText,
        indent: Int, startsLine: (Int) -> Bool = { _ in false },
        element: (Int, inout JSONText, Int, String) -> Void
    ) {
        let spaces = { (n: Int) in String(repeating: " ", count: n) }
        switch layout {
        case .lines:
            guard count > 0 else { return out.raw(open + close) }
            out.raw(open + "\n")
            for i in 0..<count {
                if i > 0 { out.raw(",\n") }
                out.raw(spaces(indent + 2))
                element(i, &out, indent + 2, ": ")
            }
            out.raw("\n" + spaces(indent) + close)
        case .compact, .inline, .padded:
            let separator = layout == .compact ? "," : ", "
            out.raw(open)
            if layout == .padded && count > 0 { out.raw(" ") }
            for i in 0..<count {
                let ownLine = layout != .compact && startsLine(i)
                if ownLine {
                    out.raw((i > 0 ? "," : "") + "\n" + spaces(indent + 2))
                } else if i > 0 {
                    out.raw(separator)
                }
                element(i, &out, ownLine ? indent + 2 : indent, layout == .compact ? ":" : ": ")
            }
            if layout == .padded && count > 0 { out.raw(" ") }
            out.raw(close)
        }
    }
}

/// How a JSON container is laid out (see ``JSONNode``).
public enum JSONLayout: Sendable, Equatable {
    /// No spaces: `{"a":1}`.
    case compact
    /// One line, `, ` and `: `: `{"a": 1, "b": 2}`.
    case inline
    /// One line with a space inside the brackets: `{ "a": 1 }`.
    case padded
    /// One member or element per line, indented.
    case lines
}

/// A member of a JSON object: its key, value and whether it starts a line of its own in an inline object.
public struct JSONMember: Sendable, Equatable {
    /// The key (escaped when written).
    public var key: String
    /// The value.
    public var value: JSONNode
    /// Whether the member starts a new line, indented, in an inline object.
    public var startsLine: Bool

    /// A member.
    public init(_ key: String, _ value: JSONNode, startsLine: Bool = false) {
        self.key = key
        self.value = value
        self.startsLine = startsLine
    }
}

extension JSONNode {
    /// An object from key–value pairs, in order.
    public static func object(_ pairs: KeyValuePairs<String, JSONNode>, _ layout: JSONLayout = .inline) -> JSONNode {
        .object(pairs.map { JSONMember($0.key, $0.value) }, layout)
    }
}
