import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Signals and endless input through the built binary (issue 12, items 1, 7 and 10): Ctrl-C
/// during a PDF load, a terminal resize before Ctrl-D, devices and endless pipes as input.
@Suite(.serialized) struct InterruptionTests {
  /// A stand-in for `pdftotext` that records its process id, then sleeps 30 s.
  static func slowTool(in dir: URL) throws -> (tool: String, pidFile: String) {
    let pidFile = dir.appendingPathComponent("child.pid").path
    let tool = dir.appendingPathComponent("slow-pdftotext").path
    // The pid file appears whole (written aside, then renamed): a test that waits for it to
    // exist must never read it empty.
    try "#!/bin/sh\necho $$ > \(pidFile).part && mv \(pidFile).part \(pidFile)\nexec sleep 30\n"
      .write(toFile: tool, atomically: true, encoding: .utf8)
    chmod(tool, 0o755)
    return (tool, pidFile)
  }

  static func childPID(_ pidFile: String) -> pid_t? {
    (try? String(contentsOfFile: pidFile, encoding: .utf8)).flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
  }

  static func isGone(_ pid: pid_t) -> Bool {
    // The child was reaped by hq (or, if hq died, by init): poll briefly for it to go.
    for _ in 0..<100 {
      if kill(pid, 0) == -1 && errno == ESRCH { return true }
      usleep(20_000)
    }
    return false
  }

  /// Found: Ctrl-C while `pdftotext` ran killed hq with SIGILL and a backtrace (Foundation's
  /// `readDataToEndOfFile` traps on EINTR), leaving pdftotext running. Now the load stops, the
  /// child is killed, and a script exits 130.
  @Test func ctrlCDuringAPDFLoadExits130AndStopsPdftotext() throws {
    let dir = try HQProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (tool, pidFile) = try Self.slowTool(in: dir)
    let pdf = dir.appendingPathComponent("rapport.pdf").path
    try "%PDF-1.4\n".write(toFile: pdf, atomically: true, encoding: .utf8)
    let script = dir.appendingPathComponent("load.hq").path
    try ".load \(pdf)\nfrom reports | count\n".write(toFile: script, atomically: true, encoding: .utf8)
    for arguments in [[script], ["--load", pdf, "-c", "from reports | count"]] {
      try? FileManager.default.removeItem(atPath: pidFile)
      let result = try HQProcess.run(
        arguments, signal: SIGINT, when: { FileManager.default.fileExists(atPath: pidFile) },
        environment: ["HQ_PDFTOTEXT": tool])
      #expect(result.status == 130, "\(arguments): \(result.stderr)")
      #expect(result.stderr.contains("\(pdf): error: interrupted while pdftotext was reading the PDF; nothing was loaded"))
      #expect(!result.stderr.contains("Fatal error"))
      #expect(result.stdout.isEmpty)
      let pid = try #require(Self.childPID(pidFile))
      #expect(Self.isGone(pid), "pdftotext (pid \(pid)) is still running")
    }
  }

