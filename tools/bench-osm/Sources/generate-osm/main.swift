import Foundation
import QTModel

/// Writes a synthetic OpenStreetMap extract as XML: a city on a grid of G × G intersections 100 m apart, near
/// Hangzhou (so that its metric CRS is EPSG:4549, as Qiantang's), with
/// - streets: every grid row and column cut into ways of 10 blocks, sharing their intersection nodes, classes
///   cycling through primary, secondary, tertiary, residential, service and footway, some one-way, some with
///   `maxspeed` (numbers, mph, zone values);
/// - buildings: a closed way in three blocks of four (`building=apartments` with levels in every other,
///   `building=yes` in the rest), each a square of 40 m;
/// - land use: one area per 4 × 4 blocks, residential, commercial, industrial or park, alternating;
/// - facilities and stops: a school, a kindergarten, a clinic and a supermarket every 25 blocks, a bus stop every
///   4 blocks.
/// The grid size is chosen so that the ways total at least `--ways` (about 21% streets, 75% buildings, 4%
/// land use); the boundary (GeoJSON, `--boundary`) is the grid inset 500 m. Seeded and deterministic.
/// Usage: generate-osm --ways N --out FILE.osm --boundary FILE.geojson
struct Options {
    var ways = 100_000
    var out = "city.osm"
    var boundary = "boundary.geojson"

    init(_ arguments: [String]) {
        var i = 1
        while i + 1 < arguments.count {
            switch arguments[i] {
            case "--ways": ways = Int(arguments[i + 1]) ?? ways
            case "--out": out = arguments[i + 1]
            case "--boundary": boundary = arguments[i + 1]
            default: break
            }
            i += 2
        }
    }
}

