import Foundation
import QTGeometry
import QTProjection
import Testing

@testable import QTReport

/// Maps of a hand-made case: a 1 km grid square in EPSG:4549, whose place on the page is worked by hand.
@Suite("Maps")
struct MapDocumentTests {
    /// The square 533,000–534,000 E × 3,353,000–3,354,000 N as WGS84, converted by PROJ.
    static func square(properties: [String: JSONValue] = [:]) throws -> Feature {
        let corners = [(533_000.0, 3_353_000.0), (534_000, 3_353_000), (534_000, 3_354_000), (533_000, 3_354_000), (533_000, 3_353_000)]
        let toWGS = try Transformer(from: .cgcs2000GK120, to: .wgs84)
        let ring = try corners.map { try toWGS.transform(Coordinate(x: $0.0, y: $0.1)) }
        return Feature(geometry: .polygon(Polygon(exterior: ring)), properties: properties)
    }

    static func numbers(in path: String) -> [Double] {
        path.split(whereSeparator: { "MLZ ".contains($0) }).compactMap { Double($0) }
    }

    @Test("the square is fitted into the frame: 1,060 m (3% margin each side) across 624 px, centred")
    func fitting() throws {
        let map = MapDocument(
            title: "方块 Square",
            layers: [
                MapLayer(
                    id: "b", title: "区界", features: [try Self.square()],
                    style: MapStyle(stroke: "#000"))
            ], metricCRS: .cgcs2000GK120)
        let svg = try map.svg()
        // Frame: x 16…734 (1000 − 250 legend − 32), y 52…676 (720 − 52 title − 44 foot): 718 × 624 px. The
        // height limits: 624 px / 1,060 m = 0.58868 px/m, so the square's side is 588.68 px, centred at
        // (16 + 359, 52 + 312) = (375, 364): corners at 375 ± 294.34 and 364 ± 294.34.
        let d = try #require(
            svg.components(separatedBy: "<g class=\"layer layer-b\">\n<path d=\"").dropFirst().first?
                .prefix { $0 != "\"" })
        let values = Self.numbers(in: String(d))
        #expect(values.count == 8, "\(d)") // four corners, the closing one dropped (Z closes)
        let xs = stride(from: 0, to: values.count, by: 2).map { values[$0] }
        let ys = stride(from: 1, to: values.count, by: 2).map { values[$0] }
        let half = 500 * 624 / 1060.0
        #expect(abs((xs.min() ?? 0) - (375 - half)) < 0.11 && abs((xs.max() ?? 0) - (375 + half)) < 0.11, "\(xs)")
        #expect(abs((ys.min() ?? 0) - (364 - half)) < 0.11 && abs((ys.max() ?? 0) - (364 + half)) < 0.11, "\(ys)")
    }

    @Test("the scale bar is 200 m (the round length under a quarter of the frame: 718/4 px ÷ 0.5887 px/m = 305 m)")
    func scaleBar() throws {
        let svg = try MapDocument(
            title: "s", layers: [MapLayer(id: "b", title: "b", features: [try Self.square()])],
            metricCRS: .cgcs2000GK120
        ).svg()
        #expect(svg.contains("data-metres=\"200\">200 m</text>"), "\(svg)")
        #expect(svg.contains("data-metres=\"100\">100 m</text>"))
        // 200 m at 0.58868 px/m: the two halves are 58.87 px wide each.
        #expect(svg.contains("width=\"58.9\" height=\"6\""))
    }

    @Test("the north arrow is turned by the meridian convergence, atan(tan Δλ · sin φ), west of grid north east of 120°E")
    func northArrow() throws {
        let feature = try Self.square()
        let svg = try MapDocument(title: "n", layers: [MapLayer(id: "b", title: "b", features: [feature])], metricCRS: .cgcs2000GK120).svg()
        var lon = 0.0, lat = 0.0, n = 0.0
        feature.geometry?.forEachCoordinate {
            lon += $0.x; lat += $0.y; n += 1
        }
        lon /= n; lat /= n
        let gamma = atan(tan((lon - 120) * .pi / 180) * sin(lat * .pi / 180)) * 180 / .pi // ≈ 0.176°
        let text = try #require(svg.components(separatedBy: "rotate(").dropFirst().first?.prefix { $0 != ")" })
        let angle = try #require(Double(text))
        #expect(abs(angle - -gamma) < 0.01, "rotate(\(angle)) vs −\(gamma)")
    }

    @Test("labels are escaped and keep Chinese; the legend lists the classes drawn, with the swatch of their kind")
    func labelsAndLegend() throws {
        let zones = MapLayer(
            id: "z", title: "街道 Zones", features: [try Self.square(properties: ["name": "白杨 & <东>"])],
            style: MapStyle(stroke: "#555"), label: { $0.string("name") })
        let point = Feature(
            geometry: .point(
                Point(
                    try Transformer(from: .cgcs2000GK120, to: .wgs84)
                        .transform(Coordinate(x: 533_500, y: 3_353_500)))), properties: ["type": "park"])
        let classes = MapLayer(
            id: "f", title: "设施", features: [point],
            classes: [
                MapClass(title: "公园 park", style: MapStyle(fill: "#0a0")) { $0.string("type") == "park" },
                MapClass(title: "学校 school", style: MapStyle(fill: "#00a")) { $0.string("type") == "school" }
            ], tooltip: { _ in "公园 \"A\"" })
        let svg = try MapDocument(title: "L", layers: [zones, classes], metricCRS: .cgcs2000GK120).svg()
        #expect(svg.contains(">白杨 &amp; &lt;东&gt;</text>"))
        #expect(svg.contains(">公园 park</text>") && !svg.contains("学校 school"))
        #expect(svg.contains("<circle cx=\"375\" cy=\"364\""), "\(svg)") // the point at the square's centre
        #expect(svg.contains("data-tip=\"公园 &quot;A&quot;\"><title>公园 &quot;A&quot;</title>"))
        // Inline (in the report) the script shows data-tip; no <title> to show a second tooltip.
        #expect(!(try MapDocument(title: "L", layers: [zones, classes], metricCRS: .cgcs2000GK120).svg(standalone: false)).contains("<title>"))
    }

    @Test("the same map renders to the same bytes; an empty extent is refused")
    func deterministicAndRefusals() throws {
        let map = MapDocument(title: "d", layers: [MapLayer(id: "b", title: "b", features: [try Self.square()])], metricCRS: .cgcs2000GK120)
        #expect(try map.svg() == map.svg())
        #expect(throws: MapError.emptyExtent) {
            _ = try MapDocument(title: "e", layers: [MapLayer(id: "b", title: "b", features: [])], metricCRS: .cgcs2000GK120).svg()
        }
    }

    @Test("legend text too long for the panel wraps, nothing cut: CJK one em (12 px), other characters 0.56 em (6.72 px)")
    func legendTextWraps() {
        #expect(MapRenderer.wrapped("short", width: 200, fontSize: 12) == ["short"])
        // 11 CJK characters of 12 px: 10 fit 120 px. The rest: 地 12 + space 6.72 + "public " 47.04 +
        // "service" 47.04 = 112.8 px, under 120 (the space a line would end with is not counted).
        #expect(
            MapRenderer.wrapped("公共管理与公共服务用地 public service", width: 120, fontSize: 12)
                == ["公共管理与公共服务用", "地 public service"])
        // The cut label of the issue: "Facilities: community_h…". At 208 px (the room of a class entry in the
        // 250 px panel) "公共服务设施 Facilities: " takes 6 × 12 + 12 × 6.72 = 152.64 px and the 23 characters of
        // the type 154.56 px more: they go on a line of their own.
        #expect(
            MapRenderer.wrapped("公共服务设施 Facilities: community_health_centre", width: 208, fontSize: 12)
                == ["公共服务设施 Facilities:", "community_health_centre"])
        // A word wider than a line breaks after its underscores: 30 px holds 4 characters (26.88 px).
        #expect(MapRenderer.wrapped("ab_cd_ef", width: 30, fontSize: 12) == ["ab_", "cd_", "ef"])
        // Longer texts: every line fits, and the lines give back every character but the spaces broken at.
        for text in [
            String(repeating: "社区卫生服务中心 community health centre ", count: 4), String(repeating: "x", count: 90),
            "服务范围 Service area: elderly_care_home_with_a_very_long_label_name"
        ] {
            let lines = MapRenderer.wrapped(text, width: 150, fontSize: 12)
            #expect(lines.count > 1 && lines.allSatisfy { MapRenderer.estimatedWidth(Substring($0), fontSize: 12) <= 150 }, "\(lines)")
            #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " })
            #expect(!lines.joined().contains("…"))
        }
    }

    @Test("a map whose layer has a long title draws all of it in the legend, one tspan a line, below the title")
    func longLegendEntryIsDrawnWhole() throws {
        let title = "服务范围 Service area: community_health_centre (a label longer than the legend panel is wide)"
        let map = MapDocument(
            title: "d", layers: [MapLayer(id: "b", title: title, features: [try Self.square()])], metricCRS: .cgcs2000GK120)
        let svg = try map.svg()
        let legend = try #require(svg.components(separatedBy: "<g class=\"legend\">").last)
        let spans = legend.components(separatedBy: "<tspan ").dropFirst().map { $0.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" } }
        #expect(spans.count >= 3, "\(spans)")
        #expect(spans.joined().filter { $0 != " " } == title.filter { $0 != " " })
        #expect(!legend.contains("…"))
        // The entry's lines are 14 px apart, and the legend's English heading is unchanged.
        let ys = legend.components(separatedBy: "<tspan x=\"").dropFirst().compactMap { part in
            part.components(separatedBy: "y=\"").dropFirst().first.flatMap { Double($0.prefix { $0 != "\"" }) }
        }
        #expect(zip(ys, ys.dropFirst()).allSatisfy { abs($1 - $0 - 14) < 1e-9 }, "\(ys)")
        #expect(legend.contains(">图例 Legend<"))
        var zh = map
        zh.language = .zh
        #expect(try zh.svg().contains(">图例<"))
    }

    /// The legend's entries' texts (each `<text>`'s content, its tspans joined), the heading first.
    static func legendTexts(_ svg: String) throws -> [String] {
        let legend = try #require(svg.components(separatedBy: "<g class=\"legend\"").last)
        return legend.components(separatedBy: "<text").dropFirst().map { part in
            let body = part.drop { $0 != ">" }.dropFirst()
            let inner = body.components(separatedBy: "</text>").first ?? ""
            guard inner.contains("<tspan") else { return inner }
            return inner.components(separatedBy: "<tspan").dropFirst().map { $0.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" } }
                .joined(separator: " ")
        }
    }

    @Test("a legend taller than its panel keeps every entry: two columns, then smaller, never an entry dropped")
    func tallLegendKeepsEveryEntry() throws {
        let square = try Self.square()
        // Entries of 20 px each from 26 px below the heading at y 60: one column holds (720 − 60 − 60 − 26) / 20 + 1 = 29.
        func map(_ count: Int) -> MapDocument {
            MapDocument(
                title: "t",
                layers: (0..<count).map { MapLayer(id: "l\($0)", title: "图层 \($0)", features: [square], style: MapStyle(stroke: "#000")) },
                metricCRS: .cgcs2000GK120)
        }
        // 20 entries fit in one column at full size: drawn as always, no transform.
        let few = try map(20).svg()
        #expect(try Self.legendTexts(few).count == 21)
        #expect(!few.contains("data-columns") && few.contains("<g class=\"legend\"><text x=\"742\" y=\"66\""))
        // 40 entries do not (the old legend stopped after 30): two columns of 20 px entries at full size hold
        // 2 × ((676 − 60 − 26) / 20) = 58.
        let forty = try map(40).svg()
        let texts = try Self.legendTexts(forty)
        #expect(texts.count == 41, "\(texts.count)")
        #expect(Set(texts.dropFirst()) == Set((0..<40).map { "图层 \($0)" }))
        #expect(forty.contains("data-columns=\"2\" data-scale=\"1\" transform=\"translate(742 60) scale(1)\""))
        // 100 entries: two columns at 0.6 (at 0.7 each holds (616 / 0.7 − 26) / 20 = 42.7 entries, 42 + 42 < 100; at 0.6
        // (616 / 0.6 − 26) / 20 = 50.03, 50 + 50), every one drawn, the last ending above the frame's foot.
        let hundred = try map(100).svg()
        #expect(try Self.legendTexts(hundred).count == 101)
        #expect(hundred.contains("data-columns=\"2\" data-scale=\"0.6\""), "\(hundred.components(separatedBy: "<g class=\"legend\"").last?.prefix(200) ?? "")")
        let renderer = try MapRenderer(document: map(100))
        let layout = renderer.legendLayout(map(100).layers.map { ($0, [-1: GeometryKind.polygon]) })
        let bottom = layout.entries.map { $0.top + 20 }.max() ?? 0
        #expect(60 + bottom * layout.scale <= 676, "\(bottom) × \(layout.scale)")
        #expect(Set(layout.entries.map(\.column)) == [0, 1] && layout.entries.count == 100)
    }
}
