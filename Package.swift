// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Communique",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "communique", targets: ["communique"]),
        .library(name: "Communique", targets: ["Communique"]),
        // libFuzzer targets (`make fuzz`); built normally, it replays a corpus (`make test`).
        .executable(name: "communique-fuzz", targets: ["CommuniqueFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // No traits: the defaults add swift-configuration and Foundation form coding,
        // which a file server does not use, to every clean build.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // C libraries, reached only through the small Swift wrappers below.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(
            name: "CGumbo",
            pkgConfig: "gumbo",
            providers: [.apt(["libgumbo-dev"])]
        ),
        .systemLibrary(
            name: "CMeCab",
            providers: [.apt(["libmecab-dev", "mecab-ipadic-utf8"])]
        ),
        .target(name: "CommuniqueMarkdown", dependencies: ["CCmarkGFM"]),
        .target(name: "CommuniqueJapanese", dependencies: ["CMeCab"]),
        // Saved web pages, parsed by gumbo into Swift values (`communique import page.html`).
        .target(name: "CommuniqueHTML", dependencies: ["CGumbo"]),
        // The core: one folder per pipeline stage.
        .target(
            name: "Communique",
            dependencies: [
                "CommuniqueMarkdown",
                "CommuniqueJapanese",
                "CommuniqueHTML",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // `communique serve`: the preview server, kept out of the core so the pipeline
        // does not depend on a web server.
        .target(
            name: "CommuniqueServer",
            dependencies: [
                "Communique", .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "CommuniqueCLI",
            dependencies: [
                "Communique",
                "CommuniqueServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "communique", dependencies: ["CommuniqueCLI"]),
        // `communique-fuzz`: one entry point per fuzz target, each checking invariants. Built with
        // `-sanitize=fuzzer,address -DFUZZING` (see `make fuzz`) it runs libFuzzer; built normally,
        // `communique-fuzz replay TARGET DIR…` replays a corpus (Tests/fuzz/) through the same checks.
        .executableTarget(
            name: "CommuniqueFuzz",
            dependencies: ["Communique", "CommuniqueMarkdown", "CommuniqueServer", .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(name: "CommuniqueMarkdownTests", dependencies: ["CommuniqueMarkdown"]),
        .testTarget(
            name: "CommuniqueTests",
            dependencies: [
                "Communique", "CommuniqueCLI", "CommuniqueJapanese", "CommuniqueServer", "CommuniqueHTML",
                // Tests run the server on a loopback port and fetch with URLSession:
                // HummingbirdTesting would add an HTTP client and TLS (BoringSSL) to every clean build.
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            exclude: ["Fixtures"]
        ),
    ]
)
