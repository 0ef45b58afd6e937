import Foundation
import QTGeometry
import QTModel
import QTProjection
import Testing

/// The `facilities` layer (tools/model-geodata/FacilityModel.swift) against its stated rules, and the
/// calibration to the 2020 column of seed 001's table 2 recomputed from the features themselves.
@Suite struct FacilityDataTests {
    /// Types that must never stand on industrial land.
    static let keptOffIndustrial: Set<String> = [
        "childcare", "kindergarten", "primary_school", "middle_school",
        "elderly_daycare", "elderly_care_home"
    ]

    /// The numeric attributes each type must carry (all ≥ 0), and its string attributes.
    static let numbers: [String: [String]] = [
        "childcare": ["places"], "kindergarten": ["places"], "primary_school": ["places"], "middle_school": ["places"],
        "hospital": ["beds", "physicians"], "community_health_centre": ["physicians"], "elderly_care_home": ["beds"],
        "sports_ground": ["area_m2"], "culture_facility": ["area_m2"], "fire_station": ["staff"]
    ]
    static let strings: [String: [String]] = ["hospital": ["grade"], "sports_ground": ["size_class"], "park": ["size_class"]]

    func operating(_ f: Feature) -> Bool { f.properties["status"]?.stringValue == "operating" }
    func type(_ f: Feature) -> String { f.properties["type"]?.stringValue ?? "" }

    @Test func enoughFacilitiesOfEveryType() throws {
        let features = try BundledDistrict.get().features(.facilities)
        #expect(features.count >= 250)
        let types = Set(features.map(type))
        #expect(types == Set(FacilityType.allCases.map(\.rawValue)))
        #expect(features.filter { type($0) == "university" }.count == 14)
        for f in features where type(f) == "university" {
            #expect(f.properties["source"]?.stringValue == "reference:qiantang_universities_baidu")
        }
        #expect(Set(features.compactMap { $0.properties["id"]?.stringValue }).count == features.count)
    }

