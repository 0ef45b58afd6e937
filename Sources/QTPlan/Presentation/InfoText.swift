import QTModel
import QTText

extension DistrictSummary {
    /// The summary for people: one labelled line per figure, layer and sub-district.
    public var table: String { table(language: .en) }

    /// The summary for people in `language`: in Chinese the labels and notes from ``QTText/ChromeWord`` and the
    /// district by its Chinese name; layer names stay as the files name them.
    public func table(language: Language) -> String {
        let zh = language == .zh
        let difference = String(format: "%+.1f%%", areaDifferencePercent)
        var rows: [(String, String)] = [
            (ChromeWord.district.text(language), zh ? name : "\(name) \(nameEn)"),
            (ChromeWord.infoOfficialArea.text(language), "\(NumberText.fixed(officialAreaKm2, 1)) km²"),
            (ChromeWord.infoBoundaryArea.text(language), ChromeWord.geodesicArea.text(language, NumberText.fixed(geodesicAreaKm2, 1), difference)),
            (ChromeWord.infoPlanarArea.text(language), ChromeWord.planarArea.text(language, NumberText.fixed(planarAreaKm2, 1), metricCRS)),
            (ChromeWord.residentsLabel.text(language), NumberText.grouped(residents))
        ]
        if let basis = metricCRSBasis { rows.insert((ChromeWord.infoMetricCRS.text(language), "\(metricCRS): \(basis)"), at: 4) }
        for layer in layerCounts.keys.sorted() {
            let count = layerCounts[layer] ?? 0
            let outside = outsideCounts[layer].map {
                zh ? "，区界外（缓冲带）\(NumberText.grouped($0)) 个" : ", \(NumberText.grouped($0)) outside the boundary (margin)"
            }
            rows.append(
                (
                    ChromeWord.infoLayer.text(language) + layer.rawValue,
                    (count == 1 ? ChromeWord.featureCount : .featuresCount).text(language, NumberText.grouped(count))
                        + Self.provenance(layerSources[layer] ?? [:], language) + (outside ?? "")
                ))
        }
        if let attribution { rows.append((ChromeWord.dataLabel.text(language), attribution)) }
        for subdistrict in subdistrictAreas ?? [] {
            let label = subdistrict.name ?? subdistrict.nameEn ?? subdistrict.id ?? "?"
            rows.append((ChromeWord.infoSubdistrict.text(language) + label, "\(NumberText.fixed(subdistrict.areaKm2, 1)) km²"))
        }
        return TextColumns.labelled(rows)
    }

    /// " (modelled)", " (reference)", or " (25 reference, 692 modelled)" for a mixed layer; in Chinese
    /// "（模拟）", "（参考 25，模拟 692）".
    static func provenance(_ sources: [String: Int], _ language: Language = .en) -> String {
        let kinds = sources.keys.filter { (sources[$0] ?? 0) > 0 }.sorted(by: FeatureSource.order)
        let word = { (kind: String) -> String in
            switch kind {
            case "modelled": ChromeWord.modelledSource.text(language)
            case "reference": ChromeWord.referenceSource.text(language)
            case "seed": ChromeWord.seedSource.text(language)
            default: kind
            }
        }
        if language == .zh {
            if kinds.count == 1 { return "（\(word(kinds[0]))）" }
            return "（" + kinds.map { "\(word($0)) \(NumberText.grouped(sources[$0] ?? 0))" }.joined(separator: "，") + "）"
        }
        if kinds.count == 1 { return " (\(kinds[0]))" }
        return " (" + kinds.map { "\(NumberText.grouped(sources[$0] ?? 0)) \($0)" }.joined(separator: ", ") + ")"
    }

    /// The summary for programs.
    public var json: String {
        let layers = layerCounts.keys.sorted()
        var members: [JSONMember] =
            [
                JSONMember("name", .string(name)),
                JSONMember("name_en", .string(nameEn)),
                JSONMember("official_area_km2", .fixed(officialAreaKm2, 3)),
                JSONMember("area_km2", .fixed(geodesicAreaKm2, 3)),
                JSONMember("area_method", .string("geodesic, WGS84 ellipsoid")),
                JSONMember("planar_area_km2", .fixed(planarAreaKm2, 3)),
                JSONMember("metric_crs", .string(metricCRS))
            ] + (metricCRSBasis.map { [JSONMember("metric_crs_basis", .string($0))] } ?? []) + [
                JSONMember("area_difference_percent", .fixed(areaDifferencePercent, 2)),
                JSONMember("residents", .int(residents)),
                JSONMember("layers", .object(layers.map { JSONMember($0.rawValue, .int(layerCounts[$0] ?? 0)) }, .padded)),
                JSONMember(
                    "layer_sources",
                    .object(
                        layers.map { layer in
                            JSONMember(
                                layer.rawValue,
                                .object(
                                    (layerSources[layer] ?? [:]).sorted { $0.key < $1.key }.map {
                                        JSONMember($0.key, .int($0.value))
                                    }, .inline))
                        }, .inline)),
                JSONMember("modelled_layers", .array(layers.filter(isModelled).map { .string($0.rawValue) }, .inline))
            ]
        if let subdistrictAreas {
            members.append(
                JSONMember(
                    "subdistricts",
                    .array(
                        subdistrictAreas.map {
                            .object([
                                "id": .stringOrNull($0.id), "name": .stringOrNull($0.name), "name_en": .stringOrNull($0.nameEn),
                                "area_km2": .fixed($0.areaKm2, 3)
                            ])
                        }, .lines)))
        }
        return JSONNode.object(members, .lines).text + "\n"
    }
}
