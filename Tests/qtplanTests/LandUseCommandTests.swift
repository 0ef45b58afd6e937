import Foundation
import Testing

@Suite struct LandUseCommandTests {
    /// The area of a latitude/longitude quadrangle on the WGS84 ellipsoid from the authalic latitude
    /// (see QTProjectionTests/GeodesicTests): b²/2 · [q(φ1) − q(φ0)] · Δλ, with
    /// q(φ) = sinφ/(1−e²sin²φ) + 1/(2e)·ln((1+e sinφ)/(1−e sinφ)). For a 0.01° × 0.01° quadrangle at
    /// 30.3°N it is 1.066338 km²; the geodesic polygon differs by about 1e-5 of it.
    static func quadrangle(lon0: Double, lat0: Double, lon1: Double, lat1: Double) -> Double {
        let a = 6_378_137.0, f = 1 / 298.257223563
        let e2 = f * (2 - f), e = e2.squareRoot(), b = a * (1 - f)
        func q(_ latDeg: Double) -> Double {
            let s = sin(latDeg * .pi / 180)
            return s / (1 - e2 * s * s) + 1 / (2 * e) * log((1 + e * s) / (1 - e * s))
        }
        return b * b / 2 * (q(lat1) - q(lat0)) * ((lon1 - lon0) * .pi / 180)
    }

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try CLI.run(arguments)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    /// landuse-split: boundary 120.30–120.32°E × 30.30–30.31°N, sub-districts w (west of 120.31) and e;
    /// parcels a cropland 120.300–120.305, b residential 120.305–120.315 (cut at 120.31), c industrial
    /// 120.315–120.32. Each 0.005° quadrangle is ½ · 1.066338 = 0.533169 km²; every row is one of them,
    /// and each is half of its sub-district.
    @Test func splitParcelByClassAndSubdistrictGeodesic() throws {
        let json = try Self.json(["landuse", "--district", CLI.fixture("landuse-split"), "--format", "json"])
        let half = Self.quadrangle(lon0: 120.30, lat0: 30.30, lon1: 120.305, lat1: 30.31) / 1e6
        #expect(abs(half - 0.533169) < 1e-6)
        #expect(json["unit"] as? String == "km2" && json["by"] as? String == "class,subdistrict")
        let rows = try #require(json["rows"] as? [[String: Any]])
        let keys = rows.map { "\($0["subdistrict"] as? String ?? "-") \($0["class"] as? String ?? "-")" }
        #expect(keys == ["w cropland", "w residential", "e residential", "e industrial"])
        for row in rows {
            let area = try #require(row["area"] as? Double)
            #expect(abs(area - half) / half < 1e-4, "\(row)")
            #expect(abs((row["share"] as? Double ?? 0) - 0.5) < 1e-5)
        }
        let total = try #require(json["total"] as? Double)
        #expect(abs(total - 4 * half) / (4 * half) < 1e-4)
        #expect(abs((json["boundary_area"] as? Double ?? 0) - total) < 2e-6)
        #expect(json["official_area"] as? Double == 2.2)
        #expect((json["gap_area"] as? Double ?? 1) < 1e-6 && (json["overlap_area"] as? Double ?? 1) == 0)
        #expect(json["cut_parcels"] as? Int == 1)
        // The pieces of b add up to b: rows 2 and 3 against the class total (residential = urban construction,
        // industrial too: urban construction = 3 halves).
        let derived = try #require(json["derived"] as? [String: Any])
        let urban = try #require(derived["urban_construction_area"] as? Double)
        #expect(abs(urban - ((rows[1]["area"] as! Double) + (rows[2]["area"] as! Double) + (rows[3]["area"] as! Double))) < 3e-6)
        // Cropland: 0.533169 km² × 1,500 亩/km² = 799.75 亩.
        #expect(abs((derived["cropland_mu"] as? Double ?? 0) - 799.75) < 0.1)
        #expect(json["modelled"] as? Bool == true)
        #expect((json["sources"] as? [String: Int]) == ["modelled": 2, "seed": 1])
    }

    /// Units: the same total as 1 km² = 100 ha = 1,500 亩 (1 亩 = 10,000/15 m²).
    @Test(arguments: [("ha", 100.0), ("mu", 1_500.0)])
    func unitsConvert(unit: String, perKm2: Double) throws {
        let fixture = CLI.fixture("landuse-split")
        let km2 = try Self.json(["landuse", "--district", fixture, "--by", "class", "--format", "json"])
        let other = try Self.json(["landuse", "--district", fixture, "--by", "class", "--format", "json", "--unit", unit])
        #expect(other["unit"] as? String == unit)
        let total = try #require(km2["total"] as? Double), converted = try #require(other["total"] as? Double)
        #expect(abs(converted - total * perKm2) < 1e-6 * perKm2 + 1e-3)
    }

    /// Planar mode in EPSG:4549 at 120.31°E (about 30 km from the central meridian): the Gauss-Kruger scale
    /// factor there is about 1 + x²/(2R²) ≈ 1 + 1.1e-5, so planar areas are about 2.2e-5 above the geodesic.
    @Test func planarIsSlightlyLargerThanGeodesic() throws {
        let fixture = CLI.fixture("landuse-split")
        let geodesic = try Self.json(["landuse", "--district", fixture, "--format", "json"])
        let planar = try Self.json(["landuse", "--district", fixture, "--format", "json", "--area", "planar"])
        let g = try #require(geodesic["total"] as? Double), p = try #require(planar["total"] as? Double)
        #expect(planar["area_method"] as? String == "planar")
        #expect((p - g) / g > 1e-5 && (p - g) / g < 4e-5)
    }

