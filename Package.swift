// swift-tools-version:6.0
//
// qtplan: a geospatial planning toolkit for Qiantang District (Hangzhou) over GEOS and PROJ.
// Layering (each module imports only those below it):
//   CGEOS, CPROJ          system libraries (module map + shim header only)
//   QTGeometry            the only Swift code that imports CGEOS
//   QTProjection          the only Swift code that imports CPROJ
//   QTFormats             the only Swift code that imports CGDAL: GeoPackage, Shapefile, FlatGeobuf, CSV, DXF
//   QTOSM                 the only Swift code that imports CReadOSM (readosm and libbz2): OpenStreetMap extracts
//   QTModel               a district folder as Sendable values
//   QTBuild               a district folder built from an OpenStreetMap extract (qtplan district build)
//   QTAnalysis            land-use totals, indicators, coverage, siting: pure functions of a model
//   QTReport              maps (SVG) and the HTML report: presentation of a model and its analyses
//   qtplan                the CLI: parsing, formatting, exit codes
import PackageDescription

let package = Package(
    name: "qtplan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "qtplan", targets: ["qtplan"]),
        .library(name: "QTGeometry", targets: ["QTGeometry"]),
        .library(name: "QTProjection", targets: ["QTProjection"]),
        .library(name: "QTFormats", targets: ["QTFormats"]),
        .library(name: "QTModel", targets: ["QTModel"]),
        .library(name: "QTOSM", targets: ["QTOSM"]),
        .library(name: "QTBuild", targets: ["QTBuild"]),
        .library(name: "QTAnalysis", targets: ["QTAnalysis"]),
        .library(name: "QTReport", targets: ["QTReport"]),
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
        .systemLibrary(
            name: "CReadOSM",
            pkgConfig: "readosm",
            providers: [.apt(["libreadosm-dev", "libbz2-dev"])]
        ),
        .target(name: "QTGeometry", dependencies: ["CGEOS"]),
        .target(name: "QTProjection", dependencies: ["CPROJ", "QTGeometry"]),
        .target(name: "QTFormats", dependencies: ["CGDAL", "QTGeometry", "QTProjection"]),
        .target(name: "QTModel", dependencies: ["QTGeometry", "QTProjection", "QTFormats"]),
        .target(name: "QTOSM", dependencies: ["CReadOSM"]),
        .target(name: "QTBuild", dependencies: ["QTOSM", "QTModel", "QTFormats", "QTGeometry", "QTProjection"]),
        .target(name: "QTAnalysis", dependencies: ["QTModel", "QTFormats", "QTGeometry", "QTProjection"]),
        .target(name: "QTReport", dependencies: ["QTAnalysis", "QTModel", "QTGeometry", "QTProjection"]),
        .executableTarget(
            name: "qtplan",
            dependencies: [
                "QTReport", "QTAnalysis", "QTBuild", "QTModel", "QTFormats", "QTGeometry", "QTProjection",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Derives the real layers of geodata/qiantang from ../shared/reference (see geodata/SOURCES.md).
        .executableTarget(
            name: "derive-geodata",
            dependencies: ["QTModel", "QTGeometry", "QTProjection"],
            path: "tools/derive-geodata"
        ),
        // Generates the modelled layers of geodata/qiantang from stated rules, seeded (tools/model-geodata/README.md).
        .executableTarget(
            name: "model-geodata",
            dependencies: ["QTModel", "QTGeometry", "QTProjection"],
            path: "tools/model-geodata",
            exclude: ["README.md", "population-and-facilities.md", "network.md"]
        ),
        // Swift half of the buffer+union benchmark; the C half is tools/bench/buffer_union.c.
        .executableTarget(
            name: "bench-buffer-union",
            dependencies: ["QTGeometry"],
            path: "tools/bench/swift"
        ),
        // Land use by class × sub-district on a generated 100,000-parcel district (tools/bench/landuse/README.md).
        .executableTarget(
            name: "bench-landuse",
            dependencies: ["QTAnalysis", "QTModel", "QTGeometry", "QTProjection"],
            path: "tools/bench/landuse",
            exclude: ["README.md", "geopandas_landuse.py", "run.sh", "build"]
        ),
        // Coverage (radius, network pass, a 100× scale case) against shapely, GeoPandas, networkx and pandana
        // on the same generated inputs (tools/bench/coverage/README.md).
        .executableTarget(
            name: "bench-coverage",
            dependencies: ["QTAnalysis", "QTModel", "QTGeometry", "QTProjection"],
            path: "tools/bench/coverage",
            exclude: ["README.md", "peers.py", "run.sh", "build"]
        ),
        // Maximal covering quality against the exact optimum (pulp + CBC) on seeded instances, and site-suggest's
        // time on the bundled district (tools/bench/siting/README.md).
        .executableTarget(
            name: "bench-siting",
            dependencies: ["QTAnalysis", "QTModel"],
            path: "tools/bench/siting",
            exclude: ["README.md", "peers.py", "run.sh", "build"]
        ),
        // Helpers shared by the test targets: running GDAL's programs, rsvg-convert and chromium; scratch folders.
        .target(name: "QTTestSupport", path: "Tests/QTTestSupport"),
        .testTarget(name: "QTAnalysisTests", dependencies: ["QTAnalysis", "QTModel", "QTGeometry", "QTProjection", "QTTestSupport"]),
        .testTarget(name: "QTGeometryTests", dependencies: ["QTGeometry"]),
        .testTarget(name: "QTReportTests", dependencies: ["QTReport", "QTAnalysis", "QTModel", "QTGeometry", "QTProjection"]),
        .testTarget(name: "QTProjectionTests", dependencies: ["QTProjection", "QTGeometry"]),
        .testTarget(name: "QTFormatsTests", dependencies: ["QTFormats", "QTGeometry", "QTProjection", "QTTestSupport"]),
        .testTarget(name: "QTOSMTests", dependencies: ["QTOSM", "QTTestSupport"]),
        .testTarget(name: "QTBuildTests", dependencies: ["QTBuild", "QTOSM", "QTModel", "QTGeometry", "QTProjection", "QTTestSupport"]),
        .testTarget(name: "QTModelTests", dependencies: ["QTModel", "QTProjection", "QTGeometry", "QTTestSupport"]),
        // Runs the built `qtplan` binary; the dependency makes `swift test` build it first.
        .testTarget(name: "qtplanTests", dependencies: ["qtplan", "QTTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
