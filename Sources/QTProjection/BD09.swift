import Foundation
import QTGeometry

/// Conversion between GCJ-02 and BD-09, the further offset of Baidu Maps (百度坐标). PROJ knows neither.
///
/// BD-09 → GCJ-02 and GCJ-02 → BD-09 are the pair of closed formulas Baidu's coordinate-conversion examples and
/// every public implementation use (an offset of (0.0065°, 0.006°) and a small rotation and scaling, with
/// x_π = π·3000/180); BD-09 ↔ WGS84 goes through GCJ-02 (``GCJ02``). The published BD-09 → GCJ-02 formula is
/// itself an approximation of the inverse of GCJ-02 → BD-09, good to about 1e-6 degrees (a few centimetres
/// to a decimetre); qtplan keeps it as published, so that BD-09 data converts as Baidu's own tools convert it.
/// Outside mainland China's box GCJ-02 equals WGS84, but BD-09's offset applies everywhere.
public enum BD09 {
    private static let xPi = Double.pi * 3000.0 / 180.0

    /// Converts a BD-09 longitude/latitude to GCJ-02.
    public static func toGCJ02(_ c: Coordinate) -> Coordinate {
        let x = c.x - 0.0065, y = c.y - 0.006
        let z = (x * x + y * y).squareRoot() - 0.00002 * sin(y * xPi)
        let theta = atan2(y, x) - 0.000003 * cos(x * xPi)
        return Coordinate(x: z * cos(theta), y: z * sin(theta))
    }

    /// Converts a GCJ-02 longitude/latitude to BD-09.
    public static func fromGCJ02(_ c: Coordinate) -> Coordinate {
        let z = (c.x * c.x + c.y * c.y).squareRoot() + 0.00002 * sin(c.y * xPi)
        let theta = atan2(c.y, c.x) + 0.000003 * cos(c.x * xPi)
        return Coordinate(x: z * cos(theta) + 0.0065, y: z * sin(theta) + 0.006)
    }

    /// Converts a BD-09 longitude/latitude to WGS84 (BD-09 → GCJ-02 → WGS84).
    public static func toWGS84(_ c: Coordinate) -> Coordinate { GCJ02.toWGS84(toGCJ02(c)) }

    /// Converts a WGS84 longitude/latitude to BD-09 (WGS84 → GCJ-02 → BD-09).
    public static func fromWGS84(_ c: Coordinate) -> Coordinate { fromGCJ02(GCJ02.fromWGS84(c)) }
}
