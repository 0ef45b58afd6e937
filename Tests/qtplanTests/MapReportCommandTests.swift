import Foundation
import QTTestSupport
import Testing

/// `qtplan map` and `qtplan report`, checked by independent programs: rsvg-convert parses and renders the
/// SVG, GDAL's gdalinfo measures the PNGs, and a real headless browser (Debian's chromium) runs the report.
@Suite("qtplan map and report", .serialized)
struct MapReportCommandTests {
    static func folder() throws -> String { try Tool.temporaryFolder("map") }

    /// The standard deviation of a PNG's first band, and its size, as gdalinfo reports them: 0 for a blank image.
    static func pixelSpread(_ png: String) throws -> (width: Int, height: Int, stddev: Double) {
        let info = try ExportCommandTests.tool("gdalinfo", ["-stats", png])
        #expect(info.status == 0, "\(info.output)")
        try? FileManager.default.removeItem(atPath: png + ".aux.xml")
        let size =
            info.output.components(separatedBy: "Size is ").dropFirst().first?.prefix { $0 != "\n" }
            .split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? []
        let stddev =
            info.output.components(separatedBy: "STATISTICS_STDDEV=").dropFirst().first
            .flatMap { Double($0.prefix { $0 != "\n" }) } ?? -1
        return (size.first ?? 0, size.last ?? 0, stddev)
    }

