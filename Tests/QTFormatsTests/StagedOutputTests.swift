import Foundation
import QTFormats
import Testing

@Suite("Staged (atomic) output")
struct StagedOutputTests {
    @Test("nothing changes at the destination before commit; an abandoned staging leaves the old file and no trace")
    func abandoned() throws {
        let folder = try GDALTools.temporaryFolder("stage")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("old".utf8).write(to: URL(fileURLWithPath: folder + "/out.csv"))
        do {
            let staged = try StagedOutput(destination: folder + "/out.csv", isFolder: false)
            try staged.write(Data("new".utf8), as: "out.csv")
            #expect(try String(contentsOfFile: folder + "/out.csv", encoding: .utf8) == "old")
        }
        #expect(try String(contentsOfFile: folder + "/out.csv", encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.csv"])
    }

    @Test("commit replaces a Shapefile's set and removes its stale members")
    func commitFileSet() throws {
        let folder = try GDALTools.temporaryFolder("set")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for ext in ["shp", "shx", "dbf", "qix"] { try Data("old".utf8).write(to: URL(fileURLWithPath: folder + "/a.\(ext)")) }
        let staged = try StagedOutput(destination: folder + "/a.shp", isFolder: false)
        for ext in ["shp", "shx", "dbf", "prj", "cpg"] { try staged.write(Data("new".utf8), as: "a.\(ext)") }
        try staged.commit()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["a.cpg", "a.dbf", "a.prj", "a.shp", "a.shx"])
        #expect(try String(contentsOfFile: folder + "/a.dbf", encoding: .utf8) == "new")
    }

    @Test("a new folder appears whole; an existing one gets the files")
    func commitFolder() throws {
        let folder = try GDALTools.temporaryFolder("dir")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = try StagedOutput(destination: folder + "/layers", isFolder: true)
        try first.write(Data("1".utf8), as: "a.geojson")
        try first.commit()
        let second = try StagedOutput(destination: folder + "/layers", isFolder: true)
        try second.write(Data("2".utf8), as: "b.geojson")
        try second.commit()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/layers").sorted() == ["a.geojson", "b.geojson"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["layers"])
    }

    @Test("a missing folder, a file where a folder is needed, an unwritable folder: cannotWrite naming the path")
    func refusals() throws {
        let folder = try GDALTools.temporaryFolder("bad")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: FormatsError.cannotWrite(path: folder + "/none/out.gpkg", detail: "the folder \(folder)/none does not exist")) {
            _ = try StagedOutput(destination: folder + "/none/out.gpkg", isFolder: false)
        }
        try Data().write(to: URL(fileURLWithPath: folder + "/file"))
        #expect(throws: FormatsError.cannotWrite(path: folder + "/file", detail: "is a file; a folder is needed for one file per layer")) {
            _ = try StagedOutput(destination: folder + "/file", isFolder: true)
        }
        // /proc refuses new files even to root, so the case holds whoever runs the tests.
        #expect(throws: FormatsError.self) { _ = try StagedOutput(destination: "/proc/out.gpkg", isFolder: false) }
    }
}
