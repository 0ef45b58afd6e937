/// Plans compared with the district as it is, as the report's 方案比选 section shows them: a row per service with
/// the baseline's share and each plan's share and change, then what each plan does.
public struct ReportComparison: Sendable, Hashable {
    /// One service's row.
    public struct Row: Sendable, Hashable {
        /// The service.
        public var service: String
        /// The baseline's share (0–1).
        public var baseline: Double
        /// Each plan's share (0–1), in ``ReportComparison/plans`` order.
        public var plans: [Double]
        /// Residents newly covered under each plan.
        public var gained: [Double]
        /// Residents newly lost under each plan.
        public var lost: [Double]

        /// A row.
        public init(service: String, baseline: Double, plans: [Double], gained: [Double], lost: [Double]) {
            self.service = service
            self.baseline = baseline
            self.plans = plans
            self.gained = gained
            self.lost = lost
        }
    }

    /// The plans' names, in column order.
    public var plans: [String]
    /// One line per plan: its file, changes, indicators, verdict.
    public var summaries: [String]
    /// The rows.
    public var rows: [Row]

    /// A comparison.
    public init(plans: [String], summaries: [String], rows: [Row]) {
        self.plans = plans
        self.summaries = summaries
        self.rows = rows
    }
}
