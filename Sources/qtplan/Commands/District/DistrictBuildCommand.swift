import ArgumentParser
import Foundation
import QTBuild
import QTModel
import QTOSM
import QTPlan

/// `qtplan district build`: a district folder from a boundary and an OpenStreetMap extract. Parsing the
/// arguments into a ``QTBuild/DistrictBuildRequest``, the build, and rendering its result.
struct DistrictBuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build a district folder from a boundary and an OpenStreetMap extract.",
        discussion: """
            Streets (walk and drive, split only at shared nodes), facilities, parks, transit, land use and \
            modelled population from --osm (.osm.pbf, .osm or .osm.bz2), inside --boundary (a file qtplan \
            reads, or osm:relation/ID from the extract); streets and facilities within --margin outside it are \
            kept and marked outside: true. The planner's POI exports (--pois, Amap or Baidu or OSM-tagged, \
            --poi-schema) join the facilities, merged with a facility already built of the same type within 50 m \
            and of a matching name (both sources kept); their positions are read in --pois-crs (GCJ02, BD09, …) \
            and refused when they look like another datum. The tables deciding what maps to what are \
            geodata/standards/osm-network.json, osm-facilities.json and osm-landuse.json (--standards DIR). \
            The folder is staged and renamed into place: an existing -o is refused (exit 73) unless --force, \
            which replaces it whole. Exit 64 for a bad request, 65 for bad input data (any error reading the \
            extract, even part-way), 66 for a missing input, 73 when the folder cannot be written.
            """)

    @Option(name: .shortAndLong, help: ArgumentHelp("The district folder to write.", valueName: "DIR"))
    var output: String

    @Option(name: .long, help: ArgumentHelp("The boundary: a file (GeoJSON, GPKG, SHP, …) or osm:relation/ID.", valueName: "FILE|osm:relation/ID"))
    var boundary: String

    @Option(name: .customLong("boundary-crs"), help: ArgumentHelp("The CRS of a boundary file that says none (EPSG:n, GCJ02, WGS84).", valueName: "CRS"))
    var boundaryCRS: String?

    @Option(name: .long, help: ArgumentHelp("The OpenStreetMap extract: .osm.pbf, .osm or .osm.bz2.", valueName: "FILE"))
    var osm: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A POI export (CSV, GeoJSON or any GDAL format) merged into the facilities; repeatable.", valueName: "FILE"))
    var pois: [String] = []

    @Option(
        name: .customLong("poi-schema"),
        help: ArgumentHelp(
            "What the POI file's columns and codes mean: amap, baidu, osm (geodata/standards/poi-*.json) or a mapping file of your own.",
            valueName: "amap|baidu|osm|MAPPING.json"))
    var poiSchema: String?

    @Option(
        name: .customLong("pois-crs"),
        help: ArgumentHelp(
            "The CRS of the POI positions when the file says none (default: the schema's: GCJ02 for amap, BD09 for baidu, WGS84 for osm).",
            valueName: "CRS"))
    var poisCRS: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The regulatory plan's parcels (Shapefile, DXF, GeoPackage, GeoJSON): the land-use layer.", valueName: "FILE"))
    var parcels: String?

    @Option(
        name: .customLong("landuse-codes"),
        help: ArgumentHelp(
            "The parcels' code table: gb50137, land-sea-2023 (geodata/standards/landuse-*.json) or a table of your own.",
            valueName: "gb50137|land-sea-2023|MAPPING.json"))
    var landuseCodes: String?

    @Option(name: .customLong("parcels-crs"), help: ArgumentHelp("The CRS of a parcels file that says none (a DXF: EPSG:4549, …).", valueName: "CRS"))
    var parcelsCRS: String?

    @Option(name: .customLong("code-field"), help: ArgumentHelp("The parcels' field holding the land-use code (default: found by name).", valueName: "F"))
    var codeField: String?

    @Option(name: .customLong("code-layer"), help: ArgumentHelp("In a DXF, the layer of the code texts inside the polylines.", valueName: "L"))
    var codeLayer: String?

    @Option(
        name: .customLong("unmapped-as"),
        help: ArgumentHelp(
            "unclassified: leave parcels whose code no table knows out of the land-use layer (counted) instead of stopping.", valueName: "unclassified"))
    var unmappedAs: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A census table (CSV: zone id, residents, age groups) spread over the residential floor of its zones.", valueName: "TABLE"))
    var census: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A population raster (GeoTIFF, any GDAL raster with a CRS): cells clipped to the boundary become the population.", valueName: "RASTER"))
    var population: String?

    @Option(name: .customLong("census-zones"), help: ArgumentHelp("The census zones' polygons (any vector file).", valueName: "FILE"))
    var censusZones: String?

    @Option(name: .customLong("zone-field"), help: ArgumentHelp("The zones' id field, matched to the table's ids.", valueName: "F"))
    var zoneField: String?

    @Option(name: .customLong("zones-crs"), help: ArgumentHelp("The CRS of a zones or buildings file that says none.", valueName: "CRS"))
    var zonesCRS: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Building footprints with storeys that carry the census residents (default: residential parcels, else OSM's buildings).", valueName: "FILE"))
    var buildings: String?

    @Flag(name: .customLong("allow-unplaced"), help: "Build even when census residents have no residential floor in their zone (they are left out, reported).")
    var allowUnplaced = false

    @Option(name: .long, help: ArgumentHelp("The code page of the planner's files whose text is not UTF-8 (GBK, GB18030, …).", valueName: "ENCODING"))
    var encoding: String?

    @Option(name: .long, help: ArgumentHelp("The district's name (default: the boundary's, else the folder's).", valueName: "NAME"))
    var name: String?

    @Option(name: .customLong("name-en"), help: ArgumentHelp("The English name (default: the boundary's name:en, else the name).", valueName: "NAME"))
    var nameEn: String?

    @Option(
        name: .customLong("metric-crs"),
        help: ArgumentHelp(
            "The CRS for planar work (default: the CGCS2000 3° Gauss-Krüger zone inside China, else the UTM zone).", valueName: "EPSG:n"))
    var metricCRS: String?

    @Option(name: .long, help: ArgumentHelp("Keep streets and facilities this far outside the boundary, metres (default 2000).", valueName: "M"))
    var margin: Double = DistrictBuildOptions.defaultMarginMetres

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Residents (default: residential floor area ÷ 36.52 m² a resident, modelled).", valueName: "N"))
    var residents: Int?

    @Option(name: .customLong("official-area"), help: ArgumentHelp("The official area, km² (default: the boundary's measured area).", valueName: "KM2"))
    var officialArea: Double?

    @Option(name: .customLong("aged-60-share"), help: ArgumentHelp("The share of residents aged 60+ (default 0.187, China's 2020 census).", valueName: "S"))
    var aged60Share: Double?

    @Option(name: .customLong("layer-format"), help: ArgumentHelp("geojson (one file per layer, default) or gpkg (one district.gpkg).", valueName: "FORMAT"))
    var layerFormat: String = LayerFileFormat.geojson.rawValue

    @Option(name: .long, help: ArgumentHelp("The folder of the osm-*.json tables (default: geodata/standards).", valueName: "DIR"))
    var standards: String?

    @Flag(name: .long, help: "Replace an existing output folder.")
    var force = false

    func validate() throws {
        guard LayerFileFormat(rawValue: layerFormat) != nil else {
            throw ValidationError("--layer-format \(layerFormat): expected geojson or gpkg")
        }
        if let osm, !OSMReader.accepts(osm) {
            throw ValidationError("--osm \(osm): not an OSM file name: give an extract ending in .osm.pbf (or .pbf), .osm or .osm.bz2")
        }
        if !pois.isEmpty && poiSchema == nil {
            throw ValidationError("--pois needs --poi-schema amap|baidu|osm|MAPPING.json (what its columns and codes mean)")
        }
        if pois.isEmpty && (poiSchema != nil || poisCRS != nil) {
            throw ValidationError("--poi-schema and --pois-crs describe a --pois FILE; none was given")
        }
        if parcels != nil && landuseCodes == nil {
            throw ValidationError("--parcels needs --landuse-codes gb50137|land-sea-2023|MAPPING.json (what its codes mean)")
        }
        if parcels == nil && (landuseCodes != nil || parcelsCRS != nil || codeField != nil || codeLayer != nil || unmappedAs != nil) {
            throw ValidationError("--landuse-codes, --parcels-crs, --code-field, --code-layer and --unmapped-as describe a --parcels FILE; none was given")
        }
        if census != nil && (censusZones == nil || zoneField == nil) {
            throw ValidationError("--census needs --census-zones FILE and --zone-field F (the polygons its ids name)")
        }
        if census == nil && (censusZones != nil || zoneField != nil || zonesCRS != nil || buildings != nil || allowUnplaced) {
            throw ValidationError("--census-zones, --zone-field, --zones-crs, --buildings and --allow-unplaced go with a --census TABLE; none was given")
        }
        if let unmappedAs, unmappedAs != "unclassified" {
            throw ValidationError("--unmapped-as \(unmappedAs): expected unclassified")
        }
        if boundary.hasPrefix("osm:"), Self.relation(boundary) == nil {
            throw ValidationError("--boundary \(boundary): expected osm:relation/ID (a boundary is a relation)")
        }
    }

    func run() async throws {
        try await CommandBody.run {
            let standardsFolder = standards ?? BundledData.standardsDirectory
            var schemas: [String: POISchema] = [:]
            if let poiSchema {
                let schema = try POISchema.load(path: Self.schemaPath(poiSchema, standards: standardsFolder))
                for file in pois { schemas[file] = schema }
            }
            let settings = encoding.map { ["encoding": $0] } ?? [:]
            var parcelSettings = settings
            parcelSettings["code-field"] = codeField
            parcelSettings["code-layer"] = codeLayer
            parcelSettings["unmapped-as"] = unmappedAs
            var censusSettings = settings
            censusSettings["zones"] = censusZones
            censusSettings["zone-field"] = zoneField
            censusSettings["zones-crs"] = zonesCRS
            censusSettings["buildings"] = buildings
            if allowUnplaced { censusSettings["allow-unplaced"] = "true" }
            var codeTables: [String: LandUseCodeTable] = [:]
            if let parcels, let landuseCodes {
                codeTables[parcels] = try LandUseCodeTable.load(path: Self.codeTablePath(landuseCodes, standards: standardsFolder))
            }
            let request = DistrictBuildRequest(
                inputs: (osm.map { [BuildInput(role: .osm, path: $0)] } ?? [])
                    + pois.map { BuildInput(role: .pois, path: $0, crs: poisCRS, settings: settings) }
                    + (parcels.map { [BuildInput(role: .parcels, path: $0, crs: parcelsCRS, settings: parcelSettings)] } ?? [])
                    + (census.map { [BuildInput(role: .census, path: $0, settings: censusSettings)] } ?? [])
                    + (population.map { [BuildInput(role: .raster, path: $0)] } ?? []),
                boundary: Self.relation(boundary).map(BoundarySource.osmRelation) ?? .file(path: boundary, crs: boundaryCRS),
                options: DistrictBuildOptions(
                    name: name, nameEn: nameEn, metricCRS: metricCRS, marginMetres: margin, residents: residents,
                    officialAreaKm2: officialArea, aged60Share: aged60Share,
                    layerFormat: LayerFileFormat(rawValue: layerFormat) ?? .geojson),
                tables: try OSMTables.load(folder: standardsFolder),
                generator: DistrictBuildJob.generator(version: Version.text),
                folderName: URL(fileURLWithPath: output).lastPathComponent, poiSchemas: schemas, landUseCodes: codeTables)
            let outcome = try DistrictBuildJob.run(
                request, to: output, replacing: force,
                settings: InterruptCleanup.outputs(
                    reading: {
                        var inputs = RunInputs()
                        inputs.add(folder: standardsFolder, role: "a folder of OSM tables")
                        if let poiSchema { inputs.add(file: Self.schemaPath(poiSchema, standards: standardsFolder), role: "a POI schema") }
                        if let landuseCodes { inputs.add(file: Self.codeTablePath(landuseCodes, standards: standardsFolder), role: "a land-use code table") }
                        return inputs
                    }()))
            outcome.warnings.forEach(Diagnostics.warning)
            if ProcessInfo.processInfo.environment["QTPLAN_BUILD_TIMES"] != nil {
                Diagnostics.warning(String(format: "build %.2f s, writing %.2f s", outcome.seconds.building, outcome.seconds.writing))
            }
            Terminal.table(outcome.result.table(folder: output))
        }
    }

    /// The table of `--poi-schema`: a bundled name (`amap` → `poi-amap.json` in the standards folder) or a path.
    static func schemaPath(_ value: String, standards: String) -> String {
        guard ["amap", "baidu", "osm"].contains(value.lowercased()) else { return value }
        return (standards.hasSuffix("/") ? standards : standards + "/") + "poi-\(value.lowercased()).json"
    }

    /// The table of `--landuse-codes`: a bundled name (`gb50137` → `landuse-gb50137.json`) or a path.
    static func codeTablePath(_ value: String, standards: String) -> String {
        guard ["gb50137", "land-sea-2023"].contains(value.lowercased()) else { return value }
        return (standards.hasSuffix("/") ? standards : standards + "/") + "landuse-\(value.lowercased()).json"
    }

    /// The id of `osm:relation/ID`.
    static func relation(_ text: String) -> Int64? {
        guard text.hasPrefix("osm:relation/") else { return nil }
        return Int64(text.dropFirst("osm:relation/".count)).flatMap { $0 > 0 ? $0 : nil }
    }
}
