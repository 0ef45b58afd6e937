import Foundation
import QTGeometry
import QTModel
import QTProjection
import QTText

/// Computes the 14th Five-Year Plan's service indicators of a district against a targets file.
///
/// The rules, stated once here:
/// - **Residents** are the sum of the population layer's `population`; without a population layer, the
///   manifest's `residents` (with a note), and sub-district values that need residents are not computed.
/// - **Residents aged 60+** = Σ `population` × `aged_60_plus_share` over the population features (not
///   rounded); unknown without a population layer.
/// - **Which facilities count**: `status` `operating`, or no `status`. Planned and under-construction
///   facilities are listed in ``IndicatorReport/notCounted`` and add nothing.
/// - **Amounts**: sports ground area = Σ `area_m2` of `sports_ground`; public cultural facility area =
///   Σ `area_m2` of `culture_facility`; childcare places = Σ `places` of `childcare` (kindergartens' places
///   are not 托位); licensed physicians = Σ `physicians` over every facility type (hospitals and community
///   health centres carry them); elderly-care beds = Σ `beds` of `elderly_care_home` and `elderly_daycare`
///   (hospital beds are not elderly-care beds).
/// - **Graded general hospitals** (综合性等级医院): a counted `hospital` whose `general` is not `false` and that
///   is graded: `graded: true`, or a `grade` string other than empty or `unknown`. (The bundled 市九 has
///   `grade: "unknown"` but `graded: true`: table 2 counts it among the 3 of 2020.)
/// - **Future communities** = the number of distinct non-empty `future_community_name` values among
///   population features with `future_community: true`, plus one for each flagged feature without a name.
/// - **Sub-districts**: the features' `subdistrict` property (the sub-district layer's `id`); names come
///   from the sub-district layer. Hospitals, future communities and the transit shares are district-level
///   only and show as such in sub-district rows.
/// - **Rail stations** = `metro_station` and `rail_station` transit features that count (operating or no
///   status); **bus stops** likewise. Each station's nearest bus stop is found with an STR tree over the
///   stops in the manifest's metric CRS (candidates within the distance, widened by the local scale of the
///   projection), and distances are geodesic on WGS84. A station "has a bus stop within d" when the geodesic
///   distance to some counted stop is ≤ d.
/// - **Met** when value ≥ target. **Shortfall** = target × base ÷ scale − current amount (target − count for
///   counts; target% × stations − stations within for shares), rounded up to a whole planner's unit (m²,
///   places, physicians, beds, hospitals, communities, stations); 0 when met. Differences within 10⁻⁶ are
///   taken as 0, so that 2.4 × 1,000 − 2,400 is met, not "needs 1 more".
/// - **Life circles**: the share of residents inside the 15-, 10- and 5-minute life circle is the combined
///   share of ``LifeCircleShare``: residents reaching **every** life-circle service of that circle of the
///   standards profile (gb50180: e.g. middle school, community health centre, large sports ground and culture
///   centre within 15 minutes' walk), handed in by the caller (`qtplan indicators` measures them with the
///   coverage engine). Shortfall: residents not inside the circle. Without shares the rows are
///   `not_computed`, and so is a circle the profile has no services for.
/// - **Green land** (seed 001: 公园绿地占城镇建设用地比重 ≥ 12%, 绿化覆盖率 ≥ 45%): from ``LandFigures`` handed in by
///   the caller. Park green space = the `parks` layer's operating polygons unioned ÷ urban construction land (parks only,
///   not all green and open space); green cover = green and open space land (class 14) ÷ urban construction land,
///   a lower bound (green inside other parcels and street trees are not in the land-use layer). District level
///   only; without figures (or without a parks layer, for the park share) the rows are `not_computed`.
/// - **Kindergarten ownership** (seed 001: 公办园在园生覆盖率 ≥ 75%, 普惠性幼儿园覆盖率 ≥ 90%): Σ `places` of counted
///   kindergartens with `ownership` `public` (and, for 普惠, `private_inclusive`: 普惠 includes 公办) ÷ Σ `places`
///   of counted kindergartens whose `ownership` is one of `public`, `private_inclusive`, `private`. Places are the
///   stand-in for enrolled children (在园生). Kindergartens without an ownership are left out of the base and
///   counted in the row's reason; none known: `not_computed`.
/// - **Fire and rescue stations** (seed 001 专栏 17: one 街道综合应急消防救援站 per sub-district): the share of
///   sub-districts with at least one counted `fire_station`; a sub-district's own row is 100 or 0.
/// - **Modelled inputs**: for each layer read (population, facilities, transit) the number of features
///   whose `source` is `modelled` is reported; any such feature makes the report `modelled`.
public struct IndicatorCalculator: Sendable {
    /// The targets to measure against.
    public var targets: IndicatorTargets

