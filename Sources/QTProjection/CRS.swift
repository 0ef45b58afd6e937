import Foundation
import QTGeometry

/// A coordinate reference system, named the way users write it.
///
/// `CRS` is a plain Sendable value; PROJ objects are made from it inside a ``Transformer``.
/// GCJ-02 (the obfuscated datum of Chinese web maps such as Amap and DataV) and BD-09 (Baidu's further offset
/// of GCJ-02) are not CRSs PROJ knows; qtplan converts them with ``GCJ02`` and ``BD09`` on the way in and out of
/// WGS84.
public enum CRS: Hashable, Sendable, CustomStringConvertible {
    /// An EPSG code, for example 4326 (WGS84) or 4549 (CGCS2000 / 3-degree Gauss-Kruger CM 120E).
    case epsg(Int)
    /// GCJ-02 longitude/latitude.
    case gcj02
    /// BD-09 longitude/latitude (Baidu Maps): GCJ-02 offset again.
    case bd09
    /// Any other definition PROJ accepts: a PROJ string, `OGC:CRS84`, WKT or PROJJSON.
    case definition(String)

    /// WGS84 longitude/latitude (EPSG:4326, used longitude first).
    public static let wgs84 = CRS.epsg(4326)
    /// The metric CRS for Qiantang: CGCS2000 / 3-degree Gauss-Kruger CM 120E.
    public static let cgcs2000GK120 = CRS.epsg(4549)

    /// Parses a user's CRS name: `EPSG:n`, `GCJ02` or `GCJ-02`, `BD09` or `BD-09`, `WGS84`, or a PROJ definition
    /// (anything starting with `+proj`, containing `:`, or WKT/JSON).
    /// - Throws: ``ProjectionError/unknownCRS(_:)`` for an empty name or a malformed EPSG code.
    public init(parsing name: String) throws {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        let upper = trimmed.uppercased()
        if upper == "GCJ02" || upper == "GCJ-02" {
            self = .gcj02
        } else if upper == "BD09" || upper == "BD-09" {
            self = .bd09
        } else if upper == "WGS84" || upper == "WGS 84" {
            self = .wgs84
        } else if upper.hasPrefix("EPSG:") {
            guard let code = Int(upper.dropFirst(5)), code > 0 else { throw ProjectionError.unknownCRS(name) }
            self = .epsg(code)
        } else if trimmed.hasPrefix("+") || trimmed.contains(":") || trimmed.contains("[") || trimmed.hasPrefix("{") {
            self = .definition(trimmed)
        } else {
            throw ProjectionError.unknownCRS(name)
        }
    }

    /// The text handed to PROJ (`EPSG:4549`), or `GCJ02`, `BD09`.
    public var description: String {
        switch self {
        case .epsg(let code): "EPSG:\(code)"
        case .gcj02: "GCJ02"
        case .bd09: "BD09"
        case .definition(let text): text
        }
    }

    /// Whether this is one of the offset lon/lat systems of Chinese web maps (GCJ-02, BD-09), which qtplan
    /// converts itself and no file can declare.
    public var isChineseOffset: Bool { self == .gcj02 || self == .bd09 }

    /// An offset lon/lat position (GCJ-02, BD-09) to WGS84; other CRSs' positions unchanged.
    public func offsetToWGS84(_ c: Coordinate) -> Coordinate {
        switch self {
        case .gcj02: GCJ02.toWGS84(c)
        case .bd09: BD09.toWGS84(c)
        default: c
        }
    }

    /// A WGS84 position to this offset lon/lat system (GCJ-02, BD-09); unchanged for other CRSs.
    public func offsetFromWGS84(_ c: Coordinate) -> Coordinate {
        switch self {
        case .gcj02: GCJ02.fromWGS84(c)
        case .bd09: BD09.fromWGS84(c)
        default: c
        }
    }
}
