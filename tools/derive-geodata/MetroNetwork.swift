import Foundation
import QTGeometry
import QTProjection

/// The metro network of `hangzhou_metro_amap_gcj02_evenss.json` (Amap data via Evenss/metro-typing):
/// stations with GCJ-02 positions, and each line's stations in the reference's forward (正向) running order.
struct MetroNetwork {
    struct Station {
        /// The reference's key, `hangzhou:<name>`.
        let key: String
        let nameZh: String
        let nameEn: String
        /// Space-separated toneless pinyin (`wen hai nan lu`).
        let pinyin: String
        let gcj: Coordinate
        /// The position converted with qtplan's GCJ-02 inverse.
        var wgs: Coordinate { GCJ02.toWGS84(gcj) }
    }

    /// Stations by key.
    let stations: [String: Station]
    /// Each line's station keys in the forward direction, by line id (`"1"`).
    let forwardOrder: [String: [String]]
    /// Each line's forward direction label and its end stations, for the printout.
    let forwardLabel: [String: String]

    init(_ json: JSONValue, name: String) throws {
        guard let stationObjects = json["stations"]?.objectValue, let lineValues = json["lines"]?.arrayValue else {
            throw DerivationError("\(name): expected 'stations' (an object) and 'lines' (an array)")
        }
        var stations: [String: Station] = [:]
        for (key, value) in stationObjects {
            guard let zh = value["nameZh"]?.stringValue, let lon = value["lon"]?.doubleValue,
                  let lat = value["lat"]?.doubleValue else {
                throw DerivationError("\(name): station \(key) lacks nameZh, lon or lat")
            }
            stations[key] = Station(key: key, nameZh: zh, nameEn: value["nameEn"]?.stringValue ?? "",
                                    pinyin: value["namePinyin"]?.stringValue ?? "", gcj: Coordinate(lon: lon, lat: lat))
        }
        var order: [String: [String]] = [:], label: [String: String] = [:]
        for line in lineValues {
            guard let id = line["lineId"]?.stringValue else { throw DerivationError("\(name): a line lacks lineId") }
            // The run's direction labelled 正向 (forward); the reference lists it first. Lines 1, 7 and 8 are
            // linear runs, so one direction is the whole line.
            let directions = line["runs"]?[0]?["directions"]?.arrayValue ?? []
            let forward = directions.first { $0["labelZh"]?.stringValue == "正向" } ?? directions.first
            guard let ids = (forward?["stationIds"] ?? line["stationIds"])?.arrayValue?.compactMap(\.stringValue),
                  !ids.isEmpty else {
                throw DerivationError("\(name): line \(id) has no station order")
            }
            for key in ids where stations[key] == nil {
                throw DerivationError("\(name): line \(id) names an unknown station \(key)")
            }
            order[id] = ids
            label[id] = forward?["labelZh"]?.stringValue ?? "stationIds"
        }
        self.stations = stations
        self.forwardOrder = order
        self.forwardLabel = label
    }

    /// The key of a station by its Chinese name.
    func key(named name: String) -> String? {
        stations.values.first { $0.nameZh == name }?.key
    }
}
