import Foundation
import QTTestSupport
import Testing

/// `--lang zh|en` and the manifest's `lang` (issue 15, part 5) on the hand-worked districts, and the attribute
/// tables of coverage's outputs read back by GDAL's own ogrinfo.
///
/// coverage-ages (see CoverageTargetCommandTests): residents w1 1,000 (50 children aged 3–5), w2 500 (100),
/// e1 2,000 (60), e2 500 (10) in sub-districts w 西街道 and e 东街道. kg-1 (operating) is 78 m along the streets
/// from w1 and far from the rest; kg-2 (planned) 55 m from e1 as the crow flies.
/// - Walking 300 m (gb50180's 5-minute kindergarten circle): kg-1's area holds w1: 1,000 residents, 50 children;
///   left out w2, e1 and e2.
/// - Radius 300 m with planned facilities: w1 and e1: 3,000 residents, 50 + 60 = 110 children.
/// indicators-small (see IndicatorsCommandTests): 800 m² of sports ground missing, 1 physician, 3 hospitals, 2
/// elderly-care beds, 8 future communities, 1 station with a bus stop within 150 m.
@Suite struct LanguageCommandTests {
    static let district = CLI.fixture("coverage-ages")

    /// A copy of `fixture` whose manifest says `lang`.
    static func copy(_ fixture: String, lang: String) throws -> String {
        let folder = try Tool.temporaryFolder("lang")
        let target = folder + "/district"
        try FileManager.default.copyItem(atPath: CLI.fixture(fixture), toPath: target)
        let path = target + "/district.json"
        var manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        manifest["lang"] = lang
        try JSONSerialization.data(withJSONObject: manifest, options: [.prettyPrinted]).write(to: URL(fileURLWithPath: path))
        return target
    }

    @Test("coverage --lang zh: the header, the service and the target group in Chinese, from the standards file; en unchanged")
    func coverageTableInChinese() throws {
        let zh = try CLI.run(["coverage", "--district", Self.district, "--type", "kindergarten", "--by", "subdistrict", "--lang", "zh"])
        #expect(zh.status == 0, "\(zh.stderr)")
        let lines = zh.stdout.split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        #expect(header == ["服务", "方式", "度量", "生活圈", "设施（处）", "居民（人）", "覆盖（人）", "覆盖率", "服务对象", "服务对象覆盖率"])
        // 幼儿园 and 3–5岁幼儿 are the standards file's names of kindergarten and aged_3_5; 1,000 of 4,000 walk to kg-1.
        let row = lines[1].split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        #expect(row == ["幼儿园", "步行", "距离", "300米", "1", "4,000", "1,000", "25.0%", "3–5岁幼儿", "22.7%"], "\(row)")
        #expect(lines[2].contains("西街道") && zh.stdout.contains("标准"))
        #expect(!zh.stdout.contains("kindergarten ") && !zh.stdout.contains("aged_3_5 "))
        // The notes under the table too: measure, residents and data in Chinese, no English label or mode left.
        for text in [
            "标准      gb50180: GB 50180-2018 城市居住区规划设计标准：5分钟、10分钟、15分钟生活圈", "步行速度", "4.5 km/h（各种方式的接入段均按步行计）", "居民      人口图层的要素", "度量", "沿街道的步行距离",
            "gb50180 以步行距离界定生活圈", "数据"
        ] {
            #expect(zh.stdout.contains(text), "\(text)")
        }
        for english in ["walk", "distance", "Residents", "Measure", "Data", "access legs", "modelled", " min", " m "] {
            #expect(!zh.stdout.contains(english), "\(english)")
        }
        // English is the default, and prints the row labels and raw target groups as before.
        let en = try CLI.run(["coverage", "--district", Self.district, "--type", "kindergarten", "--by", "subdistrict"])
        let explicit = try CLI.run(["coverage", "--district", Self.district, "--type", "kindergarten", "--by", "subdistrict", "--lang", "en"])
        #expect(en.stdout == explicit.stdout)
        #expect(en.stdout.hasPrefix("service ") && en.stdout.contains("kindergarten ") && en.stdout.contains("aged_3_5"))
        // JSON keys and values are never translated.
        let json = try CLI.run(["coverage", "--district", Self.district, "--type", "kindergarten", "--format", "json", "--lang", "zh"])
        let plain = try CLI.run(["coverage", "--district", Self.district, "--type", "kindergarten", "--format", "json"])
        #expect(json.stdout == plain.stdout)
    }