    @Test func requiredAttributesArePresentAndNonNegative() throws {
        let features = try BundledDistrict.get().features(.facilities)
        let sizeClasses: Set<String> = ["small", "medium", "large"]
        for f in features {
            let id = f.properties["id"]?.stringValue ?? "?"
            #expect(f.properties["name"]?.stringValue?.isEmpty == false, "\(id): name")
            #expect(f.properties["subdistrict"]?.stringValue?.isEmpty == false, "\(id): subdistrict")
            #expect(f.properties["status"]?.stringValue != nil, "\(id): status")
            #expect((f.properties["accuracy_m"]?.doubleValue ?? -1) >= 0, "\(id): accuracy_m")
            let source = f.properties["source"]?.stringValue ?? ""
            #expect(source == "modelled" || source.hasPrefix("seed:") || source.hasPrefix("reference:"), "\(id): source \(source)")
            // FacilityTiers: 社区卫生服务站 and 老年养护院 carry no physicians or beds (the 2020 totals stay with the centres
            // and the 养老院), and say so by having none.
            let tier = ["station", "nursing_home"].contains(f.properties["level"]?.stringValue ?? "")
            if tier { #expect(f.properties["physicians"] == nil && f.properties["beds"] == nil, "\(id): tier capacity") }
            for key in Self.numbers[type(f)] ?? [] where !(tier && ["physicians", "beds"].contains(key)) {
                let value = f.properties[key]?.doubleValue
                #expect(value != nil && value! >= 0, "\(id): \(key)")
            }
            for key in Self.strings[type(f)] ?? [] {
                #expect(f.properties[key]?.stringValue?.isEmpty == false, "\(id): \(key)")
            }
            if let size = f.properties["size_class"]?.stringValue { #expect(sizeClasses.contains(size), "\(id): \(size)") }
            if case .point? = f.geometry {} else { Issue.record("\(id) is not a point") }
        }
    }

    /// FacilityTiers' rules: per sub-district, ⌊residents ÷ 75,000⌉ (at least 1) 老年养护院 and enough 社区卫生服务站 that
    /// centres and stations together make ⌊residents ÷ 10,000⌉ (at least 1, never fewer than the centres); every
    /// kindergarten has an ownership of the vocabulary; the earlier centres and 养老院 say their level.
    @Test func tiersFollowTheirProvisionRules() throws {
        let district = try BundledDistrict.get()
        let features = district.features(.facilities)
        var residents: [String: Double] = [:]
        for p in district.features(.population) {
            residents[p.properties["subdistrict"]?.stringValue ?? "", default: 0] += p.properties["population"]?.doubleValue ?? 0
        }
        func count(_ type: String, _ level: String, _ sub: String) -> Int {
            features.filter {
                self.type($0) == type && $0.properties["level"]?.stringValue == level
                    && $0.properties["subdistrict"]?.stringValue == sub && operating($0)
            }.count
        }
        #expect(residents.count == 7)
        for (sub, people) in residents {
            #expect(count("elderly_care_home", "nursing_home", sub) == max(1, Int((people / 75_000).rounded())), "\(sub)")
            let centres = count("community_health_centre", "centre", sub)
            let stations = count("community_health_centre", "station", sub)
            #expect(centres + stations == max(max(1, Int((people / 10_000).rounded())), centres), "\(sub): \(centres) + \(stations)")
        }
        for f in features where type(f) == "community_health_centre" || type(f) == "elderly_care_home" {
            #expect(f.properties["level"]?.stringValue != nil, "\(f.properties["id"] ?? nil): level")
        }
        for f in features where type(f) == "kindergarten" {
            #expect(["public", "private_inclusive", "private"].contains(f.properties["ownership"]?.stringValue ?? ""))
        }
    }

    /// Inside the boundary and its own sub-district, never on water, and schools, kindergartens, childcare
    /// and elderly care never on industrial land.
    @Test func facilitiesStandOnPermittedLand() throws {
        let district = try BundledDistrict.get()
        let context = try GeometryContext()
        let toMetric = try Transformer(from: .wgs84, to: .cgcs2000GK120)
        let boundary = try PreparedGeometry(try context.make(try toMetric.transform(district.boundary)))
        let parcels = try BundledDistrict.metric(district.features(.landuse), context, toMetric)
        let tree = try STRtree(context: context, geometries: parcels.map(\.1))
        var subdistricts: [String: NativeGeometry] = [:]
        for (feature, geometry) in try BundledDistrict.metric(district.features(.subdistricts), context, toMetric) {
            if let id = feature.properties["id"]?.stringValue { subdistricts[id] = geometry }
        }
        for (f, point) in try BundledDistrict.metric(district.features(.facilities), context, toMetric) {
            let id = f.properties["id"]?.stringValue ?? "?"
            #expect(try boundary.covers(point), "\(id) outside the boundary")
            let classes = try tree.query(point).filter { try parcels[$0].1.covers(point) }
                .compactMap { parcels[$0].0.properties["class"]?.stringValue }
            #expect(!classes.isEmpty, "\(id) on no parcel")
            #expect(!classes.contains("water"), "\(id) on water")
            if Self.keptOffIndustrial.contains(type(f)) { #expect(!classes.contains("industrial"), "\(id) on industrial land") }
            let sub = try #require(subdistricts[f.properties["subdistrict"]?.stringValue ?? ""], "\(id): unknown subdistrict")
            #expect(try sub.covers(point), "\(id) is not in its sub-district")
        }
    }

    @Test func oneFireStationPerSubdistrict() throws {
        let district = try BundledDistrict.get()
        let stations = district.features(.facilities).filter { type($0) == "fire_station" }
        let subdistricts = district.features(.subdistricts).compactMap { $0.properties["id"]?.stringValue }
        #expect(subdistricts.count == 7)
        #expect(stations.count == subdistricts.count)
        for id in subdistricts {
            #expect(stations.filter { $0.properties["subdistrict"]?.stringValue == id }.count == 1, "\(id)")
        }
        for s in stations { #expect((s.properties["staff"]?.doubleValue ?? 0) >= 20) }
    }

    /// The 2020 baselines of seed 001 table 2, recomputed from the features (independent of the generator's
    /// printout): sports ground area 2.1 m² per resident, childcare places 1.8 and licensed physicians 3.9
    /// per 1,000, 3 graded general hospitals.
    @Test func calibrationReproducesThe2020Baseline() throws {
        let district = try BundledDistrict.get()
        let features = district.features(.facilities).filter(operating)
        let residents = Double(district.manifest.residents)
        func total(_ types: Set<String>, _ key: String) -> Double {
            features.filter { types.contains(type($0)) }.reduce(0) { $0 + ($1.properties[key]?.doubleValue ?? 0) }
        }
        let sports = total(["sports_ground"], "area_m2") / residents
        let childcare = total(["childcare"], "places") / residents * 1000
        let physicians = total(["hospital", "community_health_centre"], "physicians") / residents * 1000
        #expect(abs(sports - 2.1) <= 0.05, "sports ground area \(sports) m² per resident")
        #expect(abs(childcare - 1.8) <= 0.05, "childcare places \(childcare) per 1,000")
        #expect(abs(physicians - 3.9) <= 0.05, "physicians \(physicians) per 1,000")
        let general = features.filter {
            type($0) == "hospital" && $0.properties["general"]?.boolValue == true && $0.properties["graded"]?.boolValue == true
        }
        #expect(general.count == 3)
        // Elderly-care beds: below the 2025 target of 40 per 1,000 aged 60+.
        var aged = 0.0
        for p in district.features(.population) {
            aged += Double(p.properties["population"]?.intValue ?? 0) * (p.properties["aged_60_plus_share"]?.doubleValue ?? 0)
        }
        let beds = total(["elderly_care_home"], "beds") / aged * 1000
        #expect(beds > 0 && beds < 40, "elderly-care beds \(beds) per 1,000 aged 60+")
    }
}
