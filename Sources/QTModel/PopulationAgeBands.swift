import QTGeometry
import QTText

/// The age bands a population feature may give, each as a share of its residents: `aged_60_plus_share`
/// (required) and the children's bands coverage weighs services by (optional): under 3, 3–5, 6–11, 12–14.
/// The bands do not overlap, so a feature's shares add up to at most 1.
public enum PopulationAgeBands {
    /// The optional bands' properties, youngest first.
    public static let optionalShareKeys = ["aged_0_2_share", "aged_3_5_share", "aged_6_11_share", "aged_12_14_share"]
    /// Every band's property.
    public static let shareKeys = optionalShareKeys + ["aged_60_plus_share"]

    /// Why the bands of a feature cannot all be true (they add up to more than 1), or `nil`. Values that are not
    /// numbers or outside 0…1 are left to the check of each value.
    public static func sumProblem(_ properties: PropertyMap) -> String? {
        let values = shareKeys.compactMap { key in properties[key]?.doubleValue.map { (key, $0) } }
        // A band outside 0…1 is its own error (reported by the check of each value), not also a sum.
        guard values.allSatisfy({ $0.1 >= 0 && $0.1 <= 1 }) else { return nil }
        let sum = values.reduce(0) { $0 + $1.1 }
        guard sum > 1 + 1e-9 else { return nil }
        return "the age bands add up to \(NumberText.trimmed((sum * 1e6).rounded() / 1e6)), more than 1 ("
            + values.map { "\($0.0) \(NumberText.trimmed($0.1))" }.joined(separator: " + ") + ")"
    }
}
