import Foundation
import QTBuild
import QTModel
import Testing

@Suite struct TableTests {
    @Test func maxspeedReadings() throws {
        let rules = try BuildFixture.tables().network
        func read(_ text: String?) -> MaxSpeedReading { MaxSpeedReading.read(text, rules: rules) }
        #expect(read(nil) == .absent)
        #expect(read("50") == .kmh(50))
        #expect(read("50 km/h") == .kmh(50))
        #expect(read("30 mph") == .kmh(30 * 1.609344))
        #expect(read("CN:urban") == .kmh(50))
        #expect(read("cn:rural") == .kmh(70))
        #expect(read("DE:rural") == .kmh(100))
        #expect(read("FI:urban") == .kmh(50)) // not listed: the zone default for urban
        #expect(read("none") == .kmh(140))
        #expect(read("50;30") == .kmh(30))
        #expect(read("5000") == .absurd(5000))
        #expect(read("0") == .absurd(0))
        #expect(read("signals") == .notUnderstood)
        #expect(read("walk") == .notUnderstood)
    }

    @Test func accessHierarchy() throws {
        let rules = try BuildFixture.tables().network
        func role(_ tags: [String: String]) -> WayNetworkRole { WayPermissions.role(of: tags, rules: rules) }
        // A shared path (cycleway with foot=designated) is walked; access=no with foot=yes is walked, not driven.
        guard case .network(let shared) = role(["highway": "cycleway", "foot": "designated"]) else { Issue.record("shared"); return }
        #expect(shared.walk == .both && shared.drive == .none)
        guard case .network(let footOnly) = role(["highway": "residential", "access": "no", "foot": "yes"]) else { Issue.record("foot"); return }
        #expect(footOnly.walk == .both && footOnly.drive == .none)
        // The general access=yes does not open a motorway to walkers.
        guard case .network(let motorway) = role(["highway": "motorway", "access": "yes"]) else { Issue.record("motorway"); return }
        #expect(motorway.walk == .none && motorway.drive == .forward)
        // A parking aisle is walked, not driven; sidewalk=separate is not walked (the sidewalk is its own way).
        guard case .network(let aisle) = role(["highway": "service", "service": "parking_aisle"]) else { Issue.record("aisle"); return }
        #expect(aisle.walk == .both && aisle.drive == .none)
        guard case .network(let separate) = role(["highway": "primary", "sidewalk": "separate"]) else { Issue.record("separate"); return }
        #expect(separate.walk == .none && separate.drive == .both)
        #expect(role(["highway": "primary", "construction": "yes"]) == .excluded("construction=yes"))
        guard case .network = role(["highway": "primary", "construction": "minor"]) else { Issue.record("minor"); return }
        #expect(role(["highway": "bogus"]) == .unmapped("highway=bogus"))
        #expect(role(["building": "yes"]) == .notAStreet)
        guard case .network(let oneway) = role(["highway": "primary", "oneway": "yes;no"]) else { Issue.record("odd"); return }
        #expect(oneway.drive == .both && oneway.onewayNotUnderstood == "yes;no")
    }

    @Test func schoolLevels() throws {
        let school = try BuildFixture.tables().facilities.school
        #expect(school.types(["isced:level": "1"])?.types == [.primarySchool])
        #expect(school.types(["isced:level": "1;2"])?.types == [.primarySchool, .middleSchool])
        #expect(school.types(["name": "杭州市九年一贯制学校"])?.types == [.primarySchool, .middleSchool])
        #expect(school.types(["name": "下沙高级中学"])?.types == [])
        #expect(school.types(["name": "下沙中学"])?.types == [.middleSchool])
        #expect(school.types(["name": "Kalevan peruskoulu"])?.types == [.primarySchool, .middleSchool])
        #expect(school.types(["name": "学校"]) == nil)
    }

    /// A class the vocabulary lacks is refused with the file and field named.
    @Test func aTypoInATableIsNamed() throws {
        let text = try String(contentsOfFile: BuildFixture.standards + "/osm-landuse.json", encoding: .utf8)
            .replacingOccurrences(of: "\"retail\": \"commercial\"", with: "\"retail\": \"comercial\"")
        #expect(
            throws: TableError.invalid(
                path: "x.json", field: "keys[0].values.retail",
                detail: "unknown land-use class 'comercial' (known: " + LandUseClass.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        ) {
            try OSMLandUseRules.parse(data: Data(text.utf8), path: "x.json")
        }
        let network = try String(contentsOfFile: BuildFixture.standards + "/osm-network.json", encoding: .utf8)
            .replacingOccurrences(of: "\"road_class\": \"arterial\"", with: "\"road_class\": \"artery\"")
        #expect(throws: TableError.self) { try OSMNetworkRules.parse(data: Data(network.utf8), path: "n.json") }
    }

    @Test func metricCRSDefaults() {
        #expect(MetricCRSChoice.choose(centroid: .init(x: 120.35, y: 30.30)).crs == "EPSG:4549") // Qiantang, as bundled
        #expect(MetricCRSChoice.choose(centroid: .init(x: 126.6, y: 45.75)).crs == "EPSG:4551") // Harbin, CM 126°E
        #expect(MetricCRSChoice.choose(centroid: .init(x: 75.99, y: 39.47)).crs == "EPSG:4534") // Kashgar, CM 75°E
        #expect(MetricCRSChoice.choose(centroid: .init(x: 24.94, y: 60.17)).crs == "EPSG:32635") // Helsinki, UTM 35N
        #expect(MetricCRSChoice.choose(centroid: .init(x: 151.2, y: -33.87)).crs == "EPSG:32756") // Sydney, UTM 56S
    }
}
