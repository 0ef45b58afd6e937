import ArgumentParser
import QTAnalysis
import QTModel
import QTPlan
import QTText

extension LandUseGrouping: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
    public static var allValueStrings: [String] {
        ["class", "subdistrict", "class,subdistrict", "industrial_park", "class,industrial_park"]
    }
}

extension AreaUnit: ExpressibleByArgument {}
extension AreaMethod: ExpressibleByArgument {}

/// `qtplan landuse`: land area by class and sub-district (or industrial park), reconciled with the boundary.
struct LandUseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "landuse",
        abstract: "Land use by class and sub-district (or industrial park), reconciled with the boundary and the official area.",
        discussion: """
            Parcels are cut by the sub-district (or industrial-park) boundaries; the pieces of a parcel add up \
            to it. The output reconciles the parcels' total with the boundary's area, the official area and \
            any gap or overlap between parcels (m²), and gives the seeds' figures: built-up (urban \
            construction) land against 124 km² for 2025, cropland in 亩 beside the plan's 90,000 亩 of grain-growing area (粮食生产面积), and park green \
            space as a share of urban construction land against 12% (the targets file's `land`, --targets). \
            Results on a modelled landuse layer say so. CSV carries the rows only. Exit 66 when the landuse \
            layer (or the zone layer) is absent, 73 when --gaps cannot be written.
            """)

    @OptionGroup var districtOptions: DistrictOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Group rows by: class, subdistrict, class,subdistrict, industrial_park or class,industrial_park.",
            valueName: "GROUPING"))
    var by: LandUseGrouping = LandUseGrouping(byClass: true, zone: .subdistrict)

    @Option(name: .long, help: "Area unit: km2, ha or mu (1 亩 = 10,000/15 m²).")
    var unit: AreaUnit = .km2

    @Option(name: .long, help: "Area: geodesic (WGS84 ellipsoid) or planar (the manifest's metric CRS).")
    var area: AreaMethod = .geodesic

    @Option(name: .long, help: "Output format.")
    var format: TabularFormat = .table

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The targets file whose `land` figures the results are compared with (default: geodata/standards/targets.json).",
            valueName: "FILE"))
    var targets: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Write the gap, overlap and outside-the-boundary pieces to this file (.geojson, .gpkg, .shp, .fgb, .csv).",
            valueName: "FILE"))
    var gaps: String?

    @OptionGroup var scenario: PlanOptions

    @OptionGroup var resultsOptions: ResultsOptions

    @OptionGroup var language: LanguageOptions

    func validate() throws { try Arguments.checkOutput(gaps, .gaps) }

    /// The files this run reads, which no output may replace.
    var inputs: RunInputs {
        districtOptions.inputs + scenario.inputs + .files([(targets ?? StandardsFiles.bundledTargets, "the targets file")])
    }

    func run() async throws {
        try await CommandBody.run {
            try inputs.refuseEarly([gaps])
            let (district, plan) = try scenario.apply(to: try districtOptions.load())
            var result = try result(on: district)
            result.scenario = plan
            // Invalid parcels and zones are measured as make-valid repairs them: said on stderr, one line each.
            result.warnings.forEach(Diagnostics.warning)
            switch format {
            case .table:
                let lang = language.language(for: district)
                Terminal.table(result.table(language: lang, wording: lang == .zh ? try StandardsFiles.lifeCircles().wording : StandardsWording()))
            case .json: print(result.json, terminator: "")
            case .csv: Terminal.csv(result.csv)
            }
            try resultsOptions.write(result.rows, command: "landuse", district: districtOptions, inputs: inputs)
            if let gaps {
                try FeatureFiles.write(
                    result.report.pieces, layer: "gaps", to: districtOptions.destination(gaps), what: "the gaps file", setting: .gaps,
                    settings: districtOptions.outputs(reading: inputs))
            }
        }
    }

    /// The land-use result on `district` as these arguments ask for it.
    func result(on district: District) throws -> LandUseResult {
        let land = try StandardsFiles.targets(path: targets).land
        return try LandUseJob.run(LandUseRequest(grouping: by, method: area, unit: unit), on: district, targets: land)
    }

    /// The result rows on `district` (with `--plan` applied), printed nowhere: what `batch` writes.
    func resultRows(on district: District) async throws -> ResultRows {
        try result(on: try scenario.apply(to: district).0).rows
    }
}
