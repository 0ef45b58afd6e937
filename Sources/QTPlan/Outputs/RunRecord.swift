import Foundation
import QTFormats

/// What identifies one run of a command whose results are written to a database (`--results`): enough to find
/// the run again and to repeat it. One row of the `qtplan_runs` table (``ResultsOutput``).
public struct RunRecord: Sendable, Hashable {
    /// A new random UUID, lower-case: the key the results rows carry.
    public var id: String
    /// The command (`coverage`, `landuse`, `indicators`, `compare`).
    public var command: String
    /// qtplan's version.
    public var version: String
    /// When the run started.
    public var startedAt: Date
    /// The district: a folder's path, or a database location with any password redacted.
    public var district: String
    /// The SHA-256 of everything the run read (``RunChecksum``), lower-case hex.
    public var inputsSHA256: String
    /// The arguments as given (after the command's name), any `password=` redacted.
    public var options: [String]
    /// The job of a batch this run belongs to (`qtplan batch`); `nil` for a run of its own.
    public var jobID: Int64?

    /// A record with a new id, started now; `options` are redacted here.
    public init(
        command: String, version: String, district: String, inputsSHA256: String, options: [String], jobID: Int64? = nil,
        startedAt: Date = Date()
    ) {
        id = UUID().uuidString.lowercased()
        self.command = command
        self.version = version
        self.startedAt = startedAt
        self.district = PostGISLocation.redact(district)
        self.inputsSHA256 = inputsSHA256
        self.options = options.map(PostGISLocation.redact)
        self.jobID = jobID
    }
}
