import QTFormats
import QTGeometry
import QTText

/// Layers as they go into a CSV file (written by GDAL): every text value, string id and field name passed
/// through ``QTText/CSVText/neutralised(_:)``, so that no cell a spreadsheet opens runs as a formula
/// (`=HYPERLINK(…)` becomes `'=HYPERLINK(…)`). Numbers, booleans and geometry are unchanged.
enum CSVLayers {
    /// `layers` with their text neutralised.
    static func neutralised(_ layers: [VectorLayer]) -> [VectorLayer] {
        layers.map { layer in
            VectorLayer(name: layer.name, features: FeatureCollection(features: layer.features.features.map(neutralised)))
        }
    }

    private static func neutralised(_ feature: Feature) -> Feature {
        var properties: [String: JSONValue] = [:]
        for (key, value) in feature.properties {
            let name = CSVText.neutralised(key)
            // A neutralised name that meets an existing one keeps the existing one's value (the name was a formula).
            if properties[name] == nil || name == key { properties[name] = neutralised(value) }
        }
        return Feature(id: feature.id.map(neutralised), geometry: feature.geometry, properties: properties)
    }

    private static func neutralised(_ value: JSONValue) -> JSONValue {
        if case .string(let text) = value { return .string(CSVText.neutralised(text)) }
        return value
    }
}
