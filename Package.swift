// swift-tools-version: 6.0
import PackageDescription

/// hq: a shell in which analysts query Region Halland's reports as data.
///
/// Dependency direction (each arrow is "imports"):
///
///     hq ─▶ HQShell ─▶ HQEngine ─▶ HQSyntax
///                 │          └──▶ HQData
///                 ├─▶ HQReports ─▶ HQData
///                 └─▶ CLibEdit (libedit, only the shell touches it)
let swiftSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
  name: "hq",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "hq", targets: ["hq"])
  ],
  targets: [
    .systemLibrary(
      name: "CLibEdit",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"]), .brew(["libedit"])]
    ),
    .target(name: "HQData", swiftSettings: swiftSettings),
    .target(name: "HQReports", dependencies: ["HQData"], swiftSettings: swiftSettings),
    .target(name: "HQSyntax", swiftSettings: swiftSettings),
    .target(name: "HQEngine", dependencies: ["HQSyntax", "HQData"], swiftSettings: swiftSettings),
    .target(
      name: "HQShell",
      dependencies: ["HQEngine", "HQReports", "HQData", "HQSyntax", "CLibEdit"],
      swiftSettings: swiftSettings
    ),
    .executableTarget(name: "hq", dependencies: ["HQShell"], swiftSettings: swiftSettings),

    .testTarget(name: "HQDataTests", dependencies: ["HQData"], swiftSettings: swiftSettings),
    .testTarget(name: "HQReportsTests", dependencies: ["HQReports", "HQData"], swiftSettings: swiftSettings),
    .testTarget(name: "HQSyntaxTests", dependencies: ["HQSyntax"], swiftSettings: swiftSettings),
    .testTarget(name: "HQEngineTests", dependencies: ["HQEngine", "HQSyntax", "HQData", "HQReports"], swiftSettings: swiftSettings),
    .testTarget(name: "HQShellTests", dependencies: ["HQShell", "HQEngine", "HQData"], swiftSettings: swiftSettings),
    .testTarget(name: "HQEndToEndTests", dependencies: ["HQShell"], swiftSettings: swiftSettings),
  ]
)
