import Foundation
import QTFormats
import QTGeometry
import QTModel
import QTProjection
import QTText

/// A census table (七普: zone id, residents, age groups) joined to zone polygons by id and spread over the
/// residential floor in each zone (dasymetric): `--buildings` footprints × storeys, else the plan's residential
/// parcels' area × 容积率 (a mixed parcel × its `residential_share`: R2/B1 counts half its floor), else the
/// residential buildings the OpenStreetMap build found. Each zone's residents become integer head-counts by
/// largest remainder, adding up exactly to its census figure; the zone's age groups become the shares each
/// feature carries. Features say `census:FILE`, with `method` and `modelled: true`
/// (a rule spread them).
enum PlannerCensus {
    static let idColumns = ["zone_id", "zone", "id", "code", "区划代码", "代码", "编码", "社区代码", "街道代码"]
    static let residentColumns = ["residents", "population", "常住人口", "人口", "总人口"]
    static let storeyFields = ["storeys", "floors", "levels", "building:levels", "层数", "CS", "floor"]
    static let useFields = ["use", "用途", "usage", "building", "type", "类型"]
    static let residentialUses = ["住宅", "居住", "residential", "apartments", "house", "dormitory"]
    /// Storeys taken for a building whose file gives none (as `osm-landuse.json`'s `default_levels`).
    static let defaultStoreys = 3.0
    /// The floor-area ratio taken for a residential parcel without 容积率.
    static let defaultFAR = 1.0

    struct Settings {
        var zones: String
        var zoneField: String
        var zonesCRS: String?
        var buildings: String?
        var allowUnplaced: Bool
        var encoding: String?
    }

    struct Outcome {
        var features: [Feature] = []
        var residents = 0
        var residentsSource = ""
        var warnings: [BuildWarning] = []
        var line: String?
        var unplaced = 0
    }

