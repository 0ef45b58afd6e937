import ArgumentParser
import Foundation
import QTAnalysis
import QTModel
import QTReport

/// `qtplan indicators`: the 14th Five-Year Plan's service indicators, for the district and each sub-district,
/// against their 2025 targets, with what is missing to meet each.
struct IndicatorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicators",
        abstract: "The plan's service and transit indicators against their 2025 targets, with what is missing.",
        discussion: """
            Computed from the district's population, facilities and transit layers (rules: \
            IndicatorCalculator in Sources/QTAnalysis/Indicators). Targets and their sources are read from \
            geodata/standards/targets.json unless --targets names another file. The life-circle rows are the \
            share of residents reaching every life-circle service of the circle in the standards profile \
            (--standard, default gb50180), by the rules of qtplan coverage; --no-life-circles leaves them out \
            (they need the network and population layers). Exit 65 for a bad targets, standards or district \
            file, 66 for a missing one, 64 for an unknown profile.
            """)

    @OptionGroup var districtOptions: DistrictOptions

    @Option(name: .long, help: ArgumentHelp("The targets file.", valueName: "FILE"))
    var targets: String?

    @Option(name: .long, help: "Output format.")
    var format: TabularFormat = .table

    @Option(name: .long, help: ArgumentHelp("Life-circle rows: the standards profile, gb50180 (default) or qiantang-plan.", valueName: "PROFILE"))
    var standard: String?

    @Option(name: .long, help: ArgumentHelp("The life-circle standards file (default: geodata/standards/life-circles.json).", valueName: "FILE"))
    var standards: String?

    @Flag(name: .long, help: "Do not measure the life-circle rows (no coverage passes; they show as not computed).")
    var noLifeCircles = false

    /// The bundled targets file: geodata/standards/targets.json beside the bundled district.
    static var bundledTargets: String {
        URL(fileURLWithPath: BundledData.qiantangDirectory).deletingLastPathComponent()
            .appendingPathComponent("standards/targets.json").path
    }

    /// Reads a targets file: exit 66 when it is missing, 65 when it is malformed.
    static func loadTargets(_ path: String) throws -> IndicatorTargets {
        do {
            return try IndicatorTargets.load(path: path)
        } catch {  // typed throws: always an IndicatorTargetsError
            if case .missingFile = error { throw CLIFailure(status: .noInput, message: error.description) }
            throw CLIFailure(status: .dataError, message: error.description)
        }
    }

    func run() async throws {
        try await runReportingErrorsAsync {
            let targetsPath = targets ?? Self.bundledTargets
            let loaded = try Self.loadTargets(targetsPath)
            // The profile is checked before the district is read (an unknown profile is a usage error).
            let circles = try noLifeCircles ? nil : LifeCircleStandards.load(path: standards ?? CoverageEngineOptions.bundledStandards)
            let profile = try circles?.profile(standard)
            let district = try districtOptions.load()
            var lifeCircles: IndicatorCalculator.LifeCircleFigures?
            if let lifeCircleStandards = circles, let profile {
                do {
                    let options = CoverageOptions(walkSpeedKmh: lifeCircleStandards.walkSpeedKmh,
                                                  accessDistance: lifeCircleStandards.accessDistance)
                    lifeCircles = .measured(try await LifeCircleShare.measure(district, profile: profile,
                                                                              standards: lifeCircleStandards, options: options))
                } catch let error as CoverageError {
                    guard case .missingLayer = error else { throw error }
                    lifeCircles = .unavailable(reason: "not computed: \(error.description)")
                }
            }
            let report = try IndicatorCalculator(targets: loaded).report(for: district, lifeCircles: lifeCircles)
            switch format {
            case .table: print(IndicatorsFormatter.table(report, targetsPath: targetsPath), terminator: "")
            case .json: print(IndicatorsFormatter.json(report, targetsPath: targetsPath), terminator: "")
            case .csv: print(IndicatorsFormatter.csv(report), terminator: "")
            }
        }
    }
}

