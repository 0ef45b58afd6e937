import Foundation
import QTFormats
import QTGeometry
import QTModel
import QTOSM
import QTProjection
import QTText

/// Builds a district from a ``DistrictBuildRequest``: reads the inputs, makes every layer, the manifest with its
/// `build` record and the summary. Writes nothing (``DistrictWriter`` does).
public enum DistrictBuilder {
    /// The attribution every folder built from OpenStreetMap carries (ODbL §4.3).
    public static let attribution =
        "Contains data © OpenStreetMap contributors, available under the Open Database "
        + "License (ODbL) 1.0: https://www.openstreetmap.org/copyright"

    /// Runs the build.
    /// - Throws: ``BuildError`` (the input and what is wrong), ``TableError``, and GEOS or PROJ errors.
    public static func build(_ request: DistrictBuildRequest) throws -> DistrictBuildResult {
        let options = request.options
        try check(options)
        let osmInputs = request.inputs.filter { $0.role == .osm }
        guard osmInputs.count <= 1 else { throw BuildError.invalidRequest("give one --osm extract, not \(osmInputs.count)") }
        let censusInputs = request.inputs.filter { $0.role == .census }
        let rasterInputs = request.inputs.filter { $0.role == .raster }
        if censusInputs.count > 1 { throw BuildError.invalidRequest("give one --census table, not \(censusInputs.count)") }
        if rasterInputs.count > 1 { throw BuildError.invalidRequest("give one --population raster, not \(rasterInputs.count)") }
        if !censusInputs.isEmpty && !rasterInputs.isEmpty {
            throw BuildError.invalidRequest("--population and --census: give one source of residents")
        }
        if !rasterInputs.isEmpty, let r = options.residents {
            throw BuildError.invalidRequest("--residents \(r) and --population: the raster gives the residents; give one of them")
        }
        if !censusInputs.isEmpty, let r = options.residents {
            throw BuildError.invalidRequest("--residents \(r) and --census: the census table gives the residents; give one of them")
        }
        for input in request.inputs where input.role == .parcels && request.landUseCodes[input.path] == nil {
            throw BuildError.invalidRequest("\(input.path): no land-use code table given (--landuse-codes gb50137|land-sea-2023|MAPPING.json)")
        }
        for input in request.inputs where input.role == .pois && request.poiSchemas[input.path] == nil {
            throw BuildError.invalidRequest("\(input.path): no POI schema given (--poi-schema amap|baidu|osm|MAPPING.json)")
        }
        let osmPath = osmInputs.first?.path
        let context = try GeometryContext()
        var warnings: [BuildWarning] = []

        var clock = Date()
        func mark(_ what: String) {
            if ProcessInfo.processInfo.environment["QTPLAN_BUILD_TIMES"] != nil {
                FileHandle.standardError.write(Data(String(format: "time %@ %.2f s\n", what, Date().timeIntervalSince(clock)).utf8))
            }
            clock = Date()
        }
        let osm: OSMData?
        if let osmPath {
            do {
                osm = try OSMReader(keys: request.tables.keys).read(path: osmPath)
            } catch {
                switch error {
                case .missingFile(let path): throw BuildError.missingInput(path: path, what: "OSM file")
                case .unsupportedName: throw BuildError.invalidRequest(error.description)
                case .unreadable(let path, let detail): throw BuildError.invalidInput(path: path, detail: detail)
                case .invalidData(let path, let detail): throw BuildError.invalidInput(path: path, detail: detail)
                }
            }
        } else {
            osm = nil
        }
        mark("read")
        let boundary = try BoundaryResolver.resolve(request.boundary, osm: osm, osmPath: osmPath, context: context)
        warnings += boundary.warnings
        if let osm, let osmPath { try checkOverlap(osm, osmPath: osmPath, boundary: boundary) }

        // The metric CRS: given, or the zone of the boundary's centroid.
        let centroidValue = try context.make(boundary.geometry).centroid().value()
        var centroid = Coordinate(x: 0, y: 0)
        if case .point(let p) = centroidValue, let c = p.coordinate { centroid = c }
        let (metricName, metricBasis): (String, String)
        if let given = options.metricCRS {
            (metricName, metricBasis) = (given, "given: --metric-crs \(given)")
        } else {
            (metricName, metricBasis) = MetricCRSChoice.choose(centroid: centroid)
        }
        let metricCRS: CRS
        do {
            metricCRS = try CRS(parsing: metricName)
            if try Transformer(from: .wgs84, to: metricCRS).targetIsAngular {
                throw BuildError.invalidRequest("--metric-crs \(metricName) is in degrees; give a projected CRS in metres")
            }
        } catch let error as BuildError {
            throw error
        } catch {
            throw BuildError.invalidRequest("--metric-crs \(metricName): not a CRS PROJ knows (\(error))")
        }
        let zone = try Zone(boundary: boundary.geometry, metricCRS: metricCRS, margin: options.marginMetres, context: context)
        let boundaryM2 = try Geodesic.wgs84.area(of: boundary.geometry)

        var layers: [LayerName: FeatureCollection] = [:]
        var boundaryProperties: PropertyMap = [
            "id": "boundary", "source": .string(boundary.source),
            "accuracy_m": .number(boundary.source.hasPrefix("osm:") ? options.osmAccuracyMetres : 0)
        ]
        let name = options.name ?? boundary.name ?? request.folderName
        let nameEn = options.nameEn ?? boundary.nameEn ?? name
        boundaryProperties["name"] = .string(name)
        boundaryProperties["name_en"] = .string(nameEn)
        layers[.boundary] = FeatureCollection(features: [Feature(id: "boundary", geometry: boundary.geometry, properties: boundaryProperties)])

        var unmapped: [String: Int] = [:]
        var excluded: [String: Int] = [:]
        var walk = NetworkFigures(edges: 0, lengthMetres: 0, components: 0, largestShare: 1)
        var drive = walk
        var landUseCovered = 0.0
        var residents = options.residents ?? 0
        var residentsSource = options.residents.map { "--residents \($0)" } ?? "no --residents and no residential buildings: 0"
        let aged60 = options.aged60Share ?? DistrictBuildOptions.defaultAged60Share
        if let osm, let osmPath {
            let accuracy = options.osmAccuracyMetres
            let tables = request.tables
            // The network, on the other core (its own GEOS context and transformers), while the areas, facilities,
            // transit, land use and population are made here.
            let networkRules = tables.network, boundaryGeometry = boundary.geometry, margin = options.marginMetres
            let networkStep: @Sendable () throws -> NetworkStep = {
                let started = Date()
                let (edges, findings) = try NetworkBuilder(rules: networkRules).build(osm)
                let split = Date()
                let zone = try Zone(boundary: boundaryGeometry, metricCRS: metricCRS, margin: margin, context: try GeometryContext())
                let network = try NetworkLayer(edges: edges, accuracy: accuracy).features(zone: zone)
                if ProcessInfo.processInfo.environment["QTPLAN_BUILD_TIMES"] != nil {
                    FileHandle.standardError.write(
                        Data(
                            String(
                                format: "time split %.2f s, network features %.2f s (alongside)\n",
                                split.timeIntervalSince(started), Date().timeIntervalSince(split)
                            ).utf8))
                }
                return NetworkStep(
                    features: network.features, walk: network.walk, drive: network.drive,
                    zeroLength: network.zeroLength, findings: findings)
            }
            var areaWarningList: [BuildWarning] = []
            let (network, _) = try Concurrently.run(networkStep) { () throws -> Void in
                // Areas of every kind, once.
                let facilityRules = tables.facilities
                // The transit patterns, joined once (not for every tagged element).
                let transitPatterns =
                    facilityRules.transit.busStop + facilityRules.transit.metroStation + facilityRules.transit.railStation
                let wanted: ([String: String]) -> Bool = { tags in
                    tables.landUse.landUse(tags) != nil || tags[tables.landUse.residential.key] != nil
                        || facilityRules.match(tags) != nil || facilityRules.countedKeys.contains { tags[$0] != nil }
                        || tags["landuse"] != nil || tags["natural"] != nil
                        || transitPatterns.contains { $0.matches(tags) }
                }
                var areaFindings = AreaFindings()
                let assembler = AreaAssembler(data: osm, context: context)
                let areas = try assembler.areas(wanted, findings: &areaFindings)
                mark("areas")
                let finder = PlaceFinder(
                    data: osm, context: context, entranceKey: facilityRules.entranceKey,
                    preferred: facilityRules.entrancePreferred, wayIndex: assembler.wayIndex)
                let isTransit: ([String: String]) -> Bool = { tags in
                    transitPatterns.contains { $0.matches(tags) } || facilityRules.transit.countedKeys.contains { tags[$0] != nil }
                }
                // Facilities and parks.
                let facilityAreas = areas.filter { tags in facilityRules.match(tags.tags) != nil || facilityRules.countedKeys.contains { tags.tags[$0] != nil }
                }
                let facilityNodes = osm.taggedNodes.filter { n in facilityRules.match(n.tags) != nil || facilityRules.countedKeys.contains { n.tags[$0] != nil }
                }
                let facilities = try FacilityLayer(rules: facilityRules, accuracy: accuracy)
                    .build(nodes: facilityNodes, areas: facilityAreas.filter { !isTransit($0.tags) }, finder: finder, zone: zone)
                if !facilities.facilities.isEmpty { layers[.facilities] = FeatureCollection(features: facilities.facilities) }
                if !facilities.parks.isEmpty { layers[.parks] = FeatureCollection(features: facilities.parks) }
                for (tag, n) in facilities.unmapped { unmapped[tag, default: 0] += n }
                mark("facilities")
                // Transit.
                let transit = try TransitLayer(rules: facilityRules.transit, accuracy: accuracy)
                    .build(
                        nodes: osm.taggedNodes.filter { isTransit($0.tags) }, areas: areas.filter { isTransit($0.tags) },
                        relations: osm.relations, data: osm, finder: finder, zone: zone)
                if !transit.features.isEmpty { layers[.transit] = FeatureCollection(features: transit.features) }
                for (tag, n) in transit.unmapped { unmapped[tag, default: 0] += n }
                mark("transit")
                // Land use.
                let landUse = try LandUseLayer(rules: tables.landUse, accuracy: accuracy)
                    .build(areas: areas.filter { $0.tags[tables.landUse.residential.key] == nil }, zone: zone)
                if !landUse.features.isEmpty { layers[.landuse] = FeatureCollection(features: landUse.features) }
                for (tag, n) in landUse.unmapped { unmapped[tag, default: 0] += n }
                landUseCovered = landUse.coveredM2
                mark("landuse")
                // Population.
                let populationRules = PopulationLayer(rules: tables.landUse.residential, accuracy: accuracy)
                let buildings = try populationRules.buildings(areas, residential: landUse.residential, zone: zone)
                if buildings.isEmpty {
                    if let given = options.residents, given > 0 {
                        throw BuildError.invalidInput(
                            path: osmPath,
                            detail: "no residential building inside the boundary to spread "
                                + "\(NumberText.grouped(given)) residents over (buildings: \(tables.landUse.residential.key)="
                                + tables.landUse.residential.values.sorted().joined(separator: "|") + ", or "
                                + tables.landUse.residential.insideResidentialValues.sorted().joined(separator: "|")
                                + " inside landuse=residential)")
                    }
                } else {
                    let population = populationRules.build(buildings, residents: options.residents, aged60: aged60)
                    residents = population.residents
                    residentsSource = population.residentsSource
                    if !population.features.isEmpty && population.residents > 0 {
                        layers[.population] = FeatureCollection(features: population.features)
                    }
                }
                mark("population")
                areaWarningList = areaWarnings(areaFindings, osmPath: osmPath)
                if facilities.duplicates > 0 || transit.mergedStops > 0 {
                    excluded["facilities: a node inside an area facility of its type (the area kept)"] = facilities.duplicates > 0 ? facilities.duplicates : nil
                    excluded["transit: a bus stop within the merge distance of a namesake (merged)"] = transit.mergedStops > 0 ? transit.mergedStops : nil
                }
            }
            mark("network (waited for)")
            if !network.features.isEmpty { layers[.network] = FeatureCollection(features: network.features) }
            (walk, drive) = (network.walk, network.drive)
            for (tag, n) in network.findings.unmapped { unmapped["network: \(tag)", default: 0] += n }
            for (why, n) in network.findings.excluded { excluded["network: \(why)", default: 0] += n }
            warnings += networkWarnings(network.findings, zeroLength: network.zeroLength, osmPath: osmPath, tables: tables)
            warnings += areaWarningList
        }

        // The planner's POI exports, merged into the facilities.
        var poiDefaults: [String: String] = [:]
        var plannerLines: [String] = []
        for input in request.inputs where input.role == .pois {
            let outcome = try PlannerPOIs.merge(
                input, schema: request.poiSchemas[input.path]!, tables: request.tables,
                accuracy: options.poiAccuracyMetres, layers: &layers, zone: zone)
            for (k, n) in outcome.unmapped { unmapped[k, default: 0] += n }
            for (k, n) in outcome.excluded { excluded[k, default: 0] += n }
            warnings += outcome.warnings
            poiDefaults.merge(outcome.defaults) { a, _ in a }
            if let line = outcome.line { plannerLines.append(line) }
        }

        // The regulatory plan's parcels: the land-use layer (OpenStreetMap's land use replaced, not overlaid).
        let parcelInputs = request.inputs.filter { $0.role == .parcels }
        if !parcelInputs.isEmpty {
            if let osmLandUse = layers[.landuse]?.features.count, osmLandUse > 0 {
                excluded["landuse: OpenStreetMap land use replaced by the plan's parcels (--parcels)"] = osmLandUse
            }
            var parcels: [Feature] = []
            landUseCovered = 0
            for input in parcelInputs {
                let outcome = try PlannerParcels.build(
                    input, table: request.landUseCodes[input.path]!, zone: zone,
                    accuracy: options.parcelAccuracyMetres)
                parcels += outcome.features
                for (k, n) in outcome.excluded { excluded[k, default: 0] += n }
                for (k, n) in outcome.unmapped { unmapped[k, default: 0] += n }
                warnings += outcome.warnings
                landUseCovered += outcome.coveredM2
                if let line = outcome.line { plannerLines.append(line) }
            }
            layers[.landuse] = parcels.isEmpty ? nil : FeatureCollection(features: parcels)
        }

        // A census table spread over the residential floor of its zones: the population layer.
        var censusDefaults: [String: String] = [:]
        if let input = censusInputs.first {
            let s = input.settings
            guard let zones = s["zones"], let field = s["zone-field"] else {
                throw BuildError.invalidRequest("--census needs --census-zones FILE and --zone-field F")
            }
            let outcome = try PlannerCensus.build(
                input,
                settings: PlannerCensus.Settings(
                    zones: zones, zoneField: field, zonesCRS: s["zones-crs"], buildings: s["buildings"],
                    allowUnplaced: s["allow-unplaced"] == "true", encoding: s["encoding"]), layers: layers, zone: zone)
            var features = outcome.features
            var defaulted = 0
            for i in features.indices where features[i].properties["aged_60_plus_share"] == nil {
                features[i].properties["aged_60_plus_share"] = .number(aged60)
                defaulted += 1
            }
            if defaulted > 0 {
                censusDefaults["population.aged_60_plus_share"] =
                    "\(ValidationNumber.plain(aged60)) where the census table gives no 60+ column "
                    + "(\(options.aged60Share == nil ? "China's 2020 share" : "--aged-60-share")): modelled"
            }
            censusDefaults["population.urban"] = "true for every feature: the census table gives no urban/rural split"
            censusDefaults["population.future_community"] = "false for every feature"
            layers[.population] = features.isEmpty ? nil : FeatureCollection(features: features)
            residents = outcome.residents
            residentsSource = outcome.residentsSource
            warnings += outcome.warnings
            if let line = outcome.line { plannerLines.append(line) }
            if outcome.unplaced > 0 { excluded["population: census residents unplaced (--allow-unplaced)"] = outcome.unplaced }
        }

        // A population raster: the population layer.
        if let input = rasterInputs.first {
            let outcome = try PlannerRaster.build(input, zone: zone, aged60: aged60)
            layers[.population] = outcome.features.isEmpty ? nil : FeatureCollection(features: outcome.features)
            residents = outcome.residents
            residentsSource = outcome.residentsSource
            if let line = outcome.line { plannerLines.append(line) }
            censusDefaults["population.urban"] = "true for every cell: the raster gives no urban/rural split"
            censusDefaults["population.future_community"] = "false for every cell"
            censusDefaults["population.aged_60_plus_share"] =
                "\(ValidationNumber.plain(aged60)) for every cell: a raster gives no ages "
                + "(\(options.aged60Share == nil ? "China's 2020 share" : "--aged-60-share")): modelled"
        }

        // RFC 7946: exterior rings counter-clockwise, holes clockwise.
        for (layer, collection) in layers {
            var features = collection.features
            for i in features.indices {
                guard let g = features[i].geometry, g.kind == .polygon || g.kind == .multiPolygon else { continue }
                features[i].geometry = try context.orientedForGeoJSON(g)
            }
            layers[layer] = FeatureCollection(features: features)
        }
        let manifest = try makeManifest(
            request, name: name, nameEn: nameEn, metricCRS: metricName, metricBasis: metricBasis,
            boundaryM2: boundaryM2, residents: residents, residentsSource: residentsSource,
            aged60: aged60, layers: layers, walk: walk, drive: drive, unmapped: unmapped,
            excluded: excluded, hasOSM: osm != nil,
            plannerDefaults: poiDefaults.merging(censusDefaults) { a, _ in a })
        var counts: [LayerName: Int] = [:], outside: [LayerName: Int] = [:]
        for (layer, collection) in layers {
            counts[layer] = collection.features.count
            let n = collection.features.filter { $0.properties["outside"]?.boolValue == true }.count
            if n > 0 { outside[layer] = n }
        }
        let summary = DistrictBuildSummary(
            counts: counts, outside: outside, walk: walk, drive: drive, unmapped: unmapped,
            excluded: excluded, metricCRS: metricName, metricCRSBasis: metricBasis,
            boundaryAreaKm2: boundaryM2 / 1e6, residents: residents,
            residentsSource: residentsSource,
            landUseCoveredShare: boundaryM2 > 0 ? landUseCovered / boundaryM2 : 0,
            plannerInputs: plannerLines)
        return DistrictBuildResult(manifest: manifest, layers: layers, summary: summary, warnings: warnings)
    }

