import Foundation
import QTGeometry
import QTProjection
import QTText

/// Draws one ``MapDocument``: owns the GEOS context and PROJ transformer for it (one task, one render).
final class MapRenderer {
    let document: MapDocument
    let context: GeometryContext
    let toMetric: Transformer
    /// The frame the map is drawn in, pixels.
    let frame: (x: Double, y: Double, width: Double, height: Double)
    static let legendWidth = 250.0

    /// Pixels per metre and the metric point at the frame's top-left corner.
    private var scale = 1.0, originX = 0.0, originY = 0.0
    private var centre = Coordinate(x: 0, y: 0)

    init(document: MapDocument) throws {
        self.document = document
        context = try GeometryContext()
        toMetric = try Transformer(from: .wgs84, to: document.metricCRS)
        let top = document.subtitle == nil ? 52.0 : 72.0
        frame = (16, top, document.width - Self.legendWidth - 32, document.height - top - 44)
    }

    /// Whether hover texts are also SVG `<title>` elements (a standalone file's only tooltip; inside the
    /// report the script shows `data-tip` instead, and a `<title>` would show a second one).
    private var titles = true

    func render(standalone: Bool) throws -> String {
        titles = standalone
        try fit()
        // Each layer's features are projected once, for drawing and for labels alike.
        var body = ""
        var legend: [(MapLayer, [Int: GeometryKind])] = []
        var labels: [String] = []
        for layer in document.layers {
            let features = try layer.features.compactMap { feature -> MapFeature? in
                guard let g = feature.geometry, !g.isEmpty else { return nil }
                return MapFeature(geometry: try toMetric.transform(g), properties: feature.properties)
            }
            let (svg, used) = try draw(layer, features)
            body += svg
            if layer.inLegend { legend.append((layer, used)) }
            if let text = layer.label { labels += try features.compactMap { try self.label($0, text: text($0)) } }
        }
        let w = NumberText.compact(document.width), h = NumberText.compact(document.height)
        var out = standalone ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" : ""
        out +=
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qtmap\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" "
            + "font-family=\"\(MapDocument.fontFamily)\" font-size=\"12\">\n"
        out +=
            "<style>.qtmap .label{font-size:13px;fill:#222;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}"
            + ".qtmap .title{font-size:20px;font-weight:bold;fill:#111}.qtmap .subtitle,.qtmap .note{font-size:12px;fill:#444}"
            + ".qtmap [data-tip]:hover{stroke:#000;stroke-width:2px}</style>\n"
        out += "<rect width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>\n"
        out +=
            "<clipPath id=\"frame-\(document.clipID)\"><rect x=\"\(NumberText.compact(frame.x))\" y=\"\(NumberText.compact(frame.y))\" "
            + "width=\"\(NumberText.compact(frame.width))\" height=\"\(NumberText.compact(frame.height))\"/></clipPath>\n"
        out +=
            "<rect x=\"\(NumberText.compact(frame.x))\" y=\"\(NumberText.compact(frame.y))\" width=\"\(NumberText.compact(frame.width))\" "
            + "height=\"\(NumberText.compact(frame.height))\" fill=\"#f7f9fb\" stroke=\"#999\" stroke-width=\"0.8\"/>\n"
        out += "<g class=\"viewport\" clip-path=\"url(#frame-\(document.clipID))\"><g class=\"content\">\n\(body)<g class=\"labels\">\n"
        out += labels.joined(separator: "\n") + (labels.isEmpty ? "" : "\n") + "</g></g></g>\n"
        out += titleBlock() + (try northArrow()) + scaleBar() + legendBlock(legend) + "</svg>\n"
        return out
    }

    // MARK: Fitting

    /// A label at the feature's point on surface (GEOS); a point's sits up and to the right of its symbol.
    private func label(_ feature: MapFeature, text: String?) throws -> String? {
        guard let text, !text.isEmpty else { return nil }
        guard case .point(let p) = try context.make(feature.geometry).pointOnSurface().value(), let c = p.coordinate else { return nil }
        let (x, y) = pixel(c)
        let isPoint = feature.geometry.kind == .point || feature.geometry.kind == .multiPoint
        let (lx, ly, alignment) = isPoint ? (x + 8, y - 8, "start") : (x, y, "middle")
        return "<text class=\"label\" x=\"\(NumberText.compact(lx))\" y=\"\(NumberText.compact(ly))\" text-anchor=\"\(alignment)\" "
            + "dominant-baseline=\"middle\">\(XMLText.escape(text))</text>"
    }

