import Foundation

/// The language of tables, the report and map legends: `--lang zh|en`, or the district manifest's `lang`
/// (absent: English, so that a district without the key prints what it always printed).
///
/// Only the words a person reads change; JSON keys, layer and field names, ids and the values of
/// controlled vocabularies (`community_health_centre`) are never translated.
public enum Language: String, Codable, Sendable, Hashable, CaseIterable {
    /// English (the default).
    case en
    /// Simplified Chinese.
    case zh
}

/// A text in both languages, as the standards files carry it (`{"en": "…", "zh": "…"}`).
public struct Wording: Sendable, Hashable {
    /// The English text.
    public var en: String
    /// The Chinese text, when the file gives one.
    public var zh: String?

    /// A wording; `zh` may be missing.
    public init(en: String, zh: String? = nil) {
        self.en = en
        self.zh = zh
    }

    /// The text in `language`: the Chinese text when asked and given, the English otherwise.
    public func text(_ language: Language) -> String {
        language == .zh ? (zh ?? en) : en
    }
}

/// The few interface words of tables, the report and maps in both languages: the one table of them in the
/// code. Everything a standard defines (service names, units, rule texts, what a shortfall needs) comes from the
/// standards files instead (`geodata/standards/`).
///
/// The English texts are those the outputs printed before `--lang` existed (some of them bilingual, as the maps'
/// layer titles were), so that an English run prints what it always printed.
public enum ChromeWord: String, Sendable, CaseIterable {
    /// Map furniture and the orientation layers (the other layers' titles are bilingual texts: ``pick(_:_:)``).
    case legend, water, mainRoads
    /// Coverage tables: headers and footer labels.
    case service, mode, measure, circle, facilityCount, residents, covered, share, target, targetShare, capacity, perThousand
    /// Coverage footer labels.
    case district, standard, walkingSpeed, baseline
    /// Indicator tables: headers, met or not, no target.
    case scope, indicator, unit, targetValue, value, met, whatIsMissing, yes, no, noTarget, none
    /// Indicator tables at the plan's population, and the Chinese table's heading.
    case valueAtPopulation, missingAtPopulation, indicatorsHeading
    /// The report: its title, section headings, summary and land-use labels.
    case reportTitle, summarySection, landUseSection, coverageSection, indicatorsSection, sitesSection, plansSection
    /// The report's summary labels.
    case summaryDistrict, officialArea, boundaryPolygon, summaryResidents, layer, subdistrictColumn, areaKm2, subdistrictsHeading
    /// The report's land-use labels.
    case landClass, code, shareColumn, totalOfParcels, reconciliation, againstThePlan
    /// The land-use table's headers.
    case industrialPark, area, shareOfZone
    /// Site checks: headers and verdicts.
    case verdict, rule, measuredValue, limit, pass, warn, fail

    /// A bilingual text as the maps' titles are written, `"区界 District boundary"`, in `language`: unchanged in
    /// English (as printed before `--lang`), its Chinese part (up to the first Latin letter) in Chinese. A text
    /// without Chinese stays as it is.
    public static func pick(_ bilingual: String, _ language: Language) -> String {
        guard language == .zh else { return bilingual }
        let chinese = bilingual.prefix { !($0.isASCII && $0.isLetter) }.trimmingCharacters(in: .whitespaces)
        return chinese.unicodeScalars.contains { $0.value >= 0x2E80 } ? chinese : bilingual
    }

    /// The word in `language`.
    public func text(_ language: Language) -> String {
        let (en, zh) = Self.table[self] ?? (rawValue, rawValue)
        return language == .zh ? zh : en
    }

    /// English (as printed before `--lang`) and Chinese.
    private static let table: [ChromeWord: (String, String)] = [
        .legend: ("图例 Legend", "图例"),
        .water: ("水系 River and water", "水系"),
        .mainRoads: ("主要道路 Main roads", "主要道路"),
        .service: ("service", "服务"),
        .mode: ("mode", "方式"),
        .measure: ("measure", "度量"),
        .circle: ("circle", "生活圈"),
        .facilityCount: ("facilities", "设施"),
        .residents: ("residents", "居民"),
        .covered: ("covered", "覆盖"),
        .share: ("share", "覆盖率"),
        .target: ("target", "服务对象"),
        .targetShare: ("target share", "服务对象覆盖率"),
        .capacity: ("capacity", "容量"),
        .perThousand: ("per 1,000", "每千人"),
        .district: ("District", "区"),
        .standard: ("Standard", "标准"),
        .walkingSpeed: ("Walking speed", "步行速度"),
        .baseline: ("baseline", "现状"),
        .scope: ("scope", "范围"),
        .indicator: ("indicator", "指标"),
        .unit: ("unit", "单位"),
        .targetValue: ("target", "目标"),
        .value: ("value", "现状值"),
        .valueAtPopulation: ("value at", "人时的值"),
        .missingAtPopulation: ("what is missing at", "人时的缺口"),
        .indicatorsHeading: ("targets of the 14th Five-Year Plan", "年指标（十四五规划目标）"),
        .met: ("met", "达标"),
        .whatIsMissing: ("what is missing", "缺口"),
        .yes: ("yes", "是"),
        .no: ("no", "否"),
        .noTarget: ("no target", "无目标"),
        .none: ("none", "无"),
        .reportTitle: ("规划评估报告 Planning report", "规划评估报告"),
        .summarySection: ("概况 District", "概况"),
        .landUseSection: ("用地 Land use", "用地"),
        .coverageSection: ("生活圈覆盖 Life-circle coverage", "生活圈覆盖"),
        .indicatorsSection: ("指标 Indicators 2025", "2025年指标"),
        .sitesSection: ("选址审查 Site checks", "选址审查"),
        .plansSection: ("方案比选 Plans compared", "方案比选"),
        .summaryDistrict: ("District 区", "区"),
        .officialArea: ("Official area 面积", "面积（公布）"),
        .boundaryPolygon: ("Boundary polygon", "边界多边形"),
        .summaryResidents: ("Residents 常住人口", "常住人口"),
        .layer: ("Layer", "图层"),
        .subdistrictColumn: ("Sub-district 街道", "街道"),
        .areaKm2: ("Area km²", "面积 km²"),
        .subdistrictsHeading: ("Sub-districts", "街道"),
        .landClass: ("Class 地类", "地类"),
        .code: ("Code", "代码"),
        .shareColumn: ("Share", "占比"),
        .totalOfParcels: ("Total of parcels", "地块合计"),
        .reconciliation: ("Reconciliation", "面积核对"),
        .againstThePlan: ("Against the plan", "对照规划"),
        .industrialPark: ("industrial_park", "产业平台"),
        .area: ("area", "面积"),
        .shareOfZone: ("share of zone", "占本区域比例"),
        .verdict: ("verdict", "结论"),
        .rule: ("rule", "规则"),
        .measuredValue: ("measured", "实测"),
        .limit: ("limit", "限值"),
        .pass: ("pass", "通过"),
        .warn: ("warn", "提示"),
        .fail: ("fail", "不通过")
    ]
}