    public init(targets: IndicatorTargets) {
        self.targets = targets
    }

    /// The reason life-circle rows give when no combined shares were handed in.
    public static let coverageReason = "not computed here: qtplan coverage --all gives each service's share"

    /// Facility types whose `beds` are elderly-care beds.
    public static let elderlyCareTypes: Set<String> = [
        FacilityType.elderlyCareHome.rawValue,
        FacilityType.elderlyDaycare.rawValue
    ]

    /// What the life-circle rows are computed from.
    public enum LifeCircleFigures: Sendable, Hashable {
        /// The combined shares of the profile asked for, first, then those of the profiles targets name
        /// (``IndicatorTarget/profile``): ``LifeCircleShare/measure(_:profiles:standards:options:mode:)``.
        case measured([LifeCircleShare])
        /// Not measured, and why (the district has no network, …): the rows are `not_computed` with it.
        case unavailable(reason: String)
    }

    /// Computes the report; `lifeCircles` gives the life-circle rows (see the type's rules), `nil` leaves them
    /// not computed.
    /// `land` gives the green-land rows (``LandFigures/measure(_:)``); `nil` leaves them not computed.
    public func report(for district: District, lifeCircles: LifeCircleFigures? = nil, land: LandFigures? = nil) throws -> IndicatorReport {
        var notes: [String] = []
        var notCounted: [NotCountedFeature] = []
        var measuredShares: [LifeCircleShare]?
        if case .measured(let shares)? = lifeCircles { measuredShares = shares }

        // Sub-districts: the layer's order, then any id only the features name (sorted).
        var subdistrictOrder: [String] = []
        var subdistrictNames: [String: String] = [:]
        for feature in district.features(.subdistricts) {
            guard let id = feature.properties["id"]?.stringValue, subdistrictNames[id] == nil else { continue }
            subdistrictOrder.append(id)
            subdistrictNames[id] =
                feature.properties["name"]?.stringValue
                ?? feature.properties["name_en"]?.stringValue ?? id
        }
        var extraSubdistricts: Set<String> = []
        func note(subdistrict: String?) {
            if let subdistrict, subdistrictNames[subdistrict] == nil { extraSubdistricts.insert(subdistrict) }
        }

        // Population.
        let hasPopulation = district.layers[.population] != nil
        var residentsBy: [String: Double] = [:], elderlyBy: [String: Double] = [:]
        var residentsTotal = 0.0, elderlyTotal = 0.0
        var namedCommunities: Set<String> = [], unnamedCommunities = 0
        for (index, feature) in district.features(.population).enumerated() {
            let p = feature.properties
            // A head-count the validator would refuse is refused here too (a missing one counts 0, as before).
            if let problem = PopulationCount.problem(p["population"]) {
                let id = p["id"]?.stringValue.map { " '\($0)'" } ?? ""
                throw DistrictError.invalidData(path: district.file(of: .population), detail: "feature \(index)\(id): \(problem)")
            }
            let population = Double(PopulationCount.value(p["population"]) ?? 0)
            let elderly = population * (p["aged_60_plus_share"]?.doubleValue ?? 0)
            residentsTotal += population
            elderlyTotal += elderly
            if let s = p["subdistrict"]?.stringValue {
                note(subdistrict: s)
                residentsBy[s, default: 0] += population
                elderlyBy[s, default: 0] += elderly
            }
            if p["future_community"]?.boolValue == true {
                if let name = p["future_community_name"]?.stringValue?.trimmingCharacters(in: .whitespaces), !name.isEmpty {
                    namedCommunities.insert(name)
                } else {
                    unnamedCommunities += 1
                }
            }
        }
        let residents: Int
        let residentsSource: String
        if hasPopulation {
            residents = Int(residentsTotal.rounded())
            residentsSource = "population layer"
            if residents != district.manifest.residents {
                notes.append(
                    "the population layer sums to \(residents) residents; the manifest says "
                        + "\(district.manifest.residents); the population layer is used")
            }
        } else {
            residents = district.manifest.residents
            residentsSource = "manifest"
            notes.append(
                "no population layer: residents are the manifest's \(residents); residents aged 60+, "
                    + "future communities and sub-district values per resident are not computed")
        }

        // Facilities.
        var amounts: [IndicatorID: [String: Double]] = [:] // indicator → sub-district ("" = district) → amount
        func add(_ id: IndicatorID, _ value: Double?, _ subdistrict: String?) {
            guard let value else { return }
            amounts[id, default: [:]]["", default: 0] += value
            if let subdistrict { amounts[id, default: [:]][subdistrict, default: 0] += value }
        }
        var hospitals = 0
        // Kindergarten places by ownership, and fire stations, by sub-district ("" = district).
        var kindergartenPlaces: [String: [String: Double]] = [:], kindergartensUnknown: [String: Int] = [:]
        var fireStations: [String: Int] = [:]
        for feature in district.features(.facilities) {
            let p = feature.properties
            let type = p["type"]?.stringValue ?? ""
            let subdistrict = p["subdistrict"]?.stringValue
            let status = p["status"]?.stringValue ?? Status.operating.rawValue
            guard status == Status.operating.rawValue else {
                notCounted.append(
                    NotCountedFeature(
                        layer: .facilities, id: p["id"]?.stringValue ?? "?", name: p["name"]?.stringValue, type: type,
                        status: status, subdistrict: subdistrict))
                continue
            }
            note(subdistrict: subdistrict)
            switch type {
            case FacilityType.sportsGround.rawValue: add(.sportsGroundAreaPerResident, p["area_m2"]?.doubleValue, subdistrict)
            case FacilityType.cultureFacility.rawValue: add(.cultureAreaPer10000, p["area_m2"]?.doubleValue, subdistrict)
            case FacilityType.childcare.rawValue: add(.childcarePlacesPer1000, p["places"]?.doubleValue, subdistrict)
            case FacilityType.hospital.rawValue:
                if Self.isGradedGeneralHospital(p) { hospitals += 1 }
            case FacilityType.kindergarten.rawValue:
                let places = p["places"]?.doubleValue ?? 0
                for scope in [""] + (subdistrict.map { [$0] } ?? []) {
                    if let owner = p["ownership"]?.stringValue, Self.ownerships.contains(owner) {
                        kindergartenPlaces[scope, default: [:]][owner, default: 0] += places
                    } else {
                        kindergartensUnknown[scope, default: 0] += 1
                    }
                }
            case FacilityType.fireStation.rawValue:
                fireStations["", default: 0] += 1
                if let subdistrict { fireStations[subdistrict, default: 0] += 1 }
            default: break
            }
            if Self.elderlyCareTypes.contains(type) { add(.elderlyCareBedsPer1000Elderly, p["beds"]?.doubleValue, subdistrict) }
            add(.physiciansPer1000, p["physicians"]?.doubleValue, subdistrict)
        }

        // Transit.
        let (stations, stationNotCounted) = try Self.stationTransfers(district)
        notCounted += stationNotCounted

        // Scopes.
        subdistrictOrder += extraSubdistricts.sorted()
        for id in extraSubdistricts.sorted() {
            subdistrictNames[id] = id
            notes.append("sub-district '\(id)' is named by features but not in the subdistricts layer")
        }
        func rows(subdistrict: String?) -> [IndicatorRow] {
            let key = subdistrict ?? ""
            let scopeResidents: Double? =
                subdistrict == nil
                ? Double(residents)
                : (hasPopulation ? residentsBy[key] ?? 0 : nil)
            let scopeElderly: Double? = hasPopulation ? (subdistrict == nil ? elderlyTotal : elderlyBy[key] ?? 0) : nil
            return targets.indicators.map { target in
                let rule = IndicatorRule.rule(for: target.id)
                if rule.districtOnly && subdistrict != nil {
                    return IndicatorRow(target: target, status: .districtOnly, reason: "district level only")
                }
                switch target.id {
                case .generalHospitals:
                    return Self.countRow(target, Double(hospitals))
                case .futureCommunities:
                    guard hasPopulation else {
                        return IndicatorRow(target: target, status: .notComputed, reason: "no population layer")
                    }
                    return Self.countRow(target, Double(namedCommunities.count + unnamedCommunities))
                case .railStationsBusWithin50m, .railStationsBusWithin150m:
                    let limit = target.id == .railStationsBusWithin50m ? 50.0 : 150.0
                    let within = stations.filter { ($0.distanceM ?? .infinity) <= limit }.count
                    return Self.ratioRow(
                        target, amount: Double(within), base: Double(stations.count), scale: 100,
                        noBase: "no rail stations")
                case .lifeCircle15min, .lifeCircle15minStandard, .lifeCircle10min, .lifeCircle5min:
                    if case .unavailable(let reason)? = lifeCircles {
                        return IndicatorRow(target: target, status: .notComputed, reason: reason)
                    }
                    return Self.lifeCircleRow(target, shares: measuredShares, subdistrict: subdistrict)
                case .elderlyCareBedsPer1000Elderly:
                    guard let scopeElderly else {
                        return IndicatorRow(
                            target: target, status: .notComputed,
                            reason: "no population layer (residents aged 60+ unknown)")
                    }
                    return Self.ratioRow(
                        target, amount: amounts[target.id]?[key] ?? 0, base: scopeElderly,
                        scale: 1_000, noBase: "no residents aged 60+")
                case .parkGreenShare, .greenCoverShare:
                    return Self.greenRow(target, land: land)
                case .kindergartenPublicShare, .kindergartenInclusiveShare:
                    let owners: Set<String> = target.id == .kindergartenPublicShare ? ["public"] : ["public", "private_inclusive"]
                    let byOwner = kindergartenPlaces[key] ?? [:]
                    let amount = byOwner.filter { owners.contains($0.key) }.values.reduce(0, +)
                    let base = byOwner.values.reduce(0, +)
                    let unknown = kindergartensUnknown[key] ?? 0
                    var row = Self.ratioRow(
                        target, amount: amount, base: base, scale: 100,
                        noBase: unknown > 0 ? "no kindergarten says its ownership (\(unknown) without)" : "no kindergarten places")
                    if unknown > 0 && base > 0 {
                        row.reason = "\(unknown) kindergarten\(unknown == 1 ? "" : "s") without an ownership left out of the base"
                    }
                    return row
                case .subdistrictsWithFireRescueStation:
                    if let subdistrict {
                        return Self.ratioRow(
                            target, amount: (fireStations[subdistrict] ?? 0) > 0 ? 1 : 0, base: 1, scale: 100,
                            noBase: "no sub-district")
                    }
                    let ids = subdistrictOrder
                    let with = ids.filter { (fireStations[$0] ?? 0) > 0 }.count
                    return Self.ratioRow(
                        target, amount: Double(with), base: Double(ids.count), scale: 100,
                        noBase: "no sub-districts")
                case .sportsGroundAreaPerResident, .cultureAreaPer10000, .childcarePlacesPer1000, .physiciansPer1000:
                    guard let scopeResidents else {
                        return IndicatorRow(
                            target: target, status: .notComputed,
                            reason: "no population layer (sub-district residents unknown)")
                    }
                    guard case .ratio(let scale) = rule.kind else { fatalError("ratio indicator without a scale") }
                    return Self.ratioRow(
                        target, amount: amounts[target.id]?[key] ?? 0, base: scopeResidents,
                        scale: scale, noBase: "no residents")
                }
            }
        }
        var scopes = [
            IndicatorScope(
                id: nil, name: district.manifest.name, residents: residents,
                elderly: hasPopulation ? elderlyTotal : nil, rows: rows(subdistrict: nil))
        ]
        for id in subdistrictOrder {
            scopes.append(
                IndicatorScope(
                    id: id, name: subdistrictNames[id] ?? id,
                    residents: hasPopulation ? Int((residentsBy[id] ?? 0).rounded()) : nil,
                    elderly: hasPopulation ? elderlyBy[id] ?? 0 : nil, rows: rows(subdistrict: id)))
        }

        let inputs = [LayerName.population, .facilities, .transit].compactMap { layer -> LayerProvenance? in
            guard let collection = district.layers[layer] else { return nil }
            let modelled = collection.features.filter { $0.properties["source"]?.stringValue == "modelled" }.count
            return LayerProvenance(layer: layer, features: collection.features.count, modelled: modelled)
        }
        return IndicatorReport(
            districtName: district.manifest.name, districtNameEn: district.manifest.nameEn, year: targets.year,
            residentsSource: residentsSource, scopes: scopes, notCounted: notCounted, stations: stations,
            inputs: inputs, notes: notes, lifeCircleProfile: measuredShares?.first?.profile)
    }

