/// Told about the staging folders of outputs being written, so that an interrupted process can remove them
/// (the CLI's signal handling). Outputs stay atomic without one: files reach their destination only by
/// `rename`; an observer only cleans up what an interrupt leaves half-written.
public protocol StagingObserver: Sendable {
    /// A staging folder now exists at `path`.
    func staging(_ path: String)
    /// The staging folder at `path` is committed or removed.
    func finished(_ path: String)
    /// Runs `commit` (an output's renames) so that an interrupt waits until it has finished.
    func committing(_ commit: () throws -> Void) throws
}

/// Where outputs are written from: the staging observer, if any.
public struct OutputSettings: Sendable {
    /// Told about staging folders (the CLI's interrupt clean-up); `nil` for none.
    public var observer: (any StagingObserver)?

    /// Settings with `observer`.
    public init(observer: (any StagingObserver)? = nil) { self.observer = observer }
}
