import ArgumentParser
import Foundation
import QTAnalysis
import QTGeometry
import QTModel
import QTPlan

/// `qtplan site-check`: every applicable siting rule's verdict for one site or a whole plan.
struct SiteCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site-check",
        abstract: "Check one site or a plan of sites against the siting rules: verdict, measured value, limit and clause of every rule.",
        discussion: """
            Rules come from geodata/standards/siting-rules.json (--rules FILE): inside the district; not on \
            water, cropland, the ecological red line or permanent basic farmland; land-use compatibility by \
            type; fire stations 50 m from the main exits of crowded places, 300 m from hazardous-chemical \
            sites, their first-due 5-minute drive district within the area limit; schools and kindergartens \
            300 m from railways and 80 m from expressways and trunk roads (GB 50099-2011 §4.1.6), residents \
            within their service radius; spacing from the nearest facility of the type, duplicated coverage \
            and the residents newly inside the type's circle (--standard, --mode, --minutes), by sub-district. \
            A plan's sites are checked against the district and each other (distances, spacing). \
            Exit codes: 0 when every site passes (warnings are printed), 1 when any rule fails (for CI of a \
            plan), 64 for a bad request, 65 for bad data, rules or sites, 66 for a missing file or layer. \
            No error exits 1.
            """)

    @OptionGroup var districtOptions: DistrictOptions

    @Option(name: .long, help: ArgumentHelp("The facility type of the --at site.", valueName: "T"))
    var type: String?

    @Option(name: .long, help: ArgumentHelp("One site: longitude,latitude of its main entrance (WGS84 unless --input-crs).", valueName: "LON,LAT"))
    var at: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A plan: point features with a 'type' (and optional 'id', 'name', 'size_class'); GeoJSON, or any format qtplan reads (.gpkg, .shp, .fgb, .csv).",
            valueName: "FILE"))
    var sites: String?

    @Option(name: .long, help: "table (people), json (programs) or geojson (the sites with their verdicts).")
    var format: SitingFormat = .table

    @OptionGroup var siting: SitingCommandOptions

    @OptionGroup var engine: EngineOptions

    @OptionGroup var language: LanguageOptions

    func validate() throws {
        guard (at == nil) != (sites == nil) else { throw ValidationError("give --type T --at LON,LAT, or --sites FILE") }
        if at != nil && type == nil { throw ValidationError("--at needs --type T") }
        if sites != nil && type != nil { throw ValidationError("--type goes with --at; a plan's features carry their own type") }
        if let type, FacilityType(rawValue: type) == nil {
            throw ValidationError("--type: unknown facility type '\(type)' (known: \(FacilityType.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        try siting.check(engine)
    }

    func run() async throws {
        var failed = false
        try await CommandBody.run {
            let rules = try siting.loadRules()
            let options = try siting.options(engine)
            let plan: [ProposedSite]
            if let sites {
                plan = try SitePlanFile.read(path: sites, crs: try siting.crs(), what: "sites file")
            } else {
                plan = [ProposedSite(id: "site", type: type ?? "", location: try siting.point(at ?? ""))]
            }
            let district = try districtOptions.load()
            let outcome = try SiteCheckJob.run(plan, on: district, rules: rules, options: options)
            switch format {
            case .table:
                let language = self.language.language(for: district)
                let wording = language == .zh ? try engine.loadStandards().wording : StandardsWording()
                Terminal.table(outcome.table(language: language, wording: wording))
            case .json: print(outcome.json, terminator: "")
            case .geojson: FileHandle.standardOutput.write(outcome.geoJSON)
            }
            failed = outcome.report.verdict == .fail
        }
        if failed { throw ExitCode(1) }
    }
}

/// Output formats of the siting commands.
enum SitingFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
    case geojson
}
