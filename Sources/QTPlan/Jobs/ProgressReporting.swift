/// Told how far a long job has come (the CLI draws a progress bar on a terminal). Used from the job's own task.
public protocol JobProgress: AnyObject {
    /// `steps` more steps are done.
    func advance(by steps: Int)
}
