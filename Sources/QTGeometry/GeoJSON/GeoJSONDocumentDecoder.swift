import QTText

/// Decodes a whole GeoJSON document (FeatureCollection, Feature or Geometry) with the checks described on
/// ``GeoJSONReader``; geometry objects are handed to ``GeoJSONGeometryDecoder``.
struct GeoJSONDocumentDecoder {
    func decode(_ document: JSONValue) throws(GeoJSONError) -> GeoJSONReadResult {
        guard case .object(let root) = document else {
            throw GeoJSONError(message: "expected a GeoJSON object at the top level, found \(document.typeDescription)")
        }
        try Self.checkCRS(root["crs"])
        let type = try GeoJSONGeometryDecoder.typeName(root)
        switch type {
        case "FeatureCollection":
            return try collection(root)
        case "Feature":
            var geometries = GeoJSONGeometryDecoder()
            let feature = try Self.feature(root, geometries: &geometries)
            return Self.result([feature], droppedZ: [geometries.droppedZCount], indexed: false)
        case _ where GeoJSONGeometryDecoder.geometryTypes.contains(type):
            var geometries = GeoJSONGeometryDecoder()
            let geometry = try geometries.geometry(document)
            return Self.result([Feature(geometry: geometry)], droppedZ: [geometries.droppedZCount], indexed: false)
        default:
            throw GeoJSONError(
                path: "type",
                message: "unknown GeoJSON type \(JSONText.quoted(type)); "
                    + "expected FeatureCollection, Feature, \(GeoJSONGeometryDecoder.typeNames)")
        }
    }

    private func collection(_ root: [String: JSONValue]) throws(GeoJSONError) -> GeoJSONReadResult {
        guard let list = root["features"] else {
            throw GeoJSONError(message: "FeatureCollection has no \"features\" member")
        }
        guard case .array(let elements) = list else {
            throw GeoJSONError(path: "features", message: "expected an array of features, found \(list.typeDescription)")
        }
        var features: [Feature] = []
        var droppedZ: [Int] = []
        features.reserveCapacity(elements.count)
        droppedZ.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            var geometries = GeoJSONGeometryDecoder()
            do throws(GeoJSONError) {
                guard case .object(let members) = element else {
                    throw GeoJSONError(message: "expected a Feature object, found \(element.typeDescription)")
                }
                features.append(try Self.feature(members, geometries: &geometries))
            } catch {
                throw error.inFeature(index)
            }
            droppedZ.append(geometries.droppedZCount)
        }
        return Self.result(features, droppedZ: droppedZ, indexed: true)
    }

    private static func feature(
        _ members: [String: JSONValue], geometries: inout GeoJSONGeometryDecoder
    ) throws(GeoJSONError) -> Feature {
        let type = try GeoJSONGeometryDecoder.typeName(members)
        guard type == "Feature" else {
            throw GeoJSONError(path: "type", message: "expected \"Feature\", found \(JSONText.quoted(type))")
        }
        var id: JSONValue?
        switch members["id"] {
        case nil, .null?: id = nil
        case let value? where value.stringValue != nil || value.doubleValue != nil: id = value
        case let value?:
            throw GeoJSONError(path: "id", message: "expected a string or a number, found \(value.typeDescription)")
        }
        guard let geometryMember = members["geometry"] else {
            throw GeoJSONError(message: "Feature has no \"geometry\" member (a feature without geometry has \"geometry\": null)")
        }
        var geometry: Geometry?
        if geometryMember != .null {
            do {
                geometry = try geometries.geometry(geometryMember)
            } catch {
                throw error.under("geometry")
            }
        }
        var properties: [String: JSONValue] = [:]
        switch members["properties"] {
        case nil, .null?: break
        case .object(let object)?: properties = object
        case let value?:
            throw GeoJSONError(path: "properties", message: "expected an object or null, found \(value.typeDescription)")
        }
        return Feature(id: id, geometry: geometry, properties: properties)
    }

    static func result(_ features: [Feature], droppedZ: [Int], indexed: Bool) -> GeoJSONReadResult {
        var warnings: [GeoJSONWarning] = []
        for (index, count) in droppedZ.enumerated() where count > 0 {
            let message = count == 1 ? "1 position had a Z value, dropped" : "\(count) positions had a Z value, dropped"
            warnings.append(GeoJSONWarning(featureIndex: indexed ? index : nil, message: message))
        }
        return GeoJSONReadResult(
            collection: FeatureCollection(features: features), droppedZCount: droppedZ.reduce(0, +),
            warnings: warnings)
    }

    // MARK: CRS (GeoJSON 2008 "crs" member)

    /// Accepts no `crs`, `"crs": null`, or a named CRS that is WGS84 longitude/latitude.
    static func checkCRS(_ crs: JSONValue?) throws(GeoJSONError) {
        guard let crs, crs != .null else { return }
        guard crs["type"]?.stringValue == "name", let name = crs["properties"]?["name"]?.stringValue else {
            throw GeoJSONError(
                path: "crs",
                message: "cannot tell which CRS this member names (only "
                    + "{\"type\":\"name\",\"properties\":{\"name\":…}} is understood); RFC 7946 GeoJSON is WGS84 "
                    + "(longitude, latitude) only: remove the \"crs\" member")
        }
        guard isWGS84(name) else {
            throw GeoJSONError(
                path: "crs",
                message: "CRS \(JSONText.quoted(name)) is not WGS84: "
                    + "RFC 7946 GeoJSON is WGS84 (longitude, latitude) only; reproject the data to WGS84 and remove the "
                    + "\"crs\" member")
        }
    }

    /// Whether a GeoJSON 2008 CRS name means WGS84 longitude/latitude: OGC CRS84 or EPSG:4326 in URN, URL or
    /// short form (EPSG:4326 data in GeoJSON is longitude first in practice, as GeoJSON 2008 required).
    static func isWGS84(_ name: String) -> Bool {
        let lower = name.lowercased()
        var authority = "", code = ""
        if lower.hasPrefix("urn:ogc:def:crs:") {
            // urn:ogc:def:crs:{authority}:{version}:{code}, version often empty
            let parts = lower.dropFirst("urn:ogc:def:crs:".count).split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 3 else { return false }
            authority = String(parts[0]); code = String(parts[2])
        } else if let range = lower.range(of: "www.opengis.net/def/crs/"),
            lower.hasPrefix("http://") || lower.hasPrefix("https://")
        {
            // http://www.opengis.net/def/crs/{authority}/{version}/{code}
            let parts = lower[range.upperBound...].split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 3 else { return false }
            authority = String(parts[0]); code = String(parts[2])
        } else if lower == "crs84" || lower == "wgs84" {
            return true
        } else {
            let parts = lower.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2 else { return false }
            authority = String(parts[0]); code = String(parts[1])
        }
        return (authority == "ogc" && code == "crs84") || (authority == "epsg" && code == "4326")
    }
}
