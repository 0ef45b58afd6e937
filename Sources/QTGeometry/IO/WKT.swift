import CGEOS

extension GeometryContext {
    /// Reads Well-Known Text. The corresponding GEOS function is `GEOSWKTReader_read_r`.
    /// - Throws: ``GeometryError/parse(format:message:)`` with GEOS's message for text that is not WKT,
    ///   and ``GeometryError/nonFiniteCoordinate(_:)`` for NaN or infinite coordinates (which GEOS accepts).
    public func read(wkt: String) throws -> NativeGeometry {
        // GEOS 3.11 reads "POINT (nan nan)" as POINT EMPTY, so NaN would vanish unseen: refuse it in the text.
        let tokens = wkt.lowercased().split(whereSeparator: { !$0.isLetter })
        if let bad = tokens.first(where: { $0 == "nan" || $0 == "inf" || $0 == "infinity" }) {
            throw GeometryError.nonFiniteCoordinate("WKT contains '\(bad)'")
        }
        let reader = try wktReaderHandle()
        let geometry: NativeGeometry
        do {
            geometry = try callGeometry("GEOSWKTReader_read_r") { GEOSWKTReader_read_r($0, reader, wkt) }
        } catch GeometryError.geos(_, let message) {
            throw GeometryError.parse(format: "WKT", message: message)
        }
        try geometry.requireFiniteCoordinates()
        return geometry
    }

    /// Reads Well-Known Binary (ISO or extended). The corresponding GEOS function is `GEOSWKBReader_read_r`.
    /// - Throws: ``GeometryError/parse(format:message:)`` for bytes that are not WKB.
    public func read(wkb: [UInt8]) throws -> NativeGeometry {
        let reader = try wkbReaderHandle()
        let geometry: NativeGeometry
        do {
            geometry = try wkb.withUnsafeBufferPointer { bytes in
                try callGeometry("GEOSWKBReader_read_r") { GEOSWKBReader_read_r($0, reader, bytes.baseAddress, bytes.count) }
            }
        } catch GeometryError.geos(_, let message) {
            throw GeometryError.parse(format: "WKB", message: message)
        }
        try geometry.requireFiniteCoordinates()
        return geometry
    }
}

extension NativeGeometry {
    /// Writes 2-D Well-Known Text, trimmed, with at most `decimals` digits after the point. With `nil`, GEOS
    /// 3.11 writes up to 16 decimals, which is not always enough to round-trip a double exactly: use WKB
    /// for lossless exchange. The corresponding GEOS function is `GEOSWKTWriter_write_r`.
    public func wkt(decimals: Int? = nil) throws -> String {
        let writer = try context.wktWriterHandle()
        GEOSWKTWriter_setRoundingPrecision_r(context.handle, writer, Int32(decimals ?? -1))
        let text = try context.call(
            "GEOSWKTWriter_write_r", { GEOSWKTWriter_write_r($0, writer, pointer) },
            failed: { $0 == nil })
        guard let text else { throw context.error("GEOSWKTWriter_write_r") }
        defer { GEOSFree_r(context.handle, text) }
        return String(cString: text)
    }

    /// Writes 2-D little-endian Well-Known Binary. The corresponding GEOS function is `GEOSWKBWriter_write_r`.
    public func wkb() throws -> [UInt8] {
        let writer = try context.wkbWriterHandle()
        var size = 0
        let bytes = try context.call(
            "GEOSWKBWriter_write_r", { GEOSWKBWriter_write_r($0, writer, pointer, &size) },
            failed: { $0 == nil })
        guard let bytes else { throw context.error("GEOSWKBWriter_write_r") }
        defer { GEOSFree_r(context.handle, bytes) }
        return Array(UnsafeBufferPointer(start: bytes, count: size))
    }

    /// Throws if any coordinate is NaN or infinite: GEOS readers accept them, but no operation makes sense.
    func requireFiniteCoordinates() throws {
        try value().forEachCoordinate { c in
            guard c.isFinite else { throw GeometryError.nonFiniteCoordinate("(\(c.x) \(c.y))") }
        }
    }
}
