import Foundation
import QTGeometry
import QTModel
import QTProjection

/// What ``LandUse/compute(_:options:)`` does and how.
public struct LandUseOptions: Sendable {
    /// How rows are grouped.
    public var grouping: LandUseGrouping
    /// How areas are measured.
    public var method: AreaMethod
    /// Edges are split every this many degrees before projecting (see ``LandUse``); 0 projects the
    /// vertices only.
    public var densifyStepDegrees: Double

    /// Creates options: by class and sub-district, geodesic, densified every 0.001°.
    public init(
        grouping: LandUseGrouping = LandUseGrouping(byClass: true, zone: .subdistrict),
        method: AreaMethod = .geodesic, densifyStepDegrees: Double = LandUse.defaultDensifyStepDegrees
    ) {
        self.grouping = grouping
        self.method = method
        self.densifyStepDegrees = densifyStepDegrees
    }
}

/// Land use by class and by zone (sub-district or industrial park), reconciled with the boundary.
///
/// How it is computed:
/// - Parcels and zones are put in the manifest's metric CRS, their edges first split every
///   ``LandUseOptions/densifyStepDegrees`` (0.001°, about 100 m, by default) so that the projected edges
///   follow the stored lon/lat-straight edges to a tenth of a millimetre (an edge bends by ~1.1 cm per
///   km² of length² at 33 km from 120°E). The split points of an edge are computed from its
///   lexicographically smaller end, so two polygons sharing an edge get identical vertices and still form a
///   clean coverage.
/// - Parcels go in an STR tree; each zone, prepared, takes the parcels it contains whole and lists those it
///   merely intersects. Only those are cut (GEOS overlay): one piece per zone, and the rest, outside every
///   zone, is the parcel minus those zones, so the pieces of a parcel add up to it.
/// - Planar areas are GEOS areas in the metric CRS. Geodesic areas are Karney's ellipsoidal polygon areas
///   of the stored WGS84 parcel for whole parcels, and of the piece brought back to WGS84 for cut ones.
/// - Reconciliation: the parcels are dissolved with a coverage union (GEOS 3.11 does not check that its
///   input is a clean coverage, so its area is compared with the sum of the parcels and its validity
///   checked; when either fails, a unary union is used instead). Overlaps are the sum of the parcels
///   less the union's area; when there are any, they are found pair by pair (STR tree, pairs that only
///   touch skipped) and measured. Gaps are the boundary minus the union, and what lies outside the
///   boundary is the union minus the boundary.
public enum LandUse {
    /// Most vertices densifying may add to one feature: 10,000, about 1,000 km of edges at the default step
    /// (the bundled district's largest parcel or zone adds 258). Beyond it that feature's step grows.
    /// Twenty parcels with one mistyped longitude each (12.03 for 120.3: two 108° edges) took 137 s and
    /// 5.2 GB at the plain 0.001° step; such parcels are errors of `qtplan validate` anyway.
    public static let maximumAddedVertices = 10_000

    /// The default densification step: 0.001° (about 100 m at 30°N).
    public static let defaultDensifyStepDegrees = 1e-3

    /// Computes land use for a loaded district.
    /// - Throws: ``LandUseError`` when the landuse layer (or the zone layer the grouping needs) is absent,
    ///   or a parcel has no valid class or is not a polygon; ``ProjectionError`` when the metric CRS is
    ///   unknown; ``GeometryError`` from GEOS.
    public static func compute(_ district: District, options: LandUseOptions = LandUseOptions()) throws -> LandUseReport {
        guard district.layers[.landuse] != nil else { throw LandUseError.missingLayer(.landuse) }
        if let layer = options.grouping.zone?.zoneLayer, district.layers[layer] == nil {
            throw LandUseError.missingLayer(layer)
        }
        return try LandUseComputation(district: district, options: options).run()
    }

