#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HQLoaders
import HQReports
@testable import HQShell
import Testing

/// Files hq writes (`.save`, `.output`, `.export`): written under a temporary name and renamed,
/// so the destination is whole or untouched, and the predictable temporary name cannot be
/// used to redirect the write elsewhere.
@Suite struct FileWritingTests {
  /// Reads a whole small file as text ("" when it cannot be read).
  static func contents(_ path: String) -> String {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return "" }
    defer { close(fd) }
    var bytes = [UInt8](repeating: 0, count: 4096)
    let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
    return String(decoding: bytes[0..<max(0, n)], as: UTF8.self)
  }

  /// Found here: the shell's and the exporter's temporary file was opened with `O_TRUNC` and
  /// without `O_NOFOLLOW`, so a symlink planted under the predictable name
  /// `.NAME.PID.tmp` made hq overwrite the link's target.
  @Test func plantedSymlinkAtTheTemporaryNameIsNotFollowed() throws {
    let scratch = PathologicalFileTests.Scratch()
    let victim = scratch.write("victim.txt", "precious\n")

    let output = scratch.track("out.csv")
    symlink(victim, scratch.track(".out.csv.\(getpid()).tmp"))
    try AtomicFile.write("a,b\n1,2\n", to: output)
    #expect(Self.contents(victim) == "precious\n")
    #expect(Self.contents(output) == "a,b\n1,2\n")

    let export = scratch.track("model.json")
    symlink(victim, scratch.track(".model.json.\(getpid()).tmp"))
    try ModelExport.write(ReportModel(), to: export)
    #expect(Self.contents(victim) == "precious\n")
    #expect(Self.contents(export).hasPrefix("{"))
  }

  @Test func failedWriteLeavesTheOldFile() {
    let scratch = PathologicalFileTests.Scratch()
    let existing = scratch.write("keep.csv", "old\n")
    // A directory where the destination should be: the rename fails, the temporary goes.
    mkdir(scratch.track("dir.csv"), 0o700)
    #expect(throws: ShellError.self) { try AtomicFile.write("new\n", to: scratch.path + "/dir.csv") }
    #expect(access(scratch.path + "/.dir.csv.\(getpid()).tmp", F_OK) != 0)
    // A destination in a directory that does not exist: nothing is written anywhere.
    #expect(throws: ShellError.self) { try AtomicFile.write("new\n", to: scratch.path + "/missing/x.csv") }
    #expect(Self.contents(existing) == "old\n")
  }
}
