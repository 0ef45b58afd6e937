import CGEOS

extension GeometryContext {
    /// Builds a GEOS geometry from a value.
    ///
    /// - Throws: ``GeometryError/nonFiniteCoordinate(_:)`` for a NaN or infinite coordinate, and
    ///   ``GeometryError/invalidInput(_:)`` for a ring of fewer than four positions, and
    ///   ``GeometryError/geos(function:message:)`` when GEOS refuses the structure (a ring that is not closed).
    ///   GEOS 3.11 itself accepts a closed three-point ring, which can never be valid, so qtplan refuses it.
    public func make(_ geometry: Geometry) throws -> NativeGeometry {
        NativeGeometry(context: self, pointer: try makePointer(geometry))
    }

    /// Builds a point directly. The corresponding GEOS function is `GEOSGeom_createPointFromXY_r`.
    public func makePoint(x: Double, y: Double) throws -> NativeGeometry {
        guard x.isFinite, y.isFinite else { throw GeometryError.nonFiniteCoordinate("POINT (\(x) \(y))") }
        return try callGeometry("GEOSGeom_createPointFromXY_r") { GEOSGeom_createPointFromXY_r($0, x, y) }
    }

    /// Builds the rectangle polygon of an envelope. The corresponding GEOS function is `GEOSGeom_createRectangle_r`.
    public func makeRectangle(_ box: Envelope) throws -> NativeGeometry {
        guard box.minX.isFinite, box.minY.isFinite, box.maxX.isFinite, box.maxY.isFinite else {
            throw GeometryError.nonFiniteCoordinate("envelope (\(box.minX) \(box.minY), \(box.maxX) \(box.maxY))")
        }
        return try callGeometry("GEOSGeom_createRectangle_r") {
            GEOSGeom_createRectangle_r($0, box.minX, box.minY, box.maxX, box.maxY)
        }
    }

    /// Builds a collection of `kind` (multi-point, multi-line-string, multi-polygon or geometry collection)
    /// from copies of `members`; the members stay usable.
    /// The corresponding GEOS function is `GEOSGeom_createCollection_r`.
    /// - Throws: ``GeometryError/invalidInput(_:)`` when `kind` is not a collection kind, or a member does
    ///   not fit it (GEOS 3.11 builds a multi-point of polygons without complaint).
    public func makeCollection(_ kind: GeometryKind, of members: [NativeGeometry]) throws -> NativeGeometry {
        let memberKind: GeometryKind?
        switch kind {
        case .multiPoint: memberKind = .point
        case .multiLineString: memberKind = .lineString
        case .multiPolygon: memberKind = .polygon
        case .geometryCollection: memberKind = nil
        default: throw GeometryError.invalidInput("\(kind) is not a collection kind")
        }
        var clones: [OpaquePointer?] = []
        clones.reserveCapacity(members.count)
        for (index, member) in members.enumerated() {
            if let memberKind, try member.kind() != memberKind {
                clones.forEach { GEOSGeom_destroy_r(handle, $0) }
                throw GeometryError.invalidInput("\(kind) member \(index) is a \(try member.kind()), not a \(memberKind)")
            }
            clearError()
            guard let copy = GEOSGeom_clone_r(handle, member.pointer) else {
                clones.forEach { GEOSGeom_destroy_r(handle, $0) }
                throw error("GEOSGeom_clone_r")
            }
            clones.append(copy)
        }
        return NativeGeometry(context: self, pointer: try collect(kind, taking: &clones))
    }

    // MARK: - Internals

    /// Creates a collection from owned pointers. GEOS takes ownership of the members (not of the array) as
    /// soon as it is called, and frees them itself if it fails, so they are never destroyed here.
    /// `members` is emptied either way.
    func collect(_ kind: GeometryKind, taking members: inout [OpaquePointer?]) throws -> OpaquePointer {
        defer { members.removeAll() }
        let type = Int32(kind.rawValue)
        let result = members.withUnsafeMutableBufferPointer { buffer in
            clearError()
            return GEOSGeom_createCollection_r(handle, type, buffer.baseAddress, UInt32(buffer.count))
        }
        guard let result else { throw error("GEOSGeom_createCollection_r") }
        return result
    }