    /// Fits the extent (padded 3%) into the frame, keeping the aspect ratio, centred.
    private func fit() throws {
        var box: Envelope?
        for feature in document.extent ?? document.layers.first?.features ?? [] {
            guard let g = feature.geometry, !g.isEmpty, let e = try toMetric.transform(g).envelope else { continue }
            box =
                box.map {
                    Envelope(
                        minX: min($0.minX, e.minX), minY: min($0.minY, e.minY), maxX: max($0.maxX, e.maxX),
                        maxY: max($0.maxY, e.maxY))
                } ?? e
        }
        guard let box else { throw MapError.emptyExtent }
        let spanX = max(box.maxX - box.minX, 1) * 1.06, spanY = max(box.maxY - box.minY, 1) * 1.06
        scale = min(frame.width / spanX, frame.height / spanY)
        let midX = (box.minX + box.maxX) / 2, midY = (box.minY + box.maxY) / 2
        centre = Coordinate(x: midX, y: midY)
        originX = midX - frame.width / 2 / scale
        originY = midY + frame.height / 2 / scale
    }

    /// A metric coordinate's pixel position.
    func pixel(_ c: Coordinate) -> (Double, Double) {
        (frame.x + (c.x - originX) * scale, frame.y + (originY - c.y) * scale)
    }

    // MARK: Layers

    /// The layer's SVG group, and the kind of the first feature of each class drawn (-1: the layer's own
    /// style), which the legend shows with a swatch of that kind.
    private func draw(_ layer: MapLayer, _ features: [MapFeature]) throws -> (String, [Int: GeometryKind]) {
        let tolerance = 0.5 / scale
        var out = "<g class=\"layer layer-\(XMLText.escape(layer.id))\">\n"
        var merged: [Int: String] = [:] // class index → path data, for layers without tooltips
        var order: [Int] = []
        var used: [Int: GeometryKind] = [:]
        for feature in features {
            guard let (style, classIndex) = layer.style(of: feature) else { continue }
            if used[classIndex] == nil { used[classIndex] = feature.geometry.kind }
            let geometry = try simplified(feature.geometry, tolerance: tolerance)
            if let tooltip = layer.tooltip {
                let tip = tooltip(feature).map { XMLText.escape($0) }
                let tipAttribute = tip.map { " data-tip=\"\($0)\"" } ?? ""
                let title = titles ? tip.map { "<title>\($0)</title>" } ?? "" : ""
                out += element(geometry, style: style, extra: tipAttribute, title: title)
            } else if geometry.kind == .point || geometry.kind == .multiPoint {
                out += element(geometry, style: style, extra: "", title: "")
            } else {
                if merged[classIndex] == nil { order.append(classIndex) }
                merged[classIndex, default: ""] += pathData(geometry)
            }
        }
        for classIndex in order {
            let style = classIndex < 0 ? layer.style : layer.classes[classIndex].style
            out += "<path d=\"\(merged[classIndex] ?? "")\" \(style.attributes) fill-rule=\"evenodd\"/>\n"
        }
        return (out + "</g>\n", used)
    }

    private func simplified(_ geometry: Geometry, tolerance: Double) throws -> Geometry {
        switch geometry.kind {
        case .point, .multiPoint: return geometry
        default: return try context.make(geometry).simplify(tolerance: tolerance, preserveTopology: true).value()
        }
    }

    /// One SVG element for a geometry: circles for points, a path otherwise.
    private func element(_ geometry: Geometry, style: MapStyle, extra: String, title: String) -> String {
        switch geometry {
        case .point(let p):
            guard let c = p.coordinate else { return "" }
            return circle(c, style: style, extra: extra, title: title)
        case .multiPoint(let m):
            let circles = m.points.compactMap { $0.coordinate }.map { circle($0, style: style, extra: "", title: "") }.joined()
            return "<g\(extra)>\(title)\(circles)</g>\n"
        default:
            let close = title.isEmpty ? "/>" : ">\(title)</path>"
            return "<path d=\"\(pathData(geometry))\" \(style.attributes) fill-rule=\"evenodd\"\(extra)\(close)\n"
        }
    }

