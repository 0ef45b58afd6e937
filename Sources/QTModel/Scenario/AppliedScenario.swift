import Foundation
import QTGeometry
import QTProjection
import QTText

/// What a plan touches, so that only the analyses it can change are run again.
public struct ScenarioTouch: Sendable, Hashable {
    /// Facility types added, closed or changed (a changed type counts both the old and the new).
    public var facilityTypes: Set<String> = []
    /// Transit kinds added, closed or changed.
    public var transitKinds: Set<String> = []
    /// The layers touched.
    public var layers: Set<LayerName> = []

    /// Whether the residents changed (every service must be measured again).
    public var population: Bool { layers.contains(.population) }
    /// Whether the streets changed (every service measured over them must be measured again).
    public var network: Bool { layers.contains(.network) }
}

/// A district with a plan applied, and what applying it did.
public struct AppliedScenario: Sendable {
    /// The plan.
    public var plan: ScenarioPlan
    /// The district as the plan leaves it.
    public var district: District
    /// What the plan touches.
    public var touch: ScenarioTouch
    /// The facilities the plan adds (their final features, WGS84 points).
    public var addedFacilities: [Feature]
    /// Σ `cost` of the features the plan adds or changes, when any gives one.
    public var cost: Double?
    /// Σ `cost` by facility type.
    public var costByType: [String: Double]
    /// What applying assumed, one sentence each (defaults given to required fields, streets joined).
    public var notes: [String]
}

/// How plans are applied.
public struct ScenarioOptions: Sendable, Hashable {
    /// A new street's end joins an existing street end (a node) within this many metres, and, where the plan
    /// feature says `junction: true`, an existing street's side within it.
    public var joinToleranceMetres: Double

    /// Options; the join tolerance is 10 m by default (the size of a junction, larger than the centimetres a
    /// hand-drawn street end misses a node by, smaller than the 50–100 m between neighbouring junctions).
    public init(joinToleranceMetres: Double = 10) { self.joinToleranceMetres = joinToleranceMetres }
}

extension District {
    /// The district as `plan` leaves it: features added, closed and changed, new streets joined to the network,
    /// the manifest's residents grown by the residents the plan adds.
    ///
    /// Editing the district folder by hand in the same way gives the same district: the added features carry the
    /// plan's properties with the defaults said in ``AppliedScenario/notes``.
    /// - Throws: ``ScenarioError/invalidPlan(path:feature:detail:)`` naming the plan file and feature: an id that
    ///   does not exist (close, change) or exists already (add), a change of a field the layer does not have, an
    ///   added facility of an unknown type or without a point, a residential parcel without its population or
    ///   the basis for one, a new street far from every existing one.
    public func applying(_ plan: ScenarioPlan, options: ScenarioOptions = ScenarioOptions()) throws(ScenarioError) -> AppliedScenario {
        var editor = ScenarioEditor(district: self, plan: plan, options: options)
        for edit in plan.edits { try editor.apply(edit) }
        return editor.result()
    }
}

/// Applies a plan's edits one by one.
private struct ScenarioEditor {
    var district: District
    let plan: ScenarioPlan
    let options: ScenarioOptions
    var touch = ScenarioTouch()
    var added: [Feature] = []
    var cost: Double?
    var costByType: [String: Double] = [:]
    var notes: [String] = []
    var residentsChange = 0
    var network: NetworkJoiner?

    init(district: District, plan: ScenarioPlan, options: ScenarioOptions) {
        self.district = district
        self.plan = plan
        self.options = options
    }

    func fail(_ edit: PlanEdit, _ detail: String) -> ScenarioError {
        .invalidPlan(path: plan.path, feature: "feature \(edit.index) '\(edit.id)'", detail: detail)
    }

