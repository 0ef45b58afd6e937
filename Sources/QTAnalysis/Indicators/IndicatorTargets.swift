import Foundation
import QTGeometry

/// The indicators `qtplan indicators` knows how to compute. Each is computed by a fixed rule (see
/// ``IndicatorCalculator``); the targets file only sets its target, names and source.
public enum IndicatorID: String, CaseIterable, Sendable, Codable {
    /// Σ `area_m2` of operating sports grounds ÷ residents.
    case sportsGroundAreaPerResident = "sports_ground_area_per_resident"
    /// Σ `area_m2` of operating culture facilities ÷ residents × 10,000.
    case cultureAreaPer10000 = "culture_area_per_10000"
    /// Σ `places` of operating childcare centres ÷ residents × 1,000.
    case childcarePlacesPer1000 = "childcare_places_per_1000"
    /// Σ `physicians` of every operating facility ÷ residents × 1,000.
    case physiciansPer1000 = "physicians_per_1000"
    /// Count of operating graded general hospitals (district level only).
    case generalHospitals = "general_hospitals"
    /// Σ `beds` of operating elderly-care homes and day-care centres ÷ residents aged 60+ × 1,000.
    case elderlyCareBedsPer1000Elderly = "elderly_care_beds_per_1000_elderly"
    /// Distinct future communities (district level only).
    case futureCommunities = "future_communities"
    /// Share of rail stations with a bus stop within 50 m (district level only).
    case railStationsBusWithin50m = "rail_stations_bus_within_50m"
    /// Share of rail stations with a bus stop within 150 m (district level only).
    case railStationsBusWithin150m = "rail_stations_bus_within_150m"
    /// Park green space (the `parks` layer's polygons, unioned) as a share of urban construction land (district level
    /// only; needs the land figures).
    case parkGreenShare = "park_green_share"
    /// Green cover (绿化覆盖率) as a share of urban construction land, a lower bound: the land-use layer's green
    /// space (class 14); green inside other parcels and street canopy are not in the layer (district level only).
    case greenCoverShare = "green_cover_share"
    /// Σ `places` of operating kindergartens with `ownership: public` ÷ Σ `places` of those with a known ownership × 100.
    case kindergartenPublicShare = "kindergarten_public_share"
    /// Σ `places` of operating kindergartens with `ownership` `public` or `private_inclusive` (普惠 includes 公办)
    /// ÷ Σ `places` of those with a known ownership × 100.
    case kindergartenInclusiveShare = "kindergarten_inclusive_share"
    /// Share of sub-districts with at least one operating fire station (seed 001 专栏 17: one 街道综合应急消防救援站
    /// per sub-district); in a sub-district's row, 100 when it has one, else 0.
    case subdistrictsWithFireRescueStation = "subdistricts_with_fire_rescue_station"
    /// Share of residents inside the 15-minute life circle (not computed here: see `qtplan coverage`).
    case lifeCircle15min = "life_circle_15min"
    /// Share of residents inside the 15-minute life circle of the profile asked for (`--standard`: GB 50180's set by
    /// default), beside the plan's own 15分钟公共服务圈 (``lifeCircle15min`` with its target's `profile`).
    case lifeCircle15minStandard = "life_circle_15min_standard"
    /// Share of residents inside the 10-minute life circle: not computed yet.
    case lifeCircle10min = "life_circle_10min"
    /// Share of residents inside the 5-minute life circle: not computed yet.
    case lifeCircle5min = "life_circle_5min"
}

/// Where a target comes from: the seed file (or standard), where in it, and its wording.
public struct TargetSource: Hashable, Sendable {
    public var seed: String
    public var location: String
    public var wording: String?

    public init(seed: String, location: String, wording: String? = nil) {
        self.seed = seed
        self.location = location
        self.wording = wording
    }
}

/// One of the plan's land figures (the `land` object of the targets file): a target with its unit and source.
public struct LandTarget: Hashable, Sendable {
    /// What the figure is, in words.
    public var name: String
    /// The unit of ``target`` (`km²`, `亩`, `%`).
    public var unit: String
    /// The target.
    public var target: Double
    /// Where it comes from.
    public var source: TargetSource
    /// A caveat about the figure, if any.
    public var note: String?

    /// Creates a target.
    public init(name: String, unit: String, target: Double, source: TargetSource, note: String? = nil) {
        self.name = name
        self.unit = unit
        self.target = target
        self.source = source
        self.note = note
    }

