import Foundation
import QTAnalysis
import QTGeometry
import QTModel
import QTProjection
import Testing

/// The bundled district reproduces the 2020 column of seed 001 table 2, to which its facility capacities
/// were calibrated (tools/model-geodata/population-and-facilities.md, "Capacities, calibrated to 2020"):
/// sports ground 1,665,300 m² = 2.100 m² per resident, childcare 1,427 places = 1.799 per 1,000, physicians
/// 3,093 = 3.900 per 1,000, 3 graded general hospitals, public culture floor area 169,300 m², elderly-care beds
/// at 30 per 1,000 aged 60+ (chosen), for 793,000 residents.
@Suite struct IndicatorBundledTests {
    @Test func valuesEqualThe2020Calibration() throws {
        let report = try IndicatorFixtures.report(IndicatorFixtures.bundled)
        let d = report.district
        #expect(d.residents == 793_000)

        let sports = try d.row(.sportsGroundAreaPerResident)
        #expect(sports.amount == 1_665_300 && abs((sports.value ?? 0) - 2.1) < 0.005)
        // 2.4 × 793,000 − 1,665,300 = 1,903,200 − 1,665,300 = 237,900 m².
        #expect(sports.shortfall == 237_900)

        let childcare = try d.row(.childcarePlacesPer1000)
        #expect(childcare.amount == 1_427 && abs((childcare.value ?? 0) - 1.8) < 0.005)
        // 3.5 × 793 − 1,427 = 2,775.5 − 1,427 = 1,348.5 → 1,349 places.
        #expect(childcare.shortfall == 1_349)

        let physicians = try d.row(.physiciansPer1000)
        #expect(physicians.amount == 3_093 && abs((physicians.value ?? 0) - 3.9) < 0.005)
        // 5.0 × 793 − 3,093 = 3,965 − 3,093 = 872.
        #expect(physicians.shortfall == 872)

        let hospitals = try d.row(.generalHospitals)
        #expect(hospitals.value == 3 && hospitals.shortfall == 1)

        let culture = try d.row(.cultureAreaPer10000)
        // 169,300 / 79.3 = 2,134.9 m² per 10,000; 5,000 × 79.3 − 169,300 = 396,500 − 169,300 = 227,200 m².
        #expect(culture.amount == 169_300 && culture.shortfall == 227_200)

        // Elderly-care beds: chosen at 30 per 1,000 aged 60+ by the model.
        let beds = try d.row(.elderlyCareBedsPer1000Elderly)
        #expect(abs((beds.value ?? 0) - 30) < 0.05)

        // The planned women's and children's hospital and the planned HSR station are listed, not counted.
        #expect(report.notCounted.contains { $0.id == "hospital-women-children-planned" })
        #expect(report.notCounted.contains { $0.id == "rail-station-qiantang" })
        #expect(report.modelled && report.modelledLayers == [.population, .facilities, .transit])
        #expect(report.scopes.count == 8)
    }

    /// Sub-district amounts add up to the district's, and residents to 793,000.
    @Test func subdistrictsAddUp() throws {
        let report = try IndicatorFixtures.report(IndicatorFixtures.bundled)
        let subdistricts = report.scopes.dropFirst()
        #expect(subdistricts.map { $0.residents ?? 0 }.reduce(0, +) == 793_000)
        for id in [
            IndicatorID.sportsGroundAreaPerResident, .cultureAreaPer10000, .childcarePlacesPer1000,
            .physiciansPer1000, .elderlyCareBedsPer1000Elderly
        ] {
            let total = try subdistricts.map { try $0.row(id).amount ?? 0 }.reduce(0, +)
            #expect(abs(total - (try report.district.row(id).amount ?? -1)) < 1e-6, "\(id)")
        }
    }

    /// Elderly beds and the transit shares recomputed independently: residents aged 60+ by summing the
    /// features; every counted station against every counted bus stop, geodesically (brute force).
    @Test func elderlyAndTransitByBruteForce() throws {
        let district = try DistrictLoader().load(directory: IndicatorFixtures.bundled).district
        let report = try IndicatorCalculator(targets: try IndicatorTargets.load(path: IndicatorFixtures.targetsPath))
            .report(for: district)

        var elderly = 0.0
        for f in district.features(.population) {
            elderly += (f.properties["population"]?.doubleValue ?? 0) * (f.properties["aged_60_plus_share"]?.doubleValue ?? 0)
        }
        var beds = 0.0
        for f in district.features(.facilities)
        where ["elderly_care_home", "elderly_daycare"].contains(f.properties["type"]?.stringValue ?? "")
            && (f.properties["status"]?.stringValue ?? "operating") == "operating"
        {
            beds += f.properties["beds"]?.doubleValue ?? 0
        }
        let bedRow = try report.district.row(.elderlyCareBedsPer1000Elderly)
        #expect(abs((report.district.elderly ?? 0) - elderly) < 1e-6)
        #expect(bedRow.amount == beds)
        #expect(bedRow.shortfall == Int((40 * elderly / 1_000 - beds).rounded(.up)))

        func point(_ f: Feature) -> Coordinate? {
            if case .point(let p)? = f.geometry { return p.coordinate }
            return nil
        }
        let operating = district.features(.transit).filter { ($0.properties["status"]?.stringValue ?? "operating") == "operating" }
        let stations = operating.filter { ["metro_station", "rail_station"].contains($0.properties["kind"]?.stringValue ?? "") }
        let stops = operating.filter { $0.properties["kind"]?.stringValue == "bus_stop" }.compactMap(point)
        #expect(stations.count == 20 && stops.count > 600)
        var within50 = 0, within150 = 0
        for (i, station) in stations.enumerated() {
            let at = try #require(point(station))
            let nearest = stops.map { Geodesic.wgs84.distance(from: at, to: $0) }.min() ?? .infinity
            if nearest <= 50 { within50 += 1 }
            if nearest <= 150 { within150 += 1 }
            #expect(report.stations[i].id == station.properties["id"]?.stringValue)
            #expect(abs((report.stations[i].distanceM ?? -1) - nearest) < 0.01, "\(station.properties["id"] ?? nil)")
        }
        let row50 = try report.district.row(.railStationsBusWithin50m)
        let row150 = try report.district.row(.railStationsBusWithin150m)
        #expect(row50.amount == Double(within50) && row50.base == 20)
        #expect(row150.amount == Double(within150) && abs((row150.value ?? 0) - Double(within150) * 5) < 1e-9)
        #expect(row150.shortfall == 20 - within150)
    }
}