    /// The indicators of `report` at a population of `residents`, with the same facilities: every per-resident
    /// indicator divided by the scope's residents (and residents aged 60+) scaled by `residents` ÷ today's
    /// residents (the same growth in every sub-district, the same age structure: stated assumptions); counts and
    /// the transit shares unchanged; the life-circle shares not computed (where the new residents will live is
    /// not known).
    public func atPopulation(_ report: IndicatorReport, residents: Int) -> IndicatorReport {
        var scaled = report
        let today = Double(report.district.residents ?? 0)
        guard today > 0 else { return report }
        let factor = Double(residents) / today
        scaled.scopes = report.scopes.map { scope in
            var s = scope
            s.residents = scope.residents.map { Int((Double($0) * factor).rounded()) }
            s.elderly = scope.elderly.map { $0 * factor }
            s.rows = scope.rows.map { row in
                switch row.target.id {
                case .sportsGroundAreaPerResident, .cultureAreaPer10000, .childcarePlacesPer1000, .physiciansPer1000,
                    .elderlyCareBedsPer1000Elderly:
                    guard let base = row.base, let amount = row.amount, case .ratio(let scale) = row.rule.kind else { return row }
                    return Self.ratioRow(row.target, amount: amount, base: base * factor, scale: scale, noBase: row.reason ?? "no residents")
                case .lifeCircle15min, .lifeCircle15minStandard, .lifeCircle10min, .lifeCircle5min:
                    return IndicatorRow(
                        target: row.target, status: .notComputed,
                        reason: "not computed at this population (where the new residents will live is not known)")
                default:
                    return row
                }
            }
            return s
        }
        return scaled
    }