    /// landuse-gaps: q1 = 120.300–120.310 × 30.300–30.310, q2 = 120.309–120.320 × 30.300–30.308 in a
    /// boundary 120.30–120.32 × 30.30–30.31. Overlap: 0.001° × (30.300–30.308); gap: 120.31–120.32 ×
    /// 30.308–30.310, both by the quadrangle formula.
    @Test func gapsAndOverlapsAreReportedAndWritten() throws {
        let overlap = Self.quadrangle(lon0: 120.309, lat0: 30.30, lon1: 120.31, lat1: 30.308)
        let gap = Self.quadrangle(lon0: 120.31, lat0: 30.308, lon1: 120.32, lat1: 30.31)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("landuse-gaps-\(getpid()).geojson").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let json = try Self.json([
            "landuse", "--district", CLI.fixture("landuse-gaps"), "--by", "class", "--format", "json",
            "--gaps", out
        ])
        let overlapM2 = try #require(json["overlap_area_m2"] as? Double), gapM2 = try #require(json["gap_area_m2"] as? Double)
        #expect(abs(overlapM2 - overlap) / overlap < 1e-4, "overlap \(overlapM2) vs \(overlap)")
        #expect(abs(gapM2 - gap) / gap < 1e-4, "gap \(gapM2) vs \(gap)")
        #expect(abs((json["overlap_area"] as? Double ?? 0) - overlap / 1e6) < 2e-6)
        let file = try #require(FileManager.default.contents(atPath: out))
        let collection = try #require(JSONSerialization.jsonObject(with: file) as? [String: Any])
        let features = try #require(collection["features"] as? [[String: Any]])
        let kinds = features.compactMap { ($0["properties"] as? [String: Any])?["kind"] as? String }.sorted()
        #expect(kinds == ["gap", "overlap"])
        #expect(!FileManager.default.fileExists(atPath: out + ".tmp"))
        let table = try CLI.run(["landuse", "--district", CLI.fixture("landuse-gaps"), "--by", "class"])
        #expect(table.stdout.contains("Gaps between parcels") && table.stdout.contains("Overlaps of parcels"))
    }

    @Test func unwritableGapsFileExits73() throws {
        let result = try CLI.run(["landuse", "--district", CLI.fixture("landuse-split"), "--gaps", "/nonexistent-dir/gaps.geojson"])
        #expect(result.status == 73)
        #expect(result.stderr.hasPrefix("qtplan: error: /nonexistent-dir/gaps.geojson: cannot write the gaps file"))
    }

    @Test func missingLandUseLayerExits66() throws {
        let result = try CLI.run(["landuse", "--district", CLI.fixture("square")])
        #expect(result.status == 66)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("no 'landuse' layer"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func badGroupingIsAUsageError() throws {
        let result = try CLI.run(["landuse", "--district", CLI.fixture("landuse-split"), "--by", "subdistrict,industrial_park"])
        #expect(result.status == 64)
    }

    @Test func csvHasAHeaderAndOneLinePerRow() throws {
        let result = try CLI.run(["landuse", "--district", CLI.fixture("landuse-split"), "--format", "csv", "--unit", "ha"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "subdistrict,subdistrict_name,class,code,class_name,area_ha,share")
        #expect(lines.count == 5)
        #expect(lines[1].hasPrefix("w,西街道,cropland,01,耕地,53.31"))
    }

    /// Tests/Fixtures/bad/landuse-bowtie-repaired: one parcel over the 0.01° square whose ring crosses itself
    /// at the centre (a bow-tie). make-valid turns it into two triangles, the square's south and north
    /// quarters, so the parcel measures half the quadrangle (0.533169 km²) — read as it stands, its two
    /// halves have opposite signs and cancel. The repair is said on stderr, never silent.
    @Test func anInvalidParcelIsMeasuredAsRepairedAndSaysSo() throws {
        let folder = CLI.root.appendingPathComponent("Tests/Fixtures/bad/landuse-bowtie-repaired").path
        let result = try CLI.run(["landuse", "--district", folder, "--by", "class", "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(
            result.stderr == "qtplan: warning: \(folder)/landuse.geojson: feature 0 'p1': invalid geometry (Ring Self-intersection), "
                + "repaired with make-valid (its polygonal part) for this computation; the file is unchanged (qtplan validate reports it)\n")
        let json = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let half = Self.quadrangle(lon0: 120.30, lat0: 30.30, lon1: 120.31, lat1: 30.31) / 2 / 1e6
        let total = try #require(json["total"] as? Double)
        #expect(abs(total - half) / half < 1e-4, "total \(total) km², half the square \(half) km²")
        #expect(abs((json["gap_area"] as? Double ?? 0) - half) / half < 1e-4) // the east and west quarters
    }

    /// The bundled district: the table says the layer is modelled and reconciles with the boundary.
    @Test func bundledDistrictSaysModelledAndReconciles() throws {
        let table = try CLI.run(["landuse", "--lang", "en"]) // (the bundled manifest says zh: the footer is Chinese by default)
        #expect(table.status == 0, "stderr: \(table.stderr)")
        #expect(table.stdout.contains("MODELLED"))
        #expect(table.stdout.contains("Official area") && table.stdout.contains("531.700 km²"))
        let json = try Self.json(["landuse", "--format", "json"])
        #expect(json["modelled"] as? Bool == true)
        let total = try #require(json["total"] as? Double), boundary = try #require(json["boundary_area"] as? Double)
        #expect(abs(total - boundary) < 1e-5) // validate: gap 0.0371 m², no overlap
        let rows = try #require(json["rows"] as? [[String: Any]])
        let sum = rows.reduce(0.0) { $0 + ($1["area"] as? Double ?? 0) }
        #expect(abs(sum - total) < 1e-4) // 6-decimal rounding of ~100 rows
    }
}
