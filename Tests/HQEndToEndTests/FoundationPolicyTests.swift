import Foundation
import Testing

/// hq's Foundation policy (docs/PERFORMANCE.md, "Start-up"): no module of hq imports Foundation,
/// so the binary loads neither libFoundation nor ICU. swift-argument-parser's FoundationEssentials
/// is the one Foundation library in it, linked statically in release builds.
@Suite struct FoundationPolicyTests {
  /// Every `import` of a Foundation module in `Sources/` (the build plugin in `Plugins/` is run
  /// by SwiftPM, not part of hq, and may use Foundation).
  @Test func noSourceOfHqImportsFoundation() throws {
    let sources = HQProcess.packageRoot.appendingPathComponent("Sources")
    let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
    var checked = 0
    var imports: [String] = []
    for case let url as URL in files where url.pathExtension == "swift" {
      checked += 1
      let text = try String(contentsOf: url, encoding: .utf8)
      for line in text.split(separator: "\n") {
        let words = line.split(separator: " ").filter { $0 != "internal" && $0 != "public" && $0 != "@_implementationOnly" }
        if words.count >= 2, words[0] == "import", words[1].hasPrefix("Foundation") {
          imports.append("\(url.lastPathComponent): \(line)")
        }
      }
    }
    #expect(checked > 100, "found \(checked) Swift files under \(sources.path)")
    #expect(imports.isEmpty, "\(imports)")
  }

  static let releaseBinary = HQProcess.packageRoot.appendingPathComponent(".build/release/hq").path

  /// What the dynamic loader maps for the release binary: no Foundation, no ICU, and (the
  /// Swift runtime being linked statically) no Swift library at all.
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: releaseBinary), "needs the release build (Scripts/build)"))
  func theReleaseBinaryLoadsNoFoundationAndNoSwiftLibrary() throws {
    let result = try HQProcess.shell("ldd '\(Self.releaseBinary)'")
    #expect(result.status == 0)
    #expect(result.stdout.contains("libc.so"), "\(result.stdout)")
    for library in ["libFoundation", "ICU", "libswiftCore", "libdispatch"] {
      #expect(!result.stdout.contains(library), "\(library) in:\n\(result.stdout)")
    }
  }
}
