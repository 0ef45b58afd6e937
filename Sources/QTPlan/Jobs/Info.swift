import QTModel

/// `info`: what a district is: its names, official and measured areas, residents, features per layer with their
/// sources, and the land area of each sub-district.
public enum Info {
    /// The summary of `district`.
    /// - Throws: GEOS and PROJ errors when the boundary cannot be measured.
    public static func run(on district: District) throws -> DistrictSummary {
        try DistrictSummary(district)
    }
}
