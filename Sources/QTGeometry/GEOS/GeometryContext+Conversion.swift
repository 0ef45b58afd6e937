import CGEOS

extension GeometryContext {
    /// Builds a GEOS geometry from a value.
    ///
    /// - Throws: ``GeometryError/nonFiniteCoordinate(_:)`` for a NaN or infinite coordinate, and
    ///   ``GeometryError/geos(function:message:)`` when GEOS refuses the structure (for example a ring that is
    ///   not closed or has fewer than four points).
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
        try callGeometry("GEOSGeom_createRectangle_r") {
            GEOSGeom_createRectangle_r($0, box.minX, box.minY, box.maxX, box.maxY)
        }
    }

    /// Builds a collection of `kind` (multi-point, multi-line-string, multi-polygon or geometry collection)
    /// from copies of `members`; the members stay usable.
    /// The corresponding GEOS function is `GEOSGeom_createCollection_r`.
    public func makeCollection(_ kind: GeometryKind, of members: [NativeGeometry]) throws -> NativeGeometry {
        var clones: [OpaquePointer?] = []
        clones.reserveCapacity(members.count)
        for member in members {
            guard let copy = GEOSGeom_clone_r(handle, member.pointer) else {
                clones.forEach { GEOSGeom_destroy_r(handle, $0) }
                throw error("GEOSGeom_clone_r")
            }
            clones.append(copy)
        }
        return NativeGeometry(context: self, pointer: try collect(kind, taking: &clones))
    }

    // MARK: - Internals

    /// Creates a collection from owned pointers. GEOS takes ownership of the members (not of the array) on
    /// success; on failure they are destroyed here. `members` is emptied either way.
    func collect(_ kind: GeometryKind, taking members: inout [OpaquePointer?]) throws -> OpaquePointer {
        defer { members.removeAll() }
        let type = Int32(kind.rawValue)
        let result = members.withUnsafeMutableBufferPointer { buffer in
            clearError()
            return GEOSGeom_createCollection_r(handle, type, buffer.baseAddress, UInt32(buffer.count))
        }
        guard let result else {
            members.forEach { GEOSGeom_destroy_r(handle, $0) }
            throw error("GEOSGeom_createCollection_r")
        }
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
            switch kind {
            case .multiPoint:
                return .multiPoint(MultiPoint(members.compactMap { if case .point(let p) = $0 { p } else { nil } }))
            case .multiLineString:
                return .multiLineString(MultiLineString(members.compactMap { if case .lineString(let l) = $0 { l } else { nil } }))
            case .multiPolygon:
                return .multiPolygon(MultiPolygon(members.compactMap { if case .polygon(let p) = $0 { p } else { nil } }))
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
            try call("GEOSCoordSeq_copyToBuffer_r", { GEOSCoordSeq_copyToBuffer_r($0, seq, buffer.baseAddress, 0, 0) },
                     failed: { $0 == 0 })
        }
        return (0..<Int(size)).map { Coordinate(x: flat[2 * $0], y: flat[2 * $0 + 1]) }
    }
}
