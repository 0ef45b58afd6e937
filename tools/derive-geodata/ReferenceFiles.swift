import Foundation
import QTGeometry

/// The reference files this tool reads (see ../shared/reference/README.md).
struct ReferenceFiles {
    let directory: String

    /// The DataV district boundary: one feature, a GCJ-02 multi-polygon with 384 vertices.
    var boundaryName: String { "qiantang_330114_datav_gcj02.geojson" }

    /// The Amap metro network as kept by Evenss/metro-typing: stations (GCJ-02) and per-line station order.
    var metroNetworkName: String { "hangzhou_metro_amap_gcj02_evenss.json" }
    /// The 20 metro stations inside the DataV boundary, with an independent WGS84 conversion (lon/lat_wgs84).
    var districtStationsName: String { "qiantang_metro_stations.csv" }
    /// Facts about places, a few with coordinates (the planned 钱塘 HSR station among them).
    var placesName: String { "places.csv" }

    func read(_ name: String) throws -> FeatureCollection {
        try GeoJSONReader().read(data: try bytes(name))
    }

    /// A reference file's bytes.
    func bytes(_ name: String) throws -> Data {
        let path = (directory as NSString).appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DerivationError("\(path): not found (the reference data lives in ../shared/reference)")
        }
        return data
    }

    /// A reference JSON file as a value tree.
    func json(_ name: String) throws -> JSONValue {
        do {
            return try JSONValue(parsing: try bytes(name))
        } catch let error as JSONSyntaxError {
            throw DerivationError("\(name): \(error)")
        }
    }

    /// A reference CSV file (RFC 4180: a header row, fields optionally in double quotes) as rows keyed by
    /// the header's column names.
    func table(_ name: String) throws -> [[String: String]] {
        guard let text = String(data: try bytes(name), encoding: .utf8) else {
            throw DerivationError("\(name): not UTF-8 text")
        }
        let rows = CSV.parse(text)
        guard let header = rows.first else { throw DerivationError("\(name): empty") }
        return try rows.dropFirst().enumerated().map { index, row in
            guard row.count == header.count else {
                throw DerivationError("\(name): row \(index + 2) has \(row.count) fields, the header \(header.count)")
            }
            return Dictionary(zip(header, row), uniquingKeysWith: { first, _ in first })
        }
    }
}

/// A minimal RFC 4180 reader: commas separate fields, double quotes enclose fields that hold commas,
/// quotes (doubled) or line breaks; blank lines are skipped.
enum CSV {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, afterQuote = false
        func endField() { row.append(field); field = ""; afterQuote = false }
        func endRow() {
            endField()
            if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
            row = []
        }
        for ch in text {
            if quoted {
                if ch == "\"" { quoted = false; afterQuote = true } else { field.append(ch) }
            } else if ch == "\"" {
                if afterQuote { field.append("\"") }  // a doubled quote inside a quoted field
                quoted = true
            } else if ch == "," {
                endField()
            } else if ch == "\n" || ch == "\r\n" || ch == "\r" {
                endRow()
            } else {
                field.append(ch)
                afterQuote = false
            }
        }
        if !field.isEmpty || !row.isEmpty { endRow() }
        return rows
    }
}

/// A failure of the derivation, with its reason.
struct DerivationError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Writes a layer as RFC 7946 GeoJSON with the project's writer (7 decimals, stable key order).
enum LayerFile {
    static func write(_ collection: FeatureCollection, to path: String) throws {
        let data = GeoJSONWriter().data(collection)
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
