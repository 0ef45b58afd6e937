import Foundation
import QTGeometry
import QTModel
import QTProjection

@testable import QTAnalysis

/// Tests/Fixtures/districts/siting-small: a 2 × 1 km district (120.300–120.320°E, 30.300–30.310°N),
/// sub-districts w and e split at 120.310°E.
///
/// Land use (west to east): res-w residential 120.300–120.306; pub-1 public_service (south) and crop-1
/// cropland (north, also the basic_farmland zone farmland-1) 120.306–120.310, split at 30.305°N; ind-1
/// industrial (south) and water-1 water (north, also the ecological red line red-line-1) 120.310–120.314;
/// res-e residential 120.314–120.320. Hazardous site hazard-1 at (120.3130, 30.3010). A planned railway
/// rail-1 along 30.3098°N. Streets along 30.302° and 30.308°N and 120.310° and 120.318°E (local, 30 km/h)
/// and 120.302°E (arterial, 50 km/h). Facilities: kindergarten kg-1 (120.3025, 30.3021), primary school
/// ps-1 (120.3080, 30.3020), fire station fire-1 (120.3181, 30.3081).
///
/// Residents (squares of 0.0005°, each at its centre): pop-a1 1,000 at (120.3035, 30.3040) and pop-a2
/// 1,000 at (120.3045, 30.3050) in w; pop-b1 1,500 at (120.3160, 30.3045) and pop-n 500 (rural) at
/// (120.3185, 30.3090) in e.
///
/// Here 0.001° of longitude is about 96.2 m and 0.001° of latitude about 110.9 m; the tests compute the
/// exact distances they expect on the WGS84 ellipsoid (PROJ's geodesic, independent of the planar GEOS
/// distances in EPSG:4549 the rules measure; the two agree to centimetres over a kilometre here).
enum SitingFixtures {
    static let root = URL(fileURLWithPath: #filePath) // Tests/QTAnalysisTests/Siting/SitingFixtures.swift
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var directory: String { root.appendingPathComponent("Tests/Fixtures/districts/siting-small").path }
    static var rulesPath: String { root.appendingPathComponent("geodata/standards/siting-rules.json").path }
    static var standardsPath: String { root.appendingPathComponent("geodata/standards/life-circles.json").path }

    static func district() throws -> District { try DistrictLoader().load(directory: directory).district }
    static func rules() throws -> SitingRules { try SitingRules.load(path: rulesPath) }

    static func options(mode: CoverageMode? = nil, profile: String? = nil) throws -> SitingOptions {
        let standards = try LifeCircleStandards.load(path: standardsPath)
        return SitingOptions(
            profile: try standards.profile(profile), mode: mode,
            coverage: CoverageOptions(walkSpeedKmh: standards.walkSpeedKmh, accessDistance: standards.accessDistance),
            driveSpeedKmh: standards.driveSpeedKmh)
    }

    static func site(_ type: String, _ lon: Double, _ lat: Double, id: String = "s") -> ProposedSite {
        ProposedSite(id: id, type: type, location: Coordinate(x: lon, y: lat))
    }

    /// The geodesic distance in metres between two lon/lat points.
    static func metres(_ a: (Double, Double), _ b: (Double, Double)) -> Double {
        Geodesic.wgs84.distance(from: Coordinate(x: a.0, y: a.1), to: Coordinate(x: b.0, y: b.1))
    }

    static func check(
        _ site: ProposedSite, mode: CoverageMode? = nil, others: [ProposedSite] = [],
        district: District? = nil
    ) throws -> SiteCheckResult {
        let d = try district ?? self.district()
        let checker = try SiteChecker(district: d, rules: try rules(), options: try options(mode: mode), types: [site.type] + others.map(\.type))
        return try checker.check(site, alongside: others)
    }
}

extension SiteCheckResult {
    /// The result of one rule (fails the test's `#require` when absent).
    func rule(_ id: String) -> SiteRuleResult? { rules.first { $0.rule == id } }
}
