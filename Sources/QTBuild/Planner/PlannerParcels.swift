import Foundation
import QTFormats
import QTGeometry
import QTModel
import QTProjection

/// The regulatory plan's parcels (控规地块) as the land-use layer: a Shapefile, GeoPackage, GeoJSON or DXF whose
/// polygons carry a land-use code, in a field (found by name, or `--code-field`) or, in a DXF, as a TEXT/MTEXT
/// entity inside the closed polyline (`--code-layer` names the text's layer). Codes map to classes through a
/// ``LandUseCodeTable``; a mixed code takes its first code's class and keeps every code. A parcel whose code no
/// table knows (or that has none) is an error, or, with `--unmapped-as unclassified`, kept in the class
/// ``LandUseClass/unclassified`` with its own code in `plan_code` and counted under the build's `unmapped`.
/// 容积率 and 户数 are kept as `far` and `households`; a mixed parcel says which share of it is housing in
/// `residential_share` (``residentialShare(_:_:)``), which census spreading weighs its floor by. Parcels replace OpenStreetMap's land use (two sources would overlap).
enum PlannerParcels {
    /// Field names tried for the code, the floor-area ratio, the households and the parcel's id.
    static let codeFields = ["用地代码", "用地性质", "地类代码", "用地类型", "YDDM", "YDXZ", "DLBM", "LANDUSE", "LAND_USE", "CODE", "landuse", "code"]
    static let farFields = ["容积率", "RJL", "FAR", "PLOT_RATIO", "far", "plot_ratio"]
    static let householdFields = ["户数", "HS", "HOUSEHOLDS", "households"]
    static let idFields = ["地块编号", "DKBH", "PARCEL_ID", "parcel_id", "id", "ID"]
    static let nameFields = ["name", "名称", "地块名称", "MC"]

    struct Outcome {
        var features: [Feature] = []
        var excluded: [String: Int] = [:]
        /// Parcels kept as ``LandUseClass/unclassified``, by why.
        var unmapped: [String: Int] = [:]
        var warnings: [BuildWarning] = []
        var coveredM2 = 0.0
        var line: String?
    }

