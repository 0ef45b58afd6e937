import QTText

/// A district folder's `district.json`: who the district is and where its layers are.
///
/// See `geodata/README.md` for the schema. Keys are snake_case in the file.
public struct DistrictManifest: Codable, Hashable, Sendable {
    /// The district's name in Chinese, e.g. `钱塘区`.
    public var name: String
    /// The English name, e.g. `Qiantang District`.
    public var nameEn: String
    /// The administrative division code, e.g. `330114`, when known.
    public var adminCode: String?
    /// The official area in km², as published (not derived from the boundary polygon).
    public var officialAreaKm2: Double
    /// The metric CRS for planar work, e.g. `EPSG:4549`.
    public var metricCRS: String
    /// Resident population (the figure analyses are scaled to).
    public var residents: Int
    /// Where the population figure comes from.
    public var residentsSource: String?
    /// The layer files, by layer name.
    public var layers: [String: LayerEntry]
    /// How many connected components each network mode (`walk`, `drive`) is expected to have, when not one:
    /// a stated exception such as a river that walkers cannot cross. Absent modes expect one component.
    public var networkComponents: [String: Int]?
    /// Why the network has more than one component per mode.
    public var networkComponentsReason: String?
    /// The least share of each mode's edge length (`walk`, `drive`) that its largest component must hold,
    /// overriding validate's 95% (an OSM extract states what it has: its islands of footways are data, not
    /// errors). Absent modes keep the rule of ``networkComponents``.
    public var networkMinLargestShare: [String: Double]?
    /// Whether the land-use layer is meant to tile the boundary (absent: true). `false` for land use from
    /// OpenStreetMap, which leaves land blank: validate then reports the uncovered share instead of failing.
    public var landuseTilesBoundary: Bool?
    /// How the folder was built, when `qtplan district build` wrote it.
    public var build: DistrictBuildRecord?
    /// The language of tables, the report and map legends when no `--lang` is given (absent: English).
    public var lang: Language?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name
        case nameEn = "name_en"
        case adminCode = "admin_code"
        case officialAreaKm2 = "official_area_km2"
        case metricCRS = "metric_crs"
        case residents
        case residentsSource = "residents_source"
        case layers
        case networkComponents = "network_components"
        case networkComponentsReason = "network_components_reason"
        case networkMinLargestShare = "network_min_largest_share"
        case landuseTilesBoundary = "landuse_tiles_boundary"
        case build
        case lang
    }

    /// Creates a manifest.
    public init(
        name: String, nameEn: String, adminCode: String? = nil, officialAreaKm2: Double, metricCRS: String,
        residents: Int, residentsSource: String? = nil, layers: [String: LayerEntry],
        networkComponents: [String: Int]? = nil, networkComponentsReason: String? = nil,
        networkMinLargestShare: [String: Double]? = nil, landuseTilesBoundary: Bool? = nil,
        build: DistrictBuildRecord? = nil, lang: Language? = nil
    ) {
        self.name = name
        self.nameEn = nameEn
        self.adminCode = adminCode
        self.officialAreaKm2 = officialAreaKm2
        self.metricCRS = metricCRS
        self.residents = residents
        self.residentsSource = residentsSource
        self.layers = layers
        self.networkComponents = networkComponents
        self.networkComponentsReason = networkComponentsReason
        self.networkMinLargestShare = networkMinLargestShare
        self.landuseTilesBoundary = landuseTilesBoundary
        self.build = build
        self.lang = lang
    }
}

/// Where one layer's data lives.
public struct LayerEntry: Codable, Hashable, Sendable {
    /// The file, relative to the district folder (or absolute): GeoJSON, or any format GDAL reads for qtplan
    /// (GeoPackage, Shapefile, FlatGeobuf, CSV with WKT or lon/lat columns, DXF), chosen by its extension.
    public var file: String
    /// The file's CRS where the file says none (a DXF, a CSV or Shapefile without `.prj`): `EPSG:n`, `GCJ02`,
    /// `WGS84` or a PROJ string. GeoJSON is always WGS84 (RFC 7946).
    public var crs: String?
    /// The layer (table) to read in a file holding several, such as a GeoPackage; by default the file's only
    /// layer, or the one named like this layer.
    public var layer: String?
    /// The code page of a Shapefile's or DXF's text when the file's own (`.cpg`, `$DWGCODEPAGE`) is missing
    /// or wrong: `GBK`, `CP936`, `UTF-8`, …
    public var encoding: String?

    /// Creates a layer entry.
    public init(file: String, crs: String? = nil, layer: String? = nil, encoding: String? = nil) {
        self.file = file
        self.crs = crs
        self.layer = layer
        self.encoding = encoding
    }
}