    mutating func apply(_ edit: PlanEdit) throws(ScenarioError) {
        touch.layers.insert(edit.layer)
        var features = district.features(edit.layer)
        let existing = features.firstIndex { ($0.properties["id"]?.stringValue ?? $0.id?.stringValue) == edit.id }
        switch edit.action {
        case .close:
            guard let i = existing else { throw fail(edit, "no \(edit.layer.rawValue) feature has the id '\(edit.id)' to close") }
            noteTouched(features[i], layer: edit.layer)
            residentsChange -= population(of: features[i])
            features.remove(at: i)
        case .change:
            guard let i = existing else { throw fail(edit, "no \(edit.layer.rawValue) feature has the id '\(edit.id)' to change") }
            // The fields the layer's features have, and those the layer's schema documents (places on a facility
            // that has none yet, say).
            let fields = Set(features.flatMap { $0.properties.keys }).union(LayerSchema.fields(edit.layer, features[i]).map(\.name))
                .union(CountsCheck.measures(edit.layer).map(\.property)).union(["status", "cost"])
            var changed = features[i]
            noteTouched(changed, layer: edit.layer)
            for (key, value) in edit.feature.properties where key != "id" {
                guard fields.contains(key) || key == "cost" else {
                    throw fail(
                        edit, "change of '\(key)': the \(edit.layer.rawValue) layer has no such field (its fields: \(fields.sorted().joined(separator: ", ")))")
                }
                changed.properties[key] = value
            }
            if let geometry = edit.feature.geometry { changed.geometry = geometry }
            if edit.layer == .facilities { try checkFacility(changed, edit) }
            residentsChange += population(of: changed) - population(of: features[i])
            noteTouched(changed, layer: edit.layer)
            addCost(edit)
            features[i] = changed
        case .add:
            guard existing == nil else {
                throw fail(edit, "the \(edit.layer.rawValue) layer already has a feature '\(edit.id)' (to alter it, give action: change)")
            }
            var feature = edit.feature
            if feature.properties["source"] == nil { feature.properties["source"] = .string("plan:\(plan.name)") }
            if feature.properties["accuracy_m"] == nil { feature.properties["accuracy_m"] = .number(0) }
            switch edit.layer {
            case .facilities:
                if feature.properties["status"] == nil { feature.properties["status"] = .string(Status.operating.rawValue) }
                try checkFacility(feature, edit)
                added.append(feature)
            case .population:
                feature = try residentialParcel(feature, edit, in: features)
                residentsChange += population(of: feature)
            case .network:
                feature = try street(feature, edit)
                features = district.features(.network) // a junction may have split an existing edge
            case .transit:
                if feature.properties["status"] == nil { feature.properties["status"] = .string(Status.operating.rawValue) }
            default:
                break
            }
            noteTouched(feature, layer: edit.layer)
            addCost(edit)
            features.append(feature)
        }
        district.layers[edit.layer] = FeatureCollection(features: features)
    }

    func result() -> AppliedScenario {
        var district = self.district
        district.manifest.residents += residentsChange
        var notes = self.notes
        if !added.isEmpty { notes.append("added facilities count as operating unless the plan gives their status") }
        return AppliedScenario(
            plan: plan, district: district, touch: touch, addedFacilities: added, cost: cost,
            costByType: costByType, notes: notes)
    }

    // MARK: Layers

    mutating func noteTouched(_ feature: Feature, layer: LayerName) {
        if layer == .facilities, let t = feature.properties["type"]?.stringValue { touch.facilityTypes.insert(t) }
        if layer == .transit, let k = feature.properties["kind"]?.stringValue { touch.transitKinds.insert(k) }
    }

    mutating func addCost(_ edit: PlanEdit) {
        guard let c = edit.feature.properties["cost"]?.doubleValue, c.isFinite, c >= 0 else { return }
        cost = (cost ?? 0) + c
        if let t = edit.feature.properties["type"]?.stringValue { costByType[t, default: 0] += c }
    }

    func population(of feature: Feature) -> Int {
        feature.properties["population"]?.doubleValue.map { Int($0.rounded()) } ?? 0
    }

