import QTText

/// Population total: the `population` of all population features adds up exactly to the manifest's
/// `residents`. Features without a whole, non-negative population (the counts check's errors) are left out
/// of the sum, and the message says how many.
struct PopulationTotalCheck: DistrictCheck {
    let id = "population"
    let title = "population total"

    func run(_ workspace: ValidationWorkspace) -> [CheckOutcome] {
        guard workspace.district.layers[.population] != nil else {
            return [.notPresent(id: id, layer: .population, title: title)]
        }
        let residents = workspace.district.manifest.residents
        var total = 0
        var uncounted = 0
        for feature in workspace.features(.population) {
            if let people = PopulationCount.value(feature.properties["population"]) { total += people } else { uncounted += 1 }
        }
        var issues: [ValidationIssue] = []
        if total != residents {
            let difference = total - residents
            let signed = (difference > 0 ? "+" : "-") + NumberText.grouped(abs(difference))
            let note = uncounted > 0 ? "; \(NumberText.count(uncounted, "feature")) without a valid population not counted" : ""
            issues.append(
                workspace.issue(
                    .error, "population.total", .population,
                    "population totals \(NumberText.grouped(total)), but the manifest's residents are "
                        + "\(NumberText.grouped(residents)) (\(signed))\(note)"))
        }
        return [
            CheckOutcome(
                id: id, layer: .population, title: title, issues: issues,
                figures: [.count("population", total), .count("residents", residents)],
                summary: "\(NumberText.grouped(total)) of \(NumberText.grouped(residents)) residents")
        ]
    }
}
