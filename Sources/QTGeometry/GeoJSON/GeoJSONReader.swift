import Foundation

/// Reads GeoJSON (RFC 7946) into ``FeatureCollection`` and ``Geometry`` values.
///
/// qtplan reads GeoJSON with its own code (a byte-level JSON parser, with Foundation's for diagnostics) instead
/// of GEOS's GeoJSON reader: through the C API GEOS's reader drops Feature properties and rejects 3-D coordinates
/// (and GEOS's writer always writes full precision; see ``GeoJSONWriter``). Nothing here depends on GEOS. A
/// FeatureCollection of the usual shape is read straight from its bytes into features; every other text (and
/// every text with a problem) through a ``JSONValue`` tree of the whole document, with the same result.
///
/// Accepted input is a FeatureCollection, a single Feature (read as a one-feature collection) or a bare
/// Geometry (read as one feature without properties). The policy:
/// - **2-D model.** A position with three numbers is accepted and its third number (altitude) dropped; the
///   count is reported by ``readWithDiagnostics(data:)``. A position with four or more numbers is refused:
///   RFC 7946 §3.1.1 says positions SHOULD NOT be extended beyond three elements, and qtplan refuses rather
///   than guess what the extra elements mean.
/// - **Rings.** Every polygon ring needs at least four positions and must be closed (last == first,
///   compared in 2-D). An unclosed ring is an error; qtplan does not close rings silently. Ring orientation
///   and geometric validity are not checked here (that is GEOS's job, see `Validity.swift`).
/// - **Empty geometries.** `"coordinates": []` is the empty geometry of the declared type (`Point` with `[]`
///   is the empty point), also for members of multi-geometries; `"geometries": []` is an empty collection.
///   A line string otherwise needs at least two positions.
/// - **Numbers.** Every coordinate must be a finite number; `1e400` is refused by the JSON parser.
/// - **CRS.** RFC 7946 GeoJSON is WGS84 longitude/latitude only. A top-level `"crs"` member (GeoJSON 2008)
///   naming anything other than WGS84 (OGC CRS84 or EPSG:4326) is an error that names the CRS found.
/// - **Nesting.** GeometryCollections nested more than ``maximumCollectionDepth`` deep are an error.
///
/// Every error is a ``GeoJSONError`` whose one-line description says where the problem is, for example
/// `feature 12: geometry.coordinates[0][3]: position has 1 number, expected 2 or 3`.
public struct GeoJSONReader: Sendable {
    /// How many GeometryCollections may enclose one another: an outermost collection is at depth 1, and a
    /// collection at depth 33 is refused (input is data, not a reason to recurse without limit).
    public static let maximumCollectionDepth = 32

    /// Creates a reader.
    public init() {}

    /// Reads a FeatureCollection, a Feature or a Geometry, dropping altitudes without reporting them.
    /// - Throws: ``GeoJSONError`` naming the feature and the place in it.
    public func read(data: Data) throws(GeoJSONError) -> FeatureCollection {
        try readWithDiagnostics(data: data).collection
    }

    /// Reads like ``read(data:)`` and also reports what was changed on the way (altitudes dropped) and the keys
    /// repeated in an object.
    /// - Throws: ``GeoJSONError`` naming the feature and the place in it.
    public func readWithDiagnostics(data: Data) throws(GeoJSONError) -> GeoJSONReadResult {
        // A FeatureCollection of the usual shape is read straight from the bytes; anything else, and every text
        // with a problem, the generic way below (the same result; see JSONByteParser+GeoJSON.swift).
        if let direct = data.withUnsafeBytes({ JSONByteParser.featureCollection($0) }) { return direct }
        return try readGeneric(data: data)
    }

    /// Reads through the whole document's ``JSONValue`` tree (the reference the direct reading is tested against).
    func readGeneric(data: Data) throws(GeoJSONError) -> GeoJSONReadResult {
        let document: JSONValue, duplicates: [JSONDuplicateKey]
        do {
            (document, duplicates) = try JSONValue.parseReportingDuplicates(data)
        } catch {
            throw GeoJSONError(message: error.description)
        }
        var result = try GeoJSONDocumentDecoder().decode(document)
        result.duplicateKeys = duplicates
        return result
    }

    /// Reads one GeoJSON geometry object (`{"type": "Polygon", "coordinates": …}`), dropping altitudes.
    /// - Throws: ``GeoJSONError`` whose path is relative to `json` (for example `coordinates[0][3]`).
    public func geometry(from json: JSONValue) throws(GeoJSONError) -> Geometry {
        var decoder = GeoJSONGeometryDecoder()
        return try decoder.geometry(json)
    }
}

/// What ``GeoJSONReader/readWithDiagnostics(data:)`` read, and what it changed on the way.
public struct GeoJSONReadResult: Hashable, Sendable {
    /// The features read.
    public var collection: FeatureCollection
    /// How many positions in the whole document had a third number (altitude) that was dropped.
    public var droppedZCount: Int
    /// One warning per feature that had altitudes dropped, such as
    /// `feature 3: 12 positions had a Z value, dropped`; empty when nothing was changed.
    public var warnings: [GeoJSONWarning]
    /// Keys repeated within one object (the first few; the last value of each is the one read, as GDAL and
    /// Python read it): said as warnings by the district loader.
    public var duplicateKeys: [JSONDuplicateKey] = []

    /// Creates a result.
    public init(collection: FeatureCollection, droppedZCount: Int = 0, warnings: [GeoJSONWarning] = []) {
        self.collection = collection
        self.droppedZCount = droppedZCount
        self.warnings = warnings
    }
}
