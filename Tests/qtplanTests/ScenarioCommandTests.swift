import Foundation
import QTTestSupport
import Testing

/// Scenarios (issue 17) on the hand-made 2 × 1 km district `coverage-small`: a plan applied by `--plan` gives what
/// editing the folder by hand gives; a facility added where one stands changes nothing; closing and re-adding
/// gives the baseline; `compare`'s shortcut (only touched services measured again) equals measuring everything.
@Suite("scenarios: --plan and compare")
struct ScenarioCommandTests {
    static let fixture = CLI.fixture("coverage-small")

    /// A GeoJSON plan file in `folder`.
    static func plan(_ folder: String, _ file: String, name: String, _ features: [[String: Any]]) throws -> String {
        let path = folder + "/" + file
        let collection: [String: Any] = ["type": "FeatureCollection", "name": name, "features": features]
        try JSONSerialization.data(withJSONObject: collection).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func point(_ x: Double, _ y: Double) -> [String: Any] { ["type": "Point", "coordinates": [x, y]] }

    static func feature(_ properties: [String: Any], _ geometry: [String: Any]? = nil) -> [String: Any] {
        ["type": "Feature", "properties": properties, "geometry": geometry ?? NSNull()]
    }

    /// The services of a `coverage --format json` run, without the plan's name (which only the plan run has).
    static func shares(_ stdout: String) throws -> [NSDictionary] {
        let list = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [[String: Any]])
        return list.map { item in
            var copy = item
            copy.removeValue(forKey: "plan")
            return copy as NSDictionary
        }
    }

    /// Reads, edits and writes back one layer file of a district folder.
    static func edit(_ file: String, _ body: (inout [[String: Any]]) -> Void) throws {
        let url = URL(fileURLWithPath: file)
        var collection = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var features = try #require(collection["features"] as? [[String: Any]])
        body(&features)
        collection["features"] = features
        try JSONSerialization.data(withJSONObject: collection).write(to: url)
    }

