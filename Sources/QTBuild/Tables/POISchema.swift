import Foundation
import QTGeometry
import QTModel

/// How a POI file's codes are looked up.
public enum POICodeStyle: String, Sendable, Hashable {
    /// Amap's 6-digit codes: the code, else its mid class (`XXXX00`), else its major class (`XX0000`).
    case amap
    /// Baidu's tags (`教育培训;幼儿园`): the tag, else the tag less its last level, and so on.
    case path
    /// Properties that are OpenStreetMap tags, mapped by `osm-facilities.json`.
    case osmTags = "osm-tags"
}

/// What one code (or name rule) gives: facility types, or the school split by name.
public enum POITarget: Hashable, Sendable {
    /// A facility type.
    case type(FacilityType)
    /// A secondary school (Amap's 中学), split into middle or none (高中) by ``POISchema/schoolNames``.
    case secondarySchool
}

/// One name rule: a fragment of the name → targets (empty: a known kind that is no service, counted).
public struct POINameRule: Hashable, Sendable {
    /// The fragment the name must contain.
    public var contains: String
    /// What it gives.
    public var targets: [POITarget]
}

/// One code of the table.
public struct POICode: Hashable, Sendable {
    /// The provider's label for it (`科教文化服务;学校;幼儿园`).
    public var label: String
    /// What it gives (empty: known, no service: counted, not an error).
    public var targets: [POITarget]
}

/// The table `geodata/standards/poi-<provider>.json` (or a planner's own `MAPPING.json`): a provider's POI
/// export columns and codes → qtplan facility types, name rules, the school split and the dedupe rule.
public struct POISchema: Hashable, Sendable {
    /// `amap`, `baidu`, `osm` or the file's own name.
    public var provider: String
    /// The CRS of a file that says none and was given no `--pois-crs`.
    public var defaultCRS: String
    /// How codes are looked up.
    public var codeStyle: POICodeStyle
    /// Column names tried, in order, for each role: `id`, `name`, `code`, `label`, `location`.
    public var columns: [String: [String]]
    /// What separates several codes in one cell (`|`).
    public var codeSeparator: String
    /// code → what it gives.
    public var codes: [String: POICode]
    /// Name rules, tried before the codes; the first fragment found decides.
    public var names: [POINameRule]
    /// The split of a secondary school by name; the first fragment found decides.
    public var schoolNames: [POINameRule]
    /// A secondary school whose name matches none.
    public var schoolDefault: [FacilityType]
    /// A POI and an existing facility of the same type nearer than this, metres, with equal or near names, are one.
    public var dedupeMetres: Double
    /// The most edits (Levenshtein, in characters) between two names' cores that still match, whatever their length.
    public var dedupeEditDistance: Int
    /// Stripped from names before comparing (with brackets and their content, and spaces).
    public var dedupeStrip: [String]
    /// Generic type suffixes (幼儿园, 小学, 社区卫生服务中心 …) split off before the cores are compared (`generic`;
    /// none where the table gives none).
    public var dedupeGeneric: [String] = []
    /// Edits allowed per character of the shorter core (`edit_share`; 0.2 where the table gives none).
    public var dedupeEditShare: Double = 0.2
    /// The file it was read from.
    public var path: String

    /// Reads the table at `path`.
    public static func load(path: String) throws(TableError) -> POISchema {
        let (reader, root) = try TableReader.root(path: path)
        return try parse(root, reader)
    }

    /// Reads a table from its text; `path` names it in errors.
    public static func parse(data: Data, path: String) throws(TableError) -> POISchema {
        let (reader, root) = try TableReader.root(data: data, path: path)
        return try parse(root, reader)
    }

    static func targets(_ value: JSONValue?, _ field: String, _ r: TableReader) throws(TableError) -> [POITarget] {
        var out: [POITarget] = []
        for (i, text) in try r.strings(value, field).enumerated() {
            if text == "secondary_school" { out.append(.secondarySchool); continue }
            guard let type = FacilityType(rawValue: text) else {
                throw r.fail(
                    "\(field)[\(i)]",
                    "unknown facility type '\(text)' (known: "
                        + FacilityType.allCases.map(\.rawValue).joined(separator: ", ") + ", secondary_school)")
            }
            out.append(.type(type))
        }
        return out
    }

    static func nameRules(_ value: JSONValue?, _ field: String, _ r: TableReader) throws(TableError) -> [POINameRule] {
        var out: [POINameRule] = []
        for (i, item) in try r.array(value, field).enumerated() {
            let o = try r.object(item, "\(field)[\(i)]")
            let fragment = try r.string(o["contains"], "\(field)[\(i)].contains")
            guard !fragment.isEmpty else { throw r.fail("\(field)[\(i)].contains", "empty") }
            out.append(POINameRule(contains: fragment, targets: try targets(o["types"], "\(field)[\(i)].types", r)))
        }
        return out
    }

