import QTText

/// Writing ``JSONValue``s with QTText's JSON writer: the rules of ``GeoJSONWriter`` for properties.
extension JSONText {
    /// Appends `value`; object members come in `keyOrder` first, the rest sorted by Unicode scalar values.
    public mutating func value(_ value: JSONValue, keyOrder: [String]) {
        switch value {
        case .null: raw("null")
        case .bool(let b): raw(b ? "true" : "false")
        case .number(let d): number(d)
        case .string(let s): string(s)
        case .array(let elements):
            byte(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { byte(UInt8(ascii: ",")) }
                self.value(element, keyOrder: keyOrder)
            }
            byte(UInt8(ascii: "]"))
        case .object(let members):
            object(members, keyOrder: keyOrder)
        }
    }

    /// Appends an object with members in a stable order (see ``orderedKeys(_:keyOrder:)``).
    public mutating func object(_ members: [String: JSONValue], keyOrder: [String]) {
        byte(UInt8(ascii: "{"))
        // The members with their rank in `keyOrder` (its count when absent), taken from the dictionary once:
        // the order of orderedKeys without a second lookup per key.
        var entries: [(rank: Int, key: String, value: JSONValue)] = []
        entries.reserveCapacity(members.count)
        for (key, value) in members { entries.append((keyOrder.firstIndex(of: key) ?? keyOrder.count, key, value)) }
        entries.sort { $0.rank != $1.rank ? $0.rank < $1.rank : $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        for (index, entry) in entries.enumerated() {
            if index > 0 { byte(UInt8(ascii: ",")) }
            string(entry.key)
            byte(UInt8(ascii: ":"))
            value(entry.value, keyOrder: keyOrder)
        }
        byte(UInt8(ascii: "}"))
    }

    /// Appends a feature's properties as an object, members in the order of ``object(_:keyOrder:)``: those
    /// named in `keyOrder` first, then the others by their Unicode scalar values.
    public mutating func object(_ members: PropertyMap, keyOrder: [String]) {
        let keys = members.keys, values = members.values
        // Up to 64 members (every layer qtplan writes) are marked in a word, without an allocation per feature.
        guard keys.count <= 64 else { return object(members.dictionary, keyOrder: keyOrder) }
        byte(UInt8(ascii: "{"))
        var written: UInt64 = 0
        func member(_ index: Int) {
            if written != 0 { byte(UInt8(ascii: ",")) }
            string(keys[index])
            byte(UInt8(ascii: ":"))
            value(values[index], keyOrder: keyOrder)
            written |= 1 << UInt64(index)
        }
        for key in keyOrder {
            guard let index = members.index(forKey: key), written & (1 << UInt64(index)) == 0 else { continue }
            member(index)
        }
        let nonASCII = keys.indices.contains { written & (1 << UInt64($0)) == 0 && keys[$0].utf8.contains { $0 >= 0x80 } }
        if !nonASCII {
            // The map keeps its keys in Swift's order, which for ASCII keys is Unicode scalar order.
            for index in keys.indices where written & (1 << UInt64(index)) == 0 { member(index) }
        } else {
            let rest = keys.indices.filter { written & (1 << UInt64($0)) == 0 }
                .sorted { keys[$0].utf8.lexicographicallyPrecedes(keys[$1].utf8) }
            for index in rest { member(index) }
        }
        byte(UInt8(ascii: "}"))
    }

    /// The keys of `members`: those named in `keyOrder`, in that order, then the others sorted by their
    /// Unicode scalar values (not by Swift's `String` ordering, which compares canonical equivalents).
    public static func orderedKeys(_ members: [String: JSONValue], keyOrder: [String]) -> [String] {
        var keys: [String] = []
        keys.reserveCapacity(members.count)
        for key in keyOrder where members[key] != nil && !keys.contains(key) { keys.append(key) }
        let preferred = keys.count
        for key in members.keys where !keyOrder.contains(key) { keys.append(key) }
        // UTF-8 byte order is Unicode scalar order, and cheaper to compare.
        keys[preferred...].sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return keys
    }

}