    @Test("a plan applied with --plan gives every share that editing the folder by hand gives")
    func planEqualsHandEditedFolder() throws {
        let folder = try Tool.temporaryFolder("scenario")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let kindergarten: [String: Any] = [
            "id": "kg-3", "type": "kindergarten", "name": "东幼儿园", "status": "operating",
            "source": "plan:handy", "accuracy_m": 0
        ]
        let street: [String: Any] = [
            "id": "edge-new", "road_class": "local", "walk": true, "drive": true, "oneway": false,
            "speed_kmh": 30, "source": "plan:handy", "accuracy_m": 0
        ]
        let streetLine: [String: Any] = ["type": "LineString", "coordinates": [[120.31, 30.302], [120.314, 30.305]]]
        let parcel: [String: Any] = [
            "id": "pop-new", "population": 800, "subdistrict": "e", "urban": true, "future_community": false,
            "aged_60_plus_share": 0.15, "source": "plan:handy", "accuracy_m": 0
        ]
        let parcelShape: [String: Any] = [
            "type": "Polygon",
            "coordinates": [
                [
                    [120.313, 30.3045], [120.315, 30.3045], [120.315, 30.3055],
                    [120.313, 30.3055], [120.313, 30.3045]
                ]
            ]
        ]
        let plan = try Self.plan(
            folder, "plan.geojson", name: "handy",
            [
                Self.feature(["layer": "facilities", "action": "close", "id": "kg-1"]),
                Self.feature(kindergarten.merging(["layer": "facilities"]) { $1 }, Self.point(120.3125, 30.3025)),
                Self.feature(street.merging(["layer": "network"]) { $1 }, streetLine),
                Self.feature(parcel.merging(["layer": "population"]) { $1 }, parcelShape)
            ])
        // The same changes by hand, in a copy of the folder.
        let edited = folder + "/edited"
        try FileManager.default.copyItem(atPath: Self.fixture, toPath: edited)
        try Self.edit(edited + "/facilities.geojson") { features in
            features.removeAll { ($0["properties"] as? [String: Any])?["id"] as? String == "kg-1" }
            features.append(Self.feature(kindergarten, Self.point(120.3125, 30.3025)))
        }
        try Self.edit(edited + "/network.geojson") { $0.append(Self.feature(street, streetLine)) }
        try Self.edit(edited + "/population.geojson") { $0.append(Self.feature(parcel, parcelShape)) }
        let manifestURL = URL(fileURLWithPath: edited + "/district.json")
        var manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: manifestURL)) as? [String: Any])
        manifest["residents"] = 4800
        try JSONSerialization.data(withJSONObject: manifest).write(to: manifestURL)

        let planned = try CLI.run(["coverage", "--all", "--format", "json", "--district", Self.fixture, "--plan", plan])
        let byHand = try CLI.run(["coverage", "--all", "--format", "json", "--district", edited])
        #expect(planned.status == 0 && byHand.status == 0, "\(planned.stderr) \(byHand.stderr)")
        let a = try Self.shares(planned.stdout), b = try Self.shares(byHand.stdout)
        #expect(a.count == b.count && a.count > 3)
        #expect(a == b)
        // The plan changed something: the baseline differs (kg-1 closed, residents added).
        let baseline = try Self.shares(try CLI.run(["coverage", "--all", "--format", "json", "--district", Self.fixture]).stdout)
        #expect(baseline != a)
        #expect(planned.stdout.contains("\"plan\": \"handy (\(plan)): 4 changes\""))
    }

    /// Every service's change in a `compare --format json` run, for the first plan.
    static func changes(_ stdout: String) throws -> [(change: Double, gained: Double, lost: Double)] {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        let services = try #require(root["services"] as? [[String: Any]])
        return try services.map { service in
            let plan = try #require((service["plans"] as? [[String: Any]])?.first)
            return (
                try #require(plan["change_pp"] as? Double), try #require(plan["newly_covered"] as? Double),
                try #require(plan["newly_lost"] as? Double)
            )
        }
    }

    @Test("adding a facility where one of its type stands changes no share; closing and re-adding gives the baseline")
    func noOpPlansLeaveTheBaseline() throws {
        let folder = try Tool.temporaryFolder("scenario")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let twin = try Self.plan(
            folder, "twin.geojson", name: "twin",
            [
                Self.feature(["layer": "facilities", "id": "kg-1-twin", "type": "kindergarten"], Self.point(120.3025, 30.3021))
            ])
        let again = try Self.plan(
            folder, "again.geojson", name: "again",
            [
                Self.feature(["layer": "facilities", "action": "close", "id": "kg-1"]),
                Self.feature(["layer": "facilities", "id": "kg-1-rebuilt", "type": "kindergarten", "status": "operating"], Self.point(120.3025, 30.3021))
            ])
        for plan in [twin, again] {
            let result = try CLI.run(["compare", "--all", "--format", "json", "--district", Self.fixture, "--plan", plan, "--fail-if-worse"])
            #expect(result.status == 0, "\(result.stderr)")
            let changes = try Self.changes(result.stdout)
            #expect(!changes.isEmpty)
            #expect(changes.allSatisfy { $0.change == 0 && $0.gained == 0 && $0.lost == 0 }, "\(plan): \(changes)")
        }
    }

    @Test("compare measures again only what a plan touches, and gets what measuring everything gets")
    func shortcutEqualsFullRecompute() throws {
        let folder = try Tool.temporaryFolder("scenario")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let kindergartens = try Self.plan(
            folder, "kg.geojson", name: "kg",
            [
                Self.feature(["layer": "facilities", "id": "kg-east", "type": "kindergarten", "cost": 8_000_000], Self.point(120.3145, 30.3049))
            ])
        let streets = try Self.plan(
            folder, "streets.geojson", name: "streets",
            [
                Self.feature(
                    ["layer": "network", "id": "cut-through", "road_class": "local", "junction": true],
                    ["type": "LineString", "coordinates": [[120.306, 30.302], [120.306, 30.308]]])
            ])
        let arguments = ["compare", "--all", "--format", "json", "--district", Self.fixture, "--plan", kindergartens, "--plan", streets]
        let quick = try CLI.run(arguments), full = try CLI.run(arguments + ["--recompute-all"])
        #expect(quick.status == 0 && full.status == 0, "\(quick.stderr) \(full.stderr)")
        let parse = { (text: String) throws -> NSArray in
            let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            return try #require(root["services"] as? NSArray)
        }
        #expect(try parse(quick.stdout) == parse(full.stdout))
        // The kindergarten plan measured only the kindergarten service again; the street plan every walk or drive service.
        let root = try #require(try JSONSerialization.jsonObject(with: Data(quick.stdout.utf8)) as? [String: Any])
        let plans = try #require(root["plans"] as? [[String: Any]])
        #expect(plans[0]["recomputed"] as? [String] == ["kindergarten"])
        #expect(((plans[1]["recomputed"] as? [String]) ?? []).count > 1)
        #expect(quick.stderr.contains("cut-through: joined mid-edge (junction: true), splitting 2 existing edges"), "\(quick.stderr)")
        // Cost: residents newly covered per million of the plan's cost.
        #expect(plans[0]["cost"] as? Double == 8_000_000)
    }

    @Test("--fail-if-worse exits 1 when a plan lowers a covered count, and the residents the plan adds are counted")
    func failIfWorseAndAddedResidents() throws {
        let folder = try Tool.temporaryFolder("scenario")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let closing = try Self.plan(folder, "close.geojson", name: "close", [Self.feature(["layer": "facilities", "action": "close", "id": "kg-1"])])
        let worse = try CLI.run(["compare", "--type", "kindergarten", "--district", Self.fixture, "--plan", closing, "--fail-if-worse"])
        #expect(worse.status == 1)
        #expect(worse.stdout.contains("WORSE: a covered count falls by at least one resident"))
        #expect(try CLI.run(["compare", "--type", "kindergarten", "--district", Self.fixture, "--plan", closing]).status == 0)
        // 300 households × 2.5 persons = 750 new residents: the district's total grows to 4,750.
        let estate = try Self.plan(
            folder, "estate.geojson", name: "estate",
            [
                Self.feature(
                    ["layer": "population", "id": "estate", "households": 300, "persons_per_household": 2.5, "subdistrict": "e"],
                    [
                        "type": "Polygon",
                        "coordinates": [
                            [
                                [120.313, 30.3045], [120.315, 30.3045], [120.315, 30.3055],
                                [120.313, 30.3055], [120.313, 30.3045]
                            ]
                        ]
                    ])
            ])
        let grown = try CLI.run(["coverage", "--type", "kindergarten", "--format", "json", "--district", Self.fixture, "--plan", estate])
        #expect(grown.status == 0, "\(grown.stderr)")
        #expect(grown.stdout.contains("\"population\": 4750"))
        #expect(grown.stderr.contains("estate: urban not given, set to true"))
    }

    @Test("the report's 方案比选 section: a row per service with each plan's share and change, and a map per plan")
    func reportComparesPlans() throws {
        let folder = try Tool.temporaryFolder("scenario")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Beside the 2,000 residents of pop-e1 (120.317–120.318, 30.307–30.3078), whom no kindergarten reaches.
        let plan = try Self.plan(
            folder, "east.geojson", name: "east-kindergarten",
            [
                Self.feature(["layer": "facilities", "id": "kg-east", "type": "kindergarten"], Self.point(120.3178, 30.3079))
            ])
        let output = folder + "/report.html"
        let plain = try CLI.run(["report", "--district", Self.fixture, "-o", folder + "/plain.html", "--map-type", "kindergarten"])
        let result = try CLI.run(["report", "--district", Self.fixture, "-o", output, "--map-type", "kindergarten", "--plan", plan])
        #expect(plain.status == 0 && result.status == 0, "\(plain.stderr) \(result.stderr)")
        #expect(result.stdout.contains("Plans       1 compared, 0 lowering a covered count"))
        let html = try String(contentsOfFile: output, encoding: .utf8)
        #expect(html.contains("<section id=\"plans\">\n<h2>方案比选 Plans compared</h2>"))
        #expect(html.contains("<th class=\"num\">east-kindergarten</th>"))
        #expect(
            html.contains(
                "<tr><td>kindergarten</td><td class=\"num\">25.0%</td><td class=\"num\">75.0%</td><td class=\"num\">+50.0</td><td class=\"num\">+2,000 / −0</td></tr>"
            ))
        let figures = { (text: String) in text.components(separatedBy: "<figure class=\"map\"").count - 1 }
        #expect(figures(html) == figures(try String(contentsOfFile: folder + "/plain.html", encoding: .utf8)) + 1)
        #expect(html.contains("新覆盖 newly covered"))
    }

    @Test("site-suggest -o writes a plan file that compare applies and site-check reads")
    func suggestedSitesAreAPlan() throws {
        let folder = try Tool.temporaryFolder("scenario")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plan = folder + "/suggested.geojson"
        let suggested = try CLI.run(["site-suggest", "--type", "kindergarten", "--count", "2", "-o", plan])
        #expect(suggested.status == 0, "\(suggested.stderr)")
        let compared = try CLI.run(["compare", "--type", "kindergarten", "--format", "json", "--plan", plan])
        #expect(compared.status == 0, "\(compared.stderr)")
        let changes = try Self.changes(compared.stdout)
        #expect(changes.count == 1 && changes[0].gained > 0 && changes[0].lost == 0)
        let checked = try CLI.run(["site-check", "--sites", plan])
        #expect(checked.status == 0 || checked.status == 1, "\(checked.stderr)")
    }
}