    /// The ownership values of kindergartens (`ownership`): 公办, 民办普惠, other 民办.
    public static let ownerships: Set<String> = ["public", "private_inclusive", "private"]

    /// A green-land row from the land figures (see the type's rules).
    static func greenRow(_ target: IndicatorTarget, land: LandFigures?) -> IndicatorRow {
        guard let land else {
            return IndicatorRow(target: target, status: .notComputed, reason: "not computed: needs the land-use layer")
        }
        if target.id == .parkGreenShare {
            guard let park = land.parkArea else {
                return IndicatorRow(target: target, status: .notComputed, reason: "no parks layer (the parks' polygons)")
            }
            var row = ratioRow(target, amount: park, base: land.urbanConstructionArea, scale: 100, noBase: "no urban construction land")
            row.reason = "the parks layer's polygons (unioned) ÷ urban construction land, planar m²"
            return row
        }
        var row = ratioRow(
            target, amount: land.greenSpaceArea, base: land.urbanConstructionArea, scale: 100,
            noBase: "no urban construction land")
        row.reason =
            "green and open space land (class 14) ÷ urban construction land; green inside other parcels "
            + "and street trees are not in the land-use layer"
        return row
    }

    /// The minutes of a life-circle indicator.
    static func circleMinutes(_ id: IndicatorID) -> Double {
        switch id {
        case .lifeCircle10min: 10
        case .lifeCircle5min: 5
        default: 15
        }
    }

