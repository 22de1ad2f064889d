import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Where results go when writing fails or hq is stopped (issue 12, items 2, 3, 4 and 8),
/// through the built binary: nothing lost while reporting success.
@Suite(.serialized) struct OutputWritingTests {
  /// True when this process may mount a small tmpfs in a private mount namespace (root with
  /// `unshare`, as on CI), to fill a file system for real.
  static let canMountTmpfs: Bool = {
    guard getuid() == 0, let dir = try? HQProcess.temporaryDirectory() else { return false }
    defer { try? FileManager.default.removeItem(at: dir) }
    let probe = try? HQProcess.shell("unshare -m sh -c 'mount -t tmpfs -o size=64k tmpfs \(dir.path)' 2>/dev/null")
    return probe?.status == 0
  }()

  /// A device that fails every write with ENOSPC: as root, a node made in `dir` with
  /// /dev/full's numbers, so a regressed hq that replaces devices can only harm that copy
  /// (an hq from before the fix turned the real /dev/full into a regular file); otherwise
  /// /dev/full itself, which a user cannot replace.
  static func fullDevice(in dir: URL) -> String {
    guard getuid() == 0 else { return "/dev/full" }
    let path = dir.appendingPathComponent("full").path
    var info = stat()
    guard stat("/dev/full", &info) == 0, mknod(path, S_IFCHR | 0o666, info.st_rdev) == 0 else { return "/dev/full" }
    return path
  }

  /// `command` (a shell line using `$HQ`) run where `/dev/stdout` can be replaced harmlessly: as
  /// root, in a private mount namespace with a fresh tmpfs on /dev holding only the links hq
  /// needs; otherwise as is (a user cannot replace /dev entries).
  static func withPrivateDev(_ command: String) throws -> HQProcess.Result {
    guard canMountTmpfs else { return try HQProcess.shell(command) }
    let setup = "mount -t tmpfs tmpfs /dev && ln -s /proc/self/fd /dev/fd && ln -s /proc/self/fd/1 /dev/stdout && ln -s /proc/self/fd/2 /dev/stderr"
    let quoted = command.replacingOccurrences(of: "'", with: "'\\''")
    return try HQProcess.shell("unshare -m sh -c '\(setup) && \(quoted)'")
  }