    func checkFacility(_ feature: Feature, _ edit: PlanEdit) throws(ScenarioError) {
        guard let type = feature.properties["type"]?.stringValue else { throw fail(edit, "a facility needs a 'type'") }
        guard FacilityType(rawValue: type) != nil else {
            throw fail(edit, "unknown facility type '\(type)' (known: \(FacilityType.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        guard case .point(let p)? = feature.geometry, p.coordinate != nil else { throw fail(edit, "a facility is a Point (its main entrance)") }
        if let c = feature.properties["cost"], !(c.doubleValue.map { $0.isFinite && $0 >= 0 } ?? false) {
            throw fail(edit, "cost must be a number ≥ 0")
        }
    }

    /// A new residential parcel with its residents: `population`, or floor area ÷ floor area per person, or
    /// households × persons per household (the basis the plan states), rounded to whole residents.
    mutating func residentialParcel(_ feature: Feature, _ edit: PlanEdit, in layer: [Feature]) throws(ScenarioError) -> Feature {
        var f = feature
        let p = f.properties
        func number(_ key: String) throws(ScenarioError) -> Double? {
            guard let v = p[key] else { return nil }
            guard let d = v.doubleValue, d.isFinite, d >= 0 else { throw fail(edit, "\(key) must be a number ≥ 0") }
            return d
        }
        switch f.geometry {
        case .polygon?, .multiPolygon?: break
        default: throw fail(edit, "a residential parcel is a Polygon or MultiPolygon")
        }
        if let given = try number("population") {
            guard given == given.rounded(), given <= Double(PopulationCount.maximum) else { throw fail(edit, "population must be a whole number of residents") }
        } else if let area = try number("floor_area_m2") {
            guard let perPerson = try number("floor_area_per_person_m2"), perPerson > 0 else {
                throw fail(edit, "floor_area_m2 needs floor_area_per_person_m2, the floor area per resident it assumes")
            }
            f.properties["population"] = .number((area / perPerson).rounded())
            f.properties["population_basis"] = .string(
                "floor area \(NumberText.grouped(area, decimals: 0)) m² ÷ \(NumberText.trimmed(perPerson)) m² per resident")
        } else if let households = try number("households") {
            guard let size = try number("persons_per_household"), size > 0 else {
                throw fail(edit, "households needs persons_per_household, the household size it assumes")
            }
            f.properties["population"] = .number((households * size).rounded())
            f.properties["population_basis"] = .string("\(NumberText.trimmed(households)) households × \(NumberText.trimmed(size)) persons")
        } else {
            throw fail(edit, "a residential parcel needs population, or floor_area_m2 with floor_area_per_person_m2, or households with persons_per_household")
        }
        if f.properties["aged_60_plus_share"] == nil {
            let weights = layer.compactMap { g -> (Double, Double)? in
                guard let n = g.properties["population"]?.doubleValue, let s = g.properties["aged_60_plus_share"]?.doubleValue else { return nil }
                return (n, s)
            }
            let total = weights.reduce(0) { $0 + $1.0 }
            let share = total > 0 ? weights.reduce(0) { $0 + $1.0 * $1.1 } / total : 0
            f.properties["aged_60_plus_share"] = .number((share * 1e4).rounded() / 1e4)
            notes.append("\(edit.id): aged_60_plus_share not given, set to the district's \(NumberText.fixed(share * 100, 2))%")
        }
        if f.properties["urban"] == nil {
            f.properties["urban"] = .bool(true)
            notes.append("\(edit.id): urban not given, set to true")
        }
        if f.properties["future_community"] == nil { f.properties["future_community"] = .bool(false) }
        return f
    }

    /// A new street, its ends joined to the network (see ``NetworkJoiner``).
    mutating func street(_ feature: Feature, _ edit: PlanEdit) throws(ScenarioError) -> Feature {
        guard case .lineString(let line)? = feature.geometry, line.coordinates.count >= 2 else {
            throw fail(edit, "a street is a LineString of at least two points")
        }
        var f = feature
        for (key, value) in [("walk", JSONValue.bool(true)), ("drive", .bool(true)), ("oneway", .bool(false))] where f.properties[key] == nil {
            f.properties[key] = value
        }
        guard let roadClass = f.properties["road_class"]?.stringValue, RoadClass(rawValue: roadClass) != nil else {
            throw fail(edit, "a street needs a road_class (\(RoadClass.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if network == nil {
            do { network = try NetworkJoiner(district.features(.network), metricCRS: district.manifest.metricCRS) } catch {
                throw fail(edit, "the network cannot be put in the metric CRS: \(error)")
            }
        }
        let junction = f.properties["junction"]?.boolValue ?? false
        let joined: NetworkJoiner.Joined
        do {
            joined = try network!.join(line.coordinates, id: edit.id, junction: junction, tolerance: options.joinToleranceMetres)
        } catch let error as NetworkJoiner.Failure {
            throw fail(edit, error.detail)
        } catch {
            throw fail(edit, "\(error)")
        }
        f.geometry = .lineString(LineString(joined.coordinates))
        if let length = try? Geodesic.wgs84.length(of: .lineString(LineString(joined.coordinates))) {
            f.properties["length_m"] = .number((length * 10).rounded() / 10)
        }
        if joined.splitEdges > 0 {
            district.layers[.network] = FeatureCollection(features: network!.features)
            notes.append("\(edit.id): joined mid-edge (junction: true), splitting \(joined.splitEdges) existing edge\(joined.splitEdges == 1 ? "" : "s")")
        }
        if joined.freeEnds > 0 { notes.append("\(edit.id): \(joined.freeEnds) end\(joined.freeEnds == 1 ? "" : "s") not joined (a dead end)") }
        network!.add(f)
        return f
    }
}