    static func build(_ input: BuildInput, table: LandUseCodeTable, zone: Zone, accuracy: Double) throws -> Outcome {
        let path = input.path
        guard FileManager.default.fileExists(atPath: path) else { throw BuildError.missingInput(path: path, what: "parcels file") }
        let file = path.split(separator: "/").last.map(String.init) ?? path
        let format = VectorFormat(path: path)
        var features: [Feature]
        var warnings: [BuildWarning] = []
        if format == nil || format == .geojson {
            let data = try BuildInputFile.read(path, what: "parcels file")
            do { features = try GeoJSONReader().read(data: data).features } catch {
                throw BuildError.invalidInput(path: path, detail: "not a GeoJSON file qtplan reads: \(error)")
            }
        } else {
            let crs: CRS?
            do { crs = try input.crs.map(CRS.init(parsing:)) } catch {
                throw BuildError.invalidRequest("--parcels-crs \(input.crs ?? ""): not a CRS qtplan knows (EPSG:n, GCJ02, BD09, WGS84 or a PROJ string)")
            }
            do {
                let result = try VectorReader(assumedCRS: crs, encoding: input.settings["encoding"]).read(path: path, layer: input.settings["layer"])
                features = result.features.features
                warnings += result.warnings.map { BuildWarning(path: path, message: $0) }
            } catch let error as FormatsError {
                if case .missingFile = error { throw BuildError.missingInput(path: path, what: "parcels file") }
                throw BuildError.invalidInput(
                    path: path,
                    detail: error.detail
                        .replacingOccurrences(of: "give the layer an \"encoding\" in the district manifest", with: "give --encoding")
                        .replacingOccurrences(
                            of: "give it in the district manifest's layer entry (\"crs\": \"EPSG:4549\", \"GCJ02\", …)",
                            with: "give --parcels-crs (EPSG:4549, …)"))
            }
        }
        let context = zone.context
        // Polygons (closed polylines become polygons) and, for a DXF, the texts.
        var parcels: [(index: Int, feature: Feature, geometry: Geometry)] = []
        var texts: [(text: String, at: Coordinate)] = []
        let codeLayer = input.settings["code-layer"]
        for (i, f) in features.enumerated() {
            switch f.geometry {
            case .polygon?, .multiPolygon?: parcels.append((i, f, f.geometry!))
            case .lineString(let line)? where line.coordinates.count >= 4 && line.coordinates.first == line.coordinates.last:
                parcels.append((i, f, .polygon(Polygon(exterior: line.coordinates))))
            case .point(let p)?:
                guard let text = f.properties["Text"]?.stringValue ?? f.properties["text"]?.stringValue, let c = p.coordinate else { continue }
                if let codeLayer, f.properties["Layer"]?.stringValue != codeLayer { continue }
                texts.append((text.trimmingCharacters(in: .whitespacesAndNewlines), c))
            default: continue
            }
        }
        guard !parcels.isEmpty else {
            throw BuildError.invalidInput(path: path, detail: "no polygon and no closed polyline: parcels are areas")
        }
        // Where the code comes from.
        let given = input.settings["code-field"]
        var codeField: String?
        if let given {
            guard parcels.contains(where: { $0.feature.properties[given] != nil }) else {
                let fields = Set(parcels.flatMap { $0.feature.properties.keys }).sorted()
                throw BuildError.invalidInput(path: path, detail: "no field '\(given)' (--code-field); the parcels' fields: \(fields.joined(separator: ", "))")
            }
            codeField = given
        } else {
            codeField = codeFields.first { name in parcels.contains { $0.feature.properties[name]?.stringValue != nil } }
        }
        if codeField == nil && texts.isEmpty {
            let fields = Set(parcels.flatMap { $0.feature.properties.keys }).sorted()
            throw BuildError.invalidInput(
                path: path,
                detail: "no land-use code: no field named \(codeFields.prefix(6).joined(separator: ", ")) … "
                    + "(give --code-field; the fields: \(fields.isEmpty ? "none" : fields.joined(separator: ", "))) and no text inside the polygons")
        }
        // Texts inside polygons: each text to the smallest polygon containing it.
        var textsOf: [Int: [String]] = [:]
        if codeField == nil {
            let natives = try parcels.map { try context.make($0.geometry) }
            let areas = try natives.map { try $0.area() }
            let tree = try STRtree(context: context, geometries: natives)
            for t in texts {
                guard codeLayer != nil || looksLikeCode(t.text) else { continue }
                let point = try context.makePoint(x: t.at.x, y: t.at.y)
                let holders = try tree.query(point).filter { try natives[$0].contains(point) }
                if let j = holders.min(by: { (areas[$0], $0) < (areas[$1], $1) }) { textsOf[j, default: []].append(t.text) }
            }
        }
        var out = Outcome()
        out.warnings = warnings
        let unclassified = input.settings["unmapped-as"] == "unclassified"
        var usedIds = Set<String>()
        var added = 0, mixed = 0, unclassifiedCount = 0
        for (k, parcel) in parcels.enumerated() {
            let p = parcel.feature.properties
            let ownId = idFields.lazy.compactMap { p[$0].flatMap(POIReader.text) }.first
            let label = "feature \(parcel.index)" + (ownId.map { " (\($0))" } ?? "")
            let cell: String?
            if let codeField { cell = p[codeField].flatMap(POIReader.text) } else { cell = textsOf[k]?.joined(separator: "/") }
            // The class and the table entry that decided; or why the parcel is unclassified.
            var decided: (cls: LandUseClass, entry: String)?
            var unmappedWhy: String?
            let codes = table.split(cell ?? "")
            if let cell, !cell.isEmpty {
                if let first = codes.first, let found = table.lookUp(first) {
                    decided = found
                } else {
                    guard unclassified else {
                        throw BuildError.invalidInput(
                            path: path,
                            detail: "\(label): land-use code '\(cell)' is not in \(table.name) (\(table.path)); give --landuse-codes "
                                + "with a table that has it, or --unmapped-as unclassified to keep such parcels as unclassified")
                    }
                    unmappedWhy = "code \(cell) in no table"
                }
                for other in codes.dropFirst() where decided != nil && table.lookUp(other) == nil {
                    if unclassified { continue }
                    throw BuildError.invalidInput(
                        path: path, detail: "\(label): land-use code '\(other)' (of '\(cell)') is not in \(table.name) (\(table.path))")
                }
            } else {
                guard unclassified else {
                    throw BuildError.invalidInput(
                        path: path,
                        detail: "\(label): no land-use code"
                            + (codeField.map { " in field '\($0)'" } ?? " (no text inside the polyline\(codeLayer.map { " on layer \($0)" } ?? ""))")
                            + "; give --unmapped-as unclassified to keep such parcels as unclassified")
                }
                unmappedWhy = "no land-use code"
            }
            let cls = decided?.cls ?? .unclassified
            guard let clipped = try zone.clip(try context.make(parcel.geometry)) else {
                out.excluded["parcels: outside the boundary [\(file)]", default: 0] += 1
                continue
            }
            let m2 = try Geodesic.wgs84.area(of: clipped)
            guard m2 > 0 else { continue }
            var id = "parcel-" + POILayer.idPart(ownId ?? String(k + 1))
            if usedIds.contains(id) { id += "-\(k + 1)" }
            usedIds.insert(id)
            var props: PropertyMap = [
                "id": .string(id), "class": .string(cls.rawValue), "code": .string(cls.nationalCode),
                "source": .string(input.sourcePrefix), "accuracy_m": .number(accuracy),
                "plan_code_table": .string(table.name),
                "area_m2": .number(NetworkLayer.rounded(m2, 10))
            ]
            if let cell, !cell.isEmpty { props["plan_code"] = .string(cell) }
            if let unmappedWhy {
                props["class_rule"] = .string("\(unmappedWhy): unclassified (--unmapped-as unclassified)")
                out.unmapped["parcels: \(unmappedWhy): kept as unclassified [\(file)]", default: 0] += 1
                unclassifiedCount += 1
            }
            if let decided, let first = codes.first, decided.entry != LandUseCodeTable.normalized(first) {
                props["plan_code_basis"] = .string("\(first) as \(decided.entry)")
            }
            if decided != nil && codes.count > 1 {
                props["plan_codes"] = .array(codes.map { .string($0) })
                props["class_rule"] = .string("mixed: the first code (the principal use) decides")
                props["residential_share"] = .number(residentialShare(codes, table))
                mixed += 1
            }
            if let far = farFields.lazy.compactMap({ p[$0]?.doubleValue }).first, far.isFinite, far >= 0 { props["far"] = .number(far) }
            if let h = householdFields.lazy.compactMap({ p[$0]?.doubleValue }).first, h.isFinite, h >= 0 { props["households"] = .number(h.rounded()) }
            if let name = nameFields.lazy.compactMap({ p[$0]?.stringValue }).first { props["name"] = .string(name) }
            out.features.append(Feature(id: props["id"], geometry: clipped, properties: props))
            out.coveredM2 += m2
            added += 1
        }
        let crsText = input.crs.map { "--parcels-crs \($0)" } ?? "the file's own CRS"
        out.line =
            "\(file) (\(table.name), \(codeField.map { "field \($0)" } ?? "texts inside the polylines\(codeLayer.map { " on layer \($0)" } ?? "")"), "
            + "\(crsText)): \(parcels.count) parcels: \(added) in the land-use layer (\(mixed) mixed, \(unclassifiedCount) unclassified), "
            + "\(parcels.count - added) left out"
        return out
    }

    /// The share of a mixed parcel's floor that houses people, for census spreading: the share of its codes whose
    /// class is residential or rural_residential, each code counting equally (R2/B1: ½; B1/B2/R2: ⅓; a code no table
    /// knows counts as not residential). Plans seldom state the mix of a mixed parcel: an equal split is the stated rule.
    static func residentialShare(_ codes: [String], _ table: LandUseCodeTable) -> Double {
        guard !codes.isEmpty else { return 0 }
        let housing = codes.filter { code in
            guard let cls = table.lookUp(code)?.cls else { return false }
            return cls == .residential || cls == .ruralResidential
        }
        return (Double(housing.count) / Double(codes.count) * 1e6).rounded() / 1e6
    }

    /// Whether a DXF text looks like a land-use code (`R2`, `A33`, `B1/R2`, `0701`), not a label.
    static func looksLikeCode(_ text: String) -> Bool {
        let t = text.filter { !$0.isWhitespace }
        guard !t.isEmpty, t.count <= 24 else { return false }
        return t.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || "/+、,".contains($0) } && t.contains { $0.isNumber }
    }
}
