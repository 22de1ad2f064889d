import Foundation
import Testing

/// The libFuzzer entries in `Fuzz/` are built only by `Scripts/fuzz`, so a change to the API
/// they call would go unseen until the next fuzzing run (one did: `ReportModel.tables()` was
/// removed as dead while three entries still called it). Each is type-checked here against
/// the modules the test build just compiled.
@Suite struct FuzzEntryTests {
  /// The test build's modules, next to the test bundle (`…/debug/Modules`).
  static let modules: String = {
    let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    var directory = exe.deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = directory.appendingPathComponent("Modules")
      if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("HQReports.swiftmodule").path) {
        return candidate.path
      }
      directory = directory.deletingLastPathComponent()
    }
    return ""
  }()

  @Test(.enabled(if: !modules.isEmpty, "needs the test build's modules"))
  func everyFuzzEntryTypeChecksAgainstTheBuiltModules() throws {
    let root = HQProcess.packageRoot
    let fuzz = root.appendingPathComponent("Fuzz")
    let targets = try FileManager.default.contentsOfDirectory(atPath: fuzz.path).sorted()
    var entries: [String] = []
    for target in targets {
      let directory = fuzz.appendingPathComponent(target)
      let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
      entries += files.filter { $0.hasSuffix(".swift") }.map { directory.appendingPathComponent($0).path }
    }
    #expect(entries.count >= 6, "\(entries)")
    for entry in entries {
      let result = try HQProcess.shell(
        "swiftc -typecheck -parse-as-library -I '\(Self.modules)' -I '\(root.path)/Sources/CLibEdit' "
          + "-I '\(root.path)/Sources/CXlsxWriter' '\(entry)'")
      #expect(result.status == 0, "\(entry):\n\(result.stderr)")
    }
  }
}
