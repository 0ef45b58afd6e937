import Foundation

/// A coordinate reference system, named the way users write it.
///
/// `CRS` is a plain Sendable value; PROJ objects are made from it inside a ``Transformer``.
/// GCJ-02 (the obfuscated datum of Chinese web maps such as Amap and DataV) is not a CRS PROJ knows; qtplan
/// converts it with ``GCJ02`` on the way in and out of WGS84.
public enum CRS: Hashable, Sendable, CustomStringConvertible {
    /// An EPSG code, for example 4326 (WGS84) or 4549 (CGCS2000 / 3-degree Gauss-Kruger CM 120E).
    case epsg(Int)
    /// GCJ-02 longitude/latitude.
    case gcj02
    /// Any other definition PROJ accepts: a PROJ string, `OGC:CRS84`, WKT or PROJJSON.
    case definition(String)

    /// WGS84 longitude/latitude (EPSG:4326, used longitude first).
    public static let wgs84 = CRS.epsg(4326)
    /// The metric CRS for Qiantang: CGCS2000 / 3-degree Gauss-Kruger CM 120E.
    public static let cgcs2000GK120 = CRS.epsg(4549)

    /// Parses a user's CRS name: `EPSG:n`, `GCJ02` or `GCJ-02`, `WGS84`, or a PROJ definition
    /// (anything starting with `+proj`, containing `:`, or WKT/JSON).
    /// - Throws: ``ProjectionError/unknownCRS(_:)`` for an empty name or a malformed EPSG code.
    public init(parsing name: String) throws {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        let upper = trimmed.uppercased()
        if upper == "GCJ02" || upper == "GCJ-02" {
            self = .gcj02
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

    /// The text handed to PROJ (`EPSG:4549`), or `GCJ02`.
    public var description: String {
        switch self {
        case .epsg(let code): "EPSG:\(code)"
        case .gcj02: "GCJ02"
        case .definition(let text): text
        }
    }
}
