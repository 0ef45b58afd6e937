// bench-load: `DistrictLoader().load(directory:)` timed in-process on a district folder (the bundled one by
// default), with the time of each phase of reading its GeoJSON layers and a digest of what was loaded, so that
// two builds can be checked to load the same district. Driven by run.sh; see README.md.
//
//   bench-load [DIR] [--repeat N] [--no-phases] [--cold-parts]
import Foundation
import QTFormats
import QTGeometry
import QTModel
import QTProjection

// MARK: Arguments and helpers

var directory = "geodata/qiantang"
var repeats = 15
var phases = true
var coldParts = false
do {
    var args = CommandLine.arguments.dropFirst().makeIterator()
    while let arg = args.next() {
        switch arg {
        case "--repeat": repeats = max(1, Int(args.next() ?? "") ?? repeats)
        case "--no-phases": phases = false
        case "--cold-parts": coldParts = true
        case _ where !arg.hasPrefix("-"): directory = arg
        default:
            FileHandle.standardError.write(Data("bench-load: unknown argument \(arg)\n".utf8))
            exit(64)
        }
    }
}

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

/// Runs `body` once and returns its value and its wall time in seconds.
func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = now()
    let value = try body()
    return (value, Double(now() - start) / 1e9)
}

/// User + system CPU seconds of the whole process so far (all threads).
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

func ms(_ seconds: Double) -> String { String(format: "%7.1f ms", seconds * 1000) }

func say(_ s: String) {
    print(s)
    fflush(nil)
}

// MARK: Digest of a loaded district (FNV-1a 64 over every id, property and coordinate, bit for bit)

struct Digest {
    var state: UInt64 = 0xcbf2_9ce4_8422_2325
    mutating func bytes(_ b: some Sequence<UInt8>) {
        for byte in b { state = (state ^ UInt64(byte)) &* 0x100_0000_01b3 }
    }
    mutating func int(_ n: Int) { withUnsafeBytes(of: n.littleEndian) { bytes($0) } }
    mutating func double(_ d: Double) { int(Int(bitPattern: UInt(d.bitPattern))) }
    mutating func string(_ s: String) { int(s.utf8.count); bytes(s.utf8) }
    mutating func value(_ v: JSONValue) {
        switch v {
        case .null: int(0)
        case .bool(let b): int(b ? 2 : 1)
        case .number(let d): int(3); double(d)
        case .string(let s): int(4); string(s)
        case .array(let a): int(5); int(a.count); for e in a { value(e) }
        case .object(let o):
            int(6); int(o.count)
            for key in o.keys.sorted() { string(key); value(o[key]!) }
        }
    }
    mutating func coordinates(_ cs: [Coordinate]) {
        int(cs.count)
        for c in cs { double(c.x); double(c.y) }
    }
    mutating func geometry(_ g: Geometry?) {
        guard let g else { int(-1); return }
        int(Int(g.kind.rawValue))
        switch g {
        case .point(let p): coordinates(p.coordinate.map { [$0] } ?? [])
        case .lineString(let l): coordinates(l.coordinates)
        case .polygon(let p): int(p.rings.count); p.rings.forEach { coordinates($0) }
        case .multiPoint(let m): coordinates(m.points.compactMap(\.coordinate))
        case .multiLineString(let m): int(m.lineStrings.count); m.lineStrings.forEach { coordinates($0.coordinates) }
        case .multiPolygon(let m):
            int(m.polygons.count)
            for p in m.polygons { int(p.rings.count); p.rings.forEach { coordinates($0) } }
        case .geometryCollection(let c): int(c.geometries.count); c.geometries.forEach { geometry($0) }
        }
    }
    var hex: String { String(format: "%016llx", state) }
}

func digest(_ district: District) -> (features: Int, hex: String) {
    var d = Digest()
    var features = 0
    for layer in LayerName.allCases.sorted() {
        let list = district.features(layer)
        d.string(layer.rawValue)
        d.int(list.count)
        features += list.count
        for feature in list {
            d.value(feature.id ?? .null)
            d.value(.object(feature.properties))
            d.geometry(feature.geometry)
        }
    }
    return (features, d.hex)
}

