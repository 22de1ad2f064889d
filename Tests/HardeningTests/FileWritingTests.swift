#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
@testable import HQLoaders
import HQReports
@testable import HQShell
import Testing

/// Files hq writes (`.save`, `.output`, `.export`): a regular file is written under a temporary
/// name and renamed, so it is whole or untouched, keeping its permissions; the predictable
/// temporary name cannot be used to redirect the write elsewhere; devices, FIFOs and
/// `/dev/stdout` are written in place; a symbolic link writes to its target.
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
    try OutputFile.write("a,b\n1,2\n", to: output)
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
    #expect(throws: ShellError.self) { try OutputFile.write("new\n", to: scratch.path + "/dir.csv") }
    #expect(access(scratch.path + "/.dir.csv.\(getpid()).tmp", F_OK) != 0)
    // A destination in a directory that does not exist: nothing is written anywhere.
    #expect(throws: ShellError.self) { try OutputFile.write("new\n", to: scratch.path + "/missing/x.csv") }
    #expect(Self.contents(existing) == "old\n")
  }

  static func mode(_ path: String) -> mode_t {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode : 0
  }

  /// Found: `.output` over a 0600 file left it 0644 (the new file was created 0644 and renamed
  /// over the old one): private results became readable by everyone.
  @Test func replacingAFileKeepsItsPermissions() throws {
    let scratch = PathologicalFileTests.Scratch()
    let secret = scratch.write("secret.csv", "old\n")
    chmod(secret, 0o600)
    try OutputFile.write("new\n", to: secret)
    #expect(Self.contents(secret) == "new\n")
    #expect(Self.mode(secret) & 0o7777 == 0o600)
    chmod(secret, 0o640)
    try ModelExport.write(ReportModel(), to: secret)
    #expect(Self.mode(secret) & 0o7777 == 0o640)
    // A new file gets 0666 less the umask, as `>` in a shell gives.
    let fresh = scratch.track("fresh.csv")
    let mask = umask(0o022)
    defer { umask(mask) }
    try OutputFile.write("x\n", to: fresh)
    #expect(Self.mode(fresh) & 0o7777 == 0o644)
  }

  /// Found: a symbolic link was replaced by a regular file (the link's target kept its old
  /// contents). Now the target is written and the link stays, relative links included.
  @Test func aSymbolicLinkWritesToItsTarget() throws {
    let scratch = PathologicalFileTests.Scratch()
    let target = scratch.write("target.csv", "old\n")
    chmod(target, 0o600)
    let link = scratch.track("link.csv")
    symlink("target.csv", link)
    try OutputFile.write("new\n", to: link)
    #expect(Self.mode(link) & S_IFMT == S_IFLNK)
    #expect(Self.contents(target) == "new\n")
    #expect(Self.mode(target) & 0o7777 == 0o600)
    // A link to a file that does not exist yet creates it.
    let dangling = scratch.track("dangling.csv")
    symlink(scratch.path + "/created.csv", dangling)
    _ = scratch.track("created.csv")
    try OutputFile.write("made\n", to: dangling)
    #expect(Self.mode(dangling) & S_IFMT == S_IFLNK)
    #expect(Self.contents(scratch.path + "/created.csv") == "made\n")
  }

  /// Found: `.output FIFO` replaced the FIFO with a regular file, so the program reading it
  /// got nothing. Now the FIFO is opened and written.
  @Test func aFIFOIsWrittenInPlace() throws {
    let scratch = PathologicalFileTests.Scratch()
    let fifo = scratch.track("results.fifo")
    #expect(mkfifo(fifo, 0o600) == 0)
    let box = ReaderBox()
    let reader = Thread {
      let fd = open(fifo, O_RDONLY)
      defer { close(fd) }
      var bytes = [UInt8](repeating: 0, count: 4096)
      var text = ""
      while true {
        let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n <= 0 { break }
        text += String(decoding: bytes[0..<n], as: UTF8.self)
      }
      box.set(text)
    }
    reader.start()
    try OutputFile.write("a,b\n1,2\n", to: fifo)
    for _ in 0..<500 where box.get() == nil { usleep(10_000) }
    #expect(box.get() == "a,b\n1,2\n")
    #expect(Self.mode(fifo) & S_IFMT == S_IFIFO)
  }

  /// Found (as root): `.output /dev/null` turned `/dev/null` into a regular file. Tested on a
  /// device node made for the test (a copy of /dev/null's numbers), not on the real one.
  @Test(.enabled(if: getuid() == 0, "making a device node needs root (CI runs as root)"))
  func aDeviceIsWrittenInPlaceNotReplaced() throws {
    let scratch = PathologicalFileTests.Scratch()
    let device = scratch.track("null")
    var info = stat()
    try #require(stat("/dev/null", &info) == 0)
    try #require(mknod(device, S_IFCHR | 0o666, info.st_rdev) == 0, "mknod failed: errno \(errno)")
    try OutputFile.write("results\n", to: device)
    try ModelExport.write(ReportModel(), to: device)
    var after = stat()
    #expect(stat(device, &after) == 0)
    #expect(after.st_mode & S_IFMT == S_IFCHR)
    #expect(after.st_rdev == info.st_rdev)
  }

  @Test func ownDescriptorsAreRecognized() {
    #expect(FileDestination.ownDescriptor("/dev/stdout") == 1)
    #expect(FileDestination.ownDescriptor("/dev/stderr") == 2)
    #expect(FileDestination.ownDescriptor("/dev/fd/7") == 7)
    #expect(FileDestination.ownDescriptor("/proc/self/fd/3") == 3)
    #expect(FileDestination.ownDescriptor("/dev/stdin.csv") == nil)
  }

  @Test func aDirectoryIsRefusedByName() {
    let scratch = PathologicalFileTests.Scratch()
    for path in [scratch.path, scratch.path + "/", "."] {
      do {
        try OutputFile.write("x\n", to: path)
        Issue.record("expected an error for \(path)")
      } catch {
        #expect(error.message == "cannot write '\(path)': it is a directory; expected a file name")
      }
    }
  }
}

/// The text a reader thread got, handed to the test's thread.
final class ReaderBox: @unchecked Sendable {
  private let lock = NSLock()
  private var text: String?

  func set(_ value: String) { lock.withLock { text = value } }
  func get() -> String? { lock.withLock { text } }
}