    /// A life-circle row from the combined shares: % of the scope's residents reaching every service.
    static func lifeCircleRow(_ target: IndicatorTarget, shares: [LifeCircleShare]?, subdistrict: String?) -> IndicatorRow {
        guard let shares else { return IndicatorRow(target: target, status: .notComputed, reason: coverageReason) }
        let minutes = circleMinutes(target.id)
        // The target's own profile (the plan's 15分钟公共服务圈), else the one asked for: the first shares handed in.
        let wanted = target.profile ?? shares.first?.profile
        guard let share = shares.first(where: { $0.minutes == minutes && $0.profile == wanted }) else {
            let profile = wanted ?? "the profile"
            return IndicatorRow(
                target: target, status: .notComputed,
                reason: "\(profile) has no \(NumberText.trimmed(minutes))-minute life-circle services")
        }
        let count = subdistrict.map { id in share.bySubdistrict.first { $0.id == id } } ?? share.total
        var row = ratioRow(
            target, amount: count?.covered ?? 0, base: count?.population ?? 0, scale: 100,
            noBase: "no residents")
        row.reason = "\(share.profile) service set: residents reaching every one of \(share.services.joined(separator: ", "))"
        row.serviceSet = IndicatorServiceSet(profile: share.profile, services: share.services)
        return row
    }

