/// The direct reading of a GeoJSON FeatureCollection: features, geometries and positions built straight from
/// the bytes, without the ``JSONValue`` tree of the whole document that ``GeoJSONDocumentDecoder`` walks.
///
/// Why it exists: loading the bundled district spent about half its time building that tree (an array for
/// every position, a dictionary for every feature and geometry object) and the other half decoding and
/// freeing it. Only the feature's `properties` (and members that are not read, such as `bbox`) still become
/// ``JSONValue``s.
///
/// It is a fast path and never the judge of a text: it accepts only documents that the generic reading
/// (``JSONByteParser`` then ``GeoJSONDocumentDecoder``) accepts with the same result, and returns `nil` for
/// everything else, which ``GeoJSONReader`` then reads the generic way, so that every diagnostic, warning and
/// leniency stays the generic one. It returns `nil` for: anything the byte parser declines; a top level that
/// is not a FeatureCollection; a repeated key anywhere (the generic reading reports it); a `crs` member that
/// is not WGS84; a feature or geometry that the generic decoder would refuse (an unclosed ring, a line string
/// of one position, a wrong type). A geometry whose shape the direct reading does not take (members other
/// than `type` then `coordinates` first, a GeometryCollection, positions of three numbers) is read again from
/// its first byte as a ``JSONValue`` and decoded by ``GeoJSONGeometryDecoder``, the generic decoder itself.
extension JSONByteParser {
    /// The collection in `bytes` read directly, or `nil` when the generic reading must read it (see the
    /// extension's notes). The result is the one ``GeoJSONDocumentDecoder`` gives for the same text.
    static func featureCollection(_ bytes: UnsafeRawBufferPointer) -> GeoJSONReadResult? {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), !bytes.isEmpty else { return nil }
        var parser = JSONByteParser(base: base, count: bytes.count)
        if bytes.count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF { parser.index = 3 }
        do {
            let result = try parser.directCollection()
            parser.skipWhiteSpace()
            guard parser.index == parser.count, parser.duplicates.isEmpty else { return nil }
            return result
        } catch {
            return nil
        }
    }

    // MARK: Objects and arrays, member by member

    /// Inside an object (after `{`, or after a member's value): the next member's key, with the index at its
    /// value; `nil` after the closing `}`. `first` is true before the first member.
    private mutating func memberKey(first: inout Bool) throws(Declined) -> String? {
        skipWhiteSpace()
        if first {
            first = false
            if peek() == UInt8(ascii: "}") {
                index += 1
                return nil
            }
        } else {
            guard let next = peek() else { throw Declined() }
            index += 1
            if next == UInt8(ascii: "}") { return nil }
            guard next == UInt8(ascii: ",") else { throw Declined() }
            skipWhiteSpace()
        }
        guard peek() == Self.quote else { throw Declined() }
        let key = try string()
        skipWhiteSpace()
        guard peek() == UInt8(ascii: ":") else { throw Declined() }
        index += 1
        skipWhiteSpace()
        return key
    }

    /// Inside an array (after `[`, or after an element): whether another element follows, with the index at
    /// it; `false` after the closing `]`. `first` is true before the first element.
    private mutating func nextElement(first: inout Bool) throws(Declined) -> Bool {
        skipWhiteSpace()
        if first {
            first = false
            if peek() == UInt8(ascii: "]") {
                index += 1
                return false
            }
            return true
        }
        guard let next = peek() else { throw Declined() }
        index += 1
        if next == UInt8(ascii: "]") { return false }
        guard next == UInt8(ascii: ",") else { throw Declined() }
        skipWhiteSpace()
        return true
    }

    /// Steps over `[` at the index, or declines.
    private mutating func openArray() throws(Declined) {
        guard peek() == UInt8(ascii: "[") else { throw Declined() }
        index += 1
    }

    /// A string value at the index, or declines.
    private mutating func stringValue() throws(Declined) -> String {
        guard peek() == Self.quote else { throw Declined() }
        return try string()
    }

    /// A number at the index, or declines (also for anything that is not a number).
    @inline(__always)
    private mutating func numberValue() throws(Declined) -> Double {
        guard let byte = peek(), byte == UInt8(ascii: "-") || byte &- UInt8(ascii: "0") < 10 else { throw Declined() }
        return try number()
    }

    /// A key seen before in the same object: the generic reading reports repeated keys, so the direct one
    /// declines. The first keys are checked in `known` (bit per key) and the rest in `others`.
    private static func repeated(_ key: String, bit: UInt8?, known: inout UInt8, others: inout Set<String>) -> Bool {
        if let bit {
            defer { known |= bit }
            return known & bit != 0
        }
        return !others.insert(key).inserted
    }

    // MARK: The document, its features

    /// The top-level object: a FeatureCollection (depth 1, as the byte parser counts nesting).
    private mutating func directCollection() throws(Declined) -> GeoJSONReadResult {
        skipWhiteSpace()
        guard peek() == UInt8(ascii: "{") else { throw Declined() }
        index += 1
        var type: String?
        var features: [Feature]?
        var droppedZ: [Int] = []
        var known: UInt8 = 0, others: Set<String> = []
        var first = true
        while let key = try memberKey(first: &first) {
            switch key {
            case "type":
                guard !Self.repeated(key, bit: 1, known: &known, others: &others) else { throw Declined() }
                type = try stringValue()
            case "features":
                guard !Self.repeated(key, bit: 2, known: &known, others: &others) else { throw Declined() }
                try openArray()
                (features, droppedZ) = try directFeatures()
            case "crs":
                guard !Self.repeated(key, bit: 4, known: &known, others: &others) else { throw Declined() }
                let crs = try value(depth: 1)
                do {
                    try GeoJSONDocumentDecoder.checkCRS(crs)
                } catch {
                    throw Declined()
                }
            default:
                guard !Self.repeated(key, bit: nil, known: &known, others: &others) else { throw Declined() }
                _ = try value(depth: 1)
            }
        }
        guard type == "FeatureCollection", let features else { throw Declined() }
        return GeoJSONDocumentDecoder.result(features, droppedZ: droppedZ, indexed: true)
    }

    /// The `features` array (depth 2), after its `[`: the features and the altitudes dropped from each.
    private mutating func directFeatures() throws(Declined) -> ([Feature], [Int]) {
        var features: [Feature] = []
        var droppedZ: [Int] = []
        var first = true
        while try nextElement(first: &first) {
            guard peek() == UInt8(ascii: "{") else { throw Declined() }
            var dropped = 0
            features.append(try directFeature(droppedZ: &dropped))
            droppedZ.append(dropped)
        }
        return (features, droppedZ)
    }

    /// One feature object (depth 3), with the checks of `GeoJSONDocumentDecoder.feature`.
    private mutating func directFeature(droppedZ: inout Int) throws(Declined) -> Feature {
        index += 1 // {
        var type: String?
        var id: JSONValue?
        var geometry: Geometry?
        var properties = PropertyMap()
        var known: UInt8 = 0, others: Set<String> = []
        var first = true
        while let key = try memberKey(first: &first) {
            switch key {
            case "type":
                guard !Self.repeated(key, bit: 1, known: &known, others: &others) else { throw Declined() }
                type = try stringValue()
            case "id":
                guard !Self.repeated(key, bit: 2, known: &known, others: &others) else { throw Declined() }
                switch try value(depth: 3) {
                case .null: id = nil
                case let value where value.stringValue != nil || value.doubleValue != nil: id = value
                default: throw Declined()
                }
            case "geometry":
                guard !Self.repeated(key, bit: 4, known: &known, others: &others) else { throw Declined() }
                if peek() == UInt8(ascii: "n") {
                    try literal("null")
                } else {
                    guard peek() == UInt8(ascii: "{") else { throw Declined() }
                    geometry = try directGeometry(droppedZ: &droppedZ)
                }
            case "properties":
                guard !Self.repeated(key, bit: 8, known: &known, others: &others) else { throw Declined() }
                if peek() == UInt8(ascii: "n") {
                    try literal("null")
                } else {
                    guard peek() == UInt8(ascii: "{") else { throw Declined() }
                    properties = try directProperties()
                }
            default:
                guard !Self.repeated(key, bit: nil, known: &known, others: &others) else { throw Declined() }
                _ = try value(depth: 3)
            }
        }
        // A feature needs its type and a geometry member (null for none).
        guard type == "Feature", known & 4 != 0 else { throw Declined() }
        return Feature(id: id, geometry: geometry, properties: properties)
    }

    /// A properties object (depth 4): its members gathered first, then sorted by key, so that the map is made once.
    /// Consecutive features with the same keys share one key array (``PropertyMap``).
    private mutating func directProperties() throws(Declined) -> PropertyMap {
        index += 1 // {
        let start = pendingMembers.count
        var first = true
        while let key = try memberKey(first: &first) {
            pendingMembers.append((key, try value(depth: 4)))
        }
        let members = pendingMembers[start...]
        var sorted = true
        for i in members.indices.dropFirst() where !(members[i - 1].0 < members[i].0) {
            sorted = false
            break
        }
        let ordered = sorted ? Array(members) : members.sorted { $0.0 < $1.0 }
        pendingMembers.removeSubrange(start...)
        // A key twice: the generic decoder reads the feature again and reports it.
        for i in ordered.indices.dropFirst() where ordered[i - 1].0 == ordered[i].0 { throw Declined() }
        let values = ordered.map(\.1)
        // Byte for byte, not as Swift compares strings: a key spelled in another Unicode form keeps its spelling.
        if sharedKeys.count != ordered.count || !zip(sharedKeys, ordered).allSatisfy({ $0.utf8.elementsEqual($1.0.utf8) }) {
            sharedKeys = ordered.map(\.0)
        }
        return PropertyMap(sortedUniqueKeys: sharedKeys, values: values)
    }

    // MARK: Geometries

    /// A geometry object (depth 4): read directly when its first members are `type` then `coordinates` and its
    /// positions have two numbers; otherwise read again from its first byte by the generic decoder.
    private mutating func directGeometry(droppedZ: inout Int) throws(Declined) -> Geometry {
        let start = index
        let pending = pendingPositions.count
        do {
            return try simpleGeometry()
        } catch {
            index = start
            pendingPositions.removeSubrange(pending...)
        }
        let json = try value(depth: 3)
        var decoder = GeoJSONGeometryDecoder()
        do {
            let geometry = try decoder.geometry(json)
            droppedZ += decoder.droppedZCount
            return geometry
        } catch {
            throw Declined()
        }
    }

    /// A geometry object of `type`, then `coordinates`, then any other members (such as `bbox`), whose
    /// positions all have two numbers.
    private mutating func simpleGeometry() throws(Declined) -> Geometry {
        index += 1 // {
        var first = true
        guard try memberKey(first: &first) == "type" else { throw Declined() }
        let type = try stringValue()
        guard try memberKey(first: &first) == "coordinates" else { throw Declined() }
        let geometry: Geometry
        switch type {
        case "Point": geometry = .point(try point())
        case "LineString": geometry = .lineString(try lineString())
        case "Polygon": geometry = .polygon(try polygon())
        case "MultiPoint":
            geometry = .multiPoint(MultiPoint(try members { (p: inout Self) throws(Declined) in try p.point() }))
        case "MultiLineString":
            geometry = .multiLineString(MultiLineString(try members { (p: inout Self) throws(Declined) in try p.lineString() }))
        case "MultiPolygon":
            geometry = .multiPolygon(MultiPolygon(try members { (p: inout Self) throws(Declined) in try p.polygon() }))
        default: throw Declined()
        }
        var others: Set<String> = []
        while let key = try memberKey(first: &first) {
            guard key != "type", key != "coordinates", others.insert(key).inserted else { throw Declined() }
            _ = try value(depth: 4)
        }
        return geometry
    }

    /// A Point's coordinates: `[]` is the empty point.
    private mutating func point() throws(Declined) -> Point {
        let start = index
        try openArray()
        skipWhiteSpace()
        if peek() == UInt8(ascii: "]") {
            index += 1
            return Point(nil)
        }
        index = start
        return Point(try position())
    }

    /// A LineString's coordinates: none, or at least two positions.
    private mutating func lineString() throws(Declined) -> LineString {
        let coordinates = try positions()
        guard coordinates.isEmpty || coordinates.count >= 2 else { throw Declined() }
        return LineString(coordinates)
    }

    /// A Polygon's coordinates: rings of at least four positions, each closed.
    private mutating func polygon() throws(Declined) -> Polygon {
        Polygon(
            rings: try members { (p: inout Self) throws(Declined) in
                let ring = try p.positions()
                guard ring.count >= 4, ring[0] == ring[ring.count - 1] else { throw Declined() }
                return ring
            })
    }

    /// An array of members, each read by `member`.
    private mutating func members<Member>(_ member: (inout Self) throws(Declined) -> Member) throws(Declined) -> [Member] {
        try openArray()
        var result: [Member] = []
        var first = true
        while try nextElement(first: &first) { result.append(try member(&self)) }
        return result
    }

    /// An array of positions, gathered in a reused buffer and returned at their exact count.
    private mutating func positions() throws(Declined) -> [Coordinate] {
        try openArray()
        let start = pendingPositions.count
        var first = true
        while try nextElement(first: &first) { pendingPositions.append(try position()) }
        let coordinates = Array(pendingPositions[start...])
        pendingPositions.removeSubrange(start...)
        return coordinates
    }

    /// A position of exactly two numbers (three or more are left to the generic decoder, which drops or refuses
    /// them).
    @inline(__always)
    private mutating func position() throws(Declined) -> Coordinate {
        try openArray()
        skipWhiteSpace()
        let x = try numberValue()
        skipWhiteSpace()
        guard peek() == UInt8(ascii: ",") else { throw Declined() }
        index += 1
        skipWhiteSpace()
        let y = try numberValue()
        skipWhiteSpace()
        guard peek() == UInt8(ascii: "]") else { throw Declined() }
        index += 1
        return Coordinate(x: x, y: y)
    }
}