  static func write(_ text: String, to name: String, in dir: URL) throws -> String {
    let path = dir.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// Found: a write error on standard output other than a closed pipe was taken for one:
  /// `hq -c 'from lines' > /dev/full` printed nothing and exited 0.
  @Test func standardOutputThatCannotBeWrittenIsAnError() throws {
    let command = try HQProcess.shell("$HQ -c 'from goals | count' -c 'from lines' > /dev/full")
    #expect(command.status == 1)
    #expect(command.stderr == "<command>:1:1: error: cannot write the results to standard output: No space left on device; the output is incomplete\nfrom goals | count\n^~~~\n")

    let dir = try HQProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let script = try Self.write("# counts\nfrom goals | count\nfrom lines | count\n", to: "s.hq", in: dir)
    // --keep-going does not go on: nothing after could be seen.
    let scripted = try HQProcess.shell("$HQ '\(script)' --keep-going > /dev/full")
    #expect(scripted.status == 1)
    #expect(scripted.stderr == "\(script):2:1: error: cannot write the results to standard output: No space left on device; the output is incomplete\nfrom goals | count\n^~~~\n")

    let help = try HQProcess.shell("$HQ --help > /dev/full")
    #expect(help.status == 1)
    #expect(help.stderr == "hq: error: cannot write to standard output: No space left on device\n")

    // A closed pipe stays quiet.
    let piped = try HQProcess.shell("$HQ -c 'from lines' | head -c 10 > /dev/null; echo \"${PIPESTATUS[0]}\"")
    #expect(piped.stdout == "0\n")
    #expect(piped.stderr.isEmpty)
  }

  @Test(.enabled(if: canMountTmpfs, "needs root and unshare to mount a 64 KiB tmpfs (CI runs as root)"))
  func aFullDiskUnderStandardOutputIsAnError() throws {
    let dir = try HQProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let mount = dir.appendingPathComponent("small").path
    try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
    let result = try HQProcess.shell(
      "unshare -m sh -c 'mount -t tmpfs -o size=64k tmpfs \(mount) && \"$HQ\" -c \"from lines\" > \(mount)/x.csv; echo status=$?'")
    #expect(result.stdout == "status=1\n")
    #expect(result.stderr.contains("<command>:1:1: error: cannot write the results to standard output: No space left on device"))
  }

  /// Found: a failed `.output`/`.once` write (a full disk, `.output .`) exited 0, and the
  /// message had no FILE:LINE.
  @Test func failedOutputFileWritesExitNonZeroNamingTheLine() throws {
    let dir = try HQProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let device = Self.fullDevice(in: dir)
    let full = try Self.write(".output \(device)\nfrom goals | count\nfrom goals | count\n", to: "full.hq", in: dir)
    let fullResult = try HQProcess.run([full])
    #expect(fullResult.status == 1)
    #expect(fullResult.stderr == "\(full):2:1: error: cannot write '\(device)': No space left on device\nfrom goals | count\n^~~~\n")
    #expect(fullResult.stdout.isEmpty)

    let once = try Self.write("from goals | count\n.once \(device)\nfrom goals | count\n", to: "once.hq", in: dir)
    let onceResult = try HQProcess.run([once])
    #expect(onceResult.status == 1)
    #expect(onceResult.stderr == "\(once):3:1: error: cannot write '\(device)': No space left on device\nfrom goals | count\n^~~~\n")

    let directory = try Self.write(".output .\nfrom goals | count\n", to: "dot.hq", in: dir)
    let dot = try HQProcess.run([directory], directory: dir)
    #expect(dot.status == 1)
    #expect(dot.stderr == "\(directory):1:1: error: cannot write '.': it is a directory; expected a file name\n.output .\n^~~~~~~\n")
  }

  @Test(.enabled(if: canMountTmpfs, "needs root and unshare to mount a 64 KiB tmpfs (CI runs as root)"))
  func aFullDiskUnderOutputLeavesTheOldFileAndFails() throws {
    let dir = try HQProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let mount = dir.appendingPathComponent("small").path
    try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
    let script = try Self.write(".output \(mount)/out.csv\nfrom goals | count\nfrom lines\n", to: "big.hq", in: dir)
    let result = try HQProcess.shell(
      "unshare -m sh -c 'mount -t tmpfs -o size=64k tmpfs \(mount) && echo old > \(mount)/out.csv && \"$HQ\" \(script); echo status=$?; cat \(mount)/out.csv; ls -A \(mount)'")
    #expect(result.stdout == "status=1\nold\nout.csv\n")
    #expect(result.stderr == "\(script):3:1: error: cannot write '\(mount)/out.csv': No space left on device; the file is left as it was\nfrom lines\n^~~~\n")
  }

  /// Found: `.output` over a 0600 file left it 0644, and a symbolic link was replaced by a
  /// regular file. Now `.output`, `.save` and `.export` keep the mode and write through links.
  @Test func privateFilesStayPrivateAndLinksStayLinks() throws {
    let dir = try HQProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    var commands: [String] = []
    for name in ["out.csv", "saved.hq", "model.json"] {
      let path = dir.appendingPathComponent(name).path
      try "old\n".write(toFile: path, atomically: true, encoding: .utf8)
      chmod(path, 0o600)
      symlink(path, dir.appendingPathComponent("link-" + name).path)
    }
    commands = [
      ".output \(dir.path)/link-out.csv", "from goals | count", ".output", ".save \(dir.path)/link-saved.hq",
      ".export \(dir.path)/link-model.json",
    ]
    let result = try HQProcess.run(commands.flatMap { ["-c", $0] })
    #expect(result.status == 0, "\(result.stderr)")
    for name in ["out.csv", "saved.hq", "model.json"] {
      var info = stat()
      #expect(lstat(dir.appendingPathComponent("link-" + name).path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK, "\(name)")
      #expect(stat(dir.appendingPathComponent(name).path, &info) == 0 && info.st_mode & 0o777 == 0o600, "\(name)")
      #expect(try String(contentsOfFile: dir.appendingPathComponent(name).path, encoding: .utf8) != "old\n", "\(name)")
    }
    #expect(try String(contentsOfFile: dir.appendingPathComponent("out.csv").path, encoding: .utf8) == "count\n7\n")
  }

  /// Found: `.output /dev/stdout` replaced the `/dev/stdout` link (as root) or failed; now it
  /// writes to hq's standard output, after what was written there before.
  @Test func outputToDevStdoutWritesToStandardOutput() throws {
    let dir = try HQProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let result = try Self.withPrivateDev(#""$HQ" -c 'from goals | count' -c '.output /dev/stdout' -c 'from reports | count' -c '.output'"#)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "count\n7\ncount\n2\n")
    // Standard output redirected to a file: appended after what hq wrote there, not over it.
    let file = dir.appendingPathComponent("out.csv").path
    let redirected = try Self.withPrivateDev(#""$HQ" -c 'from goals | count' -c '.output /dev/stdout' -c 'from reports | count' > "# + "'\(file)'; cat '\(file)'")
    #expect(redirected.stdout == "count\n7\ncount\n2\n")
    var info = stat()
    #expect(lstat("/dev/stdout", &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
  }

  /// Found: SIGHUP (terminal closed), SIGTERM and SIGBUS left an open `.output`'s results in a
  /// hidden `.NAME.PID.tmp`. Now the finished statements' results reach the file.
  @Test(arguments: [(SIGTERM, Int32(143)), (SIGHUP, Int32(129)), (SIGBUS, Int32(1))])
  func resultsReachTheOutputFileOnTermination(signal: Int32, status: Int32) throws {
    let dir = try HQProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out.csv").path
    try "old\n".write(toFile: out, atomically: true, encoding: .utf8)
    chmod(out, 0o600)
    let fifo = dir.appendingPathComponent("wait.csv").path
    #expect(mkfifo(fifo, 0o600) == 0)
    // The last line waits for a writer to open the FIFO: hq is idle after two statements.
    let script = try Self.write(
      ".output \(out)\nfrom goals | count\nfrom reports | count\n.load \(fifo)\nfrom goals\n", to: "s.hq", in: dir)
    let result = try HQProcess.run([script], signal: signal, when: {
      let entries = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
      guard let temporary = entries.first(where: { $0.hasPrefix(".out.csv.") }) else { return false }
      let size = (try? FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent(temporary).path)[.size] as? Int) ?? 0
      return size >= "count\n7\ncount\n2\n".utf8.count
    })
    #expect(result.status == status, "\(result.stderr)")
    #expect(try String(contentsOfFile: out, encoding: .utf8) == "count\n7\ncount\n2\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }.isEmpty)
    var info = stat()
    #expect(stat(out, &info) == 0 && info.st_mode & 0o777 == 0o600)
  }

  /// A terminal that closes sends SIGHUP while hq waits at its prompt (inside libedit).
  @Test func closingTheTerminalKeepsTheOutputFile() throws {
    let dir = try HQProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out.csv").path
    let shell = try PseudoTerminal(environment: ["HQ_HISTORY": dir.appendingPathComponent("h").path])
    try #require(shell.waitForPrompt() != nil)
    shell.send(".format csv\r")
    #expect(shell.waitForPrompt() != nil)
    shell.send(".output \(out)\r")
    #expect(shell.waitForPrompt() != nil)
    shell.send("from goals | count\r")
    #expect(shell.waitForPrompt() != nil)
    kill(shell.pid, SIGHUP)
    #expect(shell.waitForExit() == 129)
    #expect(try String(contentsOfFile: out, encoding: .utf8) == "count\n7\n")
  }
}