    /// What the network step hands back from its thread.
    struct NetworkStep: Sendable {
        var features: [Feature]
        var walk: NetworkFigures
        var drive: NetworkFigures
        var zeroLength: Int
        var findings: NetworkFindings
    }

    /// Refuses options outside their ranges.
    static func check(_ options: DistrictBuildOptions) throws {
        guard options.marginMetres.isFinite, options.marginMetres >= 0, options.marginMetres <= 50_000 else {
            throw BuildError.invalidRequest("--margin \(options.marginMetres): expected metres from 0 to 50,000")
        }
        if let r = options.residents, r < 0 || r > PopulationCount.maximum {
            throw BuildError.invalidRequest("--residents \(r): expected a whole number from 0 to \(NumberText.grouped(PopulationCount.maximum))")
        }
        if let a = options.officialAreaKm2, !(a.isFinite && a > 0) {
            throw BuildError.invalidRequest("--official-area \(a): expected km² > 0")
        }
        if let s = options.aged60Share, !(s.isFinite && (0...1).contains(s)) {
            throw BuildError.invalidRequest("--aged-60-share \(s): expected a share from 0 to 1")
        }
    }

    /// An extract that does not overlap the boundary is refused, naming both extents.
    static func checkOverlap(_ osm: OSMData, osmPath: String, boundary: ResolvedBoundary) throws {
        guard let b = osm.bounds, let e = boundary.geometry.envelope else { return }
        func box(_ w: Double, _ s: Double, _ e: Double, _ n: Double) -> String {
            String(format: "%.5f,%.5f – %.5f,%.5f", w, s, e, n)
        }
        if b.east < e.minX || b.west > e.maxX || b.north < e.minY || b.south > e.maxY {
            throw BuildError.invalidInput(
                path: osmPath,
                detail: "the extract (\(box(b.west, b.south, b.east, b.north))) does not "
                    + "overlap the boundary \(boundary.file) (\(box(e.minX, e.minY, e.maxX, e.maxY))): is it the right extract, or "
                    + "the boundary in another CRS?")
        }
    }