    /// Whether facility properties describe a graded general hospital (see the type's rules).
    public static func isGradedGeneralHospital(_ p: PropertyMap) -> Bool {
        guard p["type"]?.stringValue == FacilityType.hospital.rawValue, p["general"]?.boolValue != false else {
            return false
        }
        if p["graded"]?.boolValue == true { return true }
        guard let grade = p["grade"]?.stringValue?.trimmingCharacters(in: .whitespaces) else { return false }
        return !grade.isEmpty && grade.lowercased() != "unknown"
    }

    /// Rounds away floating-point noise (|x| below 10⁻⁶ of a unit), then up to a whole unit.
    static func shortfall(_ gap: Double) -> Int {
        let clean = (gap * 1e6).rounded() / 1e6
        return clean <= 0 ? 0 : Int(clean.rounded(.up))
    }

    static func countRow(_ target: IndicatorTarget, _ count: Double) -> IndicatorRow {
        guard let goal = target.target else {
            return IndicatorRow(target: target, status: .noTarget, value: count, amount: count)
        }
        let need = shortfall(goal - count)
        return IndicatorRow(
            target: target, status: need == 0 ? .met : .notMet, value: count, amount: count,
            shortfall: need)
    }

    static func ratioRow(
        _ target: IndicatorTarget, amount: Double, base: Double, scale: Double,
        noBase: String
    ) -> IndicatorRow {
        guard base > 0 else {
            return IndicatorRow(target: target, status: .notComputed, amount: amount, base: base, reason: noBase)
        }
        let value = amount / base * scale
        guard let goal = target.target else {
            return IndicatorRow(target: target, status: .noTarget, value: value, amount: amount, base: base)
        }
        let need = shortfall(goal * base / scale - amount)
        return IndicatorRow(
            target: target, status: need == 0 ? .met : .notMet, value: value, amount: amount,
            base: base, shortfall: need)
    }

