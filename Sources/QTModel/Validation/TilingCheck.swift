import QTGeometry
import QTText

/// Tiling: a layer's polygons (sub-districts, land-use parcels) cover the boundary without gaps and without
/// overlapping one another, measured in m² in the manifest's metric CRS.
///
/// The overlays run on the coordinates as stored (WGS84), where GeoJSON's edges are straight; each piece is
/// then measured in the metric CRS with its edges densified (``ValidationWorkspace/metricArea(_:)``).
/// Overlaying vertex-projected polygons instead would turn every T-junction on a long edge into a spurious
/// sliver of several m² (in EPSG:4549 at 30.3°N an east-west edge of 1 km bends by 1.1 cm, one of 5 km by
/// 29 cm).
///
/// - Gaps: the boundary minus the union of the layer (a coverage union when nothing overlaps, else a
///   cascaded union).
/// - Overlaps: the pairwise intersections of features whose boxes meet (an STRtree query, never all pairs),
///   skipping pairs that only touch; pieces of area > 0 count.
/// - Tolerance: gap (or overlap) pieces totalling less than ``DistrictValidator/sliverToleranceM2`` per layer
///   are slivers from coordinate rounding, tolerated and counted; above that every piece is an error (the
///   largest ``maximumListed`` one by one, then one line for the rest).
/// Parts of a feature outside the boundary are the inside-boundary check's.
struct TilingCheck: DistrictCheck {
    let id = "tiling"
    var layer: LayerName
    var title: String { "\(layer.rawValue) tiling" }
    /// Pieces listed one issue each before the rest are summarised in one.
    static let maximumListed = 20

    /// A gap or overlap piece: WGS84 geometry and location, area in m² in the metric CRS.
    struct Piece {
        var geometry: Geometry
        var area: Double
        var at: Coordinate
        /// For overlaps, the two features' indices.
        var features: (Int, Int)?
    }

    func run(_ workspace: ValidationWorkspace) throws -> [CheckOutcome] {
        guard workspace.district.layers[layer] != nil else {
            return [.notPresent(id: id, layer: layer, title: title)]
        }
        guard let boundary = workspace.wgsBoundary() else {
            let issue = workspace.issue(.error, "tiling.failed", .boundary, "the boundary cannot be measured in \(workspace.metricCRS)")
            return [CheckOutcome(id: id, layer: layer, title: title, issues: [issue], summary: "no boundary to tile")]
        }
        var items: [(index: Int, geometry: NativeGeometry)] = []
        for (index, geometry) in workspace.wgsPolygonal(layer).enumerated() {
            if let geometry { items.append((index, geometry)) }
        }
        let overlaps = try overlapPieces(items, workspace)
        let gaps = try gapPieces(items, boundary: boundary, anyOverlap: !overlaps.isEmpty, workspace)

        var issues: [ValidationIssue] = []
        var problems: [Feature] = []
        let gapTotal = gaps.reduce(0) { $0 + $1.area }
        let overlapTotal = overlaps.reduce(0) { $0 + $1.area }
        // A land-use layer from OpenStreetMap leaves land blank: its manifest says so, and the uncovered share is
        // reported instead of failing.
        let gapsAllowed = layer == .landuse && workspace.district.manifest.landuseTilesBoundary == false
        let gapTolerated = gapsAllowed || gapTotal < DistrictValidator.sliverToleranceM2
        let overlapTolerated = overlapTotal < DistrictValidator.sliverToleranceM2
        if !gapTolerated { issues += gapIssues(gaps, total: gapTotal, workspace) }
        if !overlapTolerated { issues += overlapIssues(overlaps, total: overlapTotal, workspace) }
        for piece in gaps {
            problems.append(try problem(piece, check: "tiling.gap", tolerated: gapTolerated, workspace))
        }
        for piece in overlaps {
            problems.append(try problem(piece, check: "tiling.overlap", tolerated: overlapTolerated, workspace))
        }
        var summary =
            "gap " + describe(gaps, total: gapTotal, tolerated: gapTolerated)
            + ", overlap " + describe(overlaps, total: overlapTotal, tolerated: overlapTolerated)
        var figures: [ValidationFigure] = []
        if gapsAllowed {
            let boundaryArea = try workspace.metricArea(try boundary.value().polygons)
            let share = boundaryArea > 0 ? gapTotal / boundaryArea : 0
            summary =
                "uncovered \(NumberText.grouped(share * 100, decimals: 1))% of the boundary (gap "
                + ValidationText.area(gapTotal) + " m², not required: landuse_tiles_boundary false), overlap "
                + describe(overlaps, total: overlapTotal, tolerated: overlapTolerated)
            figures.append(ValidationFigure("uncovered_share", share))
        }
        figures += [
            .count("features", items.count),
            ValidationFigure("gap_m2", gapTotal), .count("gap_pieces", gaps.count),
            ValidationFigure("overlap_m2", overlapTotal), .count("overlap_pieces", overlaps.count)
        ]
        return [
            CheckOutcome(
                id: id, layer: layer, title: title, issues: issues, figures: figures, summary: summary,
                problems: problems)
        ]
    }

    // MARK: Measuring

    /// Overlaps between features, one piece per overlapping pair, in pair order.
    private func overlapPieces(
        _ items: [(index: Int, geometry: NativeGeometry)],
        _ workspace: ValidationWorkspace
    ) throws -> [Piece] {
        let tree = try STRtree(context: workspace.context, geometries: items.map(\.geometry))
        var pieces: [Piece] = []
        for (i, item) in items.enumerated() {
            let prepared = try PreparedGeometry(item.geometry)
            for j in try tree.query(item.geometry) where j > i {
                let other = items[j].geometry
                guard try prepared.intersects(other), try !item.geometry.touches(other) else { continue }
                let shared = try item.geometry.intersection(other)
                let polygons = try shared.value().polygons
                guard !polygons.isEmpty else { continue }
                var piece = try self.piece(polygons, workspace)
                guard piece.area > 0 else { continue }
                piece.features = (item.index, items[j].index)
                pieces.append(piece)
            }
        }
        return pieces
    }

