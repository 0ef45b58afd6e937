import QTModel

extension SettingNames {
    /// The request settings as the command line names them: the flag that sets each.
    static let commandLine = SettingNames([
        .maximumLayerBytes: "--max-layer-bytes",
        .maximumVertices: "--max-vertices",
        .confine: "--confine",
        .maximumMinutes: "--max-minutes, at most 1440",
        .minutes: "--minutes",
        .mode: "--mode",
        .distance: "--distance",
        .measure: "--measure",
        .types: "--type",
        .candidateGrid: "--grid",
        .inputCRS: "--input-crs",
        .outputCRS: "--crs",
        .format: "--format",
        .layers: "--layers",
        .output: "-o",
        .areas: "--areas",
        .gaps: "--gaps",
        .problems: "--problems",
        .mapType: "--map-type",
        .overwriteInputs: "--force",
        .facility: "--facility",
        .results: "--results"
    ])
}
