import Foundation
import QTGeometry
import QTModel
import Testing

@Suite struct ValidationAttributeTests {
    @Test func populationTotalMustMatchResidents() throws {
        let report = try Validation.report("broken-population")
        #expect(report.issues.map(\.check) == ["population.total"])
        #expect(
            report.issues.first?.message.hasSuffix(
                "broken-population/population.geojson: population totals 990, but the manifest's residents are 1,000 (-10)") == true)
        let row = Validation.check(report, "population")
        #expect(Validation.figure(row, "population") == 990 && Validation.figure(row, "residents") == 1000)
    }

    @Test func duplicateIdsPerLayer() throws {
        let report = try Validation.report("broken-duplicate-ids")
        #expect(report.issues.map(\.check) == ["ids.duplicate"])
        #expect(report.issues.first?.message.hasSuffix("facilities.geojson: feature 3 'f1': duplicate id 'f1' (also feature 0)") == true)
        // The same id in two different layers is fine (valid-full has "f1" only once, and ids repeat across layers).
    }

    @Test func idsMayRepeatAcrossLayers() throws {
        let district = Validation.district([
            .facilities: [Validation.feature("x", .point(Point(x: 120.305, y: 30.305)), ["type": "park"])],
            .constraints: [Validation.feature("x", .point(Point(x: 120.306, y: 30.306)), ["kind": "hazardous_site", "industry": "c"])]
        ])
        #expect(try DistrictValidator().validate(district).issues.isEmpty)
    }

    @Test func unknownFacilityType() throws {
        let report = try Validation.report("broken-unknown-type")
        #expect(report.issues.map(\.check) == ["vocabulary.unknown"])
        #expect(report.issues.first?.message.contains("feature 3 'f4': unknown facility type 'spaceport' in 'type' (known: childcare, kindergarten,") == true)
    }

    @Test func landUseCodeMustMatchItsClass() throws {
        let district = Validation.district([
            .landuse: [
                Validation.feature("all", Validation.box(120.3, 30.3, 120.31, 30.31), ["class": "residential", "code": "07"])
            ]
        ])
        let report = try DistrictValidator().validate(district)
        #expect(report.issues.map(\.message) == ["/memory/landuse.geojson: feature 0 'all': code '07' does not match class 'residential' (its code is 0701)"])
    }

    @Test func negativePlaces() throws {
        let report = try Validation.report("broken-negative")
        #expect(report.issues.map(\.check) == ["counts.negative"])
        #expect(report.issues.first?.message.hasSuffix("facilities.geojson: feature 0 'f1': places is -5, must not be negative") == true)
    }

    @Test func populationMissingOrFractionalAndShareOutOfRange() throws {
        let district = Validation.district(
            [
                .population: [
                    Validation.feature(
                        "a", Validation.box(120.3, 30.3, 120.305, 30.305),
                        ["aged_60_plus_share": 1.2, "urban": true, "future_community": false]),
                    Validation.feature(
                        "b", Validation.box(120.305, 30.3, 120.31, 30.305),
                        ["population": 999.5, "aged_60_plus_share": 0.2, "urban": true, "future_community": false])
                ]
            ], residents: 0)
        let report = try DistrictValidator().validate(district)
        #expect(report.issues.map(\.check) == ["counts.missing", "counts.range", "counts.type"])
        #expect(report.issues.map(\.featureId) == ["a", "a", "b"])
        #expect(report.issues[2].message.hasSuffix("population is 999.5, must be a whole number"))
    }

    @Test func missingSourceIsAnErrorAndAnOddSourceAWarning() throws {
        let report = try Validation.report("broken-missing-source")
        #expect(report.issues.map(\.check) == ["provenance.source"])
        #expect(report.issues.first?.message.hasSuffix("facilities.geojson: feature 3 'f4': has no 'source'") == true)

        var odd = Validation.feature("f", .point(Point(x: 120.305, y: 30.305)), ["type": "park", "source": "wikipedia"])
        odd.properties["accuracy_m"] = -1
        let second = try DistrictValidator().validate(Validation.district([.facilities: [odd]]))
        #expect(second.issues.map(\.severity) == [.warning, .error])
        #expect(second.issues.map(\.check) == ["provenance.source_form", "provenance.accuracy"])
        #expect(
            second.issues[0].message.hasSuffix(
                "source 'wikipedia' is not seed:<file>, reference:<dataset>, modelled, "
                    + "osm:<node|way|relation>/<id> or poi:, parcels:, census:, raster:<file>"))
    }

    @Test(arguments: [
        ("modelled", true), ("seed:000_abc.txt", true), ("reference:places.csv", true),
        ("reference:", false), ("Modelled", false), ("seed", false)
    ])
    func sourceForms(source: String, wellFormed: Bool) throws {
        let feature = Validation.feature("f", .point(Point(x: 120.305, y: 30.305)), ["type": "park", "source": .string(source)])
        let report = try DistrictValidator().validate(Validation.district([.facilities: [feature]]))
        #expect(Validation.issues(report, "provenance.source_form").isEmpty == wellFormed)
    }

    @Test func requiredFieldsAndTheirTypes() throws {
        let district = Validation.district([
            .network: [
                Validation.feature(
                    "e", .lineString(LineString([Coordinate(x: 120.301, y: 30.301), Coordinate(x: 120.302, y: 30.301)])),
                    ["road_class": "local", "length_m": 96, "walk": "yes", "drive": true, "speed_kmh": 0])
            ]
        ])
        let report = try DistrictValidator().validate(district)
        #expect(report.issues.map(\.check) == ["fields.type", "fields.missing", "counts.zero"])
        #expect(report.issues[0].message.hasSuffix("'walk' must be true or false, found a string"))
        #expect(report.issues[1].message.hasSuffix("has no 'oneway'"))
    }
}

/// The documented `source` forms (geodata/README.md), the OpenStreetMap and planner's-data ones included.
@Suite struct SourceFormTests {
    @Test func documentedFormsAreKnownOthersAreNot() {
        for (source, kind) in [
            ("modelled", "modelled"), ("seed:001.txt", "seed"), ("reference:datav", "reference"),
            ("osm:node/1", "osm"), ("osm:way/684443849", "osm"), ("osm:relation/920", "osm"),
            ("poi:amap.csv", "poi"), ("parcels:plan.shp", "parcels"), ("census:zones.csv", "census"),
            ("raster:worldpop.tif", "raster")
        ] {
            #expect(FeatureSource.kind(source) == kind, "\(source)")
        }
        for source in ["osm:way/", "osm:way/12a", "osm:area/5", "osm:way/1/2", "poi:", "poi:  ", "wikipedia", "reference:", "Modelled"] {
            #expect(FeatureSource.kind(source) == nil, "\(source)")
        }
    }
}
