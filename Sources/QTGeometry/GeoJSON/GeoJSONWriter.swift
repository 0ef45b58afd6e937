import Foundation
import QTText

/// Writes RFC 7946 GeoJSON deterministically, so that the same values always give the same bytes and
/// diffs of written files stay readable.
///
/// qtplan writes GeoJSON itself rather than with GEOS's GeoJSON writer, which always writes coordinates at
/// full precision (and GEOS's reader drops Feature properties and rejects 3-D coordinates; see
/// ``GeoJSONReader``). The output rules:
/// - A FeatureCollection is written with one feature per line:
///   `{"type":"FeatureCollection","features":[` newline, the features separated by `,` and a newline, then
///   newline `]}` newline; an empty collection is `{"type":"FeatureCollection","features":[]}` and a newline.
/// - Features are written in the given order as `{"type":"Feature","id":…,"properties":{…},"geometry":…}`;
///   `"id"` only when present, `"geometry":null` for a feature without geometry. No `"bbox"` is written.
/// - Object members (in properties, at every level) come in ``keyOrder`` first, then sorted by Unicode
///   scalar values.
/// - Property numbers: integral values below 1e15 in magnitude without a decimal point (`793000`), others as
///   Swift's shortest round-trip form (`0.1`, `1e-05`); `-0` is `0`. JSON has no NaN or infinity, so such
///   numbers (which the reader never produces) are written as `null`.
/// - Coordinates are rounded to ``decimals`` places with trailing zeros trimmed (`120.35`, not
///   `120.3500000`); `-0` is `0`. Non-finite coordinates (which the reader never produces) are written as
///   `null`, which readers refuse.
/// - Strings escape `"`, `\`, U+0000–U+001F, DEL and U+0080–U+009F (`\u00XX`); other characters, Chinese included, are UTF-8.
/// - Empty geometries are written with `"coordinates":[]` (or `"geometries":[]`).
public struct GeoJSONWriter: Sendable {
    /// The preference order of object keys used when none is given.
    public static let defaultKeyOrder = ["id", "name", "name_en", "type", "class", "source", "accuracy_m"]

    /// Digits after the decimal point for coordinates, clamped to 0...7: RFC 7946 §11.2 recommends about six
    /// or seven (7 decimals of a degree is about 1 cm).
    public var decimals: Int
    /// Keys written first, in this order, when an object has them; the other keys follow sorted.
    public var keyOrder: [String]

    /// Creates a writer.
    public init(decimals: Int = 7, keyOrder: [String] = GeoJSONWriter.defaultKeyOrder) {
        self.decimals = decimals
        self.keyOrder = keyOrder
    }

    /// The collection as UTF-8 GeoJSON text, one feature per line, ending with a newline.
    public func data(_ collection: FeatureCollection) -> Data {
        Data(text(collection).bytes)
    }

    /// The collection as GeoJSON text, one feature per line, ending with a newline.
    public func string(_ collection: FeatureCollection) -> String {
        text(collection).text
    }

    /// One feature as a single-line GeoJSON object, without a trailing newline.
    public func string(_ feature: Feature) -> String {
        var out = JSONText()
        append(feature, to: &out)
        return out.text
    }

    /// One JSON value as single-line JSON text, objects' keys in ``keyOrder`` then sorted (what GDAL's JSON
    /// string fields and CSV cells hold for arrays and objects).
    public func string(_ value: JSONValue) -> String {
        var out = JSONText()
        out.value(value, keyOrder: keyOrder)
        return out.text
    }

    /// One geometry as a single-line GeoJSON object, without a trailing newline.
    public func string(_ geometry: Geometry) -> String {
        var out = JSONText()
        append(geometry, to: &out)
        return out.text
    }

    // MARK: Writing

    private var places: Int { min(max(decimals, 0), JSONText.maximumDecimals) }

    private func text(_ collection: FeatureCollection) -> JSONText {
        var out = JSONText()
        append(Piece(features: collection.features[...], first: true, last: true), to: &out)
        return out
    }

