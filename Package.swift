// swift-tools-version: 6.0
import PackageDescription

/// hq: a shell in which analysts query Region Halland's reports as data.
///
/// Dependency direction (each arrow is "imports"):
///
///     hq ─▶ HQShell ─▶ HQEngine ─▶ HQSyntax
///                 │          └──▶ HQData
///                 ├─▶ HQLoaders ─▶ HQReports ─▶ HQData
///                 ├─▶ HQDatasets (Datasets/*.txt embedded by the EmbedDatasets plugin)
///                 ├─▶ CLibEdit (libedit, only the shell touches it)
///                 └─▶ CXlsxWriter (libxlsxwriter, only the xlsx output format touches it)
///
/// HQDiagnostics sits below all of them: HQSyntax, HQReports, HQLoaders and HQShell import it
/// (HQEngine through HQSyntax), so queries, scripts, loaded files and ingestion all report
/// with its one `Diagnostic` type, rendered by its one renderer in display columns.
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
    // libxlsxwriter's headers; the library itself is loaded with dlopen when a workbook is
    // written (Sources/CXlsxWriter/shim.h says why), so there is no pkg-config link flag.
    .systemLibrary(
      name: "CXlsxWriter",
      providers: [.apt(["libxlsxwriter-dev"]), .brew(["libxlsxwriter"])]
    ),
    .target(name: "HQDiagnostics", swiftSettings: swiftSettings),
    .target(name: "HQData", swiftSettings: swiftSettings),
    .target(name: "HQReports", dependencies: ["HQData", "HQDiagnostics"], swiftSettings: swiftSettings),
    .target(name: "HQSyntax", dependencies: ["HQDiagnostics"], swiftSettings: swiftSettings),
    .target(name: "HQLoaders", dependencies: ["HQData", "HQReports", "HQDiagnostics"], swiftSettings: swiftSettings),
    // The report texts in Datasets/, compiled into the binary so `hq` finds them wherever it runs.
    .executableTarget(name: "EmbedDatasetsTool", swiftSettings: swiftSettings),
    .plugin(name: "EmbedDatasets", capability: .buildTool(), dependencies: ["EmbedDatasetsTool"]),
    .target(name: "HQDatasets", swiftSettings: swiftSettings, plugins: ["EmbedDatasets"]),
    .target(name: "HQEngine", dependencies: ["HQSyntax", "HQData"], swiftSettings: swiftSettings),
    .target(
      name: "HQShell",
      dependencies: ["HQEngine", "HQReports", "HQData", "HQSyntax", "HQDiagnostics", "HQLoaders", "HQDatasets", "CLibEdit", "CXlsxWriter"],
      swiftSettings: swiftSettings
    ),
    .executableTarget(name: "hq", dependencies: ["HQShell"], swiftSettings: swiftSettings),

    .testTarget(name: "HQDiagnosticsTests", dependencies: ["HQDiagnostics"], swiftSettings: swiftSettings),
    .testTarget(name: "HQDataTests", dependencies: ["HQData"], swiftSettings: swiftSettings),
    .testTarget(name: "HQReportsTests", dependencies: ["HQReports", "HQData", "HQDiagnostics"], swiftSettings: swiftSettings),
    .testTarget(name: "HQLoadersTests", dependencies: ["HQLoaders", "HQReports", "HQData", "HQDiagnostics"], swiftSettings: swiftSettings),
    .testTarget(name: "HQDatasetsTests", dependencies: ["HQDatasets"], swiftSettings: swiftSettings),
    .testTarget(name: "HQSyntaxTests", dependencies: ["HQSyntax"], swiftSettings: swiftSettings),
    .testTarget(name: "HQEngineTests", dependencies: ["HQEngine", "HQSyntax", "HQData", "HQReports"], swiftSettings: swiftSettings),
    .testTarget(name: "HQShellTests", dependencies: ["HQShell", "HQEngine", "HQData", "HQDiagnostics"], swiftSettings: swiftSettings),
    .testTarget(name: "HQEndToEndTests", dependencies: ["HQShell"], swiftSettings: swiftSettings),
    .testTarget(
      name: "HardeningTests",
      dependencies: ["HQShell", "HQEngine", "HQLoaders", "HQReports", "HQSyntax", "HQData"],
      swiftSettings: swiftSettings
    ),
  ]
)