/// Formats an ``IndicatorReport`` for `qtplan indicators`.
enum IndicatorsFormatter {
    static func table(_ report: IndicatorReport, targetsPath: String) -> String {
        var out = "Indicators of \(report.districtName) \(report.districtNameEn) against the \(report.year) "
            + "targets of the 14th Five-Year Plan\n\n"
        var lines: [[String]] = [["scope", "indicator", "unit", "target", "value", "met", "what is missing"]]
        for scope in report.scopes {
            for row in scope.rows {
                lines.append([scope.name, row.target.name, row.target.unit, IndicatorText.target(row), IndicatorText.value(row), IndicatorText.met(row), IndicatorText.needs(row)])
            }
        }
        out += columns(lines)
        out += "\n"
        let district = report.district
        var residents = "Residents: \(Number.grouped(district.residents ?? 0)) (\(report.residentsSource))"
        if let elderly = district.elderly {
            residents += "; aged 60+: \(Number.grouped(Int(elderly.rounded()))) (Σ population × aged_60_plus_share)"
        }
        out += residents + ".\n"
        out += "Counted: facilities and stations with status operating (or none).\n"
        if let profile = report.lifeCircleProfile {
            out += "Life circles: residents reaching every life-circle service of the circle, walking (\(profile) profile; "
                + "each service's share: qtplan coverage --all --standard \(profile)).\n"
        }
        if !report.notCounted.isEmpty {
            out += "Not counted (not operating): " + report.notCounted.map {
                "\($0.name ?? $0.id) (\($0.type), \($0.status))"
            }.joined(separator: "; ") + ".\n"
        }
        if !report.stations.isEmpty {
            let far = report.stations.filter { ($0.distanceM ?? .infinity) > 150 }
            if !far.isEmpty {
                out += "Rail stations without a bus stop within 150 m (nearest stop, geodesic): " + far.map {
                    "\($0.name ?? $0.id) " + ($0.distanceM.map { "\(Number.fixed($0, 0)) m" } ?? "no bus stops")
                }.joined(separator: ", ") + ".\n"
            }
        }
        for note in report.notes { out += "Note: \(note).\n" }
        if report.modelled {
            out += "Modelled inputs: " + report.inputs.filter { $0.modelled > 0 }.map {
                "\($0.layer.rawValue) (\(Number.grouped($0.modelled)) of \(Number.grouped($0.features)) features modelled)"
            }.joined(separator: ", ") + ": these values describe the model, not a survey.\n"
        } else {
            out += "Inputs: no modelled features in " + report.inputs.map(\.layer.rawValue).joined(separator: ", ") + ".\n"
        }
        out += "Targets: \(targetsPath) (each with its seed file and wording).\n"
        return out
    }

    /// Left-aligned columns, two spaces apart, CJK characters counted as two columns.
    static func columns(_ lines: [[String]]) -> String {
        guard let first = lines.first else { return "" }
        let widths = first.indices.map { i in lines.map { TextTable.displayWidth($0[i]) }.max() ?? 0 }
        return lines.map { line in
            var text = ""
            for (i, cell) in line.enumerated() {
                text += cell
                if i < line.count - 1 { text += String(repeating: " ", count: widths[i] - TextTable.displayWidth(cell) + 2) }
            }
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }.joined(separator: "\n") + "\n"
    }

    static func number(_ v: Double?, _ decimals: Int) -> String {
        v.map { Number.fixed($0, decimals) } ?? "null"
    }

    static func string(_ s: String?) -> String { s.map(JSONText.string) ?? "null" }