    /// A run of consecutive features of a collection, to be written on its own (see ``pieces(of:featuresPerPiece:)``).
    public struct Piece: Sendable {
        /// The features of the run.
        public let features: ArraySlice<Feature>
        let first: Bool
        let last: Bool
    }

    /// The collection cut into runs of at most `featuresPerPiece` features whose texts (``data(_:)-(Piece)``),
    /// concatenated in order, are exactly the collection's text: for writing a large layer on several threads.
    public func pieces(of collection: FeatureCollection, featuresPerPiece: Int) -> [Piece] {
        let features = collection.features
        let size = max(1, featuresPerPiece)
        guard !features.isEmpty else { return [Piece(features: features[...], first: true, last: true)] }
        return stride(from: 0, to: features.count, by: size).map { start in
            let end = min(start + size, features.count)
            return Piece(features: features[start..<end], first: start == 0, last: end == features.count)
        }
    }

    /// One piece's text (the collection's opening with the first piece, its closing with the last).
    public func data(_ piece: Piece) -> Data {
        var out = JSONText()
        append(piece, to: &out)
        return Data(out.bytes)
    }

    private func append(_ piece: Piece, to out: inout JSONText) {
        // Only an empty collection has an empty piece (its only one).
        let empty = piece.features.isEmpty
        if piece.first { out.raw(empty ? "{\"type\":\"FeatureCollection\",\"features\":[" : "{\"type\":\"FeatureCollection\",\"features\":[\n") }
        for (offset, feature) in piece.features.enumerated() {
            if offset > 0 || !piece.first { out.raw(",\n") }
            append(feature, to: &out)
        }
        if piece.last { out.raw(empty ? "]}\n" : "\n]}\n") }
    }

    private func append(_ feature: Feature, to out: inout JSONText) {
        out.raw("{\"type\":\"Feature\",")
        if let id = feature.id {
            out.raw("\"id\":")
            out.value(id, keyOrder: keyOrder)
            out.raw(",")
        }
        out.raw("\"properties\":")
        out.object(feature.properties, keyOrder: keyOrder)
        out.raw(",\"geometry\":")
        if let geometry = feature.geometry { append(geometry, to: &out) } else { out.raw("null") }
        out.raw("}")
    }

    private func append(_ geometry: Geometry, to out: inout JSONText) {
        out.raw("{\"type\":\"\(geometry.kind)\",")
        out.raw(geometry.kind == .geometryCollection ? "\"geometries\":" : "\"coordinates\":")
        switch geometry {
        case .point(let p): appendPoint(p, to: &out)
        case .lineString(let l): appendPositions(l.coordinates, to: &out)
        case .polygon(let p): appendPolygon(p, to: &out)
        case .multiPoint(let m): appendList(m.points, to: &out, appendPoint)
        case .multiLineString(let m): appendList(m.lineStrings, to: &out) { appendPositions($0.coordinates, to: &$1) }
        case .multiPolygon(let m): appendList(m.polygons, to: &out, appendPolygon)
        case .geometryCollection(let g): appendList(g.geometries, to: &out) { append($0, to: &$1) }
        }
        out.raw("}")
    }

    private func appendPoint(_ point: Point, to out: inout JSONText) {
        if let c = point.coordinate { appendPosition(c, to: &out) } else { out.raw("[]") }
    }

    private func appendPolygon(_ polygon: Polygon, to out: inout JSONText) {
        appendList(polygon.rings, to: &out, appendPositions)
    }

    private func appendPositions(_ coordinates: [Coordinate], to out: inout JSONText) {
        appendList(coordinates, to: &out, appendPosition)
    }

    private func appendPosition(_ c: Coordinate, to out: inout JSONText) {
        out.raw("[")
        out.coordinate(c.x, decimals: places)
        out.raw(",")
        out.coordinate(c.y, decimals: places)
        out.raw("]")
    }

    private func appendList<Element>(
        _ elements: [Element], to out: inout JSONText, _ appendElement: (Element, inout JSONText) -> Void
    ) {
        out.raw("[")
        for (index, element) in elements.enumerated() {
            if index > 0 { out.raw(",") }
            appendElement(element, &out)
        }
        out.raw("]")
    }
}