    /// The kind of a feature's `source` (``QTModel/FeatureSource``), or `unstated`.
    static func sourceKind(_ feature: Feature) -> String {
        FeatureSource.kind(feature.properties["source"]?.stringValue ?? "") ?? "unstated"
    }

    static func featureId(_ feature: Feature) -> String? {
        feature.properties["id"]?.stringValue ?? feature.id?.stringValue
    }
}

/// A parcel as the computation needs it: Sendable, so that child tasks can rebuild it in their context.
struct ParcelInput: Sendable {
    var index: Int
    var classIndex: Int
    /// The densified metric geometry, repaired when invalid.
    var metric: Geometry
    var planarArea: Double
    var area: Double
}

/// The work of one ``LandUse/compute(_:options:)`` call: one GEOS context and the transformers.
final class LandUseComputation {
    let district: District
    let options: LandUseOptions
    let context: GeometryContext
    let metricCRS: CRS
    let toMetric: Transformer
    let toWGS: Transformer
    /// The invalid parcels and zones repaired so far.
    var repairs: [GeometryRepair] = []

    init(district: District, options: LandUseOptions) throws {
        self.district = district
        self.options = options
        context = try GeometryContext()
        metricCRS = try CRS(parsing: district.manifest.metricCRS)
        toMetric = try Transformer(from: .wgs84, to: metricCRS)
        toWGS = try Transformer(from: metricCRS, to: .wgs84)
    }

