/// The layers a district folder may hold. Only ``boundary`` is required.
public enum LayerName: String, CaseIterable, Sendable, Codable, Comparable {
    /// The district's outline (polygons).
    case boundary
    /// Sub-districts (街道), tiling the boundary.
    case subdistricts
    /// Industrial platforms and named planning areas.
    case industrialParks = "industrial_parks"
    /// Metro lines and stations, rail, bus stops.
    case transit
    /// Public service facilities (points at main entrances).
    case facilities
    /// Parks as polygons, with their area and entrances (a park is also a point in ``facilities``).
    case parks
    /// Hard constraints on siting: ecological red line, basic farmland, hazardous sites.
    case constraints
    /// Land-use parcels tiling the boundary.
    case landuse
    /// Residents, on residential land or a grid.
    case population
    /// The street network (walk and drive edges).
    case network

    /// Layers in the order they are listed and reported.
    public static func < (a: LayerName, b: LayerName) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}
