import Foundation
import QTAnalysis
import QTGeometry
import QTModel
import QTProjection
import Testing

@testable import QTReport

@Suite("The HTML report")
struct HTMLReportTests {
    static func summary() -> DistrictSummary? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        guard let (district, _) = try? DistrictLoader().load(directory: root.appendingPathComponent("Tests/Fixtures/districts/square").path) else { return nil }
        return try? DistrictSummary(district)
    }

    @Test("self-contained: no external resource, the script and styles inline, text escaped, sites shown with verdicts")
    func selfContained() throws {
        let summary = try #require(Self.summary())
        let sites = [
            ReportSiteCheck(
                site: "s-1 <新>", type: "kindergarten",
                rules: [
                    .init(rule: "not on basic farmland", verdict: "fail", measured: "inside", limit: "outside", clause: "土地管理法 §35"),
                    .init(rule: "inside the district", verdict: "pass", measured: "inside", limit: "inside", clause: "—")
                ])
        ]
        let map = MapDocument(
            title: "图", layers: [MapLayer(id: "b", title: "b", features: [try MapDocumentTests.square()])],
            metricCRS: .cgcs2000GK120)
        let html = try HTMLReport.render(
            ReportContent(
                summary: summary, landUse: nil, landTargets: nil, coverage: [], coverageProfile: "gb50180", coverageNotes: ["note & more"],
                indicators: nil, maps: [map], siteChecks: sites, provenance: "Modelled data.", generator: "qtplan test"))
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("<body data-ready=\"false\">") && html.contains("setAttribute('data-ready', 'true')"))
        // Nothing fetched: the only URL is the SVG namespace, which is a name, not a request.
        let urls = html.components(separatedBy: "http").dropFirst().map { String($0.prefix(30)) }
        #expect(urls.allSatisfy { $0.hasPrefix("://www.w3.org/2000/svg") }, "\(urls)")
        #expect(!html.contains("<script src") && !html.contains("<link"))
        #expect(html.contains("<h3>s-1 &lt;新&gt; · kindergarten</h3>"))
        #expect(html.contains("<tr class=\"fail\"><td>not on basic farmland</td><td>fail</td>"))
        #expect(html.contains("1 site checked: 0 pass every rule, 1 fails at least one."))
        #expect(html.contains("<p class=\"note\">No coverage computed.</p>")) // and so no notes on it
        #expect(html.contains("<figure class=\"map\" id=\"map-1\">") && html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qtmap\""))
    }
}
