// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "dlplot",
    platforms: [.macOS(.v15)],
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
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev"]), .brew(["cairo", "pango"])]
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
            providers: [.apt(["libgif-dev"]), .brew(["giflib"])]
        ),
        .systemLibrary(
            name: "CWebP",
            pkgConfig: "libwebpmux",
            providers: [.apt(["libwebp-dev"]), .brew(["webp"])]
        ),
        .systemLibrary(
            name: "CAV",
            pkgConfig: "libavformat",
            providers: [.apt(["libavcodec-dev", "libavformat-dev"]), .brew(["ffmpeg"])]
        ),
        .systemLibrary(
            name: "CPNG",
            pkgConfig: "libpng",
            providers: [.apt(["libpng-dev"]), .brew(["libpng"])]
        ),

        // MARK: - Public API
        .target(
            name: "Optim",
            dependencies: [.product(name: "RealModule", package: "swift-numerics")]
        ),
        .target(
            name: "Viz",
            dependencies: ["CCairo", "CPNG", "CCodecs"]
        ),
        .target(
            name: "Figures",
            dependencies: ["Optim", "Viz", "RunLogs"]
        ),
        // Training logs (CSV, JSON lines, TensorBoard event files); no drawing, no optimizers.
        .target(
            name: "RunLogs",
            dependencies: [
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "CSV", package: "CSV.swift"),
            ],
            exclude: ["Proto/tensorboard_event.proto"]
        ),
        .executableTarget(
            name: "dlplot",
            dependencies: [
                "Optim", "Viz", "Figures", "RunLogs",
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
            dependencies: ["RunLogs"],
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
            name: "DLPlotTests",
            dependencies: ["dlplot", "Figures", "Optim", "Viz", "TestSupport"]
        ),
    ]
)
