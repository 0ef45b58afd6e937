import QTPlan

extension RunInputs {
    /// The files of file-valued options, each with what it is ("the targets file"); `nil` values are skipped.
    static func files(_ list: [(path: String?, role: String)]) -> RunInputs {
        var inputs = RunInputs()
        for (path, role) in list { inputs.add(file: path, role: role) }
        return inputs
    }
}
