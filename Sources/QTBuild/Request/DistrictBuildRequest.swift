import QTGeometry
import QTModel

/// What one input file of a build is.
public enum BuildInputRole: String, Sendable, Hashable, CaseIterable {
    /// An OpenStreetMap extract (`.osm.pbf`, `.osm`, `.osm.bz2`): streets, facilities, transit, parks, land use,
    /// buildings. Features say `osm:<node|way|relation>/<id>`.
    case osm
    /// The planner's POI export (Amap, Baidu, OSM-tagged or a mapping of one's own): features say `poi:FILE`.
    case pois
    /// The regulatory plan's parcels (Shapefile, DXF, …; GB 50137 or 2023 codes): `parcels:FILE`.
    case parcels
    /// A census table joined to zone polygons and spread over residential floor: `census:FILE`.
    case census
    /// A population raster (any GDAL raster with a CRS): `raster:FILE`.
    case raster
}

/// One input file of a build, with its own CRS (used where the file says none) and role-specific settings.
public struct BuildInput: Sendable, Hashable {
    /// What the file is.
    public var role: BuildInputRole
    /// The path as given.
    public var path: String
    /// The CRS of a file that carries none (`GCJ02`, `BD09`, `WGS84`, `EPSG:n`, a PROJ string).
    public var crs: String?
    /// Settings of this input's reader (schema, code field, …), by name; none are read for OSM.
    public var settings: [String: String]

    /// Creates an input.
    public init(role: BuildInputRole, path: String, crs: String? = nil, settings: [String: String] = [:]) {
        self.role = role
        self.path = path
        self.crs = crs
        self.settings = settings
    }

    /// The `source` of the features this input gives: `poi:FILE`, `parcels:FILE`, `census:FILE`, `raster:FILE`
    /// with the file's name (not its folder, so that a folder built elsewhere says the same); `osm` features
    /// name their element instead.
    public var sourcePrefix: String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        switch role {
        case .osm: return "osm"
        case .pois: return "poi:\(file)"
        default: return "\(role.rawValue):\(file)"
        }
    }
}

/// Where the district's boundary comes from.
public enum BoundarySource: Sendable, Hashable {
    /// A vector file qtplan reads (GeoJSON, GeoPackage, Shapefile, …), its polygons unioned; `crs` for a
    /// file that says none.
    case file(path: String, crs: String?)
    /// An administrative boundary relation of the OSM extract (`osm:relation/ID`).
    case osmRelation(Int64)

    /// As the option was given (`osm:relation/ID`, or the path).
    public var text: String {
        switch self {
        case .file(let path, _): path
        case .osmRelation(let id): "osm:relation/\(id)"
        }
    }
}

/// The format of the layer files written.
public enum LayerFileFormat: String, Sendable, Hashable, CaseIterable {
    /// One GeoJSON file per layer (qtplan's writer: RFC 7946, 7 decimals).
    case geojson
    /// One GeoPackage, `district.gpkg`, with a table per layer (for large districts: the loader reads it
    /// without GeoJSON's 25× memory).
    case gpkg
}

/// The options of a build that are not inputs.
public struct DistrictBuildOptions: Sendable, Hashable {
    /// The district's name (default: the boundary's `name`, else the output folder's name).
    public var name: String?
    /// The English name (default: the boundary's `name:en`, else the name).
    public var nameEn: String?
    /// The metric CRS (default: the CGCS2000 3° Gauss-Krüger zone of the boundary's centroid inside China,
    /// else its UTM zone).
    public var metricCRS: String?
    /// Streets and facilities this far outside the boundary are kept, marked `outside: true`, metres.
    public var marginMetres: Double
    /// The residents' total (default: residential floor area ÷ the table's floor area per resident, modelled).
    public var residents: Int?
    /// The official area, km² (default: the boundary's geodesic area, stated as such).
    public var officialAreaKm2: Double?
    /// The population layer's `aged_60_plus_share` (default ``defaultAged60Share``, modelled).
    public var aged60Share: Double?
    /// How far an OSM feature may lie from reality, metres (`accuracy_m` of every OSM feature).
    public var osmAccuracyMetres: Double
    /// How far a POI of the planner's export may lie from reality, metres (`accuracy_m` of every POI feature).
    public var poiAccuracyMetres: Double = DistrictBuildOptions.defaultPOIAccuracyMetres
    /// How far a parcel of the regulatory plan may lie from reality, metres (`accuracy_m` of every parcel).
    public var parcelAccuracyMetres: Double = DistrictBuildOptions.defaultParcelAccuracyMetres
    /// The layer files' format.
    public var layerFormat: LayerFileFormat

