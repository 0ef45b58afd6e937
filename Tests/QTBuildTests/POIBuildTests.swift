import Foundation
import QTGeometry
import QTModel
import QTProjection
import Testing

@testable import QTBuild

/// The planner's POI exports on the hand-written extract (Tests/Fixtures/planner/README.md): every expectation
/// below is worked by hand from the fixture's rows, the mapping tables and the OSM facilities of small.osm.
@Suite struct POIBuildTests {
    static func planner(_ name: String) -> String { BuildFixture.root.appendingPathComponent("Tests/Fixtures/planner/\(name)").path }
    static func schema(_ provider: String) throws -> POISchema {
        try POISchema.load(path: BuildFixture.standards + "/poi-\(provider).json")
    }

    static func build(_ file: String, provider: String, crs: String? = nil, encoding: String? = nil) throws -> DistrictBuildResult {
        let path = planner(file)
        let input = BuildInput(role: .pois, path: path, crs: crs, settings: encoding.map { ["encoding": $0] } ?? [:])
        return try DistrictBuilder.build(
            DistrictBuildRequest(
                inputs: [BuildInput(role: .osm, path: BuildFixture.osm("small.osm")), input], boundary: .osmRelation(920),
                options: DistrictBuildOptions(marginMetres: 200), tables: try BuildFixture.tables(),
                generator: "qtplan tests", folderName: "small", poiSchemas: [path: try schema(provider)]))
    }

    static func position(_ f: Feature?) -> Coordinate? {
        if case .point(let p)? = f?.geometry { return p.coordinate }
        return nil
    }

    /// The WGS84 positions the fixture's GCJ-02 and BD-09 cells were made from (README.md beside it).
    static let intended: [String: Coordinate] = [
        "poi-B0FFA00002-middle_school": Coordinate(lon: 120.3041, lat: 30.3036),
        "poi-B0FFA00004": Coordinate(lon: 120.3005, lat: 30.3000),
        "poi-B0FFA00006": Coordinate(lon: 120.3090, lat: 30.3060),
        "poi-B0FFA00007": Coordinate(lon: 120.3025, lat: 30.3005),
        "poi-B0FFA00009": Coordinate(lon: 120.3095, lat: 30.3045),
        "poi-B0FFA00010": Coordinate(lon: 120.3000, lat: 30.3065),
        "poi-B0FFA00011": Coordinate(lon: 120.3050, lat: 30.2995)
    ]

