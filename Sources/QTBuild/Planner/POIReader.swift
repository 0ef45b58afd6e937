import Foundation
import QTFormats
import QTGeometry
import QTModel
import QTProjection

/// One POI as read: its row, the provider's id, name and codes, its properties and its position in WGS84.
struct POIRecord {
    /// 1-based row (feature) of the file.
    var row: Int
    var id: String?
    var name: String?
    /// The codes as given (`141203|141202` split), Amap's zero-padded to 6 digits.
    var codes: [String]
    var label: String?
    /// The properties as strings (OSM tags for the `osm` schema).
    var tags: [String: String]
    /// The position as the file gives it (in ``POIRead/crs``), and in WGS84.
    var raw: Coordinate
    var position: Coordinate
}

/// The POIs of one file and the CRS they were read in.
struct POIRead {
    var records: [POIRecord]
    var crs: CRS
    /// `--pois-crs X`, `the file's own`, or `the amap schema's default (GCJ02)`.
    var crsBasis: String
    /// Whether the positions were in a lon/lat CRS qtplan may re-read in another datum (the datum probe).
    var rawIsLonLat: Bool
    var warnings: [BuildWarning]
}

/// Reads a POI export: CSV (positions in a `location` column as "lon,lat", or lon/lat columns), GeoJSON (its
/// points, in the CRS given: Chinese web-map exports in GeoJSON are GCJ-02 whatever RFC 7946 says), or any other
/// vector format GDAL reads (its own CRS, else the one given).
struct POIReader {
    let schema: POISchema
    let input: BuildInput

