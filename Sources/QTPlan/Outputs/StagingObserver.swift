/// Told about the staging folders of outputs being written, so that an interrupted process can remove them
/// (the CLI's signal handling). Outputs stay atomic without one: files reach their destination only by
/// `rename`; an observer only cleans up what an interrupt leaves half-written.
public protocol StagingObserver: Sendable {
    /// Runs `create`, which makes a staging folder and returns its path, and remembers the folder, so that an
    /// interrupt never falls between the folder's creation and its being remembered.
    func creating(_ create: () throws -> String) throws
    /// A staging folder now exists at `path`.
    func staging(_ path: String)
    /// The staging folder at `path` is committed or removed.
    func finished(_ path: String)
    /// Runs `commit` (an output's renames) so that an interrupt waits until it has finished.
    func committing(_ commit: () throws -> Void) throws
}

/// Where outputs are written from: the run's inputs, which no output may replace (``InputGuard``), and the
/// staging observer, if any.
public struct OutputSettings: Sendable {
    /// Told about staging folders (the CLI's interrupt clean-up); `nil` for none.
    public var observer: (any StagingObserver)?
    /// The files the run reads: every output is checked against them before anything is replaced.
    public var inputs: RunInputs

    /// Whether tables of the same names in a database destination (`PG:…`) are replaced; otherwise they are
    /// refused before anything is written.
    public var replaceTables: Bool

    /// Settings with `observer`, guarding `inputs` (given explicitly: whoever writes an output says what the run
    /// read; `RunInputs()` only for a run that reads no file); `replaceTables` for database destinations.
    public init(observer: (any StagingObserver)? = nil, inputs: RunInputs, replaceTables: Bool = false) {
        self.observer = observer
        self.inputs = inputs
        self.replaceTables = replaceTables
    }

    /// These settings guarding `more` inputs as well.
    public func guarding(_ more: RunInputs) -> OutputSettings {
        var copy = self
        copy.inputs = inputs + more
        return copy
    }
}
