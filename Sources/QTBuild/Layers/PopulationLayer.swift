import Foundation
import QTGeometry
import QTModel
import QTOSM
import QTProjection

/// The population layer, modelled: residents spread over residential buildings in proportion to their floor
/// area (footprint inside the boundary × `building:levels`, the table's default where missing), as integers by
/// largest remainder so that they add up exactly to the total. Residential buildings are those whose `building`
/// value is residential wherever they stand, and `building=yes` (the table's values) whose point on surface
/// lies in an OSM `landuse=residential` area.
struct PopulationLayer {
    let rules: ResidentialBuildingRules
    let accuracy: Double

    struct Building {
        var area: OSMArea
        var geometry: Geometry
        var floorM2: Double
        var levels: Double
        var levelsFromOSM: Bool
    }

    struct Output {
        var features: [Feature] = []
        var residents = 0
        var residentsSource = ""
        var floorM2 = 0.0
        var buildings = 0
    }

    /// The residential buildings inside the boundary.
    func buildings(_ areas: [OSMArea], residential: [NativeGeometry], zone: Zone) throws -> [Building] {
        let context = zone.context
        let landuse = residential.isEmpty ? nil : try UnionMembership(context: context, members: residential)
        var out: [Building] = []
        for area in areas {
            guard let value = area.tags[rules.key] else { continue }
            let native = try context.make(area.geometry)
            var counted = rules.values.contains(value)
            if !counted, rules.insideResidentialValues.contains(value), let landuse {
                counted = try landuse.contains(try native.pointOnSurface())
            }
            guard counted, let clipped = try zone.clip(native) else { continue }
            let footprint = try Geodesic.wgs84.area(of: clipped)
            guard footprint > 0 else { continue }
            let tagged = area.tags[rules.levelsKey].flatMap(Self.levels)
            let levels = tagged ?? rules.defaultLevels
            out.append(
                Building(
                    area: area, geometry: clipped, floorM2: footprint * levels, levels: levels,
                    levelsFromOSM: tagged != nil))
        }
        return out
    }

    /// `building:levels` as a number ≥ 1 (the first number of `3;5` or `4.5`); `nil` otherwise.
    static func levels(_ text: String) -> Double? {
        let first = text.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard let n = Double(first), n.isFinite, n >= 1, n < 300 else { return nil }
        return n
    }

    func build(_ buildings: [Building], residents given: Int?, aged60: Double) -> Output {
        var out = Output()
        out.buildings = buildings.count
        out.floorM2 = buildings.reduce(0) { $0 + $1.floorM2 }
        let total: Int
        if let given {
            total = given
            out.residentsSource = "--residents \(given), spread over residential floor area (modelled)"
        } else {
            total = Int((out.floorM2 / rules.floorAreaPerResident).rounded())
            out.residentsSource =
                "modelled: residential floor area \(Int(out.floorM2.rounded())) m² ÷ "
                + "\(ValidationNumber.plain(rules.floorAreaPerResident)) m² per resident (no --residents)"
        }
        out.residents = total
        let counts = Self.largestRemainder(total: total, weights: buildings.map(\.floorM2))
        let method =
            "residents spread over residential floor area (footprint × \(rules.levelsKey), "
            + "\(ValidationNumber.plain(rules.defaultLevels)) where missing) by largest remainder"
        var maker = PropertyMapMaker(fields: Self.fields)!
        for (b, count) in zip(buildings, counts) {
            let id = JSONValue.string("pop-\(b.area.shortId)")
            // In the order of `fields`.
            let p = maker.make([
                id, .number(Double(count)), .number(aged60), .bool(true), .bool(false), .string("modelled"), .number(accuracy),
                .string(b.area.source), .number(NetworkLayer.rounded(b.floorM2, 10)), .number(b.levels),
                .string(b.levelsFromOSM ? "osm" : "default"), .string(method)
            ])
            out.features.append(Feature(id: id, geometry: b.geometry, properties: p))
        }
        return out
    }

    /// The properties of a feature, in the order ``build(_:residents:aged60:)`` gives their values.
    static let fields = [
        "id", "population", "aged_60_plus_share", "urban", "future_community", "source", "accuracy_m", "footprint",
        "floor_area_m2", "levels", "levels_source", "method"
    ]

    /// `total` split in proportion to `weights` as integers adding up to it exactly: each gets the whole part of
    /// its quota, then the largest fractional parts one more each (ties to the earlier).
    static func largestRemainder(total: Int, weights: [Double]) -> [Int] {
        let sum = weights.reduce(0, +)
        guard sum > 0, total > 0 else { return weights.map { _ in 0 } }
        var counts: [Int] = []
        var fractions: [(Double, Int)] = []
        for (i, w) in weights.enumerated() {
            let quota = Double(total) * w / sum
            let whole = Int(quota.rounded(.down))
            counts.append(whole)
            fractions.append((quota - Double(whole), i))
        }
        var left = total - counts.reduce(0, +)
        fractions.sort { ($0.0, -$0.1) > ($1.0, -$1.1) }
        var k = 0
        while left > 0 && !fractions.isEmpty {
            counts[fractions[k % fractions.count].1] += 1
            left -= 1
            k += 1
        }
        return counts
    }
}

extension DistrictBuilder {
    /// `total` split in proportion to `weights` as integers adding up to it exactly (largest remainder, ties to
    /// the earlier): the rule behind the population layer.
    public static func largestRemainder(total: Int, weights: [Double]) -> [Int] {
        PopulationLayer.largestRemainder(total: total, weights: weights)
    }
}
