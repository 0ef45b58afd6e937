import QTPlan

extension RunInputs {
    /// The files of file-valued options, each with what it is ("the targets file"); `nil` values are skipped.
    static func files(_ list: [(path: String?, role: String)]) -> RunInputs {
        var inputs = RunInputs()
        for (path, role) in list { inputs.add(file: path, role: role) }
        return inputs
    }
}

extension RunInputs {
    /// Refuses, before anything is read or computed, an output among `outputs` that would replace one of these
    /// inputs (``QTPlan/AtomicOutput/check(_:isFolder:replacing:settings:)``; the writer checks again).
    func refuseEarly(_ outputs: [String?]) throws {
        let settings = OutputSettings(inputs: self)
        for case let path? in outputs { try AtomicOutput.check(path, isFolder: false, settings: settings) }
    }
}
