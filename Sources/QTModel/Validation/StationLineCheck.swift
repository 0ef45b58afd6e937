import QTGeometry
import QTText

/// Stations on their lines: a metro station lies within ``DistrictValidator/stationToleranceM`` of every
/// metro line it lists in `lines` (a line being every `metro_line` feature with that `line`), has an `order`
/// for each of them, and the orders of the stations of one line are consecutive integers without repeats.
struct StationLineCheck: DistrictCheck {
    let id = "stations"
    let title = "stations on lines"

    func run(_ workspace: ValidationWorkspace) throws -> [CheckOutcome] {
        guard workspace.district.layers[.transit] != nil else {
            return [.notPresent(id: id, layer: .transit, title: title)]
        }
        let features = workspace.features(.transit)
        let metric = workspace.metricGeometries(.transit)
        var lineFeatures: [String: [Int]] = [:]
        var stations: [Int] = []
        for (index, feature) in features.enumerated() {
            switch LayerSchema.kind(feature) {
            case TransitKind.metroLine.rawValue?:
                if let line = feature.properties["line"]?.stringValue { lineFeatures[line, default: []].append(index) }
            case TransitKind.metroStation.rawValue?:
                stations.append(index)
            default:
                break
            }
        }
        let tolerance = DistrictValidator.stationToleranceM
        var issues: [ValidationIssue] = []
        var farthest = 0.0
        var orders: [String: [(order: Int, station: Int)]] = [:]
        for index in stations {
            guard let listed = features[index].properties["lines"]?.arrayValue?.compactMap(\.stringValue) else { continue }
            if let point = metric[index] {
                for line in listed {
                    guard let onLine = lineFeatures[line] else {
                        issues.append(
                            workspace.issue(
                                .error, "stations.unknown_line", .transit, index,
                                "lists line '\(line)', but no metro_line has line '\(line)'"))
                        continue
                    }
                    var nearest: (distance: Double, feature: Int)?
                    for lineIndex in onLine {
                        guard let geometry = metric[lineIndex] else { continue }
                        let distance = try point.distance(to: geometry)
                        if nearest == nil || distance < nearest!.distance { nearest = (distance, lineIndex) }
                    }
                    guard let nearest else { continue }
                    farthest = max(farthest, nearest.distance)
                    if nearest.distance > tolerance {
                        let lineId = workspace.featureId(.transit, nearest.feature).map { " '\($0)'" } ?? ""
                        issues.append(
                            workspace.issue(
                                .error, "stations.off_line", .transit, index,
                                "lies \(ValidationText.metres(nearest.distance)) m from line '\(line)' "
                                    + "(feature \(nearest.feature)\(lineId)); a station must lie within "
                                    + "\(ValidationText.plain(tolerance)) m of each line it lists"))
                    }
                }
            }
            let order = features[index].properties["order"]?.objectValue ?? [:]
            for line in listed {
                guard let value = order[line] else {
                    issues.append(workspace.issue(.error, "stations.order", .transit, index, "has no order on line '\(line)'"))
                    continue
                }
                guard let position = value.intValue, position >= 1 else {
                    issues.append(
                        workspace.issue(
                            .error, "stations.order", .transit, index,
                            "order on line '\(line)' must be a whole number ≥ 1, found \(ValidationText.shown(value))"))
                    continue
                }
                orders[line, default: []].append((position, index))
            }
            for line in order.keys.sorted() where !listed.contains(line) {
                issues.append(
                    workspace.issue(
                        .error, "stations.order", .transit, index,
                        "gives an order on line '\(line)', which it does not list in 'lines'"))
            }
        }
        for (line, entries) in orders.sorted(by: { $0.key < $1.key }) {
            let sequence = entries.sorted { ($0.order, $0.station) < ($1.order, $1.station) }
            for (previous, next) in zip(sequence, sequence.dropFirst()) where next.order == previous.order {
                let other = workspace.featureId(.transit, previous.station).map { " '\($0)'" } ?? ""
                issues.append(
                    workspace.issue(
                        .error, "stations.order", .transit, next.station,
                        "has order \(next.order) on line '\(line)', as has feature \(previous.station)\(other)"))
            }
            let distinct = Array(Set(sequence.map(\.order))).sorted()
            if let first = distinct.first, let last = distinct.last, last - first + 1 != distinct.count {
                let missing = Set(first...last).subtracting(distinct).sorted()
                issues.append(
                    workspace.issue(
                        .error, "stations.order", .transit,
                        "line '\(line)': station orders \(distinct.map(String.init).joined(separator: ", ")) "
                            + "are not consecutive (missing \(missing.map(String.init).joined(separator: ", ")))"))
            }
        }
        let summary =
            stations.isEmpty
            ? "no metro stations"
            : "\(NumberText.count(stations.count, "station")) on \(NumberText.count(lineFeatures.count, "line")), "
                + "farthest \(ValidationText.metres(farthest)) m (tolerance \(ValidationText.plain(tolerance)) m)"
        return [
            CheckOutcome(
                id: id, layer: .transit, title: title, issues: issues,
                figures: [
                    .count("stations", stations.count), .count("lines", lineFeatures.count),
                    ValidationFigure("farthest_m", farthest)
                ],
                summary: summary)
        ]
    }
}