    /// Runs headless chromium on `url` with `arguments`.
    static func chromium(_ arguments: [String], _ url: String) throws -> (status: Int32, output: String) {
        try ExportCommandTests.tool(
            "chromium",
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--user-data-dir=\(NSTemporaryDirectory())qtplan-chromium-\(getpid())"
            ] + arguments + [url])
    }

    @Test("an SVG map of the hand-worked district, rendered by rsvg-convert: a picture, not a blank page")
    func svgMap() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let svg = folder + "/map.svg"
        let result = try CLI.run([
            "map", "--district", CLI.fixture("coverage-small"), "--layers", "population,boundary,facilities",
            "--coverage", "community_health_centre", "-o", svg
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(text.contains("图例 Legend") && text.contains("真北 true north") && text.contains("未覆盖居民 Residents left out"))
        // One service drawn, the type's own row (not also its stations' 5-minute tier), its circle in metres: GB 50180
        // measures the 15-minute circle as 1,000 m of walking.
        #expect(text.components(separatedBy: "未覆盖居民 Residents left out").count == 2)
        #expect(text.contains("community_health_centre · walk 1,000 m (gb50180)"))
        let png = folder + "/check.png"
        let rendered = try ExportCommandTests.tool("rsvg-convert", ["--format", "png", "--output", png, svg])
        #expect(rendered.status == 0, "rsvg-convert could not read the SVG: \(rendered.output)")
        let spread = try Self.pixelSpread(png)
        #expect(spread.width == 1000 && spread.height == 720 && spread.stddev > 10, "\(spread)")
    }

    @Test("a PNG map through rsvg-convert at the asked size; the same command twice gives the same SVG")
    func pngMapAndDeterminism() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CLI.run(["map", "-o", folder + "/qiantang.png", "--width", "800", "--height", "600"])
        #expect(result.status == 0, "\(result.stderr)")
        let spread = try Self.pixelSpread(folder + "/qiantang.png")
        #expect(spread.width == 800 && spread.height == 600 && spread.stddev > 10, "\(spread)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["qiantang.png"]) // no staging left
        for name in ["a.svg", "b.svg"] { #expect(try CLI.run(["map", "-o", folder + "/" + name]).status == 0) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/a.svg")) == Data(contentsOf: URL(fileURLWithPath: folder + "/b.svg")))
    }

    @Test("bad requests: an extension that is no map (64), an unknown layer (64), a missing folder (73), nothing left")
    func refusals() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ext = try CLI.run(["map", "-o", folder + "/m.pdf"])
        #expect(ext.status == 64 && ext.stderr.contains("a map is written as .svg or .png, not .pdf"), "\(ext.stderr)")
        let layer = try CLI.run(["map", "--layers", "roads", "-o", folder + "/m.svg"])
        #expect(layer.status == 64 && layer.stderr.contains("--layers: unknown layer 'roads'"), "\(layer.stderr)")
        let filter = try CLI.run(["map", "--layers", "facilities:spaceport", "-o", folder + "/m.svg"])
        #expect(filter.status == 64 && filter.stderr.contains("no feature has type, kind, class or road_class 'spaceport'"))
        let missing = try CLI.run(["map", "-o", "/nonexistent-qtplan/m.svg"])
        #expect(missing.status == 73 && missing.stderr.contains("/nonexistent-qtplan/m.svg: cannot write the map: the folder"), "\(missing.stderr)")
        let report = try CLI.run(["report", "-o", folder + "/r.pdf"])
        #expect(report.status == 64)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test("the report in a headless browser: its script finishes, the maps have a size, the page is not blank, Chinese is drawn as glyphs")
    func reportInABrowser() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/report.html"
        let result = try CLI.run(["report", "-o", path, "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Report      \(path)"), "\(result.stdout)")
        let url = URL(fileURLWithPath: path).absoluteString

        // The DOM after the page's script ran: a script error would leave data-ready="false".
        let dom = try Self.chromium(["--window-size=1400,1000", "--virtual-time-budget=5000", "--dump-dom"], url)
        #expect(dom.output.contains("<body data-ready=\"true\">"), "the report's script did not finish: \(dom.output.suffix(400))")
        let sizes = dom.output.components(separatedBy: "data-size=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(sizes.count == 2, "\(sizes)")
        for size in sizes {
            let parts = size.split(separator: "x").compactMap { Int($0) }
            #expect(parts.count == 2 && parts[0] > 300 && parts[1] > 200, "map drawn at \(size)")
        }
        for text in ["钱塘区 Qiantang District", "生活圈覆盖", "community_health_centre", "白杨街道", "Reconciliation"] {
            #expect(dom.output.contains(text), "\(text)")
        }

        // A screenshot: not a blank page.
        let shot = folder + "/report.png"
        _ = try Self.chromium(["--window-size=1400,1800", "--screenshot=\(shot)"], url)
        let spread = try Self.pixelSpread(shot)
        #expect(spread.width == 1400 && spread.stddev > 10, "\(spread)")

        // Glyphs, not tofu: the report's own font stack draws 钱塘区 differently from three code points no font
        // has (private use), which every font draws as the same empty box. Without a CJK font both are boxes.
        let css = try String(contentsOfFile: path, encoding: .utf8)
        let stack = try #require(css.components(separatedBy: "body{margin:0;font-family:").dropFirst().first?.prefix { $0 != ";" })
        var shots: [Data] = []
        for (name, text) in [("cjk", "钱塘区"), ("tofu", "\u{E000}\u{E001}\u{E002}")] {
            let probe = folder + "/\(name).html"
            try
                "<!DOCTYPE html><meta charset=\"utf-8\"><body style=\"margin:0;background:#fff\"><p style=\"font-family:\(stack);font-size:60px;margin:10px\">\(text)</p>"
                .write(toFile: probe, atomically: true, encoding: .utf8)
            _ = try Self.chromium(["--window-size=300,120", "--screenshot=\(folder)/\(name).png"], URL(fileURLWithPath: probe).absoluteString)
            shots.append(try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(name).png")))
        }
        #expect(shots[0] != shots[1], "Chinese text rendered as the missing-glyph box: install a CJK font (fonts-noto-cjk)")
        #expect(try Self.pixelSpread(folder + "/cjk.png").stddev > 5)
    }

    @Test("the report in Chinese in a headless browser: headings, services and legends in Chinese, drawn as glyphs, every legend text whole inside its map")
    func chineseReportInABrowser() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/report.html"
        let result = try CLI.run(["report", "-o", path, "--lang", "zh"])
        #expect(result.status == 0, "\(result.stderr)")
        // The browser measures what it drew: each legend text's box (SVG user units) must end inside its map, and
        // no text may carry the ellipsis a cut label had. The page's own script runs first; this one after it.
        let probe = """
            <script>addEventListener('load', () => { const bad = []; let n = 0;
            for (const svg of document.querySelectorAll('svg.qtmap')) { const w = svg.viewBox.baseVal.width;
            for (const t of svg.querySelectorAll('.legend text')) { n++; const b = t.getBBox();
            if (b.width === 0 || b.x < 0 || b.x + b.width > w || t.textContent.includes('…')) bad.push(t.textContent); } }
            document.body.setAttribute('data-legend', bad.length ? 'overflow: ' + bad.join(' | ') : 'fits ' + n); });</script>
            """
        let html = try String(contentsOfFile: path, encoding: .utf8)
        let measured = folder + "/measured.html"
        try html.replacingOccurrences(of: "</body>", with: probe + "</body>").write(toFile: measured, atomically: true, encoding: .utf8)
        let dom = try Self.chromium(["--window-size=1400,1000", "--virtual-time-budget=5000", "--dump-dom"], URL(fileURLWithPath: measured).absoluteString)
        #expect(dom.output.contains("data-ready=\"true\""), "the report's script did not finish")
        let legend = dom.output.components(separatedBy: "data-legend=\"").dropFirst().first?.prefix { $0 != "\"" } ?? ""
        #expect(legend.hasPrefix("fits ") && (Int(legend.dropFirst(5)) ?? 0) >= 15, "\(legend)")
        // Chinese from the standards files (社区卫生服务中心, 还需托位…) and the interface table (图例, 生活圈覆盖).
        for text in ["生活圈覆盖", "2025年指标", "社区卫生服务中心", "幼儿园", ">图例<", "未覆盖居民", "主要道路", "水系", "还需托位", "平方米/人"] {
            #expect(dom.output.contains(text), "\(text)")
        }
        #expect(!dom.output.contains("图例 Legend") && !dom.output.contains("needs 1,349"))
        // Glyphs, not tofu: the legend's words in the map's font stack draw differently from as many code points no
        // font has (private use), which every font draws as the same empty box.
        let stack = try #require(html.components(separatedBy: "font-family=\"").dropFirst().first?.prefix { $0 != "\"" })
        let words = "图例 社区卫生服务中心 未覆盖居民 主要道路 水系"
        var shots: [Data] = []
        for (name, text) in [("legend", words), ("boxes", String(words.map { $0 == " " ? " " : "\u{E000}" }))] {
            let page = folder + "/\(name).html"
            try
                "<!DOCTYPE html><meta charset=\"utf-8\"><body style=\"margin:0;background:#fff\"><p style=\"font-family:\(stack);font-size:40px;margin:10px\">\(text)</p>"
                .replacingOccurrences(of: "&apos;", with: "'").write(toFile: page, atomically: true, encoding: .utf8)
            _ = try Self.chromium(["--window-size=1200,120", "--screenshot=\(folder)/\(name).png"], URL(fileURLWithPath: page).absoluteString)
            shots.append(try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(name).png")))
        }
        #expect(shots[0] != shots[1], "the legend's Chinese rendered as missing-glyph boxes: install a CJK font (fonts-noto-cjk)")
    }
}