    private func circle(_ c: Coordinate, style: MapStyle, extra: String, title: String) -> String {
        let (x, y) = pixel(c)
        let close = title.isEmpty ? "/>" : ">\(title)</circle>"
        return "<circle cx=\"\(NumberText.compact(x))\" cy=\"\(NumberText.compact(y))\" r=\"\(NumberText.compact(style.radius))\" "
            + "\(style.attributes)\(extra)\(close)\n"
    }

    /// SVG path data: `M x y L x y …` per line, closed with `Z` for rings.
    func pathData(_ geometry: Geometry) -> String {
        func run(_ coordinates: [Coordinate], closed: Bool) -> String {
            guard let first = coordinates.first else { return "" }
            var out = ""
            let (x0, y0) = pixel(first)
            out += "M\(NumberText.compact(x0)) \(NumberText.compact(y0))"
            for c in coordinates.dropFirst() {
                let (x, y) = pixel(c)
                out += "L\(NumberText.compact(x)) \(NumberText.compact(y))"
            }
            return out + (closed ? "Z" : "")
        }
        switch geometry {
        case .point, .multiPoint: return ""
        case .lineString(let l): return run(l.coordinates, closed: false)
        case .polygon(let p): return p.rings.map { run(Array($0.dropLast()), closed: true) }.joined()
        case .multiLineString(let m): return m.lineStrings.map { run($0.coordinates, closed: false) }.joined()
        case .multiPolygon(let m): return m.polygons.flatMap { $0.rings }.map { run(Array($0.dropLast()), closed: true) }.joined()
        case .geometryCollection(let g): return g.geometries.map(pathData).joined()
        }
    }

    // MARK: Furniture

    private func titleBlock() -> String {
        var out = "<text class=\"title\" x=\"16\" y=\"30\">\(XMLText.escape(document.title))</text>\n"
        if let subtitle = document.subtitle {
            out += "<text class=\"subtitle\" x=\"16\" y=\"52\">\(XMLText.escape(subtitle))</text>\n"
        }
        if let note = document.note {
            out += "<text class=\"note\" x=\"16\" y=\"\(NumberText.compact(document.height - 14))\">\(XMLText.escape(note))</text>\n"
        }
        return out
    }

    /// A north arrow at the frame's top left, turned from grid north to true north by the meridian convergence
    /// at the centre: the direction of a short step north along the meridian, as PROJ projects it.
    private func northArrow() throws -> String {
        let toWGS = try Transformer(from: document.metricCRS, to: .wgs84)
        let here = try toWGS.transform(centre)
        let north = try toMetric.transform(Coordinate(x: here.x, y: here.y + 0.01))
        let angle = atan2(north.x - centre.x, north.y - centre.y) * 180 / .pi
        let x = frame.x + 34, y = frame.y + 44
        return "<g class=\"north\" transform=\"translate(\(NumberText.compact(x)) \(NumberText.compact(y))) rotate(\(NumberText.compact(angle, 2)))\">"
            + "<path d=\"M0 -24L9 10L0 4L-9 10Z\" fill=\"#222\"/><path d=\"M0 -24L0 4L-9 10Z\" fill=\"#fff\" stroke=\"#222\" stroke-width=\"1\"/>"
            + "<text x=\"0\" y=\"-30\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\">N</text></g>\n"
            + "<text class=\"note\" x=\"\(NumberText.compact(x - 18))\" y=\"\(NumberText.compact(y + 26))\" font-size=\"10\">\(ChromeWord.pick("真北 true north", document.language))</text>\n"
    }

