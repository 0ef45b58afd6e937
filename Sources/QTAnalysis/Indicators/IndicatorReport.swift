import Foundation
import QTModel

/// How an indicator row came out.
public enum IndicatorStatus: String, Sendable, Hashable, CaseIterable {
    /// Value ≥ target.
    case met
    /// Value < target; ``IndicatorRow/shortfall`` says how much is missing.
    case notMet = "not_met"
    /// Computed, but the targets file sets no target.
    case noTarget = "no_target"
    /// A district-level indicator, shown in a sub-district's rows (hospitals, future communities, transit).
    case districtOnly = "district_level_only"
    /// Not computed: ``IndicatorRow/reason`` says why (a combined life-circle share, no residents…).
    case notComputed = "not_computed"
}

/// How an indicator is computed, fixed in code: what is summed or counted, over what base, and the unit
/// a planner acts on when it falls short.
public struct IndicatorRule: Sendable, Hashable {
    /// What the value is.
    public enum Kind: Sendable, Hashable {
        /// amount ÷ base × `scale` (per resident: 1, per 1,000: 1,000, per 10,000: 10,000).
        case ratio(scale: Double)
        /// A plain count: value = amount.
        case count
        /// A share in percent: amount ÷ base × 100.
        case share
        /// A combined life-circle share (``LifeCircleShare``) in percent of residents.
        case coverage
    }

    public var kind: Kind
    /// Only computed for the whole district.
    public var districtOnly: Bool
    /// The unit of the current amount and of the shortfall (m², places, physicians, beds, hospitals,
    /// communities, stations).
    public var amountUnit: String
    /// The phrase after the number in "needs N …": "m² more sports ground", "more childcare places".
    public var shortfallPhrase: String
    /// Decimals the value is printed with.
    public var valueDecimals: Int

    /// The phrase for a shortfall of `n`: "1 more licensed physician", "872 more licensed physicians".
    public func shortfallPhrase(for n: Int) -> String {
        Self.phrase(shortfallPhrase, for: n)
    }

    /// `phrase` (plural) for a shortfall of `n`: its plural noun made singular when `n` is 1.
    public static func phrase(_ phrase: String, for n: Int) -> String {
        guard n == 1 else { return phrase }
        for (plural, singular) in [
            ("places", "place"), ("physicians", "physician"), ("hospitals", "hospital"),
            ("beds", "bed"), ("communities", "community"), ("stations", "station"),
            ("residents", "resident")
        ] where phrase.contains(plural) {
            return phrase.replacingOccurrences(of: plural, with: singular)
        }
        return phrase
    }

