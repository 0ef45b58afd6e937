// swift-tools-version:6.0
//
// The project's tools, in a package of their own so that the product's `swift build` and `swift test` compile
// only the product (as tools/fuzz is its own package). They use the root package's libraries by path.
// Build one: swift build -c release --package-path tools --product NAME (the scripts beside each tool do it).
import PackageDescription

let package = Package(
    name: "qtplan-tools",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "qtplan", path: "..")],
    targets: [
        // Derives the real layers of geodata/qiantang from ../shared/reference (see geodata/SOURCES.md).
        .executableTarget(
            name: "derive-geodata",
            dependencies: [.product(name: "QTModel", package: "qtplan"), .product(name: "QTGeometry", package: "qtplan"),
                           .product(name: "QTProjection", package: "qtplan")],
            path: "derive-geodata"
        ),
        // Generates the modelled layers of geodata/qiantang from stated rules, seeded (model-geodata/README.md).
        .executableTarget(
            name: "model-geodata",
            dependencies: [.product(name: "QTModel", package: "qtplan"), .product(name: "QTGeometry", package: "qtplan"),
                           .product(name: "QTProjection", package: "qtplan")],
            path: "model-geodata",
            exclude: ["README.md", "population-and-facilities.md", "network.md"]
        ),
        // Swift half of the buffer+union benchmark; the C half is bench/buffer_union.c.
        .executableTarget(
            name: "bench-buffer-union",
            dependencies: [.product(name: "QTGeometry", package: "qtplan")],
            path: "bench/swift"
        ),
        // Land use by class × sub-district on a generated 100,000-parcel district (bench/landuse/README.md).
        .executableTarget(
            name: "bench-landuse",
            dependencies: [.product(name: "QTAnalysis", package: "qtplan"), .product(name: "QTModel", package: "qtplan"),
                           .product(name: "QTGeometry", package: "qtplan"), .product(name: "QTProjection", package: "qtplan")],
            path: "bench/landuse",
            exclude: ["README.md", "geopandas_landuse.py", "run.sh", "build"]
        ),
        // Coverage (radius, network pass, a 100× scale case) against shapely, GeoPandas, networkx and pandana
        // on the same generated inputs (bench/coverage/README.md).
        .executableTarget(
            name: "bench-coverage",
            dependencies: [.product(name: "QTAnalysis", package: "qtplan"), .product(name: "QTModel", package: "qtplan"),
                           .product(name: "QTPlan", package: "qtplan"),
                           .product(name: "QTGeometry", package: "qtplan"), .product(name: "QTProjection", package: "qtplan")],
            path: "bench/coverage",
            exclude: ["README.md", "peers.py", "run.sh", "build"]
        ),
        // Maximal covering quality against the exact optimum (pulp + CBC) on seeded instances, and site-suggest's
        // time on the bundled district (bench/siting/README.md).
        .executableTarget(
            name: "bench-siting",
            dependencies: [.product(name: "QTAnalysis", package: "qtplan"), .product(name: "QTModel", package: "qtplan")],
            path: "bench/siting",
            exclude: ["README.md", "peers.py", "run.sh", "build"]
        ),
        // DistrictLoader().load(directory:) on the bundled district, in-process, with its phases (bench/load/README.md).
        .executableTarget(
            name: "bench-load",
            dependencies: [.product(name: "QTModel", package: "qtplan"), .product(name: "QTGeometry", package: "qtplan"),
                           .product(name: "QTFormats", package: "qtplan"), .product(name: "QTProjection", package: "qtplan")],
            path: "bench/load",
            exclude: ["README.md", "run.sh"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
