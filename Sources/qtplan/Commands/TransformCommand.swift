import ArgumentParser
import Foundation
import QTGeometry
import QTPlan
import QTProjection
import QTText

/// `qtplan transform`: coordinates from one CRS to another, longitude (easting) first.
struct TransformCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transform",
        abstract: "Transform coordinates between CRSs (EPSG:n, GCJ02, BD09, WGS84 or a PROJ string).",
        discussion: """
            Points are X,Y pairs, longitude (or easting) first, given as arguments or one per line on stdin
            ("120.35,30.30" or "120.35 30.30"; blank lines and lines starting with # are skipped).
            Output is one X,Y pair per line: 7 decimals for degrees (about 1 cm), 3 for metres.
            """)

    @Option(name: .long, help: ArgumentHelp("Source CRS.", valueName: "CRS"))
    var from: String

    @Option(name: .long, help: ArgumentHelp("Target CRS.", valueName: "CRS"))
    var to: String

    @Option(name: .long, help: "Digits after the decimal point (default: 7 for degrees, 3 for metres).")
    var decimals: Int?

    @Option(name: .long, help: "Output format.")
    var format: OutputFormat = .table

    @Argument(help: ArgumentHelp("Points as LON,LAT (or X,Y). Read from stdin when none are given.", valueName: "X,Y"))
    var points: [String] = []

    func validate() throws {
        if let decimals, !(0...12).contains(decimals) {
            throw ValidationError("--decimals must be between 0 and 12")
        }
        for point in points where Self.parse(point) == nil {
            throw ValidationError("'\(point)' is not a point: expected X,Y with two numbers, for example 120.35,30.30")
        }
    }

    func run() async throws {
        try await CommandBody.run {
            let source = try Self.crs(from, option: "--from")
            let target = try Self.crs(to, option: "--to")
            let transformer = try Self.transformer(from: source, to: target)
            let input = points.isEmpty ? try Self.readStandardInput() : points.compactMap(Self.parse)
            let output = try transformer.transform(input)
            let places = decimals ?? (transformer.targetIsAngular ? 7 : 3)
            switch format {
            case .table:
                for c in output { print("\(NumberText.fixed(c.x, places)),\(NumberText.fixed(c.y, places))") }
            case .json:
                let items = output.map { "[\(NumberText.fixed($0.x, places)), \(NumberText.fixed($0.y, places))]" }
                print(
                    "{\"from\": \(JSONText.quoted(source.description)), \"to\": \(JSONText.quoted(target.description)), "
                        + "\"points\": [\(items.joined(separator: ", "))]}")
            }
        }
    }

    /// A CRS named on the command line; a name qtplan or PROJ does not know is a usage error (exit 64).
    static func crs(_ name: String, option: String) throws -> CRS {
        do {
            let crs = try CRS(parsing: name)
            _ = try Transformer(from: crs, to: .wgs84)
            return crs
        } catch let error as ProjectionError {
            throw PlanError(
                .usage,
                "\(option) \(name): not a CRS PROJ knows (\(error)); use EPSG:n, GCJ02, BD09, "
                    + "WGS84 or a PROJ string")
        }
    }

    /// The transformer between two known CRSs; none existing is a usage error (exit 64).
    static func transformer(from source: CRS, to target: CRS) throws -> Transformer {
        do {
            return try Transformer(from: source, to: target)
        } catch let error as ProjectionError {
            throw PlanError(.usage, "no transformation from \(source) to \(target): \(error)")
        }
    }

    /// Parses `X,Y` or `X Y` into a coordinate; `nil` when it is not two finite numbers.
    static func parse(_ text: String) -> Coordinate? {
        let parts = text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" })
        guard parts.count == 2, let x = Double(parts[0]), let y = Double(parts[1]), x.isFinite, y.isFinite else {
            return nil
        }
        return Coordinate(x: x, y: y)
    }

    static func readStandardInput() throws -> [Coordinate] {
        var coordinates: [Coordinate] = []
        var lineNumber = 0
        while let line = readLine() {
            lineNumber += 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let c = parse(trimmed) else {
                throw PlanError(.badData, "stdin line \(lineNumber): '\(trimmed)' is not a point (expected X,Y)")
            }
            coordinates.append(c)
        }
        return coordinates
    }
}