enum Generator {
    static func run() throws {
        let options = Options(CommandLine.arguments)
        // ways ≈ 2·G·G/10 (streets) + 0.75·G² (buildings) + G²/16 (land use) = 1.0125·G²
        let g = Int((Double(options.ways) / 1.0125).squareRoot().rounded(.up))
        let lon0 = 120.0, lat0 = 30.0
        let dLat = 100.0 / 111_000.0, dLon = 100.0 / (111_320.0 * cos(lat0 * .pi / 180))
        var rng = SeededGenerator(seed: 2026)

        guard let handle = FileHandle(forWritingAtPath: options.out) ?? {
            FileManager.default.createFile(atPath: options.out, contents: nil)
            return FileHandle(forWritingAtPath: options.out)
        }() else { fatalError("cannot write \(options.out)") }
        try handle.truncate(atOffset: 0)
        var buffer = ""
        func emit(_ s: String) {
            buffer += s
            if buffer.utf8.count > 1 << 20 {
                handle.write(Data(buffer.utf8))
                buffer = ""
            }
        }
        func coordinate(_ x: Double, _ y: Double) -> String {
            String(format: "lat=\"%.7f\" lon=\"%.7f\"", lat0 + y * dLat, lon0 + x * dLon)
        }
        emit("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\" generator=\"qtplan generate-osm\">\n")
        // Intersection nodes: id = 1 + y·G + x.
        func grid(_ x: Int, _ y: Int) -> Int { 1 + y * g + x }
        var nextNode = g * g + 1
        for y in 0..<g { for x in 0..<g { emit("<node id=\"\(grid(x, y))\" \(coordinate(Double(x), Double(y)))/>\n") } }
        var ways: [String] = []
        var nextWay = 1
        let classes = ["primary", "secondary", "tertiary", "residential", "residential", "service", "footway"]
        let speeds = ["50", "40", "30 mph", "CN:urban", nil, nil, nil]
        var streetWays = 0
        for horizontal in [true, false] {
            for line in 0..<g {
                var start = 0
                while start < g - 1 {
                    let end = min(start + 10, g - 1)
                    let k = (line + (horizontal ? 0 : 3)) % classes.count
                    var tags = "<tag k=\"highway\" v=\"\(classes[k])\"/>"
                    if let s = speeds[k] { tags += "<tag k=\"maxspeed\" v=\"\(s)\"/>" }
                    if classes[k] == "residential" && line % 5 == 0 { tags += "<tag k=\"oneway\" v=\"yes\"/>" }
                    tags += "<tag k=\"name\" v=\"\(horizontal ? "东" : "北")\(line)路\"/>"
                    let refs = (start...end).map { horizontal ? grid($0, line) : grid(line, $0) }
                    ways.append("<way id=\"\(nextWay)\">" + refs.map { "<nd ref=\"\($0)\"/>" }.joined() + tags + "</way>\n")
                    nextWay += 1
                    streetWays += 1
                    start = end
                }
            }
        }
        // Buildings, facilities and stops inside blocks (block (x, y) spans x..x+1, y..y+1).
        var extraNodes: [String] = []
        for y in 0..<(g - 1) {
            for x in 0..<(g - 1) {
                let cell = y * g + x
                if cell % 4 != 3 {
                    let ids = (0..<4).map { nextNode + $0 }
                    let (x0, y0) = (Double(x) + 0.3, Double(y) + 0.3)
                    let corners = [(x0, y0), (x0 + 0.4, y0), (x0 + 0.4, y0 + 0.4), (x0, y0 + 0.4)]
                    for (id, c) in zip(ids, corners) { extraNodes.append("<node id=\"\(id)\" \(coordinate(c.0, c.1))/>\n") }
                    nextNode += 4
                    let tags = cell % 2 == 0 ? "<tag k=\"building\" v=\"apartments\"/><tag k=\"building:levels\" v=\"\(3 + Int.random(in: 0..<12, using: &rng))\"/>"
                        : "<tag k=\"building\" v=\"yes\"/>"
                    ways.append("<way id=\"\(nextWay)\">" + (ids + [ids[0]]).map { "<nd ref=\"\($0)\"/>" }.joined() + tags + "</way>\n")
                    nextWay += 1
                }
                if cell % 25 == 7 {
                    let kinds = ["<tag k=\"amenity\" v=\"school\"/><tag k=\"isced:level\" v=\"1\"/>", "<tag k=\"amenity\" v=\"kindergarten\"/>",
                                 "<tag k=\"amenity\" v=\"clinic\"/>", "<tag k=\"shop\" v=\"supermarket\"/>"]
                    extraNodes.append("<node id=\"\(nextNode)\" \(coordinate(Double(x) + 0.15, Double(y) + 0.15))>\(kinds[(cell / 25) % 4])</node>\n")
                    nextNode += 1
                }
                if cell % 4 == 1 {
                    extraNodes.append("<node id=\"\(nextNode)\" \(coordinate(Double(x) + 0.5, Double(y) + 0.02))><tag k=\"highway\" v=\"bus_stop\"/></node>\n")
                    nextNode += 1
                }
            }
        }
        // Land use: one area per 4 × 4 blocks.
        let uses = ["<tag k=\"landuse\" v=\"residential\"/>", "<tag k=\"landuse\" v=\"commercial\"/>", "<tag k=\"landuse\" v=\"residential\"/>",
                    "<tag k=\"landuse\" v=\"industrial\"/>", "<tag k=\"leisure\" v=\"park\"/>"]
        var area = 0
        for y in stride(from: 0, to: g - 4, by: 4) {
            for x in stride(from: 0, to: g - 4, by: 4) {
                let ids = (0..<4).map { nextNode + $0 }
                let corners = [(Double(x) + 0.05, Double(y) + 0.05), (Double(x) + 3.95, Double(y) + 0.05),
                               (Double(x) + 3.95, Double(y) + 3.95), (Double(x) + 0.05, Double(y) + 3.95)]
                for (id, c) in zip(ids, corners) { extraNodes.append("<node id=\"\(id)\" \(coordinate(c.0, c.1))/>\n") }
                nextNode += 4
                ways.append("<way id=\"\(nextWay)\">" + (ids + [ids[0]]).map { "<nd ref=\"\($0)\"/>" }.joined() + uses[area % uses.count] + "</way>\n")
                nextWay += 1
                area += 1
            }
        }
        for n in extraNodes { emit(n) }
        for w in ways { emit(w) }
        emit("</osm>\n")
        handle.write(Data(buffer.utf8))
        try handle.close()
        // The boundary: the grid inset 500 m (5 blocks).
        let (a, b) = (5.0, Double(g - 1) - 5)
        func corner(_ x: Double, _ y: Double) -> String { String(format: "[%.7f,%.7f]", lon0 + x * dLon, lat0 + y * dLat) }
        let geojson = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\"合成市\",\"name_en\":\"Synthetic city\"},"
            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[\(corner(a, a)),\(corner(b, a)),\(corner(b, b)),\(corner(a, b)),\(corner(a, a))]]}}]}\n"
        try Data(geojson.utf8).write(to: URL(fileURLWithPath: options.boundary))
        print("grid \(g) × \(g): \(nextWay - 1) ways (\(streetWays) streets), \(nextNode - 1) nodes → \(options.out)")
    }
}

try Generator.run()
