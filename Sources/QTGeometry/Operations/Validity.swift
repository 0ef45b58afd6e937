import CGEOS

/// The outcome of a validity check.
public struct ValidityReport: Hashable, Sendable {
    /// Whether the geometry is valid in the OGC sense.
    public var isValid: Bool
    /// GEOS's reason when invalid, for example `"Self-intersection"` or `"Hole lies outside shell"`.
    public var reason: String?
    /// Where GEOS found the problem, when it says.
    public var location: Coordinate?

    /// Creates a report.
    public init(isValid: Bool, reason: String? = nil, location: Coordinate? = nil) {
        self.isValid = isValid
        self.reason = reason
        self.location = location
    }
}

extension NativeGeometry {
    /// Whether the geometry is valid. The corresponding GEOS function is `GEOSisValid_r`.
    public func isValid() throws -> Bool {
        try context.callPredicate("GEOSisValid_r") { GEOSisValid_r($0, pointer) }
    }

    /// Validity with GEOS's reason and location. The corresponding GEOS function is `GEOSisValidDetail_r`.
    public func validity() throws -> ValidityReport {
        var reason: UnsafeMutablePointer<CChar>?
        var location: OpaquePointer?
        let valid = try context.callPredicate("GEOSisValidDetail_r") {
            GEOSisValidDetail_r($0, pointer, 0, &reason, &location)
        }
        defer {
            if let reason { GEOSFree_r(context.handle, reason) }
            if let location { GEOSGeom_destroy_r(context.handle, location) }
        }
        if valid { return ValidityReport(isValid: true) }
        var at: Coordinate?
        if let location, case .point(let p) = try context.value(of: location) { at = p.coordinate }
        return ValidityReport(isValid: false, reason: reason.map { String(cString: $0) }, location: at)
    }
}
