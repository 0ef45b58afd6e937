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

/// What an output keeps of the file it replaces, the names of its staging folders and the clean-up of those a
/// killed run left (issue 19, class 5).
@Suite("Staged output: kept attributes, staging names, stale staging")
struct StagedOutputAttributesTests {
    @Test("a replaced file keeps its mode (0600) and owner; so do a Shapefile's members")
    func modeAndOwnerAreKept() throws {
        let folder = try GDALTools.temporaryFolder("keep")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/private.csv"
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        #expect(chmod(path, 0o600) == 0)
        let other: uid_t = geteuid() == 0 ? 65534 : geteuid() // root gives it to nobody; others keep their own
        #expect(chown(path, other, other == geteuid() ? getegid() : 65534) == 0)
        for ext in ["shp", "dbf"] {
            try Data("old".utf8).write(to: URL(fileURLWithPath: folder + "/layer.\(ext)"))
            #expect(chmod(folder + "/layer.\(ext)", 0o640) == 0)
        }
        let staged = try StagedOutput(destination: path, isFolder: false)
        try staged.write(Data("new".utf8), as: "private.csv")
        try staged.commit()
        var status = stat()
        #expect(stat(path, &status) == 0)
        #expect(status.st_mode & 0o7777 == 0o600)
        #expect(status.st_uid == other)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")

        let shapefile = try StagedOutput(destination: folder + "/layer.shp", isFolder: false)
        for ext in ["shp", "shx", "dbf"] { try shapefile.write(Data("new".utf8), as: "layer.\(ext)") }
        try shapefile.commit()
        for (ext, mode) in [("shp", 0o640), ("dbf", 0o640)] {
            #expect(stat(folder + "/layer.\(ext)", &status) == 0 && status.st_mode & 0o7777 == mode_t(mode), "layer.\(ext)")
        }
    }

    @Test("a file named with 255 bytes (NAME_MAX) can be written: the staging name is cut to fit")
    func longNames() throws {
        let folder = try GDALTools.temporaryFolder("long")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ascii = String(repeating: "a", count: 251) + ".csv"
        let chinese = String(repeating: "区", count: 83) + ".csv" // 249 + 4 bytes
        for name in [ascii, chinese] {
            #expect(name.utf8.count <= 255)
            let staged = try StagedOutput(destination: folder + "/" + name, isFolder: false)
            #expect(URL(fileURLWithPath: staged.stagingFolder).lastPathComponent.utf8.count <= 255)
            try staged.write(Data("x".utf8), as: name)
            try staged.commit()
            #expect(FileManager.default.fileExists(atPath: folder + "/" + name))
        }
        #expect(StagingName.make(for: chinese, pid: 123, attempt: 0, kind: "new", limit: 255).utf8.count <= 255)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 2)
    }

    /// A PID no process has here.
    static func deadPID() -> Int32 {
        var pid: Int32 = 4_000_000
        while kill(pid, 0) == 0 || errno != ESRCH { pid -= 1 }
        return pid
    }

    @Test("stale staging folders are removed by the next run in the folder, and only those (the rule of StagingName)")
    func staleStagingIsRemoved() throws {
        let folder = try GDALTools.temporaryFolder("stale")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let dead = Self.deadPID()
        let hourAgo = Date().addingTimeInterval(-3600)
        func make(_ name: String, at date: Date = hourAgo) throws {
            try FileManager.default.createDirectory(atPath: folder + "/" + name, withIntermediateDirectories: false)
            try Data("partial".utf8).write(to: URL(fileURLWithPath: folder + "/" + name + "/out.gpkg"))
            try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: folder + "/" + name)
        }
        try make(".qtplan-\(dead)-0-new.out.gpkg") // killed run: removed
        try make(".out.gpkg.qtplan-\(dead)-3") // the older form: removed
        try make(".qtplan-\(dead)-1-new.recent.gpkg", at: Date()) // changed a moment ago: kept
        try make(".qtplan-1-0-new.live.gpkg") // PID 1 is running: kept
        try make(".qtplan-\(dead)-0-old.district") // a moved-aside folder may be the only copy: kept
        try make(".qtplan-notes") // not a staging name: kept
        try make("qtplan-\(dead)-0-new.visible") // not hidden, not ours: kept
        let staged = try StagedOutput(destination: folder + "/other.csv", isFolder: false)
        try staged.write(Data("x".utf8), as: "other.csv")
        try staged.commit()
        let left = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(
            left
                == [
                    ".qtplan-\(dead)-0-old.district", ".qtplan-\(dead)-1-new.recent.gpkg", ".qtplan-1-0-new.live.gpkg",
                    ".qtplan-notes", "other.csv", "qtplan-\(dead)-0-new.visible"
                ].sorted())
    }
}
