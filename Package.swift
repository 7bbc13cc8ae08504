// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "SalesClose",
    products: [
        .executable(name: "salesclose", targets: ["SalesCloseCLI"]),
        .executable(name: "salesclose-gen", targets: ["SalesCloseGenerator"]),
        .executable(name: "forecast-bench", targets: ["ForecastBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        // C libraries, wrapped as system-library modules.
        .systemLibrary(name: "CLibCSV", path: "Sources/CLibCSV",
                       providers: [.apt(["libcsv-dev"])]),
        .systemLibrary(name: "CLibXLSXWriter", path: "Sources/CLibXLSXWriter", pkgConfig: "xlsxwriter",
                       providers: [.apt(["libxlsxwriter-dev"])]),

        // Pure calculation core: value types and functions, no I/O, no clock, no printing.
        .target(name: "SalesCloseCore"),
        // Forecasting models; depends on nothing but the standard library and Foundation math.
        .target(name: "SalesCloseForecast", swiftSettings: [
            // The fitting loops capture their working arrays in local functions; Swift's dynamic
            // exclusivity checks on those accesses cost ~10 % of forecasting and guard nothing
            // here (each fit is one thread's, with no overlapping access).
            .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
        ]),
        // The configuration: one typed, versioned value read from salesclose.toml. The only user of TOMLKit.
        .target(name: "SalesCloseConfiguration", dependencies: [
            "SalesCloseCore", "SalesCloseForecast",
            .product(name: "TOMLKit", package: "TOMLKit"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // CSV exports -> typed, validated rows. The only user of libcsv.
        .target(name: "SalesCloseImport", dependencies: [
            "SalesCloseCore", "SalesCloseConfiguration", "CLibCSV",
            .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: [
            // The row loop mutates one import state object; Swift's dynamic exclusivity checks on
            // its properties cost ~5 % of ingest time and guard nothing here (one thread, no overlap).
            .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
        ]),
        // CSV tables, XLSX close pack, manifest. The only user of libxlsxwriter.
        .target(name: "SalesCloseWriters", dependencies: [
            "SalesCloseCore", "SalesCloseConfiguration", "CLibXLSXWriter",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Orchestration of a run: import, calculate, write to a temporary folder, rename.
        .target(name: "SalesClosePipeline", dependencies: [
            "SalesCloseCore", "SalesCloseConfiguration", "SalesCloseImport", "SalesCloseForecast", "SalesCloseWriters",
        ]),
        // Thin command line; the only user of ArgumentParser.
        .executableTarget(name: "SalesCloseCLI", dependencies: [
            "SalesClosePipeline",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Deterministic generator of realistic sample and benchmark inputs.
        .executableTarget(name: "SalesCloseGenerator", dependencies: ["SalesCloseCore"]),
        // Forecasting speed and accuracy benchmark (release build; not part of the tests).
        .executableTarget(name: "ForecastBench", dependencies: ["SalesCloseForecast"], path: "Sources/ForecastBench"),

        // libFuzzer entry point over the reader and the importer; scripts/fuzz.sh builds it with
        // -sanitize=fuzzer and links it (SwiftPM cannot link a fuzzer executable itself).
        .target(name: "SalesCloseFuzz", dependencies: ["SalesCloseConfiguration", "SalesCloseImport"], path: "Sources/SalesCloseFuzz"),

        // Helpers shared by the test targets.
        .target(name: "SalesCloseTestSupport", dependencies: [
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], path: "Sources/SalesCloseTestSupport"),

        // Tests.
        .testTarget(name: "SalesCloseCoreTests", dependencies: [
            "SalesCloseCore", "SalesCloseWriters", .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "SalesCloseForecastTests", dependencies: [
            "SalesCloseForecast", .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "SalesCloseConfigurationTests", dependencies: [
            "SalesCloseConfiguration", "SalesCloseCore", "SalesCloseTestSupport",
        ]),
        .testTarget(name: "SalesCloseImportTests", dependencies: [
            "SalesCloseImport", "SalesCloseConfiguration", "SalesCloseCore", "SalesCloseTestSupport",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ], exclude: ["Corpus"]),   // read from the source tree by CorpusTests
        .testTarget(name: "SalesCloseWritersTests", dependencies: [
            "SalesCloseWriters", "SalesCloseConfiguration", "SalesCloseCore", "SalesCloseTestSupport",
        ]),
        .testTarget(name: "SalesCloseEndToEndTests", dependencies: [
                        "SalesClosePipeline", "SalesCloseConfiguration", "SalesCloseImport", "SalesCloseCore", "SalesCloseWriters", "SalesCloseTestSupport",
                        "SalesCloseCLI",   // built so the command-line tests can run the binary
                        .product(name: "Crypto", package: "swift-crypto"),
                    ],
                    resources: [.copy("Fixtures")]),
    ],
    swiftLanguageModes: [.v6]
)
