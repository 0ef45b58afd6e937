import QTGeometry
import QTProjection

/// Cuts parcels by the zones they cross.
enum LandUseCutter {
    /// The parcel's piece in each zone (intersection) and the rest (the parcel minus each zone in turn),
    /// measured by `measure`. Zones may overlap (industrial parks do): each gets its whole piece.
    static func cut(
        _ parcel: NativeGeometry, zones: [(Int, NativeGeometry)],
        measure: (NativeGeometry) throws -> Double
    ) throws -> ([(Int, Double)], Double) {
        var rest = parcel
        var out: [(Int, Double)] = []
        for (z, zone) in zones {
            out.append((z, try measure(try parcel.intersection(zone))))
            if try !rest.isEmpty() { rest = try rest.difference(zone) }
        }
        return (out, try rest.isEmpty() ? 0 : measure(rest))
    }
}
