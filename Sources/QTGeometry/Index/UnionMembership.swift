/// Whether a geometry lies in the union of many polygons, answered without making the union.
///
/// Unioning every residential area of a large district (to ask, for each of half a million buildings, whether its
/// point lies inside) costs more than all the questions. Here the polygons are indexed in an ``STRtree``, each is
/// prepared when a query first meets it, and a query is answered by the members whose boxes meet it: inside one
/// of them (GEOS `contains`) is inside the union. Otherwise (a point on the shared edge of two areas, a building
/// across two) the members that meet the geometry are unioned, just those: members that do not meet it are at a
/// positive distance from it and cannot change the answer, which is therefore the whole union's `contains`.
///
/// Owns GEOS objects of one ``GeometryContext``: use it on one thread.
public final class UnionMembership {
    private let tree: STRtree
    private var prepared: [Int: PreparedGeometry] = [:]

    /// An index over `members` (polygons of one context).
    public init(context: GeometryContext, members: [NativeGeometry]) throws {
        tree = try STRtree(context: context, geometries: members)
    }

    /// Whether the union of the members contains `geometry` (GEOS `contains`: in it, and not only on its boundary).
    public func contains(_ geometry: NativeGeometry) throws -> Bool {
        var touching: [NativeGeometry] = []
        for index in try tree.query(geometry) {
            let member = try preparedMember(index)
            if try member.contains(geometry) { return true }
            if try member.intersects(geometry) { touching.append(member.source) }
        }
        guard touching.count > 1 else { return false }
        return try geometry.context.union(of: touching).contains(geometry)
    }

    private func preparedMember(_ index: Int) throws -> PreparedGeometry {
        if let known = prepared[index] { return known }
        let made = try PreparedGeometry(tree.geometries[index])
        prepared[index] = made
        return made
    }
}