    func run() throws -> LandUseReport {
        let features = district.features(.landuse)
        let classes = LandUseClass.allCases
        var classIndex: [Int] = []
        classIndex.reserveCapacity(features.count)
        for (index, feature) in features.enumerated() {
            guard let raw = feature.properties["class"]?.stringValue, let landClass = LandUseClass(rawValue: raw) else {
                let value = feature.properties["class"]
                let shown = value?.stringValue.map { "'\($0)'" } ?? value?.typeDescription ?? "missing"
                throw LandUseError.invalidFeature(
                    layer: .landuse, index: index, id: LandUse.featureId(feature),
                    detail: "class \(shown) is not a land-use class")
            }
            classIndex.append(classes.firstIndex(of: landClass)!)
        }
        let (parcels, repaired) = try metricGeometries(features, layer: .landuse)
        var planar: [Double] = []
        planar.reserveCapacity(parcels.count)
        for parcel in parcels { planar.append(try parcel.area()) }
        var areas = planar
        if options.method == .geodesic {
            for (i, feature) in features.enumerated() {
                areas[i] = repaired.contains(i) ? try measure(parcels[i]) : try Geodesic.wgs84.area(of: feature.geometry!)
            }
        }

        // Grouping: accumulate[class][zone], zone index == zones.count for outside every zone.
        var zones: [LandUseZone] = []
        var cells: [[Double]]
        var cutCount = 0
        if let layer = options.grouping.zone?.zoneLayer {
            let zoneFeatures = district.features(layer)
            zones = zoneFeatures.enumerated().map { index, feature in
                LandUseZone(
                    id: LandUse.featureId(feature) ?? "#\(index)", name: feature.properties["name"]?.stringValue,
                    nameEn: feature.properties["name_en"]?.stringValue)
            }
            let zoneGeometries = try metricGeometries(zoneFeatures, layer: layer).geometries
            (cells, cutCount) = try assign(
                parcels: parcels, areas: areas, classIndex: classIndex,
                zones: zoneGeometries)
        } else {
            cells = Array(repeating: [0], count: classes.count)
            for i in parcels.indices { cells[classIndex[i]][0] += areas[i] }
        }
        let zoneCount = zones.count

        // Reconciliation.
        let reconciliation = try reconcile(parcels: parcels, planar: planar, features: features)

        // Rows.
        var classTotals: [LandUseClass: Double] = [:]
        for (c, row) in cells.enumerated() {
            let sum = row.reduce(0, +)
            if sum > 0 || classIndex.contains(c) { classTotals[classes[c]] = sum }
        }
        // Class totals come from whole parcels, not from the cut pieces, so that they do not depend on the
        // grouping.
        var wholeByClass = [Double](repeating: 0, count: classes.count)
        for i in parcels.indices { wholeByClass[classIndex[i]] += areas[i] }
        classTotals = [:]
        for (c, area) in wholeByClass.enumerated() where classIndex.contains(c) { classTotals[classes[c]] = area }
        let total = areas.reduce(0, +)
        let outsideZones = zoneCount > 0 ? cells.reduce(0) { $0 + $1[zoneCount] } : 0

        var rows: [LandUseRow] = []
        let groupingZones = options.grouping.zone != nil
        let showOutside = groupingZones && outsideZones >= LandUse.outsideRowThresholdM2
        if groupingZones {
            for z in 0...zoneCount where z < zoneCount || showOutside {
                let zone = z < zoneCount ? zones[z] : nil
                let zoneTotal = cells.reduce(0) { $0 + $1[z] }
                if options.grouping.byClass {
                    for c in classes.indices where cells[c][z] > 0 {
                        rows.append(
                            LandUseRow(
                                landClass: classes[c], zone: zone, isOutside: zone == nil,
                                area: cells[c][z], share: zoneTotal > 0 ? cells[c][z] / zoneTotal : 0))
                    }
                } else if zoneTotal > 0 || zone != nil {
                    rows.append(
                        LandUseRow(
                            landClass: nil, zone: zone, isOutside: zone == nil, area: zoneTotal,
                            share: total > 0 ? zoneTotal / total : 0))
                }
            }
        } else {
            for c in classes.indices where cells[c][0] > 0 {
                rows.append(
                    LandUseRow(
                        landClass: classes[c], zone: nil, area: cells[c][0],
                        share: total > 0 ? cells[c][0] / total : 0))
            }
        }

        var sources: [String: Int] = [:]
        for feature in features { sources[LandUse.sourceKind(feature), default: 0] += 1 }
        let urban = classes.indices.filter { classes[$0].isUrbanConstruction }.reduce(0) { $0 + wholeByClass[$1] }
        let derived = LandUseDerived(
            urbanConstructionArea: urban,
            croplandArea: wholeByClass[classes.firstIndex(of: .cropland)!],
            greenSpaceArea: wholeByClass[classes.firstIndex(of: .greenSpace)!])

        return LandUseReport(
            grouping: options.grouping, method: options.method, metricCRS: district.manifest.metricCRS, rows: rows,
            classTotals: classTotals, parcelCount: parcels.count, cutParcelCount: cutCount, total: total,
            boundaryArea: reconciliation.boundaryArea, officialArea: district.manifest.officialAreaKm2 * 1_000_000,
            gapArea: reconciliation.gap, overlapArea: reconciliation.overlap,
            outsideBoundaryArea: reconciliation.outsideBoundary, outsideZonesArea: outsideZones,
            pieces: reconciliation.pieces, derived: derived, sources: sources,
            repairs: repairs.sorted { ($0.layer, $0.index) < ($1.layer, $1.index) })
    }

    // MARK: Geometry