    static func json(_ report: IndicatorReport, targetsPath: String) -> String {
        func row(_ r: IndicatorRow) -> String {
            let met: String = switch r.status {
            case .met: "true"
            case .notMet: "false"
            default: "null"
            }
            let source = "{\"seed\": \(string(r.target.source.seed)), \"where\": \(string(r.target.source.location)), "
                + "\"wording\": \(string(r.target.source.wording))}"
            return "{\"id\": \(string(r.target.id.rawValue)), \"name\": \(string(r.target.name)), "
                + "\"name_zh\": \(string(r.target.nameZh)), \"unit\": \(string(r.target.unit)), "
                + "\"target\": \(number(r.target.target, 4)), \"value\": \(number(r.value, 4)), "
                + "\"status\": \(string(r.status.rawValue)), \"met\": \(met), "
                + "\"amount\": \(number(r.amount, 2)), \"amount_unit\": \(string(r.rule.amountUnit)), "
                + "\"base\": \(number(r.base, 2)), \"shortfall\": \(r.shortfall.map(String.init) ?? "null"), "
                + "\"needs\": \(string(r.status == .notMet ? IndicatorText.needs(r) : nil)), \"reason\": \(string(r.reason)), "
                + "\"source\": \(source)}"
        }
        let scopes = report.scopes.map { scope in
            "{\"id\": \(string(scope.id)), \"name\": \(string(scope.name)), "
                + "\"level\": \(scope.isDistrict ? "\"district\"" : "\"subdistrict\""), "
                + "\"residents\": \(scope.residents.map(String.init) ?? "null"), "
                + "\"aged_60_plus\": \(number(scope.elderly, 2)),\n      \"indicators\": [\n        "
                + scope.rows.map(row).joined(separator: ",\n        ") + "\n      ]}"
        }
        let notCounted = report.notCounted.map {
            "{\"layer\": \(string($0.layer.rawValue)), \"id\": \(string($0.id)), \"name\": \(string($0.name)), "
                + "\"type\": \(string($0.type)), \"status\": \(string($0.status)), \"subdistrict\": \(string($0.subdistrict))}"
        }
        let stations = report.stations.map {
            "{\"id\": \(string($0.id)), \"name\": \(string($0.name)), \"kind\": \(string($0.kind.rawValue)), "
                + "\"nearest_bus_stop\": \(string($0.nearestStop)), \"distance_m\": \(number($0.distanceM, 1))}"
        }
        let inputs = report.inputs.map {
            "{\"layer\": \(string($0.layer.rawValue)), \"features\": \($0.features), \"modelled\": \($0.modelled)}"
        }
        func list(_ items: [String]) -> String {
            items.isEmpty ? "[]" : "[\n    " + items.joined(separator: ",\n    ") + "\n  ]"
        }
        return """
            {
              "district": \(string(report.districtName)),
              "name_en": \(string(report.districtNameEn)),
              "year": \(report.year),
              "targets_file": \(string(targetsPath)),
              "residents": \(report.district.residents.map(String.init) ?? "null"),
              "residents_source": \(string(report.residentsSource)),
              "aged_60_plus": \(number(report.district.elderly, 2)),
              "modelled": \(report.modelled),
              "modelled_layers": [\(report.modelledLayers.map { string($0.rawValue) }.joined(separator: ", "))],
              "life_circle_profile": \(string(report.lifeCircleProfile)),
              "inputs": \(list(inputs)),
              "scopes": \(list(scopes)),
              "not_counted": \(list(notCounted)),
              "stations": \(list(stations)),
              "notes": [\(report.notes.map(string).joined(separator: ", "))]
            }

            """
    }

    static func csv(_ report: IndicatorReport) -> String {
        func field(_ s: String) -> String {
            s.contains(where: { ",\"\n\r".contains($0) }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        var out = "scope_id,scope_name,indicator,unit,target,value,status,shortfall,shortfall_unit,amount,base,reason,modelled\n"
        for scope in report.scopes {
            for r in scope.rows {
                let cells = [
                    scope.id ?? "", scope.name, r.target.id.rawValue, r.target.unit,
                    r.target.target.map { Number.fixed($0, 4) } ?? "", r.value.map { Number.fixed($0, 4) } ?? "",
                    r.status.rawValue, r.shortfall.map(String.init) ?? "", r.shortfall == nil ? "" : r.rule.amountUnit,
                    r.amount.map { Number.fixed($0, 2) } ?? "", r.base.map { Number.fixed($0, 2) } ?? "",
                    r.reason ?? "", report.modelled ? "true" : "false",
                ]
                out += cells.map(field).joined(separator: ",") + "\n"
            }
        }
        return out
    }
}
