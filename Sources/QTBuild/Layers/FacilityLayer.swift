import QTGeometry
import QTModel
import QTOSM

/// The facilities layer (points) and the parks layer (polygons) from OSM tags through ``OSMFacilityRules``.
///
/// A facility drawn as an area becomes a point (``PlaceFinder``) and keeps `area_m2`; sports grounds take their
/// size class from it. A school becomes one facility per type its level gives (a 九年一贯制 school is a primary
/// and a middle school). A point facility inside an area facility of the same type is the same place mapped
/// twice: the area is kept and the node named in its `also`. Elements whose counted keys no rule maps are
/// counted by tag.
struct FacilityLayer {
    let rules: OSMFacilityRules
    let accuracy: Double

    struct Output {
        var facilities: [Feature] = []
        var parks: [Feature] = []
        var unmapped: [String: Int] = [:]
        var duplicates = 0
    }

    func build(nodes: [OSMTaggedNode], areas: [OSMArea], finder: PlaceFinder, zone: Zone) throws -> Output {
        var out = Output()
        var places: [(OSMPlace, [FacilityType], String, String?)] = [] // place, types, tag, type basis
        func consider(_ place: OSMPlace) {
            guard let rule = rules.match(place.tags) else {
                for key in rules.countedKeys {
                    if let value = place.tags[key] { out.unmapped["facilities: \(key)=\(value)", default: 0] += 1; break }
                }
                return
            }
            let tag = rule.pattern.tags.keys.sorted().map { "\($0)=\(place.tags[$0] ?? "")" }.joined(separator: " ")
            if rule.type == "school" {
                guard let (types, basis) = rules.school.types(place.tags) else {
                    out.unmapped["facilities: amenity=school (level not known)", default: 0] += 1
                    return
                }
                if types.isEmpty { out.unmapped["facilities: amenity=school (\(basis): not a life-circle school)", default: 0] += 1; return }
                places.append((place, types, tag, basis))
            } else if let type = FacilityType(rawValue: rule.type) {
                places.append((place, [type], tag, nil))
            }
        }
        for area in areas { consider(try finder.place(area)) }
        let areaCount = places.count
        for node in nodes { consider(finder.place(node)) }

        // Nodes inside an area facility of the same type: one place mapped twice.
        var also: [Int: [String]] = [:]
        var dropped = Set<Int>()
        if areaCount > 0 && places.count > areaCount {
            let context = finder.context
            let natives = try places[0..<areaCount].map { try context.make($0.0.area!.geometry) }
            let tree = try STRtree(context: context, geometries: natives)
            for i in areaCount..<places.count {
                let point = try context.makePoint(x: places[i].0.point.x, y: places[i].0.point.y)
                for j in try tree.query(point).sorted() where Set(places[j].1) == Set(places[i].1) {
                    if try natives[j].covers(point) {
                        dropped.insert(i)
                        also[j, default: []].append(places[i].0.source)
                        out.duplicates += 1
                        break
                    }
                }
            }
        }
        for (i, (place, types, tag, basis)) in places.enumerated() where !dropped.contains(i) {
            let placement = try zone.place(.point(Point(place.point)))
            if placement == .beyond { continue }
            for type in types {
                var p: PropertyMap = [
                    "id": .string(types.count > 1 ? "\(place.featureId)-\(type.rawValue)" : place.featureId),
                    "type": .string(type.rawValue),
                    "source": .string(place.source),
                    "accuracy_m": .number(accuracy),
                    "osm_tag": .string(tag),
                    "position_rule": .string(place.pointRule)
                ]
                if let name = place.tags["name"] { p["name"] = .string(name) }
                if let en = place.tags["name:en"] { p["name_en"] = .string(en) }
                if let m2 = place.areaM2 { p["area_m2"] = .number(NetworkLayer.rounded(m2, 10)) }
                if type == .sportsGround { p["size_class"] = .string(rules.sizeClass(area: place.areaM2)) }
                if let basis { p["type_basis"] = .string(basis) }
                if let more = also[i] { p["also"] = .array(more.map { .string($0) }) }
                if placement == .outside { p["outside"] = .bool(true) }
                out.facilities.append(Feature(id: p["id"], geometry: .point(Point(place.point)), properties: p))
            }
            if types.contains(.park), let area = place.area {
                let parkPlacement = try zone.place(area.geometry)
                if parkPlacement == .beyond { continue }
                var p: PropertyMap = [
                    "id": .string("park-\(area.shortId)"),
                    "source": .string(area.source),
                    "accuracy_m": .number(accuracy),
                    "area_m2": .number(NetworkLayer.rounded(place.areaM2 ?? 0, 10))
                ]
                if let name = area.tags["name"] { p["name"] = .string(name) }
                if let en = area.tags["name:en"] { p["name_en"] = .string(en) }
                let entrances = finder.entrancePositions(area)
                if !entrances.isEmpty { p["entrances"] = .array(entrances) }
                if parkPlacement == .outside { p["outside"] = .bool(true) }
                out.parks.append(Feature(id: p["id"], geometry: area.geometry, properties: p))
            }
        }
        return out
    }
}
