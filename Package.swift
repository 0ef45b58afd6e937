// swift-tools-version:6.0
//
// qtplan: a geospatial planning toolkit for Qiantang District (Hangzhou) over GEOS, PROJ and GDAL.
// Layering (each module imports only those below it):
//   QTText                text formatting: numbers, columns, CSV, XML escaping, the JSON writer (no C, no Foundation I/O)
//   CGEOS, CPROJ, CGDAL   system libraries (module map + shim header only)
//   QTGeometry            the only Swift code that imports CGEOS
//   QTProjection          the only Swift code that imports CPROJ
//   QTFormats             the only Swift code that imports CGDAL: GeoPackage, Shapefile, FlatGeobuf, CSV, DXF
//   COSMium               a C interface of our own over libosmium (C++, header-only) and libbz2: OSM extracts
//   QTOSM                 the only Swift code that imports COSMium: OpenStreetMap extracts as values
//   QTModel               a district folder as Sendable values
//   QTBuild               a district folder built from an OpenStreetMap extract (qtplan district build)
//   QTAnalysis            land-use totals, indicators, coverage, siting: pure functions of a model (no file I/O)
//   QTReport              maps (SVG) and the HTML report: presentation of a model and its analyses
//   QTPlan                the planning API: one request → one result per job; standards files; outputs; result text
//   qtplan                the CLI: parsing arguments into requests, printing results, exit codes
import PackageDescription

let package = Package(
    name: "qtplan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "qtplan", targets: ["qtplan"]),
        .library(name: "QTText", targets: ["QTText"]),
        .library(name: "QTGeometry", targets: ["QTGeometry"]),
        .library(name: "QTProjection", targets: ["QTProjection"]),
        .library(name: "QTFormats", targets: ["QTFormats"]),
        .library(name: "QTModel", targets: ["QTModel"]),
        .library(name: "QTOSM", targets: ["QTOSM"]),
        .library(name: "QTBuild", targets: ["QTBuild"]),
        .library(name: "QTAnalysis", targets: ["QTAnalysis"]),
        .library(name: "QTReport", targets: ["QTReport"]),
        .library(name: "QTPlan", targets: ["QTPlan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CGEOS",
            pkgConfig: "geos",
            providers: [.apt(["libgeos-dev"]), .brew(["geos"])]
        ),
        .systemLibrary(
            name: "CGDAL",
            pkgConfig: "gdal",
            providers: [.apt(["libgdal-dev"]), .brew(["gdal"])]
        ),
        .systemLibrary(
            name: "CPROJ",
            pkgConfig: "proj",
            providers: [.apt(["libproj-dev"]), .brew(["proj"])]
        ),
        // libosmium (libosmium2-dev, libprotozero-dev; with zlib, expat and libbz2) behind a C header of our own.
        .target(
            name: "COSMium",
            linkerSettings: [.linkedLibrary("z"), .linkedLibrary("expat"), .linkedLibrary("bz2"), .linkedLibrary("pthread"),
                             .linkedLibrary("stdc++")]
        ),
        .target(name: "QTText"),
        .target(name: "QTGeometry", dependencies: ["CGEOS", "QTText"]),
        .target(name: "QTProjection", dependencies: ["CPROJ", "QTGeometry"]),
        .target(name: "QTFormats", dependencies: ["CGDAL", "QTGeometry", "QTProjection"]),
        .target(name: "QTModel", dependencies: ["QTGeometry", "QTProjection", "QTFormats", "QTText"]),
        .target(name: "QTOSM", dependencies: ["COSMium"]),
        .target(name: "QTBuild", dependencies: ["QTOSM", "QTModel", "QTFormats", "QTGeometry", "QTProjection", "QTText"]),
        .target(name: "QTAnalysis", dependencies: ["QTModel", "QTGeometry", "QTProjection", "QTText"]),
        .target(name: "QTReport", dependencies: ["QTAnalysis", "QTModel", "QTGeometry", "QTProjection", "QTText"]),
        .target(name: "QTPlan", dependencies: ["QTReport", "QTAnalysis", "QTBuild", "QTOSM", "QTModel", "QTFormats", "QTGeometry",
                                               "QTProjection", "QTText"]),
        .executableTarget(
            name: "qtplan",
            dependencies: [
                "QTPlan", "QTReport", "QTAnalysis", "QTBuild", "QTOSM", "QTModel", "QTFormats", "QTGeometry", "QTProjection", "QTText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers shared by the test targets: running GDAL's programs, rsvg-convert and chromium; scratch folders.
        .target(name: "QTTestSupport", path: "Tests/QTTestSupport"),
        .testTarget(name: "QTAnalysisTests", dependencies: ["QTAnalysis", "QTModel", "QTGeometry", "QTProjection", "QTTestSupport"]),
        .testTarget(name: "QTGeometryTests", dependencies: ["QTGeometry"]),
        .testTarget(name: "QTReportTests", dependencies: ["QTReport", "QTAnalysis", "QTModel", "QTGeometry", "QTProjection", "QTText"]),
        .testTarget(name: "QTProjectionTests", dependencies: ["QTProjection", "QTGeometry"]),
        .testTarget(name: "QTFormatsTests", dependencies: ["QTFormats", "QTGeometry", "QTProjection", "QTTestSupport"]),
        .testTarget(name: "QTPlanTests", dependencies: ["QTPlan", "QTModel"]),
        .testTarget(name: "QTOSMTests", dependencies: ["QTOSM", "QTTestSupport"]),
        .testTarget(name: "QTBuildTests", dependencies: ["QTBuild", "QTOSM", "QTModel", "QTGeometry", "QTProjection", "QTTestSupport"]),
        .testTarget(name: "QTModelTests", dependencies: ["QTModel", "QTFormats", "QTProjection", "QTGeometry", "QTTestSupport"]),
        // Runs the built `qtplan` binary; the dependency makes `swift test` build it first.
        .testTarget(name: "qtplanTests", dependencies: ["qtplan", "QTTestSupport"]),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)
