import Foundation
import QTTestSupport
import Testing

/// An output that replaces a file keeps the file's mode and owner, and refuses, before writing anything, a file
/// whose owner it cannot keep (issue 19, class 5). Before: a `chmod 600` file of another user came back
/// `0644 root:root`. Making a file another user owns, and running qtplan as that user, needs root.
@Suite(.enabled(if: geteuid() == 0, "needs root: the files belong to another user (nobody) and qtplan runs as that user"))
struct OutputOwnerTests {
    static let nobody: uid_t = 65534

    /// A scratch folder owned by nobody, holding a copy of the square district readable by all.
    static func folder() throws -> String {
        let folder = try Tool.temporaryFolder("owner")
        try FileManager.default.copyItem(atPath: CLI.fixture("square"), toPath: folder + "/square")
        #expect(chown(folder, nobody, nobody) == 0 && chmod(folder, 0o755) == 0)
        return folder
    }

    static func status(_ path: String) -> stat {
        var status = stat()
        _ = stat(path, &status)
        return status
    }

    @Test("export and map over another user's private file: the new file is still 0600 and still theirs")
    func privateFilesStayPrivate() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, arguments) in [("private.geojson", ["export", "--layer", "boundary"]), ("private.svg", ["map", "--layers", "boundary"])] {
            let path = folder + "/" + name
            try Data("old".utf8).write(to: URL(fileURLWithPath: path))
            #expect(chown(path, Self.nobody, Self.nobody) == 0 && chmod(path, 0o600) == 0)
            let result = try CLI.run(arguments + ["--district", folder + "/square", "-o", path])
            #expect(result.status == 0, "\(result.stderr)")
            let status = Self.status(path)
            #expect(status.st_mode & 0o7777 == 0o600, "\(name): \(String(status.st_mode & 0o7777, radix: 8))")
            #expect(status.st_uid == Self.nobody && status.st_gid == Self.nobody, "\(name)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) != Data("old".utf8))
        }
    }

    @Test("run as nobody over root's file: refused (73) before anything is written, the file as it was")
    func anOwnerThatCannotBeKeptIsRefused() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/roots.geojson"
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        #expect(chmod(path, 0o644) == 0)
        let result = try CLI.run(
            [
                "--reuid=\(Self.nobody)", "--regid=\(Self.nobody)", "--clear-groups", CLI.binary.path,
                "export", "--layer", "boundary", "--district", folder + "/square", "-o", path
            ],
            executable: URL(fileURLWithPath: "/usr/bin/setpriv"))
        #expect(result.status == 73, "\(result.stderr)")
        #expect(
            result.stderr == "qtplan: error: \(path): cannot write the export: \(path) belongs to root:root and this user cannot "
                + "give a new file that owner; refusing to replace it (run as its owner, or remove it first)\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("old".utf8))
        #expect(Self.status(path).st_uid == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["roots.geojson", "square"])
        // Their own file, private: written, and still private.
        let own = folder + "/own.geojson"
        try Data("old".utf8).write(to: URL(fileURLWithPath: own))
        #expect(chown(own, Self.nobody, Self.nobody) == 0 && chmod(own, 0o600) == 0)
        let written = try CLI.run(
            [
                "--reuid=\(Self.nobody)", "--regid=\(Self.nobody)", "--clear-groups", CLI.binary.path,
                "export", "--layer", "boundary", "--district", folder + "/square", "-o", own
            ],
            executable: URL(fileURLWithPath: "/usr/bin/setpriv"))
        #expect(written.status == 0, "\(written.stderr)")
        #expect(Self.status(own).st_mode & 0o7777 == 0o600 && Self.status(own).st_uid == Self.nobody)
        // One file per layer into a shared folder of root's that nobody may write: the folder is not replaced, so
        // its owner does not matter; the new files are nobody's.
        let shared = folder + "/shared"
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: false)
        #expect(chmod(shared, 0o777) == 0)
        let merged = try CLI.run(
            [
                "--reuid=\(Self.nobody)", "--regid=\(Self.nobody)", "--clear-groups", CLI.binary.path,
                "export", "--all", "--district", folder + "/square", "-o", shared, "--format", "geojson"
            ],
            executable: URL(fileURLWithPath: "/usr/bin/setpriv"))
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(Self.status(shared + "/boundary.geojson").st_uid == Self.nobody && Self.status(shared).st_uid == 0)
    }
}
