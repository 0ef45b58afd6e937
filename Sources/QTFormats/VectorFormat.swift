/// The vector file formats qtplan reads and writes, chosen by file extension.
///
/// GeoJSON is read and written by qtplan's own RFC 7946 code (QTGeometry); every other format goes through
/// GDAL's driver of that name. DXF (from design institutes) is read only.
public enum VectorFormat: String, CaseIterable, Sendable, CustomStringConvertible {
    /// RFC 7946 GeoJSON (`.geojson`, `.json`): WGS84 longitude/latitude, one layer per file.
    case geojson
    /// OGC GeoPackage (`.gpkg`): any CRS, many layers (tables) in one file, each with its R-tree index.
    case gpkg
    /// ESRI Shapefile (`.shp` with `.shx`, `.dbf`, `.prj`, `.cpg`): one geometry family per file, field names
    /// of at most 10 characters, strings of at most 254 bytes.
    case shp
    /// FlatGeobuf (`.fgb`): one layer, with a packed Hilbert R-tree.
    case fgb
    /// Comma-separated values with the geometry as WKT in the first column (`.csv`); qtplan writes GDAL's
    /// `.csvt` (field types) and `.prj` (CRS) beside it. A CSV without `.prj` says no CRS.
    case csv
    /// AutoCAD DXF (`.dxf`), read only; carries no CRS.
    case dxf

    /// The format of a path, from its extension (case-insensitive); `nil` when the extension names none.
    public init?(path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "geojson", "json": self = .geojson
        case "gpkg": self = .gpkg
        case "shp": self = .shp
        case "fgb": self = .fgb
        case "csv": self = .csv
        case "dxf": self = .dxf
        default: return nil
        }
    }

    /// The usual extension, without the dot.
    public var fileExtension: String { self == .geojson ? "geojson" : rawValue }

    /// The GDAL driver's short name (`nil` for GeoJSON, which qtplan handles itself).
    public var driverName: String? {
        switch self {
        case .geojson: nil
        case .gpkg: "GPKG"
        case .shp: "ESRI Shapefile"
        case .fgb: "FlatGeobuf"
        case .csv: "CSV"
        case .dxf: "DXF"
        }
    }

    /// The files that travel with one of this format (same stem, these extensions): a Shapefile's index, table,
    /// CRS, code page and spatial indexes; a CSV's field types and CRS.
    public var companionExtensions: [String] {
        switch self {
        case .shp: ["shx", "dbf", "prj", "cpg", "qix", "sbn", "sbx"]
        case .csv: ["csvt", "prj"]
        default: []
        }
    }

    /// Whether one file holds several layers (GeoPackage).
    public var holdsManyLayers: Bool { self == .gpkg }

    /// Whether qtplan writes this format.
    public var isWritable: Bool { self != .dxf }

    /// Whether a file of this format can say its own CRS (a Shapefile and a CSV through a `.prj` beside them,
    /// when present). DXF cannot: a district manifest gives its CRS (`crs`).
    public var carriesCRS: Bool { self != .dxf }

    /// The formats written, as a list for messages: "geojson, gpkg, shp, fgb, csv".
    public static var writableList: String { allCases.filter(\.isWritable).map(\.fileExtension).joined(separator: ", ") }

    /// The formats read, as a list for messages.
    public static var readableList: String { allCases.map(\.fileExtension).joined(separator: ", ") }

    public var description: String {
        switch self {
        case .geojson: "GeoJSON"
        case .gpkg: "GeoPackage"
        case .shp: "Shapefile"
        case .fgb: "FlatGeobuf"
        case .csv: "CSV"
        case .dxf: "DXF"
        }
    }
}
