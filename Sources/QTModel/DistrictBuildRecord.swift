/// The `build` record of a manifest written by `qtplan district build`: what went in, with which options and
/// which program, so that a folder says how to make it again. No timestamps: two builds of the same inputs
/// write the same bytes.
public struct DistrictBuildRecord: Codable, Hashable, Sendable {
    /// The program and the readers it ran on, e.g. `qtplan 0.1.0 (GEOS …, PROJ …, GDAL …, libosmium 2.19.0)`.
    public var generator: String
    /// Every input file, in the order given.
    public var inputs: [BuildInputRecord]
    /// The options as given (flag name without dashes → value), defaults included.
    public var options: [String: String]
    /// Why the metric CRS is what it is (given, or the default zone of the boundary's centroid).
    public var metricCRSBasis: String
    /// Manifest fields and layer properties that OSM cannot give, with how each was set (a flag, or a stated
    /// default, then modelled).
    public var defaults: [String: String]
    /// What the build could not map, by tag (`amenity=restaurant` → 12), never silently dropped.
    public var unmapped: [String: Int]
    /// What the build left out on purpose, by reason (`highway=construction` → 3).
    public var excluded: [String: Int]
    /// The ODbL attribution every folder built from OpenStreetMap carries.
    public var attribution: String?

    enum CodingKeys: String, CodingKey {
        case generator, inputs, options
        case metricCRSBasis = "metric_crs_basis"
        case defaults, unmapped, excluded, attribution
    }

    /// Creates a record.
    public init(
        generator: String, inputs: [BuildInputRecord], options: [String: String], metricCRSBasis: String,
        defaults: [String: String], unmapped: [String: Int], excluded: [String: Int], attribution: String?
    ) {
        self.generator = generator
        self.inputs = inputs
        self.options = options
        self.metricCRSBasis = metricCRSBasis
        self.defaults = defaults
        self.unmapped = unmapped
        self.excluded = excluded
        self.attribution = attribution
    }
}

/// One input of a build: its role, the path as given, its size and SHA-256.
public struct BuildInputRecord: Codable, Hashable, Sendable {
    /// `osm`, `boundary` (and, with the planner's own data, `pois`, `parcels`, `census`, `raster`, `buildings`).
    public var role: String
    /// The path as given on the command line.
    public var file: String
    /// Its size in bytes.
    public var bytes: Int
    /// Its SHA-256, lower-case hex.
    public var sha256: String
    /// The CRS assumed for a file that says none, when one was given.
    public var crs: String?

    /// Creates an input record.
    public init(role: String, file: String, bytes: Int, sha256: String, crs: String? = nil) {
        self.role = role
        self.file = file
        self.bytes = bytes
        self.sha256 = sha256
        self.crs = crs
    }
}
