/// A feature's properties: string keys to JSON values, each key once, as a compact value.
///
/// A district of a million streets holds millions of features, and their properties were most of its memory: a
/// Swift `Dictionary` of 13 string keys keeps 32 buckets of key and value (about 1.3 kB). A property map keeps its
/// keys in one sorted array and its values in another (about 40 bytes a property), and features made from the same
/// key array (a layer read from a file, a layer built by qtplan) share that array's storage, so each feature holds
/// only its values (24 bytes a property).
///
/// It behaves as the dictionary it replaces: keys are compared as Swift strings compare (canonically equivalent
/// keys are one key), setting a key to `nil` removes it, and two maps are equal when they hold the same keys with
/// equal values. Iteration is in key order (Swift's `<`, which for keys in Unicode normal form C is Unicode scalar
/// order); ``GeoJSONWriter`` decides its own order of members.
public struct PropertyMap: Hashable, Sendable {
    /// The keys, sorted by Swift's `<` and unique.
    public private(set) var keys: [String]
    /// The values, in the order of ``keys``.
    public private(set) var values: [JSONValue]

    /// An empty map.
    public init() {
        keys = []
        values = []
    }

    /// The map of `keys[i]` to `values[i]`. When a key appears more than once, its last value is kept. Keys
    /// already sorted and unique are kept as given: maps made from one key array share its storage.
    /// - Precondition: `keys.count == values.count`.
    public init(keys: [String], values: [JSONValue]) {
        precondition(keys.count == values.count, "PropertyMap: \(keys.count) keys and \(values.count) values")
        if Self.strictlyIncreasing(keys) {
            self.keys = keys
            self.values = values
            return
        }
        // Sorted by key, a repeated key's occurrences in their order, so that the last one's value is kept.
        let order = keys.indices.sorted { a, b in
            keys[a] < keys[b] || (keys[a] == keys[b] && a < b)
        }
        var sortedKeys: [String] = [], sortedValues: [JSONValue] = []
        sortedKeys.reserveCapacity(keys.count)
        sortedValues.reserveCapacity(keys.count)
        for i in order {
            if let last = sortedKeys.last, last == keys[i] {
                sortedValues[sortedValues.count - 1] = values[i]
            } else {
                sortedKeys.append(keys[i])
                sortedValues.append(values[i])
            }
        }
        self.keys = sortedKeys
        self.values = sortedValues
    }

    /// A map of keys already known to be sorted and unique (``PropertyMapMaker``, the GeoJSON reader).
    init(sortedUniqueKeys keys: [String], values: [JSONValue]) {
        self.keys = keys
        self.values = values
    }

    /// The map holding the members of `dictionary`.
    public init(_ dictionary: [String: JSONValue]) {
        let sorted = dictionary.sorted { $0.key < $1.key }
        keys = sorted.map(\.key)
        values = sorted.map(\.value)
    }

    /// The members as a dictionary.
    public var dictionary: [String: JSONValue] {
        Dictionary(uniqueKeysWithValues: zip(keys, values))
    }

    /// The number of properties.
    public var count: Int { keys.count }

    /// Whether there are no properties.
    public var isEmpty: Bool { keys.isEmpty }

    /// The value of `key`, or `nil` when the map does not hold it. Setting `nil` removes the key.
    public subscript(key: String) -> JSONValue? {
        get {
            // Not `found ? values[index] : nil`: JSONValue takes the `nil` literal (as JSON null), so the
            // conditional would make it `.null` rather than no value.
            let (index, found) = position(of: key)
            guard found else { return Optional.none }
            return values[index]
        }
        set {
            let (index, found) = position(of: key)
            switch (found, newValue) {
            case (true, let value?): values[index] = value
            case (true, nil):
                keys.remove(at: index)
                values.remove(at: index)
            case (false, let value?):
                keys.insert(key, at: index)
                values.insert(value, at: index)
            case (false, nil): break
            }
        }
    }

    /// The value of `key`, or `defaultValue` when the map does not hold it.
    public subscript(key: String, default defaultValue: @autoclosure () -> JSONValue) -> JSONValue {
        self[key] ?? defaultValue()
    }

    /// Sets `value` for `key`.
    /// - Returns: the value it replaced, if any.
    @discardableResult
    public mutating func updateValue(_ value: JSONValue, forKey key: String) -> JSONValue? {
        let old = self[key]
        self[key] = value
        return old
    }

