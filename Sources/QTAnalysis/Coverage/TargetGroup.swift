/// Who a service is for: all residents, or an age band of the population layer (each band a share of a
/// feature's residents, `aged_3_5_share` and so on, optional in a district).
///
/// The bands follow the age each service admits in China: 托育 under 3 (`aged_0_2`), 幼儿园 3 to 6 (`aged_3_5`:
/// the three years before primary school), 小学 6 to 12 (`aged_6_11`), 初中 12 to 15 (`aged_12_14`), elderly care
/// 60 and over (`aged_60_plus`, the census's 老年人口 threshold).
public enum TargetGroup: String, CaseIterable, Sendable, Codable {
    /// Every resident.
    case all
    /// Children under 3 (childcare).
    case aged0to2 = "aged_0_2"
    /// Children of 3 to 5 (kindergarten).
    case aged3to5 = "aged_3_5"
    /// Children of 6 to 11 (primary school).
    case aged6to11 = "aged_6_11"
    /// Children of 12 to 14 (middle school).
    case aged12to14 = "aged_12_14"
    /// People aged 60 and over (elderly day care and care homes).
    case aged60Plus = "aged_60_plus"

    /// The population layer's property holding the band's share of a feature's residents (`nil` for all
    /// residents).
    public var shareKey: String? { self == .all ? nil : rawValue + "_share" }

    /// The age bands (every group but all residents).
    public static var bands: [TargetGroup] { allCases.filter { $0 != .all } }
}
