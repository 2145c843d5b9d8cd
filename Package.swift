// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "dlplot",
    // Linux only (Debian 12 and Ubuntu): platform calls go through Glibc, and no Apple platform is
    // built or tested, so none is claimed.
    products: [
        .library(name: "Optim", targets: ["Optim"]),
        .library(name: "Viz", targets: ["Viz"]),
        .library(name: "DLPlotFigures", targets: ["Figures"]),
        .library(name: "RunLogs", targets: ["RunLogs"]),
        .executable(name: "dlplot", targets: ["dlplot"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // MARK: - System libraries
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]
        ),
        // The animation codecs, opened at run time (dlopen) so that dlplot runs without them; building needs
        // their headers (Debian libgif-dev, libwebp-dev, libavcodec-dev, libavformat-dev).
        .target(
            name: "CCodecs",
            linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]
        ),
        // The codecs linked directly: only the tests' decoders (TestSupport) use these.
        .systemLibrary(
            name: "CGif",
            providers: [.apt(["libgif-dev"])]
        ),
        .systemLibrary(
            name: "CWebP",
            pkgConfig: "libwebpmux",
            providers: [.apt(["libwebp-dev"])]
        ),
        .systemLibrary(
            name: "CAV",
            pkgConfig: "libavformat",
            providers: [.apt(["libavcodec-dev", "libavformat-dev"])]
        ),
        .systemLibrary(
            name: "CPNG",
            pkgConfig: "libpng",
            providers: [.apt(["libpng-dev"])]
        ),

        // MARK: - Public API
        // The C library (Glibc, Musl or Darwin) behind one import, for the few POSIX calls Viz and dlplot make.
        .target(name: "Platform"),
        .target(
            name: "Optim",
            dependencies: [.product(name: "RealModule", package: "swift-numerics")],
            exclude: ["README.md"]
        ),
        .target(
            name: "Viz",
            dependencies: ["CCairo", "CPNG", "CCodecs", "Platform", .product(name: "RealModule", package: "swift-numerics")],
            exclude: ["README.md"]
        ),
        .target(
            name: "Figures",
            dependencies: ["Optim", "Viz", "RunLogs", .product(name: "RealModule", package: "swift-numerics")],
            exclude: ["README.md"]
        ),
        // Training logs (CSV, JSON lines, TensorBoard event files); no drawing, no optimizers.
        .target(
            name: "RunLogs",
            dependencies: [
                "Platform",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "CSV", package: "CSV.swift"),
            ],
            exclude: ["Proto/event.proto", "Proto/summary.proto", "Proto/tensor.proto", "Proto/README.md"]
        ),
        .executableTarget(
            name: "dlplot",
            dependencies: [
                "Optim", "Viz", "Figures", "RunLogs", "Platform",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "ExpressionFuzz",
            dependencies: ["Optim"],
            path: "Fuzz/ExpressionFuzz"
        ),
        // The example of Sources/Viz/README.md: Viz used on its own, as another package would.
        .executableTarget(
            name: "VizExample",
            dependencies: ["Viz"],
            path: "Examples/VizExample"
        ),
        .executableTarget(
            name: "DLPlotBench",
            dependencies: ["Optim", "Viz", "RunLogs", "Figures"],
            path: "Benchmarks/DLPlotBench"
        ),

        // MARK: - Unit test bundles
        .target(
            name: "TestSupport",
            dependencies: ["CPNG", "CGif", "CWebP", "CAV"],
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "OptimTests",
            dependencies: ["Optim"],
            resources: [.copy("Reference")]
        ),
        .testTarget(
            name: "RunLogsTests",
            dependencies: ["RunLogs", "Platform"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "VizTests",
            dependencies: ["Viz", "TestSupport"]
        ),
        .testTarget(
            name: "FiguresTests",
            dependencies: ["Figures", "Optim", "Viz", "TestSupport"]
        ),
        .testTarget(
            name: "VizExampleTests",
            dependencies: ["VizExample", "TestSupport"]
        ),
        .testTarget(
            name: "DLPlotTests",
            dependencies: ["dlplot", "Figures", "Optim", "Viz", "TestSupport"]
        ),
    ]
)
