// bench-landuse: land use by class × sub-district, timed on the bundled district and on a generated
// 100,000-parcel district; GeoPandas runs the same computation on the same files (geopandas_landuse.py,
// both driven by run.sh). See README.md.
//
//   swift run -c release bench-landuse [--out DIR] [--size N] [--repeat N] [--no-generate]
import Foundation
import QTAnalysis
import QTGeometry
import QTModel
import QTProjection

struct Arguments {
    var out = "tools/bench/landuse/build/district"
    var size = 316
    var repeats = 3
    var generate = true
    var bundled = "geodata/qiantang"

    init() {
        var args = CommandLine.arguments.dropFirst().makeIterator()
        while let arg = args.next() {
            switch arg {
            case "--out": out = args.next() ?? out
            case "--size": size = Int(args.next() ?? "") ?? size
            case "--repeat": repeats = max(1, Int(args.next() ?? "") ?? repeats)
            case "--no-generate": generate = false
            case "--bundled": bundled = args.next() ?? bundled
            default:
                FileHandle.standardError.write(Data("bench-landuse: unknown argument \(arg)\n".utf8))
                exit(64)
            }
        }
    }
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func fmt(_ x: Double, _ d: Int = 3) -> String { String(format: "%.\(d)f", x) }

// MARK: Generating the district

/// A `size` × `size` grid of parcels over a 30 × 30 km box centred on 120.5°E 30.3°N, in lon/lat rounded to
/// 7 decimals (as GeoJSON stores them), classes drawn from a Qiantang-like mix, and 7 sub-districts as
/// wavy north–south strips tiling the box. Neighbours share vertices (no T-junctions): the strips' and the
/// boundary's edges along the box carry every grid node on them.
func generate(into directory: String, size: Int) throws {
    var rng = SeededGenerator(seed: 20_260_517)
    let halfLon = 15_000 / (111_320 * cos(30.3 * .pi / 180)), halfLat = 15_000 / 110_860.0
    let lon0 = 120.5 - halfLon, lon1 = 120.5 + halfLon, lat0 = 30.3 - halfLat, lat1 = 30.3 + halfLat
    func r7(_ v: Double) -> Double { (v * 1e7).rounded() / 1e7 }
    let lons = (0...size).map { r7(lon0 + (lon1 - lon0) * Double($0) / Double(size)) }
    let lats = (0...size).map { r7(lat0 + (lat1 - lat0) * Double($0) / Double(size)) }

    let mix: [(LandUseClass, Double)] = [
        (.cropland, 30), (.water, 20), (.industrial, 8), (.residential, 7), (.orchard, 6), (.reserved, 6),
        (.ruralResidential, 5), (.publicService, 3), (.grassland, 3), (.greenSpace, 3), (.wetland, 2),
        (.commercial, 2), (.forest, 2), (.transport, 2), (.utilities, 1), (.warehouse, 1),
    ]
    let weight = mix.reduce(0) { $0 + $1.1 }
    func draw() -> LandUseClass {
        var u = rng.unit() * weight
        for (c, w) in mix { if u < w { return c }; u -= w }
        return mix[0].0
    }
    var parcels: [Feature] = []
    parcels.reserveCapacity(size * size)
    for j in 0..<size {
        for i in 0..<size {
            let ring = [Coordinate(x: lons[i], y: lats[j]), Coordinate(x: lons[i + 1], y: lats[j]),
                        Coordinate(x: lons[i + 1], y: lats[j + 1]), Coordinate(x: lons[i], y: lats[j + 1]),
                        Coordinate(x: lons[i], y: lats[j])]
            let c = draw()
            parcels.append(Feature(geometry: .polygon(Polygon(exterior: ring)), properties: [
                "id": .string("p\(j)-\(i)"), "class": .string(c.rawValue), "code": .string(c.nationalCode),
                "source": .string("modelled"), "accuracy_m": .number(0),
            ]))
        }
    }

    // Six wavy curves x_k(lat) between the strips, sampled every ~100 m of latitude.
    let samples = 300
    let curveLats = (0...samples).map { r7(lat0 + (lat1 - lat0) * Double($0) / Double(samples)) }
    var curves: [[Coordinate]] = []
    for k in 1...6 {
        let base = lon0 + (lon1 - lon0) * Double(k) / 7
        let phase = rng.unit() * 2 * .pi, phase2 = rng.unit() * 2 * .pi
        let amplitude = (lon1 - lon0) * 0.035, amplitude2 = (lon1 - lon0) * 0.012
        curves.append(curveLats.enumerated().map { n, lat in
            let t = Double(n) / Double(samples)
            return Coordinate(x: r7(base + amplitude * sin(2 * .pi * 2.5 * t + phase) + amplitude2 * sin(2 * .pi * 9 * t + phase2)), y: lat)
        })
    }
    let west = curveLats.map { Coordinate(x: lon0 == lons[0] ? lons[0] : lons[0], y: $0) }
    let east = curveLats.map { Coordinate(x: lons[size], y: $0) }
    let edges = [west] + curves + [east]
    // The box's own edges carry every grid node between the two curves' ends.
    func bottomNodes(_ from: Double, _ to: Double, lat: Double) -> [Coordinate] {
        let inner = lons.filter { $0 > min(from, to) && $0 < max(from, to) }.map { Coordinate(x: $0, y: lat) }
        return from < to ? inner : inner.reversed()
    }
    func sideNodes(_ lon: Double, up: Bool) -> [Coordinate] {
        let known = Set(curveLats)
        let all = lats.filter { !known.contains($0) }.map { Coordinate(x: lon, y: $0) }
        return up ? all : all.reversed()
    }
    func sideMerged(_ line: [Coordinate], up: Bool) -> [Coordinate] {
        // A box side: the curve samples and the grid nodes, merged by latitude.
        let merged = (line + sideNodes(line[0].x, up: true)).sorted { $0.y < $1.y }
        return up ? merged : merged.reversed()
    }
    var subdistricts: [Feature] = []
    for k in 0..<7 {
        let left = k == 0 ? sideMerged(edges[0], up: true) : edges[k]
        let right = k == 6 ? sideMerged(edges[7], up: true) : edges[k + 1]
        var ring = [left[0]]
        ring += bottomNodes(left[0].x, right[0].x, lat: lat0 == lats[0] ? lats[0] : lats[0])
        ring += right
        ring += bottomNodes(right.last!.x, left.last!.x, lat: lats[size])
        ring += left.reversed()
        subdistricts.append(Feature(geometry: .polygon(Polygon(exterior: ring)), properties: [
            "id": .string("s\(k + 1)"), "name": .string("第\(k + 1)街道"), "block": .string("bench"),
            "source": .string("modelled"), "accuracy_m": .number(0),
        ]))
    }
    var boundaryRing: [Coordinate] = []
    boundaryRing += lons.map { Coordinate(x: $0, y: lats[0]) }
    boundaryRing += lats.dropFirst().map { Coordinate(x: lons[size], y: $0) }
    boundaryRing += lons.reversed().dropFirst().map { Coordinate(x: $0, y: lats[size]) }
    boundaryRing += lats.reversed().dropFirst().map { Coordinate(x: lons[0], y: $0) }
    let boundary = Feature(geometry: .polygon(Polygon(exterior: boundaryRing)), properties: [
        "id": .string("bench"), "name": .string("基准区"), "source": .string("modelled"), "accuracy_m": .number(0),
    ])

    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let writer = GeoJSONWriter()
    func write(_ name: String, _ features: [Feature]) throws {
        try writer.data(FeatureCollection(features: features)).write(to: URL(fileURLWithPath: directory + "/" + name))
    }
    try write("boundary.geojson", [boundary])
    try write("subdistricts.geojson", subdistricts)
    try write("landuse.geojson", parcels)
    let manifest = """
        {
          "name": "基准区",
          "name_en": "Land-use benchmark district (generated)",
          "official_area_km2": 900,
          "metric_crs": "EPSG:4549",
          "residents": 0,
          "layers": {
            "boundary": {"file": "boundary.geojson"},
            "subdistricts": {"file": "subdistricts.geojson"},
            "landuse": {"file": "landuse.geojson"}
          }
        }

        """
    try Data(manifest.utf8).write(to: URL(fileURLWithPath: directory + "/district.json"))
}

// MARK: Timing

func time(_ label: String, directory: String, method: AreaMethod, repeats: Int) throws -> (LandUseReport, Double, Double) {
    var load = Double.infinity, compute = Double.infinity
    var report: LandUseReport?
    for _ in 0..<repeats {
        var district: District?
        load = min(load, try seconds { district = try DistrictLoader().load(directory: directory).district })
        let options = LandUseOptions(grouping: LandUseGrouping(byClass: true, zone: .subdistrict), method: method)
        compute = min(compute, try seconds { report = try LandUse.compute(district!, options: options) })
    }
    print("\(label) \(method.rawValue): compute \(fmt(compute)) s, load+compute \(fmt(load + compute)) s "
          + "(best of \(repeats)); \(report!.parcelCount) parcels, \(report!.cutParcelCount) cut, \(report!.rows.count) rows, "
          + "total \(fmt(report!.total / 1e6, 6)) km², gap \(fmt(report!.gapArea, 4)) m², overlap \(fmt(report!.overlapArea, 4)) m²")
    return (report!, compute, load + compute)
}

let arguments = Arguments()
print("GEOS \(GeometryContext.geosVersion), PROJ \(PROJInfo.version), \(ProcessInfo.processInfo.activeProcessorCount) cores")
if FileManager.default.fileExists(atPath: arguments.bundled + "/district.json") {
    _ = try time("bundled", directory: arguments.bundled, method: .geodesic, repeats: arguments.repeats)
    _ = try time("bundled", directory: arguments.bundled, method: .planar, repeats: arguments.repeats)
}
if arguments.generate {
    let t = try seconds { try generate(into: arguments.out, size: arguments.size) }
    print("generated \(arguments.size)×\(arguments.size) parcels in \(arguments.out) (\(fmt(t, 1)) s)")
}
_ = try time("generated", directory: arguments.out, method: .geodesic, repeats: arguments.repeats)
let (planar, compute, withLoad) = try time("generated", directory: arguments.out, method: .planar,
                                           repeats: arguments.repeats)
// For geopandas_landuse.py: the planar figures to compare with, and the times to set beside its own.
var cells: [String] = []
for row in planar.rows {
    cells.append("\"\(row.zone?.id ?? "")|\(row.landClass?.rawValue ?? "")\": \(row.area)")
}
let result = """
    {"total_m2": \(planar.total), "compute_s": \(compute), "load_compute_s": \(withLoad), "rows": {\(cells.joined(separator: ", "))}}

    """
try Data(result.utf8).write(to: URL(fileURLWithPath: arguments.out + "/swift-result.json"))