    /// The seed named as the land-use table names it: `seed 002` for `002_b544defbb9dd6eba.txt`.
    public var seedLabel: String { "seed " + source.seed.prefix { $0 != "_" } }
}

/// The plan's land figures that `qtplan landuse` and the report compare the land-use layer with (the seeds:
/// built-up land at most 124 km² in 2025, grain-growing area (粮食生产面积) of 90,000 亩 by 2025, compared with the
/// cropland that can hold it, park green space at least 12% of urban
/// construction land).
public struct LandTargets: Hashable, Sendable {
    /// Urban construction land at most this many km² (``LandUseDerived/urbanConstructionArea``).
    public var urbanConstructionKm2: LandTarget
    /// Cropland at least this many 亩 (``LandUseDerived/croplandMu``).
    public var croplandMu: LandTarget
    /// Park green space at least this percentage of urban construction land (``LandUseDerived/greenSpaceShare``).
    public var parkGreenSharePercent: LandTarget

    /// Creates the figures.
    public init(urbanConstructionKm2: LandTarget, croplandMu: LandTarget, parkGreenSharePercent: LandTarget) {
        self.urbanConstructionKm2 = urbanConstructionKm2
        self.croplandMu = croplandMu
        self.parkGreenSharePercent = parkGreenSharePercent
    }

    /// The built-up land target in m².
    public var urbanConstructionSquareMetres: Double { urbanConstructionKm2.target * 1e6 }
    /// The park green share target as a 0–1 share.
    public var parkGreenShare: Double { parkGreenSharePercent.target / 100 }
}

/// The plan's resident population for the target year (the targets file's `plan_population`): the population the
/// per-resident indicators are also given at.
public struct PlanPopulation: Hashable, Sendable {
    /// The year (2025).
    public var year: Int
    /// Residents.
    public var residents: Int
    /// Where it comes from.
    public var source: TargetSource

    /// A plan population.
    public init(year: Int, residents: Int, source: TargetSource) {
        self.year = year
        self.residents = residents
        self.source = source
    }
}

/// One indicator's entry in the targets file.
public struct IndicatorTarget: Hashable, Sendable {
    public var id: IndicatorID
    public var name: String
    public var nameZh: String?
    public var unit: String
    /// The target (a minimum: "met" means value ≥ target); `nil` when the plan sets none.
    public var target: Double?
    public var baseline2020: Double?
    public var note: String?
    public var source: TargetSource
    /// For a life-circle indicator: the life-circle profile whose service set it is measured over (`profile` in the
    /// file: the plan's 15分钟公共服务圈 is `qiantang-plan`'s 学前教育、卫生、养老、体育, not GB 50180's 15-minute set);
    /// `nil`: the profile the command is asked for (`--standard`).
    public var profile: String?
    /// The unit in Chinese (`unit_zh`), printed with `--lang zh`.
    public var unitZh: String?
    /// What a shortfall of N needs, after the number (`needs_en`: "more childcare places"; singular for 1 by
    /// the code's English rule); `nil`: the phrase fixed with the indicator's rule.
    public var needsEn: String?
    /// What a shortfall needs in Chinese, `{n}` standing for the number (`needs_zh`: "还需增加托位{n}个").
    public var needsZh: String?

    /// An entry of the targets file.
    public init(
        id: IndicatorID, name: String, nameZh: String? = nil, unit: String, target: Double?,
        baseline2020: Double? = nil, note: String? = nil, source: TargetSource, profile: String? = nil,
        unitZh: String? = nil, needsEn: String? = nil, needsZh: String? = nil
    ) {
        self.profile = profile
        self.unitZh = unitZh
        self.needsEn = needsEn
        self.needsZh = needsZh
        self.id = id
        self.name = name
        self.nameZh = nameZh
        self.unit = unit
        self.target = target
        self.baseline2020 = baseline2020
        self.note = note
        self.source = source
    }
}

/// Why a targets file could not be used. One line naming the file and the field.
public enum IndicatorTargetsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file does not exist (exit 66 in the CLI).
    case missingFile(path: String)
    /// The file exists but is not a valid targets file (exit 65 in the CLI).
    case invalid(path: String, field: String, detail: String)

    public var description: String {
        switch self {
        case .missingFile(let path): "\(path): targets file not found"
        case .invalid(let path, let field, let detail):
            field.isEmpty ? "\(path): \(detail)" : "\(path): field '\(field)': \(detail)"
        }
    }
}