    /// The boundary minus the layer's union, one piece per polygon, largest first.
    private func gapPieces(
        _ items: [(index: Int, geometry: NativeGeometry)], boundary: NativeGeometry, anyOverlap: Bool,
        _ workspace: ValidationWorkspace
    ) throws -> [Piece] {
        let members = items.map(\.geometry)
        var gap: NativeGeometry?
        if members.isEmpty {
            gap = boundary
        } else if !anyOverlap {
            // A coverage union is exact and fast for polygons that do not overlap; fall back when GEOS
            // finds the input is not a clean coverage.
            if let union = try? workspace.context.coverageUnion(of: members), (try? union.isValid()) == true {
                gap = try? boundary.difference(union)
            }
        }
        if gap == nil {
            gap = try boundary.difference(try workspace.context.union(of: members))
        }
        let polygons = try gap!.value().polygons
        return try polygons.map { try piece([$0], workspace) }.filter { $0.area > 0 }
            .sorted { ($0.area, $1.at.x, $1.at.y) > ($1.area, $0.at.x, $0.at.y) }
    }

    private func piece(_ polygons: [Polygon], _ workspace: ValidationWorkspace) throws -> Piece {
        let geometry: Geometry = polygons.count == 1 ? .polygon(polygons[0]) : .multiPolygon(MultiPolygon(polygons))
        let native = try workspace.context.make(geometry)
        let at: Coordinate
        if case .point(let p) = try native.pointOnSurface().value(), let c = p.coordinate {
            at = c
        } else {
            at = geometry.envelope.map { Coordinate(x: ($0.minX + $0.maxX) / 2, y: ($0.minY + $0.maxY) / 2) } ?? Coordinate(x: 0, y: 0)
        }
        return Piece(geometry: geometry, area: try workspace.metricArea(polygons), at: at)
    }

    // MARK: Reporting

    private func describe(_ pieces: [Piece], total: Double, tolerated: Bool) -> String {
        let area = ValidationText.area(total) + " m²"
        if pieces.isEmpty { return area }
        if tolerated { return "\(area) (\(NumberText.count(pieces.count, "sliver")), tolerated)" }
        return "\(area) (\(NumberText.count(pieces.count, "piece")))"
    }

    private func gapIssues(_ gaps: [Piece], total: Double, _ workspace: ValidationWorkspace) -> [ValidationIssue] {
        let file = workspace.file(layer)
        var issues = gaps.prefix(Self.maximumListed).map { gap in
            ValidationIssue(
                severity: .error, layer: layer, check: "tiling.gap",
                message: "\(file): gap of \(ValidationText.area(gap.area)) m² at \(workspace.lonLat(wgs: gap.at)) "
                    + "covered by no \(noun) (the boundary must be tiled)")
        }
        if gaps.count > Self.maximumListed {
            let rest = gaps.dropFirst(Self.maximumListed)
            let area = rest.reduce(0) { $0 + $1.area }
            issues.append(
                ValidationIssue(
                    severity: .error, layer: layer, check: "tiling.gap",
                    message: "\(file): \(NumberText.count(rest.count, "more gap")) of "
                        + "\(ValidationText.area(area)) m² (gaps total \(ValidationText.area(total)) m²)"))
        }
        return issues
    }

    private func overlapIssues(_ overlaps: [Piece], total: Double, _ workspace: ValidationWorkspace) -> [ValidationIssue] {
        let listed = overlaps.enumerated().sorted { ($0.element.area, $1.offset) > ($1.element.area, $0.offset) }
            .prefix(Self.maximumListed).sorted { $0.offset < $1.offset }.map(\.element)
        var issues: [ValidationIssue] = listed.map { piece in
            let (a, b) = piece.features!
            let other = workspace.featureId(layer, b).map { " '\($0)'" } ?? ""
            return workspace.issue(
                .error, "tiling.overlap", layer, a,
                "overlaps feature \(b)\(other) by \(ValidationText.area(piece.area)) m² at \(workspace.lonLat(wgs: piece.at))")
        }
        if overlaps.count > Self.maximumListed {
            let area = total - listed.reduce(0) { $0 + $1.area }
            issues.append(
                workspace.issue(
                    .error, "tiling.overlap", layer,
                    "\(NumberText.count(overlaps.count - listed.count, "more overlap")) of "
                        + "\(ValidationText.area(area)) m² (overlaps total \(ValidationText.area(total)) m²)"))
        }
        return issues
    }

    private var noun: String { layer == .landuse ? "parcel" : "sub-district" }

    /// A piece as a GeoJSON feature in WGS84 for `--problems`.
    private func problem(_ piece: Piece, check: String, tolerated: Bool, _ workspace: ValidationWorkspace) throws -> Feature {
        var properties: PropertyMap = [
            "layer": .string(layer.rawValue), "check": .string(check),
            "area_m2": .number((piece.area * 1000).rounded() / 1000), "tolerated": .bool(tolerated)
        ]
        if let (a, b) = piece.features {
            properties["features"] = .array(
                [a, b].map { index in
                    workspace.featureId(layer, index).map(JSONValue.string) ?? .number(Double(index))
                })
        }
        return Feature(geometry: try workspace.context.orientedForGeoJSON(piece.geometry), properties: properties)
    }
}