    func makePointer(_ geometry: Geometry) throws -> OpaquePointer {
        switch geometry {
        case .point(let p):
            guard let c = p.coordinate else { return try callPointer("GEOSGeom_createEmptyPoint_r") { GEOSGeom_createEmptyPoint_r($0) } }
            guard c.isFinite else { throw GeometryError.nonFiniteCoordinate("POINT (\(c.x) \(c.y))") }
            return try callPointer("GEOSGeom_createPointFromXY_r") { GEOSGeom_createPointFromXY_r($0, c.x, c.y) }
        case .lineString(let l):
            if l.coordinates.isEmpty { return try callPointer("GEOSGeom_createEmptyLineString_r") { GEOSGeom_createEmptyLineString_r($0) } }
            let seq = try makeSequence(l.coordinates)
            // GEOS takes ownership of the sequence, also when it refuses the line.
            return try callPointer("GEOSGeom_createLineString_r") { GEOSGeom_createLineString_r($0, seq) }
        case .polygon(let p):
            return try makePolygon(p)
        case .multiPoint(let m):
            return try makeCollection(.multiPoint, m.points.map(Geometry.point))
        case .multiLineString(let m):
            return try makeCollection(.multiLineString, m.lineStrings.map(Geometry.lineString))
        case .multiPolygon(let m):
            return try makeCollection(.multiPolygon, m.polygons.map(Geometry.polygon))
        case .geometryCollection(let g):
            return try makeCollection(.geometryCollection, g.geometries)
        }
    }

    private func makeCollection(_ kind: GeometryKind, _ members: [Geometry]) throws -> OpaquePointer {
        var pointers: [OpaquePointer?] = []
        pointers.reserveCapacity(members.count)
        do {
            for member in members { pointers.append(try makePointer(member)) }
        } catch {
            pointers.forEach { GEOSGeom_destroy_r(handle, $0) }
            throw error
        }
        return try collect(kind, taking: &pointers)
    }

    private func makePolygon(_ polygon: Polygon) throws -> OpaquePointer {
        guard let exterior = polygon.exterior else {
            return try callPointer("GEOSGeom_createEmptyPolygon_r") { GEOSGeom_createEmptyPolygon_r($0) }
        }
        let shell = try makeRing(exterior)
        var holes: [OpaquePointer?] = []
        do {
            for hole in polygon.holes { holes.append(try makeRing(hole)) }
        } catch {
            GEOSGeom_destroy_r(handle, shell)
            holes.forEach { GEOSGeom_destroy_r(handle, $0) }
            throw error
        }
        // GEOS takes ownership of the shell and the holes (not of the array holding them).
        return try holes.withUnsafeMutableBufferPointer { buffer in
            try callPointer("GEOSGeom_createPolygon_r") {
                GEOSGeom_createPolygon_r($0, shell, buffer.baseAddress, UInt32(buffer.count))
            }
        }
    }

    private func makeRing(_ ring: [Coordinate]) throws -> OpaquePointer {
        guard ring.isEmpty || ring.count >= 4 else {
            throw GeometryError.invalidInput("a polygon ring needs at least 4 positions (first = last), found \(ring.count)")
        }
        let seq = try makeSequence(ring)
        // GEOS takes ownership of the sequence, also when it refuses the ring (unclosed, too short).
        return try callPointer("GEOSGeom_createLinearRing_r") { GEOSGeom_createLinearRing_r($0, seq) }
    }

    /// Copies coordinates into a new GEOS sequence (`GEOSCoordSeq_copyFromBuffer_r`), refusing NaN and infinities.
    private func makeSequence(_ coordinates: [Coordinate]) throws -> OpaquePointer {
        var flat = [Double]()
        flat.reserveCapacity(coordinates.count * 2)
        for c in coordinates {
            guard c.isFinite else { throw GeometryError.nonFiniteCoordinate("(\(c.x) \(c.y))") }
            flat.append(c.x)
            flat.append(c.y)
        }
        return try flat.withUnsafeBufferPointer { buffer in
            try callPointer("GEOSCoordSeq_copyFromBuffer_r") {
                GEOSCoordSeq_copyFromBuffer_r($0, buffer.baseAddress, UInt32(coordinates.count), 0, 0)
            }
        }
    }
}