    static func networkWarnings(_ f: NetworkFindings, zeroLength: Int, osmPath: String, tables: OSMTables) -> [BuildWarning] {
        var out: [BuildWarning] = []
        if !f.missingNodeWays.isEmpty {
            out.append(
                BuildWarning(
                    path: osmPath,
                    message: "\(count(f.missingNodeWays.count, "street way")) \(f.missingNodeWays.count == 1 ? "refers" : "refer") to nodes the "
                        + "extract lacks and \(f.missingNodeWays.count == 1 ? "was" : "were") skipped (\(list(f.missingNodeWays.map { "way \($0)" }))): an extract cut without "
                        + "complete ways?"))
        }
        for (i, item) in f.absurdMaxspeed.enumerated() where i < 5 {
            out.append(
                BuildWarning(
                    path: osmPath,
                    message: "way \(item.way): maxspeed=\(item.tag) is \(ValidationNumber.plain((item.kmh * 10).rounded() / 10)) km/h, "
                        + "outside \(ValidationNumber.plain(tables.network.maxspeedRange.lowerBound))–"
                        + "\(ValidationNumber.plain(tables.network.maxspeedRange.upperBound)) km/h: the class's speed is taken"))
        }
        if f.absurdMaxspeed.count > 5 {
            out.append(BuildWarning(path: osmPath, message: "and \(f.absurdMaxspeed.count - 5) more ways with an absurd maxspeed"))
        }
        if zeroLength > 0 {
            out.append(BuildWarning(path: osmPath, message: "\(count(zeroLength, "street piece")) of zero length (two nodes at one position) left out"))
        }
        if f.walkAgainstDrive > 0 {
            out.append(
                BuildWarning(
                    path: osmPath,
                    message: "\(count(f.walkAgainstDrive, "way")) one-way for walkers against their one-way "
                        + "for drivers: walked both ways"))
        }
        return out
    }

