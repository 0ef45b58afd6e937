import QTGeometry

/// The typed field accessors of the data files' readers (life-circle standards, siting rules): each problem
/// is one error naming the field, made by the reader's own ``fail(_:_:)``.
protocol JSONFieldReading {
    associatedtype Failure: Error
    /// The error for `field` (a path such as `rules[3].fail_below_m`) with `detail`.
    func fail(_ field: String, _ detail: String) -> Failure
}

extension JSONFieldReading {
    /// The object at `field`.
    func object(_ value: JSONValue?, _ field: String) throws(Failure) -> [String: JSONValue] {
        guard let value else { throw fail(field, "missing") }
        guard let o = value.objectValue else { throw fail(field, "expected an object, found \(value.typeDescription)") }
        return o
    }

    /// The array at `field`.
    func array(_ value: JSONValue?, _ field: String) throws(Failure) -> [JSONValue] {
        guard let value else { throw fail(field, "missing") }
        guard let a = value.arrayValue else { throw fail(field, "expected an array, found \(value.typeDescription)") }
        return a
    }

    /// The non-empty string at `field`.
    func string(_ value: JSONValue?, _ field: String) throws(Failure) -> String {
        guard let value else { throw fail(field, "missing") }
        guard let s = value.stringValue, !s.isEmpty else { throw fail(field, "expected a non-empty string, found \(value.typeDescription)") }
        return s
    }
}
