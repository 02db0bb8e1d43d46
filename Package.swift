// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "verdict",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "verdict", targets: ["verdict"]),
        .library(name: "VerdictCore", targets: ["VerdictCore"]),
        .library(name: "VerdictServer", targets: ["VerdictServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk.git", from: "0.12.1"),
    ],
    targets: [
        .target(
            name: "VerdictCore",
            dependencies: []
        ),
        .target(
            name: "VerdictServer",
            dependencies: [
                "VerdictCore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "MCP", package: "swift-sdk"),
            ],
            exclude: ["Resources/README.md"],
            resources: [
                .copy("Resources/demo-catalog.yaml"), .copy("Resources/site.css"),
                .copy("Resources/openapi.json"), .copy("Resources/common-passwords.txt"),
            ]
        ),
        .executableTarget(name: "verdict", dependencies: ["VerdictServer"]),
        .target(name: "VerdictTestSupport", path: "Tests/VerdictTestSupport"),
        .testTarget(name: "VerdictCoreTests", dependencies: ["VerdictCore", "VerdictTestSupport"]),
        .testTarget(
            name: "VerdictServerTests",
            dependencies: [
                "VerdictServer", "VerdictTestSupport",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ],
            exclude: ["Fixtures/smtp_sink.py"]
        ),
    ]
)