    static func parse(_ root: JSONValue, _ r: TableReader) throws(TableError) -> POISchema {
        let top = try r.object(root, "")
        let styleText = try r.string(top["code_style"], "code_style")
        guard let style = POICodeStyle(rawValue: styleText) else {
            throw r.fail("code_style", "expected amap, path or osm-tags, found '\(styleText)'")
        }
        var columns: [String: [String]] = [:]
        let columnObject = try r.object(top["columns"], "columns")
        for role in ["id", "name", "code", "label", "location"] {
            columns[role] = columnObject[role] == nil ? [] : try r.strings(columnObject[role], "columns.\(role)")
        }
        if style != .osmTags && (columns["code"] ?? []).isEmpty {
            throw r.fail("columns.code", "expected at least one column name")
        }
        var codes: [String: POICode] = [:]
        for (code, entry) in try r.object(top["codes"], "codes") {
            if style == .amap, !(code.count == 6 && code.allSatisfy { $0.isASCII && $0.isNumber }) {
                throw r.fail("codes.\(code)", "an Amap code has 6 digits")
            }
            let o = try r.object(entry, "codes.\(code)")
            codes[code] = POICode(
                label: try r.string(o["label"], "codes.\(code).label"),
                targets: try targets(o["types"], "codes.\(code).types", r))
        }
        var schoolDefault: [FacilityType] = []
        for target in try targets(top["school_default"], "school_default", r) {
            guard case .type(let t) = target else { throw r.fail("school_default", "secondary_school cannot be its own default") }
            schoolDefault.append(t)
        }
        let schoolNames = try nameRules(top["school_names"], "school_names", r)
        if schoolNames.contains(where: { $0.targets.contains(.secondarySchool) }) {
            throw r.fail("school_names", "a school name rule gives facility types, not secondary_school")
        }
        let dedupe = try r.object(top["dedupe"], "dedupe")
        let edit = try r.number(dedupe["max_edit_distance"], "dedupe.max_edit_distance", above: 0, inclusive: true)
        guard edit == edit.rounded(), edit <= 10 else { throw r.fail("dedupe.max_edit_distance", "expected a whole number from 0 to 10") }
        var share = 0.2
        if dedupe["edit_share"] != nil {
            share = try r.number(dedupe["edit_share"], "dedupe.edit_share", above: 0, inclusive: true)
            guard share <= 1 else { throw r.fail("dedupe.edit_share", "expected a share from 0 to 1, found \(ValidationNumber.plain(share))") }
        }
        let generic = dedupe["generic"] == nil ? [] : try r.strings(dedupe["generic"], "dedupe.generic")
        var schema = POISchema(
            provider: try r.string(top["provider"], "provider"), defaultCRS: try r.string(top["default_crs"], "default_crs"),
            codeStyle: style, columns: columns, codeSeparator: try r.string(top["code_separator"], "code_separator"),
            codes: codes, names: try nameRules(top["names"], "names", r), schoolNames: schoolNames,
            schoolDefault: schoolDefault,
            dedupeMetres: try r.number(dedupe["within_m"], "dedupe.within_m", above: 0, inclusive: true),
            dedupeEditDistance: Int(edit), dedupeStrip: try r.strings(dedupe["strip"], "dedupe.strip"), path: r.path)
        schema.dedupeGeneric = generic
        schema.dedupeEditShare = share
        return schema
    }

    /// The name rule of the dedupe (``NameMatch``).
    var nameMatch: NameMatch {
        NameMatch(maximumEdits: dedupeEditDistance, suffixes: dedupeStrip, generic: dedupeGeneric, editShare: dedupeEditShare)
    }

    /// The entry of `code`: itself, else its parents (Amap: `XXXX00`, then `XX0000`; a path: less its last level).
    public func entry(_ code: String) -> (code: String, entry: POICode)? {
        if let e = codes[code] { return (code, e) }
        switch codeStyle {
        case .amap:
            guard code.count == 6 else { return nil }
            for parent in [String(code.prefix(4)) + "00", String(code.prefix(2)) + "0000"] where parent != code {
                if let e = codes[parent] { return (parent, e) }
            }
        case .path:
            var parts = code.split(separator: ";").map(String.init)
            while parts.count > 1 {
                parts.removeLast()
                let parent = parts.joined(separator: ";")
                if let e = codes[parent] { return (parent, e) }
            }
        case .osmTags: break
        }
        return nil
    }

    /// The types of a secondary school named `name`, and the fragment that decided (`nil`: the default).
    public func schoolTypes(name: String) -> (types: [FacilityType], basis: String) {
        for rule in schoolNames where name.contains(rule.contains) {
            return (rule.targets.compactMap { if case .type(let t) = $0 { t } else { nil } }, "name contains '\(rule.contains)'")
        }
        return (schoolDefault, "secondary school, name says no level: the default")
    }
}
