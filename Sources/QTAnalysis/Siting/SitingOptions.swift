import QTModel
import QTText

/// How siting measures circles: the life-circle profile, an optional override of the mode or minutes, and
/// the coverage engine's options.
public struct SitingOptions: Hashable, Sendable {
    /// The life-circle profile (from the standards file).
    public var profile: LifeCircleProfile
    /// Measure every circle in this mode instead of each rule's own.
    public var mode: CoverageMode?
    /// Measure every circle at this many minutes instead of the profile's circle.
    public var minutes: Double?
    /// Radius mode: this straight-line distance instead of the circle's.
    public var distance: Double?
    /// The coverage engine's options (walking speed, access legs, planned facilities).
    public var coverage: CoverageOptions
    /// Drive speeds by road class, for network edges without their own (from the standards file).
    public var driveSpeedKmh: [String: Double]
    /// How results describe circles set by ``minutes`` (`--minutes 10 (gb50180 distances)` in the CLI).
    public var minutesSource: String {
        "\(minutesName) \(minutes.map(NumberText.trimmed) ?? "") (\(profile.name) distances)"
    }
    /// The name of the minutes setting in ``minutesSource``: the caller's (``SettingNames``).
    public var minutesName: String

    /// Creates options.
    public init(
        profile: LifeCircleProfile, mode: CoverageMode? = nil, minutes: Double? = nil, distance: Double? = nil,
        coverage: CoverageOptions = CoverageOptions(), driveSpeedKmh: [String: Double] = [:],
        settingNames: SettingNames = .library
    ) {
        self.profile = profile
        self.mode = mode
        self.minutes = minutes
        self.distance = distance
        self.coverage = coverage
        self.driveSpeedKmh = driveSpeedKmh
        self.minutesName = settingNames(.minutes)
    }

    /// The circle a facility type is measured with: with ``minutes``, that many minutes (walk unless
    /// ``mode`` says otherwise; fire stations drive from the station); else the profile's row for the type
    /// (the one for `sizeClass` when the profile splits the type by size, else its first row). `nil` when the
    /// profile has no row for the type and no minutes were given.
    public func service(for type: String, sizeClass: String? = nil) -> CoverageService? {
        let rows = profile.rules.filter { $0.supply.type == type }
        if let minutes {
            return profile.service(
                forType: type, minutes: minutes, label: type, mode: mode, distance: distance,
                source: minutesSource, refusingRadius: false)
        }
        let row = sizeClass.flatMap { size in rows.first { $0.label == "\(type)_\(size)" } } ?? rows.first
        return row.map { profile.service($0, mode: mode, distance: distance) }
    }
}