    /// A scale bar of a round length (1, 2 or 5 × 10ⁿ m) near a quarter of the frame's width.
    private func scaleBar() -> String {
        let target = frame.width / 4 / scale
        let magnitude = pow(10, floor(log10(target)))
        let length = [5.0, 2, 1].map { $0 * magnitude }.first { $0 <= target } ?? magnitude
        let pixels = length * scale
        let x = frame.x + 20, y = frame.y + frame.height - 22
        func label(_ metres: Double) -> String {
            metres >= 1000 ? "\(NumberText.compact(metres / 1000, 1)) km" : "\(NumberText.compact(metres, 0)) m"
        }
        var out = "<g class=\"scale\">"
        out +=
            "<rect x=\"\(NumberText.compact(x - 6))\" y=\"\(NumberText.compact(y - 16))\" width=\"\(NumberText.compact(pixels + 44))\" height=\"30\" fill=\"#fff\" fill-opacity=\"0.8\"/>"
        out +=
            "<rect x=\"\(NumberText.compact(x))\" y=\"\(NumberText.compact(y))\" width=\"\(NumberText.compact(pixels / 2))\" height=\"6\" fill=\"#222\" stroke=\"#222\"/>"
        out +=
            "<rect x=\"\(NumberText.compact(x + pixels / 2))\" y=\"\(NumberText.compact(y))\" width=\"\(NumberText.compact(pixels / 2))\" height=\"6\" fill=\"#fff\" stroke=\"#222\"/>"
        // data-metres: the length each label stands for at zoom 1 (the report's script rewrites them on zoom).
        for (offset, metres) in [(0.0, 0.0), (pixels / 2, length / 2), (pixels, length)] {
            out +=
                "<text x=\"\(NumberText.compact(x + offset))\" y=\"\(NumberText.compact(y - 4))\" text-anchor=\"middle\" font-size=\"11\" "
                + "data-metres=\"\(NumberText.compact(metres, 0))\">\(metres == 0 ? "0" : label(metres))</text>"
        }
        return out + "</g>\n"
    }

    /// The legend: layers last-drawn first; a classified layer lists only the classes it drew, each with a
    /// swatch of its features' kind (circle, line or box). A text too long for the panel wraps onto more lines
    /// (``wrapped(_:width:fontSize:)``): no label is cut short. A legend too tall for the panel is never cut
    /// either: it is laid out in two columns, and, if they are still too tall, drawn smaller (down to
    /// ``legendMinimumScale``, and below it when even that does not fit) — every entry is drawn
    /// (``legendLayout(_:)``).
    private func legendBlock(_ entries: [(MapLayer, [Int: GeometryKind])]) -> String {
        let x = document.width - Self.legendWidth - 8
        let y = frame.y + 8
        let layout = legendLayout(entries.reversed().filter { !$0.1.isEmpty })
        let heading = ChromeWord.legend.text(document.language)
        if layout.columns == 1 && layout.scale == 1 { // (as the legend always was drawn when it fitted)
            return "<g class=\"legend\">" + legendBody(layout, heading: heading, x: x, y: y) + "</g>\n"
        }
        return "<g class=\"legend\" data-columns=\"\(layout.columns)\" data-scale=\"\(NumberText.compact(layout.scale, 3))\" "
            + "transform=\"translate(\(NumberText.compact(x)) \(NumberText.compact(y))) scale(\(NumberText.compact(layout.scale, 3)))\">"
            + legendBody(layout, heading: heading, x: 0, y: 0) + "</g>\n"
    }

    /// The smallest scale the legend is drawn at before it may overflow the panel's foot.
    static let legendMinimumScale = 0.5

    /// How the legend's entries are laid out: in how many columns, at what scale (1: full size), and each entry's
    /// column and top, in the legend's own units (× `scale` on the page) from its heading's top.
    struct LegendLayout {
        var columns: Int
        var scale: Double
        var entries: [(layer: MapLayer, used: [Int: GeometryKind], column: Int, top: Double)]
        var columnWidth: Double
    }

    /// The gap between two legend columns, in the legend's units.
    static let legendColumnGap = 12.0

