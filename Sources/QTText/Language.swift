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
    /// Modes and measures as tables print them, and the units of a circle (`300 m`, `15 min`, `(rural 30)`).
    case walk, drive, radius, distanceMeasure, timeMeasure, fromProfile, metres, minutes, rural, unknown
    /// Capacity kinds as printed after a figure (`25,750 places`).
    case places, beds, physicians
    /// Coverage footer labels and notes (`{1}`… are filled in by ``text(_:_:)``).
    case residentsLabel, measureLabel, targetLabel, hazardousLabel, capacityLabel, offNetworkLabel, outsideLabel, shouldLabel
    case planLabel, dataLabel, sharesLabel, sharesNote, greenLabel, greenNote, greenMet, greenBelow, narrowLabel, narrowNote, narrowPart, walkingSpeedNote,
        residentsNote, measureNote, measureMixed, measureDistance, measureTime
    case profileByDistance, profileByTime, unknownTargetNote, hazardsReach, hazardsNone, hazardsNote, capacityNote, offNetworkNote
    case outsideNote, shouldNote, modelledNote, modelledSomeNote, modelledResidents, modelledFacilities
    /// Info's labels and notes.
    case infoOfficialArea, infoBoundaryArea, infoPlanarArea, infoMetricCRS, infoLayer, infoSubdistrict, geodesicArea, planarArea
    case featureCount, featuresCount, modelledSource, referenceSource, seedSource
    /// Validation's labels and statuses.
    case result, problems, ok, notPresent, errors, warnings, failedStrict, failed
    /// Site suggestion: header, footer labels and notes.
    case rank, site, position, gain, warnings2, typeLabel, candidatesLabel, rejectedLabel, methodLabel, hazardousSitesLabel
    case targetReachedLabel, reached, notReached, suggestResidents, suggestTarget, suggestTargetUnknown, suggestCandidates
    case suggestGrid, candidatesFile, suggestMethod, suggestHazardous, circleWalkMetres, circleRadius, circleTimed
    /// Indicators: the notes under the table.
    case indResidents, indElderly, indEnd, indCounted, indAtPopulation, indCalibrated, indLifeCircles, indNotCounted, indFarStations
    case indNoBusStops, indServiceSet, indNote, indModelled, indModelledLayer, indNotModelled, indTargets, indPlan
    /// Land use: the footer's labels and sentences.
    case luGeodesic, luPlanar, luParcels, luCut, luTotal, luGaps, luOverlaps, luOutside, luReconciliation, luOutsideZones
    case luGreenShare, luBuiltUp, luBuiltUpTarget, luCropland, luCroplandTarget, luGreen, luGreenTarget, luModelled
    /// Site checks: each site's heading and the footer.
    case siteHeading, siteCounts, sitesFail, sitesPass, sitesWarned, rulesLabel, circlesLabel
    /// Plans compared: the lines on each plan.
    case planHeading, planChanges, planNoChange, planMeasuredAgain, planNothingMeasured, planIndicators, planTargetsMet
    case planAddedSites, planCost, planCostNote, planNote, planVerdict, planWorse, planNotWorse
    /// The report's notes on coverage and its data.
    case reportLabel, reportFile, reportCoverageLabel, reportCoverage, reportMaps, reportMapsNote, reportTargets, reportSites, reportSitesNote
    case reportPlans, reportPlansNote, reportAtPopulation, reportResidentsNote, reportTravelNote, reportOffNetwork, reportOutside, reportSourced, reportModelled
    /// Isochrone: header.
    case bandMinutes, bandArea, toFacility, fromFacility
    /// The report's head, foot and maps (Chinese only: English prints as it always did).
    case reportDocumentTitle, reportMeta, reportMadeBy, reportFigureHelp, reportFeatures, reportCalibrated, reportScopeResidents
    case reportAtResidents, reportCoverageCaption
    /// The report's land-use section.
    case luCaption, luCaptionPlanar, recBoundary, recGaps, recOverlaps, recOutside, recExpected, recOfficial
    case figureColumn, valueColumn, targetColumn, metColumn, luUrbanRow, luCroplandRow, luGrainTarget, luRoom, luGreenRow
    case luParksTarget, luBoundAllows, luModelledNote
    /// The report's site-check section.
    case sitesChecked, clause, clauseNotVerified, sitesMapSubtitle
    /// The report's plans section.
    case metroLine, metroStation, railLine, railStation, busStop
    case statusOperating, statusUnderConstruction, statusPlanned, planPopulation, asGiven, movedServices, sitesFailedTip, zoomIn, zoomOut, zoomReset,
        mapDataNote
    case plansChange, plansGainedLost, plansCaption, plansLine, plansAddedSites, plansCost, plansWorse, plansMapTitle, plansMapSubtitle

    /// The word or sentence in `language` with `{1}`, `{2}`… replaced by `arguments` in order.
    public func text(_ language: Language, _ arguments: String...) -> String {
        var text = self.text(language)
        for (k, argument) in arguments.enumerated() { text = text.replacingOccurrences(of: "{\(k + 1)}", with: argument) }
        return text
    }

    /// A bilingual text as the maps' titles are written, `"区界 District boundary"`, in `language`: unchanged in
    /// English (as printed before `--lang`), its Chinese part (up to the first Latin letter) in Chinese. A text
    /// without Chinese stays as it is.
    public static func pick(_ bilingual: String, _ language: Language) -> String {
        guard language == .zh else { return bilingual }
        let chinese = bilingual.prefix { !($0.isASCII && $0.isLetter) }.trimmingCharacters(in: .whitespaces)
        return chinese.unicodeScalars.contains { $0.value >= 0x2E80 } ? chinese : bilingual
    }

    /// A validation check's title (`layers parse`, `subdistricts tiling`) in `language`: unchanged in English, from
    /// ``checkTitles`` in Chinese (a tiling check by its layer: `subdistricts 铺满检查`).
    public static func checkTitle(_ title: String, _ language: Language) -> String {
        guard language == .zh else { return title }
        if let zh = checkTitles[title] { return zh }
        if title.hasSuffix(" tiling") { return title.dropLast(" tiling".count) + " 铺满检查（无缝隙、无重叠）" }
        return title
    }

    /// Why an indicator has no value, as the analysis writes it (`not computed: needs the land-use layer`), in
    /// `language`: unchanged in English; in Chinese its known opening words (``reasonOpenings``) translated, the
    /// rest (layer names, details) as written.
    public static func reason(_ reason: String, _ language: Language) -> String {
        guard language == .zh else { return reason }
        for (en, zh) in reasonOpenings where reason.hasPrefix(en) {
            let rest = String(reason.dropFirst(en.count))
            // "(1 without)": the kindergartens that do not say it.
            if rest.hasPrefix(" ("), rest.hasSuffix(" without)") { return zh + "（" + rest.dropFirst(2).dropLast(" without)".count) + " 所未注明）" }
            return zh + rest
        }
        return reason
    }

    /// What a siting rule measured, or its limit, as the checks write it (`532 m to rail-1 城际铁路`, `≥ 1 resident
    /// (warn)`), in `language`: unchanged in English; in Chinese by ``sitingSentences`` (the first whose pattern
    /// matches the whole text), then its circles, land-use classes, verdicts and units by ``sitingWords``. Ids,
    /// names and vocabulary values stay as written; a text no pattern knows keeps its English words.
    public static func siting(_ text: String, _ language: Language) -> String {
        guard language == .zh else { return text }
        var out = text
        for (source, template) in sitingSentences {
            let pattern = try! NSRegularExpression(pattern: source)
            let range = NSRange(out.startIndex..., in: out)
            if pattern.firstMatch(in: out, range: range) != nil {
                out = pattern.stringByReplacingMatches(in: out, range: range, withTemplate: template)
                break
            }
        }
        for (source, template) in sitingWords {
            out = try! NSRegularExpression(pattern: source).stringByReplacingMatches(
                in: out, range: NSRange(out.startIndex..., in: out), withTemplate: template)
        }
        return out
    }

    /// The checks' sentences (SiteChecker, SitingText.limits) and their Chinese, whole texts.
    private static let sitingSentences: [(String, String)] = [
        ("^inside$", "区界内"),
        ("^inside the boundary$", "位于区界内"),
        ("^outside, (.+) from the boundary$", "区界外，距边界 $1"),
        ("^outside, (.+) from the nearest$", "区域外，距最近者 $1"),
        ("^on no land-use parcel$", "不在任何用地地块上"),
        ("^unknown class, parcel (.+)$", "未知地类，地块 $1"),
        ("^(.+), parcel (.+)$", "$1，地块 $2"),
        ("^inside (\\S+) \\(([a-z_]+)\\)$", "位于 $1 内（$2）"),
        ("^no such zone in the district$", "本区无此类区域"),
        ("^none in the district$", "本区没有"),
        ("^([\\d,]+ m) to (.+)$", "距 $2 $1"),
        ("^more than (.+) from every (\\S+) street: reaches nothing$", "距所有 $2 道路均超过 $1：无可达范围"),
        ("^more than (.+) from every (\\S+) street: covers nobody$", "距所有 $2 道路均超过 $1：不覆盖任何居民"),
        ("^(.+) reached first within (\\S+) min \\((.+) reached in all\\)$", "$2 分钟内首先到达 $1（共到达 $3）"),
        ("^([\\d,]+) residents within (.+)$", "$2 内居民 $1 人"),
        ("^no other (\\S+) in the district$", "本区无其他 $1"),
        ("^no residents inside its (.+) circle$", "其$1生活圈内无居民"),
        ("^(\\S+) of the ([\\d,]+) residents inside its (.+) circle already covered$", "其$3生活圈内 $2 名居民中 $1 已被覆盖"),
        ("^([\\d,]+) residents newly inside the (.+) circle \\(([\\d,]+) inside\\)$", "$2生活圈内新增覆盖居民 $1 人（圈内共 $3 人）"),
        ("^not checked: (.+)$", "未检查：$1"),
        ("^not on (.+)$", "不位于 $1"),
        ("^outside every (.+) zone$", "位于所有 $1 区域之外"),
        ("^allowed: (.+); conditional \\(warn\\): (.+)$", "允许：$1；有条件（提示）：$2"),
        ("^allowed: (.+)$", "允许：$1"),
        ("^(.+): (\\S+) × the circle's (.+)$", "$1：生活圈 $3 的 $2 倍"),
        ("^none$", "无")
    ]

    /// Words inside the checks' sentences and their Chinese, everywhere in a text, in order.
    private static let sitingWords: [(String, String)] = [
        ("([\\d,.]+) m walk", "步行$1米"),
        ("([\\d,.]+) m radius", "半径$1米"),
        ("([\\d.]+) min walk", "步行$1分钟"),
        ("([\\d.]+) min drive", "驾车$1分钟"),
        (" \\(rural ([^)]*)\\)", "（农村$1）"),
        ("\\b[a-z_]+ \\((\\d{2,4} [^)]*)\\)", "$1"),
        (" \\(this plan\\)", "（本方案）"),
        (" \\(warn\\)", "（提示）"),
        (" \\(fail\\)", "（不通过）"),
        ("([\\d,]+) residents?\\b", "$1 人"),
        ("：none", "：无"),
        ("([\\d,.]+) m\\b", "$1米"),
        ("([\\d.]+) min\\b", "$1分钟")
    ]

    /// Openings of the indicators' reasons and their Chinese, longest first.
    private static let reasonOpenings: [(String, String)] = [
        ("not computed here: qtplan coverage --all gives each service's share", "此处不计算：各项设施的覆盖率见 qtplan coverage --all"),
        ("not computed at this population (where the new residents will live is not known)", "该人口下不计算（新增居民的分布未知）"),
        ("not computed: needs the land-use layer", "未计算：需要用地图层"),
        ("not computed: ", "未计算："),
        ("district level only", "仅区级"),
        ("no population layer (residents aged 60+ unknown)", "无人口图层（60岁及以上人口未知）"),
        ("no population layer (sub-district residents unknown)", "无人口图层（街道人口未知）"),
        ("no population layer", "无人口图层"),
        ("no parks layer (the parks' polygons)", "无公园图层（公园面）"),
        ("no kindergarten says its ownership", "没有幼儿园注明其办园性质"),
        ("no kindergarten places", "无幼儿园学位"),
        ("no residents aged 60+", "无60岁及以上居民"),
        ("no rail stations", "无轨道站点")
    ]

    /// The validation checks' titles in Chinese.
    private static let checkTitles: [String: String] = [
        "layers parse": "图层解析", "geometry types": "几何类型", "geometry validity": "几何有效性", "feature ids": "要素编号",
        "source and accuracy": "来源与精度", "layer fields": "图层字段", "vocabularies": "受控词表", "counts and measures": "数量与量值",
        "inside the boundary": "位于区界内", "axis order": "坐标轴顺序", "GCJ-02 offset": "GCJ-02 偏移", "stations on lines": "站点位于线路上",
        "walk network": "步行路网", "drive network": "驾车路网", "population total": "人口合计"
    ]

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
        .fail: ("fail", "不通过"),
        .walk: ("walk", "步行"),
        .drive: ("drive", "驾车"),
        .radius: ("radius", "直线"),
        .distanceMeasure: ("distance", "距离"),
        .timeMeasure: ("time", "时间"),
        .fromProfile: (" (profile)", "（按标准）"),
        .metres: (" m", "米"),
        .minutes: (" min", "分钟"),
        .rural: (" (rural {1})", "（农村{1}）"),
        .unknown: ("unknown", "未知"),
        .places: ("places", "学位"),
        .beds: ("beds", "床位"),
        .physicians: ("physicians", "医师"),
        .residentsLabel: ("Residents", "居民"),
        .measureLabel: ("Measure", "度量"),
        .targetLabel: ("Target", "服务对象"),
        .hazardousLabel: ("Hazardous sites", "危险源"),
        .capacityLabel: ("Capacity", "容量"),
        .offNetworkLabel: ("Off the network", "路网外"),
        .outsideLabel: ("Outside", "区界外"),
        .shouldLabel: ("Should (△)", "宜配（△）"),
        .planLabel: ("Plan", "方案"),
        .dataLabel: ("Data", "数据"),
        .sharesLabel: ("Shares", "覆盖率"),
        .greenLabel: ("Green per resident", "人均公园绿地"),
        .greenNote: ("{1}: {2} m² per resident (GB 50180 table 4.0.4: ≥ {3}), {4}", "{1}：{2}平方米/人（GB 50180 表4.0.4：≥ {3}），{4}"),
        .greenMet: ("met", "达标"),
        .greenBelow: ("below", "未达标"),
        .narrowLabel: ("Too narrow", "宽度不足"),
        .narrowNote: (
            "{1} (large enough, narrower than the tier's minimum width: left out of its row and its green area)",
            "{1}（面积达标但窄于该级最小宽度：不计入该行及其人均绿地）"
        ),
        .narrowPart: ("{1} {2} parks under {3} m", "{1}{2}处窄于{3}米"),
        .sharesNote: ("residents within each circle; the change in percentage points in brackets", "生活圈内居民的比例；括号内为变化（百分点）"),
        .walkingSpeedNote: ("{1} km/h (access legs walked in every mode)", "{1} km/h（各种方式的接入段均按步行计）"),
        .residentsNote: ("the population layer's features, each at its point on surface", "人口图层的要素，各取其面内一点"),
        .measureNote: ("walking circles: {1}; {2}; drives are timed", "步行生活圈：{1}；{2}；驾车按时间计"),
        .measureMixed: ("distance or time as each row says", "按各行所示的距离或时间"),
        .measureDistance: (
            "distance along the streets (metres, access legs included; the walking speed does not matter)",
            "沿街道的步行距离（米，含接入段；与步行速度无关）"
        ),
        .measureTime: ("time at the walking speed", "按步行速度计的时间"),
        .profileByDistance: ("{1} defines its circles by walking distance", "{1} 以步行距离界定生活圈"),
        .profileByTime: ("{1} defines its circles by time", "{1} 以时间界定生活圈"),
        .unknownTargetNote: (
            "target group unknown: the population layer does not give {1} on every feature (the share of all residents stands)",
            "服务对象不明：人口图层并非每个要素都有 {1}（全体居民的覆盖率仍然有效）"
        ),
        .hazardsReach: ("{1} reaches {2} within {3}", "{1}在{3}内到达{2}"),
        .hazardsNone: ("none (the constraints layer has none)", "无（约束图层中没有）"),
        .hazardsNote: (
            " (the constraints layer's hazardous_site points: a fire station's demand beside the residents, not in the share)",
            "（约束图层的 hazardous_site 点：消防站在居民之外的需求，不计入覆盖率）"
        ),
        .capacityNote: (
            "2SFCA: each facility's capacity shared among the target group within its circle; per 1,000 = capacity within reach per 1,000 of the target group (unknown when the group is)",
            "两步移动搜索法（2SFCA）：每处设施的容量由其生活圈内的服务对象分摊；每千人 = 可达容量 ÷ 服务对象（千人）（服务对象不明时为未知）"
        ),
        .offNetworkNote: ("{1} residents more than {2} m from a street (not covered)", "{1}名居民距街道超过{2}米（不计为覆盖）"),
        .outsideNote: (
            "facilities outside the boundary (within the build's margin) serving residents inside: {1}",
            "区界外（建库缓冲带内）为区内居民服务的设施：{1}"
        ),
        .shouldNote: (
            "{1}: provided where needed (GB 50180 appendix B △), left out of the combined life-circle rows",
            "{1}：根据实际情况按需配建（GB 50180 附录B △），不计入生活圈合计行"
        ),
        .modelledNote: (
            "modelled residents and facilities (see geodata/SOURCES.md): figures show the method, not the district's real provision",
            "居民与设施为模拟数据（见 geodata/SOURCES.md）：数字展示方法，而非本区的实际配置"
        ),
        .modelledSomeNote: (
            "modelled {1} (see the district's sources): figures show the method, not the district's real provision",
            "{1}为模拟数据（见本区数据来源）：数字展示方法，而非本区的实际配置"
        ),
        .modelledResidents: ("residents", "居民"),
        .modelledFacilities: ("facilities", "设施"),
        .infoOfficialArea: ("Official area", "面积（公布）"),
        .infoBoundaryArea: ("Boundary area", "边界面积"),
        .infoPlanarArea: ("Planar area", "平面面积"),
        .infoMetricCRS: ("Metric CRS", "投影坐标系"),
        .infoLayer: ("Layer ", "图层 "),
        .infoSubdistrict: ("Subdistrict ", "街道 "),
        .geodesicArea: ("{1} km² geodesic (WGS84), {2} vs official", "{1} km²（WGS84 椭球面积），较公布面积 {2}"),
        .planarArea: ("{1} km² in {2}", "{1} km²（{2}）"),
        .featureCount: ("{1} feature", "{1} 个要素"),
        .featuresCount: ("{1} features", "{1} 个要素"),
        .modelledSource: ("modelled", "模拟"),
        .referenceSource: ("reference", "参考"),
        .seedSource: ("seed", "规划文本"),
        .result: ("Result", "结果"),
        .problems: ("Problems", "问题"),
        .ok: ("ok", "通过"),
        .notPresent: ("not present", "无此图层"),
        .errors: ("{1} error{2}", "{1} 个错误"),
        .warnings: ("{1} warning{2}", "{1} 个警告"),
        .failedStrict: ("failed (--strict): ", "未通过（--strict）："),
        .failed: ("failed: ", "未通过："),
        .rank: ("rank", "序号"),
        .site: ("site", "选址"),
        .position: ("lon,lat", "经度,纬度"),
        .gain: ("gain", "新增覆盖"),
        .warnings2: ("warnings", "提示"),
        .typeLabel: ("Type", "类型"),
        .candidatesLabel: ("Candidates", "候选点"),
        .rejectedLabel: ("Rejected by", "被否决"),
        .methodLabel: ("Method", "方法"),
        .hazardousSitesLabel: ("Hazardous", "危险源"),
        .targetReachedLabel: ("Target", "目标"),
        .reached: ("reached", "已达到"),
        .notReached: ("not reached", "未达到"),
        .suggestResidents: (
            "{1}; {2} ({3}) inside an existing circle; {4} ({5}) with the {6} picks",
            "{1}；现有设施生活圈内 {2}（{3}）；加上 {6} 处选址后 {4}（{5}）"
        ),
        .suggestTarget: ("{1} (the service's; --all-residents for every resident): ", "{1}（该服务的服务对象；--all-residents 计全体居民）："),
        .suggestTargetUnknown: (
            "; target group {1} unknown (the population layer lacks its band): all residents counted",
            "；服务对象 {1} 不明（人口图层缺少该年龄段）：按全体居民计"
        ),
        .suggestCandidates: ("{1} from {2}; {3} pass site-check", "{1} 个，来自{2}；{3} 个通过选址审查"),
        .suggestGrid: ("a {1} m grid on {2}", "{2} 用地上 {1} 米间距的网格"),
        .candidatesFile: ("the candidates file", "候选点文件"),
        .suggestMethod: (
            "greedy with lazy evaluation ({1} covered), then {2} improving swap{3}",
            "惰性求值贪心算法（覆盖 {1}），随后 {2} 次改进交换"
        ),
        .suggestHazardous: (
            "{1} sites in the constraints layer; {2} reached by an existing station, {3} with the picks (each site weighs more than all residents together: sites first, then residents)",
            "约束图层中 {1} 处；现有消防站到达 {2} 处，加上选址后 {3} 处（每处危险源的权重大于全体居民之和：先危险源，后居民）"
        ),
        .circleWalkMetres: ("{1} m walk{2}", "步行{1}米{2}"),
        .circleRadius: ("{1} m radius", "半径{1}米"),
        .circleTimed: ("{1} min {2}{3}", "{2}{1}分钟{3}"),
        .indResidents: ("Residents: {1} ({2})", "常住人口：{1}（{2}）"),
        .indElderly: ("; aged 60+: {1} (Σ population × aged_60_plus_share)", "；60岁及以上：{1}（Σ 人口 × aged_60_plus_share）"),
        .indEnd: (".", "。"),
        .indCounted: ("Counted: facilities and stations with status operating (or none).", "计入：状态为运营（operating，或未填）的设施和站点。"),
        .indAtPopulation: (
            "At {1} residents ({2}): today's facilities shared among them, every sub-district grown alike and the age structure unchanged; counts and transit shares as today; life circles not computed there.",
            "按{1}人（{2}）：现有设施由他们分摊，各街道同比增长，年龄结构不变；数量与轨道站点比例同现状；不计算该人口下的生活圈。"
        ),
        .indCalibrated: (
            "Calibrated to the 2020 baseline: {1} (the modelled facilities were sized to reproduce the plan's 2020 column; these values are not measurements).",
            "按2020年基数校准：{1}（模拟设施的规模按规划2020年现状值设定；这些值不是实测）。"
        ),
        .indLifeCircles: (
            "Life circles: residents reaching every required (▲) life-circle service of the circle, walking ({1} profile unless the row names its own; each service's share: qtplan coverage --all --standard {1}).",
            "生活圈：步行可达该生活圈全部应配建（▲）设施的居民（除该行另有所指外按 {1} 标准；各项设施的覆盖率：qtplan coverage --all --standard {1}）。"
        ),
        .indNotCounted: ("Not counted (not operating): {1}.", "未计入（未运营）：{1}。"),
        .indFarStations: (
            "Rail stations without a bus stop within 150 m (nearest stop, geodesic): {1}.",
            "150米内无公交站的轨道站点（最近公交站，椭球距离）：{1}。"
        ),
        .indNoBusStops: ("no bus stops", "无公交站"),
        .indServiceSet: (
            "{1} service set: residents reaching every one of {2}", "{1} 服务集：可达以下全部设施的居民：{2}"
        ),
        .indNote: ("Note: {1}.", "注：{1}。"),
        .indModelled: ("Modelled inputs: {1}: these values describe the model, not a survey.", "模拟的输入：{1}：这些值描述的是模型，而非调查。"),
        .indModelledLayer: ("{1} ({2} of {3} features modelled)", "{1}（{3}个要素中{2}个为模拟）"),
        .indNotModelled: ("Inputs: no modelled features in {1}.", "输入：{1} 中没有模拟要素。"),
        .indTargets: ("Targets: {1} (each with its seed file and wording).", "目标：{1}（每项附规划文本出处与原文）。"),
        .indPlan: ("Plan: {1}.", "方案：{1}。"),
        .luGeodesic: ("geodesic (WGS84)", "椭球面积（WGS84）"),
        .luPlanar: ("planar ({1})", "平面面积（{1}）"),
        .luParcels: ("Parcels", "地块"),
        .luCut: (", {1} cut by zone boundaries", "，其中 {1} 块被区域边界切分"),
        .luTotal: ("{1} {2}, {3}% vs official", "{1}，{2}，较公布面积 {3}%"),
        .luGaps: ("Gaps between parcels", "地块间缝隙"),
        .luOverlaps: ("Overlaps of parcels", "地块重叠"),
        .luOutside: ("Parcels outside boundary", "区界外地块"),
        .luReconciliation: ("total − (boundary − gaps + overlaps + outside) = {1}", "合计 − （边界 − 缝隙 + 重叠 + 区界外）= {1}"),
        .luOutsideZones: ("Outside every zone", "不在任何区域内"),
        .luGreenShare: ("{1}% of urban construction land", "占城镇建设用地 {1}%"),
        .luBuiltUp: ("Built-up (urban constr.)", "城镇建设用地"),
        .luBuiltUpTarget: ("{1} vs {2} km² for 2025 ({3})", "{1}，2025年目标 {2} km²（{3}）"),
        .luCropland: ("Cropland", "耕地"),
        .luCroplandTarget: (
            "{1}: room for the plan's {2} 亩 of grain-growing area (粮食生产面积, {3}; not a cropland target)",
            "{1}：可容纳规划的 {2} 亩粮食生产面积（{3}；不是耕地目标）"
        ),
        .luGreen: ("Green space share", "绿地比重"),
        .luGreenTarget: (
            "{1} (all class-14 green and open space; the plan's ≥ {2}% is for park green space 公园绿地 only, {3}: qtplan indicators, park_green_share)",
            "{1}（全部14类绿地与开敞空间用地；规划的 ≥ {2}% 仅指公园绿地，{3}：见 qtplan indicators 的 park_green_share）"
        ),
        .luModelled: ("MODELLED: the landuse layer is modelled ({1}), not a survey", "模拟：用地图层为模拟数据（{1}），不是调查"),
        .siteHeading: ("Site {1}: {2} at {3}: {4} ({5})", "选址 {1}：{2}，位于 {3}：{4}（{5}）"),
        .siteCounts: ("{1} failed, {2} warned, {3} rules", "{1} 项不通过，{2} 项提示，共 {3} 项规则"),
        .sitesFail: ("{1} of {2} sites fail (exit 1)", "{2} 处选址中 {1} 处不通过（退出码 1）"),
        .sitesPass: ("every site passes", "全部选址通过"),
        .sitesWarned: (" ({1} with warnings)", "（{1} 处有提示）"),
        .rulesLabel: ("Rules", "规则"),
        .circlesLabel: ("Circles", "生活圈"),
        .planHeading: ("Plan {1}", "方案 {1}"),
        .planChanges: ("Changes", "变更"),
        .planNoChange: ("no service's coverage changes", "各项服务覆盖均无变化"),
        .planMeasuredAgain: ("Measured again", "重新计算"),
        .planNothingMeasured: ("nothing (the plan changes no service)", "无（方案未改变任何服务）"),
        .planIndicators: ("Indicators", "指标"),
        .planTargetsMet: ("{1} of {2} district targets met (baseline {3})", "区级 {2} 项目标中达标 {1} 项（现状 {3} 项）"),
        .planAddedSites: ("Added sites", "新增选址"),
        .planCost: ("Cost", "投资"),
        .planCostNote: (
            "{1}; {2} residents newly covered per million (summed over the services compared)",
            "{1}；每百万新增覆盖居民 {2} 人（所比较各服务之和）"
        ),
        .planNote: ("Note", "注"),
        .planVerdict: ("Verdict", "结论"),
        .planWorse: ("WORSE: a covered count falls by at least one resident", "变差：至少一项覆盖人数减少一人以上"),
        .planNotWorse: ("no covered count falls", "无覆盖人数减少"),
        .reportLabel: ("Report", "报告"),
        .reportCoverageLabel: ("Coverage", "覆盖"),
        .reportFile: ("{1} ({2} MB, self-contained)", "{1}（{2} MB，单文件）"),
        .reportCoverage: ("{1} services, profile {2}; mapped: {3} {4}% covered", "{1} 项服务，标准 {2}；制图：{3} 覆盖 {4}%"),
        .reportMaps: ("Maps", "地图"),
        .reportMapsNote: ("{1} (pan, zoom, hover)", "{1} 幅（可平移、缩放、悬停）"),
        .reportTargets: ("{1} of {2} district targets met", "区级 {2} 项目标中达标 {1} 项"),
        .reportSites: ("Sites", "选址"),
        .reportSitesNote: ("{1} checked, {2} failing a rule", "审查 {1} 处，{2} 处有规则不通过"),
        .reportPlans: ("Plans", "方案"),
        .reportPlansNote: ("{1} compared, {2} lowering a covered count", "比较 {1} 个，{2} 个使覆盖人数减少"),
        .reportAtPopulation: (
            "At {1} residents ({2}): today's facilities shared among them, every sub-district grown alike, the age structure unchanged.",
            "按{1}人（{2}）：现有设施由他们分摊，各街道同比增长，年龄结构不变。"
        ),
        .reportResidentsNote: (
            "Residents are the population layer's features, each at its point on surface; a feature is covered or not as a whole.",
            "居民为人口图层的要素，各取其面内一点；一个要素整体计为覆盖或未覆盖。"
        ),
        .reportTravelNote: (
            "Walk and drive: travel time over the street network, joining it at the nearest point of the nearest street; walking {1} km/h (access legs walked in every mode); drive at design speeds (free flow, optimistic).",
            "步行与驾车：沿街道网络的出行，在最近街道的最近点接入；步行 {1} km/h（各种方式的接入段均按步行计）；驾车按设计车速（自由流，偏乐观）。"
        ),
        .reportOffNetwork: (
            "{1} residents live more than {2} m from a street and count as not covered.", "{1}名居民距街道超过{2}米，计为未覆盖。"
        ),
        .reportOutside: ("Residents inside the boundary only are counted; {1}.", "只计区界内的居民；{1}。"),
        .reportSourced: ("Every layer comes from stated sources (see each feature's source).", "各图层均有注明的来源（见各要素的 source）。"),
        .reportModelled: (
            "Modelled data: {1} are modelled by stated, seeded rules (geodata/SOURCES.md), not surveyed: figures show the method, not the district's real provision.",
            "模拟数据：{1} 按注明的、带随机种子的规则模拟（geodata/SOURCES.md），不是调查：数字展示方法，而非本区的实际配置。"
        ),
        .bandMinutes: ("minutes", "分钟"),
        .bandArea: ("area km²", "面积 km²"),
        .toFacility: ("to_facility", "前往设施"),
        .fromFacility: ("from_facility", "从设施出发"),
        .reportDocumentTitle: ("qtplan planning report", "qtplan 规划评估报告"),
        .reportMeta: (
            "{1} km² official · {2} residents · metric CRS {3} · standards profile {4}",
            "公布面积 {1} km² · 常住人口 {2} · 投影坐标系 {3} · 标准 {4}"
        ),
        .reportMadeBy: ("Made by {1}.", "由 {1} 生成。"),
        .reportFigureHelp: (
            "Drag to pan, wheel or buttons to zoom; hover a feature for its figures.", "拖动以平移，滚轮或按钮缩放；鼠标悬停于要素上查看数字。"
        ),
        .reportFeatures: ("{1} features ({2})", "{1} 个要素（{2}）"),
        .reportCalibrated: (" (calibrated to the 2020 baseline)", "（按2020年基数校准）"),
        .reportScopeResidents: (" · {1} residents", " · 常住人口 {1}"),
        .reportAtResidents: ("At {1} residents", "按{1}人的值"),
        .reportCoverageCaption: (
            "Share of residents (not of area) within each service's circle, profile {1}.",
            "各项服务生活圈内居民（而非面积）的比例，标准 {1}。"
        ),
        .luCaption: ("Geodesic (WGS84 ellipsoid) areas of {1} parcels.", "{1} 个地块的椭球面积（WGS84 椭球）。"),
        .luCaptionPlanar: ("Planar ({2}) areas of {1} parcels.", "{1} 个地块的平面面积（{2}）。"),
        .recBoundary: ("Boundary polygon", "边界多边形"),
        .recGaps: ("− land no parcel covers (gaps)", "− 无地块覆盖的土地（缝隙）"),
        .recOverlaps: ("+ land covered twice (overlaps)", "+ 重复覆盖的土地（重叠）"),
        .recOutside: ("+ parcels outside the boundary", "+ 区界外的地块"),
        .recExpected: ("= what the parcels should add up to", "= 地块应有的合计"),
        .recOfficial: ("Official area (manifest)", "公布面积（数据清单）"),
        .figureColumn: ("Figure", "指标"),
        .valueColumn: ("Value", "现状值"),
        .targetColumn: ("2025 target", "2025年目标"),
        .metColumn: ("Met", "达标"),
        .luUrbanRow: ("Urban construction land 城镇建设用地", "城镇建设用地"),
        .luCroplandRow: ("Cropland 耕地 (room for the grain-growing area 粮食生产面积)", "耕地（可容纳的粮食生产面积）"),
        .luGrainTarget: ("grain area ≥ {1} 亩", "粮食生产面积 ≥ {1} 亩"),
        .luRoom: ("room", "可容纳"),
        .luGreenRow: (
            "Green and open space (class 14) share of built-up land: an upper bound of the park share (parks only: see the indicators)",
            "绿地与开敞空间用地（14类）占建设用地比重：公园绿地比重的上限（仅计公园的比重见指标）"
        ),
        .luParksTarget: ("parks ≥ {1}", "公园绿地 ≥ {1}"),
        .luBoundAllows: ("bound allows", "上限允许"),
        .luModelledNote: (
            "The land-use layer is modelled: these areas show the method, not a survey.", "用地图层为模拟数据：这些面积展示方法，而非调查。"
        ),
        .sitesChecked: (
            "{1} sites checked: {2} pass every rule, {3} fail at least one.", "审查 {1} 处选址：{2} 处全部规则通过，{3} 处至少一项规则不通过。"
        ),
        .clause: ("Clause", "条文"),
        .clauseNotVerified: (" [clause not verified]", "［条文未核实］"),
        .sitesMapSubtitle: ("{1} sites from {2} · rules {3}", "{1} 处选址，来自 {2} · 规则 {3}"),
        .metroLine: ("metro_line", "地铁线路"),
        .metroStation: ("metro_station", "地铁站"),
        .railLine: ("rail_line", "城际、铁路"),
        .railStation: ("rail_station", "铁路站"),
        .busStop: ("bus_stop", "公交站"),
        .statusOperating: ("operating", "运营"),
        .statusUnderConstruction: ("under_construction", "在建"),
        .statusPlanned: ("planned", "规划"),
        .planPopulation: ("the plan's {1} population, ", "规划{1}年常住人口，"),
        .asGiven: ("as given", "按指定"),
        .movedServices: ("{1} → {2} services", "{1} → {2} 项服务"),
        .sitesFailedTip: ("failed: {1}", "不通过：{1}"),
        .zoomIn: ("Zoom in", "放大"),
        .zoomOut: ("Zoom out", "缩小"),
        .zoomReset: ("Reset", "复位"),
        .mapDataNote: ("Data: partly modelled (see geodata/SOURCES.md), not a survey · ", "数据：部分为模拟（见 geodata/SOURCES.md），不是调查 · "),
        .plansChange: ("Δ pp", "变化（百分点）"),
        .plansGainedLost: ("+ / −", "新增 / 减少（人）"),
        .plansCaption: (
            "Share of residents within each service's circle, the baseline and each plan applied on its own; the change in percentage points and the residents newly covered and newly lost.",
            "各项服务生活圈内居民的比例：现状，及各方案单独实施后；变化（百分点），及新增覆盖与不再覆盖的居民。"
        ),
        .plansLine: ("{1}: {2} changes from {3}; district targets met {4} (baseline {5})", "{1}：{2} 项变更，来自 {3}；区级目标达标 {4} 项（现状 {5} 项）"),
        .plansAddedSites: ("; added sites: {1}", "；新增选址：{1}"),
        .plansCost: ("; cost {1}", "；投资 {1}"),
        .plansWorse: ("; lowers a covered count", "；使覆盖人数减少"),
        .plansMapTitle: ("方案 {1}: residents newly covered and newly lost", "方案 {1}：新增覆盖与不再覆盖的居民"),
        .plansMapSubtitle: (
            "population features reaching more (or fewer) of the profile's services with the plan", "实施方案后可达更多（或更少）该标准服务的人口要素"
        )
    ]
}
