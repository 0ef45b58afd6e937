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

    @Test("legend text too long for the panel is cut with an ellipsis; CJK counted one em")
    func legendTextIsFitted() {
        #expect(MapRenderer.fitted("short", width: 200, fontSize: 12) == "short")
        let cut = MapRenderer.fitted("公共管理与公共服务用地 public service", width: 120, fontSize: 12)
        #expect(cut.hasSuffix("…") && cut.count < 20, "\(cut)")
    }
}