// MARK: The benchmark

let loader = DistrictLoader()
say("== bench-load: DistrictLoader().load(directory: \"\(directory)\"), \(repeats) runs after a warm-up")
say("   \(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3).joined(separator: " "))")
if coldParts {
    // What a fresh process pays once before its first load: PROJ's database (the manifest's metric CRS), a GEOS
    // context (the boundary's validity), the first read of the largest file (page cache, fresh heap).
    let (_, proj) = try timed { _ = try Transformer(from: .wgs84, to: try CRS(parsing: "EPSG:4549")) }
    let (_, geos) = try timed { _ = try GeometryContext() }
    say("   cold parts: PROJ's first transformer " + ms(proj) + ", GEOS context " + ms(geos))
}
let warm: District
do {
    // The warm-up is the process's first load: PROJ opens its database for the manifest's metric CRS here.
    let (first, seconds) = try timed { try loader.load(directory: directory).district }
    warm = first
    say(String(format: "   first load (warm-up, in a fresh process): %.3f s", seconds))
} catch {
    FileHandle.standardError.write(Data("bench-load: \(error)\n".utf8))
    exit(65)
}
let (count, hex) = digest(warm)
say("   \(count) features, digest \(hex)")

var walls: [Double] = []
var cpus: [Double] = []
for _ in 0..<repeats {
    let cpu0 = cpuSeconds()
    let (_, wall) = try timed { try loader.load(directory: directory) }
    cpus.append(cpuSeconds() - cpu0)
    walls.append(wall)
}
say("   runs:" + walls.map { String(format: " %.3f", $0) }.joined())
say(String(format: "load: median %.3f s wall (min %.3f, max %.3f), median %.3f s CPU", median(walls), walls.min()!, walls.max()!, median(cpus)))

guard phases else { exit(0) }

// Where the time goes, per GeoJSON layer: reading the bytes, parsing the JSON text into a JSONValue tree, and
// the whole GeoJSON read (parse + decoding features); then what the loader adds (checks, boundary repair,
// the manifest and its metric CRS).
say("== phases (median of \(repeats), per layer file)")
let manifest = warm.manifest
var totals = (read: [Double](repeating: 0, count: repeats), parse: [Double](repeating: 0, count: repeats),
              geojson: [Double](repeating: 0, count: repeats))
say("   layer                   bytes        read  JSON parse  GeoJSON read")
for (key, entry) in manifest.layers.sorted(by: { $0.key < $1.key }) {
    let path = DistrictLoader.layerPath(directory: directory, file: entry.file)
    guard path.hasSuffix(".geojson") || path.hasSuffix(".json") else { continue }
    var reads: [Double] = [], parses: [Double] = [], reads2: [Double] = []
    var size = 0
    for run in 0..<repeats {
        let (data, read) = try timed { try InputFile.read(path, limit: DistrictLoader.defaultMaximumLayerBytes) }
        size = data.count
        let (_, parse) = try timed { try JSONValue.parseReportingDuplicates(data) }
        let (_, geojson) = try timed { try GeoJSONReader().readWithDiagnostics(data: data) }
        reads.append(read); parses.append(parse); reads2.append(geojson)
        totals.read[run] += read; totals.parse[run] += parse; totals.geojson[run] += geojson
    }
    say("   " + key.padding(toLength: 18, withPad: " ", startingAt: 0) + String(format: " %10d  ", size) + ms(median(reads)) + "  " + ms(median(parses)) + "  "
        + ms(median(reads2)))
}
say("   all layers                    " + ms(median(totals.read)) + "  " + ms(median(totals.parse)) + "  " + ms(median(totals.geojson)))
var crs: [Double] = []
for _ in 0..<repeats {
    let (_, t) = try timed { _ = try Transformer(from: .wgs84, to: try CRS(parsing: manifest.metricCRS)) }
    crs.append(t)
}
say("   metric CRS check (PROJ)        " + ms(median(crs)))