    /// The features' polygons in the metric CRS, densified, repaired with make-valid when invalid (each
    /// repair is recorded in ``repairs``).
    /// - Returns: the geometries and the indices that needed repair.
    func metricGeometries(_ features: [Feature], layer: LayerName) throws -> (geometries: [NativeGeometry], repaired: Set<Int>) {
        var dense: [Geometry] = []
        dense.reserveCapacity(features.count)
        var all: [Coordinate] = []
        for (index, feature) in features.enumerated() {
            guard let geometry = feature.geometry, geometry.kind == .polygon || geometry.kind == .multiPolygon,
                !geometry.isEmpty
            else {
                throw LandUseError.invalidFeature(
                    layer: layer, index: index, id: LandUse.featureId(feature),
                    detail: "not a Polygon or MultiPolygon")
            }
            let d = geometry.densified(step: options.densifyStepDegrees, maximumAddedVertices: LandUse.maximumAddedVertices)
            d.forEachCoordinate { all.append($0) }
            dense.append(d)
        }
        let moved = try toMetric.transform(all)
        var next = 0
        var made: [NativeGeometry] = []
        made.reserveCapacity(dense.count)
        var repaired = Set<Int>()
        for (index, d) in dense.enumerated() {
            let metric = d.mapCoordinates { _ in
                defer { next += 1 }
                return moved[next]
            }
            do {
                let native = try context.make(metric)
                if try native.isValid() {
                    made.append(native)
                } else {
                    let reason = try native.validity().reason ?? "invalid"
                    made.append(try native.makeValid().polygonalPart())
                    repaired.insert(index)
                    repairs.append(
                        GeometryRepair(
                            layer: layer, index: index, id: LandUse.featureId(features[index]),
                            reason: reason))
                }
            } catch let error as GeometryError {
                throw LandUseError.invalidFeature(
                    layer: layer, index: index, id: LandUse.featureId(features[index]),
                    detail: "\(error)")
            }
        }
        return (made, repaired)
    }

    /// The area of a metric geometry by the report's method, m².
    func measure(_ geometry: NativeGeometry) throws -> Double {
        switch options.method {
        case .planar: return try geometry.area()
        case .geodesic:
            let polygons = try geometry.value().polygons
            if polygons.isEmpty { return 0 }
            return try Geodesic.wgs84.area(of: try toWGS.transform(.multiPolygon(MultiPolygon(polygons))))
        }
    }

    // MARK: Cutting parcels by zones

    /// Area per class and zone (the last zone column is outside every zone), and how many parcels were cut.
    func assign(
        parcels: [NativeGeometry], areas: [Double], classIndex: [Int],
        zones: [NativeGeometry]
    ) throws -> (cells: [[Double]], cut: Int) {
        let classCount = LandUseClass.allCases.count
        var cells = Array(repeating: [Double](repeating: 0, count: zones.count + 1), count: classCount)
        var whole = [[Int]](repeating: [], count: parcels.count)
        var crossing = [[Int]](repeating: [], count: parcels.count)
        let tree = try STRtree(context: context, geometries: parcels)
        for (z, zone) in zones.enumerated() {
            let prepared = try PreparedGeometry(zone)
            for candidate in try tree.query(zone) {
                let parcel = parcels[candidate]
                if try prepared.contains(parcel) {
                    whole[candidate].append(z)
                } else if try prepared.intersects(parcel) {
                    crossing[candidate].append(z)
                }
            }
        }
        var cutIndices: [Int] = []
        for i in parcels.indices {
            if !whole[i].isEmpty {
                for z in whole[i] { cells[classIndex[i]][z] += areas[i] }
            } else if crossing[i].isEmpty {
                cells[classIndex[i]][zones.count] += areas[i]
            } else {
                cutIndices.append(i)
            }
        }
        // Cut parcels: pieces per zone and the rest outside them.
        let pieces = try cut(cutIndices, parcels: parcels, crossing: crossing, zones: zones)
        for (i, zoneAreas, outside) in pieces {
            for (z, area) in zoneAreas { cells[classIndex[i]][z] += area }
            cells[classIndex[i]][zones.count] += outside
        }
        return (cells, cutIndices.count)
    }

    /// For each cut parcel, the area of its piece in each zone it crosses and of the rest. Runs on the
    /// caller's context: a parallel version (workers with their own contexts over DispatchQueue.concurrentPerform)
    /// was slower on 2 cores and hung under the test runner, so it was taken out.
    func cut(
        _ indices: [Int], parcels: [NativeGeometry], crossing: [[Int]],
        zones: [NativeGeometry]
    ) throws -> [(Int, [(Int, Double)], Double)] {
        var out: [(Int, [(Int, Double)], Double)] = []
        for i in indices {
            let (zoneAreas, rest) = try LandUseCutter.cut(
                parcels[i], zones: crossing[i].map { ($0, zones[$0]) },
                measure: measure)
            out.append((i, zoneAreas, rest))
        }
        return out
    }