  @Test func pdftotextTimeLimitIsAnError() throws {
    let dir = try HQProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (tool, _) = try Self.slowTool(in: dir)
    let pdf = dir.appendingPathComponent("rapport.pdf").path
    try "%PDF-1.4\n".write(toFile: pdf, atomically: true, encoding: .utf8)
    let result = try HQProcess.run(
      ["--load", pdf, "-c", "from reports | count"], environment: ["HQ_PDFTOTEXT": tool, "HQ_PDFTOTEXT_TIMEOUT": "0.5"])
    #expect(result.status == 1)
    #expect(result.stderr == "\(pdf): error: pdftotext did not finish within 0.5 s and was stopped; nothing was loaded (allow longer with HQ_PDFTOTEXT_TIMEOUT=SECONDS)\n")
    let bad = try HQProcess.run(["-c", "from goals | count"], environment: ["HQ_PDFTOTEXT_TIMEOUT": "soon"])
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("HQ_PDFTOTEXT_TIMEOUT: error: 'soon' is not a number of seconds"))
  }

  /// In the shell, Ctrl-C during `.load` of a PDF returns to the prompt with the session whole.
  @Test func ctrlCDuringAPDFLoadInTheShellReturnsToThePrompt() throws {
    let dir = try HQProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (tool, pidFile) = try Self.slowTool(in: dir)
    let pdf = dir.appendingPathComponent("rapport.pdf").path
    try "%PDF-1.4\n".write(toFile: pdf, atomically: true, encoding: .utf8)
    let shell = try PseudoTerminal(
      environment: ["HQ_HISTORY": dir.appendingPathComponent("h").path, "HQ_PDFTOTEXT": tool])
    try #require(shell.waitForPrompt() != nil)
    shell.send(".load \(pdf)\r")
    for _ in 0..<500 where !FileManager.default.fileExists(atPath: pidFile) { usleep(20_000) }
    usleep(100_000)
    shell.send("\u{3}")
    #expect(shell.wait(for: "interrupted while pdftotext was reading the PDF") != nil, "\(shell.plainText)")
    #expect(shell.waitForPrompt() != nil)
    shell.send("from goals | count\r")
    #expect(shell.wait(for: "(1 row") != nil, "\(shell.plainText)")
    #expect(shell.waitForPrompt() != nil)
    shell.send("\u{4}")
    #expect(shell.waitForExit() == 0)
    #expect(!shell.plainText.contains("Fatal error"))
    if let pid = Self.childPID(pidFile) { #expect(Self.isGone(pid)) }
  }

  /// Found: after any terminal resize, Ctrl-D no longer left the shell (libedit retries its
  /// read after SIGWINCH but leaves errno at EINTR, which was taken for Ctrl-C).
  @Test func ctrlDAfterATerminalResizeLeaves() throws {
    let dir = try HQProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let shell = try PseudoTerminal(environment: ["HQ_HISTORY": dir.appendingPathComponent("h").path])
    try #require(shell.waitForPrompt() != nil)
    shell.resize(columns: 60)
    usleep(200_000)
    shell.resize(columns: 100)
    usleep(200_000)
    shell.send("\u{4}")
    #expect(shell.waitForExit(timeout: 10) == 0, "\(shell.plainText)")
  }

  /// Found: `hq /dev/zero` (a device as a script) was read forever; `hq < /dev/zero` exited 0
  /// without a word. Devices are refused as scripts; standard input that is not text (a NUL
  /// byte) or has an endless line is an error naming the line.
  @Test func devicesAndEndlessInputAreRefused() throws {
    let device = try HQProcess.run(["/dev/zero"])
    #expect(device.status == 2)
    #expect(device.stderr == "hq: error: cannot read '/dev/zero': it is a device; expected a script file (to type statements, run hq without a script)\n")

    let zeros = try HQProcess.shell("timeout 30 \"$HQ\" < /dev/zero")
    #expect(zeros.status == 1)
    #expect(zeros.stderr == "<stdin>:1:1: error: unexpected NUL byte; expected statements as text (is standard input a device or a binary file?)\n")

    // (The writer's own complaint about the closed pipe goes to /dev/null.)
    let endless = try HQProcess.shell("tr '\\0' a < /dev/zero 2>/dev/null | HQ_MAX_PIPE_INPUT=1M timeout 30 \"$HQ\"")
    #expect(endless.status == 1)
    #expect(endless.stderr == "<stdin>:1:1: error: line 1 is longer than 1 MiB and reading stopped; expected statements (is standard input a device or a binary file?)\n")

    // Found: `cat /dev/zero | hq --load /dev/stdin --as z.csv` read until memory ran out.
    let load = try HQProcess.shell("cat /dev/zero 2>/dev/null | HQ_MAX_PIPE_INPUT=2M timeout 30 \"$HQ\" --load /dev/stdin --as z.csv -c 'from z | count'")
    #expect(load.status == 1)
    #expect(load.stderr == "/dev/stdin: error: more than 2 MiB arrived through the pipe and reading stopped; nothing was loaded (save the data to a file and load that, or allow more with HQ_MAX_PIPE_INPUT=SIZE)\n")
  }

  /// Found: Ctrl-C was ignored while an endless pipe loaded (a pipe that always has data never
  /// blocks, so no read was interrupted).
  @Test func ctrlCStopsAnEndlessPipeLoad() throws {
    let dir = try HQProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let fifo = dir.appendingPathComponent("endless.csv").path
    #expect(mkfifo(fifo, 0o600) == 0)
    // A writer that never stops (until the reader goes), started by the shell.
    let writer = Process()
    writer.executableURL = URL(fileURLWithPath: "/bin/sh")
    writer.arguments = ["-c", "exec cat /dev/zero > '\(fifo)'"]
    try writer.run()
    defer { writer.terminate() }
    let started = Date()
    // Ctrl-C once hq is reading: the writer has written 8 MiB (more than a pipe holds). A fixed
    // delay was flaky: `cat` can deliver the whole 1 GiB limit within it.
    let written = "/proc/\(writer.processIdentifier)/io"
    let result = try HQProcess.run(
      ["--load", fifo, "-c", "from endless | count"], signal: SIGINT,
      when: {
        let io = (try? String(contentsOfFile: written, encoding: .utf8)) ?? ""
        let wchar = io.split(separator: "\n").first { $0.hasPrefix("wchar:") }.flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) }
        return (wchar ?? 0) >= 8 << 20
      },
      // Bounded even if Ctrl-C were missed again: then the size limit ends the load.
      environment: ["HQ_MAX_PIPE_INPUT": "1G"])
    #expect(result.status == 130, "\(result.stderr)")
    #expect(result.stderr == "\(fifo): error: interrupted while reading; nothing was loaded\n")
    #expect(Date().timeIntervalSince(started) < 15)
  }

  /// The join memory budget is settable with `HQ_MEMORY_LIMIT`; over it, the join is named
  /// with its estimated size and nothing is allocated.
  @Test func joinMemoryBudgetFromTheEnvironment() throws {
    let over = try HQProcess.run(["-c", "from facts | join facts on report"], environment: ["HQ_MEMORY_LIMIT": "64K"])
    #expect(over.status == 1)
    #expect(over.stderr.hasPrefix("<command>:1:14: error: join with 'facts' would need about "))
    #expect(over.stderr.contains("more than the memory budget of 64 KiB"))
    // Counting the same join needs no columns and stays within the budget.
    let count = try HQProcess.run(["-c", "from facts | join facts on report | count"], environment: ["HQ_MEMORY_LIMIT": "64K"])
    #expect(count.status == 0, "\(count.stderr)")
    let bad = try HQProcess.run(["-c", "from goals | count"], environment: ["HQ_MEMORY_LIMIT": "much"])
    #expect(bad.status == 2)
    #expect(bad.stderr == "hq: HQ_MEMORY_LIMIT: error: 'much' is not a size; expected bytes with an optional K, M or G suffix (HQ_MEMORY_LIMIT=8G)\n")
  }
}
