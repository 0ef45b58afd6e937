import Foundation
import QTGeometry

/// Conversion between WGS84 and GCJ-02, the datum that Chinese law requires of published maps
/// (Amap, DataV, Tencent). PROJ does not implement GCJ-02, so qtplan does, from the public formula.
///
/// The forward transform (WGS84 → GCJ-02) is the widely published closed formula (Krasovsky ellipsoid
/// constants a = 6378245 m, e² = 0.00669342162296594323). It has no closed inverse; ``toWGS84(_:)``
/// iterates the forward formula (fixed point on the offset) until the result maps back to the input within
/// 1e-9 degrees (about 0.1 mm), far below the 0.5 m the project requires. Outside mainland China's
/// bounding box (longitude 72.004–137.8347, latitude 0.8293–55.8271) GCJ-02 equals WGS84 by convention,
/// and both directions return the input unchanged.
public enum GCJ02 {
    private static let a = 6378245.0
    private static let ee = 0.00669342162296594323

    /// Whether `c` lies outside the box in which GCJ-02 applies an offset.
    public static func isOutsideChina(_ c: Coordinate) -> Bool {
        c.x < 72.004 || c.x > 137.8347 || c.y < 0.8293 || c.y > 55.8271
    }

    /// Converts a WGS84 longitude/latitude to GCJ-02.
    public static func fromWGS84(_ c: Coordinate) -> Coordinate {
        if isOutsideChina(c) { return c }
        let (dLon, dLat) = offset(lon: c.x, lat: c.y)
        return Coordinate(x: c.x + dLon, y: c.y + dLat)
    }

    /// Converts a GCJ-02 longitude/latitude to WGS84 by iterating ``fromWGS84(_:)`` to 1e-9 degrees.
    public static func toWGS84(_ gcj: Coordinate) -> Coordinate {
        if isOutsideChina(gcj) { return gcj }
        var wgs = gcj
        for _ in 0..<30 {
            let mapped = fromWGS84(wgs)
            let dx = mapped.x - gcj.x, dy = mapped.y - gcj.y
            wgs.x -= dx
            wgs.y -= dy
            if abs(dx) < 1e-9 && abs(dy) < 1e-9 { break }
        }
        return wgs
    }

    /// The GCJ-02 offset in degrees at a WGS84 position.
    private static func offset(lon: Double, lat: Double) -> (Double, Double) {
        let x = lon - 105.0, y = lat - 35.0
        var dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * abs(x).squareRoot()
        dLat += (20.0 * sin(6.0 * x * .pi) + 20.0 * sin(2.0 * x * .pi)) * 2.0 / 3.0
        dLat += (20.0 * sin(y * .pi) + 40.0 * sin(y / 3.0 * .pi)) * 2.0 / 3.0
        dLat += (160.0 * sin(y / 12.0 * .pi) + 320.0 * sin(y * .pi / 30.0)) * 2.0 / 3.0
        var dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * abs(x).squareRoot()
        dLon += (20.0 * sin(6.0 * x * .pi) + 20.0 * sin(2.0 * x * .pi)) * 2.0 / 3.0
        dLon += (20.0 * sin(x * .pi) + 40.0 * sin(x / 3.0 * .pi)) * 2.0 / 3.0
        dLon += (150.0 * sin(x / 12.0 * .pi) + 300.0 * sin(x / 30.0 * .pi)) * 2.0 / 3.0
        let radLat = lat / 180.0 * .pi
        var magic = sin(radLat)
        magic = 1 - ee * magic * magic
        let sqrtMagic = magic.squareRoot()
        dLat = (dLat * 180.0) / ((a * (1 - ee)) / (magic * sqrtMagic) * .pi)
        dLon = (dLon * 180.0) / (a / sqrtMagic * cos(radLat) * .pi)
        return (dLon, dLat)
    }
}