    // MARK: Reconciliation

    struct Reconciliation {
        var boundaryArea: Double
        var gap: Double
        var overlap: Double
        var outsideBoundary: Double
        var pieces: [Feature]
    }

    func reconcile(parcels: [NativeGeometry], planar: [Double], features: [Feature]) throws -> Reconciliation {
        let boundaryParts = try metricGeometries(district.features(.boundary), layer: .boundary).geometries
        let boundary = try context.union(of: boundaryParts).polygonalPart()
        let boundaryArea = options.method == .geodesic ? try Geodesic.wgs84.area(of: district.boundary) : try boundary.area()

        let sum = planar.reduce(0, +)
        let tolerance = 1e-3 + 1e-10 * sum
        var union: NativeGeometry?
        if let coverage = try? context.coverageUnion(of: parcels), (try? coverage.isValid()) == true,
            let area = try? coverage.area(), abs(area - sum) <= tolerance
        {
            union = coverage
        }
        var pieces: [Feature] = []
        var overlap = 0.0
        if union == nil {
            let unary = try context.union(of: parcels).polygonalPart()
            union = unary
            if sum - (try unary.area()) > tolerance {
                for (a, b, piece) in try overlapPieces(parcels) {
                    let area = try measure(piece)
                    guard area > 0 else { continue }
                    overlap += area
                    pieces.append(
                        try feature(
                            piece, kind: "overlap", area: area,
                            extra: [
                                "features": .array([a, b].map { LandUse.featureId(features[$0]).map(JSONValue.string) ?? .number(Double($0)) })
                            ]))
                }
            }
        }
        var gap = 0.0
        for polygon in try boundary.difference(union!).value().polygons {
            let piece = try context.make(.polygon(polygon))
            let area = try measure(piece)
            guard area > 0 else { continue }
            gap += area
            pieces.append(try feature(piece, kind: "gap", area: area))
        }
        var outside = 0.0
        for polygon in try union!.difference(boundary).value().polygons {
            let piece = try context.make(.polygon(polygon))
            let area = try measure(piece)
            guard area > 0 else { continue }
            outside += area
            pieces.append(try feature(piece, kind: "outside_boundary", area: area))
        }
        return Reconciliation(
            boundaryArea: boundaryArea, gap: gap, overlap: overlap, outsideBoundary: outside,
            pieces: pieces)
    }

    /// Pairs of parcels whose interiors meet, with the shared piece.
    func overlapPieces(_ parcels: [NativeGeometry]) throws -> [(Int, Int, NativeGeometry)] {
        let tree = try STRtree(context: context, geometries: parcels)
        var out: [(Int, Int, NativeGeometry)] = []
        for (i, parcel) in parcels.enumerated() {
            let prepared = try PreparedGeometry(parcel)
            for j in try tree.query(parcel) where j > i {
                let other = parcels[j]
                guard try prepared.intersects(other), try !parcel.touches(other) else { continue }
                let shared = try parcel.intersection(other).polygonalPart()
                if try !shared.isEmpty() { out.append((i, j, shared)) }
            }
        }
        return out
    }

    /// A piece as a WGS84 GeoJSON feature for `--gaps`.
    func feature(_ piece: NativeGeometry, kind: String, area: Double, extra: PropertyMap = [:]) throws -> Feature {
        let wgs = try toWGS.transform(try piece.value())
        var properties = extra
        properties["kind"] = .string(kind)
        properties["area_m2"] = .number((area * 1000).rounded() / 1000)
        return Feature(geometry: try context.orientedForGeoJSON(wgs), properties: properties)
    }
}

extension LandUse {
    /// Land outside every zone is listed as its own rows only from this area on (m²); below it, it is a
    /// rounding sliver, still reported as ``LandUseReport/outsideZonesArea``.
    public static let outsideRowThresholdM2 = 1.0
}