    /// The first layout that fits the panel's height: one column at full size (fitting as the legend always fitted:
    /// every entry starting above the panel's last 60 px), then two columns at full size, then two columns at
    /// 0.9, 0.8 … ``legendMinimumScale`` (fitting when the whole legend ends above the frame's foot); the last
    /// tried when none does. Each column is filled top to bottom in the entries' order.
    func legendLayout(_ entries: [(MapLayer, [Int: GeometryKind])]) -> LegendLayout {
        let top = frame.y + 8
        var last: LegendLayout?
        var tries: [(Int, Double)] = [(1, 1), (2, 1)]
        var scale = 0.9
        while scale >= Self.legendMinimumScale - 1e-9 {
            tries.append((2, scale))
            scale -= 0.1
        }
        for (columns, scale) in tries {
            // The panel is as wide as it always was (the text's room ends 12 px from the page's edge): more of the
            // legend's own units at a smaller scale.
            let panel = (Self.legendWidth - 4) / scale
            let columnWidth = (panel - Self.legendColumnGap * Double(columns - 1)) / Double(columns)
            let foot = columns == 1 && scale == 1 ? document.height - 60 - top : (frame.y + frame.height - top) / scale
            var layout = LegendLayout(columns: columns, scale: scale, entries: [], columnWidth: columnWidth)
            var column = 0, y = 26.0, fits = true
            for (layer, used) in entries {
                let height = legendEntryHeight(layer, used, room: columnWidth)
                // One column at full size fits as before: each entry starts above the foot. Otherwise an entry
                // that would end below the foot starts the next column, when there is one.
                if columns > 1 && y + height > foot && y > 26 && column < columns - 1 {
                    column += 1
                    y = 26
                }
                if columns == 1 ? y > foot : y + height > foot { fits = false }
                layout.entries.append((layer, used, column, y))
                y += height
            }
            last = layout
            if fits { return layout }
        }
        return last ?? LegendLayout(columns: 1, scale: 1, entries: [], columnWidth: Self.legendWidth - 4)
    }

    /// The height of one legend entry (a layer, or a classified layer's title and its classes drawn), wrapped to
    /// `room`.
    private func legendEntryHeight(_ layer: MapLayer, _ used: [Int: GeometryKind], room: Double) -> Double {
        let lines = { (text: String, offset: Double) in Double(Self.wrapped(text, width: room - offset, fontSize: 12).count - 1) }
        if layer.classes.isEmpty { return 20 + lines(layer.title, 30) * Self.legendLineHeight }
        var height = 18 + lines(layer.title, 0) * Self.legendLineHeight
        for (index, item) in layer.classes.enumerated() where used[index] != nil {
            height += 18 + lines(item.title, 38) * Self.legendLineHeight
        }
        return height + 4
    }

    /// The legend's heading and entries as laid out, from (`x`, `y`): the page's pixels at full size, the legend's
    /// own units inside its scaled group.
    private func legendBody(_ layout: LegendLayout, heading: String, x: Double, y: Double) -> String {
        var out =
            "<text x=\"\(NumberText.compact(x))\" y=\"\(NumberText.compact(y + 6))\" font-size=\"14\" font-weight=\"bold\">"
            + "\(XMLText.escape(heading))</text>\n"
        for entry in layout.entries {
            let cx = x + Double(entry.column) * (layout.columnWidth + Self.legendColumnGap), room = layout.columnWidth
            var cy = y + entry.top
            if entry.layer.classes.isEmpty {
                let (text, _) = legendText(entry.layer.title, x: cx + 30, y: cy, room: room - 30)
                out += swatch(entry.used[-1] ?? .polygon, entry.layer.style, x: cx, y: cy) + text
            } else {
                let (title, titleLines) = legendText(entry.layer.title, x: cx, y: cy, room: room, bold: true)
                out += title
                cy += 18 + Double(titleLines - 1) * Self.legendLineHeight
                for (index, item) in entry.layer.classes.enumerated() {
                    guard let kind = entry.used[index] else { continue }
                    let (text, lines) = legendText(item.title, x: cx + 38, y: cy, room: room - 38)
                    out += swatch(kind, item.style, x: cx + 8, y: cy) + text
                    cy += 18 + Double(lines - 1) * Self.legendLineHeight
                }
            }
        }
        return out
    }

    /// The distance between the lines of a wrapped legend text, pixels.
    static let legendLineHeight = 14.0