    /// The share of residents aged 60 and over taken when none is given: 18.70%, China's 2020 census
    /// (第七次全国人口普查: 60岁及以上人口占18.70%).
    public static let defaultAged60Share = 0.187
    /// The positional accuracy assumed for OpenStreetMap features when none is given: 5 m (a stated
    /// assumption: OSM is mostly traced from aerial imagery and GPS, metre-level in cities).
    public static let defaultOSMAccuracyMetres = 5.0
    /// The positional accuracy assumed for a web map's POI when none is given: 10 m (a stated assumption: Amap
    /// and Baidu place a POI at its entrance or its building, within a building's size).
    public static let defaultPOIAccuracyMetres = 10.0
    /// The positional accuracy assumed for a regulatory plan's parcels: 1 m (a stated assumption: 控规 drawings
    /// are drawn on survey coordinates at 1:2,000 or finer).
    public static let defaultParcelAccuracyMetres = 1.0
    /// The default margin, metres.
    public static let defaultMarginMetres = 2000.0

    /// Creates options.
    public init(
        name: String? = nil, nameEn: String? = nil, metricCRS: String? = nil,
        marginMetres: Double = DistrictBuildOptions.defaultMarginMetres, residents: Int? = nil,
        officialAreaKm2: Double? = nil, aged60Share: Double? = nil,
        osmAccuracyMetres: Double = DistrictBuildOptions.defaultOSMAccuracyMetres, layerFormat: LayerFileFormat = .geojson
    ) {
        self.name = name
        self.nameEn = nameEn
        self.metricCRS = metricCRS
        self.marginMetres = marginMetres
        self.residents = residents
        self.officialAreaKm2 = officialAreaKm2
        self.aged60Share = aged60Share
        self.osmAccuracyMetres = osmAccuracyMetres
        self.layerFormat = layerFormat
    }
}

/// The tables of `geodata/standards/` a build reads.
public struct OSMTables: Sendable, Hashable {
    /// `osm-network.json`.
    public var network: OSMNetworkRules
    /// `osm-facilities.json`.
    public var facilities: OSMFacilityRules
    /// `osm-landuse.json`.
    public var landUse: OSMLandUseRules

    /// Creates the set.
    public init(network: OSMNetworkRules, facilities: OSMFacilityRules, landUse: OSMLandUseRules) {
        self.network = network
        self.facilities = facilities
        self.landUse = landUse
    }

    /// Reads the three tables from a standards folder.
    public static func load(folder: String) throws(TableError) -> OSMTables {
        func path(_ name: String) -> String { folder.hasSuffix("/") ? folder + name : folder + "/" + name }
        return OSMTables(
            network: try .load(path: path("osm-network.json")),
            facilities: try .load(path: path("osm-facilities.json")),
            landUse: try .load(path: path("osm-landuse.json")))
    }

    /// Every tag key the tables read: the reader keeps only these.
    public var keys: Set<String> { network.keys.union(facilities.keys).union(landUse.tagKeys) }
}

/// One build of a district folder: the inputs, the boundary, the options, the tables and the program's name.
public struct DistrictBuildRequest: Sendable {
    /// The input files, in the order given (one `osm` extract today; the planner's files next).
    public var inputs: [BuildInput]
    /// The boundary.
    public var boundary: BoundarySource
    /// The options.
    public var options: DistrictBuildOptions
    /// The tables.
    public var tables: OSMTables
    /// The program, for the build record (`qtplan 0.1.0 (…)`).
    public var generator: String
    /// The output folder's name, the district's name of last resort.
    public var folderName: String
    /// The POI schema of each `pois` input, by the input's path (`poi-amap.json`, `poi-baidu.json`, … or the
    /// planner's own mapping).
    public var poiSchemas: [String: POISchema]
    /// The land-use code table of each `parcels` input, by the input's path.
    public var landUseCodes: [String: LandUseCodeTable] = [:]

    /// Creates a request.
    public init(
        inputs: [BuildInput], boundary: BoundarySource, options: DistrictBuildOptions, tables: OSMTables,
        generator: String, folderName: String, poiSchemas: [String: POISchema] = [:],
        landUseCodes: [String: LandUseCodeTable] = [:]
    ) {
        self.poiSchemas = poiSchemas
        self.landUseCodes = landUseCodes
        self.inputs = inputs
        self.boundary = boundary
        self.options = options
        self.tables = tables
        self.generator = generator
        self.folderName = folderName
    }
}
