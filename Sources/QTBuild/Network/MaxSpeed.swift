import Foundation

/// What a `maxspeed` tag says, read by the rules of ``OSMNetworkRules``.
public enum MaxSpeedReading: Hashable, Sendable {
    /// No tag.
    case absent
    /// A speed in km/h (the lowest of several values separated by `;`).
    case kmh(Double)
    /// A number outside the plausible range (`5000`, `0`): the class's speed is taken and a warning given.
    case absurd(Double)
    /// A value the rules do not read (`signals`, `variable`, `walk`): the class's speed is taken, counted.
    case notUnderstood

    /// Reads `text` by `rules`: a number with an optional unit (`50`, `50 km/h`, `30 mph`), a zone value
    /// (`CN:urban`, `GB:nsl_single`, case-insensitive; an unlisted country's zone kind by the zone
    /// defaults), or a word for no limit (`none`). Of several values (`50;30`), the lowest.
    public static func read(_ text: String?, rules: OSMNetworkRules) -> MaxSpeedReading {
        guard let text else { return .absent }
        var best: Double?
        var absurd: Double?
        for part in text.split(separator: ";") {
            let value = part.trimmingCharacters(in: .whitespaces).lowercased()
            var kmh: Double?
            if let zone = rules.maxspeedZones[value] ?? rules.maxspeedUnlimited[value] {
                kmh = zone
            } else if let colon = value.lastIndex(of: ":") {
                kmh = rules.maxspeedZoneDefaults[String(value[value.index(after: colon)...])]
            } else {
                let digits = value.prefix { $0.isNumber || $0 == "." }
                let unit = value.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
                if let number = Double(digits), let factor = rules.maxspeedUnits[unit] { kmh = number * factor }
            }
            guard let kmh else { continue }
            if rules.maxspeedRange.contains(kmh) {
                best = min(best ?? kmh, kmh)
            } else {
                absurd = absurd ?? kmh
            }
        }
        if let best { return .kmh(best) }
        if let absurd { return .absurd(absurd) }
        return .notUnderstood
    }
}
