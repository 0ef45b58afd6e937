import QTText

/// What the life-circle standards file calls its services, target groups and units in English and Chinese
/// (`names`, `target_groups` and `units` in `geodata/standards/life-circles.json`): the words `--lang zh`
/// prints, so that no service name or unit is written in the code.
///
/// A key the file does not name prints as it is: the row label (`community_health_centre`) in English, and
/// in Chinese when the file gives no Chinese text.
public struct StandardsWording: Sendable, Hashable {
    /// Service row labels and facility types → their names.
    public var names: [String: Wording]
    /// Target groups (`all`, `aged_60_plus`, …) → their names.
    public var targetGroups: [String: Wording]
    /// Units (`residents`, `facilities`, `m2`, `mu`) → their words.
    public var units: [String: Wording]

    /// Wording; empty tables print every key as it is.
    public init(names: [String: Wording] = [:], targetGroups: [String: Wording] = [:], units: [String: Wording] = [:]) {
        self.names = names
        self.targetGroups = targetGroups
        self.units = units
    }

    /// A service's row label (or a facility type) as printed: the label itself in English (as before `--lang`),
    /// the file's Chinese name in Chinese.
    public func service(_ label: String, _ language: Language) -> String {
        language == .en ? label : names[label]?.zh ?? label
    }

    /// A target group as printed: its raw value in English, the file's Chinese name in Chinese.
    public func targetGroup(_ group: String, _ language: Language) -> String {
        language == .en ? group : targetGroups[group]?.zh ?? group
    }

    /// A unit's word in `language` (`人`, `处`, `平方米`, `亩`), `fallback` when the file has none.
    public func unit(_ key: String, _ language: Language, fallback: String) -> String {
        guard let w = units[key] else { return fallback }
        return language == .zh ? w.zh ?? fallback : w.en
    }
}
