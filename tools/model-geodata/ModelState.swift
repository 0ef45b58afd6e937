import QTGeometry
import QTModel

/// What the modelling steps hand each other, in EPSG:4549 metres. Steps run in the order of
/// `ModelPipeline.steps`; each reads what earlier steps left here and writes its own layer.
final class ModelState {
    let frame: ModelFrame
    /// Deterministic random numbers: every step draws from its own generator seeded from this.
    let seed: UInt64 = 20_261_123

    /// River water inside the boundary (RiverModel).
    var water: NativeGeometry?
    /// Land: the boundary minus the river.
    var land: NativeGeometry?
    /// Sub-districts with their cells (SubdistrictModel).
    var subdistricts: [(id: String, name: String, geometry: NativeGeometry)] = []
    /// Industrial platforms and planning areas (IndustrialParkModel).
    var parks: [(id: String, manufacturing: Bool, geometry: NativeGeometry)] = []
    /// Land-use parcels (LandUseModel).
    var parcels: [Parcel] = []
    /// The street network's edges, with class and name (NetworkModel), for the bus stop step.
    var networkEdges: [(roadClass: RoadClass, name: String?, line: [Coordinate])] = []
    /// Each named arterial and secondary road as clipped to its block's land, in parts ordered and pointing
    /// the way the road is drawn (NetworkModel), for the bus stop step.
    var busRoads: [(name: String, roadClass: RoadClass, accuracy: Int, parts: [[Coordinate]])] = []
    /// Residents on residential land (PopulationModel).
    var population: [PopulationCell] = []
    /// Facilities at their main entrances (FacilityModel).
    var facilities: [ModelFacility] = []

    /// Sub-district and land-use features, written by SharedVerticesModel once they share vertices.
    var pendingSubdistricts: [PendingFeature] = []
    var pendingParcels: [PendingFeature] = []

    init(frame: ModelFrame) { self.frame = frame }

    /// The id of the sub-district containing most of `geometry`.
    func subdistrict(of geometry: NativeGeometry) throws -> String {
        let point = try geometry.pointOnSurface()
        for s in subdistricts where try s.geometry.covers(point) { return s.id }
        return subdistricts.first?.id ?? ""
    }
}

/// One land-use parcel.
struct Parcel {
    let id: String
    let landUse: LandUseClass
    let geometry: NativeGeometry
    let subdistrict: String
    /// What rule gave it its class (kept in the layer as `rule`).
    let rule: String
}
