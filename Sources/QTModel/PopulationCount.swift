import QTGeometry
import QTText

/// The head-count of a population feature, read the same way by the validator and by every analysis.
///
/// Assumption: one feature holds at most ``maximum`` residents (10 billion, more than the world's population
/// of about 8.1 billion in 2024). The bound refuses a mistyped or corrupted count (`1e300`, a spreadsheet's
/// `9.99E+18`) with a message instead of letting sums overflow `Int` when they are reported (a trap): 900
/// million features at the maximum still sum within `Int`, and any real district's sum stays far below
/// 2^53, where a `Double` holds every whole number exactly.
public enum PopulationCount {
    /// The most residents one population feature may hold.
    public static let maximum = 10_000_000_000

    /// The `population` value when it is a whole number from 0 to ``maximum``; `nil` otherwise (see
    /// ``problem(_:)`` for why).
    public static func value(_ value: JSONValue?) -> Int? {
        guard let count = value?.intValue, count >= 0, count <= maximum else { return nil }
        return count
    }

    /// Why a present `population` value cannot be used, as a message fragment (`population is -3, must not
    /// be negative`), or `nil` when it can (or is absent or `null`: whether that is allowed is the caller's
    /// rule).
    public static func problem(_ value: JSONValue?) -> String? {
        guard let value, !value.isNull else { return nil }
        guard let number = value.doubleValue else { return "'population' must be a number, found \(value.typeDescription)" }
        let shown = Int(exactly: number).map(String.init) ?? "\(number)"
        if number < 0 { return "population is \(shown), must not be negative" }
        if number > Double(maximum) {
            return "population is \(shown), more than \(maximumText) (more than the world's population: a mistyped count?)"
        }
        if value.intValue == nil { return "population is \(shown), must be a whole number" }
        return nil
    }

    /// ``maximum`` as messages print it: `10,000,000,000`.
    public static var maximumText: String { NumberText.grouped(maximum) }
}
