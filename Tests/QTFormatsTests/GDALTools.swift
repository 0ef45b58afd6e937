import Foundation
import QTTestSupport
import Testing

/// Runs GDAL's own command-line programs (Debian's gdal-bin, which `tools/setup.sh` installs): the independent
/// reader the tests check qtplan's files against.
enum GDALTools {
    /// Runs `program` (found on PATH) with `arguments`; returns its exit status and stdout + stderr.
    static func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try Tool.run(program, arguments)
    }

    /// `ogrinfo -ro -al [-so] path`: every layer's summary (and features unless `summary`).
    static func ogrinfo(_ path: String, summary: Bool = true) throws -> String {
        let result = try run("ogrinfo", ["-ro", "-al"] + (summary ? ["-so"] : []) + [path])
        #expect(result.status == 0, "ogrinfo \(path): \(result.output)")
        return result.output
    }

    /// The layers ogrinfo lists, with their feature counts and the EPSG code of their CRS (the last
    /// `ID["EPSG",n]` of the layer's WKT, the CRS's own).
    static func layers(_ path: String) throws -> [String: (count: Int, epsg: Int?)] {
        var out: [String: (count: Int, epsg: Int?)] = [:]
        let text = try ogrinfo(path)
        for block in text.components(separatedBy: "Layer name: ").dropFirst() {
            let name = String(block.prefix { $0 != "\n" })
            let count =
                block.components(separatedBy: "Feature Count: ").dropFirst().first
                .flatMap { Int($0.prefix { $0.isNumber }) } ?? -1
            let ids = block.components(separatedBy: "ID[\"EPSG\",").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
            out[name] = (count, ids.last)
        }
        return out
    }

    /// A fresh, empty temporary folder.
    static func temporaryFolder(_ label: String) throws -> String { try Tool.temporaryFolder("formats-\(label)") }
}
