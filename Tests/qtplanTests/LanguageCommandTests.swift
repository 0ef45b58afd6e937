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
        #expect(row == ["幼儿园", "walk", "distance", "300", "m", "1", "4,000", "1,000", "25.0%", "3–5岁幼儿", "22.7%"], "\(row)")
        #expect(lines[2].contains("西街道") && zh.stdout.contains("标准"))
        #expect(!zh.stdout.contains("kindergarten ") && !zh.stdout.contains("aged_3_5 "))
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
        // The rows met say 是, not met 否.
        let sports = try #require(result.stdout.split(separator: "\n").first { $0.contains("指标区") && $0.contains("人均体育场地面积") })
        #expect(sports.contains(" 否 "))
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
        #expect(!zh.stdout.contains("inside_district") && !zh.stdout.contains("coverage_gain "))
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
        let en = try CLI.run(args)
        #expect(en.stdout.hasPrefix("service ") && en.stdout.contains("kindergarten "))
    }
}
