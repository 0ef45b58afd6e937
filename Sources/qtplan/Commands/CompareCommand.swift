import ArgumentParser
import Foundation
import QTModel
import QTPlan

/// `qtplan compare`: the district as it is and with each plan applied, side by side (方案比选).
struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare plans (方案比选): coverage per service and sub-district with each plan applied, side by side with the baseline.",
        discussion: """
            Each --plan is applied to the district on its own (features added, closed or changed, new streets \
            joined within 10 m) and measured as coverage measures (--type/--all, --minutes, --mode, --standard …). \
            Only the services a plan touches are measured again: a plan adding kindergartens re-runs the \
            kindergarten services, one adding streets every service over the streets, one changing residents \
            all of them. For each plan: shares with the change in percentage points, residents newly covered and \
            newly lost, the district targets it meets (--targets), the siting verdicts of every site it adds \
            (--rules), and residents newly covered per unit of its `cost`. Exit 1 with --fail-if-worse when a \
            plan lowers any covered count by at least one resident, in the district or a sub-district; 64 for \
            a bad request (two plans of one name), 65 for a bad plan file (an unknown id, a field the layer \
            lacks, an unknown type, a street joining nothing), 66 for a missing file.
            """)

    @OptionGroup var districtOptions: DistrictOptions

    @OptionGroup var services: ServiceOptions

    @Option(name: .customLong("plan"), help: ArgumentHelp("A plan file; repeat for several plans.", valueName: "FILE"))
    var plans: [String] = []

    @Option(name: .customLong("plan-crs"), help: ArgumentHelp("The CRS of plan positions when a file says none (WGS84, GCJ02, EPSG:n).", valueName: "CRS"))
    var planCRS: String = "WGS84"

    @Option(name: .long, help: "Rows: the district total only, or each sub-district too.")
    var by: CoverageGrouping = .district

    @Option(name: .long, help: "Output format.")
    var format: TabularFormat = .table

    @Option(name: .long, help: ArgumentHelp("The targets file (default: geodata/standards/targets.json).", valueName: "FILE"))
    var targets: String?

    @Option(name: .long, help: ArgumentHelp("The siting rules file for added sites (default: geodata/standards/siting-rules.json).", valueName: "FILE"))
    var rules: String?

    @Flag(name: .long, help: "Exit 1 when a plan lowers any covered count by at least one resident.")
    var failIfWorse = false

    @Flag(name: .long, help: "Measure every service again for every plan, not only those it touches (a check of the shortcut).")
    var recomputeAll = false

    @OptionGroup var engine: EngineOptions

    @OptionGroup var resultsOptions: ResultsOptions

    @OptionGroup var language: LanguageOptions

    /// The files this run reads.
    var inputs: RunInputs {
        districtOptions.inputs + engine.inputs
            + .files(
                plans.map { ($0, "the plan file \(($0 as NSString).lastPathComponent)") } + [
                    (targets ?? StandardsFiles.bundledTargets, "the targets file"), (rules ?? StandardsFiles.bundledSitingRules, "the siting rules file")
                ])
    }

    func validate() throws {
        guard !plans.isEmpty else { throw ValidationError("give at least one --plan FILE") }
        try engine.check()
    }

    func run() async throws {
        var worse = false
        try await CommandBody.run {
            let standards = try engine.loadStandards()
            let inputs = CompareJob.Inputs(
                standards: standards, targets: try StandardsFiles.targets(path: targets),
                rules: try StandardsFiles.sitingRules(path: rules))
            let crs = try PlanOptions.crs(planCRS)
            let request = try CompareRequest(
                coverage: try services.request(engine), plans: try plans.map { try PlanFile.read(path: $0, crs: crs) },
                recomputeAll: recomputeAll)
            _ = try CoverageJob(request.coverage, standards: standards) // a bad selection is refused before the district is read
            let district = try districtOptions.load()
            let outcome = try await CompareJob.run(request, on: district, inputs: inputs)
            for p in outcome.plans { p.notes.forEach { Diagnostics.warning("\(p.plan.path): \($0)") } }
            switch format {
            case .table: Terminal.table(outcome.table(by: by, language: language.language(for: district)))
            case .json: print(outcome.json, terminator: "")
            case .csv: Terminal.csv(outcome.csv)
            }
            try resultsOptions.write(outcome.rows, command: "compare", district: districtOptions, inputs: self.inputs)
            worse = outcome.plans.contains { $0.isWorse }
        }
        if failIfWorse && worse { throw ExitCode(1) }
    }
}