    /// The rule for each indicator.
    public static func rule(for id: IndicatorID) -> IndicatorRule {
        switch id {
        case .sportsGroundAreaPerResident:
            IndicatorRule(
                kind: .ratio(scale: 1), districtOnly: false, amountUnit: "m²",
                shortfallPhrase: "m² more sports ground", valueDecimals: 2)
        case .cultureAreaPer10000:
            IndicatorRule(
                kind: .ratio(scale: 10_000), districtOnly: false, amountUnit: "m²",
                shortfallPhrase: "m² more public cultural facility floor area", valueDecimals: 0)
        case .childcarePlacesPer1000:
            IndicatorRule(
                kind: .ratio(scale: 1_000), districtOnly: false, amountUnit: "places",
                shortfallPhrase: "more childcare places", valueDecimals: 2)
        case .physiciansPer1000:
            IndicatorRule(
                kind: .ratio(scale: 1_000), districtOnly: false, amountUnit: "physicians",
                shortfallPhrase: "more licensed physicians", valueDecimals: 2)
        case .generalHospitals:
            IndicatorRule(
                kind: .count, districtOnly: true, amountUnit: "hospitals",
                shortfallPhrase: "more graded general hospitals", valueDecimals: 0)
        case .elderlyCareBedsPer1000Elderly:
            IndicatorRule(
                kind: .ratio(scale: 1_000), districtOnly: false, amountUnit: "beds",
                shortfallPhrase: "more elderly-care beds", valueDecimals: 1)
        case .futureCommunities:
            IndicatorRule(
                kind: .count, districtOnly: true, amountUnit: "communities",
                shortfallPhrase: "more future communities", valueDecimals: 0)
        case .railStationsBusWithin50m, .railStationsBusWithin150m:
            IndicatorRule(
                kind: .share, districtOnly: true, amountUnit: "stations",
                shortfallPhrase: id == .railStationsBusWithin50m
                    ? "more stations with a bus stop within 50 m"
                    : "more stations with a bus stop within 150 m", valueDecimals: 1)
        case .lifeCircle15min, .lifeCircle15minStandard, .lifeCircle10min, .lifeCircle5min:
            IndicatorRule(
                kind: .coverage, districtOnly: false, amountUnit: "residents",
                shortfallPhrase: "more residents covered", valueDecimals: 1)
        case .parkGreenShare:
            IndicatorRule(
                kind: .share, districtOnly: true, amountUnit: "m²",
                shortfallPhrase: "m² more park green space", valueDecimals: 1)
        case .greenCoverShare:
            IndicatorRule(
                kind: .share, districtOnly: true, amountUnit: "m²",
                shortfallPhrase: "m² more green cover (lower bound)", valueDecimals: 1)
        case .kindergartenPublicShare:
            IndicatorRule(
                kind: .share, districtOnly: false, amountUnit: "places",
                shortfallPhrase: "more public (公办) kindergarten places", valueDecimals: 1)
        case .kindergartenInclusiveShare:
            IndicatorRule(
                kind: .share, districtOnly: false, amountUnit: "places",
                shortfallPhrase: "more inclusive (普惠) kindergarten places", valueDecimals: 1)
        case .subdistrictsWithFireRescueStation:
            IndicatorRule(
                kind: .share, districtOnly: false, amountUnit: "sub-districts",
                shortfallPhrase: "more sub-district fire and rescue stations", valueDecimals: 1)
        }
    }
}

/// One indicator for one scope (the district or a sub-district).
public struct IndicatorRow: Sendable, Hashable {
    /// The indicator's entry in the targets file (names, unit, target, source).
    public var target: IndicatorTarget
    public var status: IndicatorStatus
    /// The value in the indicator's unit; `nil` when not computed or district level only.
    public var value: Double?
    /// The current amount behind the value: m² of sports ground, places, physicians, beds, hospitals,
    /// communities, stations with a bus stop within the distance.
    public var amount: Double?
    /// What the amount is divided by: residents, residents aged 60+, rail stations; `nil` for counts.
    public var base: Double?
    /// What is missing to meet the target, rounded up to whole units of ``IndicatorRule/amountUnit``; 0
    /// when met, `nil` when there is no target or no value.
    public var shortfall: Int?
    /// Why the row is not computed, or other context.
    public var reason: String?
    /// A life-circle row: the profile and the service rows (labels) a resident must reach every one of, which
    /// ``reason`` states in English.
    public var serviceSet: IndicatorServiceSet?

    public var rule: IndicatorRule { IndicatorRule.rule(for: target.id) }

    public init(
        target: IndicatorTarget, status: IndicatorStatus, value: Double? = nil, amount: Double? = nil,
        base: Double? = nil, shortfall: Int? = nil, reason: String? = nil
    ) {
        self.target = target
        self.status = status
        self.value = value
        self.amount = amount
        self.base = base
        self.shortfall = shortfall
        self.reason = reason
    }
}

/// The district or one sub-district with its rows.
public struct IndicatorScope: Sendable, Hashable {
    /// `nil` for the district, else the sub-district id (the `subdistrict` property of the features).
    public var id: String?
    /// The name shown: the district's Chinese name, or the sub-district's `name` (else `name_en`, else id).
    public var name: String
    /// Residents of the scope (population layer), `nil` when unknown.
    public var residents: Int?
    /// Residents aged 60+ (Σ population × aged_60_plus_share), `nil` when unknown.
    public var elderly: Double?
    public var rows: [IndicatorRow]

    public var isDistrict: Bool { id == nil }

    public init(id: String?, name: String, residents: Int?, elderly: Double?, rows: [IndicatorRow]) {
        self.id = id
        self.name = name
        self.residents = residents
        self.elderly = elderly
        self.rows = rows
    }
}

/// A facility or station left out of the counts because it is not operating.
public struct NotCountedFeature: Sendable, Hashable {
    public var layer: LayerName
    public var id: String
    public var name: String?
    /// The facility type or transit kind.
    public var type: String
    public var status: String
    public var subdistrict: String?

