import Foundation
import QTGeometry
import QTOSM
import QTProjection

/// One edge of the network before it is written: its way, its OSM end nodes and its line.
struct NetworkEdge: Sendable {
    /// The way it comes from.
    var wayId: Int64
    /// Its 1-based piece number along the way.
    var piece: Int
    /// OSM ids of its first and last node (after any reversal).
    var fromNode: Int64, toNode: Int64
    /// Its line, WGS84, first vertex at `fromNode`.
    var line: [Coordinate]
    /// Geodesic length, metres.
    var length: Double
    /// The way's permissions, with directions made relative to `line`.
    var permissions: WayPermissions
    /// The way's name, if any.
    var name: String?
}

/// What the network step found, beyond the edges.
struct NetworkFindings: Sendable {
    /// `highway` values the table does not list → ways.
    var unmapped: [String: Int] = [:]
    /// Why streets were left out → ways.
    var excluded: [String: Int] = [:]
    /// Network ways skipped because they refer to nodes the extract lacks.
    var missingNodeWays: [Int64] = []
    /// Ways whose `maxspeed` is outside the plausible range: (way, the value read in km/h, the tag).
    var absurdMaxspeed: [(way: Int64, kmh: Double, tag: String)] = []
    /// `maxspeed` values not understood → ways.
    var maxspeedNotUnderstood: [String: Int] = [:]
    /// `oneway` values not understood → ways (taken as two-way).
    var onewayNotUnderstood: [String: Int] = [:]
    /// Ways one-way for walkers against their one-way for drivers (walked both ways).
    var walkAgainstDrive = 0
}

/// Builds the street network from the ways with `highway=*`: each way is split at every node it shares with
/// another network way (or with itself) and only there, so a bridge or tunnel that crosses a street without a
/// shared node never joins it. Permissions, one-way and speed come from ``OSMNetworkRules``.
struct NetworkBuilder {
    let rules: OSMNetworkRules

    func build(_ data: OSMData) throws -> (edges: [NetworkEdge], findings: NetworkFindings) {
        var findings = NetworkFindings()
        var ways: [(way: OSMWay, permissions: WayPermissions, nodes: [Int])] = []
        for way in data.ways {
            switch WayPermissions.role(of: way.tags, rules: rules) {
            case .notAStreet: continue
            case .excluded(let why): findings.excluded[why, default: 0] += 1
            case .unmapped(let tag): findings.unmapped[tag, default: 0] += 1
            case .network(let permissions):
                var nodes: [Int] = []
                nodes.reserveCapacity(way.refs.count)
                var missing = false
                for ref in way.refs {
                    guard let index = data.nodes.index(of: ref) else { missing = true; break }
                    if nodes.last != index { nodes.append(index) } // a repeated consecutive ref adds nothing
                }
                if missing { findings.missingNodeWays.append(way.id); continue }
                guard nodes.count >= 2 else { continue }
                ways.append((way, permissions, nodes))
            }
        }
        // How often each node is used by network ways: 2 or more makes it a junction.
        var uses = [UInt8](repeating: 0, count: data.nodes.count)
        for item in ways {
            for index in item.nodes where uses[index] < 2 { uses[index] += 1 }
        }
        var edges: [NetworkEdge] = []
        edges.reserveCapacity(ways.count * 2)
        for item in ways {
            let p = item.permissions
            switch p.maxspeed {
            case .absurd(let kmh): findings.absurdMaxspeed.append((item.way.id, kmh, item.way.tags["maxspeed"] ?? ""))
            case .notUnderstood: findings.maxspeedNotUnderstood[item.way.tags["maxspeed"] ?? "", default: 0] += 1
            default: break
            }
            if let oneway = p.onewayNotUnderstood { findings.onewayNotUnderstood[oneway, default: 0] += 1 }
            var start = 0
            var piece = 0
            for k in 1..<item.nodes.count where k == item.nodes.count - 1 || uses[item.nodes[k]] >= 2 {
                piece += 1
                let span = Array(item.nodes[start...k])
                start = k
                edges.append(try edge(span, way: item.way, piece: piece, permissions: p, data: data, findings: &findings))
            }
        }
        return (edges, findings)
    }

    /// One piece of a way, reversed when drivers may only travel it backwards.
    private func edge(
        _ span: [Int], way: OSMWay, piece: Int, permissions: WayPermissions, data: OSMData,
        findings: inout NetworkFindings
    ) throws -> NetworkEdge {
        var line = span.map { Coordinate(x: data.nodes.lons[$0], y: data.nodes.lats[$0]) }
        var ids = (data.nodes.ids[span[0]], data.nodes.ids[span[span.count - 1]])
        var p = permissions
        if p.drive == .backward {
            line.reverse()
            ids = (ids.1, ids.0)
            p.drive = .forward
            p.walk = p.walk == .forward ? .backward : p.walk == .backward ? .forward : p.walk
        }
        if p.walk == .backward {
            if p.drive == .none {
                line.reverse()
                ids = (ids.1, ids.0)
                p.walk = .forward
            } else {
                findings.walkAgainstDrive += 1
                p.walk = .both
            }
        }
        let length = try Geodesic.wgs84.length(of: .lineString(LineString(line)))
        return NetworkEdge(
            wayId: way.id, piece: piece, fromNode: ids.0, toNode: ids.1, line: line, length: length,
            permissions: p, name: way.tags["name"])
    }
}
