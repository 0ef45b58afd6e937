import Foundation
import QTGeometry
import QTModel
import QTProjection
import Testing

/// The derived parts of the bundled transit layer (tools/derive-geodata): metro stations and lines, the
/// planned 钱塘 HSR hub and the planned 下沙–长安 intercity railway. Reads only geodata/qiantang.
@Suite struct TransitDataTests {
    /// In-district stations per line, per the reference README (shared/reference/README.md, qiantang_metro_stations.csv).
    static let stationCounts = ["1": 7, "7": 6, "8": 9]

    let district: District
    let stations: [Feature]
    let lines: [Feature]

    init() throws {
        district = try DistrictLoader().load(directory: Fixtures.bundled).district
        let transit = district.features(.transit)
        stations = transit.filter { $0.properties["kind"]?.stringValue == TransitKind.metroStation.rawValue }
        lines = transit.filter { $0.properties["kind"]?.stringValue == TransitKind.metroLine.rawValue }
    }

    func name(_ feature: Feature) -> String { feature.properties["name"]?.stringValue ?? "?" }

    func position(_ feature: Feature) throws -> Coordinate {
        guard case .point(let p)? = feature.geometry, let c = p.coordinate else {
            throw TransitTestError("\(name(feature)) is not a point")
        }
        return c
    }

    /// The station features of `line` in their `order`.
    func stations(on line: String) -> [(order: Int, feature: Feature)] {
        stations.compactMap { f in f.properties["order"]?[line]?.intValue.map { ($0, f) } }.sorted { $0.order < $1.order }
    }

    @Test func twentyMetroStations() {
        #expect(stations.count == 20)
        #expect(Set(stations.map(name)).count == 20) // interchanges appear once
        #expect(lines.map { $0.properties["line"]?.stringValue } == ["1", "7", "8"])
    }

    @Test func stationCountsAndOrderPerLine() {
        for (line, count) in Self.stationCounts {
            let onLine = stations.filter { $0.properties["lines"]?.arrayValue?.contains(.string(line)) == true }
            #expect(onLine.count == count, "line \(line)")
            #expect(stations(on: line).map(\.order) == Array(1...count), "line \(line): order must be 1...\(count)")
        }
        // `lines` and `order` name the same lines.
        for station in stations {
            let listed = Set(station.properties["lines"]?.arrayValue?.compactMap(\.stringValue) ?? [])
            #expect(listed == Set(station.properties["order"]?.objectValue?.keys.map { $0 } ?? []), "\(name(station))")
        }
        let wenhai = stations.first { name($0) == "文海南路" }
        #expect(wenhai?.properties["lines"] == ["1", "8"])
        #expect(stations.first { name($0) == "青六中路" }?.properties["lines"] == ["7", "8"])
    }

    @Test func lineStationsMatchTheStationOrder() {
        for line in lines {
            let id = line.properties["line"]?.stringValue ?? "?"
            let listed = line.properties["stations"]?.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(listed == stations(on: id).map { name($0.feature) }, "line \(id)")
            guard case .lineString(let l)? = line.geometry else { Issue.record("line \(id) is not a LineString"); continue }
            #expect(l.coordinates.count == listed.count)
        }
    }

    @Test func stationsLieInsideTheBoundary() throws {
        let context = try GeometryContext()
        let boundary = try PreparedGeometry(try context.make(district.boundary))
        for feature in district.features(.transit) where feature.properties["kind"]?.stringValue != TransitKind.busStop.rawValue {
            guard case .point? = feature.geometry else { continue }
            let c = try position(feature)
            #expect(try boundary.covers(try context.makePoint(x: c.x, y: c.y)), "\(name(feature))")
        }
    }

    @Test func stationsLieOnTheirLines() throws {
        let context = try GeometryContext()
        let toMetric = try Transformer(from: .wgs84, to: .cgcs2000GK120)
        var lineGeometry: [String: NativeGeometry] = [:]
        for line in lines {
            let geometry = try #require(line.geometry)
            lineGeometry[line.properties["line"]?.stringValue ?? "?"] = try context.make(try toMetric.transform(geometry))
        }
        for station in stations {
            let point = try context.make(try toMetric.transform(try #require(station.geometry)))
            for line in station.properties["lines"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
                let geometry = try #require(lineGeometry[line], "no line \(line)")
                #expect(try point.distance(to: geometry) < 1, "\(name(station)) on line \(line)")
            }
        }
    }

    @Test func everyFeatureSaysWhereItComesFrom() {
        for feature in district.features(.transit) {
            let p = feature.properties
            #expect(p["source"]?.stringValue?.isEmpty == false, "\(name(feature))")
            #expect((p["accuracy_m"]?.doubleValue ?? 0) > 0, "\(name(feature))")
            #expect(p["kind"]?.stringValue.flatMap(TransitKind.init(rawValue:)) != nil, "\(name(feature))")
            if let status = p["status"] { #expect(status.stringValue.flatMap(Status.init(rawValue:)) != nil) }
        }
        for feature in stations + lines {
            #expect(feature.properties["source"]?.stringValue?.hasPrefix("reference:") == true)
            #expect(feature.properties["status"]?.stringValue == Status.operating.rawValue)
        }
    }

    @Test func railHubAndIntercityLineExist() throws {
        let transit = district.features(.transit)
        let hub = try #require(transit.first { $0.properties["kind"]?.stringValue == TransitKind.railStation.rawValue })
        #expect(name(hub) == "钱塘站")
        #expect([Status.planned, .underConstruction].map(\.rawValue).contains(hub.properties["status"]?.stringValue ?? ""))
        #expect(hub.properties["source"]?.stringValue == "reference:places.csv")
        #expect((hub.properties["accuracy_m"]?.doubleValue ?? 0) >= 500) // a proxy point, and it says so
        let rail = try #require(transit.first { $0.properties["kind"]?.stringValue == TransitKind.railLine.rawValue })
        #expect(name(rail) == "下沙至长安城际铁路")
        #expect([Status.planned, .underConstruction].map(\.rawValue).contains(rail.properties["status"]?.stringValue ?? ""))
        #expect(rail.properties["source"]?.stringValue == "modelled")
        #expect(rail.properties["basis"]?.stringValue?.contains("seed:") == true)
        let context = try GeometryContext()
        let line = try context.make(try #require(rail.geometry))
        #expect(try context.make(district.boundary).buffer(1e-6).covers(line)) // clipped to the boundary
    }

    /// Hand-checked positions: the WGS84 columns (lon_wgs84, lat_wgs84) of shared/reference/qiantang_metro_stations.csv,
    /// an independent GCJ-02 → WGS84 conversion of the Amap points, typed in here because a clone has no ../shared.
    @Test(arguments: [
        ("文海南路", Coordinate(lon: 120.370463, lat: 30.313265)),
        ("江东二路", Coordinate(lon: 120.49035, lat: 30.326035)),
        ("新湾路", Coordinate(lon: 120.536205, lat: 30.297199))
    ])
    func stationMatchesTheReference(station: String, reference: Coordinate) throws {
        let feature = try #require(stations.first { name($0) == station })
        #expect(Geodesic.wgs84.distance(from: try position(feature), to: reference) < 30)
    }
}

struct TransitTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