    /// The counted rail stations with their nearest counted bus stop, and the stations and stops left out.
    static func stationTransfers(_ district: District) throws -> ([StationTransfer], [NotCountedFeature]) {
        var stations: [(feature: Feature, kind: TransitKind, at: Coordinate)] = []
        var stops: [(id: String, at: Coordinate)] = []
        var notCounted: [NotCountedFeature] = []
        for feature in district.features(.transit) {
            let p = feature.properties
            guard let kind = p["kind"]?.stringValue.flatMap(TransitKind.init(rawValue:)),
                [.metroStation, .railStation, .busStop].contains(kind),
                case .point(let point)? = feature.geometry, let at = point.coordinate
            else { continue }
            let status = p["status"]?.stringValue ?? Status.operating.rawValue
            guard status == Status.operating.rawValue else {
                if kind != .busStop {
                    notCounted.append(
                        NotCountedFeature(
                            layer: .transit, id: p["id"]?.stringValue ?? "?", name: p["name"]?.stringValue,
                            type: kind.rawValue, status: status, subdistrict: p["subdistrict"]?.stringValue))
                }
                continue
            }
            if kind == .busStop {
                stops.append((p["id"]?.stringValue ?? "?", at))
            } else {
                stations.append((feature, kind, at))
            }
        }
        guard !stations.isEmpty else { return ([], notCounted) }
        func transfer(_ s: (feature: Feature, kind: TransitKind, at: Coordinate), _ stop: String?, _ d: Double?)
            -> StationTransfer
        {
            StationTransfer(
                id: s.feature.properties["id"]?.stringValue ?? "?",
                name: s.feature.properties["name"]?.stringValue, kind: s.kind, nearestStop: stop,
                distanceM: d)
        }
        guard !stops.isEmpty else { return (stations.map { transfer($0, nil, nil) }, notCounted) }

        let transformer = try Transformer(from: .wgs84, to: try CRS(parsing: district.manifest.metricCRS))
        let context = try GeometryContext()
        let stopMetric = try transformer.transform(stops.map(\.at))
        let tree = try STRtree(context: context, geometries: try stopMetric.map { try context.makePoint(x: $0.x, y: $0.y) })
        let geodesic = Geodesic.wgs84
        let radius = 150.0 // the largest distance a share is asked for
        var result: [StationTransfer] = []
        for station in stations {
            let here = try transformer.transform(station.at)
            // The projection's local scale (planar metres per geodesic metre), so the search box is wide
            // enough in any metric CRS: measured over ~100 m east and north.
            let east = Coordinate(x: station.at.x + 0.001, y: station.at.y)
            let north = Coordinate(x: station.at.x, y: station.at.y + 0.001)
            let (e, n) = (try transformer.transform(east), try transformer.transform(north))
            let scale = max(
                hypot(e.x - here.x, e.y - here.y) / geodesic.distance(from: station.at, to: east),
                hypot(n.x - here.x, n.y - here.y) / geodesic.distance(from: station.at, to: north))
            let r = radius * scale * 1.01 + 1
            let candidates = try tree.query(Envelope(minX: here.x - r, minY: here.y - r, maxX: here.x + r, maxY: here.y + r))
            var best: (index: Int, distance: Double)?
            for i in candidates {
                let d = geodesic.distance(from: station.at, to: stops[i].at)
                if best == nil || d < best!.distance { best = (i, d) }
            }
            if best == nil || best!.distance > radius {
                // Nothing within the radius: the planar nearest stop, measured geodesically.
                if let i = try tree.nearest(to: try context.makePoint(x: here.x, y: here.y)) {
                    let d = geodesic.distance(from: station.at, to: stops[i].at)
                    if best == nil || d < best!.distance { best = (i, d) }
                }
            }
            result.append(transfer(station, best.map { stops[$0.index].id }, best?.distance))
        }
        return (result, notCounted)
    }
}