    @Test func amapExportJoinsTheFacilities() throws {
        let result = try Self.build("amap-pois.csv", provider: "amap")
        let facilities = try #require(result.layers[.facilities]).features
        // 8 from OSM (small.osm's facilities, as PlacesBuildTests expects), 7 POIs added, 3 merged.
        #expect(facilities.filter { $0.properties["source"]?.stringValue?.hasPrefix("osm:") == true }.count == 8)
        let pois = facilities.filter { $0.properties["source"]?.stringValue == "poi:amap-pois.csv" }
        #expect(Set(pois.compactMap { $0.properties["id"]?.stringValue }) == Set(Self.intended.keys))
        let types = Dictionary(uniqueKeysWithValues: pois.map { ($0.properties["id"]!.stringValue!, $0.properties["type"]!.stringValue!) })
        #expect(
            types == [
                "poi-B0FFA00002-middle_school": "middle_school", // 141203|141202: the primary merged, the middle school added
                "poi-B0FFA00004": "middle_school", // 141202, 初级中学
                "poi-B0FFA00006": "community_health_centre", // name rule 社区卫生服务中心
                "poi-B0FFA00007": "childcare", // name rule 托育 (its code 141400 is a training school)
                "poi-B0FFA00009": "park", // 110101
                "poi-B0FFA00010": "culture_facility", // 140500 as 140500
                "poi-B0FFA00011": "community_health_centre" // name rule 卫生院; 090102 written unquoted
            ])
        // GCJ-02 cells back in WGS84 where they were made (the 6-decimal cells: ±0.1 m; the inverse: millimetres).
        for poi in pois {
            let id = poi.properties["id"]!.stringValue!
            let at = try #require(Self.position(poi))
            #expect(Geodesic.wgs84.distance(from: at, to: Self.intended[id]!) < 0.3, "\(id)")
            #expect(poi.properties["accuracy_m"]?.doubleValue == 10)
        }
        // 河庄卫生院: the name rule 卫生院 decides (Amap also files 卫生院 under 090000, seen in a public response); its
        // code, written unquoted, is read back as 090102, not 90102.
        let hezhuang = try #require(facilities.first { $0.properties["id"]?.stringValue == "poi-B0FFA00011" })
        #expect(hezhuang.properties["type_basis"]?.stringValue == "name contains '卫生院'")
        #expect(hezhuang.properties["poi_code"]?.stringValue == "090102")
        #expect(
            facilities.first { $0.properties["id"]?.stringValue == "poi-B0FFA00004" }?.properties["type_basis"]?.stringValue
                == "code 141202, name contains '初级中学'")
        // Merged: 阳光幼儿园(东园) ~14 m from node 40 阳光幼儿园 (brackets dropped); 实验学校 ~14 m from node 41
        // (its primary school); 社区卫生服务站 ~21 m from node 43. Both sources kept on the OSM feature.
        for (id, poiId) in [("osm-n40", "B0FFA00001"), ("osm-n41", "B0FFA00002"), ("osm-n43", "B0FFA00005")] {
            let f = try #require(BuildFixture.feature(result, .facilities, id))
            #expect(f.properties["also"]?.arrayValue == [.string("poi:amap-pois.csv")], "\(id)")
            #expect(f.properties["poi_id"]?.stringValue == poiId)
            #expect(f.properties["source"]?.stringValue?.hasPrefix("osm:node/") == true)
        }
        #expect(BuildFixture.feature(result, .facilities, "osm-n40")?.properties["poi_name"]?.stringValue == "阳光幼儿园(东园)")
        let excluded = result.manifest.build?.excluded ?? [:]
        #expect(excluded.first { $0.key.hasPrefix("pois: the same facility") }?.value == 3)
        #expect(excluded["pois: code 141202, name contains '高级中学': no life-circle service [amap-pois.csv]"] == 1)
        #expect(excluded["pois: beyond the boundary and its margin [amap-pois.csv]"] == 1) // 远方幼儿园
        #expect(result.manifest.build?.unmapped["pois: code 050100 (餐饮服务;中餐厅;中餐厅) [amap-pois.csv]"] == 1)
        #expect(result.manifest.build?.defaults["pois amap-pois.csv.crs"] == "the amap schema's default (GCJ02): no --pois-crs")
        #expect(result.manifest.build?.inputs.contains { $0.role == "pois" && $0.file.hasSuffix("amap-pois.csv") } == true)
    }

    @Test func gbkWithItsCodePageBuildsTheSameFacilities() throws {
        let utf8 = try Self.build("amap-pois.csv", provider: "amap").layers[.facilities]!.features
        let gbk = try Self.build("amap-pois-gbk.csv", provider: "amap", encoding: "GBK").layers[.facilities]!.features
        func strip(_ fs: [Feature]) -> [String] {
            fs.map { f in "\(f.properties["id"]!) \(f.properties["type"]!) \(f.properties["name"] ?? .null) \(f.geometry!)" }
        }
        #expect(strip(utf8) == strip(gbk))
        #expect(throws: BuildError.self) { try Self.build("amap-pois-gbk.csv", provider: "amap") }
    }

    @Test func aGCJ02ExportSaidToBeWGS84IsRefused() throws {
        do {
            _ = try Self.build("amap-pois.csv", provider: "amap", crs: "WGS84")
            Issue.record("built")
        } catch let error as BuildError {
            #expect(error.description.contains("the file looks like GCJ-02, not WGS84"))
            #expect(error.description.contains("give --pois-crs GCJ02"))
        }
    }

    @Test func baiduExportInBD09() throws {
        let result = try Self.build("baidu-pois.csv", provider: "baidu")
        let f = try #require(BuildFixture.feature(result, .facilities, "poi-baidu-uid-2"))
        #expect(f.properties["type"]?.stringValue == "primary_school")
        #expect(f.properties["source"]?.stringValue == "poi:baidu-pois.csv")
        // BD-09 cells of 6 decimals (±0.1 m) undone through GCJ-02 (the published formula is good to ~0.1 m).
        #expect(Geodesic.wgs84.distance(from: try #require(Self.position(f)), to: Coordinate(lon: 120.3060, lat: 30.3010)) < 0.5)
        #expect(BuildFixture.feature(result, .facilities, "osm-n40")?.properties["also"]?.arrayValue == [.string("poi:baidu-pois.csv")])
        #expect(result.layers[.facilities]!.features.allSatisfy { $0.properties["name"]?.stringValue != "钱塘高级中学" })
    }

    @Test func osmTaggedGeoJSON() throws {
        let result = try Self.build("osm-pois.geojson", provider: "osm")
        let kindergarten = try #require(BuildFixture.feature(result, .facilities, "poi-node_9001"))
        #expect(kindergarten.properties["type"]?.stringValue == "kindergarten")
        #expect(kindergarten.properties["type_basis"]?.stringValue == "amenity=kindergarten")
        #expect(Self.position(kindergarten) == Coordinate(lon: 120.3080, lat: 30.3000))
        #expect(BuildFixture.feature(result, .facilities, "poi-node_9002")?.properties["type"]?.stringValue == "primary_school")
        #expect(result.manifest.build?.unmapped["pois: amenity=cafe [osm-pois.geojson]"] == 1)
    }

    @Test func namesMatchAfterBracketsSpacesAndSuffixes() {
        let m = NameMatch(maximumEdits: 2, suffixes: ["分校", "校区", "分园"], generic: ["幼儿园", "小学", "中学", "学校"], editShare: 0.2)
        #expect(m.matches("阳光幼儿园(东园)", "阳光幼儿园"))
        #expect(m.matches("阳光幼儿园(分园)", "阳光幼儿园"))
        #expect(m.matches("阳光幼儿园分园", "阳光幼儿园"))
        #expect(m.matches("实验学校 分校", "实验学校"))
        #expect(m.matches("实验学校（东校区）", "实验学校"))
        #expect(m.matches("阳光", "阳光幼儿园")) // one name without its generic suffix
        #expect(!m.matches("", ""))
        #expect(NameMatch.distance(Array("kitten"), Array("sitting"), limit: 5) == 3)
    }

    /// The length-scaled rule worked by hand (share 0.2, at most 2 edits): a core of n characters allows ⌊0.2 n⌋ edits.
    @Test func nearNamesMergeOnlyWhenTheCoreIsLongEnough() {
        let m = NameMatch(maximumEdits: 2, suffixes: ["分校", "校区", "分园"], generic: ["幼儿园", "小学", "中学", "学校"], editShare: 0.2)
        // Cores 阳光 and 彩虹: 2 characters, 0 edits allowed; they are 2 edits apart: two kindergartens.
        #expect(m.parts("阳光幼儿园").core == "阳光" && m.parts("阳光幼儿园").generic == "幼儿园")
        #expect(m.allowedEdits(length: 2) == 0)
        #expect(!m.matches("阳光幼儿园", "彩虹幼儿园"))
        #expect(!m.matches("阳光幼儿园", "阳明幼儿园")) // one edit, but a 2-character core allows none
        // 钱塘区金沙湖实验 (8 characters) allows 1 edit: a one-character typo (湖 → 糊) is the same place.
        #expect(m.allowedEdits(length: 8) == 1)
        #expect(m.matches("钱塘区金沙湖实验幼儿园", "钱塘区金沙糊实验幼儿园"))
        #expect(!m.matches("钱塘区金沙湖实验幼儿园", "钱塘区金沙湖育才幼儿园")) // 2 edits > 1
        // 10 characters allow 2 edits; the cap (max_edit_distance 2) holds beyond.
        #expect(m.allowedEdits(length: 10) == 2 && m.allowedEdits(length: 30) == 2)
        #expect(m.matches("杭州市钱塘区下沙街道中心幼儿园", "杭州市钱塘区下纱街到中心幼儿园"))
        // Numerals and directions are never typos: 第一 ≠ 第二, 东 ≠ 西, even in a long name.
        #expect(!m.matches("杭州市钱塘区下沙第一小学", "杭州市钱塘区下沙第二小学"))
        #expect(!m.matches("杭州市钱塘区下沙东幼儿园", "杭州市钱塘区下沙西幼儿园"))
        // Different generic types are different places: a 小学 and a 中学 of one name stand side by side.
        #expect(!m.matches("钱塘实验小学", "钱塘实验中学"))
    }

    /// The shipped tables carry the length-scaled rule (edit_share 0.2, the generic type words) for every provider.
    @Test(arguments: ["amap", "baidu", "osm"]) func theShippedTablesScaleTheRule(_ provider: String) throws {
        let schema = try Self.schema(provider)
        #expect(schema.dedupeEditShare == 0.2 && schema.dedupeEditDistance == 2)
        #expect(schema.dedupeGeneric.contains("幼儿园") && schema.dedupeGeneric.contains("社区卫生服务中心"))
        let m = schema.nameMatch
        #expect(!m.matches("阳光幼儿园", "彩虹幼儿园"))
        #expect(m.matches("阳光幼儿园(分园)", "阳光幼儿园"))
        #expect(m.matches("钱塘区金沙湖实验幼儿园", "钱塘区金沙糊实验幼儿园"))
        #expect(!m.matches("下沙街道第一社区卫生服务站", "下沙街道第二社区卫生服务站"))
    }

    @Test func severalCodesGiveEveryTypeAndTheSchoolSplitsByName() throws {
        let schema = try Self.schema("amap")
        let c = POIClassifier(schema: schema, osmRules: try BuildFixture.tables().facilities)
        func record(_ name: String, _ codes: [String]) -> POIRecord {
            POIRecord(row: 1, id: nil, name: name, codes: codes, label: nil, tags: [:], raw: Coordinate(x: 0, y: 0), position: Coordinate(x: 0, y: 0))
        }
        #expect(
            c.classify(record("钱塘实验学校", ["141203", "141202"]))
                == .types([.primarySchool, .middleSchool], basis: "code 141203|141202, secondary school, name says no level: the default"))
        #expect(c.classify(record("钱塘高级中学", ["141202"])) == .noService("code 141202, name contains '高级中学'"))
        #expect(
            c.classify(record("某某九年一贯制学校", ["141203|141202"].flatMap { $0.split(separator: "|").map(String.init) }))
                == .types([.primarySchool, .middleSchool], basis: "code 141203|141202, name contains '九年一贯'"))
        #expect(c.classify(record("职业学校", ["141206"])) == .noService("code 141206"))
        #expect(c.classify(record("某书店", ["061205"])) == .unmapped("pois: code 061205"))
        #expect(c.classify(record("体育中心", ["080102"])) == .types([.sportsGround], basis: "code 080102 as 080100"))
        #expect(c.classify(record("某社区卫生服务站", ["090300"])) == .types([.communityHealthCentre], basis: "name contains '社区卫生服务站'"))
    }

    @Test func aMappingWithATypoIsRefusedNamingTheField() {
        let text =
            #"{"provider": "x", "default_crs": "GCJ02", "code_style": "amap", "columns": {"code": ["typecode"]}, "code_separator": "|", "#
            + #""codes": {"141204": {"label": "幼儿园", "types": ["kindergarden"]}}, "names": [], "school_names": [], "school_default": [], "#
            + #""dedupe": {"within_m": 50, "max_edit_distance": 2, "strip": []}}"#
        #expect(
            throws: TableError.invalid(
                path: "m.json", field: "codes.141204.types[0]",
                detail: "unknown facility type 'kindergarden' (known: "
                    + FacilityType.allCases.map(\.rawValue).joined(separator: ", ") + ", secondary_school)")
        ) {
            _ = try POISchema.parse(data: Data(text.utf8), path: "m.json")
        }
    }
}
