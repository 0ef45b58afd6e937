import QTAnalysis
import QTModel
import QTText

/// Which services a coverage job measures: some types or every rule of the profile, at the profile's circles or
/// at given minutes, in each rule's mode or one for all.
public struct ServiceSelection: Sendable, Hashable {
    /// Some facility types (and transit kinds), or every rule of the profile.
    public enum Scope: Sendable, Hashable {
        /// These types, in this order.
        case types([String])
        /// Every rule of the profile; with minutes, every facility type and transit kind.
        case all
    }

    /// The types measured.
    public var scope: Scope
    /// Thresholds in minutes instead of the profile's circles.
    public var minutes: [Double]?
    /// One mode for every service instead of each rule's own.
    public var mode: CoverageMode?
    /// This distance for every threshold: straight-line in radius mode, along the streets for a walked distance.
    public var distance: Double?
    /// What walking thresholds measure instead of the profile's ``LifeCircleProfile/measure``.
    public var measure: CoverageMeasure?

    /// A selection.
    public init(
        _ scope: Scope, minutes: [Double]? = nil, mode: CoverageMode? = nil, distance: Double? = nil,
        measure: CoverageMeasure? = nil
    ) {
        self.scope = scope
        self.minutes = minutes
        self.mode = mode
        self.distance = distance
        self.measure = measure
    }

    /// The services to measure under `profile`. A `minutes` override is described in results as
    /// "`<minutes setting> M (<profile> distances)`", the setting named by `names`.
    /// - Throws: ``PlanError`` (`usage`) for no type, an unknown type, or a type the profile has no circle for
    ///   (without minutes).
    public func services(profile: LifeCircleProfile, names: SettingNames = .library) throws(PlanError) -> [CoverageService] {
        switch (mode, measure) {
        case (.drive?, .distance?):
            throw PlanError(.usage, "\(setting: .measure) distance: a drive is measured by time (\(setting: .mode) walk for a distance walked)")
        case (.radius?, .time?):
            throw PlanError(.usage, "\(setting: .measure) time: \(setting: .mode) radius is a straight-line distance")
        default: break
        }
        var types: [String]?
        if case .types(let list) = scope {
            guard !list.isEmpty else { throw PlanError(.usage, "\(setting: .types): no type given") }
            for t in list where !FacilityKinds.known.contains(t) {
                throw PlanError(.usage, "\(setting: .types): unknown type '\(t)' (known: \(FacilityKinds.known.sorted().joined(separator: ", ")))")
            }
            types = list
        }
        guard let minutes else {
            let rules = profile.rules.filter { rule in types.map { $0.contains(rule.supply.type) } ?? true }
            for t in types ?? [] where !rules.contains(where: { $0.supply.type == t }) {
                throw PlanError(.usage, "\(setting: .types): profile \(profile.name) has no circle for '\(t)'; give \(setting: .minutes)")
            }
            return rules.map { profile.service($0, mode: mode, distance: distance, measure: measure) }
        }
        let chosen = types ?? (FacilityType.allCases.map(\.rawValue) + ["metro_station", "bus_stop"])
        return chosen.flatMap { t in
            minutes.map { m in
                profile.service(
                    forType: t, minutes: m, label: minutes.count > 1 ? "\(t)_\(NumberText.trimmed(m))min" : t,
                    mode: mode, distance: distance,
                    source: "\(names(.minutes)) \(NumberText.trimmed(m)) (\(profile.name) distances)", refusingRadius: true,
                    measure: measure)
            }
        }
    }
}