extension NativeGeometry {
    /// Copies the geometry out of GEOS into a Sendable ``Geometry`` value (2-D; any Z is dropped).
    /// - Throws: ``GeometryError/geos(function:message:)`` if GEOS cannot report a part.
    public func value() throws -> Geometry {
        try context.value(of: pointer)
    }
}

extension GeometryContext {
    func value(of g: OpaquePointer) throws -> Geometry {
        let id = try call("GEOSGeomTypeId_r", { GEOSGeomTypeId_r($0, g) }, failed: { $0 < 0 })
        guard let kind = GeometryKind(rawValue: id) else {
            throw GeometryError.geos(function: "GEOSGeomTypeId_r", message: "unknown geometry type id \(id)")
        }
        switch kind {
        case .point:
            let coords = try coordinates(of: g)
            return .point(Point(coords.first))
        case .lineString, .linearRing:
            return .lineString(LineString(try coordinates(of: g)))
        case .polygon:
            return .polygon(try polygonValue(g))
        case .multiPoint, .multiLineString, .multiPolygon, .geometryCollection:
            let n = try call("GEOSGetNumGeometries_r", { GEOSGetNumGeometries_r($0, g) }, failed: { $0 < 0 })
            var members: [Geometry] = []
            members.reserveCapacity(Int(n))
            for i in 0..<n {
                // A borrowed pointer: owned by `g`, never freed here.
                let member = try callPointer("GEOSGetGeometryN_r") { GEOSGetGeometryN_r($0, g, i) }
                members.append(try value(of: member))
            }
            // A member of the wrong kind (which GEOS can hold) is an error, never silently dropped.
            func typed<T>(_ extract: (Geometry) -> T?) throws -> [T] {
                try members.map { member in
                    guard let typed = extract(member) else {
                        throw GeometryError.invalidInput("\(kind) holds a \(member.kind)")
                    }
                    return typed
                }
            }
            switch kind {
            case .multiPoint:
                return .multiPoint(MultiPoint(try typed { if case .point(let p) = $0 { p } else { nil } }))
            case .multiLineString:
                return .multiLineString(MultiLineString(try typed { if case .lineString(let l) = $0 { l } else { nil } }))
            case .multiPolygon:
                return .multiPolygon(MultiPolygon(try typed { if case .polygon(let p) = $0 { p } else { nil } }))
            default:
                return .geometryCollection(GeometryCollection(members))
            }
        }
    }

    private func polygonValue(_ g: OpaquePointer) throws -> Polygon {
        if try callPredicate("GEOSisEmpty_r", { GEOSisEmpty_r($0, g) }) { return Polygon(rings: []) }
        // Rings are borrowed pointers owned by the polygon.
        let shell = try callPointer("GEOSGetExteriorRing_r") { GEOSGetExteriorRing_r($0, g) }
        var rings = [try coordinates(of: shell)]
        let holes = try call("GEOSGetNumInteriorRings_r", { GEOSGetNumInteriorRings_r($0, g) }, failed: { $0 < 0 })
        for i in 0..<holes {
            let ring = try callPointer("GEOSGetInteriorRingN_r") { GEOSGetInteriorRingN_r($0, g, i) }
            rings.append(try coordinates(of: ring))
        }
        return Polygon(rings: rings)
    }

    /// The x/y coordinates of a point, line string or ring (`GEOSCoordSeq_copyToBuffer_r`).
    private func coordinates(of g: OpaquePointer) throws -> [Coordinate] {
        if try callPredicate("GEOSisEmpty_r", { GEOSisEmpty_r($0, g) }) { return [] }
        let seq = try callPointer("GEOSGeom_getCoordSeq_r") { GEOSGeom_getCoordSeq_r($0, g) }
        var size: UInt32 = 0
        _ = try call("GEOSCoordSeq_getSize_r", { GEOSCoordSeq_getSize_r($0, seq, &size) }, failed: { $0 == 0 })
        var flat = [Double](repeating: 0, count: Int(size) * 2)
        _ = try flat.withUnsafeMutableBufferPointer { buffer in
            try call(
                "GEOSCoordSeq_copyToBuffer_r", { GEOSCoordSeq_copyToBuffer_r($0, seq, buffer.baseAddress, 0, 0) },
                failed: { $0 == 0 })
        }
        return (0..<Int(size)).map { Coordinate(x: flat[2 * $0], y: flat[2 * $0 + 1]) }
    }
}