    /// Removes `key`.
    /// - Returns: its value, if the map held it.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        let old = self[key]
        self[key] = nil
        return old
    }

    /// Adds the members of `other`; for a key both hold, `combine` decides from the current value and the new one.
    public mutating func merge(
        _ other: PropertyMap, uniquingKeysWith combine: (JSONValue, JSONValue) throws -> JSONValue
    ) rethrows {
        try merge(other.keys, other.values, combine)
    }

    /// Adds the members of `other`; for a key both hold, `combine` decides from the current value and the new one.
    public mutating func merge(
        _ other: [String: JSONValue], uniquingKeysWith combine: (JSONValue, JSONValue) throws -> JSONValue
    ) rethrows {
        try merge(Array(other.keys), Array(other.values), combine)
    }

    /// The merge of `keys` (unique) and `values` into the map, sorting once rather than inserting one at a time.
    private mutating func merge(
        _ newKeys: [String], _ newValues: [JSONValue], _ combine: (JSONValue, JSONValue) throws -> JSONValue
    ) rethrows {
        var keys = self.keys, values = self.values
        for (key, value) in zip(newKeys, newValues) {
            if let index = index(forKey: key) {
                values[index] = try combine(values[index], value)
            } else {
                keys.append(key)
                values.append(value)
            }
        }
        self = PropertyMap(keys: keys, values: values)
    }

    /// The members for which `isIncluded` is true.
    public func filter(_ isIncluded: (Element) throws -> Bool) rethrows -> PropertyMap {
        var out = PropertyMap()
        for element in self where try isIncluded(element) {
            out.keys.append(element.key)
            out.values.append(element.value)
        }
        return out
    }

    /// The values transformed, as a dictionary.
    public func mapValues<T>(_ transform: (JSONValue) throws -> T) rethrows -> [String: T] {
        var out: [String: T] = [:]
        for (key, value) in self { out[key] = try transform(value) }
        return out
    }

    /// The values transformed, leaving out those transformed to `nil`, as a dictionary.
    public func compactMapValues<T>(_ transform: (JSONValue) throws -> T?) rethrows -> [String: T] {
        var out: [String: T] = [:]
        for (key, value) in self { out[key] = try transform(value) }
        return out
    }

    /// The position of `key` in ``keys`` (and its value in ``values``), or `nil` when the map does not hold it.
    public func index(forKey key: String) -> Int? {
        let (index, found) = position(of: key)
        return found ? index : nil
    }

    // MARK: Finding keys

    /// Where `key` is, or where it would be inserted.
    private func position(of key: String) -> (index: Int, found: Bool) {
        var low = 0, high = keys.count
        while low < high {
            let middle = (low + high) / 2
            let candidate = keys[middle]
            if candidate == key { return (middle, true) }
            if candidate < key { low = middle + 1 } else { high = middle }
        }
        return (low, false)
    }

    static func strictlyIncreasing(_ keys: [String]) -> Bool {
        guard keys.count > 1 else { return true }
        for i in 1..<keys.count where !(keys[i - 1] < keys[i]) { return false }
        return true
    }
}

extension PropertyMap: Sequence {
    /// One property.
    public typealias Element = (key: String, value: JSONValue)

    /// The properties in key order.
    public struct Iterator: IteratorProtocol {
        let map: PropertyMap
        var index = 0

        /// The next property, or `nil` after the last.
        public mutating func next() -> Element? {
            guard index < map.keys.count else { return nil }
            defer { index += 1 }
            return (map.keys[index], map.values[index])
        }
    }

    /// An iterator over the properties in key order.
    public func makeIterator() -> Iterator { Iterator(map: self) }

    /// The number of properties.
    public var underestimatedCount: Int { keys.count }
}

extension PropertyMap: ExpressibleByDictionaryLiteral {
    /// A map of the literal's members; a key written twice keeps its last value.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(keys: elements.map(\.0), values: elements.map(\.1))
    }
}

extension PropertyMap: CustomStringConvertible {
    /// The members as a dictionary literal in key order, as `Dictionary` prints them.
    public var description: String {
        isEmpty ? "[:]" : "[" + map { "\(String(reflecting: $0.key)): \($0.value)" }.joined(separator: ", ") + "]"
    }
}

/// Makes many property maps over one set of possible keys (the fields of a layer), so that maps with the same keys
/// share one key array: each map then holds only its values.
public struct PropertyMapMaker {
    /// The possible keys, in the order the caller gives values.
    public let fields: [String]
    /// The positions of `fields` in key order.
    private let order: [Int]
    /// Key arrays already made, by the positions (in key order) of the keys present; at most
    /// ``rememberedPatterns`` of them, so that a sparse layer (each feature setting other fields) costs no more
    /// than a key array per feature.
    private var made: [[Int]: [String]] = [:]
    private var last: (present: [Int], keys: [String])?
    /// How many sets of present keys the maker remembers.
    public static let rememberedPatterns = 256

    /// A maker for maps whose keys are some of `fields`; `nil` when a field is named twice (as Swift compares
    /// strings).
    public init?(fields: [String]) {
        let order = fields.indices.sorted { fields[$0] < fields[$1] }
        for i in order.indices.dropFirst() where fields[order[i - 1]] == fields[order[i]] { return nil }
        self.fields = fields
        self.order = order
    }

    /// The map of `fields[i]` to `values[i]`, leaving out the keys whose value is `nil` (`Optional.none`, not
    /// JSON null: where the type of a conditional is inferred as `JSONValue`, a `nil` branch is `.null`, so write
    /// `.none` there).
    /// - Precondition: `values.count == fields.count`.
    public mutating func make(_ values: [JSONValue?]) -> PropertyMap {
        precondition(values.count == fields.count, "PropertyMapMaker: \(values.count) values for \(fields.count) fields")
        var count = 0
        for value in values where value != nil { count += 1 }
        var present: [Int] = [], sortedValues: [JSONValue] = []
        present.reserveCapacity(count)
        sortedValues.reserveCapacity(count)
        for (rank, index) in order.enumerated() {
            guard let value = values[index] else { continue }
            present.append(rank)
            sortedValues.append(value)
        }
        if let last, last.present == present {
            return PropertyMap(sortedUniqueKeys: last.keys, values: sortedValues)
        }
        let keys: [String]
        if let known = made[present] {
            keys = known
        } else {
            keys = present.map { fields[order[$0]] }
            if made.count < Self.rememberedPatterns { made[present] = keys }
        }
        last = (present, keys)
        return PropertyMap(sortedUniqueKeys: keys, values: sortedValues)
    }
}