    /// An age column's share property: `60岁及以上` → `aged_60_plus_share`, `0-14岁` → `aged_0_14_share`,
    /// `aged_65_plus`/`age_65_plus` → `aged_65_plus_share`; `nil` for other columns.
    static func ageShare(_ column: String) -> String? {
        var c = column.trimmingCharacters(in: .whitespaces).lowercased()
        if c.hasPrefix("aged_") { c.removeFirst(5) } else if c.hasPrefix("age_") { c.removeFirst(4) } else if !c.contains("岁") { return nil }
        c = c.replacingOccurrences(of: "岁及以上", with: "_plus").replacingOccurrences(of: "岁以上", with: "_plus")
            .replacingOccurrences(of: "岁", with: "").replacingOccurrences(of: "+", with: "_plus")
            .replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: "—", with: "_").replacingOccurrences(of: "～", with: "_")
        guard !c.isEmpty, c.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "_" || $0.isLetter) }), c.first!.isNumber else { return nil }
        return "aged_\(c)_share"
    }

    static func read(_ path: String, crs: String?, encoding: String?, what: String, flag: String) throws -> [Feature] {
        guard FileManager.default.fileExists(atPath: path) else { throw BuildError.missingInput(path: path, what: what) }
        let format = VectorFormat(path: path)
        if format == nil || format == .geojson {
            let data = try BuildInputFile.read(path, what: what)
            do { return try GeoJSONReader().read(data: data).features } catch {
                throw BuildError.invalidInput(path: path, detail: "not a GeoJSON file qtplan reads: \(error)")
            }
        }
        let assumed: CRS?
        do { assumed = try crs.map(CRS.init(parsing:)) } catch { throw BuildError.invalidRequest("\(flag) \(crs ?? ""): not a CRS qtplan knows") }
        do {
            return try VectorReader(assumedCRS: assumed, encoding: encoding).read(path: path).features.features
        } catch let error as FormatsError {
            if case .missingFile = error { throw BuildError.missingInput(path: path, what: what) }
            throw BuildError.invalidInput(
                path: path,
                detail: error.detail
                    .replacingOccurrences(of: "give the layer an \"encoding\" in the district manifest", with: "give --encoding")
                    .replacingOccurrences(of: "give it in the district manifest's layer entry (\"crs\": \"EPSG:4549\", \"GCJ02\", …)", with: "give \(flag)"))
        }
    }

    static func build(_ input: BuildInput, settings: Settings, layers: [LayerName: FeatureCollection], zone: Zone) throws -> Outcome {
        let path = input.path
        let file = path.split(separator: "/").last.map(String.init) ?? path
        guard FileManager.default.fileExists(atPath: path) else { throw BuildError.missingInput(path: path, what: "census table") }
        let (readPath, cleanup) = try PlannerFileText.utf8CSV(path, encoding: settings.encoding, flag: "--encoding")
        defer { if let cleanup { try? FileManager.default.removeItem(at: cleanup) } }
        let rows: [[String: String]]
        do { rows = try VectorReader().readTable(path: readPath) } catch {
            throw BuildError.invalidInput(path: path, detail: "not a table GDAL reads: \(error)")
        }
        guard let header = rows.first.map({ Set($0.keys) }), !rows.isEmpty else { throw BuildError.invalidInput(path: path, detail: "no row") }
        let columns = Set(rows.flatMap(\.keys))
        guard let idColumn = ([settings.zoneField] + idColumns).first(where: { columns.contains($0) }) else {
            throw BuildError.invalidInput(
                path: path,
                detail: "no zone id column (\(settings.zoneField) or \(idColumns.joined(separator: ", ")); "
                    + "the columns: \(columns.sorted().joined(separator: ", ")))")
        }
        guard let residentColumn = residentColumns.first(where: { columns.contains($0) }) else {
            throw BuildError.invalidInput(
                path: path,
                detail: "no residents column (\(residentColumns.joined(separator: ", ")); the columns: "
                    + "\(columns.sorted().joined(separator: ", ")))")
        }
        _ = header
        let ageColumns = columns.sorted().compactMap { c in ageShare(c).map { (c, $0) } }
        // The table: id → residents and shares.
        var table: [(id: String, residents: Int, shares: [String: Double], row: Int)] = []
        for (i, row) in rows.enumerated() {
            guard let id = row[idColumn]?.trimmingCharacters(in: .whitespaces), !id.isEmpty else {
                throw BuildError.invalidInput(path: path, detail: "row \(i + 1): no zone id in '\(idColumn)'")
            }
            let text = (row[residentColumn] ?? "").replacingOccurrences(of: ",", with: "").trimmingCharacters(in: .whitespaces)
            guard let n = Int(text), n >= 0, n <= PopulationCount.maximum else {
                throw BuildError.invalidInput(
                    path: path, detail: "row \(i + 1) (zone \(id)): residents '\(row[residentColumn] ?? "")' is not a whole number ≥ 0")
            }
            var shares: [String: Double] = [:]
            for (column, share) in ageColumns {
                guard let cell = row[column]?.replacingOccurrences(of: ",", with: ""), !cell.isEmpty else { continue }
                guard let v = Double(cell), v >= 0, v.isFinite else {
                    throw BuildError.invalidInput(path: path, detail: "row \(i + 1) (zone \(id)): '\(column)' \(cell) is not a count ≥ 0")
                }
                // A count (more than 1) is divided by the residents; a value up to 1 is a share already.
                let s = v > 1 ? (n > 0 ? v / Double(n) : 0) : v
                guard s <= 1.000001 else {
                    throw BuildError.invalidInput(path: path, detail: "row \(i + 1) (zone \(id)): '\(column)' \(cell) exceeds the residents (\(n))")
                }
                shares[share] = (min(s, 1) * 10_000).rounded() / 10_000
            }
            if table.contains(where: { $0.id == id }) { throw BuildError.invalidInput(path: path, detail: "row \(i + 1): zone \(id) appears twice") }
            table.append((id, n, shares, i + 1))
        }
        // The zones.
        let zoneFeatures = try read(settings.zones, crs: settings.zonesCRS, encoding: settings.encoding, what: "census zones file", flag: "--zones-crs")
        let context = zone.context
        var polygons: [String: NativeGeometry] = [:]
        var fieldSeen = false
        for f in zoneFeatures {
            guard let value = f.properties[settings.zoneField] else { continue }
            fieldSeen = true
            guard let id = POIReader.text(value), let g = f.geometry, !g.polygons.isEmpty else { continue }
            let native = try context.make(g)
            polygons[id] = try polygons[id].map { try context.union(of: [$0, native]) } ?? native
        }
        guard fieldSeen else {
            let fields = Set(zoneFeatures.flatMap { $0.properties.keys }).sorted()
            throw BuildError.invalidInput(
                path: settings.zones, detail: "no field '\(settings.zoneField)' (--zone-field); its fields: \(fields.joined(separator: ", "))")
        }
        let unmatched = table.map(\.id).filter { polygons[$0] == nil }
        if !unmatched.isEmpty {
            throw BuildError.invalidInput(
                path: path,
                detail: "\(unmatched.count == 1 ? "zone id" : "zone ids") \(DistrictBuilder.list(unmatched)) "
                    + "\(unmatched.count == 1 ? "matches" : "match") no polygon of \(settings.zones) (field \(settings.zoneField): "
                    + "\(DistrictBuilder.list(polygons.keys.sorted())))")
        }
        var outcome = Outcome()
        let noRow = polygons.keys.filter { id in !table.contains { $0.id == id } }.sorted()
        if !noRow.isEmpty {
            outcome.warnings.append(
                BuildWarning(
                    path: settings.zones,
                    message: "\(DistrictBuilder.count(noRow.count, "zone")) without a row in \(file) "
                        + "(\(DistrictBuilder.list(noRow))): no residents placed there"))
        }
        // The carriers of residents: where they live and how much floor.
        struct Carrier { var geometry: Geometry; var weight: Double; var from: String; var detail: [String: JSONValue] }
        var carriers: [Carrier] = []
        let basis: String
        if let buildings = settings.buildings {
            let features = try read(buildings, crs: settings.zonesCRS, encoding: settings.encoding, what: "buildings file", flag: "--zones-crs")
            let useField = useFields.first { u in features.contains { $0.properties[u] != nil } }
            var defaulted = 0
            for (i, f) in features.enumerated() {
                guard let g = f.geometry, !g.polygons.isEmpty else { continue }
                if let useField, let use = f.properties[useField].flatMap(POIReader.text) {
                    guard residentialUses.contains(where: { use.lowercased().contains($0) }) else { continue }
                }
                guard let clipped = try zone.clip(try context.make(g)) else { continue }
                let footprint = try Geodesic.wgs84.area(of: clipped)
                let given = storeyFields.lazy.compactMap { f.properties[$0]?.doubleValue ?? f.properties[$0]?.stringValue.flatMap(Double.init) }.first
                let storeys = given.flatMap { $0 >= 1 && $0 < 300 ? $0 : nil } ?? defaultStoreys
                if given == nil { defaulted += 1 }
                carriers.append(
                    Carrier(
                        geometry: clipped, weight: footprint * storeys, from: "building \(i + 1)",
                        detail: [
                            "floor_area_m2": .number(NetworkLayer.rounded(footprint * storeys, 10)), "storeys": .number(storeys)
                        ]))
            }
            if defaulted > 0 {
                outcome.warnings.append(
                    BuildWarning(
                        path: buildings,
                        message: "\(DistrictBuilder.count(defaulted, "building")) without storeys "
                            + "(\(storeyFields.prefix(6).joined(separator: ", "))): \(ValidationNumber.plain(defaultStoreys)) taken"))
            }
            basis =
                "residential floor area of \(buildings.split(separator: "/").last.map(String.init) ?? buildings) (footprint × storeys"
                + (useField.map { ", residential by '\($0)'" } ?? "") + ")"
        } else if let parcels = layers[.landuse]?.features.filter({ $0.properties["source"]?.stringValue?.hasPrefix("parcels:") == true }), !parcels.isEmpty {
            for f in parcels {
                let cls = f.properties["class"]?.stringValue
                // A mixed parcel's own share (R2/B1: ½); else the whole parcel if its class houses people.
                let share =
                    f.properties["residential_share"]?.doubleValue
                    ?? (cls == LandUseClass.residential.rawValue || cls == LandUseClass.ruralResidential.rawValue ? 1 : 0)
                guard share > 0, let g = f.geometry else { continue }
                let far = f.properties["far"]?.doubleValue.flatMap { $0 > 0 ? $0 : nil } ?? defaultFAR
                let m2 = try Geodesic.wgs84.area(of: g)
                var detail: [String: JSONValue] = [
                    "parcel": f.properties["id"] ?? .null, "far": .number(far),
                    "floor_area_m2": .number(NetworkLayer.rounded(m2 * far * share, 10))
                ]
                if share < 1 { detail["residential_share"] = .number(share) }
                carriers.append(Carrier(geometry: g, weight: m2 * far * share, from: f.properties["id"]?.stringValue ?? "parcel", detail: detail))
            }
            basis =
                "residential parcels (area × 容积率, \(ValidationNumber.plain(defaultFAR)) where not given; "
                + "a mixed parcel × its residential_share, the share of its codes that are residential)"
        } else if let osmPopulation = layers[.population]?.features, !osmPopulation.isEmpty {
            for f in osmPopulation {
                guard let g = f.geometry, let floor = f.properties["floor_area_m2"]?.doubleValue else { continue }
                carriers.append(
                    Carrier(
                        geometry: g, weight: floor, from: f.properties["footprint"]?.stringValue ?? "building",
                        detail: ["footprint": f.properties["footprint"] ?? .null, "floor_area_m2": .number(floor)]))
            }
            basis = "the residential buildings of OpenStreetMap (footprint × building:levels)"
        } else {
            throw BuildError.invalidRequest(
                "\(path): no residential floor to spread the census over: give --buildings FILE, "
                    + "--parcels with residential parcels, or an --osm extract with residential buildings")
        }
        // Each carrier to the zone holding its point on surface.
        var byZone: [String: [Int]] = [:]
        let prepared = try polygons.mapValues { try PreparedGeometry($0) }
        for (i, c) in carriers.enumerated() where c.weight > 0 {
            let point = try context.make(c.geometry).pointOnSurface()
            if let id = prepared.keys.sorted().first(where: { (try? prepared[$0]!.contains(point)) == true }) { byZone[id, default: []].append(i) }
        }
        var unplacedZones: [String] = []
        let method = "dasymetric: the zone's census residents spread over \(basis) by largest remainder"
        for row in table {
            let members = byZone[row.id] ?? []
            guard !members.isEmpty else {
                if row.residents > 0 { outcome.unplaced += row.residents; unplacedZones.append("zone \(row.id) (\(NumberText.grouped(row.residents)))") }
                continue
            }
            let counts = PopulationLayer.largestRemainder(total: row.residents, weights: members.map { carriers[$0].weight })
            for (k, (i, count)) in zip(members, counts).enumerated() {
                var p: PropertyMap = [
                    "id": .string("pop-\(POILayer.idPart(row.id))-\(k + 1)"), "population": .number(Double(count)),
                    "zone": .string(row.id), "urban": .bool(true), "future_community": .bool(false),
                    "source": .string(input.sourcePrefix), "accuracy_m": .number(10), "method": .string(method), "modelled": .bool(true)
                ]
                for (key, value) in carriers[i].detail where value != .null { p[key] = value }
                for (key, share) in row.shares { p[key] = .number(share) }
                outcome.features.append(Feature(id: p["id"], geometry: carriers[i].geometry, properties: p))
            }
            outcome.residents += row.residents
        }
        if outcome.unplaced > 0 && !settings.allowUnplaced {
            throw BuildError.invalidInput(
                path: path,
                detail: "\(NumberText.grouped(outcome.unplaced)) residents of "
                    + "\(DistrictBuilder.list(unplacedZones)) have no residential floor in their zone (\(basis)) and would be unplaced; "
                    + "give --allow-unplaced to build without them")
        }
        if outcome.unplaced > 0 {
            outcome.warnings.append(
                BuildWarning(
                    path: path,
                    message: "\(NumberText.grouped(outcome.unplaced)) residents of "
                        + "\(DistrictBuilder.list(unplacedZones)) left unplaced (--allow-unplaced): no residential floor in their zone"))
        }
        outcome.residentsSource =
            "census: \(file), \(DistrictBuilder.count(table.count, "zone")), spread over \(basis) (modelled)"
            + (outcome.unplaced > 0 ? "; \(NumberText.grouped(outcome.unplaced)) unplaced" : "")
        let zonesFile = settings.zones.split(separator: "/").last.map(String.init) ?? settings.zones
        let zonesText = DistrictBuilder.count(table.count, "zone")
        let placed = NumberText.grouped(outcome.residents)
        let featureCount = NumberText.grouped(outcome.features.count)
        let unplacedText = NumberText.grouped(outcome.unplaced)
        let shares: String = ageColumns.isEmpty ? "none in the table" : ageColumns.map { $0.1 }.joined(separator: ", ")
        var line = "\(file) (zones \(zonesFile), field \(settings.zoneField)): \(zonesText), \(placed) residents placed over "
        line += "\(featureCount) features, \(unplacedText) unplaced; age shares: \(shares)"
        outcome.line = line
        return outcome
    }
}
