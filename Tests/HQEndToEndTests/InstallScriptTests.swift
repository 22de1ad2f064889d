import Foundation
import Testing

/// `Scripts/install` puts the release binary that `Scripts/build` made (the build
/// `Scripts/shell` and `Scripts/install` share) into `PREFIX/bin`. With `HQ_SKIP_BUILD=1`, as
/// `Scripts/shell` runs it right after its own build, it compiles nothing and runs no
/// `swift` at all; it says when the folder is not on `PATH`.
@Suite struct InstallScriptTests {
  static let releaseBinary = HQProcess.packageRoot.appendingPathComponent(".build/release/hq").path

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: releaseBinary), "needs the release build (Scripts/build)"))
  func installsTheSharedReleaseBuildWithoutBuilding() throws {
    let prefix = try HQProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: prefix) }
    // No swift on this PATH: installing must not build.
    let result = try HQProcess.shell(
      "cd '\(HQProcess.packageRoot.path)' && HQ_SKIP_BUILD=1 PREFIX='\(prefix.path)' PATH=/usr/bin:/bin Scripts/install")
    #expect(result.status == 0, "\(result.stderr)")
    let installed = prefix.appendingPathComponent("bin/hq").path
    #expect(result.stdout.contains("installed \(installed) (hq "), "\(result.stdout)")
    #expect(result.stdout.contains("note: \(prefix.path)/bin is not on your PATH"), "\(result.stdout)")
    #expect(FileManager.default.contentsEqual(atPath: installed, andPath: Self.releaseBinary))
    let run = try HQProcess.shell("'\(installed)' --format csv -c 'from reports | count'")
    #expect(run.stdout == "count\n2\n", "\(run.stderr)")
  }
}
