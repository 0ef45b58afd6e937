/// A place in a PostgreSQL/PostGIS database: a libpq connection string (GDAL's `PG:` form) and a schema.
///
/// Written `PG:dbname=plans host=db.example port=5432 user=planner` (libpq's `key=value` pairs, values with
/// spaces in single quotes); the schema is given apart (`--schema`), or inside the string as `schema=NAME`
/// or `active_schema=NAME` (GDAL's own key), which also lets a command read from one schema and write to
/// another. Without one, PostgreSQL's `public`.
///
/// The ``description`` never shows a password: `password=…` is written `password=***`, so the location can
/// go into messages and recorded options (a password is better kept in `~/.pgpass` or `PGPASSWORD`, which
/// libpq reads by itself).
public struct PostGISLocation: Sendable, Hashable, CustomStringConvertible {
    /// The libpq key/value pairs, in the order given, without the schema.
    public var parameters: [(key: String, value: String)] {
        get { zip(keys, values).map { ($0, $1) } }
        set { keys = newValue.map(\.key); values = newValue.map(\.value) }
    }
    private var keys: [String]
    private var values: [String]
    /// The schema holding the tables.
    public var schema: String

    /// Whether `text` names a database (`PG:` in any case) rather than a file or folder.
    public static func names(_ text: String) -> Bool { text.prefix(3).uppercased() == "PG:" }

    /// `text` naming `schema` when it is a `PG:` location that names none itself (`--schema` beside a
    /// connection string); any other text, or one that does not parse (refused where it is used), as it is.
    public static func naming(_ text: String, defaultSchema schema: String?) -> String {
        guard names(text), let location = try? PostGISLocation(text, defaultSchema: schema) else { return text }
        return location.text
    }

    /// Parses `PG:key=value …`; `schema` (if given) overrides a schema inside the string; `defaultSchema` is
    /// the schema when neither names one (else `public`).
    /// - Throws: ``FormatsError/unsupported(path:detail:)`` when the text is not `PG:` followed by `key=value`
    ///   pairs (an unterminated quote, a pair without `=`), or the schema is empty.
    public init(_ text: String, schema: String? = nil, defaultSchema: String? = nil) throws {
        guard Self.names(text) else {
            throw FormatsError.unsupported(path: text, detail: "not a database connection (PG:dbname=… host=…)")
        }
        var pairs: [(String, String)] = []
        var inner: String?
        var rest = Substring(text.dropFirst(3))
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            if rest.isEmpty { break }
            let key = rest.prefix { $0 != "=" && $0 != " " }
            rest = rest.dropFirst(key.count)
            rest = rest.drop { $0 == " " }
            guard rest.first == "=", !key.isEmpty else {
                throw FormatsError.unsupported(
                    path: Self.redact(text),
                    detail: "'\(key)' has no value: a connection is "
                        + "key=value pairs (PG:dbname=… host=…)")
            }
            rest = rest.dropFirst().drop { $0 == " " }
            var value = ""
            if rest.first == "'" {
                rest = rest.dropFirst()
                var closed = false
                while let c = rest.first {
                    rest = rest.dropFirst()
                    if c == "\\", let next = rest.first { value.append(next); rest = rest.dropFirst(); continue }
                    if c == "'" { closed = true; break }
                    value.append(c)
                }
                guard closed else {
                    throw FormatsError.unsupported(path: Self.redact(text), detail: "the value of '\(key)' has no closing quote")
                }
            } else {
                let word = rest.prefix { $0 != " " && $0 != "\t" }
                value = String(word)
                rest = rest.dropFirst(word.count)
            }
            let lower = key.lowercased()
            if lower == "schema" || lower == "active_schema" || lower == "schemas" { inner = value } else { pairs.append((String(key), value)) }
        }
        keys = pairs.map(\.0)
        values = pairs.map(\.1)
        self.schema = schema ?? inner ?? defaultSchema ?? "public"
        guard !self.schema.isEmpty else {
            throw FormatsError.unsupported(path: Self.redact(text), detail: "the schema is empty")
        }
    }

    /// The connection string for GDAL and libpq, without the schema: `PG:key='value' …`.
    public var connection: String {
        "PG:" + parameters.map { "\($0.key)=\(Self.quoted($0.value))" }.joined(separator: " ")
    }

    /// The whole location as one string, password included, for handing to another qtplan call
    /// (`PG:key=value … schema=NAME`); never for messages (use ``description``).
    public var text: String { connection + " schema=" + Self.quoted(schema) }

    /// The location for people and records: the pairs with any password as `***`, then `schema=NAME`.
    public var description: String {
        "PG:"
            + (parameters.map { "\($0.key)=\($0.key.lowercased() == "password" ? "***" : Self.quoted($0.value))" } + ["schema=\(schema)"])
            .joined(separator: " ")
    }

    /// The same database, another schema.
    public func with(schema: String) -> PostGISLocation {
        var copy = self
        copy.schema = schema
        return copy
    }

    /// A value quoted for libpq when it is empty or holds spaces, quotes or backslashes.
    static func quoted(_ value: String) -> String {
        guard value.isEmpty || value.contains(where: { $0 == " " || $0 == "'" || $0 == "\\" || $0 == "\t" }) else { return value }
        return "'" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }

    /// `text` with the value of any `password=` replaced by `***`: for messages about a string that did not parse,
    /// and for GDAL's and the server's messages, which may quote the connection string.
    public static func redact(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let range = rest.range(of: "password", options: .caseInsensitive) {
            out += rest[..<range.upperBound]
            rest = rest[range.upperBound...]
            let spaces = rest.prefix { $0 == " " }
            guard rest.dropFirst(spaces.count).first == "=" else { continue }
            out += spaces + "="
            rest = rest.dropFirst(spaces.count + 1)
            let blanks = rest.prefix { $0 == " " }
            rest = rest.dropFirst(blanks.count)
            if rest.first == "'" {
                rest = rest.dropFirst()
                while let c = rest.first {
                    rest = rest.dropFirst()
                    if c == "\\" { rest = rest.dropFirst(); continue }
                    if c == "'" { break }
                }
            } else {
                rest = rest.drop { $0 != " " && $0 != "\t" && $0 != "'" && $0 != "\"" }
            }
            out += "***"
        }
        return out + rest
    }

    public static func == (a: PostGISLocation, b: PostGISLocation) -> Bool {
        a.keys == b.keys && a.values == b.values && a.schema == b.schema
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(keys)
        hasher.combine(values)
        hasher.combine(schema)
    }
}

/// Quoting for SQL text built by qtplan (names and values it did not choose: schema and table names, JSON).
enum SQLText {
    /// An identifier in double quotes, any `"` doubled.
    static func identifier(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// A string literal in single quotes, any `'` doubled (standard_conforming_strings, on since PostgreSQL 9.1).
    static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

    /// `"schema"."table"`.
    static func table(_ schema: String, _ name: String) -> String { identifier(schema) + "." + identifier(name) }
}