    static func areaWarnings(_ f: AreaFindings, osmPath: String) -> [BuildWarning] {
        var out: [BuildWarning] = []
        if !f.missingNodeWays.isEmpty {
            out.append(
                BuildWarning(
                    path: osmPath,
                    message: "\(count(f.missingNodeWays.count, "closed way")) \(f.missingNodeWays.count == 1 ? "refers" : "refer") to nodes the extract "
                        + "lacks and \(f.missingNodeWays.count == 1 ? "was" : "were") skipped (\(list(f.missingNodeWays.map { "way \($0)" })))"))
        }
        if !f.incompleteRelations.isEmpty {
            out.append(
                BuildWarning(
                    path: osmPath,
                    message: "\(count(f.incompleteRelations.count, "multipolygon relation")) incomplete "
                        + "in the extract (members missing or rings open) were skipped (\(list(f.incompleteRelations.map { "relation \($0)" })))"))
        }
        if f.repaired > 0 {
            out.append(BuildWarning(path: osmPath, message: "\(count(f.repaired, "area")) invalid in GEOS's sense were made valid (GEOSMakeValid)"))
        }
        return out
    }

    static func count(_ n: Int, _ what: String) -> String { "\(NumberText.grouped(n)) \(what)\(n == 1 ? "" : "s")" }

    static func list(_ items: [String]) -> String {
        items.count <= 5 ? items.joined(separator: ", ") : items.prefix(5).joined(separator: ", ") + " and \(items.count - 5) more"
    }
}