    /// One legend text, wrapped to `room` pixels right of `x`: a `<text>` with one `<tspan>` a line, and its line
    /// count.
    private func legendText(_ text: String, x: Double, y: Double, room: Double, bold: Bool = false) -> (String, Int) {
        let lines = Self.wrapped(text, width: room, fontSize: 12)
        let spans = lines.enumerated().map { i, line in
            "<tspan x=\"\(NumberText.compact(x))\" y=\"\(NumberText.compact(y + 4 + Double(i) * Self.legendLineHeight))\">\(XMLText.escape(line))</tspan>"
        }.joined()
        let svg =
            lines.count == 1
            ? "<text x=\"\(NumberText.compact(x))\" y=\"\(NumberText.compact(y + 4))\"\(bold ? " font-weight=\"bold\"" : "")>\(XMLText.escape(text))</text>\n"
            : "<text\(bold ? " font-weight=\"bold\"" : "")>\(spans)</text>\n"
        return (svg, lines.count)
    }

    /// The estimated width of `text` in pixels: CJK characters about one em wide, others about 0.56 em (the font's
    /// metrics are not known when the SVG is written).
    static func estimatedWidth(_ text: Substring, fontSize: Double) -> Double {
        text.reduce(0) { $0 + advance($1, fontSize: fontSize) }
    }

    private static func advance(_ c: Character, fontSize: Double) -> Double {
        c.unicodeScalars.contains { $0.value >= 0x2E80 } ? fontSize : fontSize * 0.56
    }

    /// `text` broken into lines that each fit `width` pixels (``estimatedWidth(_:fontSize:)``), nothing left
    /// out: between words at spaces, between any two CJK characters, and inside a word (after `_`, `/` or `-`
    /// when it has one, else anywhere) only when the word alone is wider than a line. The spaces lines break at
    /// are dropped; every other character is kept, in order.
    static func wrapped(_ text: String, width: Double, fontSize: Double) -> [String] {
        guard estimatedWidth(Substring(text), fontSize: fontSize) > width else { return [text] }
        // Units a line may end after: a CJK character, or a run of other characters up to and with its spaces.
        var units: [String] = []
        var run = ""
        for c in text {
            let wide = c.unicodeScalars.contains { $0.value >= 0x2E80 }
            if wide {
                if !run.isEmpty { units.append(run); run = "" }
                units.append(String(c))
            } else if c == " " {
                run.append(c)
                units.append(run)
                run = ""
            } else {
                run.append(c)
            }
        }
        if !run.isEmpty { units.append(run) }
        // A unit wider than a line is split after its own break characters, then anywhere.
        var pieces: [String] = []
        for unit in units {
            guard estimatedWidth(Substring(unit.trimmingCharacters(in: .whitespaces)), fontSize: fontSize) > width else {
                pieces.append(unit)
                continue
            }
            var part = ""
            for c in unit {
                if !part.isEmpty && estimatedWidth(Substring(part + String(c)), fontSize: fontSize) > width {
                    pieces.append(part)
                    part = ""
                }
                part.append(c)
                if "_/-".contains(c) { pieces.append(part); part = "" }
            }
            if !part.isEmpty { pieces.append(part) }
        }
        var lines: [String] = []
        var line = ""
        for piece in pieces {
            let candidate = line + piece
            if !line.isEmpty && estimatedWidth(Substring(candidate.trimmingCharacters(in: .whitespaces)), fontSize: fontSize) > width {
                lines.append(line.trimmingCharacters(in: .whitespaces))
                line = piece
            } else {
                line = candidate
            }
        }
        if !line.trimmingCharacters(in: .whitespaces).isEmpty { lines.append(line.trimmingCharacters(in: .whitespaces)) }
        return lines
    }

    private func swatch(_ kind: GeometryKind, _ style: MapStyle, x: Double, y: Double) -> String {
        switch kind {
        case .point, .multiPoint:
            return
                "<circle cx=\"\(NumberText.compact(x + 10))\" cy=\"\(NumberText.compact(y))\" r=\"\(NumberText.compact(min(style.radius + 1, 7)))\" \(style.attributes)/>"
        case .lineString, .linearRing, .multiLineString:
            var line = style
            line.strokeWidth = max(style.strokeWidth, 1.5)
            return "<path d=\"M\(NumberText.compact(x)) \(NumberText.compact(y))H\(NumberText.compact(x + 22))\" \(line.attributes)/>"
        default:
            var box = style
            if box.stroke == nil { box.stroke = "#888"; box.strokeWidth = 0.5 }
            return "<rect x=\"\(NumberText.compact(x))\" y=\"\(NumberText.compact(y - 7))\" width=\"22\" height=\"14\" \(box.attributes)/>"
        }
    }
}

@available(*, unavailable)
extension MapRenderer: Sendable {}

extension MapDocument {
    /// An id for the frame's clip path, unique per map in a page (from the title and size).
    var clipID: String {
        var hash: UInt64 = 14_695_981_039_346_656_037 // FNV-1a: stable across runs, unlike Hasher
        for byte in "\(title)|\(subtitle ?? "")|\(width)x\(height)".utf8 { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        return String(hash, radix: 36)
    }
}
