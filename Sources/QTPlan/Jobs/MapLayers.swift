import QTAnalysis
import QTModel
import QTReport
import QTText

/// A layer to draw, optionally narrowed to the features whose type, kind, class or road class is a value
/// (`facilities:community_health_centre`).
public struct MapLayerSpec: Sendable, Hashable {
    /// The layer.
    public var layer: LayerName
    /// The value features must have, if any.
    public var filter: String?

    /// A spec.
    public init(_ layer: LayerName, filter: String? = nil) {
        self.layer = layer
        self.filter = filter
    }

    /// `boundary,facilities:park` → the boundary, and the facilities of type park.
    /// - Throws: ``PlanError`` (`usage`) for no layer or an unknown one.
    public static func parse(_ text: String) throws(PlanError) -> [MapLayerSpec] {
        let items = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !items.isEmpty else { throw PlanError(.usage, "\(setting: .layers): no layer given") }
        return try items.map { item throws(PlanError) in
            let parts = item.split(separator: ":", maxSplits: 1).map(String.init)
            guard let layer = LayerName(rawValue: parts[0]) else {
                throw PlanError(
                    .usage, "\(setting: .layers): unknown layer '\(parts[0])' (known: \(LayerName.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return MapLayerSpec(layer, filter: parts.count > 1 ? parts[1] : nil)
        }
    }
}

/// Building the map layers a map or the report draws.
enum MapLayers {
    /// The specs among `wanted` whose layer the district has, and whose filter (if any) keeps a feature: what a
    /// report draws of a district that may lack some layers.
    static func available(_ wanted: [String], in district: District) -> [MapLayerSpec] {
        wanted.compactMap { text -> MapLayerSpec? in
            guard let spec = try? MapLayerSpec.parse(text).first, district.layers[spec.layer] != nil else { return nil }
            guard let filter = spec.filter else { return spec }
            return district.features(spec.layer).contains { StandardLayers.matches($0, filter: filter) } ? spec : nil
        }
    }

    /// The map layers of `specs` in the district's house styles, titled in `language` (facility types by the
    /// standards file's `names`).
    /// - Throws: ``PlanError``: `missingInput` for a layer the district lacks, `usage` for a filter no feature matches.
    static func layers(
        _ specs: [MapLayerSpec], in district: District, language: Language = .en, names: [String: Wording] = [:]
    ) throws(PlanError) -> [MapLayer] {
        try specs.map { spec throws(PlanError) in
            guard let made = StandardLayers.layer(spec.layer, filter: spec.filter, in: district, language: language, names: names) else {
                throw PlanError(.missingInput, "\(district.directory): the district has no '\(spec.layer.rawValue)' layer")
            }
            if let filter = spec.filter, made.features.isEmpty {
                throw PlanError(.usage, "\(setting: .layers) \(spec.layer.rawValue):\(filter): no feature has type, kind, class or road_class '\(filter)'")
            }
            return made
        }
    }

    /// The line under a coverage map's title; in Chinese the service by the standards file's name (`wording`) and
    /// the share and head-count in Chinese words.
    static func subtitle(
        _ service: CoverageService, _ result: CoverageResult, profile: String, language: Language = .en,
        wording: StandardsWording = StandardsWording()
    ) -> String {
        // A circle the standard defines by distance (radius, or a walk measured in metres) is said in metres.
        let inMetres = service.mode == .radius || service.measure == .distance
        let circle = inMetres ? "\(NumberText.grouped(Int(service.distance))) m" : "\(NumberText.trimmed(service.minutes)) min"
        let share = NumberText.fixed(result.total.share * 100, 1) + "%"
        let residents = NumberText.grouped(Int(result.total.population.rounded()))
        guard language == .zh else {
            return "\(wording.service(service.label, language)) · \(service.mode.rawValue) \(circle) (\(profile)) · covered \(share) of \(residents) residents"
        }
        let mode = service.mode == .walk ? ChromeWord.walk : service.mode == .drive ? .drive : .radius
        let circleZh =
            inMetres
            ? NumberText.grouped(Int(service.distance)) + ChromeWord.metres.text(.zh) : NumberText.trimmed(service.minutes) + ChromeWord.minutes.text(.zh)
        return "\(wording.service(service.label, .zh)) · \(mode.text(.zh))\(circleZh)（\(profile)） · "
            + "\(ChromeWord.share.text(.zh)) \(share) · \(ChromeWord.residents.text(.zh)) \(residents) \(wording.unit("residents", .zh, fallback: "人"))"
    }

    /// The note under a map: the data's provenance and the CRS.
    static func note(_ district: District, language: Language = .en) -> String {
        let modelled = district.layers.values.contains { $0.features.contains { $0.properties["source"]?.stringValue == "modelled" } }
        return (modelled ? ChromeWord.mapDataNote.text(language) : "")
            + "\(district.manifest.metricCRS) · qtplan \(QTPlanVersion.number)"
    }
}
