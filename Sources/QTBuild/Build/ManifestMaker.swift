import Foundation
import QTFormats
import QTGeometry
import QTModel
import QTOSM

extension DistrictBuilder {
    /// The file (and table) each layer is written to.
    static func entry(_ layer: LayerName, format: LayerFileFormat) -> LayerEntry {
        switch format {
        case .geojson: LayerEntry(file: "\(layer.rawValue).geojson")
        case .gpkg: LayerEntry(file: DistrictWriter.geopackageName, layer: layer.rawValue)
        }
    }

    /// The manifest with its `build` record.
    static func makeManifest(
        _ request: DistrictBuildRequest, name: String, nameEn: String, metricCRS: String,
        metricBasis: String, boundaryM2: Double, residents: Int, residentsSource: String, aged60: Double,
        layers: [LayerName: FeatureCollection], walk: NetworkFigures, drive: NetworkFigures,
        unmapped: [String: Int], excluded: [String: Int], hasOSM: Bool,
        plannerDefaults: [String: String] = [:]
    ) throws -> DistrictManifest {
        let options = request.options
        var entries: [String: LayerEntry] = [:]
        for layer in layers.keys { entries[layer.rawValue] = entry(layer, format: options.layerFormat) }
        var inputs: [BuildInputRecord] = []
        for input in request.inputs {
            inputs.append(try record(role: input.role.rawValue, path: input.path, crs: input.crs))
        }
        if case .file(let path, let crs) = request.boundary {
            inputs.append(try record(role: "boundary", path: path, crs: crs))
        }
        var recorded: [String: String] = [
            "boundary": request.boundary.text,
            "margin": ValidationNumber.plain(options.marginMetres),
            "layer-format": options.layerFormat.rawValue,
            "osm-accuracy": ValidationNumber.plain(options.osmAccuracyMetres)
        ]
        if let v = options.name { recorded["name"] = v }
        if let v = options.nameEn { recorded["name-en"] = v }
        if let v = options.metricCRS { recorded["metric-crs"] = v }
        if let v = options.residents { recorded["residents"] = String(v) }
        if let v = options.officialAreaKm2 { recorded["official-area"] = ValidationNumber.plain(v) }
        if let v = options.aged60Share { recorded["aged-60-share"] = ValidationNumber.plain(v) }
        for table in [request.tables.network.path, request.tables.facilities.path, request.tables.landUse.path] {
            let (_, hex) = try FileChecksum.sha256(path: table)
            recorded["table " + URL(fileURLWithPath: table).lastPathComponent] = "sha256 \(hex)"
        }
        for (path, schema) in request.poiSchemas {
            let (_, hex) = try FileChecksum.sha256(path: schema.path)
            recorded["table " + URL(fileURLWithPath: schema.path).lastPathComponent] = "sha256 \(hex)"
            recorded["poi-schema " + (path.split(separator: "/").last.map(String.init) ?? path)] = URL(fileURLWithPath: schema.path).lastPathComponent
        }
        for (path, table) in request.landUseCodes {
            let (_, hex) = try FileChecksum.sha256(path: table.path)
            recorded["table " + URL(fileURLWithPath: table.path).lastPathComponent] = "sha256 \(hex)"
            recorded["landuse-codes " + (path.split(separator: "/").last.map(String.init) ?? path)] = table.name
        }
        for input in request.inputs where input.role == .census {
            for key in ["zones", "zone-field", "zones-crs", "buildings", "allow-unplaced"] { if let v = input.settings[key] { recorded["census \(key)"] = v } }
            for key in ["zones", "buildings"] {
                if let path = input.settings[key] { inputs.append(try record(role: "census-\(key)", path: path, crs: input.settings["zones-crs"])) }
            }
        }
        for input in request.inputs where input.role == .parcels {
            let file = input.path.split(separator: "/").last.map(String.init) ?? input.path
            for key in ["code-field", "code-layer", "unmapped-as", "layer"] { if let v = input.settings[key] { recorded["\(key) \(file)"] = v } }
            recorded["parcel-accuracy"] = ValidationNumber.plain(options.parcelAccuracyMetres)
        }
        if request.inputs.contains(where: { $0.role == .pois }) {
            recorded["poi-accuracy"] = ValidationNumber.plain(options.poiAccuracyMetres)
        }
        var defaults: [String: String] = plannerDefaults
        let official = options.officialAreaKm2 ?? (boundaryM2 / 1e6 * 1000).rounded() / 1000
        if options.officialAreaKm2 == nil {
            defaults["official_area_km2"] = "the boundary's geodesic area (no --official-area): not an official figure"
        }
        if options.residents == nil { defaults["residents"] = residentsSource }
        if layers[.population] != nil && !request.inputs.contains(where: { $0.role == .census || $0.role == .raster }) {
            if options.aged60Share == nil {
                defaults["population.aged_60_plus_share"] =
                    "\(ValidationNumber.plain(aged60)), China's share aged 60 and over "
                    + "in the 2020 census (no --aged-60-share): modelled"
            }
            defaults["population.urban"] = "true for every building: OSM gives no urban/rural split (modelled)"
            defaults["population.future_community"] = "false for every building: OSM cannot say (modelled)"
        }
        if options.name == nil { defaults["name"] = "the boundary's name, else the folder's" }
        var components: [String: Int] = [:], shares: [String: Double] = [:]
        for (mode, figures) in [("walk", walk), ("drive", drive)] where figures.edges > 0 {
            components[mode] = figures.components
            shares[mode] = (figures.largestShare * 1000).rounded(.down) / 1000
        }
        let build = DistrictBuildRecord(
            generator: request.generator, inputs: inputs, options: recorded, metricCRSBasis: metricBasis, defaults: defaults,
            unmapped: unmapped, excluded: excluded, attribution: hasOSM ? attribution : nil)
        return DistrictManifest(
            name: name, nameEn: nameEn, officialAreaKm2: official, metricCRS: metricCRS, residents: residents,
            residentsSource: residentsSource, layers: entries,
            networkComponents: components.isEmpty ? nil : components,
            networkComponentsReason: components.isEmpty
                ? nil
                : "as built from OpenStreetMap: the count of connected "
                    + "components each mode has in the extract (footways in courtyards, streets cut by the margin), with "
                    + "the share of length the largest holds in network_min_largest_share",
            networkMinLargestShare: shares.isEmpty ? nil : shares,
            landuseTilesBoundary: layers[.landuse] != nil ? false : nil, build: build)
    }

    /// An input's record: its role, path as given, size and SHA-256.
    static func record(role: String, path: String, crs: String?) throws -> BuildInputRecord {
        do {
            let (bytes, hex) = try FileChecksum.sha256(path: path)
            return BuildInputRecord(role: role, file: path, bytes: bytes, sha256: hex, crs: crs)
        } catch {
            throw BuildError.invalidInput(path: path, detail: "cannot be read for its checksum")
        }
    }
}
