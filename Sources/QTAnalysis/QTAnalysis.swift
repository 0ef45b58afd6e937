/// QTAnalysis: what planners compute from a district model — land-use totals, the plan's indicators (and,
/// as they land, coverage and siting). Every entry point is a function of a loaded `District` returning
/// Sendable values; formatting belongs to the CLI.
public enum QTAnalysis {
    /// Square metres in one mu (亩): 10,000 / 15.
    public static let squareMetresPerMu = 10_000.0 / 15.0
}