/// The targets file (`geodata/standards/targets.json`): the plan's target for each indicator, with its source.
///
/// Schema: `{"year": 2025, "indicators": [{"id", "name", "unit", "target", "source": {"seed", "where",
/// "wording"?}, "name_zh"?, "baseline_2020"?, "note"?}, …]}`. `id` must be an ``IndicatorID`` and appear
/// once; `target` is a number ≥ 0 or `null` (no target: the value is reported, "met" is not); share
/// indicators (unit `%`) must not exceed 100. Indicators left out of the file are not reported. Other keys
/// are ignored.
public struct IndicatorTargets: Hashable, Sendable {
    /// The target year (2025).
    public var year: Int
    /// The entries, in file order (the order rows are reported in).
    public var indicators: [IndicatorTarget]
    /// The plan's land figures, when the file gives them (its `land` object).
    public var land: LandTargets?
    /// The plan's resident population for the target year, when the file gives it (`plan_population`).
    public var planPopulation: PlanPopulation?

    /// Creates targets.
    public init(year: Int, indicators: [IndicatorTarget], land: LandTargets? = nil, planPopulation: PlanPopulation? = nil) {
        self.year = year
        self.indicators = indicators
        self.land = land
        self.planPopulation = planPopulation
    }

    /// The entry for `id`, if the file has one.
    public subscript(id: IndicatorID) -> IndicatorTarget? { indicators.first { $0.id == id } }

