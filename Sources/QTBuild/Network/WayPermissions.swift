import Foundation

/// Which way a mode may travel along a way, relative to its node order.
public enum TravelDirections: String, Hashable, Sendable {
    /// Both ways.
    case both
    /// First node → last node only.
    case forward
    /// Last node → first node only.
    case backward
    /// Not at all.
    case none
}

/// What the network rules make of one way.
public enum WayNetworkRole: Hashable, Sendable {
    /// Not a street (no `highway` tag).
    case notAStreet
    /// A street left out of both networks, with the tag that decided it (`highway=construction`, `area=yes`,
    /// `access=private`).
    case excluded(String)
    /// A `highway` value the table does not list (counted in the build's summary).
    case unmapped(String)
    /// An edge of the walk network, the drive network or both.
    case network(WayPermissions)
}

/// The permissions, direction and speed of a way in the network.
public struct WayPermissions: Hashable, Sendable {
    /// The `highway` value.
    public var highway: String
    /// The class's rule.
    public var rule: HighwayClassRule
    /// How walkers may travel (`.none`: not walked).
    public var walk: TravelDirections
    /// How drivers may travel (`.none`: not driven).
    public var drive: TravelDirections
    /// The driving speed, km/h (the class's when `maxspeed` gives none).
    public var speedKmh: Double
    /// What `maxspeed` said.
    public var maxspeed: MaxSpeedReading
    /// An `oneway` value the rules do not read (the way is taken as two-way), if any.
    public var onewayNotUnderstood: String?

    /// Classifies a way by its tags.
    public static func role(of tags: [String: String], rules: OSMNetworkRules) -> WayNetworkRole {
        guard let highway = tags["highway"] else { return .notAStreet }
        if rules.excludedHighway.contains(highway) { return .excluded("highway=\(highway)") }
        guard let rule = rules.highway[highway] else { return .unmapped("highway=\(highway)") }
        if let hit = match(tags, rules.excludedBoth) { return .excluded(hit) }
        if let value = tags[rules.constructionKey], !rules.constructionOpen.contains(value) {
            return .excluded("\(rules.constructionKey)=\(value)")
        }
        var walk = access(tags, keys: rules.walkAccessKeys, byDefault: rule.walk, rules: rules)
        var drive = access(tags, keys: rules.driveAccessKeys, byDefault: rule.drive, rules: rules)
        if walk, match(tags, rules.excludedWalk) != nil { walk = false }
        if drive, match(tags, rules.excludedDrive) != nil { drive = false }
        var driveDirections = TravelDirections.none
        var notUnderstood: String?
        if drive {
            let oneway = tags["oneway"]
            if let oneway, rules.onewayNotDriven.contains(oneway) {
                driveDirections = .none
            } else if let oneway, rules.onewayForward.contains(oneway) {
                driveDirections = .forward
            } else if let oneway, rules.onewayBackward.contains(oneway) {
                driveDirections = .backward
            } else if let oneway, rules.onewayTwoWay.contains(oneway) {
                driveDirections = .both
            } else if let junction = tags["junction"], rules.onewayJunctions.contains(junction) {
                driveDirections = .forward
            } else if rule.impliedOneway {
                driveDirections = .forward
            } else {
                driveDirections = .both
                if let oneway { notUnderstood = oneway }
            }
        }
        var walkDirections = TravelDirections.none
        if walk {
            let oneway = tags[rules.walkOnewayKey]
            walkDirections = oneway.map { rules.onewayForward.contains($0) ? .forward : rules.onewayBackward.contains($0) ? .backward : .both } ?? .both
        }
        if walkDirections == .none && driveDirections == .none {
            return .excluded(drive ? "oneway=\(tags["oneway"] ?? "")" : "no walk or drive access")
        }
        let reading = MaxSpeedReading.read(tags["maxspeed"], rules: rules)
        var speed = rule.speedKmh
        if case .kmh(let kmh) = reading { speed = kmh }
        return .network(
            WayPermissions(
                highway: highway, rule: rule, walk: walkDirections, drive: driveDirections,
                speedKmh: speed, maxspeed: reading, onewayNotUnderstood: notUnderstood))
    }

    /// Whether the mode may use the way: the most specific access key present decides (closed values close,
    /// opening values open a class closed to the mode, except through the general last key, `access`);
    /// without one, the class's default.
    static func access(_ tags: [String: String], keys: [String], byDefault: Bool, rules: OSMNetworkRules) -> Bool {
        for (i, key) in keys.enumerated() {
            guard let value = tags[key] else { continue }
            let parts = value.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.contains(where: rules.closedAccess.contains) { return false }
            if i < keys.count - 1, parts.contains(where: rules.openingAccess.contains) { return true }
            return byDefault
        }
        return byDefault
    }

    /// The first tag `key=value` of `tags` listed in `lists` (values may be several, separated by `;`).
    static func match(_ tags: [String: String], _ lists: [String: Set<String>]) -> String? {
        for key in lists.keys.sorted() {
            guard let value = tags[key], let values = lists[key] else { continue }
            if values.contains(value) || value.split(separator: ";").contains(where: { values.contains($0.trimmingCharacters(in: .whitespaces)) }) {
                return "\(key)=\(value)"
            }
        }
        return nil
    }
}