    public init(layer: LayerName, id: String, name: String?, type: String, status: String, subdistrict: String?) {
        self.layer = layer
        self.id = id
        self.name = name
        self.type = type
        self.status = status
        self.subdistrict = subdistrict
    }
}

/// A rail station and its nearest bus stop.
public struct StationTransfer: Sendable, Hashable {
    public var id: String
    public var name: String?
    public var kind: TransitKind
    /// The id of the nearest bus stop, `nil` when there are no bus stops.
    public var nearestStop: String?
    /// Geodesic distance to it in metres (WGS84), `nil` when there are no bus stops.
    public var distanceM: Double?

    public init(id: String, name: String?, kind: TransitKind, nearestStop: String?, distanceM: Double?) {
        self.id = id
        self.name = name
        self.kind = kind
        self.nearestStop = nearestStop
        self.distanceM = distanceM
    }
}

/// How much of one input layer is modelled.
public struct LayerProvenance: Sendable, Hashable {
    public var layer: LayerName
    public var features: Int
    /// Features whose `source` is `modelled`.
    public var modelled: Int

    public init(layer: LayerName, features: Int, modelled: Int) {
        self.layer = layer
        self.features = features
        self.modelled = modelled
    }
}

/// Everything `qtplan indicators` reports.
public struct IndicatorReport: Sendable, Hashable {
    public var districtName: String
    public var districtNameEn: String
    /// The target year of the targets file.
    public var year: Int
    /// Where the district's residents come from: `population layer` or `manifest`.
    public var residentsSource: String
    /// Scopes: the district first, then the sub-districts in the sub-district layer's order.
    public var scopes: [IndicatorScope]
    /// Facilities and stations not counted because their status is not operating.
    public var notCounted: [NotCountedFeature]
    /// Every counted rail station with its nearest bus stop.
    public var stations: [StationTransfer]
    /// The layers the indicators read, with their modelled feature counts.
    public var inputs: [LayerProvenance]
    /// Things worth saying: fallbacks, inconsistencies.
    public var notes: [String]
    /// The standards profile of the life-circle rows (`gb50180`, `qiantang-plan`), `nil` when they were not
    /// computed.
    public var lifeCircleProfile: String?

    /// Whether any input feature is modelled (results then describe the model, not a survey).
    public var modelled: Bool { inputs.contains { $0.modelled > 0 } }
    /// The input layers with modelled features.
    public var modelledLayers: [LayerName] { inputs.filter { $0.modelled > 0 }.map(\.layer) }
    /// The district scope.
    public var district: IndicatorScope { scopes[0] }

    /// Whether a district row's value is the 2020 baseline the modelled data was calibrated to (the bundled
    /// facilities' capacities reproduce seed 001's 2020 column): equal at the indicator's decimals, on modelled
    /// inputs. Such a value is not a measurement.
    public func isCalibrated(_ row: IndicatorRow) -> Bool {
        guard modelled, let baseline = row.target.baseline2020, let value = row.value else { return false }
        let scale = pow(10, Double(row.rule.valueDecimals))
        return (value * scale).rounded() == (baseline * scale).rounded()
    }

    public init(
        districtName: String, districtNameEn: String, year: Int, residentsSource: String,
        scopes: [IndicatorScope], notCounted: [NotCountedFeature], stations: [StationTransfer],
        inputs: [LayerProvenance], notes: [String], lifeCircleProfile: String? = nil
    ) {
        self.districtName = districtName
        self.districtNameEn = districtNameEn
        self.year = year
        self.residentsSource = residentsSource
        self.scopes = scopes
        self.notCounted = notCounted
        self.stations = stations
        self.inputs = inputs
        self.notes = notes
        self.lifeCircleProfile = lifeCircleProfile
    }
}

/// The services of a combined life-circle row: a resident counts when reaching every one of them.
public struct IndicatorServiceSet: Sendable, Hashable {
    /// The standards profile (`gb50180`, `qiantang-plan`).
    public var profile: String
    /// The service rows' labels.
    public var services: [String]

    /// A service set.
    public init(profile: String, services: [String]) {
        self.profile = profile
        self.services = services
    }
}
