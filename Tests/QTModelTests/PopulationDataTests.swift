import Foundation
import QTGeometry
import QTModel
import QTProjection
import Testing

/// The bundled district, loaded once for the data tests (the layers are large).
enum BundledDistrict {
    static let loaded: Result<District, any Error> = Result { try DistrictLoader().load(directory: Fixtures.bundled).district }
    static func get() throws -> District { try loaded.get() }

    /// A layer's features with their geometry in EPSG:4549 metres, made in `context`.
    static func metric(_ features: [Feature], _ context: GeometryContext, _ toMetric: Transformer) throws -> [(Feature, NativeGeometry)] {
        try features.compactMap { feature in
            guard let geometry = feature.geometry else { return nil }
            return (feature, try context.make(try toMetric.transform(geometry)))
        }
    }
}

/// The modelled `population` layer (tools/model-geodata/PopulationModel.swift) against its stated rules.
@Suite struct PopulationDataTests {
    /// Published sub-district residents (reference/places.csv, as used by the model; 白杨 without students).
    static let targets = ["xiasha": 220_000, "baiyang": 220_000, "hezhuang": 103_000, "qianjin": 50_000]

    @Test func populationAddsUpToTheManifestExactly() throws {
        let district = try BundledDistrict.get()
        let features = district.features(.population)
        #expect(!features.isEmpty)
        var total = 0
        for feature in features {
            let people = feature.properties["population"]?.intValue
            #expect(people != nil && people! >= 0, "population of \(feature.id.debugDescription) is not a whole number ≥ 0")
            total += people ?? 0
        }
        #expect(total == district.manifest.residents)
        #expect(total == 793_000)
    }

    @Test func namedSubdistrictsMeetTheirPublishedFigures() throws {
        let district = try BundledDistrict.get()
        var bySubdistrict: [String: Int] = [:]
        for feature in district.features(.population) {
            let id = try #require(feature.properties["subdistrict"]?.stringValue)
            bySubdistrict[id, default: 0] += feature.properties["population"]?.intValue ?? 0
        }
        let known = Set(district.features(.subdistricts).compactMap { $0.properties["id"]?.stringValue })
        #expect(Set(bySubdistrict.keys).isSubset(of: known))
        for (id, target) in Self.targets {
            let modelled = Double(bySubdistrict[id] ?? 0)
            #expect(abs(modelled - Double(target)) / Double(target) <= 0.02, "\(id): \(modelled) against \(target)")
        }
    }

    @Test func agedSharesAreSharesAndTheDistrictIsYoung() throws {
        let district = try BundledDistrict.get()
        var aged = 0.0, total = 0.0
        for feature in district.features(.population) {
            let share = try #require(feature.properties["aged_60_plus_share"]?.doubleValue)
            #expect(share >= 0 && share <= 1)
            #expect(feature.properties["urban"]?.boolValue != nil)
            #expect(feature.properties["future_community"]?.boolValue != nil)
            let people = Double(feature.properties["population"]?.intValue ?? 0)
            aged += share * people
            total += people
        }
        // Mean age 32.5 (2023): the district must come out well under Hangzhou's 18.4% aged 60+ (2022).
        #expect(aged / total < 0.184)
    }

    @Test func futureCommunitiesSayWhereTheyComeFrom() throws {
        let district = try BundledDistrict.get()
        let pilots = district.features(.population).filter { $0.properties["future_community"]?.boolValue == true }
        #expect(!pilots.isEmpty)
        for feature in pilots {
            #expect(feature.properties["urban"]?.boolValue == true)
            #expect(feature.properties["future_community_basis"]?.stringValue?.isEmpty == false)
        }
    }

    /// Every population feature lies on residential land: in EPSG:4549, the part of it outside the union of
    /// the `residential` and `rural_residential` parcels is under 1 m²; `urban` says which of the two.
    @Test func populationLiesOnResidentialParcels() throws {
        let district = try BundledDistrict.get()
        let context = try GeometryContext()
        let toMetric = try Transformer(from: .wgs84, to: .cgcs2000GK120)
        let residential = try BundledDistrict.metric(
            district.features(.landuse).filter {
                ["residential", "rural_residential"].contains($0.properties["class"]?.stringValue ?? "")
            }, context, toMetric)
        let tree = try STRtree(context: context, geometries: residential.map(\.1))
        for (feature, geometry) in try BundledDistrict.metric(district.features(.population), context, toMetric) {
            let candidates = try tree.query(geometry).map { residential[$0].1 }
            try #require(!candidates.isEmpty, "\(feature.id.debugDescription) meets no residential parcel")
            let outside = try geometry.difference(try context.union(of: candidates)).area()
            #expect(outside < 1, "\(feature.id.debugDescription): \(outside) m² off residential land")
            let inside = try geometry.pointOnSurface()
            let classes = try tree.query(inside).filter { try residential[$0].1.covers(inside) }
                .compactMap { residential[$0].0.properties["class"]?.stringValue }
            let urban = feature.properties["urban"]?.boolValue
            #expect(classes.contains(urban == true ? "residential" : "rural_residential"))
            if urban == false, let box = try geometry.envelope() {
                // Rural homestead land is split into pieces of at most 250 m.
                #expect(max(box.maxX - box.minX, box.maxY - box.minY) <= 250.5)
            }
        }
    }
}