    @Test("the manifest's lang is the default; --lang overrides it; a lang the manifest cannot have is bad data (65)")
    func manifestLanguage() throws {
        let zh = try Self.copy("coverage-ages", lang: "zh")
        defer { try? FileManager.default.removeItem(atPath: (zh as NSString).deletingLastPathComponent) }
        let byManifest = try CLI.run(["coverage", "--district", zh, "--type", "kindergarten"])
        #expect(byManifest.status == 0 && byManifest.stdout.hasPrefix("服务 "), "\(byManifest.stdout)")
        let overridden = try CLI.run(["coverage", "--district", zh, "--type", "kindergarten", "--lang", "en"])
        #expect(overridden.stdout.hasPrefix("service "))
        let bad = try Self.copy("coverage-ages", lang: "fr")
        defer { try? FileManager.default.removeItem(atPath: (bad as NSString).deletingLastPathComponent) }
        let refused = try CLI.run(["coverage", "--district", bad, "--type", "kindergarten"])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("field 'lang': expected one of en, zh, found 'fr'"), "\(refused.stderr)")
        let usage = try CLI.run(["coverage", "--district", Self.district, "--type", "kindergarten", "--lang", "fr"])
        #expect(usage.status == 64)
    }

    @Test("indicators --lang zh: names, units and what is missing from the targets file's name_zh, unit_zh and needs_zh")
    func indicatorsTableInChinese() throws {
        let result = try CLI.run(["indicators", "--district", CLI.fixture("indicators-small"), "--lang", "zh"])
        #expect(result.status == 0, "\(result.stderr)")
        for text in [
            "范围", "指标", "缺口", "人均体育场地面积", "平方米/人", "还需体育场地800平方米", "还需执业（助理）医师1人",
            "还需综合性等级医院3家", "还需养老床位2张", "还需未来社区8个", "还需1个轨道站点在150米内设公交站"
        ] {
            #expect(result.stdout.contains(text), "\(text)")
        }
        #expect(!result.stdout.contains("needs 800"))
        // The notes under the table and the reasons in its value column: their own words in Chinese.
        for text in ["常住人口：2,000", "计入：状态为运营", "未计算：需要用地图层", "没有幼儿园注明其办园性质", "目标："] {
            #expect(result.stdout.contains(text), "\(text)")
        }
        for english in ["Residents:", "Counted:", "not computed: needs", "no kindergarten says", "Targets:", "Modelled inputs"] {
            #expect(!result.stdout.contains(english), "\(english)")
        }
        // The rows met say 是, not met 否.
        let sports = try #require(result.stdout.split(separator: "\n").first { $0.contains("指标区") && $0.contains("人均体育场地面积") })
        #expect(sports.contains(" 否 "))
    }

    @Test("indicators --lang zh: the life-circle rows' service sets by the standards file's names")
    func lifeCircleSetsInChinese() throws {
        let district = CLI.fixture("lifecircle-small")
        let zh = try CLI.run(["indicators", "--district", district, "--lang", "zh"])
        #expect(zh.status == 0, "\(zh.stderr)")
        #expect(zh.stdout.contains("  10分钟生活圈：gb50180 服务集：可达以下全部设施的居民：小学、菜市场、中型多功能运动场地、居住区公园（≥1公顷）。"), "\(zh.stdout)")
        #expect(!zh.stdout.contains("service set") && !zh.stdout.contains("wet_market"))
        let en = try CLI.run(["indicators", "--district", district])
        #expect(en.stdout.contains("gb50180 service set: residents reaching every one of primary_school, wet_market, sports_ground_medium, park_10min."))
    }

    @Test("report --lang zh: the summary it prints and the report's notes on coverage and data in Chinese; English unchanged")
    func reportNotesInChinese() throws {
        let folder = try Tool.temporaryFolder("lang-report")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let zh = try CLI.run(["report", "-o", folder + "/zh.html"]) // (the bundled manifest says zh)
        #expect(zh.status == 0, "\(zh.stderr)")
        for text in ["报告  ", "覆盖  23 项服务，标准 gb50180；制图：社区卫生服务中心 覆盖 14.5%", "地图  2 幅", "指标  区级"] {
            #expect(zh.stdout.contains(text), "\(text)\n\(zh.stdout)")
        }
        let html = try String(contentsOfFile: folder + "/zh.html", encoding: .utf8)
        for text in ["居民为人口图层的要素，各取其面内一点", "步行与驾车：沿街道网络的出行", "模拟数据：", "GB 50180-2018 城市居住区规划设计标准：5分钟、10分钟、15分钟生活圈"] {
            #expect(html.contains(text), "\(text)")
        }
        #expect(!html.contains("Residents are the population layer") && !html.contains("Modelled data:"))
        let en = try CLI.run(["report", "-o", folder + "/en.html", "--lang", "en"])
        #expect(en.stdout.contains("Coverage    23 services, profile gb50180; mapped: community_health_centre 14.5% covered"), "\(en.stdout)")
        #expect(try String(contentsOfFile: folder + "/en.html", encoding: .utf8).contains("Residents are the population layer"))
    }

    /// The words of three or more Latin letters a reader sees in `html`: its text outside `<script>` and `<style>`
    /// (the maps' included), and the hover texts (`data-tip`) and buttons' titles, with `cut` texts (paths, proper
    /// names) taken out first.
    static func visibleWords(_ html: String, cut: [String]) throws -> Set<String> {
        var text = html
        for tag in ["script", "style"] {
            let block = try NSRegularExpression(pattern: "<\(tag)[^>]*>.*?</\(tag)>", options: [.dotMatchesLineSeparators])
            text = block.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: " ")
        }
        // A hover text or a title comes out of its tag as text.
        text = try NSRegularExpression(pattern: "(data-tip|title)=\"([^\"]*)\"").stringByReplacingMatches(
            in: text, range: NSRange(text.startIndex..., in: text), withTemplate: ">$2<")
        text = try NSRegularExpression(pattern: "<[^>]*>").stringByReplacingMatches(
            in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "\n")
        for c in cut { text = text.replacingOccurrences(of: c, with: " ") }
        let word = try NSRegularExpression(pattern: "[A-Za-z]{3,}")
        return Set(word.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { Range($0.range, in: text).map { String(text[$0]) } })
    }

    @Test("report --lang zh: land use, site checks, plans, the summary, head and foot in Chinese, no English word left; English unchanged")
    func reportSectionsInChinese() throws {
        let folder = try Tool.temporaryFolder("lang-report-sections")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let district = CLI.fixture("siting-small"), sites = CLI.fixture("siting-small/plans/mixed.geojson")
        let plan = folder + "/plan.geojson"
        let feature = { (id: String, type: String, name: String, x: Double, y: Double) -> [String: Any] in
            [
                "type": "Feature", "properties": ["layer": "facilities", "id": id, "type": type, "name": name],
                "geometry": ["type": "Point", "coordinates": [x, y]]
            ]
        }
        let collection: [String: Any] = [
            "type": "FeatureCollection", "name": "east-kg",
            "features": [feature("kg-a", "kindergarten", "新幼儿园A", 120.3045, 30.305), feature("fire-new", "fire_station", "新消防站", 120.3098, 30.3025)]
        ]
        try JSONSerialization.data(withJSONObject: collection).write(to: URL(fileURLWithPath: plan))
        let arguments = ["report", "--district", district, "--sites", sites, "--plan", plan, "--map-type", "kindergarten", "--year", "2025"]
        let zh = try CLI.run(arguments + ["-o", folder + "/zh.html", "--lang", "zh"])
        let en = try CLI.run(arguments + ["-o", folder + "/en.html", "--lang", "en"])
        #expect(zh.status == 0 && en.status == 0, "\(zh.stderr) \(en.stderr)")
        let zhHTML = try String(contentsOfFile: folder + "/zh.html", encoding: .utf8)
        let enHTML = try String(contentsOfFile: folder + "/en.html", encoding: .utf8)

        // A rule's clause is the rules file's citation (no Chinese of its own there): each site row is cut before it,
        // and ids (kg-farm, rail-1) and vocabulary values (basic_farmland, public_service) are taken out.
        let siteRow = try NSRegularExpression(pattern: "(<tr[^>]*>(<td>[^<]*</td>){4})<td>[^<]*</td></tr>")
        var rows = siteRow.stringByReplacingMatches(in: zhHTML, range: NSRange(zhHTML.startIndex..., in: zhHTML), withTemplate: "$1</tr>")
        // The files' paths and the district's English name (a proper name) first.
        // The targets file's citation of the plan's population is its own words.
        let citation = "001_2693ffcf47e220f5.txt 第九篇 第四章 第一节; also seed 002, the 2025 goals"
        for cut in [plan, sites, folder, district, "Siting test district", "geodata/standards/siting-rules.json", citation] {
            rows = rows.replacingOccurrences(of: cut, with: " ")
        }
        rows = try NSRegularExpression(pattern: "\\b[a-z]+([-_][a-z0-9]+)+\\b").stringByReplacingMatches(
            in: rows, range: NSRange(rows.startIndex..., in: rows), withTemplate: " ")
        let words = try Self.visibleWords(rows, cut: [])
        // Ids (layers, the profile), the libraries and programs by name, and the CRS.
        let allowed: Set<String> = [
            "boundary", "subdistricts", "transit", "facilities", "constraints", "landuse", "population", "network",
            "qtplan", "GEOS", "CAPI", "PROJ", "GDAL", "WGS", "EPSG", "geodata", "SOURCES",
            // Land-use classes by their ids, as the rules allow them.
            "residential", "commercial", "reserved", "utilities", "industrial", "warehouse", "transport"
        ]
        #expect(words.subtracting(allowed).isEmpty, "\(words.subtracting(allowed).sorted())")
        for text in [
            "<p>审查 3 处选址：2 处全部规则通过，1 处至少一项规则不通过。</p>", "<h3>kg-a 新幼儿园A · 幼儿园</h3>",
            "<thead><tr><th>规则</th><th>结论</th><th>实测</th><th>限值</th><th>条文</th></tr></thead>", "6 个地块的椭球面积（WGS84 椭球）。",
            "<td>− 无地块覆盖的土地（缝隙）</td>", "2.1 km²（WGS84 椭球面积），较公布面积 +1.6%；2.1 km²（EPSG:4549）",
            "<thead><tr><th>服务</th><th class=\"num\">现状</th><th class=\"num\">east-kg</th>", "<tr><td>幼儿园</td>",
            "数据：部分为模拟（见 geodata/SOURCES.md），不是调查", "按1,000,000人（规划2025年常住人口，001_", "<th class=\"num\">按1,000,000人的值</th>", "title=\"放大\"", "不通过：不在永久基本农田内",
            "0 → 1 项服务", "西幼儿园 · 幼儿园 · 运营",
            "east-kg：2 项变更，来自 \(plan)；区级目标达标 0 项（现状 0 项）；新增选址：kg-a 新幼儿园A 提示，fire-new 新消防站 通过", "［条文未核实］"
        ] {
            #expect(zhHTML.contains(text), "\(text)")
        }
        // The English report as it was before --lang reached these sections (compared byte for byte with the build
        // before the change on the bundled district and this one).
        for text in [
            "<p>3 sites checked: 2 pass every rule, 1 fails at least one.</p>", "<h3>kg-a 新幼儿园A · kindergarten</h3>",
            "<thead><tr><th>Rule</th><th>Verdict</th><th>Measured</th><th>Limit</th><th>Clause</th></tr></thead>",
            "<p class=\"caption\">Geodesic (WGS84 ellipsoid) areas of 6 parcels.</p>", "<td>− land no parcel covers (gaps)</td>",
            "<td>Cropland 耕地 (room for the grain-growing area 粮食生产面积)</td>",
            "<td>2.1 km² geodesic (WGS84), +1.6% vs official; 2.1 km² planar in EPSG:4549</td>",
            "<thead><tr><th>Service</th><th class=\"num\">Baseline</th><th class=\"num\">east-kg</th><th class=\"num\">Δ pp</th><th class=\"num\">+ / −</th></tr></thead>",
            "<tr><td>kindergarten</td>",
            "east-kg: 2 changes from \(plan); district targets met 0 (baseline 0); added sites: kg-a 新幼儿园A warn, fire-new 新消防站 pass",
            " [clause not verified]", "<p class=\"meta\">2.1 km² official · 4,000 residents · metric CRS EPSG:4549 · standards profile gb50180: ",
            "<footer>Made by qtplan ", "Data: partly modelled (see geodata/SOURCES.md), not a survey", "title=\"Zoom in\"",
            "failed: outside permanent basic farmland",
            "0 → 1 services", "西幼儿园 · kindergarten · operating", "At 1,000,000 residents (the plan&#39;s 2025 population, 001_",
            "<th class=\"num\">At 1,000,000 residents</th>",
            "<figcaption>Drag to pan, wheel or buttons to zoom; hover a feature for its figures. kindergarten · walk 300 m (gb50180)"
        ] {
            #expect(enHTML.contains(text), "\(text)")
        }
    }

    @Test("service areas carry numbers: residents and the target group within the area, its name in a field of its own")
    func serviceAreaFieldsAreNumbers() throws {
        let folder = try Tool.temporaryFolder("lang-areas")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let walk = folder + "/walk.gpkg", radius = folder + "/radius.gpkg"
        var result = try CLI.run(["coverage", "--district", Self.district, "--type", "kindergarten", "--areas", walk, "--dissolve"])
        #expect(result.status == 0, "\(result.stderr)")
        result = try CLI.run([
            "coverage", "--district", Self.district, "--type", "kindergarten", "--mode", "radius", "--include-planned", "--areas", radius, "--dissolve"
        ])
        #expect(result.status == 0, "\(result.stderr)")
        for (path, residents, children) in [(walk, 1000, 50), (radius, 3000, 110)] {
            let schema = try Tool.run("ogrinfo", ["-ro", "-so", "-al", path]).output
            for field in ["residents", "target_residents"] {
                let line = try #require(schema.split(separator: "\n").first { $0.hasPrefix("\(field): ") }, "\(schema)")
                #expect(line.contains("Integer") || line.contains("Real"), "\(line)")
            }
            #expect(schema.contains("target_group: String") && schema.contains("applies_to: String"))
            // Arithmetic in GDAL's SQL works on numbers only.
            let sum = try Tool.run("ogrinfo", ["-ro", path, "-sql", "SELECT residents + 1 AS r, target_residents * 2 AS t, target_group FROM service_areas"])
                .output
            #expect(sum.contains("r (") && sum.contains("= \(residents + 1)"), "\(sum)")
            #expect(sum.contains("= \(children * 2)") && sum.contains("target_group (String) = aged_3_5"), "\(sum)")
        }
    }

    @Test("gaps and exported layers carry the sub-district's name from the sub-district layer")
    func subdistrictNamesInAttributeTables() throws {
        let folder = try Tool.temporaryFolder("lang-gaps")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let gaps = folder + "/gaps.gpkg"
        let result = try CLI.run(["coverage", "--district", Self.district, "--type", "kindergarten", "--gaps", gaps])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try Tool.run(
            "ogrinfo", ["-ro", gaps, "-sql", "SELECT population_feature, subdistrict_name, population * 1 AS p FROM gaps ORDER BY population_feature"]
        ).output
        let names = rows.split(separator: "\n").filter { $0.contains("subdistrict_name (String) = ") }.map { $0.components(separatedBy: " = ").last ?? "" }
        #expect(names == ["东街道", "东街道", "西街道"], "\(rows)") // pop-e1, pop-e2, pop-w2
        #expect(rows.contains("= 2000") && rows.contains("= 500"), "\(rows)")
        let export = folder + "/population.gpkg"
        let exported = try CLI.run(["export", "--district", Self.district, "--layer", "population", "-o", export])
        #expect(exported.status == 0, "\(exported.stderr)")
        let w1 = try Tool.run("ogrinfo", ["-ro", export, "-sql", "SELECT subdistrict, subdistrict_name FROM population WHERE id = 'pop-w1'"]).output
        #expect(w1.contains("subdistrict_name (String) = 西街道"), "\(w1)")
    }

    @Test("site-check --lang zh: header and verdicts in Chinese, each rule by the rules file's title_zh; the exit code unchanged")
    func siteCheckInChinese() throws {
        // siting-small (SiteCheckCommandTests): a kindergarten at 120.3045,30.3050 walking passes every rule but
        // coverage_gain (nobody new inside its circle), a warning.
        let args = ["site-check", "--district", CLI.fixture("siting-small"), "--type", "kindergarten", "--at", "120.3045,30.3050"]
        let zh = try CLI.run(args + ["--lang", "zh"])
        #expect(zh.status == 0, "\(zh.stderr)")
        let lines = zh.stdout.split(separator: "\n").map(String.init)
        #expect(lines[1].split(separator: " ", omittingEmptySubsequences: true) == ["结论", "规则", "实测", "限值"], "\(lines[1])")
        #expect(lines.contains { $0.hasPrefix("通过") && $0.contains("位于区界内") })
        #expect(lines.contains { $0.hasPrefix("提示") && $0.contains("新增覆盖居民") })
        // What each rule measured and its limit, and the unverified-clause mark, in Chinese too (ChromeWord.siting):
        // rail-1 runs along 30.3098°N, 0.0048° north of the site: 0.0048 · 110,856 m per degree of latitude at 30.3°N
        // = 532.1 m, printed 532米.
        #expect(lines.contains { $0.contains("距 rail-1 城际铁路 532米") && $0.contains("≥ 300米") }, "\(zh.stdout)")
        #expect(zh.stdout.contains("［条文未核实］") && !zh.stdout.contains("[clause not verified]"))
        #expect(zh.stdout.contains("siting-rules.json（内置）"))
        #expect(!zh.stdout.contains("inside_district") && !zh.stdout.contains("coverage_gain "))
        // The site's heading and the footer too.
        #expect(lines[0] == "选址 site：幼儿园，位于 120.3045000,30.3050000：提示（0 项不通过，1 项提示，共 12 项规则）", "\(lines[0])")
        for text in ["结果    全部选址通过（1 处有提示）", "生活圈  幼儿园 步行300米 (gb50180)", "数据    居民与设施为模拟数据"] {
            #expect(zh.stdout.contains(text), "\(text)\n\(zh.stdout)")
        }
        for english in ["Site site", "Result", "every site passes", "Circles", "modelled residents"] {
            #expect(!zh.stdout.contains(english), "\(english)")
        }
        let en = try CLI.run(args)
        #expect(en.status == 0 && en.stdout.contains("warn     coverage_gain "))
    }

    @Test("landuse --lang zh: the header in Chinese, the area's unit in the standards file's word (平方公里, 亩)")
    func landUseTableInChinese() throws {
        let district = CLI.fixture("landuse-split")
        let km2 = try CLI.run(["landuse", "--district", district, "--by", "class", "--lang", "zh"])
        #expect(km2.status == 0, "\(km2.stderr)")
        let header = km2.stdout.split(separator: "\n")[0].split(separator: " ", omittingEmptySubsequences: true)
        // km² is printed 平方公里: the word of units.km2 in life-circles.json (the code's own symbol is km²).
        #expect(header == ["地类", "代码", "名称", "面积（平方公里）", "占比"], "\(header)")
        // The footer: labels and sentences in Chinese, the areas in the standards file's units.
        for text in ["地块合计      2.133 平方公里，椭球面积（WGS84），较公布面积 -3.1%", "面积核对      合计 − （边界 − 缝隙 + 重叠 + 区界外）= 0 平方米", "耕地          800 亩"] {
            #expect(km2.stdout.contains(text), "\(text)\n\(km2.stdout)")
        }
        for english in ["Total of parcels", "Reconciliation", "Cropland", "Green space share", "MODELLED", "vs official"] {
            #expect(!km2.stdout.contains(english), "\(english)")
        }
        let mu = try CLI.run(["landuse", "--district", district, "--by", "class", "--unit", "mu", "--lang", "zh"])
        #expect(mu.stdout.hasPrefix("地类") && mu.stdout.split(separator: "\n")[0].contains("面积（亩）"))
        let en = try CLI.run(["landuse", "--district", district, "--by", "class"])
        #expect(en.stdout.split(separator: "\n")[0].split(separator: " ", omittingEmptySubsequences: true) == ["class", "code", "名称", "area", "km²", "share"])
        // The figures are the same in both languages.
        let figures = { (text: String) in text.split(separator: "\n").dropFirst().map { $0.split(separator: " ", omittingEmptySubsequences: true).suffix(2) } }
        #expect(figures(km2.stdout).prefix(3) == figures(en.stdout).prefix(3))
    }

    @Test("compare --lang zh: the header and the services in Chinese; closing the one kindergarten takes its 25.0% to 0.0%")
    func compareTableInChinese() throws {
        // coverage-small (CoverageCommandTests): kg-1 is the only kindergarten, 1,000 of 4,000 residents walk to it.
        let folder = try Tool.temporaryFolder("lang-compare")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plan = folder + "/close.geojson"
        let collection: [String: Any] = [
            "type": "FeatureCollection", "name": "close",
            "features": [["type": "Feature", "properties": ["layer": "facilities", "action": "close", "id": "kg-1"], "geometry": NSNull()]]
        ]
        try JSONSerialization.data(withJSONObject: collection).write(to: URL(fileURLWithPath: plan))
        let args = ["compare", "--type", "kindergarten", "--district", CLI.fixture("coverage-small"), "--plan", plan]
        let zh = try CLI.run(args + ["--lang", "zh"])
        #expect(zh.status == 0, "\(zh.stderr)")
        let lines = zh.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        #expect(lines[0] == ["服务", "生活圈", "现状", "close"], "\(lines[0])")
        #expect(lines[1].first == "幼儿园" && lines[1].contains("25.0%") && lines[1].contains { $0.hasPrefix("0.0%") }, "\(lines[1])")
        // The lines on the plan and the footer too.
        for text in ["方案 close (", "  居民      幼儿园 +0 / −1,000", "  重新计算  幼儿园", "  结论      变差：至少一项覆盖人数减少一人以上", "覆盖率  生活圈内居民的比例"] {
            #expect(zh.stdout.contains(text), "\(text)\n\(zh.stdout)")
        }
        for english in ["Plan close", "Residents", "Measured again", "Verdict", "WORSE", "Shares", "walk"] {
            #expect(!zh.stdout.contains(english), "\(english)")
        }
        let en = try CLI.run(args)
        #expect(en.stdout.hasPrefix("service ") && en.stdout.contains("kindergarten "))
        #expect(en.stdout.contains("  Verdict         WORSE: a covered count falls by at least one resident"), "\(en.stdout)")
    }

    /// Lines of `text` containing no English chrome word: every Latin word in them is one of `allowed` (ids, layer
    /// names, CRS and file names the files write).
    static func englishWords(_ text: String, allowed: Set<String>) -> [String] {
        let words = text.split { !($0.isASCII && $0.isLetter) }.map(String.init).filter { $0.count > 1 }
        return words.filter { !allowed.contains($0) }
    }

    @Test("info --lang zh: labels, feature counts and sources in Chinese; the manifest's zh is the default; en unchanged")
    func infoInChinese() throws {
        let zh = try CLI.run(["info", "--district", Self.district, "--lang", "zh"])
        #expect(zh.status == 0, "\(zh.stderr)")
        // coverage-ages: 覆盖测试区, 2.1 km², 4,000 residents, 4 population features.
        for text in ["区  ", "覆盖测试区", "面积（公布）", "边界面积", "较公布面积 +1.6%", "平面面积", "居民", "4,000", "图层 population", "4 个要素"] {
            #expect(zh.stdout.contains(text), "\(text): \(zh.stdout)")
        }
        let allowed: Set<String> = [
            "km", "WGS", "EPSG", "boundary", "subdistricts", "facilities", "constraints", "population", "network", "Coverage", "test", "district"
        ]
        #expect(Self.englishWords(zh.stdout, allowed: allowed).isEmpty, "\(Self.englishWords(zh.stdout, allowed: allowed))")
        let en = try CLI.run(["info", "--district", Self.district])
        let explicit = try CLI.run(["info", "--district", Self.district, "--lang", "en"])
        #expect(en.stdout == explicit.stdout && en.stdout.hasPrefix("District ") && en.stdout.contains("Layer population    4 features"))
        let byManifest = try Self.copy("coverage-ages", lang: "zh")
        defer { try? FileManager.default.removeItem(atPath: (byManifest as NSString).deletingLastPathComponent) }
        let manifest = try CLI.run(["info", "--district", byManifest])
        #expect(manifest.stdout == zh.stdout)
        // JSON never changes.
        #expect(
            try CLI.run(["info", "--district", byManifest, "--format", "json"]).stdout
                == CLI.run(["info", "--district", Self.district, "--format", "json"]).stdout)
    }

    @Test("validate --lang zh: the checks' titles, statuses and the result in Chinese; the exit code and stderr unchanged")
    func validateInChinese() throws {
        let zh = try CLI.run(["validate", "--district", CLI.fixture("broken-gap"), "--lang", "zh"])
        let en = try CLI.run(["validate", "--district", CLI.fixture("broken-gap")])
        #expect(zh.status == 65 && en.status == 65)
        #expect(zh.stderr == en.stderr)
        let labels = zh.stdout.split(separator: "\n").map { String($0.split(separator: " ").first ?? "") }
        #expect(labels.prefix(3) == ["区", "图层解析", "几何类型"], "\(labels)")
        #expect(zh.stdout.contains("subdistricts 铺满检查（无缝隙、无重叠）  1 个错误"), "\(zh.stdout)")
        #expect(zh.stdout.contains("结果") && zh.stdout.contains("未通过：1 个错误，0 个警告"))
        #expect(zh.stdout.contains("\n问题\n错误     "))
        // (each check's figures stay as the check writes them: "boundary 1, subdistricts 2; not present: …")
        #expect(zh.stdout.contains("landuse 铺满检查（无缝隙、无重叠）       无此图层"), "\(zh.stdout)")
        for english in ["layers parse", "geometry types", "Result", "failed", "Problems", "error "] {
            #expect(!zh.stdout.contains(english), "\(english)")
        }
        #expect(en.stdout.contains("Result") && en.stdout.contains("failed: 1 error, 0 warnings"))
        let explicit = try CLI.run(["validate", "--district", CLI.fixture("broken-gap"), "--lang", "en"])
        #expect(explicit.stdout == en.stdout)
        let ok = try CLI.run(["validate", "--district", Self.district, "--lang", "zh"])
        #expect(ok.status == 0 && ok.stdout.contains("结果") && ok.stdout.contains("通过：0 个错误，0 个警告"), "\(ok.stdout)")
    }

    @Test("site-suggest --lang zh: header, circle and footer in Chinese, the type by the standards file's name; en unchanged")
    func siteSuggestInChinese() throws {
        // siting-small (SiteSuggestCommandTests): the best grid site brings 1,500 of 4,000 residents (37.5%) inside
        // a 300 m walk.
        let args = ["site-suggest", "--district", CLI.fixture("siting-small"), "--type", "kindergarten", "--count", "1"]
        let zh = try CLI.run(args + ["--lang", "zh"])
        #expect(zh.status == 0, "\(zh.stderr)")
        let lines = zh.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0].split(separator: " ") == ["序号", "选址", "经度,纬度", "新增覆盖", "覆盖", "覆盖率", "提示"], "\(lines[0])")
        #expect(lines[1].contains("1,500") && lines[1].contains("37.5%"))
        for text in ["类型    幼儿园: 步行300米", "居民    4,000；现有设施生活圈内 0（0.0%）；加上 1 处选址后 1,500（37.5%）", "候选点", "方法", "惰性求值贪心算法", "数据"] {
            #expect(zh.stdout.contains(text), "\(text): \(zh.stdout)")
        }
        for english in ["rank", "gain", "Residents", "Candidates", "Method", "greedy", "walk", "inside an existing circle"] {
            #expect(!zh.stdout.contains(english), "\(english)")
        }
        let en = try CLI.run(args)
        #expect(en.stdout == (try CLI.run(args + ["--lang", "en"])).stdout)
        #expect(en.stdout.hasPrefix("rank  site") && en.stdout.contains("kindergarten: 300 m walk"))
    }

    @Test("isochrone --lang zh: the header, the mode and the direction in Chinese; the figures the same")
    func isochroneInChinese() throws {
        let folder = try Tool.temporaryFolder("lang-iso")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let args = ["isochrone", "--district", Self.district, "--facility", "kg-1", "--minutes", "5", "-o", folder + "/iso.geojson"]
        let zh = try CLI.run(args + ["--lang", "zh"])
        #expect(zh.status == 0, "\(zh.stderr)")
        let en = try CLI.run(args)
        let zhLines = zh.stdout.split(separator: "\n").map(String.init), enLines = en.stdout.split(separator: "\n").map(String.init)
        #expect(zhLines[0].hasSuffix("，步行，前往设施"), "\(zhLines[0])")
        #expect(enLines[0].hasSuffix(", walk, to_facility"), "\(enLines[0])")
        #expect(zhLines[1].split(separator: " ") == ["分钟", "面积", "km²", "居民"])
        // kg-1's 5-minute walk holds w1's 1,000 residents in both languages.
        let cells = { (lines: [String]) in lines.dropFirst(2).map { $0.split(separator: " ").map(String.init) } }
        #expect(cells(zhLines) == cells(enLines) && cells(zhLines) == [["5", "0.25", "1,000"]], "\(zhLines)")
        let drive = try CLI.run([
            "isochrone", "--district", Self.district, "--facility", "kg-1", "--minutes", "5", "--mode", "drive",
            "--direction", "from_facility", "-o", folder + "/drive.geojson", "--lang", "zh"
        ])
        #expect(drive.stdout.split(separator: "\n")[0].hasSuffix("，驾车，从设施出发"), "\(drive.stdout)")
    }
}