    func read() throws -> POIRead {
        let path = input.path
        guard FileManager.default.fileExists(atPath: path) else { throw BuildError.missingInput(path: path, what: "POI file") }
        let crsName = input.crs ?? schema.defaultCRS
        let crs: CRS
        do {
            crs = try CRS(parsing: crsName)
            _ = try Transformer(from: crs, to: .wgs84)
        } catch {
            throw BuildError.invalidRequest(
                "\(input.crs != nil ? "--pois-crs" : "\(schema.path): default_crs") \(crsName): not a CRS qtplan knows "
                    + "(GCJ02, BD09, WGS84, EPSG:n or a PROJ string)")
        }
        let basis = input.crs.map { "--pois-crs \($0)" } ?? "the \(schema.provider) schema's default (\(schema.defaultCRS))"
        let format = VectorFormat(path: path)
        var features: [Feature]
        var fileCRS: CRS? = nil
        var warnings: [BuildWarning] = []
        if format == nil || format == .geojson {
            let data = try BuildInputFile.read(path, what: "POI file")
            do {
                features = try GeoJSONReader().read(data: data).features
            } catch {
                throw BuildError.invalidInput(path: path, detail: "not a GeoJSON file qtplan reads: \(error)")
            }
        } else {
            var readPath = path
            var cleanup: URL?
            if format == .csv {
                (readPath, cleanup) = try PlannerFileText.utf8CSV(path, encoding: input.settings["encoding"], flag: "--encoding")
            }
            defer { if let cleanup { try? FileManager.default.removeItem(at: cleanup) } }
            do {
                let result = try VectorReader(assumedCRS: crs, encoding: format == .csv ? nil : input.settings["encoding"]).read(path: readPath)
                features = result.features.features
                if result.sourceCRS != crs { fileCRS = result.sourceCRS }
                warnings += result.warnings.map { BuildWarning(path: path, message: $0) }
            } catch let error as FormatsError {
                if case .missingFile = error { throw BuildError.missingInput(path: path, what: "POI file") }
                throw BuildError.invalidInput(
                    path: path,
                    detail: error.detail.replacingOccurrences(
                        of: "give the layer an \"encoding\" in the district manifest", with: "give --encoding"))
            }
        }
        // GeoJSON and GDAL's lon/lat columns came in through the reader; GDAL's are already WGS84.
        let gdalTransformed = format != nil && format != .geojson
        let transformer = try Transformer(from: crs, to: .wgs84)
        var records: [POIRecord] = []
        for (i, feature) in features.enumerated() {
            let row = i + 1
            var tags: [String: String] = [:]
            for (key, value) in feature.properties { if let text = Self.text(value) { tags[key] = text } }
            func first(_ role: String) -> String? {
                for column in schema.columns[role] ?? [] { if let v = tags[column], !v.isEmpty { return v } }
                return nil
            }
            var raw: Coordinate
            var position: Coordinate
            if let location = first("location") {
                let parts = location.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
                guard parts.count == 2, let x = parts[0], let y = parts[1], x.isFinite, y.isFinite else {
                    throw BuildError.invalidInput(
                        path: path,
                        detail: "row \(row)\(Self.label(first("name"))): location '\(location)' "
                            + "is not \"lon,lat\"")
                }
                raw = Coordinate(x: x, y: y)
                position = try transform(raw, transformer, crs, path: path, row: row)
            } else if case .point(let p)? = feature.geometry, let c = p.coordinate {
                if gdalTransformed {
                    position = c
                    raw = crs.offsetFromWGS84(c)
                } else {
                    raw = c
                    position = try transform(c, transformer, crs, path: path, row: row)
                }
            } else if feature.geometry != nil {
                throw BuildError.invalidInput(
                    path: path,
                    detail: "row \(row)\(Self.label(first("name"))): a POI is a point, "
                        + "found \(feature.geometry.map { "\($0.kind)" } ?? "none")")
            } else {
                let columns = (schema.columns["location"] ?? []) + ["lon/lat", "lng/lat", "x/y"]
                throw BuildError.invalidInput(
                    path: path,
                    detail: "row \(row)\(Self.label(first("name"))): no position (expected a "
                        + "column \(columns.joined(separator: ", ")))")
            }
            var codes: [String] = []
            if let code = first("code") {
                let separator: Character = schema.codeSeparator.first ?? "|"
                for part in code.split(separator: separator) {
                    var c = String(part).trimmingCharacters(in: .whitespaces)
                    if schema.codeStyle == .amap, c.allSatisfy({ $0.isASCII && $0.isNumber }), c.count < 6 {
                        c = String(repeating: "0", count: 6 - c.count) + c // GDAL read 090102 as the number 90102
                    }
                    if !c.isEmpty { codes.append(c) }
                }
            }
            records.append(
                POIRecord(
                    row: row, id: first("id"), name: first("name"), codes: codes, label: first("label"),
                    tags: tags, raw: raw, position: position))
        }
        let lonLat = fileCRS == nil && (crs.isChineseOffset || crs == .wgs84 || crs == .definition("OGC:CRS84"))
        return POIRead(
            records: records, crs: fileCRS ?? crs, crsBasis: fileCRS != nil ? "the file's own" : basis,
            rawIsLonLat: lonLat, warnings: warnings)
    }

    func transform(_ c: Coordinate, _ t: Transformer, _ crs: CRS, path: String, row: Int) throws -> Coordinate {
        if crs.isChineseOffset || crs == .wgs84, !((-180...180).contains(c.x) && (-90...90).contains(c.y)) {
            throw BuildError.invalidInput(
                path: path,
                detail: "row \(row): position \(c.x), \(c.y) is not longitude/latitude "
                    + "(give --pois-crs for projected coordinates)")
        }
        do {
            return try t.transform(c)
        } catch {
            throw BuildError.invalidInput(path: path, detail: "row \(row): position \(c.x), \(c.y) cannot be transformed from \(crs): \(error)")
        }
    }

    static func text(_ value: JSONValue) -> String? {
        switch value {
        case .string(let s): return s
        case .number(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    static func label(_ name: String?) -> String { name.map { " (\($0))" } ?? "" }
}
