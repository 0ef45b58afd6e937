// swift-tools-version:6.0
//
// libFuzzer targets for qtplan's readers, in their own package: a fuzz entry point (`LLVMFuzzerTestOneInput`
// without `main`) inside the root package would break `swift build` and `swift test` there.
// Build: swift build -c release --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address (run.sh does it). See tools/HARDENING.md.
import PackageDescription

let package = Package(
    name: "qtplan-fuzz",
    dependencies: [.package(name: "qtplan", path: "../..")],
    targets: [
        // GeoJSON text → GeoJSONReader (and, for what it reads, GEOS geometries and validity).
        .executableTarget(name: "fuzz-geojson", dependencies: [.product(name: "QTGeometry", package: "qtplan")]),
        // WKT text → GeometryContext.read(wkt:) (GEOS's reader through qtplan's guards).
        .executableTarget(name: "fuzz-wkt", dependencies: [.product(name: "QTGeometry", package: "qtplan")]),
        // A manifest and one layer from the fuzz bytes, written to a temporary folder → DistrictLoader and
        // DistrictValidator.
        .executableTarget(name: "fuzz-district", dependencies: [
            .product(name: "QTModel", package: "qtplan"), .product(name: "QTGeometry", package: "qtplan"),
        ]),
        // One file in a format GDAL reads (FlatGeobuf, GeoPackage, CSV, or a Shapefile's three members), chosen
        // by the first byte → VectorReader (GDAL, then the checks of a complete read).
        .executableTarget(name: "fuzz-gdal", dependencies: [
            .product(name: "QTFormats", package: "qtplan"), .product(name: "QTProjection", package: "qtplan"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