    /// Validates the text of a targets file; `path` names it in errors.
    public static func parse(data: Data, path: String) throws(IndicatorTargetsError) -> IndicatorTargets {
        let root: JSONValue
        do {
            root = try JSONValue(parsingRefusingDuplicates: data)
        } catch {
            throw .invalid(path: path, field: "", detail: "\(error)")
        }
        func fail(_ field: String, _ detail: String) -> IndicatorTargetsError {
            .invalid(path: path, field: field, detail: detail)
        }
        guard let object = root.objectValue else { throw fail("", "expected a JSON object at the top level") }
        guard let yearValue = object["year"] else { throw fail("year", "missing") }
        guard let year = yearValue.intValue, (2000...2100).contains(year) else {
            throw fail("year", "expected a whole year, found \(yearValue.typeDescription)")
        }
        guard let list = object["indicators"] else { throw fail("indicators", "missing") }
        guard let items = list.arrayValue else { throw fail("indicators", "expected an array, found \(list.typeDescription)") }
        var seen: Set<IndicatorID> = []
        var indicators: [IndicatorTarget] = []
        for (i, item) in items.enumerated() {
            let at = "indicators[\(i)]"
            guard let entry = item.objectValue else { throw fail(at, "expected an object, found \(item.typeDescription)") }
            func string(_ key: String, in object: [String: JSONValue], at prefix: String, required: Bool = true)
                throws(IndicatorTargetsError) -> String?
            {
                guard let value = object[key], !value.isNull else {
                    if required { throw fail("\(prefix).\(key)", "missing") }
                    return nil
                }
                guard let s = value.stringValue, !s.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw fail("\(prefix).\(key)", "expected a non-empty string, found \(value.typeDescription)")
                }
                return s
            }
            func number(_ key: String) throws(IndicatorTargetsError) -> Double? {
                guard let value = entry[key], !value.isNull else { return nil }
                guard let d = value.doubleValue, d.isFinite, d >= 0 else {
                    let found = value.doubleValue.map { "\($0)" } ?? value.typeDescription
                    throw fail("\(at).\(key)", "expected a number ≥ 0 or null, found \(found)")
                }
                return d
            }
            let rawID = try string("id", in: entry, at: at)!
            guard let id = IndicatorID(rawValue: rawID) else {
                throw fail(
                    "\(at).id",
                    "unknown indicator '\(rawID)' (known: "
                        + IndicatorID.allCases.map(\.rawValue).joined(separator: ", ") + ")")
            }
            guard seen.insert(id).inserted else { throw fail("\(at).id", "'\(rawID)' appears twice") }
            let name = try string("name", in: entry, at: at)!
            let unit = try string("unit", in: entry, at: at)!
            guard entry.keys.contains("target") else {
                throw fail("\(at).target", "missing (write null when the plan sets no target)")
            }
            let target = try number("target")
            if let target, unit.hasPrefix("%"), target > 100 {
                throw fail("\(at).target", "a share cannot exceed 100%, found \(target)")
            }
            let baseline = try number("baseline_2020")
            guard let sourceValue = entry["source"] else { throw fail("\(at).source", "missing") }
            guard let sourceObject = sourceValue.objectValue else {
                throw fail("\(at).source", "expected an object {seed, where, wording}, found \(sourceValue.typeDescription)")
            }
            let seed = try string("seed", in: sourceObject, at: "\(at).source")!
            let location = try string("where", in: sourceObject, at: "\(at).source")!
            let wording = try string("wording", in: sourceObject, at: "\(at).source", required: false)
            indicators.append(
                IndicatorTarget(
                    id: id, name: name, nameZh: try string("name_zh", in: entry, at: at, required: false), unit: unit,
                    target: target, baseline2020: baseline, note: try string("note", in: entry, at: at, required: false),
                    source: TargetSource(seed: seed, location: location, wording: wording),
                    profile: try string("profile", in: entry, at: at, required: false),
                    unitZh: try string("unit_zh", in: entry, at: at, required: false),
                    needsEn: try string("needs_en", in: entry, at: at, required: false),
                    needsZh: try string("needs_zh", in: entry, at: at, required: false)))
        }
        return IndicatorTargets(
            year: year, indicators: indicators, land: try landTargets(object["land"], fail: fail),
            planPopulation: try planPopulation(object["plan_population"], fail: fail))
    }

    /// The `plan_population` object: `{"year", "residents", "source": {"seed", "where", "wording"?}}`.
    private static func planPopulation(_ value: JSONValue?, fail: (String, String) -> IndicatorTargetsError)
        throws(IndicatorTargetsError) -> PlanPopulation?
    {
        guard let value, !value.isNull else { return nil }
        guard let o = value.objectValue else { throw fail("plan_population", "expected an object, found \(value.typeDescription)") }
        guard let year = o["year"]?.intValue, (2000...2100).contains(year) else { throw fail("plan_population.year", "expected a whole year") }
        guard let residents = o["residents"]?.intValue, residents > 0 else {
            throw fail("plan_population.residents", "expected a whole number of residents > 0")
        }
        guard let s = o["source"]?.objectValue, let seed = s["seed"]?.stringValue, let location = s["where"]?.stringValue else {
            throw fail("plan_population.source", "expected an object {seed, where, wording}")
        }
        return PlanPopulation(year: year, residents: residents, source: TargetSource(seed: seed, location: location, wording: s["wording"]?.stringValue))
    }

    /// The `land` object: `{"urban_construction_km2" | "cropland_mu" | "park_green_share_percent": {"name", "unit",
    /// "target", "source": {"seed", "where", "wording"?}, "note"?}}`, all three or none.
    private static func landTargets(_ value: JSONValue?, fail: (String, String) -> IndicatorTargetsError)
        throws(IndicatorTargetsError) -> LandTargets?
    {
        guard let value, !value.isNull else { return nil }
        guard let object = value.objectValue else { throw fail("land", "expected an object, found \(value.typeDescription)") }
        func text(_ o: [String: JSONValue], _ key: String, _ at: String, required: Bool = true) throws(IndicatorTargetsError) -> String? {
            guard let v = o[key], !v.isNull else {
                if required { throw fail("\(at).\(key)", "missing") }
                return nil
            }
            guard let s = v.stringValue, !s.isEmpty else { throw fail("\(at).\(key)", "expected a non-empty string, found \(v.typeDescription)") }
            return s
        }
        func entry(_ key: String) throws(IndicatorTargetsError) -> LandTarget {
            let at = "land.\(key)"
            guard let v = object[key] else { throw fail(at, "missing") }
            guard let o = v.objectValue else { throw fail(at, "expected an object, found \(v.typeDescription)") }
            guard let t = o["target"]?.doubleValue, t.isFinite, t >= 0 else { throw fail("\(at).target", "expected a number ≥ 0") }
            guard let s = o["source"]?.objectValue else { throw fail("\(at).source", "expected an object {seed, where, wording}") }
            return LandTarget(
                name: try text(o, "name", at)!, unit: try text(o, "unit", at)!, target: t,
                source: TargetSource(
                    seed: try text(s, "seed", "\(at).source")!, location: try text(s, "where", "\(at).source")!,
                    wording: try text(s, "wording", "\(at).source", required: false)),
                note: try text(o, "note", at, required: false))
        }
        return LandTargets(
            urbanConstructionKm2: try entry("urban_construction_km2"), croplandMu: try entry("cropland_mu"),
            parkGreenSharePercent: try entry("park_green_share_percent"))
    }
}
