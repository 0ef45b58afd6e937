// swift-tools-version:6.0
//
// The OpenStreetMap build benchmark's generator, in a package of its own (as tools/fuzz): the product's build and
// tests never compile it. Run: tools/bench-osm/run.sh (see README.md).
import PackageDescription

let package = Package(
    name: "qtplan-bench-osm",
    dependencies: [.package(name: "qtplan", path: "../..")],
    targets: [
        // A synthetic city as OSM XML with a chosen number of ways: a street grid, buildings, land use, facilities.
        .executableTarget(name: "generate-osm", dependencies: [.product(name: "QTModel", package: "qtplan")]),
    ],
    swiftLanguageModes: [.v6]
)
